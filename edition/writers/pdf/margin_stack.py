"""Stack margin notes in the outer-margin columns of pages: pure geometry, no WeasyPrint.

Kept apart from the box-tree surgery in ``margin_tree`` so that the placement rules can be tested on
numbers alone. The rules, in order of priority:

1. Notes keep document order: a later note never sits above an earlier one, nor on an earlier page.
2. A note sits with its top at its anchor line's top; when the note above is in the way it moves down.
3. A page keeps the longest run of waiting notes whose heights (plus gaps) fit its column; near the foot
   of the column notes are pushed up into free space rather than sent away.
4. The rest move, whole, to the top of the next page's column, in order, each with its cue line
   ("from p. N") above it; they come before that page's own notes.
5. A note taller than its anchor page's column, or still waiting after the last page, is refused: the
   caller prints it elsewhere (as an endnote). Nothing is ever dropped silently or split.

Every page looks only at the notes it takes plus the first one it refuses, so the work is linear in pages
plus notes.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

# Slack for float comparisons: WeasyPrint's positions are sums of many floats.
EPSILON = 1e-6


@dataclass(frozen=True, slots=True)
class Column:
    """The outer-margin column of one page, in CSS px from the page's top-left (trim) corner.

    ``text_edge`` is the x of the text block's outer edge, ``limit`` the x no note may cross
    (trim minus the safety distance); on a recto ``text_edge < limit``, on a verso the reverse.
    """

    top: float
    bottom: float
    text_edge: float
    limit: float
    outer_right: bool

    @property
    def height(self) -> float:
        return self.bottom - self.top

    def x_for(self, width: float, side_gap: float) -> float | None:
        """Left x of a note of this width, ``side_gap`` away from the text block if there is room.

        The gap shrinks (down to nothing) before the note is allowed past the limit; None when the
        note is wider than the whole margin between text block and limit.
        """
        if width > abs(self.limit - self.text_edge) + EPSILON:
            return None
        if self.outer_right:
            return max(self.text_edge, min(self.text_edge + side_gap, self.limit - width))
        return min(self.text_edge - width, max(self.text_edge - side_gap - width, self.limit))


@dataclass(frozen=True, slots=True)
class NoteShape:
    """What placement needs to know of a note: where it is anchored and how big it is."""

    anchor_page: int
    anchor_y: float
    width: float
    height: float
    cue_height: float


@dataclass(frozen=True, slots=True)
class Slot:
    """Where a note goes. ``top`` is the top of what is painted: the cue's top when ``spilled``."""

    page: int
    x: float
    top: float
    extent: float
    spilled: bool


RefusalReason = Literal["too-tall", "too-wide", "no-room"]


@dataclass(frozen=True, slots=True)
class Refused:
    """A note no page's margin could take; ``reason`` says why."""

    reason: RefusalReason


Outcome = Slot | Refused


def stack_notes(
    columns: Sequence[Column], notes: Sequence[NoteShape], *, gap: float, side_gap: float
) -> tuple[Outcome, ...]:
    """Place every note; return one outcome per note, in the order given (document order).

    ``gap`` is the least vertical space between two notes' painted extents.
    """
    outcomes: list[Outcome | None] = [None] * len(notes)
    by_page: list[list[int]] = [[] for _ in columns]
    for index, note in enumerate(notes):
        if not 0 <= note.anchor_page < len(columns):
            raise ValueError(f"note {index} is anchored on page {note.anchor_page}, not in the document")
        by_page[note.anchor_page].append(index)

    waiting: deque[int] = deque()
    too_wide: set[int] = set()
    for page, column in enumerate(columns):
        for index in by_page[page]:
            if notes[index].height > column.height + EPSILON:
                outcomes[index] = Refused("too-tall")
            else:
                waiting.append(index)
        taken = _take_fitting(page, column, notes, waiting, outcomes, too_wide, gap=gap, side_gap=side_gap)
        for index, slot in zip(
            taken, _positions(page, column, notes, taken, gap=gap, side_gap=side_gap), strict=True
        ):
            outcomes[index] = slot
    for index in waiting:
        outcomes[index] = Refused("too-wide" if index in too_wide else "no-room")
    assert all(outcome is not None for outcome in outcomes)
    return tuple(outcome for outcome in outcomes if outcome is not None)


def _extent(note: NoteShape, page: int) -> float:
    """Painted height of a note on ``page``: a note away from its anchor page carries its cue line."""
    return note.height + (note.cue_height if page != note.anchor_page else 0.0)


def _take_fitting(
    page: int,
    column: Column,
    notes: Sequence[NoteShape],
    waiting: deque[int],
    outcomes: list[Outcome | None],
    too_wide: set[int],
    *,
    gap: float,
    side_gap: float,
) -> list[int]:
    """Pop from ``waiting`` the longest run of notes that fits this column (rule 3)."""
    taken: list[int] = []
    used = 0.0
    while waiting:
        index = waiting[0]
        note = notes[index]
        if column.x_for(note.width, side_gap) is None:
            too_wide.add(index)
            break  # this page's margin cannot hold it; it and all after it wait for the next page
        extent = _extent(note, page)
        if extent > column.height + EPSILON:
            if taken:
                break
            waiting.popleft()  # even an empty column cannot hold it with its cue
            outcomes[index] = Refused("too-tall")
            continue
        need = extent + (gap if taken else 0.0)
        if used + need > column.height + EPSILON:
            break
        used += need
        taken.append(waiting.popleft())
    return taken


def _positions(
    page: int, column: Column, notes: Sequence[NoteShape], taken: list[int], *, gap: float, side_gap: float
) -> list[Slot]:
    """Top-align each taken note with its anchor, moving down past the note above (rule 2), then push
    up from the column's foot as far as needed (rule 3). The taken run is known to fit."""
    tops: list[float] = []
    extents = [_extent(notes[index], page) for index in taken]
    cursor = column.top
    for index, extent in zip(taken, extents, strict=True):
        note = notes[index]
        wanted = column.top if page != note.anchor_page else max(column.top, note.anchor_y)
        top = max(wanted, cursor)
        tops.append(top)
        cursor = top + extent + gap
    limit = column.bottom
    for k in range(len(taken) - 1, -1, -1):
        top = min(tops[k], limit - extents[k])
        if top == tops[k]:
            break  # this note did not move, so none above it has to (the forward pass kept them apart)
        tops[k] = top
        limit = top - gap
    slots = []
    for index, top, extent in zip(taken, tops, extents, strict=True):
        note = notes[index]
        x = column.x_for(note.width, side_gap)
        assert x is not None
        slots.append(Slot(page=page, x=x, top=top, extent=extent, spilled=page != note.anchor_page))
    return slots
