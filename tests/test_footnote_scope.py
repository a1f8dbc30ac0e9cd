"""Footnote labels belong to their text file: ``[^1]`` in every chapter; a duplicate in one is an error."""

from __future__ import annotations

import zipfile
from collections import Counter
from pathlib import Path

from lxml import etree
from lxml import html as lxml_html

from edition.markdown import parse_markdown
from edition.model import FootnoteRef, iter_paragraphs
from edition.resolve import check_edition, load_edition
from edition.writers.epub import build_epub
from edition.writers.pdf.templates import environment
from edition.writers.pdf.view import book_view

SECOND = """## A third section

The second file has its own first note.[^1] And a second one.[^2]

[^1]: The second file's note 1.
[^2]: The second file's note 2.
"""


def _two_files(mini: Path, second: str = SECOND) -> Path:
    (mini / "text/second.md").write_text(second, encoding="utf-8")
    config = mini / "edition.yaml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "text: [text/article.md]", "text: [text/article.md, text/second.md]"
        ),
        encoding="utf-8",
    )
    return mini


def test_each_file_numbers_its_own_notes_and_ids_do_not_clash(mini: Path) -> None:
    result = check_edition(_two_files(mini))
    assert [d for d in result.diagnostics if d.severity == "error"] == []
    edition = result.edition
    assert edition is not None
    assert [(f.element_id, f.ref_id, f.label, f.origin.path) for f in edition.footnotes] == [
        ("fn-1", "fnref-1", "1", "text/article.md"),
        ("fn-2-1", "fnref-2-1", "1", "text/second.md"),
        ("fn-2-2", "fnref-2-2", "2", "text/second.md"),
    ]
    refs = [
        node
        for paragraph in iter_paragraphs(edition.sections)
        for node in paragraph.content
        if isinstance(node, FootnoteRef)
    ]
    assert refs == [FootnoteRef("fn-1", "1"), FootnoteRef("fn-2-1", "1"), FootnoteRef("fn-2-2", "2")]
    assert edition.footnotes[1].blocks[0].content[0].text == "The second file's note 1."  # type: ignore[union-attr]


def test_a_single_file_keeps_its_ids() -> None:
    raw = parse_markdown("A.[^x]\n\n[^x]: note\n", "text/a.md")
    assert raw.footnotes[0].element_id == "fn-x"


def test_a_label_defined_twice_in_one_file_is_a_located_error(mini: Path) -> None:
    second = SECOND + "\n[^1]: A second definition of note 1.\n"
    found = [d for d in check_edition(_two_files(mini, second)).diagnostics if d.severity == "error"]
    assert [(d.code, d.path, d.line) for d in found] == [("duplicate-footnote", "text/second.md", 8)]
    assert "first at line 5" in found[0].message


def test_two_notes_sharing_an_id_are_reported_where_the_second_is(mini: Path) -> None:
    article = mini / "text/article.md"
    article.write_text(
        article.read_text(encoding="utf-8") + "\nA note with a dashed label.[^2-1]\n\n[^2-1]: Dashed.\n",
        encoding="utf-8",
    )
    found = [d for d in check_edition(_two_files(mini)).diagnostics if d.code == "duplicate-id"]
    assert [(d.path, d.line) for d in found] == [("text/second.md", 5)]
    assert "fn-2-1" in found[0].message and "text/article.md" in found[0].message


def test_the_epub_of_two_files_with_restarting_labels_builds(mini: Path, tmp_path: Path) -> None:
    edition = load_edition(_two_files(mini))
    result = build_epub(edition, tmp_path / "build")
    with zipfile.ZipFile(result.path) as book:
        ids = [
            element.get("id")
            for name in book.namelist()
            if name.endswith(".xhtml")
            for element in etree.fromstring(book.read(name)).iter()
            if element.get("id")
        ]
    assert {"fn-1", "fn-2-1", "fn-2-2", "fnref-2-1"} <= set(ids)


def test_the_print_html_of_two_files_has_every_note_once(mini: Path) -> None:
    edition = load_edition(_two_files(mini))
    html = environment().get_template("book.html.j2").render(view=book_view(edition, (), "2026-11-26"))
    counts = Counter(e.get("id") for e in lxml_html.fromstring(html).iter() if e.get("id"))
    assert [id for id, n in counts.items() if n > 1] == []
    assert {"fn-1", "fn-2-1", "fn-2-2"} <= set(counts)
