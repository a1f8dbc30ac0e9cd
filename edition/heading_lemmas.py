"""Lemmas in the copy-text's headings: where an entry anchors when its words are in a heading.

The rule keeps every edition that resolved before resolving the same way: an entry's words are looked for
in the paragraphs first; only when no paragraph has them (whatever ``occurrence``, ``before`` or ``after``
say) are the headings searched, and the entry anchors in the one heading they name there. ``in: heading``
looks in the headings only, for words a paragraph has too. Index forms follow the same rule
(:func:`heading_marks`). Headings get no § number: a heading's lemma is keyed by the paragraph the heading
stands before (``Span.paragraph``, ``LemmaSpan.paragraph``), which is also what orders it among the
entries (before that paragraph's own).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from edition.anchoring import Selector, Span, TextIndex
from edition.blocks import in_reading_order
from edition.diagnostics import Diagnostic
from edition.markdown import RawBlock, RawHeading, RawParagraph
from edition.model import LemmaSpan, Origin

# Where overlays go: (§, 0) for a paragraph, (0, n) for the n-th heading (both 1-based).
Place = tuple[int, int]


@dataclass(frozen=True, slots=True)
class HeadingText:
    """A heading of the copy-text as anchoring sees it: its text, where it is, what it stands before."""

    paragraph: RawParagraph  # the heading's own text and atoms
    level: int
    following: int  # 0-based index of the paragraph after it (the last one if none follows)


def copy_text_headings(
    blocks: tuple[RawBlock, ...], number_of: Callable[[RawParagraph], int | None]
) -> tuple[HeadingText, ...]:
    """Every heading of the copy-text in reading order (inside quotations and lists too), each with the
    paragraph it stands before; ``number_of`` gives a paragraph's § number."""
    out: list[HeadingText] = []
    waiting: list[RawHeading] = []  # headings not yet followed by a paragraph
    last = 0
    for block in in_reading_order(blocks):
        if isinstance(block, RawHeading):
            waiting.append(block)
        elif (number := number_of(block)) is not None:
            last = number - 1
            out.extend(HeadingText(h.paragraph, h.level, last) for h in waiting)
            waiting.clear()
    out.extend(HeadingText(h.paragraph, h.level, last) for h in waiting)
    return tuple(out)


class CopyText:
    """The copy-text's paragraphs and headings, and the rule that chooses between them."""

    def __init__(
        self,
        paragraphs: TextIndex,
        headings: tuple[HeadingText, ...],
        passage_ends: tuple[int, ...] | None = None,
    ):
        self.paragraphs = paragraphs
        self.headings = headings
        # How far a passage starting in each paragraph may run on (edition/passages.py); none by default.
        self.passage_ends = (
            passage_ends if passage_ends is not None else tuple(range(len(paragraphs.numbers)))
        )
        self.heading_index = TextIndex(
            [(n, h.paragraph.text) for n, h in enumerate(headings, 1)],
            names=[f"the heading at {h.paragraph.origin}" for h in headings],
            scope="any heading",
        )
        # A heading is known by where it starts in its file, as a paragraph is (resolution/numbering.py).
        self._places = {h.paragraph.origin: (0, n) for n, h in enumerate(headings, 1)}

    def resolve(
        self, selector: Selector, what: str, problems: list[Diagnostic], *, may_run_on: bool = False
    ) -> Span | None:
        """The one span ``selector`` names (in a paragraph, or in a heading), or None with a diagnostic.
        ``may_run_on``: a passage may run on over paragraphs (glosses and named anchors)."""
        if selector.within == "heading":
            return self._in_headings(selector, what, problems)
        found: list[Diagnostic] = []
        ends = self.passage_ends if may_run_on else None
        span = self.paragraphs.resolve(selector, what, found, ends)
        if span is not None or not self.headings:
            problems.extend(found)
            return span
        words_only = replace(selector, occurrence=None, before=None, after=None)
        in_paragraphs = bool(self.paragraphs.candidates(words_only)) or (
            ends is not None and bool(self.paragraphs.running_candidates(words_only, ends))
        )
        if in_paragraphs or not self.heading_index.candidates(words_only):
            problems.extend(found)  # a paragraph has the words (or nothing has): as before headings counted
            return None
        return self._in_headings(selector, what, problems)

    def _in_headings(self, selector: Selector, what: str, problems: list[Diagnostic]) -> Span | None:
        found = self.heading_index.resolve(selector, what, problems)
        if found is None:
            return None
        return Span(self.headings[found.paragraph].following, found.start, found.end, found.paragraph)

    def words(self, span: Span) -> str:
        """The copy-text's words at ``span``, as written; a passage over paragraphs as "from … to"."""
        if span.heading is not None:
            return self.heading_index.passage(Span(span.heading, span.start, span.end))
        return self.paragraphs.passage(span)

    def lemma(self, span: Span) -> LemmaSpan:
        heading = None if span.heading is None else span.heading + 1
        last = None if span.runs_on is None else span.runs_on.last + 1
        return LemmaSpan(span.paragraph + 1, span.start, span.end, self.words(span), heading, last)

    def heading_place(self, raw: RawParagraph) -> Place | None:
        """The overlay place of a heading's text (None for a paragraph or a heading outside the text)."""
        return self._places.get(raw.origin)

    def heading_origin(self, span: Span) -> Origin | None:
        return None if span.heading is None else self.headings[span.heading].paragraph.origin


def place_of(lemma: LemmaSpan) -> Place:
    """Where a resolved lemma's overlays go (where it starts, for a passage over paragraphs)."""
    return (0, lemma.heading) if lemma.heading is not None else (lemma.paragraph, 0)


def end_place_of(lemma: LemmaSpan) -> Place:
    """Where the overlays at a lemma's end go (a gloss's mark): its last paragraph's."""
    return (lemma.last_paragraph, 0) if lemma.last_paragraph is not None else place_of(lemma)


def span_place(span: Span) -> Place:
    """Where an anchored span's overlays go (citations and index marks, which keep their spans)."""
    return (0, span.heading + 1) if span.heading is not None else (span.paragraph + 1, 0)


def text_order(span: Span) -> tuple[int, int, int, int, int]:
    """Sort key in reading order, by where a lemma ends (where a gloss's mark is): a heading's lemmas
    before those of the paragraph it stands before; a passage over paragraphs among the lemmas of its
    last paragraph, before those that start in it and end at the same place."""
    if span.heading is not None:
        return (span.paragraph, 0, span.heading, span.end, span.start)
    if span.runs_on is not None:
        return (span.runs_on.last, 1, 0, span.end, -1)
    return (span.paragraph, 1, 0, span.end, span.start)


def same_place(a: Span, b: Span) -> bool:
    """True when two spans are in the same paragraph or the same heading (so their offsets compare)."""
    return (a.paragraph, a.heading) == (b.paragraph, b.heading)


def heading_marks(copy_text: CopyText, needle: str) -> list[Span]:
    """Index marks for a form no paragraph has: every whole-word occurrence in the headings."""
    index = copy_text.heading_index
    spans = []
    for start in index.find_all(needle):
        found = index.to_span(start, start + len(needle))
        following = copy_text.headings[found.paragraph].following
        spans.append(Span(following, found.start, found.end, found.paragraph))
    return spans


__all__ = [
    "CopyText",
    "HeadingText",
    "Place",
    "copy_text_headings",
    "end_place_of",
    "heading_marks",
    "place_of",
    "same_place",
    "span_place",
    "text_order",
]
