"""Line numbers counted from the final layout, and drawn into it.

Why after layout: which words fall on which line is known only once the book is laid out, and a number
beside a line takes no room in the text, so writing the numbers in cannot move a word. The lines counted
are those of the copy-text (paragraphs, block quotes, lists and verse inside ``section.text-section``),
never headings, margin notes or generated text, so a number keys the same words in every build of the same
text and design.

The numbers are drawn as copies of one template box (``.line-number-template``, absolutely positioned in
the print HTML, so it takes no room), placed in the margin on each counted line's baseline. The same walk
records, for every element id inside a counted line, the lines where the element starts and ends: that is
what turns a textual note's key into "12.17" or "12.17–13.2".
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from weasyprint.document import Page
from weasyprint.formatting_structure import boxes
from weasyprint.layout.absolute import AbsolutePlaceholder
from weasyprint.text.line_break import line_size

from edition.model import LineNumbering

TEMPLATE_CLASS = "line-number-template"
TEXT_SECTION_CLASS = "text-section"
# Not lines of the copy-text: headings, and the header (title, byline) of the text's first section.
SKIPPED = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "header"})
LINE_PREFIXES = ("line", "lineonly")  # slot targets "line:ID" print "12.17", "lineonly:ID" print "17"
GAP_PT = 7.0  # between the text block and the numbers, in pt (1 CSS px = 0.75 pt)


@dataclass(frozen=True, slots=True)
class TextLine:
    """One counted line of the copy-text: where it is, and its number."""

    page: int  # index in the document
    number: int  # 1-based, restarting as the edition says
    section: str  # id of its text section
    top: float  # CSS px from the page's top edge
    baseline: float
    left: float  # the text block's edges on this line's page, CSS px
    right: float


@dataclass(frozen=True, slots=True)
class LineSpan:
    """The first and last counted line an element's text occupies."""

    start: TextLine
    end: TextLine


@dataclass(frozen=True, slots=True)
class CountedLines:
    """Every counted line of the book, and the lines of every element id found in them."""

    lines: tuple[TextLine, ...]
    spans: Mapping[str, LineSpan]

    def span(self, element_id: str) -> LineSpan | None:
        return self.spans.get(element_id)


def count_lines(pages: Sequence[Page], numbering: LineNumbering) -> CountedLines:
    """Number the copy-text's lines of ``pages`` (``restart``: per page, per section or never)."""
    lines: list[TextLine] = []
    spans: dict[str, LineSpan] = {}
    number = 0
    unit: object = None
    for index, page in enumerate(pages):
        root = page._page_box
        left, right = root.content_box_x(), root.content_box_x() + root.width
        for section, line_box in _text_line_boxes(root):
            restart_unit = {"page": index, "section": section, "none": None}[numbering.restart]
            if restart_unit != unit or not lines:
                unit, number = restart_unit, 0
            number += 1
            line = TextLine(
                index,
                number,
                section,
                line_box.position_y,
                line_box.position_y + line_box.baseline,
                left,
                right,
            )
            lines.append(line)
            for element_id in _ids_in(line_box):
                found = spans.get(element_id)
                spans[element_id] = LineSpan(found.start if found else line, line)
    return CountedLines(tuple(lines), spans)


def draw_line_numbers(
    pages: Sequence[Page], counted: CountedLines, numbering: LineNumbering, page_is_recto: Sequence[bool]
) -> int:
    """Draw every ``interval``-th line's number beside it; return how many were drawn.

    The template box is taken out of the page it was laid out on, so it is never printed itself.
    """
    template = _take_template(pages)
    if template is None:
        return 0
    drawn = 0
    added: dict[int, list[boxes.Box]] = {}
    for line in counted.lines:
        if line.number % numbering.interval:
            continue
        outer = page_is_recto[line.page] == (numbering.side == "outer")  # numbers on the right?
        box = _number_box(template, str(line.number), line, right_side=outer)
        added.setdefault(line.page, []).append(box)
        drawn += 1
    for index, new in added.items():
        root = pages[index]._page_box
        root.children = (*root.children, *new)
    return drawn


def line_key(span: LineSpan, page_label: Callable[[int], str]) -> str:
    """ "12.17", "12.17–19" (same page) or "12.17–13.2" for the lines an element occupies."""
    start, end = span.start, span.end
    key = f"{page_label(start.page)}.{start.number}"
    if end == start:
        return key
    if end.page == start.page:
        return f"{key}–{end.number}"
    return f"{key}–{page_label(end.page)}.{end.number}"


def keyed_label(
    counted: CountedLines | None, page_of: Callable[[str], str], page_label: Callable[[int], str]
) -> Callable[[str], str]:
    """The slot label function: page numbers as before, and for targets with a line prefix,
    ``line:`` "12.17" (textual notes at the back) or ``lineonly:`` "17" (the foot apparatus, whose
    entries stand on their lemma's page: the line where the lemma starts).

    An element outside the counted lines (a heading, an author's note) is keyed "p. 17".
    """

    def label(target: str) -> str:
        prefix, _, element_id = target.partition(":")
        if prefix not in LINE_PREFIXES or not element_id:
            return page_of(target)
        span = counted.span(element_id) if counted is not None else None
        if span is None:  # outside the numbered text: its page, said as a page
            return f"p.\u00a0{page_of(element_id)}"
        return line_key(span, page_label) if prefix == "line" else str(span.start.number)

    return label


def _text_line_boxes(root: boxes.Box) -> Iterator[tuple[str, boxes.LineBox]]:
    """The line boxes of the copy-text in document order, with the id of their text section."""
    stack: list[tuple[boxes.Box, str | None]] = [(root, None)]
    while stack:
        box, section = stack.pop()
        if _is_text_section(box):
            section = box.element.get("id") or section
        if box.element_tag in SKIPPED:
            continue
        if isinstance(box, boxes.LineBox):
            if section is not None and _has_text(box):
                yield section, box
            continue
        if isinstance(box, boxes.ParentBox):
            # Absolutely positioned boxes (margin notes, the template) are not lines of the text.
            stack.extend(
                (child, section)
                for child in reversed(box.children)
                if not isinstance(child, AbsolutePlaceholder) and child.style["position"] != "absolute"
            )


def _is_text_section(box: boxes.Box) -> bool:
    element = box.element
    return (
        element is not None
        and box.element_tag == "section"
        and TEXT_SECTION_CLASS in (element.get("class") or "").split()
    )


def _has_text(line: boxes.LineBox) -> bool:
    """False for lines of only generated text or white space (a list marker's line is still counted)."""
    return any(
        isinstance(box, boxes.TextBox) and box.text.strip() and not box.element_tag.endswith("::marker")
        for box in _descendants(line)
    )


def _ids_in(line: boxes.LineBox) -> Iterator[str]:
    for box in _descendants(line):
        if isinstance(box, boxes.InlineBox) and box.element is not None and not _generated(box):
            element_id = box.element.get("id")
            if element_id:
                yield element_id


def _generated(box: boxes.Box) -> bool:
    return "::" in box.element_tag


def _descendants(root: boxes.Box) -> Iterator[boxes.Box]:
    stack: list[boxes.Box] = [root]
    while stack:
        box = stack.pop()
        yield box
        if isinstance(box, boxes.ParentBox):
            stack.extend(
                child for child in reversed(box.children) if not isinstance(child, AbsolutePlaceholder)
            )


def _take_template(pages: Sequence[Page]) -> boxes.BlockBox | None:
    """Find the template's box, remove it from its page, and return it."""
    for page in pages:
        found = _find_template(page._page_box)
        if found is not None:
            parent, placeholder = found
            parent.children = type(parent.children)(c for c in parent.children if c is not placeholder)
            block = placeholder._box
            assert isinstance(block, boxes.BlockBox)
            return block
    return None


def _find_template(root: boxes.Box) -> tuple[boxes.ParentBox, AbsolutePlaceholder] | None:
    stack: list[boxes.Box] = [root]
    while stack:
        box = stack.pop()
        if not isinstance(box, boxes.ParentBox):
            continue
        for child in box.children:
            if isinstance(child, AbsolutePlaceholder):
                element = child._box.element
                if element is not None and TEMPLATE_CLASS in (element.get("class") or "").split():
                    return box, child
                stack.append(child._box)
            else:
                stack.append(child)
    return None


def _number_box(template: boxes.BlockBox, text: str, line: TextLine, *, right_side: bool) -> boxes.Box:
    """A copy of the template reading ``text``, its baseline on the line's, beside the text block."""
    block = template.deepcopy()
    line_box = block.children[0]
    assert isinstance(line_box, boxes.LineBox)
    text_box = _only_text(line_box)
    text_box.pango_layout = copy.copy(text_box.pango_layout)
    text_box.text = text
    text_box.pango_layout.text = text
    width = _text_width(text_box)
    gap = GAP_PT / 0.75
    x = line.right + gap if right_side else line.left - gap - width
    dx = x - text_box.position_x
    dy = line.baseline - (line_box.position_y + line_box.baseline)
    text_box.width = line_box.width = block.width = width  # the box is as wide as its number
    block.translate(dx, dy)
    return block


def _only_text(line_box: boxes.LineBox) -> boxes.TextBox:
    texts = [box for box in _descendants(line_box) if isinstance(box, boxes.TextBox)]
    assert len(texts) == 1, "the line-number template holds one run of text"
    return texts[0]


def _text_width(box: boxes.TextBox) -> float:
    layout = box.pango_layout
    layout.setup(box.style)
    layout.set_text(box.text)
    first, _ = layout.get_first_line()
    width, _height = line_size(first, box.style)
    layout.deactivate()
    return float(width)
