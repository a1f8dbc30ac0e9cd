"""The selector that names a span, written the way an editor would: the words, and the occurrence only
when the words occur more than once (``from``/``to`` for a long lemma). Resolved back before it is used."""

from __future__ import annotations

from dataclasses import dataclass

from edition.anchoring import Selector, Span, TextIndex
from edition.model import Origin

LONG_LEMMA_WORDS = 12  # longer lemmas are written as from/to (the first and last three words)
_EDGE_WORDS = 3


@dataclass(frozen=True, slots=True)
class Drafted:
    """The selector keys of a drafted entry, in the order they are written."""

    lemma: str | None
    start: str | None
    end: str | None
    occurrence: int | None

    def selector(self) -> Selector:
        return Selector(self.lemma, self.start, self.end, self.occurrence, None, None, Origin("collate"))


def selector_for(index: TextIndex, span: Span) -> Drafted | None:
    """A selector that ``index`` resolves to exactly ``span`` (None if the words cannot name it)."""
    words = index.originals[span.paragraph][span.start : span.end]
    split = words.split()
    if len(split) > LONG_LEMMA_WORDS:
        head, tail = " ".join(split[:_EDGE_WORDS]), " ".join(split[-_EDGE_WORDS:])
        drafted = _with_occurrence(index, span, Drafted(None, head, tail, None))
        if drafted is not None:
            return drafted
    return _with_occurrence(index, span, Drafted(" ".join(split), None, None, None))


def _with_occurrence(index: TextIndex, span: Span, drafted: Drafted) -> Drafted | None:
    found = [index.to_span(s, e) for s, e in index.candidates(drafted.selector())]
    if span not in found:
        return None
    if len(found) == 1:
        return drafted
    return Drafted(drafted.lemma, drafted.start, drafted.end, found.index(span) + 1)
