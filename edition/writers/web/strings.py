"""The few words only the web edition prints (its navigation and search), in English.

The book's own words (division titles, "see also", "§") come from ``edition.book.labels`` in the edition's
language and with its ``labels:`` overrides; these site controls are not yet in those tables.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SiteStrings:
    skip_link: str = "Skip to the text"
    search: str = "Search"
    search_label: str = "Search the text and notes"
    search_page: str = "Search"
    search_needs_js: str = (
        "Searching needs JavaScript. Without it, the index and the contents lead to every passage."
    )
    no_results: str = "Nothing found."
    results_found: str = "{count} found for “{query}”"  # filled in by search.js
    variants_mark: str = "var."  # after a paragraph: the link to its variants, with their number
    previous: str = "Previous"
    next: str = "Next"
    site_navigation: str = "The edition"
    page_navigation: str = "Previous and next page"
    print_page: str = "print page"
    pages_from: str = "Print page numbers are those of the PDF edition"
    close_note: str = "close"
    notes_in_margin: str = "Notes"


STRINGS = SiteStrings()
