"""The overlay pass: the resolved entries laid over the paragraphs they are anchored in.

Each paragraph gets its ranges (an emendation, a variant's lemma, a cross-reference's or a citation's
words) and its points (anchors, gloss marks, page references, index marks); ``CopyTextInlines`` builds
its inline tree from them, with the edition's typography applied.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from edition.markdown import RawParagraph
from edition.model import Anchor, GlossRef, Inline, PageRef
from edition.overlay import PointOverlay, RangeOverlay, build_inlines
from edition.resolution.entries import Entries
from edition.resolution.numbering import Numbering
from edition.typography import Rule, apply_rules


@dataclass(frozen=True, slots=True)
class Overlays:
    """By § number."""

    ranges: Mapping[int, tuple[RangeOverlay, ...]]
    points: Mapping[int, tuple[PointOverlay, ...]]


def overlays_of(entries: Entries) -> Overlays:
    ranges: dict[int, list[RangeOverlay]] = defaultdict(list)
    points: dict[int, list[PointOverlay]] = defaultdict(list)
    for e in entries.emendations:
        ranges[e.lemma.paragraph].append(RangeOverlay(e.lemma.start, e.lemma.end, e))
    for g in entries.glosses:
        points[g.lemma.paragraph].append(PointOverlay(g.lemma.start, Anchor(g.lemma_id), "start"))
        points[g.lemma.paragraph].append(PointOverlay(g.lemma.end, GlossRef(g), "end", order=1))
    for a in entries.anchors:
        points[a.lemma.paragraph].append(PointOverlay(a.lemma.start, Anchor(a.element_id), "start"))
    for (
        v
    ) in entries.variants:  # the lemma's start (the foot apparatus's key, links), and the lemma as one node
        points[v.lemma.paragraph].append(PointOverlay(v.lemma.start, Anchor(v.element_id), "start"))
        ranges[v.lemma.paragraph].append(RangeOverlay(v.lemma.start, v.lemma.end, v))
    for x in entries.cross_references:
        points[x.lemma.paragraph].append(PointOverlay(x.lemma.start, Anchor(x.element_id), "start"))
        ranges[x.lemma.paragraph].append(RangeOverlay(x.lemma.start, x.lemma.end, x.target))
        points[x.lemma.paragraph].append(PointOverlay(x.lemma.end, PageRef(x.target), "end"))
    for citation, span in entries.citations:
        ranges[span.paragraph + 1].append(RangeOverlay(span.start, span.end, citation))
    for mark, span in entries.index_marks:
        points[span.paragraph + 1].append(PointOverlay(span.start, mark, "start", order=-1))
    return Overlays(
        {n: tuple(found) for n, found in ranges.items()}, {n: tuple(found) for n, found in points.items()}
    )


@dataclass(frozen=True, slots=True)
class CopyTextInlines:
    """A copy-text paragraph's (or heading's) inline tree, with its overlays if it has a § number."""

    numbering: Numbering
    overlays: Overlays
    rules: Sequence[Rule]
    language: str

    def __call__(self, raw: RawParagraph) -> tuple[Inline, ...]:
        n = self.numbering.number_of(raw)
        rules = tuple(self.rules)
        if n is None:
            return apply_rules(build_inlines(raw.atoms), rules, self.language)
        built = build_inlines(raw.atoms, self.overlays.ranges.get(n, ()), self.overlays.points.get(n, ()))
        return apply_rules(built, rules, self.language)
