"""Scan every laid-out line of the text block for typesetting faults a proofreader would mark."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

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


NOTE_FONT_PT = 8.0  # margin-notes.css: the margin notes' type size


def pdf_lines(pdf: Path) -> list[Line]:
    """Every line of every page of a built PDF as pdftotext places its words, column by column.

    A page's words are split into the text block and the margin-note column (words in the outer 30 % of
    the width set at the notes' size: a title page's text, larger, may reach into that column); each
    column's words are grouped into lines, top to bottom, left to right.
    """
    from pypdf import PdfReader

    from tests.writers.pdf.pdf_probe import page_words

    width = float(PdfReader(pdf).pages[0].mediabox.width)
    lines = []
    for index, words in enumerate(page_words(pdf)):
        recto = index % 2 == 0

        def column(word, recto=recto) -> int:
            outer = word.x0 > 0.7 * width if recto else word.x1 < 0.3 * width
            return 1 if outer and word.bottom - word.top <= NOTE_FONT_PT + 0.2 else 0

        for which in (0, 1):
            for line in by_line([w for w in words if column(w) == which]):
                lines.append(Line(index, " ".join(w.text for w in line)))
    return lines


def by_line(words: list) -> Iterator[list]:
    """Words grouped into lines: a word whose top is above the bottom of the line's first word joins it
    (a raised note number too); lines are 1.3 times the type size apart, so they never overlap."""
    line: list = []
    for word in sorted(words, key=lambda w: w.top):
        if line and word.top >= line[0].bottom - 1:
            yield sorted(line, key=lambda w: w.x0)
            line = []
        line.append(word)
    if line:
        yield sorted(line, key=lambda w: w.x0)


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
