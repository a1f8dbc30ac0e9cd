"""PDF/X-4 rules checked on a built file with pypdf (no PDF/X validator installs from the registries here).

Each check returns the problems it found as sentences, so a failing test says which rule is broken where.
The rules are those of ISO 15930-7 (PDF/X-4) that a file written by this project can break: the output
intent, the identification in XMP, the page boxes, annotations in the printed area, fonts, colour spaces
(no device RGB under a CMYK output intent), transparency groups, and the PDF version.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import ArrayObject, ContentStream, DictionaryObject, StreamObject

TEXT_SHOWING = {"Tj", "TJ", "'", '"'}
COLOUR_OPERATORS = {"g", "G", "rg", "RG", "k", "K", "cs", "CS", "sc", "SC", "scn", "SCN"}


@dataclass(frozen=True)
class Paint:
    """A colour set in a content stream, or (``in_text``) the fill colour some text is shown in."""

    where: str
    space: str
    values: tuple[float, ...]
    in_text: bool
    stroke: bool


def xmp(reader: PdfReader) -> bytes:
    return reader.trailer["/Root"]["/Metadata"].get_object().get_data()


def output_intent_problems(reader: PdfReader) -> list[str]:
    intents = reader.trailer["/Root"].get("/OutputIntents")
    if not intents:
        return ["no /OutputIntents in the catalog"]
    pdfx = [i.get_object() for i in intents if i.get_object().get("/S") == "/GTS_PDFX"]
    if len(pdfx) != 1:
        return [f"{len(pdfx)} GTS_PDFX output intents, one is required"]
    intent = pdfx[0]
    problems = []
    if not str(intent.get("/OutputConditionIdentifier", "")):
        problems.append("the output intent has no OutputConditionIdentifier")
    profile = intent.get("/DestOutputProfile")
    if profile is None:
        problems.append("the output intent embeds no DestOutputProfile")
    else:
        data = profile.get_object().get_data()
        if profile.get_object().get("/N") != 4 or data[16:20] != b"CMYK" or data[12:16] != b"prtr":
            problems.append("the output profile is not a CMYK printer profile")
    return problems


def identification_problems(reader: PdfReader) -> list[str]:
    """XMP and Info entries PDF/X-4 requires (ISO 15930-7, 6.2)."""
    data = xmp(reader)
    problems = []
    if not re.search(rb"<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>", data):
        problems.append("XMP lacks pdfxid:GTS_PDFXVersion PDF/X-4")
    for key in (
        b"xmpMM:DocumentID",
        b"xmpMM:VersionID",
        b"xmpMM:RenditionClass",
        b"xmp:CreateDate",
        b"xmp:ModifyDate",
        b"xmp:MetadataDate",
        b"dc:title",
    ):
        if key + b">" not in data:
            problems.append(f"XMP lacks {key.decode()}")
    info = reader.metadata or {}
    if info.get("/Trapped") not in ("/True", "/False"):
        problems.append("Info /Trapped is neither True nor False")
    if not info.get("/Title"):
        problems.append("Info has no /Title")
    if "/ID" not in reader.trailer:
        problems.append("the trailer has no /ID")
    if "/Encrypt" in reader.trailer:
        problems.append("the file is encrypted")
    if reader.pdf_header not in ("%PDF-1.3", "%PDF-1.4", "%PDF-1.5", "%PDF-1.6"):
        problems.append(f"{reader.pdf_header}: PDF/X-4 is based on PDF 1.6")
    return problems


def box_problems(reader: PdfReader) -> list[str]:
    """TrimBox on every page, inside the BleedBox, inside the MediaBox; no annotation in the printed area."""
    problems = []
    for number, page in enumerate(reader.pages, 1):
        if "/TrimBox" not in page:
            problems.append(f"page {number} has no TrimBox")
            continue
        trim, bleed, media = page.trimbox, page.bleedbox, page.mediabox
        if not _inside(trim, bleed) or not _inside(bleed, media):
            problems.append(f"page {number}: TrimBox ⊄ BleedBox ⊄ MediaBox")
        for annot in page.get("/Annots") or []:
            subtype = annot.get_object().get("/Subtype")
            if subtype not in ("/PrinterMark", "/TrapNet"):
                problems.append(f"page {number} has a {subtype} annotation (PDF/X prints none)")
    return problems


def font_problems(reader: PdfReader) -> list[str]:
    problems = []
    for name, font in _fonts(reader):
        descendants = font.get("/DescendantFonts")
        described = descendants[0].get_object() if descendants else font
        descriptor = described.get("/FontDescriptor")
        if descriptor is None or not any(
            key in descriptor.get_object() for key in ("/FontFile", "/FontFile2", "/FontFile3")
        ):
            problems.append(f"font {name} is not embedded")
    return problems


def transparency_problems(reader: PdfReader) -> list[str]:
    """PDF/X-4 admits transparency; a page group's blending space must not be device RGB."""
    problems = []
    for number, page in enumerate(reader.pages, 1):
        group = page.get("/Group")
        if group is not None and group.get_object().get("/CS") == "/DeviceRGB":
            problems.append(f"page {number}: transparency group blends in DeviceRGB")
    return problems


def paints(reader: PdfReader) -> Iterator[Paint]:
    """Every colour set in every page's content and in the forms it draws."""
    for number, page in enumerate(reader.pages, 1):
        yield from _stream_paints(page.get_contents(), page, reader, f"page {number}")
        resources = page.get("/Resources")
        for name, form in _forms(resources.get_object() if resources else DictionaryObject()):
            yield from _stream_paints(ContentStream(form, reader), form, reader, f"page {number} form {name}")


def colour_report(reader: PdfReader) -> Counter[tuple[str, tuple[float, ...], bool]]:
    """(colour space, values, inside text) → how many times it is set: every colour the file uses."""
    return Counter((p.space, p.values, p.in_text) for p in paints(reader))


def rgb_problems(reader: PdfReader) -> list[str]:
    return sorted({f"{p.where}: {p.space} {p.values}" for p in paints(reader) if "RGB" in p.space})


def _stream_paints(
    content: ContentStream | None, owner: object, reader: PdfReader, where: str
) -> Iterator[Paint]:
    """The colours set, and at each text-showing operator the fill colour the glyphs are painted in
    (``in_text``); q/Q save and restore the colour state."""
    if content is None:
        return
    black = ("/DeviceGray", (0.0,))  # the initial colour of both fill and stroke
    state = {False: black, True: black}
    saved: list[dict[bool, tuple[str, tuple[float, ...]]]] = []
    for operands, operator in content.operations:
        op = operator.decode("latin-1")
        if op == "q":
            saved.append(dict(state))
        elif op == "Q" and saved:
            state = saved.pop()
        elif op in TEXT_SHOWING:
            space, values = state[False]
            yield Paint(where, space, values, True, False)
        elif op in COLOUR_OPERATORS:
            stroke = op.isupper()
            values = tuple(round(float(v), 4) for v in operands if not isinstance(v, str))
            if op in ("cs", "CS"):
                state[stroke] = (str(operands[0]), ())
                continue
            named = {"g": "/DeviceGray", "rg": "/DeviceRGB", "k": "/DeviceCMYK"}.get(op.lower())
            space = named or state[stroke][0]
            state[stroke] = (space, values)
            yield Paint(where, space, values, False, stroke)


def _forms(resources: DictionaryObject) -> Iterator[tuple[str, StreamObject]]:
    xobjects = resources.get("/XObject")
    for name, ref in (xobjects.get_object() if xobjects else {}).items():
        obj = ref.get_object()
        if obj.get("/Subtype") == "/Form":
            yield str(name), obj


def _fonts(reader: PdfReader) -> Iterator[tuple[str, DictionaryObject]]:
    seen = set()
    for page in reader.pages:
        resources = page.get("/Resources")
        fonts = resources.get_object().get("/Font") if resources else None
        for name, ref in (fonts.get_object() if fonts else {}).items():
            if ref.idnum not in seen:
                seen.add(ref.idnum)
                yield str(name), ref.get_object()


def _inside(inner: ArrayObject, outer: ArrayObject) -> bool:
    return (
        float(inner.left) >= float(outer.left) - 0.01
        and float(inner.bottom) >= float(outer.bottom) - 0.01
        and float(inner.right) <= float(outer.right) + 0.01
        and float(inner.top) <= float(outer.top) + 0.01
    )


def read(pdf: Path) -> PdfReader:
    return PdfReader(pdf)
