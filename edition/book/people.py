"""Notes on the book's people, headed as the count and their roles say ("About the Authors").

The authors' notes are one group (print sets them under the byline); the editors' and contributors' another
("About the Contributor", "About the Contributors"), so a translator's note is never headed as an author's.
"""

from __future__ import annotations

from dataclasses import dataclass

from edition.book.label_tables import counted_name
from edition.book.labels import Labels
from edition.model import ContributorNote


@dataclass(frozen=True, slots=True)
class AboutPeople:
    heading: str
    notes: tuple[ContributorNote, ...]


def about_people(
    notes: tuple[ContributorNote, ...], labels: Labels
) -> tuple[AboutPeople | None, AboutPeople | None]:
    """The authors' notes and everyone else's, each None when there is none."""
    authors = tuple(note for note in notes if note.relator == "aut")
    others = tuple(note for note in notes if note.relator != "aut")
    return _group(authors, "about_authors", labels), _group(others, "about_contributors", labels)


def _group(notes: tuple[ContributorNote, ...], label: str, labels: Labels) -> AboutPeople | None:
    if not notes:
        return None
    return AboutPeople(getattr(labels, counted_name(label, len(notes))), notes)


__all__ = ["AboutPeople", "about_people"]
