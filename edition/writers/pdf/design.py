"""The book's page design from ``edition.style``: validated once, then written into a small stylesheet.

Only the values that vary per edition (trim, bleed, font, size, PDF variant) are generated; everything
else is the static ``edition/styles/print.css``. Values are validated here because they end up inside CSS.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from edition.config import PDF_VARIANTS as CONFIG_VARIANTS
from edition.diagnostics import Diagnostic
from edition.model import Origin, Style
from edition.writers.pdf.colour import PURE_BLACK, cmyk_profile
from edition.writers.pdf.errors import PdfBuildError

LENGTH = re.compile(r"^(?P<number>\d+(?:\.\d+)?)(?P<unit>in|mm|cm|pt|pc|px|q)$")
POINTS_PER_UNIT = {
    "in": 72.0,
    "mm": 72 / 25.4,
    "cm": 72 / 2.54,
    "pt": 1.0,
    "pc": 12.0,
    "px": 0.75,
    "q": 72 / 101.6,
}
# WeasyPrint's crop marks are drawn in the outer half of the CSS bleed area. With marks, the CSS bleed
# is the printer's bleed plus this much room, so the marks stay clear of the bleed box (the PDF BleedBox is
# then set back to the printer's bleed by the finisher).
MARK_ROOM_PT = 10 / 25.4 * 72
PDF_VARIANTS = tuple(v for v in CONFIG_VARIANTS if v != "none")


@dataclass(frozen=True, slots=True)
class Design:
    """Page geometry in points and the type settings, as the stylesheet and the finisher need them."""

    trim_width_pt: float
    trim_height_pt: float
    bleed_pt: float
    font_family: str
    font_size_pt: float
    pdf_variant: str | None
    crop_marks: bool = False
    # The CMYK output profile of a PDF/X build (its text is then set in pure black, K only).
    cmyk_profile: Path | None = None

    @property
    def text_colour(self) -> str | None:
        return PURE_BLACK if self.cmyk_profile is not None else None

    @property
    def text_width_pt(self) -> float:
        """The text block's width: the trim less inner (10 %) and outer (30 %) margins (design.css.j2)."""
        return self.trim_width_pt * 0.6

    @property
    def text_height_pt(self) -> float:
        """The text block's height: the trim less the top (8.3 %) and bottom (10 %) margins."""
        return self.trim_height_pt * (1 - 0.083 - 0.1)

    @property
    def css_bleed_pt(self) -> float:
        return self.bleed_pt + MARK_ROOM_PT if self.crop_marks else self.bleed_pt


def design_from_style(style: Style, origin: Origin) -> Design:
    """Validate ``style``; PdfBuildError lists every bad value at once."""
    problems: list[Diagnostic] = []

    def length(key: str, value: str) -> float:
        match = LENGTH.match(value.strip())
        if match is None:
            problems.append(
                Diagnostic.at(
                    style.origin_of(key.replace(" ", "."), origin),
                    "error",
                    "pdf-style-length",
                    f"style {key}: {value!r} is not a length",
                    "write a number with a unit, e.g. 6in, 152mm, 10.5pt",
                )
            )
            return 1.0
        return float(match["number"]) * POINTS_PER_UNIT[match["unit"]]

    variant = style.pdf_variant.strip().lower()
    if variant not in (*PDF_VARIANTS, "none", ""):
        problems.append(
            Diagnostic.at(
                style.origin_of("pdf_variant", origin),
                "error",
                "pdf-variant",
                f"style pdf_variant: {style.pdf_variant!r} is not a PDF variant",
                f"use one of: none, {', '.join(PDF_VARIANTS)}",
            )
        )
    if not style.font.strip() or any(c in style.font for c in '"\\;{}<>\n'):
        problems.append(
            Diagnostic.at(
                style.origin_of("font", origin),
                "error",
                "pdf-style-font",
                f"style font: {style.font!r} is not a font family name",
                "write the family name as fc-list shows it, e.g. EB Garamond",
            )
        )
    pdf_variant = variant if variant in PDF_VARIANTS else None
    profile, missing = cmyk_profile(pdf_variant, style.origin_of("pdf_variant", origin))
    problems.extend(missing)
    design = Design(
        trim_width_pt=length("trim width", style.trim_width),
        trim_height_pt=length("trim height", style.trim_height),
        bleed_pt=length("bleed", style.bleed),
        font_family=style.font.strip(),
        font_size_pt=length("font_size", style.font_size),
        pdf_variant=pdf_variant,
        crop_marks=style.crop_marks,
        cmyk_profile=profile,
    )
    if problems:
        raise PdfBuildError(problems)
    return design
