"""Colours in the EPUB stylesheet, checked by the WCAG 2.2 contrast ratio computed from the CSS values.

The reading system chooses the page and text colours; the stylesheet sets only the § numbers' grey, per
reading mode, and must leave links in the text's colour. Each grey is checked against the backgrounds of
the modes it applies to.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import tinycss2

STYLESHEET = Path(__file__).resolve().parents[3] / "edition" / "styles" / "epub.css"

WHITE, BLACK = "#ffffff", "#000000"
CHROMIUM_DARK = "#121212"  # the page Chromium paints for a dark colour scheme
READIUM_SEPIA = "#faf4e8"  # Readium CSS's sepia page (Thorium)


def luminance(colour: str) -> float:
    """WCAG 2.2 relative luminance of an sRGB ``#rrggbb`` colour."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one: str, other: str) -> float:
    lighter, darker = sorted((luminance(one), luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_contrast_formula_gives_the_known_ratios():
    assert contrast(WHITE, BLACK) == pytest.approx(21.0)
    assert contrast("#767676", WHITE) == pytest.approx(4.54, abs=0.01)  # WCAG's well-known AA grey
    assert contrast(WHITE, WHITE) == pytest.approx(1.0)


def colour_rules() -> list[tuple[str, str, str]]:
    """(media condition or "", selector, colour value) for every ``color`` declaration in the stylesheet."""
    found: list[tuple[str, str, str]] = []

    def walk(rules, media: str) -> None:
        for rule in rules:
            if rule.type == "at-rule" and rule.lower_at_keyword == "media":
                inner = tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True)
                walk(inner, tinycss2.serialize(rule.prelude).strip())
            elif rule.type == "qualified-rule":
                selector = " ".join(tinycss2.serialize(rule.prelude).split())
                for declaration in tinycss2.parse_blocks_contents(
                    rule.content, skip_comments=True, skip_whitespace=True
                ):
                    if declaration.type == "declaration" and declaration.lower_name == "color":
                        found.append((media, selector, tinycss2.serialize(declaration.value).strip()))

    sheet = tinycss2.parse_stylesheet(STYLESHEET.read_text(encoding="utf-8"), skip_comments=True)
    walk(sheet, "")
    return found


def pnum_colour(media: str, selector_part: str) -> str:
    matches = [
        value
        for rule_media, selector, value in colour_rules()
        if rule_media == media and ".pnum" in selector and selector_part in selector
    ]
    assert len(matches) == 1, (media, selector_part, matches)
    return matches[0]


@pytest.mark.parametrize(
    ("mode", "media", "selector_part", "backgrounds"),
    [
        ("any page", "", ".pnum", (WHITE, BLACK)),
        ("dark colour scheme", "(prefers-color-scheme: dark)", ".pnum", (BLACK, CHROMIUM_DARK)),
        ("Apple Books Night", "", "Night", (BLACK, CHROMIUM_DARK)),
        ("Readium night", "", "readium-night-on", (BLACK, CHROMIUM_DARK)),
        ("Apple Books Sepia", "", "Sepia", (READIUM_SEPIA, WHITE)),
        ("Readium sepia", "", "readium-sepia-on", (READIUM_SEPIA, WHITE)),
    ],
)
def test_paragraph_numbers_have_4_5_to_1_contrast_in_every_mode(mode, media, selector_part, backgrounds):
    if selector_part == ".pnum" and not media:
        matches = [v for m, s, v in colour_rules() if not m and s == ".pnum"]
        assert len(matches) == 1
        colour = matches[0]
    else:
        colour = pnum_colour(media, selector_part)
    for background in backgrounds:
        assert contrast(colour, background) >= 4.5, f"{mode}: {colour} on {background}"


def test_links_take_the_text_colour_and_nothing_else_is_coloured():
    """Only the § numbers have a colour of their own; every link inherits the text's (no default blue)."""
    rules = colour_rules()
    assert ("", "a", "inherit") in rules
    others = [(m, s, v) for m, s, v in rules if ".pnum" not in s and (m, s, v) != ("", "a", "inherit")]
    assert others == []
