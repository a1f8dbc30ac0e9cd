"""The anchoring pass: each apparatus entry's lemma found in the text (or the reason it was not).

Paragraphs first, then the headings when no paragraph has the words, or the headings only with
``in: heading``: the rule is edition/heading_lemmas.py's.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from edition import apparatus as app
from edition.anchoring import Span
from edition.diagnostics import Diagnostic
from edition.heading_lemmas import CopyText, text_order

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
    """The entries that were found, by where their lemma ends (an inner lemma before the outer; a heading's
    before those of the paragraph it stands before)."""
    found = [(p.span, p.entry) for p in placed if p.span is not None]
    return sorted(found, key=lambda item: text_order(item[0]))


def anchor_apparatus(
    apparatus: app.Apparatus, copy_text: CopyText, problems: list[Diagnostic]
) -> AnchoredApparatus:
    """Find every lemma; ``problems`` gets what was not found (empty when the text is incomplete)."""
    anchor = _Anchorer(copy_text, problems)
    return AnchoredApparatus(
        glosses=anchor.each("gloss", apparatus.glosses, may_run_on=True),
        emendations=anchor.each("emendation", apparatus.emendations),
        variants=anchor.each("variants entry", apparatus.variants),
        cross_references=anchor.each("cross-reference", apparatus.cross_references),
        anchors=anchor.each("anchor", apparatus.anchors, may_run_on=True),
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
    def __init__(self, copy_text: CopyText, problems: list[Diagnostic]):
        self.copy_text = copy_text
        self.problems = problems

    def each(self, what: str, entries: Iterable[_S], *, may_run_on: bool = False) -> tuple[Placed[_S], ...]:
        """``may_run_on``: the kind may quote a passage of several paragraphs (glosses, named anchors)."""
        placed = []
        for entry in entries:
            label = f"{what} '{entry.id}'" if entry.id else what
            span = self.copy_text.resolve(entry.selector, label, self.problems, may_run_on=may_run_on)
            placed.append(Placed(entry, span))
        return tuple(placed)
