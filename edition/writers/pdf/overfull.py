"""Overfull lines: text that sticks out of the text block (a long URL, an unbreakable word).

WeasyPrint lets such a line run into the margin silently; in a book with margin notes that means text
printed under a note. Each one is reported with the copy-text position of its paragraph.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from weasyprint import Page
from weasyprint.formatting_structure import boxes

from edition.diagnostics import Diagnostic
from edition.model import Origin
from edition.writers.pdf.margins import is_margin_note_box

TOLERANCE_PX = 1.0


def overfull_lines(
    pages: Sequence[Page], origins: Mapping[str, Origin], fallback: Origin, labels: Sequence[str]
) -> list[Diagnostic]:
    """A warning for every line wider than its block, naming the paragraph's source line.

    ``origins`` maps element ids (``p-31``) to where the paragraph comes from; ``labels`` are the printed
    page labels, by page index.
    """
    found = []
    for index, page in enumerate(pages):
        for line, block, owner in _lines(page._page_box, None, None):
            overflow = _extent(line) - (block.content_box_x() + block.width)
            if overflow <= TOLERANCE_PX:
                continue
            origin = origins.get(owner or "", fallback)
            where = f"§ {owner[2:]}" if owner and owner.startswith("p-") else "a line"
            found.append(
                Diagnostic.at(
                    origin,
                    "warning",
                    "pdf-overfull-line",
                    f"{where} on p. {labels[index]} runs {overflow * 0.75:.1f} pt into the margin",
                    "allow a break (a long URL or word), or reword the line",
                )
            )
    return found


def _lines(
    box: boxes.Box, block: boxes.Box | None, owner: str | None
) -> Iterator[tuple[boxes.LineBox, boxes.Box, str | None]]:
    """Every line box with the block that contains it (a line box grows to fit what overflows it)."""
    if is_margin_note_box(box):
        return
    element_id = box.element.get("id") if getattr(box, "element", None) is not None else None
    if isinstance(box, boxes.BlockBox) and element_id:
        owner = element_id
    if isinstance(box, boxes.LineBox):
        if block is not None:
            yield box, block, owner
        return
    if isinstance(box, boxes.BlockContainerBox):
        block = box
    for child in getattr(box, "children", ()):
        yield from _lines(child, block, owner)


def _extent(line: boxes.LineBox) -> float:
    """The right edge of the line's in-flow content (absolutely placed boxes do not count)."""
    right = line.position_x
    for child in line.children:
        if child.is_absolutely_positioned():
            continue
        right = max(right, child.position_x + child.margin_width())
    edge: float = right
    return edge
