"""Notes on the book's people (edition.yaml's ``note:``): Markdown like any note, located when wrong, headed
as the count and the people's roles say, in every output."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree
from lxml import html as lxml_html

from edition.book import book_of
from edition.model import CitationRef, Edition, PageRef, Paragraph, Styled
from edition.resolve import check_edition
from edition.writers.epub import build_epub
from edition.writers.pdf.templates import environment
from edition.writers.pdf.view import book_view
from edition.writers.web import build_web
from tests.conftest import replace_in

XHTML = {"h": "http://www.w3.org/1999/xhtml"}
MARKDOWN_NOTE = "Ada Author writes short test articles."
RICH = "Ada Author writes *short* test articles [@trotsky-1937, 3]; see [[policeman]]."


def _config(mini: Path, old: str, new: str) -> None:
    replace_in(mini / "edition.yaml", old, new)


def _edition(mini: Path) -> Edition:
    result = check_edition(mini)
    assert result.edition is not None and not result.diagnostics, result.diagnostics
    return result.edition


def _with_translator_and_coauthor(mini: Path) -> Edition:
    _config(
        mini,
        f"    note: {MARKDOWN_NOTE}\n",
        f"    note: {RICH}\n  - name: Bo Second\n    note: Bo writes too.\n",
    )
    _config(
        mini,
        "language: en\n",
        "language: en\ncontributors:\n  - name: Tess Translator\n    role: translator\n"
        "    note: |\n      Tess translates *pamphlets*.\n\n      She lives in Leeds.\n",
    )
    return _edition(mini)


def test_a_note_is_markdown_with_citations_and_cross_references(mini: Path) -> None:
    edition = _with_translator_and_coauthor(mini)
    (ada, _, tess) = edition.contributor_notes
    assert [(n.name, n.relator) for n in edition.contributor_notes] == [
        ("Ada Author", "aut"),
        ("Bo Second", "aut"),
        ("Tess Translator", "trl"),
    ]
    (paragraph,) = ada.blocks
    assert isinstance(paragraph, Paragraph)
    kinds = {type(node) for node in paragraph.content}
    assert {Styled, CitationRef, PageRef} <= kinds, kinds  # [[policeman]] is a page reference
    assert len(tess.blocks) == 2  # two paragraphs


def test_labels_follow_the_count_and_the_role(mini: Path) -> None:
    edition = _with_translator_and_coauthor(mini)
    book = book_of(edition)
    assert [(g.heading, len(g.notes)) for g in book.about] == [
        ("About the Authors", 2),
        ("About the Contributor", 1),
    ]


def test_one_author_is_about_the_author_and_german_is_german(mini: Path) -> None:
    edition = _edition(mini)
    assert [g.heading for g in book_of(edition).about] == ["About the Author"]
    _config(mini, "language: en\n", "language: de\n")
    assert [g.heading for g in book_of(_edition(mini)).about] == ["Über den Autor"]


def test_print_sets_authors_under_the_byline_and_the_others_in_the_imprint(mini: Path) -> None:
    edition = _with_translator_and_coauthor(mini)
    html = environment().get_template("book.html.j2").render(view=book_view(edition, (), "2026-01-01"))
    page = lxml_html.fromstring(html)
    notes = page.xpath("//header[@class='text-head']/div[@class='contributor-note']")
    assert len(notes) == 2 and notes[0].xpath(".//em[.='short']") and notes[0].xpath(".//a[@href]")
    imprint = page.xpath("//section[@class='imprint']")[0]
    heads = [p.text_content() for p in imprint.xpath(".//p[@class='imprint-head']")]
    assert heads[-1] == "About the Contributor"
    assert [p.text_content() for p in imprint.xpath(".//div[@class='imprint-about']/p")] == [
        "Tess translates pamphlets.",
        "She lives in Leeds.",
    ]


def test_the_epub_and_web_imprints_head_each_group_and_links_land(mini: Path, tmp_path: Path) -> None:
    edition = _with_translator_and_coauthor(mini)
    epub = build_epub(edition, tmp_path / "epub").path
    with zipfile.ZipFile(epub) as book:
        imprint = etree.fromstring(book.read("EPUB/imprint.xhtml"))
        files = {n: etree.fromstring(book.read(n)) for n in book.namelist() if n.endswith(".xhtml")}
    heads = [h.text for h in imprint.xpath("//h:h3", namespaces=XHTML)]
    assert heads == ["About the Authors", "About the Contributor"]
    assert imprint.xpath("//h:em[.='pamphlets']", namespaces=XHTML)
    for a in imprint.xpath("//h:a[@href]", namespaces=XHTML):  # the citation and the cross-reference
        target, _, fragment = a.get("href").partition("#")
        into = files[f"EPUB/{target}"] if target else imprint
        assert into.xpath(f"//*[@id='{fragment}']"), a.get("href")
    assert len(imprint.xpath("//h:a[@href]", namespaces=XHTML)) >= 2
    site = build_web(edition, tmp_path / "web")
    text = (site.path / "imprint.html").read_text(encoding="utf-8")
    assert "<h2>About the Authors</h2>" in text and "<h2>About the Contributor</h2>" in text


def test_a_wrong_citation_in_a_note_is_located_in_edition_yaml(mini: Path) -> None:
    _config(mini, f"    note: {MARKDOWN_NOTE}\n", "    note: Writes [@no-such-work].\n")
    problems = [d for d in check_edition(mini).diagnostics if d.severity == "error"]
    (problem,) = problems
    assert problem.code == "unknown-citation-key" and problem.path == "edition.yaml"
    lines = (mini / "edition.yaml").read_text(encoding="utf-8").splitlines()
    assert "no-such-work" in lines[problem.line - 1], (problem.line, problem.column)
