"""What a reader's copy and search get from the screen PDF (poppler's pdftotext, as viewers built on it)."""

from __future__ import annotations

import re
import subprocess
from itertools import pairwise
from pathlib import Path

from conftest import Built

STYLES = Path(__file__).parents[3] / "edition" / "styles"
BROKEN = re.compile(r"(\w+)-$")


def _text(pdf: Path, *options: str) -> list[list[str]]:
    out = subprocess.run(["pdftotext", *options, str(pdf), "-"], capture_output=True, text=True, check=True)
    return [page.split("\n") for page in out.stdout.split("\f")]


def test_a_word_hyphenated_at_a_line_end_is_copied_whole(sample_built: Built) -> None:
    # -layout keeps the printed lines, so it shows where the layout broke words.
    breaks = []
    for page in _text(sample_built.screen_pdf, "-layout"):
        lines = [line.strip() for line in page if line.strip()]
        for line, after in pairwise(lines):
            match = BROKEN.search(line)
            if match and after[:1].islower():
                breaks.append(match.group(1) + re.split(r"\W", after, maxsplit=1)[0])
    assert breaks, "the sample edition has hyphenated line ends"
    copied = "\n".join("\n".join(page) for page in _text(sample_built.screen_pdf))
    assert "\u2010" not in copied
    for word in breaks:
        assert re.search(rf"\b{word}\b", copied), word


def test_a_letter_spaced_heading_is_found_by_search(sample_built: Built) -> None:
    lines = [line.strip() for page in _text(sample_built.screen_pdf) for line in page]
    assert "Textual Notes" in lines  # the division title, set in letter-spaced small capitals
    assert "Bibliography" in lines
    assert not any(re.search(r"\bT extual\b|\bBibliogr aphy\b", line) for line in lines)


def test_no_letter_spacing_of_ours_is_read_as_a_word_space() -> None:
    """Every letter-spaced small-capital heading style of print.css, on words whose letter pairs are
    the widest (poppler reads a gap of 0.1 em as a space, and an "r" leaves more than its advance)."""
    import weasyprint

    words = "Bibliography Textual Notes Contents Introduction Revolution Betrayed Works Further Reading"
    spacings = set(re.findall(r"letter-spacing: ([\d.]+em)", (STYLES / "print.css").read_text()))
    assert spacings
    for spacing in sorted(spacings):
        html = f"""<style>div {{ font-family: 'EB Garamond 12'; font-size: 13pt;
            font-variant-caps: all-small-caps; letter-spacing: {spacing} }}</style><div>{words}</div>"""
        pdf = weasyprint.HTML(string=html).render().write_pdf()
        out = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True)
        assert out.stdout.decode().split() == words.split(), spacing
