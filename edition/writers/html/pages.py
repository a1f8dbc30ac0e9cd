"""The print page list: where the pages of the printed edition begin, placed in the EPUB's or the site's text.

``page_map`` (from the PDF build) gives the print page of each element id. A page's marker goes just before
the first element, in reading order, that lies on that page; a page holding no element with an id (the
middle of a long paragraph) gets its marker just before the next page's, so the page list has no holes.
Notes shown as pop-ups are left out: in print they sit in the margin, out of reading order.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class PageBreak:
    element_id: str
    label: str
    href: str


@dataclass(frozen=True, slots=True)
class Pagination:
    """Page markers by the element id they precede, and the page list in reading order."""

    breaks: Mapping[str, tuple[PageBreak, ...]] = field(default_factory=dict)
    pages: tuple[PageBreak, ...] = ()

    def before(self, element_id: str | None) -> tuple[PageBreak, ...]:
        if element_id is None:
            return ()
        return self.breaks.get(element_id, ())


NO_PAGES = Pagination()


def paginate(flow: Sequence[tuple[str, str]], page_map: Mapping[str, str] | None) -> Pagination:
    """Place a marker for every print page that ``page_map`` reaches, in reading order, once each."""
    if not page_map:
        return NO_PAGES
    breaks: dict[str, list[PageBreak]] = {}
    pages: list[PageBreak] = []
    seen: set[str] = set()
    ids: set[str] = set()
    last_number: int | None = None
    for element_id, href in flow:
        label = page_map.get(element_id)
        if label is None or label in seen:
            continue
        number = _number(label)
        if number is not None and last_number is not None and number < last_number:
            continue  # an element printed out of reading order: never step the page list backwards
        labels = [label]
        if number is not None and last_number is not None:
            labels = [str(n) for n in range(last_number + 1, number) if str(n) not in seen] + labels
        for each in labels:
            page = PageBreak(unique_page_id(each, ids), each, href)
            breaks.setdefault(element_id, []).append(page)
            pages.append(page)
            seen.add(each)
        if number is not None:
            last_number = number
    return Pagination({key: tuple(value) for key, value in breaks.items()}, tuple(pages))


def _number(label: str) -> int | None:
    return int(label) if label.isascii() and label.isdigit() else None


def unique_page_id(label: str, used: set[str]) -> str:
    """A page marker's id, made from its label, unique among ``used`` (which it extends)."""
    # "." never occurs in a model id, so "page.…" cannot collide with one.
    base = "page." + (re.sub(r"[^A-Za-z0-9_-]+", "-", label).strip("-") or "x")
    candidate, count = base, 1
    while candidate in used:
        count += 1
        candidate = f"{base}.{count}"
    used.add(candidate)
    return candidate
