"""What reading does with awkward input: numbers as text, invisible characters, raw HTML, unsafe links."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from edition.diagnostics import Diagnostic, visible
from edition.model import Text, iter_paragraphs, plain_text
from edition.resolve import check_edition
from edition.yamlload import YMap, YScalar, parse_yaml


def append(root: Path, relpath: str, text: str) -> None:
    with (root / relpath).open("a", encoding="utf-8") as out:
        out.write(text)


def glosses(root: Path, entries: str) -> None:
    (root / "apparatus/glosses.yaml").write_text("glosses:\n" + entries, encoding="utf-8")


def codes(root: Path) -> list[str]:
    return [d.code for d in check_edition(root).diagnostics]


def test_a_number_lemma_is_matched_as_written(mini: Path) -> None:
    append(mini, "text/article.md", "\nBread cost 1.50 roubles in 010 shops, at 12:30.\n")
    glosses(
        mini,
        "  - {id: price, lemma: 1.50, note: x}\n  - {id: shops, lemma: 010, note: y}\n"
        "  - {id: noon, lemma: 12:30, note: z}\n",
    )
    result = check_edition(mini)
    assert [d.code for d in result.diagnostics if d.severity == "error"] == []
    assert result.edition is not None
    assert sorted(g.lemma.text for g in result.edition.glosses) == ["010", "1.50", "12:30"]


def test_scalars_keep_their_source_text() -> None:
    node = parse_yaml("a: 1.50\nb: 010\nc: yes\nd: '7'\n", "x.yaml")
    assert isinstance(node, YMap)
    values = {key.name: value for key, value in node.items}
    assert all(isinstance(v, YScalar) for v in values.values())
    assert [(v.value, v.source) for v in values.values()] == [  # type: ignore[union-attr]
        (1.5, "1.50"),
        (8, "010"),
        (True, "yes"),
        ("7", "7"),
    ]


def test_a_lemma_failing_only_because_of_a_zero_width_space_says_so(mini: Path) -> None:
    glosses(mini, '  - {id: a, lemma: "Left\\u200b Opposition", note: x}\n')
    [problem] = check_edition(mini).diagnostics
    assert problem.code == "lemma-not-found"
    assert problem.hint is not None
    assert "invisible character U+200B" in problem.hint
    shown = problem.format()
    assert "\u200b" not in shown and "LeftU+200B Opposition" in shown


def test_an_invisible_character_in_the_text_is_named_with_its_paragraph(mini: Path) -> None:
    text = (mini / "text/article.md").read_text(encoding="utf-8")
    (mini / "text/article.md").write_text(text.replace("Left Opposition", "Left \u2066Opposition"))
    glosses(mini, "  - {id: a, lemma: Left Opposition, note: x}\n")
    problems = [d for d in check_edition(mini).diagnostics if d.code == "lemma-not-found"]
    assert len(problems) == 1 and problems[0].hint is not None
    assert problems[0].hint.startswith("§ 1 has these words with the invisible character U+2066")


def test_a_lemma_with_no_invisible_character_gets_no_such_hint(mini: Path) -> None:
    glosses(mini, "  - {id: a, lemma: Left Oposition, note: x}\n")
    [problem] = check_edition(mini).diagnostics
    assert problem.hint is not None and "invisible" not in problem.hint


def test_diagnostics_never_carry_raw_control_or_bidi_characters() -> None:
    d = Diagnostic("a\u202e.yaml", 1, 2, "error", "x", "bad \x1b[2J value", "hint \u200b here\nnext \x07")
    shown = d.format()
    assert shown.splitlines()[0] == "aU+202E.yaml:1:2: error: bad U+001B[2J value [x]"
    assert "hint U+200B here" in shown and "next U+0007" in shown
    assert visible("tab\tstays") == "tab\tstays"


def _printed(root: Path) -> str:
    result = check_edition(root)
    assert result.edition is not None, result.diagnostics
    return " ".join(plain_text(p.content) for p in iter_paragraphs(result.edition.sections))


def test_inline_script_is_left_out_with_its_content(mini: Path) -> None:
    append(mini, "text/article.md", "\nSee <script>alert('inline')</script> and <b>bold</b> here.\n")
    printed = _printed(mini)
    assert "alert" not in printed and "See  and bold here." in printed
    assert codes(mini).count("raw-html") == 3  # <script> (with its content), <b>, </b>


def test_a_javascript_link_prints_its_words_only(mini: Path) -> None:
    append(mini, "text/article.md", "\nA [click here](javascript:alert(1)) and <javascript:alert(2)> end.\n")
    printed = _printed(mini)
    assert "javascript" not in printed and "A click here and  end." in printed
    assert codes(mini).count("unsafe-link") == 2
    result = check_edition(mini)
    assert result.edition is not None
    links = [
        node
        for p in iter_paragraphs(result.edition.sections)
        for node in p.content
        if not isinstance(node, Text) and "javascript" in repr(node)
    ]
    assert links == []


def test_web_links_stay_links(mini: Path) -> None:
    append(mini, "text/article.md", "\nSee [the site](https://example.org/x) now.\n")
    assert "unsafe-link" not in codes(mini)
    result = check_edition(mini)
    assert result.edition is not None
    assert "https://example.org/x" in repr(result.edition.sections)


def test_a_named_pipe_as_copy_text_does_not_hang_the_command(mini: Path) -> None:
    (mini / "text/article.md").unlink()
    os.mkfifo(mini / "text/article.md")  # nobody ever writes to it: reading it would block for ever
    result = subprocess.run(
        [sys.executable, "-m", "edition.cli", "check", str(mini)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1
    assert "'text/article.md' named in edition.yaml: this is a named pipe, not a file [not-a-file]" in (
        result.stderr
    )
