"""`edition anchor`: every selector it prints is one the checker resolves to that very occurrence."""

from __future__ import annotations

import contextlib
import io
import shutil
from pathlib import Path

import pytest
import yaml

from edition.anchor_lookup import find_occurrences
from edition.cli import main
from edition.resolve import check_edition

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT / "source" / "revolution-betrayed"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def printed_selectors(root: Path, words: str) -> list[dict[str, object]]:
    code, out, err = run("anchor", str(root), words)
    assert code == 0, err
    selectors = yaml.safe_load(out)  # what is printed pastes as YAML as it stands
    assert isinstance(selectors, list)
    return selectors


def resolved_as_glosses(
    root: Path, selectors: list[dict[str, object]]
) -> list[tuple[int, int | None, int, int]]:
    """Each selector pasted as a gloss into a fresh apparatus file; where the checker anchors each one."""
    entries = [{"id": f"g{n}", **selector, "note": "x"} for n, selector in enumerate(selectors)]
    (root / "apparatus" / "pasted.yaml").write_text(yaml.safe_dump({"glosses": entries}, allow_unicode=True))
    config = (root / "edition.yaml").read_text(encoding="utf-8")
    pasted = config.replace("apparatus: [", "apparatus: [apparatus/pasted.yaml, ", 1)
    pasted = pasted.replace("apparatus:\n", "apparatus:\n  - apparatus/pasted.yaml\n", 1)
    assert pasted != config
    (root / "edition.yaml").write_text(pasted)
    result = check_edition(root)
    assert result.edition is not None, [d.format() for d in result.diagnostics if d.severity == "error"]
    spans = {
        g.element_id: (g.lemma.paragraph, g.lemma.heading, g.lemma.start, g.lemma.end)
        for g in result.edition.glosses
    }
    return [spans[f"gloss-g{n}"] for n in range(len(selectors))]


@pytest.mark.parametrize(
    ("source", "words", "count"),
    [
        ("mini", "Left Opposition", 1),
        ("mini", "bureaucracy", 2),
        ("mini", "Stalin", 3),
        ("mini", "policeman", 3),
        ("mini", "(11)", 2),
        ("default", "the bureaucracy", None),
        ("default", "Stalin", None),
        ("default", "workers", None),
        ("default", "of the", None),
        ("manifesto", "Socialism", 4),  # in four headings only
        ("manifesto", "Socialist and Communist", 2),  # in a paragraph and a heading
    ],
)
def test_every_printed_selector_resolves_to_its_occurrence(
    source: str, words: str, count: int | None, tmp_path: Path
) -> None:
    root = tmp_path / "edition"
    shutil.copytree(DEFAULT if source == "default" else ROOT / "tests" / "fixtures" / source, root)
    occurrences = find_occurrences(root, words).occurrences
    if count is not None:
        assert len(occurrences) == count
    assert len(occurrences) >= 1
    selectors = printed_selectors(root, words)
    assert len(selectors) == len(occurrences)
    expected = [
        (
            o.span.paragraph + 1,
            None if o.span.heading is None else o.span.heading + 1,
            o.span.start,
            o.span.end,
        )
        for o in occurrences
    ]
    assert resolved_as_glosses(root, selectors) == expected
    # Paragraph numbers as the checker counts them (§ = paragraph index + 1 in reading order).
    assert [o.paragraph_number for o in occurrences] == [e[0] for e in expected]


def test_a_single_occurrence_needs_the_lemma_alone(mini: Path) -> None:
    assert printed_selectors(mini, "Left Opposition") == [{"lemma": "Left Opposition"}]


def test_context_is_the_shortest_that_singles_the_occurrence_out(mini: Path) -> None:
    # "Stalin rose", "Stalin's regime", "Stalin again": one word after each is enough.
    assert printed_selectors(mini, "Stalin") == [
        {"lemma": "Stalin", "after": "rose"},
        {"lemma": "Stalin", "after": "'s"},
        {"lemma": "Stalin", "after": "again"},
    ]


def test_identical_paragraphs_fall_back_to_occurrence(mini: Path) -> None:
    text = mini / "text" / "article.md"
    text.write_text(text.read_text() + "\nThe same words.\n\nThe same words.\n")
    assert printed_selectors(mini, "same words") == [
        {"lemma": "same words", "occurrence": 1},
        {"lemma": "same words", "occurrence": 2},
    ]
    resolved_as_glosses(mini, printed_selectors(mini, "same words"))


def test_words_are_matched_with_the_lemma_normalisations(mini: Path) -> None:
    # A curly apostrophe and extra spaces still find "Stalin's regime" (straight quote in the text).
    [selector] = printed_selectors(mini, "Stalin\u2019s   regime")
    assert selector == {"lemma": "Stalin\u2019s   regime"}
    resolved_as_glosses(mini, [selector])


def test_the_output_shows_the_paragraph_and_its_context(mini: Path) -> None:
    code, out, _ = run("anchor", str(mini), "bureaucracy")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "# 'bureaucracy' occurs 2 times"
    assert lines[1] == (
        "  # § 2 (text/article.md:5): …Stalin rose to power. The [bureaucracy] grew, as Trotsky put it, like…"
    )
    assert lines[2:4] == ["  - lemma: bureaucracy", "    before: The"]


def test_words_that_occur_nowhere_are_a_located_error_with_the_nearest_passages(mini: Path) -> None:
    code, out, err = run("anchor", str(mini), "Stallin")
    assert code == 1 and out == ""
    first = err.splitlines()[0]
    assert first == "edition.yaml:21:8: error: 'Stallin' does not occur in the copy-text [lemma-not-found]"
    assert "nearest passages:" in err and "§ 2: “Stalin” (92% alike)" in err


def test_usage_errors_exit_2(mini: Path, tmp_path: Path) -> None:
    assert run("anchor", str(tmp_path / "nowhere"), "Stalin")[0] == 2
    assert run("anchor", str(mini), "  ")[0] == 2
    assert run("anchor", str(mini), "two\nlines")[0] == 2


def test_a_broken_edition_yaml_is_reported_not_searched(mini: Path) -> None:
    (mini / "edition.yaml").write_text("title: [\n")
    code, out, err = run("anchor", str(mini), "Stalin")
    assert code == 1 and out == "" and "[yaml-syntax]" in err


def test_a_headings_occurrence_says_in_heading_only_where_a_paragraph_has_the_words(tmp_path: Path) -> None:
    root = tmp_path / "manifesto"
    shutil.copytree(ROOT / "tests" / "fixtures" / "manifesto", root)
    both = find_occurrences(root, "Socialist and Communist").occurrences
    assert [(o.in_heading, o.selector.get("in")) for o in both] == [(False, None), (True, "heading")]
    code, out, _ = run("anchor", str(root), "Feudal Socialism")
    assert code == 0 and "# the heading before § 14 (text/chapter-3.md:6): …a. [Feudal Socialism]…" in out
    assert "in:" not in out  # no paragraph has the words: the checker looks in the headings by itself
