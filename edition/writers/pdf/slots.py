"""Page numbers written into the laid-out pages, after the one layout that decides them.

Why: a printed page number depends on the layout, and a layout that prints page numbers depends on their
width. The book is laid out once with a *predicted* label in every place a page number is printed (a
slot); afterwards each slot's text is replaced, in WeasyPrint's box tree, by the label of the page its
target actually landed on. Page numbers are set in tabular figures, so a label with as many digits as the
prediction has exactly its width and nothing else on the line moves. Only a prediction of the wrong width
(say 9 for 10) needs another layout; the caller lays out again with the labels this layout found.

The templates mark slots with attributes:

- ``data-slot="ID"``: the element's own text is the page label of element ``ID`` (cross-references,
  textual notes);
- ``data-slot-pseudo="ID"`` with ``data-slot-label``: the element's generated content (``::before`` or
  ``::after``) ends with the label (the contents' page numbers, the margin notes' "from p. N" cue);
- ``data-slot-align``: ``exact`` (default: the label must keep its width), ``end`` (right-aligned at the
  end of its line: a narrower label is moved to keep the right edge) or ``free`` (alone on its line).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from weasyprint.document import Page
from weasyprint.formatting_structure import boxes
from weasyprint.layout.absolute import AbsolutePlaceholder
from weasyprint.text.line_break import line_size

EPSILON = 0.01  # CSS px: two widths closer than this are the same


@dataclass(frozen=True, slots=True)
class SlotReport:
    """What writing the page numbers found: how many slots, and which kept a wrong width."""

    filled: int
    misfits: frozenset[str]  # target ids whose printed label has another width than was laid out


def fill_page_numbers(pages: Sequence[Page], label_of: Callable[[str], str]) -> SlotReport:
    """Replace every slot's predicted label by ``label_of(target id)``; report the ones that misfit.

    A misfit slot is still written (the page is readable), but the caller must lay out again.
    """
    filled = 0
    misfits: set[str] = set()
    for page in pages:
        for text_box, target, old, align in _slots(page._page_box):
            new = label_of(target)
            filled += 1
            if new == old:
                continue
            if not _rewrite(text_box, old, new, align):
                misfits.add(target)
    return SlotReport(filled, frozenset(misfits))


def _slots(root: boxes.Box) -> Iterator[tuple[boxes.TextBox, str, str, str]]:
    """Each slot's text box with its target id, the label it was laid out with, and its alignment."""
    stack: list[boxes.Box] = [root]
    while stack:
        box = stack.pop()
        if isinstance(box, boxes.TextBox):
            element = box.element
            if element is None:
                continue
            align = element.get("data-slot-align", "exact")
            generated = box.element_tag.endswith(("::before", "::after"))
            if not generated and element.get("data-slot"):
                yield box, element.get("data-slot"), box.text, align
            elif generated and element.get("data-slot-pseudo"):
                label = element.get("data-slot-label", "")
                if label and box.text.endswith(label):
                    yield box, element.get("data-slot-pseudo"), label, align
        elif isinstance(box, boxes.ParentBox):
            # Absolutely positioned boxes (the margin notes) sit in the tree behind a placeholder.
            stack.extend(
                child._box if isinstance(child, AbsolutePlaceholder) else child
                for child in reversed(box.children)
            )


def _rewrite(box: boxes.TextBox, old: str, new: str, align: str) -> bool:
    """Put ``new`` in place of the label ``old`` ending the box's text; False when the width must change
    and the slot's alignment cannot absorb it."""
    text = box.text[: len(box.text) - len(old)] + new
    change = _width(box, text) - _width(box, box.text)
    fits = abs(change) < EPSILON or align == "free" or (align == "end" and change < 0)
    box.text = text
    box.pango_layout.text = text
    if align == "end" and change < 0:
        box.translate(-change, 0)
    box.width += change
    return fits


def _width(box: boxes.TextBox, text: str) -> float:
    """The width ``text`` has in the box's style (its Pango layout is inactive after layout)."""
    layout = box.pango_layout
    layout.setup(box.style)
    layout.set_text(text)
    line, _ = layout.get_first_line()
    width, _height = line_size(line, box.style)
    layout.deactivate()
    return float(width)
