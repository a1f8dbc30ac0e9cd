"""Merging the structure trees of tagged PDFs whose pages were appended into one file."""

from __future__ import annotations

import subprocess
from io import BytesIO
from pathlib import Path

import pdf_tags
import pytest
import weasyprint
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NullObject

from edition.writers.pdf.structure import StructureMergeError, merge_structure
from edition.writers.pdf.tagging import (
    describe_links,
    mark_margin_boxes_as_artifacts,
    tie_annotations_to_links,
)


def _finish(document: weasyprint.Document, pdf: object) -> None:
    """The tagging corrections the book's finisher makes (finish.PrintFinisher)."""
    mark_margin_boxes_as_artifacts(pdf)  # type: ignore[arg-type]
    tie_annotations_to_links(pdf)  # type: ignore[arg-type]
    describe_links(document)


def _part(title: str, number: int, *, extra: str = "", corrected: bool = False) -> PdfReader:
    """A small tagged part: a heading, a link with inner markup, a list, a running folio, two pages."""
    html = f"""<html lang="en"><style>@page {{ @bottom-center {{ content: counter(page) }} }}</style>
    <body><h1 id="h{number}">{title}</h1>
    <p>See <a href="#p{number}">p. <span>2</span></a> and <a href="https://example.org/">the web</a>.</p>
    <ul><li>one</li><li>two</li></ul>{extra}
    <p id="p{number}" style="break-before: page">There {number}.</p></body></html>"""
    finisher = _finish if corrected else None
    document = weasyprint.HTML(string=html).render()
    return PdfReader(BytesIO(document.write_pdf(pdf_tags=True, finisher=finisher)))


def _merged(parts: list[PdfReader], path: Path) -> PdfReader:
    writer = PdfWriter()
    for part in parts:
        writer.append(part)
    merge_structure(writer, parts)
    writer.write(path)
    return PdfReader(path)


@pytest.fixture(scope="module")
def parts() -> list[PdfReader]:
    return [_part("First", 1), _part("Second", 2), _part("Third", 3)]


def test_the_merged_tree_holds_every_part_in_order(parts: list[PdfReader], tmp_path: Path) -> None:
    merged = _merged(parts, tmp_path / "merged.pdf")
    tree = pdf_tags.tree(merged)
    assert [e.kind for e in tree.children] == ["Document"]
    headings = [pdf_tags.element_text(merged, e) for e in tree.walk() if e.kind == "H1"]
    assert headings == ["First", "Second", "Third"]
    assert sum(1 for e in tree.walk() if e.kind == "L") == 3
    there = [pdf_tags.element_text(merged, e) for e in tree.walk() if e.kind == "P"]
    assert [t for t in there if t.startswith("There")] == ["There 1.", "There 2.", "There 3."]


def test_every_text_and_link_of_the_merged_file_is_in_its_tree(
    parts: list[PdfReader], tmp_path: Path
) -> None:
    merged = _merged(parts, tmp_path / "merged.pdf")
    # WeasyPrint's own parts leave the folios out of the tree; so does the merge, no more and no less.
    untagged = pdf_tags.untagged_text(merged)
    per_part = sum(len(pdf_tags.untagged_text(part)) for part in parts)
    assert len(untagged) == per_part
    assert all("MCID" in problem for problem in untagged)
    links = [p for p in pdf_tags.link_problems(merged) if "outside the tree" in p]
    assert len(links) == sum(1 for part in parts for p in pdf_tags.link_problems(part) if "outside" in p)


def test_corrected_parts_merge_into_a_tree_that_passes_the_screen_pdfs_checks(tmp_path: Path) -> None:
    parts = [_part(title, n, corrected=True) for n, title in enumerate(("One", "Two"), 1)]
    merged = _merged(parts, tmp_path / "merged.pdf")
    assert pdf_tags.untagged_text(merged) == []
    assert pdf_tags.link_problems(merged) == []
    assert pdf_tags.artifact_count(merged) == 4  # the four folios


def test_the_parent_tree_maps_every_page_and_annotation_to_its_elements(
    parts: list[PdfReader], tmp_path: Path
) -> None:
    merged = _merged(parts, tmp_path / "merged.pdf")
    root = merged.trailer["/Root"]["/StructTreeRoot"]
    nums = root["/ParentTree"]["/Nums"]
    entries = dict(zip([int(k) for k in nums[::2]], nums[1::2], strict=True))
    assert int(root["/ParentTreeNextKey"]) == max(entries) + 1
    keys = [int(page["/StructParents"]) for page in merged.pages]
    assert len(set(keys)) == len(keys) == 6
    in_tree = {(page, mcid) for e in pdf_tags.tree(merged).walk() for page, mcid in e.mcids}
    for page, key in zip(merged.pages, keys, strict=True):
        for mcid, element in enumerate(entries[key].get_object()):
            if not isinstance(element.get_object(), NullObject):  # null: a folio outside the tree
                assert (page.indirect_reference.idnum, mcid) in in_tree
        for annotation in page.get("/Annots") or []:
            element = entries[int(annotation.get_object()["/StructParent"])].get_object()
            kids = element["/K"]
            assert any(getattr(k.get_object(), "get", lambda _: None)("/Obj") == annotation for k in kids), (
                "the annotation's parent element does not hold it"
            )


def test_the_merged_file_passes_qpdf_check(parts: list[PdfReader], tmp_path: Path) -> None:
    path = tmp_path / "merged.pdf"
    _merged(parts, path)
    checked = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "WARNING" not in checked.stdout + checked.stderr


def test_ids_are_gathered_into_one_id_tree_and_a_duplicate_is_refused(tmp_path: Path) -> None:
    def with_id(part: PdfReader, name: str) -> PdfReader:
        writer = PdfWriter(clone_from=part)
        heading = next(e for e in _elements(writer._root_object["/StructTreeRoot"]) if e.get("/S") == "/H1")
        from pypdf.generic import NameObject, TextStringObject

        heading[NameObject("/ID")] = TextStringObject(name)
        out = BytesIO()
        writer.write(out)
        return PdfReader(out)

    a, b = with_id(_part("A", 1), "note-a"), with_id(_part("B", 2), "note-b")
    merged = _merged([a, b], tmp_path / "ids.pdf")
    names = merged.trailer["/Root"]["/StructTreeRoot"]["/IDTree"]["/Names"]
    assert [str(n) for n in names[::2]] == ["note-a", "note-b"]
    assert all(names[i + 1].get_object()["/S"] == "/H1" for i in range(0, len(names), 2))
    twice = with_id(_part("C", 3), "note-a")
    writer = PdfWriter()
    for part in (a, twice):
        writer.append(part)
    with pytest.raises(StructureMergeError, match="note-a"):
        merge_structure(writer, [a, twice])


def test_an_untagged_part_or_missing_pages_are_refused() -> None:
    untagged = PdfReader(BytesIO(weasyprint.HTML(string="<p>x</p>").render().write_pdf()))
    writer = PdfWriter()
    writer.append(untagged)
    with pytest.raises(StructureMergeError, match="not tagged"):
        merge_structure(writer, [untagged])
    tagged = _part("X", 9)
    with pytest.raises(StructureMergeError, match="fewer pages"):
        merge_structure(PdfWriter(), [tagged])


def _elements(node: object):  # type: ignore[no-untyped-def]
    node = node.get_object()  # type: ignore[attr-defined]
    kids = node.get("/K")
    if kids is None:
        return
    kids = kids.get_object()
    for kid in kids if isinstance(kids, list) else [kids]:
        obj = kid.get_object()
        if hasattr(obj, "get") and obj.get("/Type") == "/StructElem":
            yield obj
            yield from _elements(obj)
