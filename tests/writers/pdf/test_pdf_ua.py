"""The screen PDF's structure tree, checked as PDF/UA-1 asks (pdf_tags.py reads it back with pypdf)."""

from __future__ import annotations

import re
from itertools import pairwise

import pdf_tags
import pytest
import weasyprint
from conftest import Built
from pypdf import PdfReader

from edition.writers.pdf.tagging import mark_margin_boxes_as_artifacts, tie_annotations_to_links


@pytest.fixture(scope="module")
def screen(sample_built: Built) -> PdfReader:
    return PdfReader(sample_built.screen_pdf)


def test_every_piece_of_text_is_tagged_or_an_artifact(screen: PdfReader) -> None:
    assert pdf_tags.untagged_text(screen) == []
    # The running heads and folios are the artifacts: one folio or head at least on most pages.
    assert pdf_tags.artifact_count(screen) >= len(screen.pages) // 2


def test_headings_follow_the_book_without_skipping_a_level(screen: PdfReader) -> None:
    headings = [e for e in pdf_tags.tree(screen).walk() if re.fullmatch(r"H[1-6]", e.kind)]
    texts = [pdf_tags.element_text(screen, h) for h in headings if h.kind == "H1"]
    assert texts[-4:] == ["Notes", "Textual Notes", "Bibliography", "Index"]
    levels = [int(h.kind[1]) for h in headings]
    assert levels[0] == 1
    assert all(b <= a + 1 for a, b in pairwise(levels)), levels


def test_lists_are_lists_of_items_with_bodies(screen: PdfReader) -> None:
    lists = [e for e in pdf_tags.tree(screen).walk() if e.kind == "L"]
    assert lists
    for each in lists:
        items = [c for c in each.children if c.kind == "LI"]
        assert items, "a list without items"
        assert all(any(k.kind == "LBody" for k in item.children) for item in items)


def test_margin_notes_are_notes_read_after_their_pages_text(screen: PdfReader, sample_built: Built) -> None:
    document = pdf_tags.tree(screen).children[0]
    assert document.kind == "Document"
    notes = [e for e in document.children if e.kind == "Note"]
    margin_notes = len(sample_built.edition.glosses)  # the sample edition prints none as an endnote
    assert len(notes) == margin_notes
    assert all(n.attributes == {} or "Alt" not in n.attributes for n in notes)
    first_words = [pdf_tags.element_text(screen, n).split()[0] for n in notes]
    assert first_words == [str(n) for n in range(1, margin_notes + 1)]
    ids = screen.trailer["/Root"]["/StructTreeRoot"]["/IDTree"]["/Names"][::2]
    assert len(ids) == margin_notes
    # Reading order: on each page, the notes come after the page's body text.
    kinds_by_page: dict[int, list[str]] = {}
    for child in document.children:
        page = child.mcids[0][0] if child.mcids else next((p for e in child.walk() for p, _ in e.mcids), None)
        kinds_by_page.setdefault(page, []).append(child.kind)
    for kinds in kinds_by_page.values():
        if "Note" in kinds:
            assert kinds[kinds.index("Note") :] == ["Note"] * kinds[kinds.index("Note") :].count("Note")


def test_every_link_is_in_a_link_element_and_says_where_it_goes(screen: PdfReader) -> None:
    assert pdf_tags.link_problems(screen) == []
    descriptions = {
        str(a.get_object().get("/Contents")) for page in screen.pages for a in page.get("/Annots") or []
    }
    assert {"Gloss 1", "Author's note 1"} <= descriptions
    assert any(re.fullmatch(r"p\. \d+", d) for d in descriptions)


def test_the_catalog_names_the_language_and_the_file_claims_pdf_ua(screen: PdfReader) -> None:
    catalog = screen.trailer["/Root"]
    assert catalog["/Lang"] == "en"
    assert catalog["/MarkInfo"]["/Marked"] == True  # noqa: E712 (a pypdf BooleanObject)
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"] == True  # noqa: E712
    xmp = catalog["/Metadata"].get_object().get_data()
    assert b'pdfuaid:part="1"' in xmp and b"<dc:title>" in xmp
    assert b"GTS_PDFXVersion" not in xmp  # the screen PDF has links: it is no PDF/X file


def test_the_print_pdf_has_neither_tags_nor_links(sample_built: Built) -> None:
    printed = PdfReader(sample_built.print_pdf)
    assert "/StructTreeRoot" not in printed.trailer["/Root"]
    assert not any(page.get("/Annots") for page in printed.pages)


HEAD_AND_LINK = """<html lang="en"><style>@page { @top-center { content: "Running head" } }</style>
<body><h1>Title</h1><p>See <a href="#x">p. <span>2</span></a>.</p><p id="x">There.</p></body></html>"""


def _written(correct: bool) -> PdfReader:
    from io import BytesIO

    def finisher(document: weasyprint.Document, pdf: object) -> None:
        if correct:
            mark_margin_boxes_as_artifacts(pdf)  # type: ignore[arg-type]
            tie_annotations_to_links(pdf)  # type: ignore[arg-type]

    data = weasyprint.HTML(string=HEAD_AND_LINK).render().write_pdf(pdf_tags=True, finisher=finisher)
    return PdfReader(BytesIO(data))


def test_weasyprints_own_tags_leave_the_running_head_out_and_the_inner_link_in_a_span() -> None:
    """What the corrections are for: without them the checks fail on WeasyPrint 70's output."""
    raw = _written(correct=False)
    assert pdf_tags.untagged_text(raw)
    assert any("outside the tree" in p for p in pdf_tags.link_problems(raw))
    fixed = _written(correct=True)
    assert pdf_tags.untagged_text(fixed) == []
    assert not any("outside the tree" in p for p in pdf_tags.link_problems(fixed))
