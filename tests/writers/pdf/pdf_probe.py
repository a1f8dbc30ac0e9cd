"""Reading a built PDF back for tests: words with positions (pdftotext -bbox), links, labels, boxes."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from lxml import etree
from pypdf import PdfReader

NUMBER = re.compile(r"^(?P<first>\d+|[ivxlcdm]+)(?:–\d+)?[.,;:)\]]*$")


def is_page_prefix(word: str) -> bool:
    return word.lstrip("[(") == "p."


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float


@dataclass(frozen=True)
class Link:
    page: int
    dest: str
    target_page: int
    words: tuple[str, ...]


def page_words(pdf: Path) -> list[list[Word]]:
    """Every word of every page, in points from the top-left of the page (crop box)."""
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, check=True).stdout
    root = etree.fromstring(out, etree.XMLParser(recover=True))
    pages = []
    for page in root.iter("{*}page"):
        pages.append(
            [
                Word(
                    w.text or "",
                    float(w.get("xMin")),
                    float(w.get("yMin")),
                    float(w.get("xMax")),
                    float(w.get("yMax")),
                )
                for w in page.iter("{*}word")
            ]
        )
    return pages


def internal_links(pdf: Path) -> list[Link]:
    """Every internal link with the words it covers and the 0-based page its destination is on.

    WeasyPrint writes one annotation per box (a link's text, its ::before, its ::after, a leader);
    annotations of the same destination that touch on one line are merged back into one link.
    """
    reader = PdfReader(pdf)
    destinations = {
        name: reader.get_destination_page_number(d) for name, d in reader.named_destinations.items()
    }
    words = page_words(pdf)
    links = []
    for index, page in enumerate(reader.pages):
        height = float(page.mediabox.top)
        bottom_edge = float(page.mediabox.bottom)
        rects: list[tuple[str, list[float]]] = []
        for annotation in page.get("/Annots", []):
            annotation = annotation.get_object()
            dest = annotation.get("/Dest")
            if annotation.get("/Subtype") != "/Link" or dest is None:
                continue
            x1, y1, x2, y2 = (float(v) for v in annotation["/Rect"])
            rect = [
                min(x1, x2),
                height - max(y1, y2) + bottom_edge,
                max(x1, x2),
                height - min(y1, y2) + bottom_edge,
            ]
            if rects and rects[-1][0] == str(dest) and _touching(rects[-1][1], rect):
                previous = rects[-1][1]
                rects[-1] = (
                    str(dest),
                    [
                        min(previous[0], rect[0]),
                        min(previous[1], rect[1]),
                        max(previous[2], rect[2]),
                        max(previous[3], rect[3]),
                    ],
                )
            else:
                rects.append((str(dest), rect))
        for dest, (left, top, right, bottom) in rects:
            covered = tuple(
                w.text
                for w in words[index]
                if min(right, w.x1) - max(left, w.x0) > 1.0
                and top - 0.5 <= (w.top + w.bottom) / 2 <= bottom + 0.5
            )
            links.append(Link(index, dest, destinations[dest], covered))
    return links


def _touching(a: list[float], b: list[float]) -> bool:
    same_line = min(a[3], b[3]) - max(a[1], b[1]) > 0.5 * min(a[3] - a[1], b[3] - b[1])
    return same_line and (b[0] - a[2]) < 3 and (a[0] - b[2]) < 3


def destination_page(pdf: Path, name: str) -> int:
    """The 0-based page a named destination (an element id) is on."""
    reader = PdfReader(pdf)
    return reader.get_destination_page_number(reader.named_destinations[name])


def printed_page(words: tuple[str, ...]) -> str | None:
    """The page number a link prints: the number after "p.", or its last word when that is a number."""
    for i, word in enumerate(words[:-1]):
        if is_page_prefix(word):
            match = NUMBER.match(words[i + 1])
            return match["first"] if match else None
    match = NUMBER.match(words[-1]) if words else None
    return match["first"] if match else None


def boxes(pdf: Path, page: int = 0) -> dict[str, tuple[float, float, float, float]]:
    reader = PdfReader(pdf)
    raw = reader.pages[page]
    out = {}
    for name in ("/MediaBox", "/CropBox", "/BleedBox", "/TrimBox"):
        value = raw.get(name)
        if value is not None:
            x1, y1, x2, y2 = (float(v) for v in value)
            out[name] = (min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2))
    return out
