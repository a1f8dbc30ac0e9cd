"""A first guess at the page of every printed id, for a build that has no earlier page map.

Why: the one layout of a build prints a predicted label in every page-number slot (``slots.py``); only a
prediction of the wrong *width* costs another layout. Arabic labels have the width of their digit count,
so a guess within the right decade is as good as the truth. The guess counts lines: each block's visible
characters (margin notes are out of the flow) over an estimated line length, divisions starting a new
page (on a recto where the stylesheet says so). It is a guess: wrong ones are caught after the layout.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import lxml.html
from lxml import etree

from edition.writers.pdf.pages import Numbering, PageMap

AVERAGE_CHAR_EM = 0.38  # average advance of a character, in ems (fitted on the default edition, EB Garamond)
PARAGRAPH_EXTRA = 0.3  # lines a block adds on average (paragraph spacing, headings; fitted likewise)
# Divisions that open a new page, and whether that page must be a recto (mirrors print.css).
NEW_PAGE = {
    "title-page": True,
    "imprint": False,
    "contents": True,
    "essay": True,
    "text": True,
    "back": True,
    "text-section": None,
}
BLOCKS = frozenset({"p", "li", "h1", "h2", "h3", "h4", "blockquote", "dt", "dd"})


def estimate_page_map(
    html: str,
    ids: Iterable[str],
    text_id: str,
    *,
    width_pt: float,
    height_pt: float,
    font_pt: float,
    appended: Iterable[str] = (),
) -> PageMap:
    """Estimated 0-based page of each of ``ids`` in the book ``html`` typeset on a text block of
    ``width_pt`` × ``height_pt`` in ``font_pt`` type; ``appended`` ids open a division after the end of
    ``html`` (the index, laid out on its own), on the next recto."""
    wanted = set(ids) | {text_id}
    per_line = max(1, int(width_pt / (font_pt * AVERAGE_CHAR_EM)))
    per_page = max(1.0, height_pt / (font_pt * 1.3))
    root = lxml.html.fromstring(html)
    page, lines = 0, 0.0
    page_of: dict[str, int] = {}
    for element in root.iter(etree.Element):  # elements only: no comments, no processing instructions
        classes = set((element.get("class") or "").split())
        if classes & {"margin-note"}:
            continue
        opening = [NEW_PAGE[name] for name in classes if name in NEW_PAGE]
        if opening and (lines > 0 or page > 0):
            page += 1 if lines > 0 else 0
            if any(opening) and page % 2 == 1:
                page += 1  # a recto after a recto: a blank verso between
            lines = 0.0
        if element.tag in BLOCKS and not _inside_block(element):
            chars = len(_visible_text(element))
            lines += math.ceil(chars / per_line) + PARAGRAPH_EXTRA if chars else 0
            while lines > per_page:
                page, lines = page + 1, lines - per_page
        element_id = element.get("id")
        if element_id in wanted:
            page_of.setdefault(element_id, page)
    after = page + 1 + (page + 1) % 2
    page_of.update({element_id: after for element_id in appended if element_id not in page_of})
    return PageMap(Numbering(page_of.get(text_id, 0)), page_of)


def _inside_block(element: lxml.html.HtmlElement) -> bool:
    return any(parent.tag in BLOCKS for parent in element.iterancestors())


def _visible_text(element: lxml.html.HtmlElement) -> str:
    """The element's text without its margin notes (absolutely positioned: they take no line)."""
    parts: list[str] = []
    for node in element.iter():
        if not isinstance(node.tag, str):
            continue
        if "margin-note" in (node.get("class") or "").split():
            parts.append(node.tail or "")
            continue
        if any("margin-note" in (a.get("class") or "").split() for a in node.iterancestors()):
            continue
        parts.extend([node.text or "", node.tail or "" if node is not element else ""])
    return "".join(parts)
