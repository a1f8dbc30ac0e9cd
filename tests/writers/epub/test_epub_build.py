"""Building: byte-identical output, atomic replacement, errors, and the pieces the writer is made of."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from edition.book import book_of
from edition.model import (
    Anchor,
    Emended,
    FootnoteRef,
    GlossRef,
    Origin,
    PageRef,
    Paragraph,
    Reference,
    Section,
    Styled,
    Target,
    Text,
)
from edition.outputs import OutputError
from edition.writers import epub as epub_writer
from edition.writers.epub import EpubError, build_epub
from edition.writers.epub.cover import wrap
from edition.writers.html.errors import HtmlError
from edition.writers.html.flow import EditorialPointer, LinkRun, unnest
from edition.writers.html.language import direction
from edition.writers.html.plan import plan_book

from .epub_lint import NS, all_lints, open_book
from .sample_edition import sample_edition, sample_page_map

# -- reproducible, atomic ------------------------------------------------------------------------------


def test_same_input_same_bytes(tmp_path: Path, sample_build):
    again = build_epub(sample_edition(), tmp_path / "elsewhere")
    assert again.path.read_bytes() == sample_build.path.read_bytes()


def test_same_input_and_page_map_same_bytes(tmp_path: Path, paged_build):
    again = build_epub(sample_edition("sample-paged"), tmp_path, page_map=sample_page_map())
    assert again.path.read_bytes() == paged_build.path.read_bytes()


def test_a_different_date_changes_the_bytes(tmp_path: Path, sample_build):
    edition = sample_edition()
    edition = dataclasses.replace(edition, metadata=dataclasses.replace(edition.metadata, date="2027-01-02"))
    other = build_epub(edition, tmp_path)
    assert other.path.read_bytes() != sample_build.path.read_bytes()
    assert open_book(other.path).meta("dcterms:modified") == ["2027-01-02T00:00:00Z"]


def test_failed_build_keeps_the_previous_epub_and_leaves_no_temp_file(tmp_path: Path, monkeypatch):
    first = build_epub(sample_edition(), tmp_path)
    before = first.path.read_bytes()

    def broken_zip(handle, files, timestamp):
        handle.write(b"partial")
        raise OSError("disk full")

    monkeypatch.setattr(epub_writer.archive, "zip_bytes_to", broken_zip)
    with pytest.raises(OutputError, match="disk full"):  # written through edition.outputs
        build_epub(sample_edition(), tmp_path)
    assert first.path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sample.epub"]


def test_an_inconsistent_model_fails_before_anything_is_written(tmp_path: Path):
    edition = sample_edition()
    duplicate = dataclasses.replace(edition.index[0], element_id="p-1")
    edition = dataclasses.replace(edition, index=(duplicate, *edition.index[1:]))
    with pytest.raises(EpubError, match="'p-1' occurs twice"):
        build_epub(edition, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_a_reference_to_a_missing_footnote_is_an_error(tmp_path: Path):
    edition = sample_edition()
    edition = dataclasses.replace(edition, footnotes=edition.footnotes[:1])
    with pytest.raises(EpubError, match="footnote 'fn-2', which does not exist"):
        build_epub(edition, tmp_path)


def test_a_bad_edition_date_is_an_error(tmp_path: Path):
    edition = sample_edition()
    edition = dataclasses.replace(edition, metadata=dataclasses.replace(edition.metadata, date="26 Nov 2026"))
    with pytest.raises(EpubError, match="edition date"):
        build_epub(edition, tmp_path)


def test_progress_is_reported(tmp_path: Path):
    messages = []
    build_epub(sample_edition(), tmp_path, progress=lambda stage, message: messages.append((stage, message)))
    assert messages[0] == ("epub", "planning the book")
    assert messages[-1][1].startswith("writing ") and messages[-1][1].endswith("sample.epub")


# -- the plan agrees with what the templates write -----------------------------------------------------


def test_every_rendered_id_is_where_the_plan_says(sample):
    plan = plan_book(book_of(sample_edition()))
    rendered = {}
    for path, root in sample.documents.items():
        for element in root.iterfind(".//*[@id]"):
            rendered[element.get("id")] = path.removeprefix("EPUB/")
    assert {key: rendered.get(key) for key in plan.locations} == dict(plan.locations)
    unplanned = set(rendered) - set(plan.locations)
    assert unplanned and all(key.startswith("ed.") for key in unplanned), "only the writer's containers"


def test_rtl_language_sets_direction_everywhere(tmp_path: Path):
    edition = sample_edition("rtl")
    edition = dataclasses.replace(edition, metadata=dataclasses.replace(edition.metadata, language="he"))
    book = open_book(build_epub(edition, tmp_path).path)
    assert book.opf.find("opf:spine", NS).get("page-progression-direction") == "rtl"
    assert {root.get("dir") for root in book.documents.values()} == {"rtl"}
    assert {root.get("lang") for root in book.documents.values()} == {"he"}


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("en", "ltr"),
        ("en-GB", "ltr"),
        ("ar", "rtl"),
        ("he-IL", "rtl"),
        ("fa", "rtl"),
        ("yi", "rtl"),
        ("az-Arab", "rtl"),
        ("ku-Latn", "ltr"),
        ("ru", "ltr"),
        ("grc", "ltr"),
    ],
)
def test_direction(tag: str, expected: str):
    assert direction(tag) == expected


def test_cover_wrap_keeps_words_whole():
    assert wrap("Classics of Marxism: The Revolution Betrayed", 18) == [
        "Classics of",
        "Marxism: The",
        "Revolution",
        "Betrayed",
    ]
    lines = wrap("Classics of Marxism: The Revolution Betrayed", 18)
    assert " ".join(lines) == "Classics of Marxism: The Revolution Betrayed"
    assert all(len(line) <= 18 for line in lines)
    assert wrap("Supercalifragilisticexpialidocious word", 10) == [
        "Supercalifragilisticexpialidocious",
        "word",
    ]


# -- unnesting links -----------------------------------------------------------------------------------

TARGET = Target("p-2", "paragraph", 2, "§ 2")


def test_a_marker_inside_a_link_splits_the_link():
    gloss = sample_edition().glosses[0]
    nodes = (
        Reference(TARGET, (Text("a "), Styled("em", (Text("b"), GlossRef(gloss), Text("c"))), Text(" d"))),
    )
    out = unnest(nodes)
    assert [type(node).__name__ for node in out] == ["LinkRun", "GlossRef", "LinkRun"]
    first, _, second = out
    assert (
        isinstance(first, LinkRun)
        and first.first
        and first.children == (Text("a "), Styled("em", (Text("b"),)))
    )
    assert isinstance(second, LinkRun) and not second.first
    assert second.children == (Styled("em", (Text("c"),)), Text(" d"))


def test_a_link_inside_a_link_keeps_its_id_as_an_anchor():
    emendation = sample_edition().emendations[0]
    nodes = (
        Reference(TARGET, (Text("x "), Emended(emendation, (Text("serfs"),)), FootnoteRef("fn-1", "1"))),
    )
    out = unnest(nodes)
    assert isinstance(out[0], LinkRun)
    assert out[0].children == (Text("x "), Anchor("em-serfs"), Text("serfs"))
    assert out[1] == FootnoteRef("fn-1", "1")


def test_page_references_are_bracketed_only_in_the_copy_text():
    nodes = (Text("see "), PageRef(TARGET))
    assert unnest(nodes) == nodes
    assert unnest(nodes, copy_text=True) == (Text("see "), EditorialPointer(TARGET))


def test_file_names_come_from_ids_and_never_clash(tmp_path: Path):
    edition = sample_edition()
    essay = dataclasses.replace(edition.front_matter[0], element_id="index")
    section = dataclasses.replace(edition.sections[1], element_id="sec-1")
    edition = dataclasses.replace(
        edition, front_matter=(essay, edition.front_matter[1]), sections=(edition.sections[0], section)
    )
    with pytest.raises(HtmlError, match="'sec-1' occurs twice"):
        plan_book(book_of(edition))
    names = [
        doc.href
        for doc in plan_book(book_of(dataclasses.replace(edition, sections=edition.sections[:1]))).documents
    ]
    assert len(names) == len(set(names))
    assert "front-index.xhtml" in names and "index.xhtml" in names


def test_without_a_note_on_the_text_the_witnesses_get_a_page_of_their_own(tmp_path: Path):
    edition = sample_edition("no-note")
    edition = dataclasses.replace(edition, front_matter=edition.front_matter[:1], normalisations=())
    book = open_book(build_epub(edition, tmp_path).path)
    assert all_lints(book) == []
    assert "EPUB/note-on-the-text.xhtml" in book.spine
    section = book.element("EPUB/note-on-the-text.xhtml", "ed.note-on-the-text")
    text = " ".join("".join(section.itertext()).split())
    assert text == (
        "Note on the Text Witnesses SRC The placeholder source text (copy-text) https://example.org/source "
        "ALT A second placeholder witness"
    )


def test_a_bare_edition_has_no_empty_back_matter_and_claims_nothing_it_lacks(tmp_path: Path):
    edition = sample_edition("bare")
    paragraph = Paragraph("p-1", 1, (Text("Only text."),), Origin("text/a.md", 1))
    section = Section("sec-1", None, None, (paragraph,), Origin("text/a.md", 1))
    edition = dataclasses.replace(
        edition,
        front_matter=(),
        sections=(section,),
        footnotes=(),
        glosses=(),
        emendations=(),
        cross_references=(),
        anchors=(),
        citations=(),
        index=(),
        bibliography=(),
        normalisations=(),
    )
    book = open_book(build_epub(edition, tmp_path).path)
    assert all_lints(book) == []
    stems = [path.removeprefix("EPUB/").removesuffix(".xhtml") for path in book.spine]
    assert stems == ["cover", "titlepage", "imprint", "nav", "note-on-the-text", "sec-1"]
    features = book.meta("schema:accessibilityFeature")
    assert "index" not in features and "annotations" not in features
    summary = book.meta("schema:accessibilitySummary")[0]
    assert "notes" not in summary and "Index" not in summary
