"""The printed index: each entry's marks turned into page numbers, merged, with ranges ("12–14").

Page numbers are only known after layout, so this runs on the pages of an earlier layout (see
``pages.py``); the index is the last division of the book, so its content cannot move what it refers to.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from edition.book.index import IndexGroup as BookIndexGroup
from edition.diagnostics import Diagnostic


@dataclass(frozen=True, slots=True)
class Locator:
    """One printed page or range, linked to the first mark on its first page."""

    label: str
    href: str


@dataclass(frozen=True, slots=True)
class SeeAlso:
    heading: str
    href: str


@dataclass(frozen=True, slots=True)
class IndexLine:
    element_id: str
    heading: str
    locators: tuple[Locator, ...]
    see: tuple[SeeAlso, ...]


@dataclass(frozen=True, slots=True)
class IndexGroup:
    kind: str
    title: str
    lines: tuple[IndexLine, ...]


@dataclass(frozen=True, slots=True)
class PrintedIndex:
    """The index as printed; ``groups`` is empty before the first layout (only the heading is placed)."""

    groups: tuple[IndexGroup, ...]


def page_runs(pages: Iterable[int]) -> tuple[tuple[int, int], ...]:
    """Distinct pages as runs of consecutive numbers: [3, 4, 5, 9, 4] → ((3, 5), (9, 9))."""
    runs: list[tuple[int, int]] = []
    for page in sorted(set(pages)):
        if runs and page == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], page)
        else:
            runs.append((page, page))
    return tuple(runs)


def build_index(
    groups: tuple[BookIndexGroup, ...],
    page_of: Mapping[str, int],
    folio: Callable[[int], int],
) -> tuple[PrintedIndex, tuple[Diagnostic, ...]]:
    """Print each line's pages; the groups and their order come from the book (``edition.book.index``).

    ``page_of`` maps an element id to its 0-based page index in the laid-out book; ``folio`` turns a page
    index into its printed (arabic) page number.
    """
    warnings: list[Diagnostic] = []
    printed = []
    for group in groups:
        lines = []
        for line in group.lines:
            entry = line.entry
            first_mark: dict[int, str] = {}
            for location in line.locations:
                index = page_of.get(location.element_id)
                if index is None:
                    warnings.append(
                        Diagnostic.at(
                            entry.origin,
                            "warning",
                            "pdf-index-lost",
                            f"index entry {entry.heading!r}: the mark in § {location.paragraph} is not in "
                            "the laid-out book, so that page is missing from the index",
                        )
                    )
                    continue
                first_mark.setdefault(folio(index), location.element_id)
            locators = tuple(
                Locator(f"{start}–{end}" if end > start else str(start), first_mark[start])
                for start, end in page_runs(first_mark)
            )
            see = tuple(SeeAlso(ref.heading, ref.element_id) for ref in line.see)
            lines.append(IndexLine(entry.element_id, entry.heading, locators, see))
        printed.append(IndexGroup(group.kind, group.title, tuple(lines)))
    return PrintedIndex(tuple(printed)), tuple(warnings)
