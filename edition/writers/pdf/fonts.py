"""The style's font: find it with fontconfig before typesetting, and refuse a fallback font after.

A print file must use the font the book was designed with. Pango silently substitutes another family
when the requested one is missing (or lacks a glyph), so both cases are checked explicitly.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from edition.diagnostics import Diagnostic
from edition.model import Origin, Style
from edition.writers.pdf.errors import PdfBuildError

FC_SPECIAL = str.maketrans({"\\": "\\\\", "-": "\\-", ":": "\\:", ",": "\\,"})


@dataclass(frozen=True, slots=True)
class InstalledFont:
    """A font family as fontconfig knows it: its name and the files of its faces."""

    family: str
    files: tuple[Path, ...]
    # Every family name fontconfig gives these files ("EB Garamond 12" is also "EB Garamond"): the names
    # the PDF's embedded fonts may carry without being a fallback.
    names: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class UsedFont:
    """A font WeasyPrint embedded: its family and the characters it drew."""

    family: str
    characters: str


def find_font(style: Style, origin: Origin) -> InstalledFont:
    """The installed faces of ``style.font``; PdfBuildError naming the package when there are none."""
    files = _fontconfig_query(style.font, "%{file}")
    if not files:
        raise PdfBuildError([_missing_font(style, origin)])
    names = {
        name.strip().casefold()
        for line in _fontconfig_query(style.font, "%{family}")
        for name in line.split(",")
    }
    return InstalledFont(
        style.font, tuple(sorted(Path(f) for f in files)), frozenset(names | {style.font.casefold()})
    )


def check_used_fonts(
    used: Iterable[UsedFont], style: Style, origin: Origin, names: frozenset[str] = frozenset()
) -> None:
    """Refuse a PDF in which Pango fell back to another family for some characters.

    ``names`` are the other family names of the style font's own files (InstalledFont.names).
    """
    allowed = names | {style.font.casefold()}
    problems = [
        Diagnostic.at(
            origin,
            "error",
            "pdf-fallback-font",
            f"the font {style.font!r} has no glyph for {_shown(font.characters)}; "
            f"the PDF would print them in {font.family!r}",
            "use a font that covers these characters (style: font:), or change the text",
        )
        for font in used
        if font.family.casefold() not in allowed
    ]
    if problems:
        raise PdfBuildError(problems)


def _fontconfig_query(family: str, field: str) -> tuple[str, ...]:
    """One fontconfig field (``%{file}``, ``%{family}``) of every face of ``family``."""
    executable = shutil.which("fc-list")
    if executable is None:
        return ()
    pattern = f":family={family.translate(FC_SPECIAL)}"
    completed = subprocess.run(
        [executable, "--format", field + "\n", pattern],
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        return ()
    return tuple(line for line in completed.stdout.splitlines() if line.strip())


def _missing_font(style: Style, origin: Origin) -> Diagnostic:
    if style.font_package:
        hint = (
            f"install the Debian package {style.font_package} "
            f"(sudo apt-get install {style.font_package}), or choose another font in style: font:"
        )
    else:
        hint = "install the font so that `fc-list` lists it, or choose another font in style: font:"
    return Diagnostic.at(
        origin,
        "error",
        "pdf-font-missing",
        f"the font {style.font!r} is not installed (fontconfig does not know it)",
        hint,
    )


def _shown(characters: str) -> str:
    unique = sorted(set(characters) - set(" \n\t"))
    listed = " ".join(f"{c!r} (U+{ord(c):04X})" for c in unique[:8])
    more = f" and {len(unique) - 8} more" if len(unique) > 8 else ""
    return listed + more
