"""The print PDF is a PDF/X-4 file a print shop accepts: checked rule by rule (see pdf_x.py)."""

from __future__ import annotations

import pdf_x
import pytest
from conftest import Built
from pypdf import PdfReader

K_ONLY = ("/DeviceCMYK", (0.0, 0.0, 0.0, 1.0))


@pytest.fixture(scope="module")
def printed(sample_built: Built) -> PdfReader:
    return PdfReader(sample_built.print_pdf)


def test_the_output_intent_embeds_a_cmyk_printer_profile(printed: PdfReader) -> None:
    assert pdf_x.output_intent_problems(printed) == []


def test_the_file_identifies_itself_as_pdf_x4(printed: PdfReader) -> None:
    assert pdf_x.identification_problems(printed) == []


def test_every_page_has_trim_and_bleed_boxes_and_no_annotation(printed: PdfReader) -> None:
    assert pdf_x.box_problems(printed) == []
    assert all("/BleedBox" in page and "/TrimBox" in page for page in printed.pages)


def test_every_font_is_embedded(printed: PdfReader) -> None:
    assert pdf_x.font_problems(printed) == []


def test_no_transparency_group_blends_in_rgb(printed: PdfReader) -> None:
    assert pdf_x.transparency_problems(printed) == []


def test_every_colour_is_pure_black_ink(printed: PdfReader) -> None:
    """Every colour the print PDF sets, and the colour of every piece of text, is 100 % K."""
    report = pdf_x.colour_report(printed)
    text = {(space, values) for space, values, in_text in report if in_text}
    assert text == {K_ONLY}
    assert {(space, values) for space, values, _ in report} == {K_ONLY}
    assert pdf_x.rgb_problems(printed) == []


def test_the_colour_scan_sees_rgb_and_text_colours() -> None:
    """The scanner is not blind: RGB black and the text's fill colour in a stream are found."""
    from pypdf import PdfWriter
    from pypdf.generic import ContentStream, DecodedStreamObject

    writer = PdfWriter()
    page = writer.add_blank_page(100, 100)
    content = DecodedStreamObject()
    content.set_data(b"0 0 0 rg q 0 0 0 1 k BT (a) Tj ET Q BT (b) Tj ET")
    found = list(pdf_x._stream_paints(ContentStream(content, writer), page, writer, "test"))
    assert [(p.space, p.values, p.in_text) for p in found] == [
        ("/DeviceRGB", (0.0, 0.0, 0.0), False),
        ("/DeviceCMYK", (0.0, 0.0, 0.0, 1.0), False),
        ("/DeviceCMYK", (0.0, 0.0, 0.0, 1.0), True),
        ("/DeviceRGB", (0.0, 0.0, 0.0), True),
    ]
