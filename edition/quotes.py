"""Quotation marks by language, for the curly-quotes rule.

Each language's first (double) and second (single) level, as its printers set them; the sources are the
conventions summarised in each language's style references (Duden for German, the Lexique des règles
typographiques de l'Imprimerie nationale for French, the Ortografía of the RAE for Spanish). A straight
``"`` becomes the first level, a straight ``'`` the second (or an apostrophe inside a word).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class QuoteMarks:
    open_double: str
    close_double: str
    open_single: str
    close_single: str
    spaced: bool = False  # a no-break space inside the guillemets (French)


ENGLISH = QuoteMarks("“", "”", "‘", "’")
QUOTES: dict[str, QuoteMarks] = {
    "en": ENGLISH,
    "de": QuoteMarks("„", "“", "‚", "‘"),
    "fr": QuoteMarks("«", "»", "“", "”", spaced=True),
    "es": QuoteMarks("«", "»", "“", "”"),
    "it": QuoteMarks("«", "»", "“", "”"),
    "ru": QuoteMarks("«", "»", "„", "“"),
}
# Swiss German uses guillemets, without spaces (« » / ‹ ›), where German in Germany uses „ “.
REGIONAL: dict[str, QuoteMarks] = {
    "de-ch": QuoteMarks("«", "»", "‹", "›"),
}


def quotes_for(language: str) -> QuoteMarks:
    """The marks for a BCP 47 tag (``de-AT`` → German); English for a language with no table."""
    tag = language.lower()
    parts = tag.split("-")
    if len(parts) > 1 and f"{parts[0]}-{parts[-1]}" in REGIONAL:
        return REGIONAL[f"{parts[0]}-{parts[-1]}"]
    return QUOTES.get(parts[0], ENGLISH)
