"""Page numbers from a layout: where each element id landed, and how pages are numbered.

Front matter is numbered in lower-case roman from the first page; the text restarts at arabic 1 (the
stylesheet resets the page counter there). The same rule gives the printed folios, the PDF page labels,
the cross-references and the index, so they cannot disagree.

Why page numbers are printed as text rather than with CSS ``target-counter()``: WeasyPrint 70 re-lays out
every page holding a forward ``target-counter()`` two more times and checks every reference against every
target, so a book of 300 pages took twice as long per page as one of 40. Instead the book is laid out with
the page numbers of an earlier layout, and the result is checked: when every printed number equals the page
its target landed on, that layout is final; otherwise it is laid out again with the new numbers. The
numbers of the last build are kept beside the PDFs (``<name>-pages.json``) so that an unchanged or lightly
edited edition is usually laid out once.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from weasyprint import Page

PLACEHOLDER = "00"  # printed where no earlier layout gives a page yet (about as wide as most numbers)


@dataclass(frozen=True, slots=True)
class Numbering:
    """Page numbering of the book: pages before ``text_start`` roman from i, the rest arabic from 1."""

    text_start: int

    def folio(self, index: int) -> int:
        """The printed number of the page at 0-based ``index`` (roman pages count from 1 too)."""
        return index - self.text_start + 1 if index >= self.text_start else index + 1

    def label(self, index: int) -> str:
        return str(self.folio(index)) if index >= self.text_start else _roman(index + 1)


@dataclass(frozen=True, slots=True)
class PageMap:
    """The 0-based page index of element ids in one layout, and that layout's numbering."""

    numbering: Numbering
    page_of: Mapping[str, int] = field(default_factory=dict)

    def label(self, element_id: str) -> str:
        """The printed page label of an element, or a placeholder when this layout does not have it."""
        index = self.page_of.get(element_id)
        return PLACEHOLDER if index is None else self.numbering.label(index)

    def folio(self, index: int) -> int:
        return self.numbering.folio(index)

    def agrees_with(self, other: PageMap, element_ids: Iterable[str]) -> bool:
        """True when every one of ``element_ids`` prints the same page label in both maps."""
        return all(
            element_id in self.page_of
            and element_id in other.page_of
            and self.label(element_id) == other.label(element_id)
            for element_id in element_ids
        )

    def restricted(self, element_ids: Iterable[str]) -> PageMap:
        """Only the ids that matter (what is printed), to keep the saved map small."""
        wanted = set(element_ids)
        return PageMap(self.numbering, {k: v for k, v in self.page_of.items() if k in wanted})


def layout_page_map(pages: Sequence[Page], text_id: str) -> PageMap:
    """The page map of a laid-out document; the text starts on the page holding ``text_id``."""
    page_of = anchor_pages(pages)
    return PageMap(Numbering(page_of.get(text_id, 0)), page_of)


def anchor_pages(pages: Sequence[Page]) -> dict[str, int]:
    """Element id → 0-based index of the first page holding it."""
    where: dict[str, int] = {}
    for index, page in enumerate(pages):
        for name in page.anchors:
            where.setdefault(name, index)
    return where


def load_page_map(path: Path) -> PageMap | None:
    """The page map an earlier build saved, or None when there is none (or it is not readable)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        page_of = {str(k): int(v) for k, v in data["page_of"].items()}
        return PageMap(Numbering(int(data["text_start"])), page_of)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def dump_page_map(pages: PageMap) -> bytes:
    data = {"text_start": pages.numbering.text_start, "page_of": dict(sorted(pages.page_of.items()))}
    return json.dumps(data, indent=0, sort_keys=True).encode()


def _roman(number: int) -> str:
    numerals = (
        ("m", 1000),
        ("cm", 900),
        ("d", 500),
        ("cd", 400),
        ("c", 100),
        ("xc", 90),
        ("l", 50),
        ("xl", 40),
        ("x", 10),
        ("ix", 9),
        ("v", 5),
        ("iv", 4),
        ("i", 1),
    )
    out = []
    for numeral, value in numerals:
        count, number = divmod(number, value)
        out.append(numeral * count)
    return "".join(out)
