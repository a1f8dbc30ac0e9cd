"""Reading a tagged PDF's structure tree back with pypdf, for the PDF/UA-1 checks of the tests.

No PDF/UA validator installs from the registries this machine reaches (veraPDF does not; PyPI has none
that reads the structure tree), so these are the checks: every piece of text is in the tree or an
artifact, the tree's elements and their order, link annotations tied to the tree with a description.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from pypdf import PdfReader
from pypdf.generic import ArrayObject, ContentStream, DictionaryObject, IndirectObject

TEXT_SHOWING = {b"Tj", b"TJ", b"'", b'"'}


@dataclass
class Element:
    """One structure element: its type, its text in content order, its children, where it is."""

    kind: str
    ref: int
    attributes: dict[str, str]
    children: list[Element] = field(default_factory=list)
    mcids: list[tuple[int, int]] = field(default_factory=list)  # (page object number, MCID)
    annotations: list[int] = field(default_factory=list)

    def walk(self) -> Iterator[Element]:
        yield self
        for child in self.children:
            yield from child.walk()


def tree(reader: PdfReader) -> Element:
    """The structure tree from its root, following /K in order."""
    root = reader.trailer["/Root"]["/StructTreeRoot"].get_object()
    top = Element("StructTreeRoot", root.indirect_reference.idnum if root.indirect_reference else 0, {})
    _kids(root.get("/K"), top, None)
    return top


def _kids(kids: object, parent: Element, page: int | None) -> None:
    if kids is None:
        return
    reference = kids if isinstance(kids, IndirectObject) else None
    kids = kids.get_object() if hasattr(kids, "get_object") else kids
    if isinstance(kids, ArrayObject):
        for kid in kids:
            _kids(kid, parent, page)
        return
    if isinstance(kids, int):
        assert page is not None, f"MCID {kids} of {parent.kind} without a page"
        parent.mcids.append((page, int(kids)))
        return
    if not isinstance(kids, DictionaryObject):
        return
    kind = kids.get("/Type")
    own_page = kids.get("/Pg")
    page = own_page.idnum if isinstance(own_page, IndirectObject) else page
    if kind == "/MCR":
        parent.mcids.append((kids["/Pg"].idnum if "/Pg" in kids else page, int(kids["/MCID"])))
        return
    if kind == "/OBJR":
        parent.annotations.append(kids.raw_get("/Obj").idnum)
        return
    element = Element(
        str(kids.get("/S"))[1:],
        reference.idnum if reference is not None else 0,
        {key[1:]: str(kids[key]) for key in ("/Alt", "/Lang", "/ActualText", "/T") if key in kids},
    )
    parent.children.append(element)
    _kids(kids.get("/K"), element, page)


@dataclass(frozen=True)
class Shown:
    """A text-showing operator: its page (1-based), the marked-content tags open around it, and MCID."""

    page: int
    tags: tuple[str, ...]
    mcid: int | None


def shown_text(reader: PdfReader) -> Iterator[Shown]:
    """Every text-showing operator of every page with the marked content around it."""
    for number, page in enumerate(reader.pages, 1):
        content = page.get_contents()
        if content is None:
            continue
        stack: list[tuple[str, int | None]] = []
        for operands, operator in ContentStream(content, reader).operations:
            if operator == b"BMC":
                stack.append((str(operands[0]), None))
            elif operator == b"BDC":
                properties = operands[1]
                mcid = properties.get("/MCID") if isinstance(properties, DictionaryObject) else None
                stack.append((str(operands[0]), None if mcid is None else int(mcid)))
            elif operator == b"EMC" and stack:
                stack.pop()
            elif operator in TEXT_SHOWING:
                mcid = next((m for _, m in reversed(stack) if m is not None), None)
                yield Shown(number, tuple(tag for tag, _ in stack), mcid)


def untagged_text(reader: PdfReader) -> list[str]:
    """Text that is neither an artifact nor marked content of an element in the tree."""
    in_tree = {(page, mcid) for element in tree(reader).walk() for page, mcid in element.mcids}
    page_numbers = [page.indirect_reference.idnum for page in reader.pages]
    problems = []
    for shown in shown_text(reader):
        if "/Artifact" in shown.tags:
            continue
        if shown.mcid is None or (page_numbers[shown.page - 1], shown.mcid) not in in_tree:
            problems.append(f"page {shown.page}: text in {shown.tags} (MCID {shown.mcid}) is not in the tree")
    return problems


def artifact_count(reader: PdfReader) -> int:
    return sum(1 for shown in shown_text(reader) if "/Artifact" in shown.tags)


def link_problems(reader: PdfReader) -> list[str]:
    """Every link annotation is the object of a Link element and has a description."""
    linked = {
        annot for element in tree(reader).walk() if element.kind == "Link" for annot in element.annotations
    }
    problems = []
    for number, page in enumerate(reader.pages, 1):
        for annot in page.get("/Annots") or []:
            obj = annot.get_object()
            if obj.get("/Subtype") != "/Link":
                continue
            if annot.idnum not in linked:
                problems.append(f"page {number}: a link annotation outside the tree")
            contents = str(obj.get("/Contents", ""))
            if not contents.strip() or contents == str(obj.get("/Dest", "")):
                problems.append(f"page {number}: link without a description ({contents!r})")
    return problems


def element_text(reader: PdfReader, element: Element) -> str:
    """The text an element's marked content shows (pdftotext-free: pypdf's visitor by MCID)."""
    wanted = {mcid for _, mcid in (m for e in element.walk() for m in e.mcids)}
    pages = {page for e in element.walk() for page, _ in e.mcids}
    parts: list[str] = []
    for page in reader.pages:
        if page.indirect_reference.idnum not in pages:
            continue
        parts.append(_marked_text(page, reader, wanted))
    return " ".join(" ".join(parts).split())


def _marked_text(page: object, reader: PdfReader, wanted: set[int]) -> str:
    stack: list[int | None] = []
    out: list[str] = []

    def visitor(operator: bytes, operands: list[object], cm: object, tm: object) -> None:
        if operator == b"BDC":
            properties = operands[1]
            mcid = properties.get("/MCID") if isinstance(properties, DictionaryObject) else None
            stack.append(None if mcid is None else int(mcid))
        elif operator == b"BMC":
            stack.append(None)
        elif operator == b"EMC" and stack:
            stack.pop()

    def text_visitor(text: str, cm: object, tm: object, font: object, size: object) -> None:
        if any(m in wanted for m in stack if m is not None):
            out.append(text)

    page.extract_text(visitor_operand_before=visitor, visitor_text=text_visitor)  # type: ignore[attr-defined]
    return "".join(out)
