"""The print PDF's inks: pure black (K only) under a CMYK output profile when the variant is PDF/X.

A PDF/X file declares the printing condition it was made for (its OutputIntent, with the ICC profile
embedded), and a print shop wants body text in one ink, black, not an RGB black that a RIP turns into a
four-ink "rich black" that smears when the plates are misregistered. WeasyPrint 70 writes CSS
``device-cmyk()`` colours as ``/DeviceCMYK`` and takes the OutputIntent from ``@color-profile
device-cmyk``; the profile comes from the Debian package ``libgs-common`` (Artifex's CMYK SWOP profile,
the US web-offset condition that print-on-demand presses are set up for). Other variants keep plain
black: PDF/A with a CMYK profile would then forbid every RGB colour an edition stylesheet might add.
"""

from __future__ import annotations

from pathlib import Path

from edition.diagnostics import Diagnostic
from edition.model import Origin

CMYK_PROFILE = Path("/usr/share/color/icc/ghostscript/default_cmyk.icc")
CMYK_PROFILE_PACKAGE = "libgs-common"
# CSS for the text colour: 100 % K, no cyan, magenta or yellow.
PURE_BLACK = "device-cmyk(0 0 0 1)"


def uses_cmyk(variant: str | None) -> bool:
    """PDF/X files are printed from CMYK plates: their text is set in K only."""
    return variant is not None and variant.startswith("pdf/x")


def cmyk_profile(variant: str | None, origin: Origin) -> tuple[Path | None, list[Diagnostic]]:
    """The output profile a PDF/X build embeds (None for other variants), or why it is missing."""
    if not uses_cmyk(variant):
        return None, []
    if CMYK_PROFILE.is_file():
        return CMYK_PROFILE, []
    return None, [
        Diagnostic.at(
            origin,
            "error",
            "pdf-output-profile-missing",
            f"{variant} needs a CMYK output profile and {CMYK_PROFILE} is not installed",
            f"install the Debian package {CMYK_PROFILE_PACKAGE} (scripts/setup-system does), "
            "or choose another style.pdf_variant",
        )
    ]
