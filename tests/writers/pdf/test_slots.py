"""Page numbers written into laid-out pages: the text changes, nothing else moves, misfits are reported."""

from __future__ import annotations

import io

import weasyprint
from pypdf import PdfReader
from weasyprint.formatting_structure import boxes

from edition.writers.pdf.slots import fill_page_numbers

STYLE = "body { font-family: 'EB Garamond 12'; font-size: 10.5pt } .s { font-variant-numeric: tabular-nums }"


def _render(body: str, style: str = STYLE) -> weasyprint.Document:
    return weasyprint.HTML(string=f"<html><style>{style}</style><body>{body}</body></html>").render()


def _text_boxes(document: weasyprint.Document) -> list[boxes.TextBox]:
    found, stack = [], [document.pages[0]._page_box]
    while stack:
        box = stack.pop()
        if isinstance(box, boxes.TextBox):
            found.append(box)
        elif isinstance(box, boxes.ParentBox):
            stack.extend(reversed(box.children))
    return found


def test_a_label_of_as_many_digits_is_written_in_place_and_moves_nothing() -> None:
    document = _render('<p>see p. <span class="s" data-slot="a">11</span> and more words</p>')
    before = [(b.text, b.position_x, b.width) for b in _text_boxes(document)]
    report = fill_page_numbers(document.pages, {"a": "47"}.__getitem__)
    after = [(b.text, b.position_x, b.width) for b in _text_boxes(document)]
    assert report.filled == 1 and not report.misfits
    assert [t for t, _, _ in after] == [t.replace("11", "47") for t, _, _ in before]
    assert [(x, w) for _, x, w in after] == [(x, w) for _, x, w in before]


def test_the_written_label_is_what_the_pdf_shows() -> None:
    document = _render('<p>see p. <span class="s" data-slot="a">11</span></p>')
    fill_page_numbers(document.pages, {"a": "47"}.__getitem__)
    text = PdfReader(io.BytesIO(document.write_pdf())).pages[0].extract_text()
    assert "47" in text and "11" not in text


def test_a_label_of_another_width_is_a_misfit() -> None:
    document = _render(
        '<p>see p. <span class="s" data-slot="a">9</span> and <span class="s" data-slot="b">3</span></p>'
    )
    report = fill_page_numbers(document.pages, {"a": "10", "b": "4"}.__getitem__)
    assert report.filled == 2
    assert report.misfits == {"a"}


def test_without_tabular_figures_a_different_digit_is_a_misfit() -> None:
    document = _render('<p>p. <span data-slot="a">1</span></p>', style="body { font-family: 'EB Garamond' }")
    assert fill_page_numbers(document.pages, {"a": "4"}.__getitem__).misfits == {"a"}


def test_a_narrower_right_aligned_label_keeps_its_right_edge() -> None:
    body = (
        '<p style="text-align: right"><a data-slot-pseudo="x" data-slot-label="viii" data-slot-align="end" '
        'data-page="viii">Introduction</a></p>'
    )
    style = STYLE + " a::after { content: ' ' attr(data-page) }"
    document = _render(body, style)
    (label,) = [b for b in _text_boxes(document) if b.element_tag.endswith("::after")]
    right = label.position_x + label.width
    report = fill_page_numbers(document.pages, {"x": "ix"}.__getitem__)
    assert not report.misfits
    assert label.text.endswith("ix")
    assert abs(label.position_x + label.width - right) < 0.01
