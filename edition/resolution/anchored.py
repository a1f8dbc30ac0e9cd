"""The anchoring pass: each apparatus entry's lemma found in the text (or the reason it was not)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from edition import apparatus as app
from edition.anchoring import Selector, Span, TextIndex
from edition.diagnostics import Diagnostic
from edition.markdown import RawHeading
from edition.model import LemmaSpan

E = TypeVar("E")


@dataclass(frozen=True, slots=True)
class Placed(Generic[E]):
    """An entry and where its lemma is in the text (None: not found, already reported)."""

    entry: E
    span: Span | None


@dataclass(frozen=True, slots=True)
class AnchoredApparatus:
    """Every entry of every kind in file order, each with its span."""

    glosses: tuple[Placed[app.GlossEntry], ...]
    emendations: tuple[Placed[app.EmendationEntry], ...]
    variants: tuple[Placed[app.VariantsEntry], ...]
    cross_references: tuple[Placed[app.CrossReferenceEntry], ...]
    anchors: tuple[Placed[app.AnchorEntry], ...]
    citations: tuple[Placed[app.CitationEntry], ...]
    index: tuple[app.IndexEntryRaw, ...]


def in_text_order(placed: Iterable[Placed[E]]) -> list[tuple[Span, E]]:
    """The entries that were found, by where their lemma ends (an inner lemma before the outer)."""
    found = [(p.span, p.entry) for p in placed if p.span is not None]
    return sorted(found, key=lambda item: (item[0].paragraph, item[0].end, item[0].start))


def lemma_at(index: TextIndex, span: Span) -> LemmaSpan:
    """The model's lemma: § number, offsets and the words as the text has them."""
    return LemmaSpan(
        span.paragraph + 1, span.start, span.end, index.originals[span.paragraph][span.start : span.end]
    )


def anchor_apparatus(
    apparatus: app.Apparatus,
    index: TextIndex,
    headings: Sequence[RawHeading],
    problems: list[Diagnostic],
) -> AnchoredApparatus:
    """Find every lemma; ``problems`` gets what was not found (empty when the text is incomplete)."""
    anchor = _Anchorer(index, headings, problems)
    return AnchoredApparatus(
        glosses=anchor.each("gloss", apparatus.glosses),
        emendations=anchor.each("emendation", apparatus.emendations),
        variants=anchor.each("variants entry", apparatus.variants),
        cross_references=anchor.each("cross-reference", apparatus.cross_references),
        anchors=anchor.each("anchor", apparatus.anchors),
        citations=anchor.each("citation", apparatus.citations),
        index=apparatus.index,
    )


_S = TypeVar(
    "_S",
    app.GlossEntry,
    app.EmendationEntry,
    app.VariantsEntry,
    app.CrossReferenceEntry,
    app.AnchorEntry,
    app.CitationEntry,
)


class _Anchorer:
    def __init__(self, index: TextIndex, headings: Sequence[RawHeading], problems: list[Diagnostic]):
        self.index = index
        self.headings = headings
        self.problems = problems

    def each(self, what: str, entries: Iterable[_S]) -> tuple[Placed[_S], ...]:
        placed = []
        for entry in entries:
            label = f"{what} '{entry.id}'" if entry.id else what
            found: list[Diagnostic] = []
            span = self.index.resolve(entry.selector, label, found)
            self.problems.extend(self._in_a_heading(entry.selector, label, d) for d in found)
            placed.append(Placed(entry, span))
        return tuple(placed)

    def _in_a_heading(self, selector: Selector, what: str, problem: Diagnostic) -> Diagnostic:
        """A lemma the paragraphs lack but a heading has: say that headings take no entries yet, rather
        than suggest a spelling mistake."""
        if problem.code != "lemma-not-found" or not self.headings:
            return problem
        headings = TextIndex([(n, heading.paragraph.text) for n, heading in enumerate(self.headings, 1)])
        matches = headings.candidates(selector)
        if not matches:
            return problem
        heading = self.headings[headings.to_span(*matches[0]).paragraph]
        return Diagnostic.at(
            selector.origin,
            "error",
            "lemma-in-heading",
            f"{what}: '{selector.quoted}' is in a heading ({heading.paragraph.origin}); apparatus entries "
            "on headings are not supported yet",
            "anchor the entry in a paragraph (a gloss on the heading's words where the text first uses them)",
        )
