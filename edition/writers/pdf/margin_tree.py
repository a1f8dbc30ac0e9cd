"""Find, measure and move margin-note boxes in a laid-out WeasyPrint 70 document.

Everything here touches WeasyPrint internals (pinned to 70.0 in pyproject.toml):

- ``Page._page_box``: the root of a page's laid-out box tree, drawn by ``Page.paint`` at write time, so a
  box moved in this tree is drawn where it now is, exactly once, as long as it is in one tree only;
- ``AbsolutePlaceholder``: what layout leaves in a line box for an absolutely positioned element (the
  note), wrapping the laid-out box; the note's static position is its anchor line;
- ``Box.translate(dx, dy)``: moves a box and all its descendants;
- ``Page.anchors`` / ``Page.links``: collected once from the tree when the ``Page`` is made
  (``weasyprint.anchors.gather_anchors``), so they are stale for moved boxes and are redone here.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from weasyprint.anchors import gather_anchors
from weasyprint.document import Page
from weasyprint.formatting_structure import boxes
from weasyprint.layout.absolute import AbsolutePlaceholder

from edition.writers.pdf.margin_stack import Column

NOTE_CLASS = "margin-note"
CUE_PSEUDO = "::before"


class MarginNoteError(ValueError):
    """The document breaks the margin-note HTML/CSS contract (a bug in the templates or stylesheet)."""


@dataclass(frozen=True, slots=True)
class NoteBox:
    """A gloss's laid-out box as layout left it, on its anchor page.

    ``parent`` is the box whose ``children`` list holds ``placeholder``; ``cue`` is the placeholder of the
    note's ``::before`` box (the "from p. N" line), or None when the stylesheet gives it none.
    """

    page: int
    placeholder: AbsolutePlaceholder
    parent: boxes.Box
    box: boxes.Box
    cue: AbsolutePlaceholder | None
    anchor_y: float
    note_id: str
    number: int
    origin: str

    @property
    def cue_height(self) -> float:
        return self.cue._box.margin_height() if self.cue is not None else 0.0


def is_margin_note_box(box: boxes.Box | AbsolutePlaceholder) -> bool:
    """True for the box of a ``.margin-note`` element itself (not its pseudo-elements or descendants).

    Other passes that walk page trees (line numbers, say) should skip these subtrees.
    """
    element = box.element
    if element is None or "::" in (box.element_tag or ""):
        return False
    return NOTE_CLASS in (element.get("class") or "").split()


def find_note_boxes(pages: Sequence[Page]) -> list[NoteBox]:
    """Every margin note in the document, in tree order (document order), each found once."""
    found: list[NoteBox] = []
    seen: dict[int, NoteBox] = {}
    for page_index, page in enumerate(pages):
        for note in _notes_on_page(page_index, page._page_box):
            key = id(note.box.element)
            if key in seen:
                raise MarginNoteError(
                    f"{note.origin}: gloss {note.number} (#{note.note_id}) was laid out twice, on pages "
                    f"{seen[key].page + 1} and {page_index + 1}: the note was split"
                )
            seen[key] = note
            found.append(note)
    return found


def _notes_on_page(page_index: int, page_box: boxes.PageBox) -> Iterator[NoteBox]:
    """Walk one page tree depth-first in tree order, remembering the nearest line box."""
    stack: list[tuple[boxes.Box, boxes.LineBox | None]] = [(page_box, None)]
    while stack:
        box, line = stack.pop()
        children = box.children if isinstance(box, boxes.ParentBox) else ()
        pending = []
        for child in children:
            if isinstance(child, AbsolutePlaceholder):
                inner = child._box
                if is_margin_note_box(inner):
                    yield _note_box(page_index, child, box, line)
                    continue
                pending.append((inner, line))
            elif is_margin_note_box(child):
                if isinstance(box, boxes.PageBox):
                    raise MarginNoteError("the margin notes of this document have already been placed")
                raise MarginNoteError(
                    f"{child.element.get('data-origin', '?')}: margin note #{child.element.get('id')} is "
                    "not absolutely positioned: is styles/margin-notes.css loaded?"
                )
            else:
                pending.append((child, child if isinstance(child, boxes.LineBox) else line))
        stack.extend(reversed(pending))


def _note_box(
    page_index: int, placeholder: AbsolutePlaceholder, parent: boxes.Box, line: boxes.LineBox | None
) -> NoteBox:
    box = placeholder._box
    element = box.element
    origin = element.get("data-origin") or "?"
    number_text = element.get("data-note-number") or ""
    if not number_text.isdigit():
        raise MarginNoteError(f"{origin}: margin note #{element.get('id')} has no data-note-number")
    cue = next(
        (
            child
            for child in box.children
            if isinstance(child, AbsolutePlaceholder) and (child._box.element_tag or "").endswith(CUE_PSEUDO)
        ),
        None,
    )
    anchor_y = line.position_y if line is not None else box.border_box_y()
    return NoteBox(
        page=page_index,
        placeholder=placeholder,
        parent=parent,
        box=box,
        cue=cue,
        anchor_y=anchor_y,
        note_id=element.get("id") or "",
        number=int(number_text),
        origin=origin,
    )


def column_of(page_box: boxes.PageBox, trim_safety: float) -> Column:
    """The outer-margin column of a page, read from the laid-out page box.

    The outer side is the wider horizontal margin (the ``@page :left``/``:right`` rules mirror them);
    with equal margins it is the page side WeasyPrint matched (right-hand pages have it on the right).
    The column spans the text block's height: running heads and folios live above and below it.
    """
    if page_box.margin_right != page_box.margin_left:
        outer_right = page_box.margin_right > page_box.margin_left
    else:
        outer_right = page_box.page_type.side == "right"
    text_left = page_box.content_box_x()
    text_right = text_left + page_box.width
    top = page_box.content_box_y()
    if outer_right:
        return Column(
            top=top,
            bottom=top + page_box.height,
            text_edge=text_right,
            limit=page_box.margin_width() - trim_safety,
            outer_right=True,
        )
    return Column(
        top=top, bottom=top + page_box.height, text_edge=text_left, limit=trim_safety, outer_right=False
    )


def detach(notes: Sequence[NoteBox]) -> None:
    """Take the notes out of the lines they were laid out in (and unused cues out of the notes).

    Lists are replaced, not edited in place: ``Box.copy`` shares ``children`` lists between copies.
    """
    by_parent: dict[int, tuple[boxes.Box, set[int]]] = {}
    for note in notes:
        by_parent.setdefault(id(note.parent), (note.parent, set()))[1].add(id(note.placeholder))
    for parent, gone in by_parent.values():
        parent.children = [child for child in parent.children if id(child) not in gone]


def drop_cue(note: NoteBox) -> None:
    """Remove the "from p. N" line from a note that stays on its anchor page."""
    if note.cue is not None:
        note.box.children = [child for child in note.box.children if child is not note.cue]


def attach(page_box: boxes.PageBox, notes: Sequence[NoteBox]) -> None:
    """Make the notes children of the page box, after the root and margin boxes: each is then painted
    as its own layer after the text, and no ancestor of its old line can clip or transform it."""
    page_box.children = [*page_box.children, *(note.box for note in notes)]


def forget_targets(page: Page, notes: Sequence[NoteBox]) -> None:
    """Drop the anchors and links that the notes' boxes gave ``page`` when it was made."""
    box_ids: set[int] = set()
    names: set[str] = set()
    for note in notes:
        for box in _subtree(note.box):
            box_ids.add(id(box))
            if box.style["anchor"]:
                names.add(box.style["anchor"])
    for name in names:
        page.anchors.pop(name, None)
    page.links = [link for link in page.links if id(link[3]) not in box_ids]


def gather_targets(page: Page, note: NoteBox) -> None:
    """Add the anchors and links of a note's boxes, at their new positions, to the page that shows it.

    Bookmarks and form fields are not collected: notes hold neither headings nor forms.
    """
    gather_anchors(note.box, page.anchors, page.links, [], {None: []})


def _subtree(box: boxes.Box) -> Iterator[boxes.Box]:
    stack = [box]
    while stack:
        current = stack.pop()
        if isinstance(current, AbsolutePlaceholder):
            current = current._box
        yield current
        if isinstance(current, boxes.ParentBox):
            stack.extend(current.all_children())
