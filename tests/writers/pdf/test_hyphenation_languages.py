"""Hyphenation follows the language: a German word in a German span breaks at German points.

Real WeasyPrint layouts, with the print stylesheet's hyphenation settings (``hyphens: auto``,
``hyphenate-limit-chars: 6 3 3``) and the markup the print templates write for a language span. The column
is 8 characters of a monospaced font wide, so the first line holds the longest break that fits in 8
characters: "Arbeit-" with the English patterns (Ar-beit-er-be-we-gung), "Arbei-" with the German ones
(Ar-bei-ter-be-we-gung).
"""

from __future__ import annotations

import pyphen
import pytest
from line_scan import text_lines
from weasyprint import HTML

STYLE = (
    "@page { size: 60mm 80mm; margin: 5mm }"
    "p { font-family: 'DejaVu Sans Mono'; font-size: 10pt; width: 8ch; hyphens: auto;"
    " hyphenate-limit-chars: 6 3 3; margin: 0 }"
)


def first_line(body: str, page_language: str = "en-US") -> str:
    document = HTML(
        string=f'<html lang="{page_language}"><head><style>{STYLE}</style></head><body>{body}</body></html>'
    ).render()
    return next(line.text for line in text_lines(document.pages) if line.text)


def test_the_patterns_are_the_ones_the_test_assumes() -> None:
    assert pyphen.Pyphen(lang="de_DE").inserted("Arbeiterbewegung") == "Ar-bei-ter-be-we-gung"
    assert pyphen.Pyphen(lang="en_US").inserted("Arbeiterbewegung") == "Ar-beit-er-be-we-gung"


def test_english_patterns_without_a_span() -> None:
    assert first_line("<p>Arbeiterbewegung</p>") == "Arbeit\u2010"


@pytest.mark.parametrize("tag", ["de", "de-DE", "de-AT", "de-CH"])
def test_a_german_span_in_an_english_text_breaks_at_german_points(tag: str) -> None:
    assert first_line(f'<p><span lang="{tag}">Arbeiterbewegung</span></p>') == "Arbei\u2010"


def test_a_german_edition_hyphenates_its_text_with_german_patterns() -> None:
    assert first_line("<p>Arbeiterbewegung</p>", page_language="de") == "Arbei\u2010"


def test_which_dictionary_each_code_selects() -> None:
    """What docs/pdf.md says: WeasyPrint 70 takes pyphen.language_fallback of the lang attribute."""
    chosen = {
        tag: pyphen.LANGUAGES[fallback].name if (fallback := pyphen.language_fallback(tag)) else None
        for tag in ("en", "en-US", "en-GB", "en-AU", "de", "de-DE", "fr", "fr-CA", "es", "it", "ru", "la")
    }
    assert chosen == {
        "en": "hyph_en_GB.dic",
        "en-US": "hyph_en_US.dic",
        "en-GB": "hyph_en_GB.dic",
        "en-AU": "hyph_en_GB.dic",
        "de": "hyph_de_AT.dic",
        "de-DE": "hyph_de_DE.dic",
        "fr": "hyph_fr.dic",
        "fr-CA": "hyph_fr.dic",
        "es": "hyph_es.dic",
        "it": "hyph_it_IT.dic",
        "ru": "hyph_ru_RU.dic",
        "la": None,
    }
