"""Scan every laid-out line of the text block for typesetting faults a proofreader would mark."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from weasyprint.document import Page
from weasyprint.formatting_structure import boxes
from weasyprint.layout.absolute import AbsolutePlaceholder

HYPHENS = ("-", "\u2010")  # what the copy-text writes, and what WeasyPrint adds at a break


@dataclass(frozen=True)
class Line:
    page: int
    text: str


def text_lines(pages: Sequence[Page]) -> Iterator[Line]:
    """Every line box of every page (text, notes, margin notes), outside the page's margin boxes."""
    for index, page in enumerate(pages):
        for line in _line_boxes(page._page_box):
            yield Line(index, _text(line).strip())


def lone_fragments(lines: Sequence[Line]) -> list[Line]:
    """Lines holding only the hyphenated start of a word ("al-")."""
    return [line for line in lines if len(line.text.split()) == 1 and line.text.endswith(HYPHENS)]


def hyphen_ladders(lines: Sequence[Line], longest: int = 2) -> list[Line]:
    """The line that makes a run of more than ``longest`` consecutive hyphenated line ends."""
    found, run = [], 0
    for line in lines:
        run = run + 1 if line.text.endswith(HYPHENS) else 0
        if run == longest + 1:
            found.append(line)
    return found


def _line_boxes(box: boxes.Box) -> Iterator[boxes.LineBox]:
    if isinstance(box, AbsolutePlaceholder):
        yield from _line_boxes(box._box)
    elif isinstance(box, boxes.LineBox):
        yield box
    elif isinstance(box, boxes.ParentBox) and not isinstance(box, boxes.MarginBox):
        for child in box.children:
            yield from _line_boxes(child)


def _text(box: boxes.Box) -> str:
    if isinstance(box, boxes.TextBox):
        return box.text
    if isinstance(box, boxes.ParentBox):
        return "".join(_text(child) for child in box.children)
    return ""
