"""One structure tree for a PDF assembled from several tagged PDFs.

When the book's parts are laid out and written as separate tagged PDFs and their pages appended into one
``PdfWriter`` (pypdf copies pages and their annotations, not the structure trees, and drops each page's
``/StructParents``), ``merge_structure`` rebuilds the tagging: every part's elements are copied under one
``Document`` element in part order; their ``/Pg`` and ``/OBJR`` references point at the appended pages
and annotations; the parent tree is renumbered (each part's keys shifted past the previous parts'), with
``/StructParents`` on the pages and ``/StructParent`` on the annotations set to the new keys; role and
class maps are merged and ids gathered into one ``IDTree``. Pages are matched by order (part 1's pages
first), annotations by their order on the page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import cast

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    NullObject,
    NumberObject,
    PdfObject,
    TextStringObject,
)

ELEMENT_KEYS_COPIED = ("/S", "/T", "/Lang", "/Alt", "/E", "/ActualText", "/A", "/C", "/R", "/ID")


class StructureMergeError(ValueError):
    """The parts cannot be merged into one tree (untagged part, pages or ids that do not match)."""


def _dict(value: PdfObject | None) -> DictionaryObject:
    """``value`` resolved as a dictionary (pypdf types every object as the generic PdfObject)."""
    resolved = value.get_object() if value is not None else None
    if not isinstance(resolved, DictionaryObject):
        raise StructureMergeError(f"expected a dictionary, found {type(resolved).__name__}")
    return resolved


def _ref(value: PdfObject | None) -> IndirectObject:
    """``value`` as an indirect reference (pages, elements and annotations always are one)."""
    if not isinstance(value, IndirectObject):
        raise StructureMergeError(f"expected an object reference, found {type(value).__name__}")
    return value


def _root(reader: PdfReader) -> DictionaryObject:
    return _dict(reader.trailer["/Root"])


def _tree(reader: PdfReader) -> DictionaryObject:
    return _dict(_root(reader)["/StructTreeRoot"])


@dataclass
class _Part:
    """What copying one part needs: its reader, where its pages landed, the key offset."""

    reader: PdfReader
    pages: dict[int, IndirectObject]  # reader page object number -> writer page reference
    annotations: dict[int, IndirectObject]  # reader annotation object number -> writer reference
    offset: int
    copied: dict[int, IndirectObject] = field(default_factory=dict)  # reader element -> writer element


def merge_structure(writer: PdfWriter, readers: Sequence[PdfReader]) -> None:
    """Build ``writer``'s StructTreeRoot from the trees of ``readers``, whose pages were appended into
    ``writer`` in this order (and nothing else before them). Raises StructureMergeError."""
    parts = _parts(writer, readers)
    root = DictionaryObject({NameObject("/Type"): NameObject("/StructTreeRoot")})
    root_ref = writer._add_object(root)
    document = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/StructElem"),
            NameObject("/S"): NameObject("/Document"),
            NameObject("/P"): root_ref,
            NameObject("/K"): ArrayObject(),
        }
    )
    document_ref = writer._add_object(document)
    root[NameObject("/K")] = ArrayObject([document_ref])
    nums = ArrayObject()
    role_map, class_map = DictionaryObject(), DictionaryObject()
    ids: dict[str, IndirectObject] = {}
    kids = cast(ArrayObject, document["/K"])
    for part in parts:
        tree = _tree(part.reader)
        for kid in _top_elements(tree):
            copy = _copy_element(writer, part, kid, document_ref)
            if copy is not None:
                kids.append(copy)
        nums.extend(_parent_tree_entries(part, tree))
        for source, target in ((tree.get("/RoleMap"), role_map), (tree.get("/ClassMap"), class_map)):
            for name, value in (_dict(source) if source is not None else DictionaryObject()).items():
                target.setdefault(NameObject(name), value.clone(writer))
        for reference in part.copied.values():
            element = _dict(reference)
            if "/ID" in element:
                name = str(element["/ID"])
                if name in ids:
                    raise StructureMergeError(f"the structure id {name!r} is in two parts")
                ids[name] = reference
        _renumber_pages_and_annotations(writer, part)
    root[NameObject("/ParentTree")] = writer._add_object(DictionaryObject({NameObject("/Nums"): nums}))
    root[NameObject("/ParentTreeNextKey")] = NumberObject(sum(_key_count(p) for p in parts))
    if role_map:
        root[NameObject("/RoleMap")] = role_map
    if class_map:
        root[NameObject("/ClassMap")] = class_map
    if ids:
        names = ArrayObject()
        for name in sorted(ids):
            names.extend([TextStringObject(name), ids[name]])
        root[NameObject("/IDTree")] = writer._add_object(DictionaryObject({NameObject("/Names"): names}))
    catalog = writer._root_object
    catalog[NameObject("/StructTreeRoot")] = root_ref
    catalog[NameObject("/MarkInfo")] = DictionaryObject({NameObject("/Marked"): BooleanObject(True)})
    first = _root(readers[0])
    if "/Lang" in first and "/Lang" not in catalog:
        catalog[NameObject("/Lang")] = first["/Lang"].clone(writer)


def _parts(writer: PdfWriter, readers: Sequence[PdfReader]) -> list[_Part]:
    parts: list[_Part] = []
    index, offset = 0, 0
    for number, reader in enumerate(readers, 1):
        if "/StructTreeRoot" not in _root(reader):
            raise StructureMergeError(f"part {number} is not tagged")
        pages: dict[int, IndirectObject] = {}
        annotations: dict[int, IndirectObject] = {}
        for page in reader.pages:
            if index >= len(writer.pages):
                raise StructureMergeError("the writer holds fewer pages than the parts")
            target = writer.pages[index]
            pages[_ref(page.indirect_reference).idnum] = _ref(target.indirect_reference)
            theirs = [a for a in _as_list(page.get("/Annots")) if isinstance(a, IndirectObject)]
            ours = [a for a in _as_list(target.get("/Annots")) if isinstance(a, IndirectObject)]
            for source, copy in zip(theirs, ours, strict=False):
                if _dict(source).get("/Rect") == _dict(copy).get("/Rect"):
                    annotations[source.idnum] = copy
            index += 1
        part = _Part(reader, pages, annotations, offset)
        parts.append(part)
        offset += _key_count(part)
    if index != len(writer.pages):
        raise StructureMergeError("the writer holds pages that come from none of the parts")
    return parts


def _key_count(part: _Part) -> int:
    """How many parent-tree keys the part uses (its ParentTreeNextKey, or one past its largest key)."""
    tree = _tree(part.reader)
    if "/ParentTreeNextKey" in tree:
        return int(cast(NumberObject, tree["/ParentTreeNextKey"]))
    keys = [key for key, _ in _number_tree(_dict(tree["/ParentTree"]))]
    return max(keys, default=-1) + 1


def _top_elements(tree: DictionaryObject) -> list[PdfObject]:
    """The part's elements under its root, through the one Document element WeasyPrint writes."""
    kids = _as_list(tree.get("/K"))
    if len(kids) == 1 and _dict(kids[0]).get("/S") == "/Document":
        return _as_list(_dict(kids[0]).get("/K"))
    return kids


def _copy_element(writer: PdfWriter, part: _Part, kid: PdfObject, parent: IndirectObject) -> PdfObject | None:
    """A copy of ``kid`` (an element, an MCID, an MCR or an OBJR) for the merged tree."""
    source = kid.get_object()
    if isinstance(source, NumberObject):
        return NumberObject(int(source))
    if not isinstance(source, DictionaryObject):
        return None
    kind = source.get("/Type")
    if kind == "/MCR":
        return DictionaryObject(
            {
                NameObject("/Type"): NameObject("/MCR"),
                NameObject("/Pg"): part.pages[_ref(source.raw_get("/Pg")).idnum],
                NameObject("/MCID"): NumberObject(int(cast(NumberObject, source["/MCID"]))),
            }
        )
    if kind == "/OBJR":
        annotation = part.annotations.get(_ref(source.raw_get("/Obj")).idnum)
        if annotation is None:
            return None  # pypdf did not copy it (a link to a destination outside the part)
        objr = DictionaryObject({NameObject("/Type"): NameObject("/OBJR"), NameObject("/Obj"): annotation})
        if "/Pg" in source:
            objr[NameObject("/Pg")] = part.pages[_ref(source.raw_get("/Pg")).idnum]
        return writer._add_object(objr)
    element = DictionaryObject({NameObject("/Type"): NameObject("/StructElem"), NameObject("/P"): parent})
    for key in ELEMENT_KEYS_COPIED:
        if key in source:
            element[NameObject(key)] = source[key].clone(writer)
    if "/Pg" in source:
        element[NameObject("/Pg")] = part.pages[_ref(source.raw_get("/Pg")).idnum]
    reference = writer._add_object(element)
    if isinstance(kid, IndirectObject):
        part.copied[kid.idnum] = reference
    kids = ArrayObject()
    for child in _as_list(source.get("/K")):
        copy = _copy_element(writer, part, child, reference)
        if copy is not None:
            kids.append(copy)
    element[NameObject("/K")] = kids
    return reference


def _parent_tree_entries(part: _Part, tree: DictionaryObject) -> ArrayObject:
    """The part's parent tree with shifted keys and references to the copied elements."""
    out = ArrayObject()
    for key, value in _number_tree(_dict(tree["/ParentTree"])):
        out.append(NumberObject(int(key) + part.offset))
        resolved = value.get_object()
        if isinstance(resolved, ArrayObject):
            out.append(
                ArrayObject(
                    part.copied.get(ref.idnum, NullObject())
                    if isinstance(ref, IndirectObject)
                    else NullObject()
                    for ref in resolved
                )
            )
        elif isinstance(value, IndirectObject) and value.idnum in part.copied:
            out.append(part.copied[value.idnum])
        else:
            out.append(NullObject())
    return out


def _renumber_pages_and_annotations(writer: PdfWriter, part: _Part) -> None:
    for page in part.reader.pages:
        target = _dict(part.pages[_ref(page.indirect_reference).idnum])
        if "/StructParents" in page:
            key = int(cast(NumberObject, page["/StructParents"])) + part.offset
            target[NameObject("/StructParents")] = NumberObject(key)
        if "/Tabs" in page:
            target[NameObject("/Tabs")] = NameObject(page["/Tabs"])
        for source in _as_list(page.get("/Annots")):
            copy = part.annotations.get(source.idnum) if isinstance(source, IndirectObject) else None
            if copy is not None and "/StructParent" in _dict(source):
                key = int(cast(NumberObject, _dict(source)["/StructParent"])) + part.offset
                _dict(copy)[NameObject("/StructParent")] = NumberObject(key)


def _number_tree(node: DictionaryObject) -> list[tuple[int, PdfObject]]:
    """Every (key, value) of a number tree, leaves in order."""
    entries: list[tuple[int, PdfObject]] = []
    found = node.get("/Nums")
    if found is not None:
        nums = cast(ArrayObject, found.get_object())
        entries.extend((int(nums[i]), nums[i + 1]) for i in range(0, len(nums), 2))
    for kid in _as_list(node.get("/Kids")):
        entries.extend(_number_tree(_dict(kid)))
    return entries


def _as_list(value: PdfObject | None) -> list[PdfObject]:
    if value is None:
        return []
    resolved = value.get_object()
    if isinstance(resolved, ArrayObject):
        return list(resolved)  # an ArrayObject's items are not resolved: references stay references
    return [value]
