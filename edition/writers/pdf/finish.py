"""Finishing the PDF: what WeasyPrint's layout cannot express.

``PrintFinisher`` runs inside ``Document.write_pdf`` (on the pydyf objects, before the bytes are written,
so it costs nothing extra): it refuses fallback fonts, adds page labels (roman front matter, arabic
text), sets the BleedBox to the printer's bleed, corrects the structure tree (tagging.py), and replaces
the random XMP DocumentID that WeasyPrint writes for PDF/X-4 with one derived from the edition
identifier, so builds are byte-identical.

The book is written once, tagged (WeasyPrint's ``pdf_tags``: a structure tree over every page), and both
files are derived from that one write with pypdf, so the two PDFs have the same pages by construction.
``screen_from_print`` sets every page box to the trim (bleed and crop marks fall outside the page) and
keeps links, tags, outline, labels and metadata. ``print_file`` keeps the written file as it is, except
that a PDF/X file loses its links and, with them, its structure tree: PDF/X admits no annotation inside
the bleed box (a print shop would print them), and a tree whose links point at removed annotations would
be broken. (Writing the book twice from one layout is not an option: WeasyPrint's second ``write_pdf``
of a Document embeds larger fonts, so the two files would differ.) pypdf rewrites both files in full, without
object streams (its incremental mode writes a trailer /Size that qpdf rejects): the tagged screen PDF is
about 2.5 times the size of the file WeasyPrint wrote.
"""

from __future__ import annotations

import hashlib
import logging
import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from io import BytesIO
from typing import cast

import pydyf
from lxml import etree
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, ByteStringObject, DictionaryObject, NameObject, RectangleObject
from weasyprint import Document

from edition.model import Origin, Style
from edition.writers.pdf.fonts import UsedFont, check_used_fonts
from edition.writers.pdf.tagging import (
    describe_links,
    mark_margin_boxes_as_artifacts,
    tag_margin_notes,
    tie_annotations_to_links,
    wrap_list_item_bodies,
)

XMP_DOCUMENT_ID = re.compile(rb"xmp\.did:[0-9a-f-]{36}")


@dataclass(frozen=True, slots=True)
class PrintFinisher:
    """The ``finisher`` passed to ``write_pdf`` (see module docstring)."""

    style: Style
    origin: Origin
    text_start: int
    bleed_pt: float
    identifier: str
    font_names: frozenset[str] = frozenset()

    def __call__(self, document: Document, pdf: pydyf.PDF) -> None:
        check_used_fonts(used_fonts(document), self.style, self.origin, self.font_names)
        self._page_labels(pdf)
        self._bleed_boxes(pdf)
        self._stable_document_id(pdf)
        if "StructTreeRoot" in pdf.catalog:
            mark_margin_boxes_as_artifacts(pdf)
            tie_annotations_to_links(pdf)
            tag_margin_notes(pdf, document)
            wrap_list_item_bodies(pdf)
            describe_links(document)

    def _page_labels(self, pdf: pydyf.PDF) -> None:
        nums = pydyf.Array()
        if self.text_start > 0:
            nums.extend([0, pydyf.Dictionary({"S": "/r"})])
        nums.extend([self.text_start, pydyf.Dictionary({"S": "/D", "St": 1})])
        pdf.catalog["PageLabels"] = pydyf.Dictionary({"Nums": nums})

    def _bleed_boxes(self, pdf: pydyf.PDF) -> None:
        for number in pdf.pages["Kids"][::3]:
            page = pdf.objects[number]
            x1, y1, x2, y2 = page["TrimBox"]
            b = self.bleed_pt
            page["BleedBox"] = pydyf.Array(
                [min(x1, x2) - b, min(y1, y2) - b, max(x1, x2) + b, max(y1, y2) + b]
            )

    def _stable_document_id(self, pdf: pydyf.PDF) -> None:
        reference = pdf.catalog.get("Metadata")
        if reference is None:
            return
        stream = pdf.objects[int(reference.split()[0])]
        stable = f"xmp.did:{uuid.uuid5(uuid.NAMESPACE_URL, self.identifier)}".encode()
        stream.stream = [
            XMP_DOCUMENT_ID.sub(stable, part) if isinstance(part, bytes) else part for part in stream.stream
        ]


def used_fonts(document: Document) -> list[UsedFont]:
    """Every font WeasyPrint embedded, with the characters drawn in it."""
    return [UsedFont(font.family, "".join(font.to_unicode.values())) for font in document.fonts.values()]


def screen_from_print(print_pdf: bytes) -> bytes:
    """The screen PDF: the print PDF with every page box set to the trim, its own document id, and the
    bookmarks panel open (a screen reader navigates by the outline)."""
    reader = PdfReader(BytesIO(print_pdf))
    with _without_clone_size_notice():
        writer = PdfWriter(clone_from=reader)
    writer.pdf_header = reader.pdf_header
    writer.page_mode = "/UseOutlines"
    _screen_document_id(writer)
    _screen_conformance(writer)
    for page in writer.pages:
        trim = RectangleObject(page.trimbox)
        page.mediabox = trim
        page.cropbox = RectangleObject(trim)
        page.bleedbox = RectangleObject(trim)
        page.trimbox = RectangleObject(trim)
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def print_file(written: bytes, variant: str | None) -> bytes:
    """The print PDF: the written file, without links and tags when it is a PDF/X file (module docstring)."""
    if variant is None or not variant.startswith("pdf/x"):
        return written
    reader = PdfReader(BytesIO(written))
    # Removed from the file's own objects before cloning, so the clone holds only what is still reached.
    root = cast(DictionaryObject, reader.trailer["/Root"].get_object())
    for key in ("/StructTreeRoot", "/MarkInfo"):
        if key in root:
            del root[NameObject(key)]
    for page in reader.pages:
        assert page.indirect_reference is not None  # a page read from a file is always an object of it
        stored = cast(DictionaryObject, page.indirect_reference.get_object())  # reader.pages: flat copies
        for key in ("/Annots", "/StructParents", "/Tabs"):
            if key in stored:
                del stored[NameObject(key)]
    with _without_clone_size_notice():
        writer = PdfWriter(clone_from=reader)
    writer.pdf_header = reader.pdf_header
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def _screen_document_id(writer: PdfWriter) -> None:
    """Another document than the print PDF: a trailer /ID (and XMP DocumentID, when there is one) derived
    from the print PDF's, so that builds stay reproducible."""
    print_id = writer._ID  # set from the print PDF by clone_from
    if print_id is not None:
        derived = [ByteStringObject(hashlib.md5(bytes(part) + b"/screen").digest()) for part in print_id]
        writer._ID = ArrayObject(derived)
    metadata = writer._root_object.get("/Metadata")
    if metadata is not None:
        stream = metadata.get_object()
        xmp = stream.get_data()
        if (match := XMP_DOCUMENT_ID.search(xmp)) is not None:
            found = match.group(0)
            screen = f"xmp.did:{uuid.uuid5(uuid.NAMESPACE_URL, found.decode() + '/screen')}".encode()
            stream.set_data(XMP_DOCUMENT_ID.sub(screen, xmp))


XMP_NS = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "pdfuaid": "http://www.aiim.org/pdfua/ns/id/",
}
PDFX_NAMESPACES = ("http://www.npes.org/pdfx/ns/id/", "http://ns.adobe.com/pdfx/1.3/")


def _screen_conformance(writer: PdfWriter) -> None:
    """The screen PDF claims PDF/UA-1 (tests/writers/pdf/test_pdf_ua.py checks the structure it needs)
    and no longer PDF/X: it has links in the page area, which a PDF/X file may not have."""
    metadata = writer._root_object.get("/Metadata")
    if metadata is None:
        return
    stream = metadata.get_object()
    packet = stream.get_data()
    start, end = packet.find(b"<x:xmpmeta"), packet.rfind(b"</x:xmpmeta>") + len(b"</x:xmpmeta>")
    if start < 0 or end < start:
        return
    root = etree.fromstring(packet[start:end])
    descriptions = root.findall(".//rdf:Description", XMP_NS)
    for description in descriptions:
        for child in list(description):
            if etree.QName(child).namespace in PDFX_NAMESPACES:
                description.remove(child)
    rdf = root.find("rdf:RDF", XMP_NS)
    if rdf is not None:
        claim = etree.SubElement(rdf, f"{{{XMP_NS['rdf']}}}Description", nsmap={"pdfuaid": XMP_NS["pdfuaid"]})
        claim.set(f"{{{XMP_NS['rdf']}}}about", "")
        claim.set(f"{{{XMP_NS['pdfuaid']}}}part", "1")
    stream.set_data(packet[:start] + etree.tostring(root, encoding="utf-8") + packet[end:])


@contextmanager
def _without_clone_size_notice() -> Iterator[None]:
    """Hide pypdf's "Object count … exceeds defined trailer size" notice while cloning.

    Cloning makes some of WeasyPrint's direct objects indirect, so the clone has more objects than the
    source's trailer /Size; the written file gets its own, correct /Size (qpdf --check is clean).
    """
    logger = logging.getLogger("pypdf._writer")
    notice = logging.Filter()
    notice.filter = lambda record: not record.getMessage().startswith("Object count")  # type: ignore[method-assign]
    logger.addFilter(notice)
    try:
        yield
    finally:
        logger.removeFilter(notice)
