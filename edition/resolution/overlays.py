"""The overlay pass: the resolved entries laid over the paragraphs they are anchored in.

Each paragraph gets its ranges (an emendation, a variant's lemma, a cross-reference's or a citation's
words) and its points (anchors, gloss marks, page references, index marks); ``CopyTextInlines`` builds
its inline tree from them, with the edition's typography applied.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from edition.heading_lemmas import CopyText, Place, end_place_of, place_of, span_place
from edition.markdown import RawParagraph
from edition.model import Anchor, GlossRef, Inline, PageRef
from edition.overlay import PointOverlay, RangeOverlay, build_inlines
from edition.resolution.entries import Entries
from edition.resolution.numbering import Numbering
from edition.typography import Rule, apply_rules


@dataclass(frozen=True, slots=True)
class Overlays:
    """By place: a paragraph (its §) or a heading of the copy-text (edition/heading_lemmas.py)."""

    ranges: Mapping[Place, tuple[RangeOverlay, ...]]
    points: Mapping[Place, tuple[PointOverlay, ...]]


def overlays_of(entries: Entries) -> Overlays:
    ranges: dict[Place, list[RangeOverlay]] = defaultdict(list)
    points: dict[Place, list[PointOverlay]] = defaultdict(list)
    for e in entries.emendations:
        ranges[place_of(e.lemma)].append(RangeOverlay(e.lemma.start, e.lemma.end, e))
    for g in entries.glosses:
        points[place_of(g.lemma)].append(PointOverlay(g.lemma.start, Anchor(g.lemma_id), "start"))
        points[end_place_of(g.lemma)].append(PointOverlay(g.lemma.end, GlossRef(g), "end", order=1))
    for a in entries.anchors:
        points[place_of(a.lemma)].append(PointOverlay(a.lemma.start, Anchor(a.element_id), "start"))
    # A variant: the lemma's start (the foot apparatus's key, links), and the lemma as one node.
    for v in entries.variants:
        points[place_of(v.lemma)].append(PointOverlay(v.lemma.start, Anchor(v.element_id), "start"))
        ranges[place_of(v.lemma)].append(RangeOverlay(v.lemma.start, v.lemma.end, v))
    for x in entries.cross_references:
        points[place_of(x.lemma)].append(PointOverlay(x.lemma.start, Anchor(x.element_id), "start"))
        ranges[place_of(x.lemma)].append(RangeOverlay(x.lemma.start, x.lemma.end, x.target))
        points[place_of(x.lemma)].append(PointOverlay(x.lemma.end, PageRef(x.target), "end"))
    for citation, span in entries.citations:
        ranges[span_place(span)].append(RangeOverlay(span.start, span.end, citation))
    for mark, span in entries.index_marks:
        points[span_place(span)].append(PointOverlay(span.start, mark, "start", order=-1))
    return Overlays(
        {n: tuple(found) for n, found in ranges.items()}, {n: tuple(found) for n, found in points.items()}
    )


@dataclass(frozen=True, slots=True)
class CopyTextInlines:
    """A copy-text paragraph's (or heading's) inline tree, with its overlays if it has a § number or is a
    heading of the copy-text."""

    numbering: Numbering
    copy_text: CopyText
    overlays: Overlays
    rules: Sequence[Rule]
    language: str

    def __call__(self, raw: RawParagraph) -> tuple[Inline, ...]:
        n = self.numbering.number_of(raw)
        place = (n, 0) if n is not None else self.copy_text.heading_place(raw)
        rules = tuple(self.rules)
        if place is None:
            return apply_rules(build_inlines(raw.atoms), rules, self.language)
        ranges, points = self.overlays.ranges.get(place, ()), self.overlays.points.get(place, ())
        return apply_rules(build_inlines(raw.atoms, ranges, points), rules, self.language)
