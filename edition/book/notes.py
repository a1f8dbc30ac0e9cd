"""The author's notes at the back, grouped by the section that refers to them when their labels repeat.

Markdown authors number each chapter's notes from 1 (labels are scoped to their text file), so a Notes
division listing "1 2 3 1" cannot be read: the notes are then grouped under the title of the section whose
text carries each mark, as books print "Notes" by chapter. When every label is used once, the notes are
one group without a heading, as before.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, fields, is_dataclass

from edition.model import Edition, Footnote, FootnoteRef


@dataclass(frozen=True, slots=True)
class NoteGroup:
    """Notes printed together; ``title`` is the section's title, None when the notes are not grouped."""

    title: str | None
    notes: tuple[Footnote, ...]


def note_groups(edition: Edition) -> tuple[NoteGroup, ...]:
    if not edition.footnotes:
        return ()
    labels = [note.label for note in edition.footnotes]
    if len(set(labels)) == len(labels):
        return (NoteGroup(None, edition.footnotes),)
    section_of: dict[str, int] = {}
    for position, section in enumerate(edition.sections):
        for ref in _refs((section.heading, section.blocks)):
            section_of.setdefault(ref.footnote_id, position)
    groups: list[tuple[int, list[Footnote]]] = []
    for note in edition.footnotes:
        position = section_of.get(note.element_id, -1)
        if groups and groups[-1][0] == position:
            groups[-1][1].append(note)
        else:
            groups.append((position, [note]))
    return tuple(NoteGroup(_title(edition, position), tuple(notes)) for position, notes in groups)


def _title(edition: Edition, position: int) -> str:
    if position < 0:
        return edition.metadata.title
    section = edition.sections[position]
    return section.title or edition.metadata.title


def _refs(node: object) -> Iterator[FootnoteRef]:
    """Every note mark below ``node`` in reading order (the model is a tree of tuples and dataclasses)."""
    if isinstance(node, FootnoteRef):
        yield node
    elif isinstance(node, tuple):
        for item in node:
            yield from _refs(item)
    elif is_dataclass(node) and not isinstance(node, type):
        for spec in fields(node):
            value = getattr(node, spec.name)
            if isinstance(value, tuple) or is_dataclass(value):
                yield from _refs(value)
