"""Notes on the book's people, headed as the count and their roles say ("About the Authors").

The authors' notes are one group (print sets them under the byline); the editors' and contributors' another
("About the Contributor", "About the Contributors"), so a translator's note is never headed as an author's.
"""

from __future__ import annotations

from dataclasses import dataclass

from edition.book.labels import Labels
from edition.model import ContributorNote


@dataclass(frozen=True, slots=True)
class AboutPeople:
    heading: str
    notes: tuple[ContributorNote, ...]


def about_people(notes: tuple[ContributorNote, ...], labels: Labels) -> tuple[AboutPeople, ...]:
    """The authors' notes, then everyone else's; a group with no note is left out."""
    authors = tuple(note for note in notes if note.relator == "aut")
    others = tuple(note for note in notes if note.relator != "aut")
    groups = []
    if authors:
        heading = labels.about_authors if len(authors) == 1 else labels.about_authors_plural
        groups.append(AboutPeople(heading, authors))
    if others:
        heading = labels.about_contributors if len(others) == 1 else labels.about_contributors_plural
        groups.append(AboutPeople(heading, others))
    return tuple(groups)


__all__ = ["AboutPeople", "about_people"]
