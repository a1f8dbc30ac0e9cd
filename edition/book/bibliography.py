"""The bibliography's two lists: works cited, then further reading."""

from __future__ import annotations

from dataclasses import dataclass

from edition.model import BibEntry


@dataclass(frozen=True, slots=True)
class FurtherReading:
    """A further-reading entry; ``anchor`` is False when the entry is also in the works cited (one id)."""

    entry: BibEntry
    anchor: bool


@dataclass(frozen=True, slots=True)
class BibliographySplit:
    works_cited: tuple[BibEntry, ...]
    further_reading: tuple[FurtherReading, ...]

    @property
    def empty(self) -> bool:
        return not (self.works_cited or self.further_reading)

    @property
    def headed(self) -> bool:
        """Both lists are printed, so each gets its heading (one list needs none)."""
        return bool(self.works_cited and self.further_reading)


def split_bibliography(entries: tuple[BibEntry, ...]) -> BibliographySplit:
    """Cited works in the resolver's (author-date) order; further reading lists what the editor recommends
    and any entry nothing cites. An entry both cited and recommended is in both lists, its id on the first.
    """
    return BibliographySplit(
        tuple(entry for entry in entries if entry.cited),
        tuple(
            FurtherReading(entry, not entry.cited)
            for entry in entries
            if entry.further_reading or not entry.cited
        ),
    )
