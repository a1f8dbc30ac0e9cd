"""How the site's print page markers are written and read: HTML, ``doc-pagebreak`` spans with a folio.

The placing at the word is the EPUB's (``edition.writers.html.page_markers``); here is what is the site's
own: the pages are HTML, their text is the main column (the banner, search form and page navigation are not
the book's), side notes, screen-reader-only text and the variants mark are out of the reading order, and a
marker shows its folio ("p. 12") in the margin. A page that begins with a heading gets its marker inside the
heading, at its start, as the templates put it: alone between blocks the folio would make a line of its own.
"""

from __future__ import annotations

from dataclasses import dataclass

import lxml.html
from lxml import etree

# Classes of what the print pages do not hold as text: notes in the margin, text for screen readers only,
# the mark that links a paragraph to its variant readings, and the markers themselves.
_SKIPPED_CLASSES = frozenset({"sidenote", "visually-hidden", "variants-link", "pb", "pb-group"})


@dataclass(frozen=True, slots=True)
class WebPageMarkup:
    """The site's :class:`~edition.writers.html.page_markers.PageMarkup`, in the site's words."""

    print_page: str  # read out before the label: "print page 12"
    page_abbreviation: str  # printed before it: "p. 12"
    in_headings = True

    def parse(self, data: bytes) -> etree._ElementTree:
        return lxml.html.document_fromstring(data).getroottree()

    def serialise(self, tree: etree._ElementTree) -> bytes:
        out = bytes(lxml.html.tostring(tree, doctype="<!DOCTYPE html>", encoding="utf-8", method="html"))
        return out.rstrip(b"\n") + b"\n"

    def reading(self, root: etree._Element) -> etree._Element | None:
        return root.find(".//main")

    def skipped(self, element: etree._Element) -> bool:
        classes = set((element.get("class") or "").split())
        return bool(classes & _SKIPPED_CLASSES) or element.get("hidden") is not None

    def marker(self, element_id: str, label: str) -> etree._Element:
        marker = etree.Element("span", {"id": element_id, "class": "pb", "role": "doc-pagebreak"})
        marker.set("aria-label", f"{self.print_page} {label}")
        folio = etree.SubElement(marker, "span", {"class": "folio", "aria-hidden": "true"})
        folio.text = f"{self.page_abbreviation} {label}"
        return marker

    def group(self, markers: list[etree._Element]) -> list[etree._Element]:
        """One ``pb-group`` span holding the markers: on a wide screen it stacks their folios in the margin
        (markers side by side would print their folios over each other)."""
        wrapper = etree.Element("span", {"class": "pb-group"})
        wrapper.extend(markers)
        return [wrapper]

    def href(self, path: str) -> str:
        return path
