"""Where something is in a book without pages, said the same way by every writer that has no page numbers
(the EPUB, the web edition and its search): "§ 31", "§§ 3–4" for a passage over paragraphs, "heading
before § 5" for a lemma in a heading (which has no § of its own)."""

from __future__ import annotations

from edition.book.labels import Labels
from edition.model import LemmaSpan

NBSP = "\u00a0"


def paragraph_place(number: int, labels: Labels) -> str:
    return f"{labels.paragraph_sign}{NBSP}{number}"


def paragraphs_place(first: int, last: int, labels: Labels) -> str:
    return f"{labels.paragraph_sign}{labels.paragraph_sign}{NBSP}{first}–{last}"


def lemma_place(lemma: LemmaSpan, labels: Labels) -> str:
    """Where an apparatus entry's lemma is."""
    if lemma.heading is not None:
        return f"{labels.heading_before} {paragraph_place(lemma.paragraph, labels)}"
    if lemma.last_paragraph is not None:
        return paragraphs_place(lemma.paragraph, lemma.last_paragraph, labels)
    return paragraph_place(lemma.paragraph, labels)
