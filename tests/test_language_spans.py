"""Language spans: ``[words]{lang=de}`` in the copy-text, notes and front matter, through to the outputs."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree
from lxml import html as lxml_html

from edition.diagnostics import Diagnostic
from edition.markdown import parse_markdown
from edition.model import LanguageSpan, Origin, Styled, Text, iter_paragraphs
from edition.overlay import build_inlines
from edition.resolve import check_edition, load_edition
from edition.writers.epub import build_epub
from edition.writers.pdf.templates import environment
from edition.writers.pdf.view import book_view

XHTML = "{http://www.w3.org/1999/xhtml}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def spans(text: str) -> tuple[tuple[object, ...], list[Diagnostic]]:
    problems: list[Diagnostic] = []
    raw = parse_markdown(text, "text/a.md", line_offset=0, problems=problems)
    paragraph = raw.blocks[-1]
    return build_inlines(paragraph.atoms), problems  # type: ignore[union-attr]


def test_a_span_carries_its_language_and_origin_and_nests_in_emphasis() -> None:
    nodes, problems = spans("Intro.\n\nThe *[Weltanschauung]{lang=de} of* it.\n")
    assert problems == []
    assert nodes == (
        Text("The "),
        Styled("em", (LanguageSpan("de", (Text("Weltanschauung"),), Origin("text/a.md", 3)), Text(" of"))),
        Text(" it."),
    )


def test_the_plain_text_a_lemma_is_matched_against_has_no_braces() -> None:
    raw = parse_markdown("A [bon mot]{lang=fr} here.\n", "text/a.md")
    assert raw.blocks[0].text == "A bon mot here."  # type: ignore[union-attr]


def test_an_unregistered_tag_is_a_located_error_and_the_words_stay() -> None:
    nodes, problems = spans("Line one\nand [Wort]{lang=xx-de} two.\n")
    assert nodes == (Text("Line one and Wort two."),)
    assert [(p.severity, p.code, p.path, p.line) for p in problems] == [
        ("error", "bad-language", "text/a.md", 1)
    ]
    assert "'xx-de'" in problems[0].message


def test_a_malformed_tag_is_an_error_with_a_hint() -> None:
    _, problems = spans('A [Wort]{lang="de_DE"} b.\n')
    assert [p.code for p in problems] == ["bad-language"]
    assert problems[0].hint is not None and "en-GB" in problems[0].hint


def test_other_span_attributes_are_warned_about_and_left_out() -> None:
    nodes, problems = spans("A [Wort]{lang=de .x} and [y]{#z} b.\n")
    assert [(p.severity, p.code) for p in problems] == [("warning", "span-attribute")] * 2
    assert nodes[1] == LanguageSpan("de", (Text("Wort"),), Origin("text/a.md", 1))
    assert nodes[2] == Text(" and y b.")


def _with_spans(mini: Path) -> Path:
    article = mini / "text/article.md"
    article.write_text(
        article.read_text(encoding="utf-8").replace(
            "Stalin rose to power.", 'Stalin rose to power, a [Machtergreifung "von oben"]{lang=de}.'
        ),
        encoding="utf-8",
    )
    (mini / "front/note.md").write_text("The copy-text, [l'édition]{lang=fr}.\n", encoding="utf-8")
    glosses = mini / "apparatus/glosses.yaml"
    glosses.write_text(
        glosses.read_text(encoding="utf-8").replace(
            "note: Joseph Stalin (1878–1953).", "note: Joseph Stalin (1878–1953), [Stalin]{lang=ru-Latn}."
        ),
        encoding="utf-8",
    )
    with (mini / "edition.yaml").open("a", encoding="utf-8") as f:
        f.write("typography: [curly-quotes]\n")
    return mini


def test_spans_in_copy_text_notes_and_front_matter_reach_the_model(mini: Path) -> None:
    edition = load_edition(_with_spans(mini))
    found = [
        node
        for paragraph in iter_paragraphs(edition.sections)
        for node in paragraph.content
        if isinstance(node, LanguageSpan)
    ]
    # the German span gets German quotation marks inside an English text
    assert [(s.language, s.children) for s in found] == [("de", (Text("Machtergreifung „von oben“"),))]
    assert found[0].origin.path == "text/article.md"
    stalin = next(g for g in edition.glosses if g.element_id.endswith("stalin"))
    assert LanguageSpan("ru-Latn", (Text("Stalin"),), stalin.body[0].origin) in stalin.body[0].content  # type: ignore[union-attr]
    note = edition.front_matter[1].blocks[0]
    assert any(isinstance(n, LanguageSpan) and n.language == "fr" for n in note.content)  # type: ignore[union-attr]


def test_a_bad_tag_in_a_gloss_is_located_at_its_line_in_the_yaml(mini: Path) -> None:
    glosses = mini / "apparatus/glosses.yaml"
    text = glosses.read_text(encoding="utf-8").replace("(1878–1953).", "(1878–1953), [x]{lang=qq}.")
    glosses.write_text(text, encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "lang=qq" in row)
    found = [d for d in check_edition(mini).diagnostics if d.code == "bad-language"]
    assert [(d.path, d.line, d.severity) for d in found] == [("apparatus/glosses.yaml", line, "error")]


def test_a_bad_edition_language_is_a_located_error(mini: Path) -> None:
    config = mini / "edition.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("language: en", "language: english"))
    found = [d for d in check_edition(mini).diagnostics if d.code == "bad-language"]
    assert [(d.path, d.line) for d in found] == [("edition.yaml", 8)]


def test_the_print_html_tags_the_span(mini: Path) -> None:
    edition = load_edition(_with_spans(mini))
    html = environment().get_template("book.html.j2").render(view=book_view(edition, (), "2026-11-26"))
    tree = lxml_html.fromstring(html)
    tagged = {(e.get("lang"), e.text_content()) for e in tree.iter("span") if e.get("lang")}
    assert ("de", "Machtergreifung „von oben“") in tagged
    assert ("fr", "l’édition") in tagged
    assert ("ru-Latn", "Stalin") in tagged


def test_the_epub_tags_the_span_with_lang_and_xml_lang(mini: Path, tmp_path: Path) -> None:
    edition = load_edition(_with_spans(mini))
    result = build_epub(edition, tmp_path / "build")
    tagged = set()
    with zipfile.ZipFile(result.path) as book:
        for name in book.namelist():
            if name.endswith(".xhtml"):
                root = etree.fromstring(book.read(name))
                for span in root.iter(f"{XHTML}span"):
                    if span.get("lang"):
                        assert span.get(XML_LANG) == span.get("lang")
                        tagged.add((span.get("lang"), "".join(span.itertext())))
    assert {("de", "Machtergreifung „von oben“"), ("fr", "l’édition"), ("ru-Latn", "Stalin")} <= tagged
