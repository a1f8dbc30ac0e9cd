"""Benchmark margin-note placement against WeasyPrint layout, at ×1, ×4 and ×16 of a synthetic text.

The ×1 text is about the size of the seed article (≈ 18 pages at 6 × 9 in, 26 glosses). Placement must be a
small fraction of layout and grow linearly with pages. Run: ``.venv/bin/python bench/margins.py``.
"""

from __future__ import annotations

import argparse
import random
import time
from dataclasses import dataclass
from pathlib import Path

import weasyprint
from lxml import etree

from edition.writers.pdf.margins import place_margin_notes

ROOT = Path(__file__).resolve().parents[1]
NOTES_CSS = ROOT / "edition" / "styles" / "margin-notes.css"
PAGE_CSS = """
@page { size: 6in 9in; margin: 0.75in; }
@page :right { margin-left: 0.75in; margin-right: 1.75in; @bottom-right { content: counter(page) } }
@page :left { margin-left: 1.75in; margin-right: 0.75in; @bottom-left { content: counter(page) } }
html { font-family: "EB Garamond"; }
body { margin: 0; font-size: 10.5pt; line-height: 1.35; }
p { margin: 0; text-indent: 1em; text-align: justify; }
"""
VOCABULARY = (
    "the", "revolution", "bureaucracy", "soviet", "workers", "state", "planned", "economy", "party",
    "thermidor", "collectivisation", "industry", "wages", "peasants", "democracy", "socialism", "class",
    "of", "and", "in", "to", "a", "that", "which", "was", "with", "by", "for", "as", "is", "on",
)
PARAGRAPHS = 60  # per ×1
NOTES = 26  # per ×1


@dataclass(frozen=True)
class Row:
    scale: int
    pages: int
    notes: int
    layout_ms: float
    placement_ms: float


def synthetic_html(scale: int) -> str:
    """A deterministic text of ``scale`` × 60 paragraphs with ``scale`` × 26 glosses spread through it."""
    rng = random.Random(36)
    html = etree.Element("html", lang="en")
    style = etree.SubElement(etree.SubElement(html, "head"), "style")
    style.text = NOTES_CSS.read_text() + PAGE_CSS
    body = etree.SubElement(html, "body")
    total = PARAGRAPHS * scale
    note_at = {round(i * total / (NOTES * scale)) for i in range(NOTES * scale)}
    number = 0
    for index in range(total):
        p = etree.SubElement(body, "p", id=f"p-{index + 1}")
        p.text = " ".join(rng.choice(VOCABULARY) for _ in range(rng.randint(70, 140))) + " "
        if index in note_at:
            number += 1
            ref = etree.SubElement(p, "a", {"class": "gloss-ref", "id": f"glossref-{number}",
                                            "href": f"#gloss-{number}"})
            ref.text = str(number)
            note = etree.SubElement(p, "span", {"class": "margin-note", "id": f"gloss-{number}",
                                                "data-note-number": str(number),
                                                "data-origin": f"apparatus/glosses.yaml:{number}:5"})
            box = etree.SubElement(note, "span", {"class": "margin-note-box"})
            numeral = etree.SubElement(box, "span", {"class": "margin-note-number"})
            numeral.text = str(number)
            numeral.tail = " " + " ".join(rng.choice(VOCABULARY) for _ in range(rng.randint(12, 60)))
            note.tail = " " + " ".join(rng.choice(VOCABULARY) for _ in range(rng.randint(10, 40)))
    return etree.tostring(html, method="html", encoding="unicode")


def measure(scale: int) -> Row:
    html = weasyprint.HTML(string=synthetic_html(scale))
    start = time.perf_counter()
    document = html.render()
    laid_out = time.perf_counter()
    report = place_margin_notes(document)
    placed = time.perf_counter()
    return Row(scale=scale, pages=len(document.pages), notes=len(report.placements),
               layout_ms=(laid_out - start) * 1000, placement_ms=(placed - laid_out) * 1000)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 4, 16])
    args = parser.parse_args()
    print(f"{'scale':>5} {'pages':>6} {'notes':>6} {'layout ms':>10} {'place ms':>9} {'place ms/page':>14} "
          f"{'place/layout':>13}")
    for scale in args.scales:
        row = measure(scale)
        print(f"{'×' + str(row.scale):>5} {row.pages:>6} {row.notes:>6} {row.layout_ms:>10.0f} "
              f"{row.placement_ms:>9.1f} {row.placement_ms / row.pages:>14.3f} "
              f"{row.placement_ms / row.layout_ms:>12.2%}")


if __name__ == "__main__":
    main()
