"""The site plan: which HTML pages the web edition has, in reading order, and which page holds every id.

The web edition is split into the same divisions as the EPUB (one file per essay, per section of the text and
per division of the back matter), so it takes the shared plan of the book (``edition.writers.html.plan``:
files, ids, contents, index groups) and only renames the files: ``sec-2.xhtml`` becomes ``sec-2.html``, the
title page becomes ``index.html`` (with the contents on it), and the EPUB's cover and navigation document are
left out. The site adds the search page.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from edition.book import Book
from edition.model import Variant
from edition.writers.html.plan import BookPlan, Document, TocEntry, plan_book

HOME = "index.html"
BOOK_INDEX = "book-index.html"  # the index of the book: index.html is the site's home
SEARCH = "search.html"
_DROPPED = frozenset({"cover", "nav"})


@dataclass(frozen=True, slots=True)
class Page:
    """One HTML page of the site, in reading order. ``doc`` is the book plan's document it renders (None
    for the search page, which only the site has)."""

    href: str
    kind: str
    title: str
    doc: Document | None


@dataclass(frozen=True, slots=True)
class SitePlan:
    pages: tuple[Page, ...]
    book_plan: BookPlan
    toc: tuple[TocEntry, ...]
    locations: Mapping[str, str]  # element id -> page
    variants: tuple[Variant, ...]  # in text order

    def variants_in(self, paragraph: int | None) -> tuple[Variant, ...]:
        """The variants whose lemma lies in § ``paragraph``, in their order (not those of the heading before
        it, whose lemma only shares its §: they are listed in the variant readings)."""
        if not paragraph:
            return ()
        return tuple(v for v in self.variants if v.lemma.paragraph == paragraph and not v.lemma.in_heading)

    def neighbours(self, page: Page) -> tuple[Page | None, Page | None]:
        """The pages before and after ``page`` in reading order (the search page is outside it)."""
        reading = [p for p in self.pages if p.kind != "search"]
        if page not in reading:
            return None, None
        at = reading.index(page)
        return (reading[at - 1] if at > 0 else None, reading[at + 1] if at + 1 < len(reading) else None)


def web_href(epub_href: str) -> str:
    """The page of the site that stands for a file of the book plan."""
    stem, _, fragment = epub_href.partition("#")
    renamed = {"titlepage.xhtml": HOME, "index.xhtml": BOOK_INDEX}
    name = renamed.get(stem) or stem.removesuffix(".xhtml") + ".html"
    return f"{name}#{fragment}" if fragment else name


def plan_site(book: Book, *, search_title: str) -> SitePlan:
    """Lay the book out as pages: the book plan's documents, renamed, then the search page."""
    book_plan = plan_book(book)
    pages = [
        Page(web_href(doc.href), doc.kind, doc.title, doc)
        for doc in book_plan.documents
        if doc.kind not in _DROPPED
    ]
    pages.append(Page(SEARCH, "search", search_title, None))
    locations = {element_id: web_href(href) for element_id, href in book_plan.locations.items()}
    toc = tuple(_web_entry(entry) for entry in book_plan.toc if entry.href != "titlepage.xhtml")
    return SitePlan(tuple(pages), book_plan, toc, MappingProxyType(locations), book_plan.variant_readings)


def _web_entry(entry: TocEntry) -> TocEntry:
    return TocEntry(entry.label, web_href(entry.href), tuple(_web_entry(child) for child in entry.children))
