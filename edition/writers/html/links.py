"""Turning model targets into hrefs and printed pointers, from the one file being rendered.

A writer does no lookups in the text: the model already resolved every target to an element id, and the
book plan knows which file holds each id. A cross-reference to a gloss points at the passage the gloss
explains (always visible), not at the note, which many reading systems hide until it pops up.

A page reference prints the § number of its target, even when the print page is known: in a reflowable book
a page number means nothing, and the print pages are given by the page list instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from edition.book.labels import Labels
from edition.book.places import lemma_place, paragraph_place, paragraphs_place
from edition.model import LemmaSpan, Target
from edition.writers.html.errors import HtmlError


@dataclass(frozen=True, slots=True)
class Linker:
    locations: Mapping[str, str]  # element id -> file
    gloss_lemmas: Mapping[str, str]  # gloss id -> id of the start of its lemma
    paragraphs: Mapping[int, str]  # § number -> paragraph element id
    labels: Labels
    current: str = ""

    def at(self, href: str) -> Linker:
        """The same linker, rendering the file ``href`` (links inside it become ``#id``)."""
        return replace(self, current=href)

    def href(self, element_id: str) -> str:
        try:
            href = self.locations[element_id]
        except KeyError:
            raise HtmlError(f"link to {element_id!r}, which is not in the book") from None
        return f"#{element_id}" if href == self.current else f"{href}#{element_id}"

    def target_href(self, target: Target) -> str:
        """The link for a cross-reference. A target no element carries (the resolver names cross-references
        ``x-…`` without marking them in the text) falls back to its paragraph, which is always there."""
        element_id = target.element_id
        if target.kind == "gloss":
            element_id = self.gloss_lemmas.get(element_id, element_id)
        paragraph = target.paragraph
        if element_id not in self.locations and paragraph is not None and paragraph in self.paragraphs:
            element_id = self.paragraphs[paragraph]
        return self.href(element_id)

    def pointer(self, target: Target) -> str:
        """The printed form of a page reference: its target's § number, "§§ 12–14" for a passage over
        paragraphs (the target's label if it has none)."""
        if target.paragraph is not None and target.last_paragraph is not None:
            return paragraphs_place(target.paragraph, target.last_paragraph, self.labels)
        if target.paragraph is not None:
            return self.paragraph(target.paragraph)
        return target.label

    def paragraph(self, number: int) -> str:
        return paragraph_place(number, self.labels)

    def lemma_place(self, lemma: LemmaSpan) -> str:
        """Where an apparatus entry's lemma is, said without pages: "§ 31", or for a lemma in a heading
        (which has no § of its own) "heading before § 31"."""
        return lemma_place(lemma, self.labels)
