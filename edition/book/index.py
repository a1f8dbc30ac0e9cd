"""The index as every writer shows it: entries grouped by kind, then alphabetical.

One grouping for all outputs: Persons, Terms, Places, Works, Other (the kinds edition.yaml's index entries
have; any other kind follows, capitalised), each group in alphabetical order of the entries' sort keys,
compared without case. A group's heading is shown only when there is more than one group. Print turns each
line's locations into page numbers, the EPUB into § links; the grouping and order are decided here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from edition.book.labels import Labels
from edition.model import IndexEntry, IndexLocation

KIND_ORDER = ("person", "term", "place", "work", "other")


@dataclass(frozen=True, slots=True)
class SeeAlso:
    heading: str
    element_id: str


@dataclass(frozen=True, slots=True)
class IndexLine:
    """An entry: all its marks (``locations``), the first mark in each § (``paragraphs``), its "see also"."""

    entry: IndexEntry
    locations: tuple[IndexLocation, ...]
    paragraphs: tuple[IndexLocation, ...]
    see: tuple[SeeAlso, ...]


@dataclass(frozen=True, slots=True)
class IndexGroup:
    kind: str
    title: str
    lines: tuple[IndexLine, ...]


def index_groups(entries: tuple[IndexEntry, ...], labels: Labels) -> tuple[IndexGroup, ...]:
    by_id = {entry.element_id: entry for entry in entries}
    by_kind: dict[str, list[IndexEntry]] = {}
    for entry in entries:
        by_kind.setdefault(entry.kind, []).append(entry)
    groups = []
    for kind in sorted(by_kind, key=_kind_order):
        ordered = sorted(by_kind[kind], key=sort_key)
        lines = tuple(
            IndexLine(
                entry,
                entry.locations,
                _first_per_paragraph(entry.locations),
                tuple(
                    SeeAlso(other.heading, other.element_id)
                    for other in (_see_entry(name, by_id) for name in entry.see)
                    if other is not None
                ),
            )
            for entry in ordered
        )
        groups.append(IndexGroup(kind, labels.index_group(kind), lines))
    return tuple(groups)


def sort_key(entry: IndexEntry) -> tuple[str, str, str]:
    return (entry.sort_key.casefold(), entry.heading.casefold(), entry.element_id)


def _kind_order(kind: str) -> tuple[int, str]:
    return (KIND_ORDER.index(kind), kind) if kind in KIND_ORDER else (len(KIND_ORDER), kind)


def _see_entry(name: str, by_id: Mapping[str, IndexEntry]) -> IndexEntry | None:
    """A "see also" names an entry by its element id or by the id the editor wrote (``idx-`` prefixed)."""
    if name in by_id:
        return by_id[name]
    matches = [entry for element_id, entry in by_id.items() if element_id.endswith("-" + name)]
    return matches[0] if len(matches) == 1 else None


def _first_per_paragraph(locations: tuple[IndexLocation, ...]) -> tuple[IndexLocation, ...]:
    seen: set[int] = set()
    kept: list[IndexLocation] = []
    for location in locations:
        if location.paragraph not in seen:
            seen.add(location.paragraph)
            kept.append(location)
    return tuple(kept)
