"""The table of contents: every division in reading order, with the title and level it is listed under.

The copy-text's headings are listed to the depth the style asks for (``contents_depth``): level 2 is a
section (``#`` or ``##``), 3 a ``###`` subsection, 4 a ``####`` one (deeper headings count as 4). The
printed contents, the PDF bookmarks and the EPUB navigation all list these entries, so no output can
list a heading another leaves out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from edition.book.divisions import FrontEssay, NoteOnText
from edition.book.labels import Labels
from edition.book.series import at_foot
from edition.model import Block, Edition, Heading, Section, plain_text

DivisionKind = Literal[
    "essay",
    "note-on-the-text",  # the Note on the Text the book generates (an editor's own is an "essay")
    "text",
    "section",  # a heading of the copy-text: a section (level 2) or a subsection (3, 4)
    "author-notes",
    "gloss-endnotes",
    "textual-notes",
    "variant-readings",
    "bibliography",
    "index",
]


@dataclass(frozen=True, slots=True)
class ContentsEntry:
    """One line of the contents. ``element_id`` is the model's id for essays and sections (their heading),
    None for divisions the book adds (each writer knows where it puts those). Front matter is numbered in
    roman, the rest in arabic (``front``)."""

    kind: DivisionKind
    title: str
    level: int
    element_id: str | None
    front: bool


def contents(
    edition: Edition,
    essays: tuple[FrontEssay, ...],
    note: NoteOnText,
    labels: Labels,
    *,
    bibliography: bool,
    gloss_endnotes: bool = False,
    foot_apparatus: bool = False,
) -> tuple[ContentsEntry, ...]:
    """The divisions in order; ``gloss_endnotes`` when some glosses are printed as endnotes (print only);
    ``foot_apparatus`` for a paged book, whose foot series take their entries out of the back matter."""
    entries = [ContentsEntry("essay", item.essay.title, 1, item.essay.element_id, True) for item in essays]
    if note.generated:
        entries.append(ContentsEntry("note-on-the-text", labels.note_on_the_text, 1, None, True))
    entries.append(ContentsEntry("text", edition.metadata.title, 1, None, False))
    entries.extend(text_headings(edition))
    if edition.footnotes:
        entries.append(ContentsEntry("author-notes", labels.author_notes, 1, None, False))
    if gloss_endnotes:
        entries.append(ContentsEntry("gloss-endnotes", labels.gloss_endnotes, 1, None, False))
    if edition.emendations and not (foot_apparatus and at_foot(edition, "emendations")):
        entries.append(ContentsEntry("textual-notes", labels.textual_notes, 1, None, False))
    if edition.variants and not (foot_apparatus and at_foot(edition, "variants")):
        entries.append(ContentsEntry("variant-readings", labels.variant_readings, 1, None, False))
    if bibliography:
        entries.append(ContentsEntry("bibliography", labels.bibliography, 1, None, False))
    if edition.index:
        entries.append(ContentsEntry("index", labels.index, 1, None, False))
    return tuple(entries)


def heading_level(heading: Heading, *, opens_section: bool) -> int:
    """The level a heading is listed (and bookmarked) at: 2 for a section's, 3 or 4 below it."""
    return 2 if opens_section else min(max(heading.level, 3), 4)


def text_headings(edition: Edition) -> tuple[ContentsEntry, ...]:
    """The copy-text's headings down to ``style.contents_depth``, in reading order."""
    depth = edition.style.contents_depth
    out: list[ContentsEntry] = []
    for section in edition.sections:
        if section.heading is not None and depth >= 2:
            out.append(ContentsEntry("section", _title(section), 2, section.heading.element_id, False))
        out.extend(
            ContentsEntry("section", plain_text(heading.content).strip(), level, heading.element_id, False)
            for heading, level in _subheadings(section.blocks)
            if level <= depth
        )
    return tuple(out)


def _title(section: Section) -> str:
    return (section.title or "").strip()


def _subheadings(blocks: tuple[Block, ...]) -> list[tuple[Heading, int]]:
    """Headings among a section's blocks (not inside quotations or lists: those are quoted, not parts)."""
    return [
        (block, heading_level(block, opens_section=False)) for block in blocks if isinstance(block, Heading)
    ]
