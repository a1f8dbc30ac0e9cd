"""Style settings → design: validation, missing fonts, fallback fonts."""

from __future__ import annotations

import pytest

from edition.model import Origin, Style
from edition.writers.pdf.design import MARK_ROOM_PT, design_from_style
from edition.writers.pdf.errors import PdfBuildError
from edition.writers.pdf.fonts import UsedFont, check_used_fonts, find_font

ORIGIN = Origin("edition.yaml")


def test_lengths_are_converted_to_points() -> None:
    design = design_from_style(
        Style(trim_width="152mm", trim_height="9in", bleed="0.125in", font_size="10pt"), ORIGIN
    )
    assert design.trim_width_pt == pytest.approx(430.866, abs=0.001)
    assert design.trim_height_pt == 648
    assert design.bleed_pt == 9
    assert design.css_bleed_pt == 9  # no crop marks: the page ends at the bleed
    assert design.pdf_variant == "pdf/x-4"


def test_the_defaults_are_a_print_on_demand_pdf_x4_in_pure_black() -> None:
    design = design_from_style(Style(), ORIGIN)
    assert (design.bleed_pt, design.crop_marks, design.pdf_variant) == (9, False, "pdf/x-4")
    assert design.cmyk_profile is not None and design.cmyk_profile.is_file()
    assert design.text_colour == "device-cmyk(0 0 0 1)"


def test_crop_marks_get_room_outside_the_bleed() -> None:
    design = design_from_style(Style(crop_marks=True), ORIGIN)
    assert design.css_bleed_pt == pytest.approx(9 + MARK_ROOM_PT)


def test_other_variants_keep_plain_black_and_no_output_profile() -> None:
    design = design_from_style(Style(pdf_variant="pdf/a-3b"), ORIGIN)
    assert design.cmyk_profile is None and design.text_colour is None


def test_a_missing_cmyk_profile_is_a_located_error(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    import edition.writers.pdf.colour as colour

    monkeypatch.setattr(colour, "CMYK_PROFILE", tmp_path / "none.icc")
    with pytest.raises(PdfBuildError) as caught:
        design_from_style(Style(), ORIGIN)
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.code == "pdf-output-profile-missing"
    assert "libgs-common" in (diagnostic.hint or "")


def test_pdf_variant_none_means_plain_pdf() -> None:
    assert design_from_style(Style(pdf_variant="none"), ORIGIN).pdf_variant is None


def test_bad_values_are_all_reported_at_once() -> None:
    with pytest.raises(PdfBuildError) as caught:
        design_from_style(
            Style(trim_width="6 inches", bleed="3", pdf_variant="pdf/z-9", font='Evil"; } body {'), ORIGIN
        )
    codes = sorted(d.code for d in caught.value.diagnostics)
    assert codes == ["pdf-style-font", "pdf-style-length", "pdf-style-length", "pdf-variant"]
    assert all(d.path == "edition.yaml" for d in caught.value.diagnostics)


def test_missing_font_names_the_font_and_its_package() -> None:
    with pytest.raises(PdfBuildError) as caught:
        find_font(Style(font="No Such Font Family", font_package="fonts-nosuch"), ORIGIN)
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.code == "pdf-font-missing"
    assert "No Such Font Family" in diagnostic.message
    assert "fonts-nosuch" in (diagnostic.hint or "")


def test_installed_font_is_found_with_its_files() -> None:
    font = find_font(Style(), ORIGIN)
    assert font.family == "EB Garamond"
    assert any(path.name.startswith("EBGaramond") for path in font.files)


def test_a_fallback_font_is_refused_naming_the_characters() -> None:
    used = [UsedFont("EB Garamond", "abc"), UsedFont("DejaVu Sans", "☭x")]
    with pytest.raises(PdfBuildError) as caught:
        check_used_fonts(used, Style(), ORIGIN)
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.code == "pdf-fallback-font"
    assert "U+262D" in diagnostic.message and "DejaVu Sans" in diagnostic.message


def test_the_style_font_alone_passes() -> None:
    check_used_fonts([UsedFont("eb garamond", "abc")], Style(), ORIGIN)


def test_a_face_named_by_its_optical_size_is_not_a_fallback() -> None:
    # fontconfig gives EBGaramond12-Regular.otf both "EB Garamond" and "EB Garamond 12"; the PDF's font
    # carries the first, and that is the style's own font, not a fallback.
    style = Style(font="EB Garamond 12")
    font = find_font(style, ORIGIN)
    assert "eb garamond" in font.names
    assert all("12" in path.name for path in font.files)
    check_used_fonts([UsedFont("EB Garamond", "abc")], style, ORIGIN, font.names)
    with pytest.raises(PdfBuildError):
        check_used_fonts([UsedFont("DejaVu Serif", "abc")], style, ORIGIN, font.names)


def test_the_accepted_pdf_variants_are_exactly_the_ones_weasyprint_writes() -> None:
    # "pdf/a-4" was once accepted and crashed WeasyPrint 70 (which names the levels a-4e, a-4f, a-4u).
    from weasyprint.pdf import VARIANTS

    from edition.config import PDF_VARIANTS

    assert set(PDF_VARIANTS) - {"none"} == set(VARIANTS) - {"debug"}
    assert "pdf/a-4" not in PDF_VARIANTS


def test_an_unwritable_pdf_variant_is_refused_when_checking(mini) -> None:
    from edition.resolve import check_edition

    root = mini
    with (root / "edition.yaml").open("a", encoding="utf-8") as out:
        out.write("style:\n  pdf_variant: pdf/a-4\n")
    codes = [(d.code, d.path.endswith("edition.yaml")) for d in check_edition(root).diagnostics]
    assert ("bad-value", True) in codes
