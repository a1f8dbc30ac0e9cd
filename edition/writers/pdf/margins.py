"""Margin notes for the print PDF: move each gloss into the outer margin beside its anchor line.

Why after layout: WeasyPrint 70 has no working side-note mechanism (floats with negative margins overlap
and split, ``position: note()`` loses and duplicates notes). So the stylesheet (``styles/margin-notes.css``)
lays each note out as an absolutely positioned, unsplittable box at its anchor line without disturbing the
text, and this module then moves the laid-out boxes into the outer margin of their page, stacks them so
they never overlap, and spills what does not fit to the top of the next page's margin with a
"from p. N" cue. The rules are in ``margin_stack``; the box-tree surgery is in ``margin_tree``.

Units and conventions of the report:

- lengths are CSS px (1/96 in), as WeasyPrint uses, measured from the top-left corner of the trimmed page
  (bleed lies outside, at negative coordinates);
- page numbers are **0-based** indexes into ``document.pages`` (not printed folios);
- a note's rectangle (``x, y, width, height``) is everything painted for it: its box plus, when spilled,
  the cue line above it.

Fallback for a note that no margin can hold (taller than the text block, wider than the margin, or still
waiting for room after the last page): ``"endnote"``. Such a note is taken out of the layout (it is not
drawn anywhere, so it is never duplicated), listed with ``fallback="endnote"`` and a warning, and the
caller must print it as an endnote and render again. (A note taller than the whole margin column cannot
fit at the foot of the page either, so ``"foot"`` is never returned; it stays in the type for the
contract.) While such a note is out, WeasyPrint will log a missing anchor for its marker's link.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import weasyprint

from edition.writers.pdf.margin_stack import NoteShape, Refused, Slot, stack_notes
from edition.writers.pdf.margin_tree import (
    MarginNoteError,
    NoteBox,
    attach,
    column_of,
    detach,
    drop_cue,
    find_note_boxes,
    forget_targets,
    gather_targets,
    is_margin_note_box,
)

__all__ = [
    "DEFAULT_GAP",
    "DEFAULT_SIDE_GAP",
    "TRIM_SAFETY",
    "MarginNoteError",
    "NotePlacement",
    "PlacementReport",
    "is_margin_note_box",
    "place_margin_notes",
]

PX_PER_PT = 96 / 72
PX_PER_MM = 96 / 25.4

DEFAULT_GAP = 4 * PX_PER_PT  # vertical space between two stacked notes
DEFAULT_SIDE_GAP = 0.15 * 96  # preferred space between the text block and a note
TRIM_SAFETY = 3 * PX_PER_MM  # nothing printed closer than this to the trim edge

Fallback = Literal["none", "foot", "endnote"]

_REASONS = {
    "too-tall": ("is taller than the margin beside the text block", "margin-note-too-tall"),
    "too-wide": ("is wider than the outer margin", "margin-note-too-wide"),
    "no-room": ("found no room in the margins before the last page", "margin-note-no-room"),
}


@dataclass(frozen=True)
class NotePlacement:
    """Where one note ended up (see the module docstring for units and page numbering)."""

    note_id: str
    number: int
    origin: str
    anchor_page: int
    page: int
    x: float
    y: float
    width: float
    height: float
    spilled: bool
    fallback: Fallback


@dataclass(frozen=True, slots=True)
class PlacementWarning:
    """Something the reader of the book should know about one note's placement, as data: the PDF writer
    turns it into a diagnostic at the gloss's entry (it knows the gloss by its number)."""

    number: int  # the gloss's number
    origin: str  # the note's data-origin ("file:line:col"), for this module's own messages and tests
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.origin}: warning: {self.message} [{self.code}]"


@dataclass(frozen=True)
class PlacementReport:
    """Every note once, in document order, and the warnings about them."""

    placements: tuple[NotePlacement, ...]
    warnings: tuple[PlacementWarning, ...]

    def needing_endnotes(self) -> tuple[NotePlacement, ...]:
        """The notes taken out of the margins: print these as endnotes and render again."""
        return tuple(p for p in self.placements if p.fallback == "endnote")


def place_margin_notes(
    document: weasyprint.Document,
    *,
    gap: float = DEFAULT_GAP,
    trim_safety: float = TRIM_SAFETY,
    side_gap: float = DEFAULT_SIDE_GAP,
    page_label: Callable[[int], str] = lambda index: f"PDF page {index + 1}",
) -> PlacementReport:
    """Move every margin note of a rendered document into its outer margin, in place.

    Call it once, after ``HTML.render()`` and before ``document.write_pdf()``. ``gap`` is the least
    vertical space between notes, ``trim_safety`` the least distance from the trim edge, ``side_gap``
    the preferred distance from the text block (it shrinks before a note would cross the safety line).
    ``page_label`` names a 0-based page index in warnings (the book's folio, "p. 3", where it is known).
    Raises ``MarginNoteError`` if the HTML/CSS contract is broken (a note not absolutely positioned,
    without a number, or split by layout).
    """
    pages = document.pages
    notes = find_note_boxes(pages)
    columns = [column_of(page._page_box, trim_safety) for page in pages]
    shapes = [
        NoteShape(
            anchor_page=note.page,
            anchor_y=note.anchor_y,
            width=note.box.border_width(),
            height=note.box.border_height(),
            cue_height=note.cue_height,
        )
        for note in notes
    ]
    outcomes = stack_notes(columns, shapes, gap=gap, side_gap=side_gap)

    detach(notes)
    by_page: dict[int, list[NoteBox]] = {}
    for note in notes:
        by_page.setdefault(note.page, []).append(note)
    for page_index, page_notes in by_page.items():
        forget_targets(pages[page_index], page_notes)

    placements: list[NotePlacement] = []
    warnings: list[PlacementWarning] = []
    arriving: dict[int, list[NoteBox]] = {}
    for note, outcome in zip(notes, outcomes, strict=True):
        if isinstance(outcome, Refused):
            placements.append(_refused(note))
            text, code = _REASONS[outcome.reason]
            message = f"gloss {note.number} {text}; it must be printed as an endnote"
            warnings.append(PlacementWarning(note.number, note.origin, code, message))
            continue
        placements.append(_move(note, outcome))
        arriving.setdefault(outcome.page, []).append(note)
        if outcome.spilled:
            if note.cue is None:
                message = f"gloss {note.number} moved to another page but the stylesheet gives it no cue line"
                warnings.append(PlacementWarning(note.number, note.origin, "margin-note-no-cue", message))
            message = (
                f"gloss {note.number} did not fit beside its anchor on {page_label(note.page)} and was "
                f"moved to {page_label(outcome.page)}"
            )
            warnings.append(PlacementWarning(note.number, note.origin, "margin-note-spilled", message))
    for page_index, page_notes in arriving.items():
        page = pages[page_index]
        attach(page._page_box, page_notes)
        for note in page_notes:
            gather_targets(page, note)
    return PlacementReport(placements=tuple(placements), warnings=tuple(warnings))


def _move(note: NoteBox, slot: Slot) -> NotePlacement:
    """Translate the note (and its cue, kept only when spilled) to its slot."""
    cue_height = note.cue_height if slot.spilled else 0.0
    if not slot.spilled:
        drop_cue(note)
    box = note.box
    box.translate(slot.x - box.border_box_x(), slot.top + cue_height - box.border_box_y())
    return NotePlacement(
        note_id=note.note_id,
        number=note.number,
        origin=note.origin,
        anchor_page=note.page,
        page=slot.page,
        x=slot.x,
        y=slot.top,
        width=box.border_width(),
        height=slot.extent,
        spilled=slot.spilled,
        fallback="none",
    )


def _refused(note: NoteBox) -> NotePlacement:
    return NotePlacement(
        note_id=note.note_id,
        number=note.number,
        origin=note.origin,
        anchor_page=note.page,
        page=note.page,
        x=0.0,
        y=0.0,
        width=note.box.border_width(),
        height=note.box.border_height(),
        spilled=False,
        fallback="endnote",
    )
