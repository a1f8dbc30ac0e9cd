"""Corrections to WeasyPrint 70's structure tree, made on the PDF objects before they are written.

- Running heads and folios (the page's margin boxes) are marked content whose structure elements
  WeasyPrint builds but leaves out of the tree ("Artifact" in the tree is PDF 2.0 only, says its
  source): such text is neither tagged nor an artifact, which PDF/UA-1 forbids. Their marked-content
  sequences are turned into ``/Artifact`` sequences, and the parent tree forgets their ids.
- A link's text with inline markup inside (``<a>p. <span>14</span></a>``) gets one annotation per inline
  box, and WeasyPrint ties the inner ones to the inner ``Span`` elements; PDF/UA-1 wants every link
  annotation inside a ``Link`` element, so those are moved up to the enclosing ``Link``.
- Margin notes are children of their page box (margin_tree.attach), so the tree already reads them after
  the page's text; WeasyPrint tags them ``Span`` (they are ``<span>`` elements) and they become
  ``Note`` elements with the gloss's id, as PDF/UA-1 asks of notes (with the ``IDTree`` that ids need).
- A list item holding a paragraph (``<li><p>``) becomes ``LI`` → ``Lbl``, ``P``; a list item may hold
  only a label and a body, so the paragraph is wrapped in an ``LBody``.
- A link's ``/Contents`` (its alternate description, which PDF/UA-1 requires) is WeasyPrint's target id
  (``#gloss-committee``); it becomes what the link is: "Gloss 3", "Author's note 2", "p. 14".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pydyf
from weasyprint import Document
from weasyprint.formatting_structure import boxes

REFERENCE = re.compile(r"^(\d+) 0 R$")
# Alternate descriptions of the links our templates write, by the link's class ("{}" is its text).
LINK_DESCRIPTIONS = {
    "gloss-ref": "Gloss {}",
    "fn-ref": "Author's note {}",
    "endnote-label": "Note {}: back to the text",
    "pageref": "{}",
    "tn-page": "{}",
    "index-page": "Page {}",
}


def mark_margin_boxes_as_artifacts(pdf: pydyf.PDF) -> int:
    """Make every marked-content sequence whose structure element is outside the tree an artifact.

    Returns how many sequences were changed."""
    reachable = _reachable_elements(pdf)
    parent_tree = _object(pdf, pdf.objects[_number(pdf.catalog["StructTreeRoot"])]["ParentTree"])
    nums = parent_tree["Nums"]
    changed = 0
    pages = [pdf.objects[number] for number in pdf.pages["Kids"][::3]]
    for index in range(0, len(nums), 2):
        key, value = nums[index], nums[index + 1]
        if not isinstance(value, pydyf.Array) or key >= len(pages):
            continue  # an annotation's entry, not a page's
        orphans = {mcid for mcid, ref in enumerate(value) if _number(ref) not in reachable}
        if not orphans:
            continue
        stream = pdf.objects[_number(pages[key]["Contents"])]
        changed += _artifact_sequences(stream, orphans)
        for mcid in orphans:
            value[mcid] = "null"
    return changed


def tag_margin_notes(pdf: pydyf.PDF, document: Document) -> int:
    """Retag the margin notes (the Document's own ``Span`` children) as ``Note`` with ids.

    Done only when there are exactly as many such elements as margin-note boxes on the pages (an
    edition stylesheet could put other inline content there); returns how many were retagged."""
    root = pdf.objects[_number(pdf.catalog["StructTreeRoot"])]
    top = pdf.objects[_number(root["K"][0])]
    spans = [pdf.objects[_number(kid)] for kid in top["K"] if _number(kid) is not None]
    spans = [element for element in spans if element.get("S") == "/Span"]
    ids = [
        box.element.get("id") or ""
        for page in document.pages
        for box in page._page_box.children
        if box.element is not None and "margin-note" in (box.element.get("class") or "").split()
    ]
    if len(spans) != len(ids) or not all(ids) or len(set(ids)) != len(ids):
        return 0
    names = pydyf.Array()
    for element, note_id in sorted(zip(spans, ids, strict=True), key=lambda pair: pair[1]):
        element["S"] = "/Note"
        element["ID"] = pydyf.String(note_id)
        names.extend([pydyf.String(note_id), element.reference])
    root["IDTree"] = pydyf.Dictionary({"Names": names})
    return len(ids)


def wrap_list_item_bodies(pdf: pydyf.PDF) -> int:
    """Put whatever an ``LI`` holds besides ``Lbl`` and ``LBody`` into one ``LBody``; returns how many."""
    wrapped = 0
    for element in list(pdf.objects):
        if not isinstance(element, pydyf.Dictionary) or element.get("S") != "/LI":
            continue
        loose = [
            kid
            for kid in element["K"]
            if _number(kid) is not None and pdf.objects[_number(kid)].get("S") not in ("/Lbl", "/LBody")
        ]
        if not loose:
            continue
        body = pydyf.Dictionary(
            {"Type": "/StructElem", "S": "/LBody", "K": pydyf.Array(loose), "P": element.reference}
        )
        if "Pg" in element:
            body["Pg"] = element["Pg"]
        pdf.add_object(body)
        for kid in loose:
            pdf.objects[_number(kid)]["P"] = body.reference
        position = element["K"].index(loose[0])
        element["K"] = pydyf.Array(
            [
                *[k for k in element["K"][:position] if k not in loose],
                body.reference,
                *[k for k in element["K"][position:] if k not in loose],
            ]
        )
        wrapped += 1
    return wrapped


def tie_annotations_to_links(pdf: pydyf.PDF) -> int:
    """Move each link annotation's object reference from an inner element to its ``Link`` ancestor.

    Returns how many were moved."""
    parent_tree = _object(pdf, pdf.objects[_number(pdf.catalog["StructTreeRoot"])]["ParentTree"])
    nums = parent_tree["Nums"]
    moved = 0
    for index in range(1, len(nums), 2):
        number = _number(nums[index])
        if number is None:
            continue
        element = pdf.objects[number]
        if element.get("S") == "/Link":
            continue
        link = _ancestor(pdf, element, "/Link")
        if link is None:
            continue
        for kid in list(element["K"]):
            kid_number = _number(kid)
            if kid_number is not None and pdf.objects[kid_number].get("Type") == "/OBJR":
                element["K"].remove(kid)
                link["K"].append(kid)
        nums[index] = link.reference
        moved += 1
    return moved


def _ancestor(pdf: pydyf.PDF, element: pydyf.Dictionary, kind: str) -> pydyf.Dictionary | None:
    number = _number(element.get("P"))
    while number is not None:
        parent = pdf.objects[number]
        if not isinstance(parent, pydyf.Dictionary) or parent.get("Type") != "/StructElem":
            return None
        if parent.get("S") == kind:
            return parent
        number = _number(parent.get("P"))
    return None


def describe_links(document: Document) -> None:
    """Give every link annotation an alternate description of what it points to.

    The text is read from the laid-out boxes, not the HTML, since page numbers are written into the
    boxes after layout (slots.py); all the boxes of one ``<a>`` (a link broken over two lines, an inner
    ``<span>``) share its description."""
    texts: dict[object, list[str]] = {}
    annotated: list[tuple[pydyf.Dictionary, object]] = []
    parents: dict[object, object] = {}
    for page in document.pages:
        for box in _descendants(page._page_box):
            if box.element is None:
                continue
            if box.element_tag == "html" and box.element not in parents:
                parents.update({child: parent for parent in box.element.iter() for child in parent})
                parents[box.element] = None
            anchor = _link_element(box.element, parents)
            if anchor is None:
                continue
            if isinstance(box, boxes.TextBox) and "::" not in box.element_tag:  # no leaders
                texts.setdefault(anchor, []).append(box.text)
            annotation = getattr(box, "link_annotation", None)
            if annotation is not None:
                annotated.append((annotation, anchor))
    for annotation, anchor in annotated:
        text = " ".join("".join(texts.get(anchor, [])).split())
        label = anchor.get("aria-label")  # type: ignore[attr-defined]
        if not label:
            classes = (anchor.get("class") or "").split()  # type: ignore[attr-defined]
            pattern = next((LINK_DESCRIPTIONS[c] for c in classes if c in LINK_DESCRIPTIONS), "{}")
            label = pattern.format(text)
        if label.strip():
            annotation["Contents"] = pydyf.String(label)


def _link_element(element: object, parents: dict[object, object]) -> object | None:
    """The ``<a>`` element that ``element`` is or is inside of (``parents``: the HTML's parent map)."""
    while element is not None and getattr(element, "tag", None) != "a":
        element = parents.get(element)
    return element


def _artifact_sequences(stream: pydyf.Stream, mcids: set[int]) -> int:
    """Rewrite ``/Tag <</MCID n>> BDC`` as ``/Artifact BMC`` for the given ids (pydyf keeps each
    operand as its own item of ``stream.stream``)."""
    items = stream.stream
    changed = 0
    for i, item in enumerate(items):
        properties = items[i - 1] if i >= 2 else None
        if item == b"BDC" and isinstance(properties, pydyf.Dictionary) and properties.get("MCID") in mcids:
            items[i - 2] = "/Artifact"
            items[i - 1] = b""
            items[i] = b"BMC"
            changed += 1
    return changed


def _reachable_elements(pdf: pydyf.PDF) -> set[int]:
    root = pdf.objects[_number(pdf.catalog["StructTreeRoot"])]
    seen: set[int] = set()
    todo = [root["K"]]
    while todo:
        kids = todo.pop()
        for kid in kids if isinstance(kids, pydyf.Array | list) else [kids]:
            number = _number(kid)
            if number is None or number in seen:
                continue
            seen.add(number)
            element = pdf.objects[number]
            if isinstance(element, pydyf.Dictionary) and "K" in element:
                todo.append(element["K"])
    return seen


def _descendants(box: boxes.Box) -> Iterator[boxes.Box]:
    yield box
    for child in getattr(box, "children", ()):
        yield from _descendants(child)


def _object(pdf: pydyf.PDF, reference: object) -> pydyf.Dictionary:
    number = _number(reference)
    return pdf.objects[number] if number is not None else reference


def _number(reference: object) -> int | None:
    if isinstance(reference, bytes):
        reference = reference.decode()
    if isinstance(reference, str):
        match = REFERENCE.match(reference.strip())
        return int(match.group(1)) if match else None
    return None
