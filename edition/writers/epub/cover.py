"""The generated cover: title, author and editor set as SVG text lines.

SVG text does not wrap, so lines are broken here by a character budget; the budget is for a serif face at
the sizes below on a 1400×2100 cover (2:3, the shape most stores show). A reading system draws the text with
its own serif font, so widths are estimates and the budget is kept conservative.
"""

from __future__ import annotations

from dataclasses import dataclass

from edition.book.labels import Labels
from edition.model import Metadata

WIDTH = 1400
HEIGHT = 2100


@dataclass(frozen=True, slots=True)
class CoverLine:
    text: str
    y: int
    size: int
    css_class: str


@dataclass(frozen=True, slots=True)
class Cover:
    width: int
    height: int
    lines: tuple[CoverLine, ...]
    rule_y: int
    alt: str


def layout_cover(metadata: Metadata, labels: Labels) -> Cover:
    lines: list[CoverLine] = []
    y = 520
    title_size = 112 if len(metadata.title) <= 60 else 92
    for text in wrap(metadata.title, 18 if title_size == 112 else 22):
        lines.append(CoverLine(text, y, title_size, "title"))
        y += int(title_size * 1.2)
    if metadata.subtitle:
        y += 30
        for text in wrap(metadata.subtitle, 30):
            lines.append(CoverLine(text, y, 64, "subtitle"))
            y += 80
    rule_y = y + 40
    y = rule_y + 170
    for text in wrap(", ".join(person.name for person in metadata.authors), 26):
        lines.append(CoverLine(text, y, 76, "author"))
        y += 96
    if metadata.editors:
        y += 40
        editors = f"{labels.edited_by} {', '.join(person.name for person in metadata.editors)}"
        for text in wrap(editors, 34):
            lines.append(CoverLine(text, y, 56, "editor"))
            y += 72
    alt_parts = [metadata.title]
    if metadata.subtitle:
        alt_parts.append(metadata.subtitle)
    alt_parts.append(", ".join(person.name for person in metadata.authors))
    if metadata.editors:
        alt_parts.append(f"{labels.edited_by} {', '.join(person.name for person in metadata.editors)}")
    return Cover(WIDTH, HEIGHT, tuple(lines), rule_y, f"{labels.cover}: " + ". ".join(alt_parts))


def wrap(text: str, budget: int) -> list[str]:
    """Greedy word wrap to at most ``budget`` characters a line (a longer word gets a line of its own)."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if len(candidate) <= budget or not current:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines
