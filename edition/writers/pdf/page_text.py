"""The words of every laid-out page, for the EPUB's print page list (``edition.book.print_pages``).

Read from the final layout's boxes, in the order of the page's flow. Not the page's text, so passed over:
margin boxes (running heads, folios), absolutely positioned boxes (margin notes, the line-number template),
generated text (``::before``/``::after``: contents leaders and page numbers, note numbers), page
references ("p. 14"), which the EPUB prints as paragraph numbers, and the foot apparatus. A page whose
flow holds no letters (a blank verso) has no words; the EPUB still lists it, with the next page's marker,
so the numbers run on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from weasyprint.document import Page
from weasyprint.formatting_structure import boxes
from weasyprint.layout.absolute import AbsolutePlaceholder

from edition.book.print_pages import PrintPage, words

# Page references, and the foot apparatus (the EPUB has no page foot: its entries are not the page's text).
NOT_TEXT = frozenset({"pageref", "tn-page", "foot-key", "index-page", "page-slot", "foot-app"})


def print_pages(pages: Sequence[Page], label: Callable[[int], str]) -> tuple[PrintPage, ...]:
    """Every page in order, with the words of its text block (none on a blank page)."""
    return tuple(
        PrintPage(label(index), tuple(word for text in _texts(page._page_box) for word in words(text)))
        for index, page in enumerate(pages)
    )


def _texts(box: boxes.Box) -> Iterator[str]:
    if isinstance(box, AbsolutePlaceholder | boxes.MarginBox) or "::" in (box.element_tag or ""):
        return
    if isinstance(box, boxes.TextBox):
        yield box.text
    elif isinstance(box, boxes.ParentBox):
        element = box.element
        classes = set((element.get("class") or "").split()) if element is not None else set()
        if classes & NOT_TEXT:
            return
        for child in box.children:
            yield from _texts(child)
