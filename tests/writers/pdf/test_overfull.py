"""Overfull lines are found in the real layout and reported at the paragraph's source line."""

from __future__ import annotations

from pathlib import Path

import weasyprint

from edition.model import Origin
from edition.resolve import load_edition
from edition.writers.pdf import build_pdf
from edition.writers.pdf.overfull import overfull_lines

PAGE = "<style>@page{size:3in 4in;margin:0.5in} p{hyphens:manual;text-align:justify}</style>"
LONG = "Antidisestablishmentarianism" + "x" * 30


def test_a_line_wider_than_its_block_is_reported_with_its_origin() -> None:
    html = (
        f"<html><head>{PAGE}</head><body><p id='p-3'>A long word {LONG} stands here.</p>"
        "<p id='p-4'>A short paragraph of ordinary words that wrap.</p></body></html>"
    )
    pages = weasyprint.HTML(string=html).render().pages
    found = overfull_lines(pages, {"p-3": Origin("text/a.md", 5, 1)}, Origin("e.yaml"), ["1"])
    assert len(found) == 1
    assert (found[0].path, found[0].line, found[0].code) == ("text/a.md", 5, "pdf-overfull-line")
    assert found[0].message.startswith("§ 3 on p. 1 runs ")


def test_ordinary_justified_text_has_none() -> None:
    words = " ".join(["ordinary words wrap and justify well"] * 30)
    html = f"<html><head>{PAGE}</head><body><p id='p-1'>{words}</p></body></html>"
    pages = weasyprint.HTML(string=html).render().pages
    assert overfull_lines(pages, {}, Origin("e.yaml"), ["1", "2", "3"]) == []


def test_the_build_reports_an_overfull_line_of_the_copy_text(mini: Path, tmp_path: Path) -> None:
    text = (mini / "text/article.md").read_text(encoding="utf-8")
    text = text.replace("The bureaucracy grew", "The " + "0123456789" * 8 + " grew")  # nothing to hyphenate
    (mini / "text/article.md").write_text(text, encoding="utf-8")
    result = build_pdf(load_edition(mini), tmp_path)
    overfull = [w for w in result.warnings if w.code == "pdf-overfull-line"]
    assert [(w.path, w.line) for w in overfull] == [("text/article.md", 5)]
