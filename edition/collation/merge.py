"""Merging a new collation with the entries already in the apparatus file, without touching them.

The editor's entries are never rewritten or removed: a proposal the file already answers (an entry citing
the witness on the same or an overlapping lemma) is *kept*; one whose lemma is the same but whose reading
differs is *changed* (reported, for the editor to decide); an entry citing the witness where it no longer
differs is *stale* (reported); everything else is *added*.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from edition import apparatus as app
from edition.anchoring import Span
from edition.collation.align import Proposal
from edition.normalize import normalize_lemma


@dataclass(frozen=True, slots=True)
class Merge:
    added: tuple[Proposal, ...]
    kept: tuple[tuple[Proposal, app.VariantsEntry], ...]
    changed: tuple[tuple[Proposal, app.VariantsEntry], ...]
    stale: tuple[app.VariantsEntry, ...]


def merge(
    proposals: Sequence[Proposal],
    existing: Sequence[app.VariantsEntry],
    spans: Mapping[int, Span],
    siglum: str,
) -> Merge:
    """``spans`` maps id(entry) to where an existing entry resolves (an unresolved entry is stale)."""
    citing = [
        (entry, reading)
        for entry in existing
        for reading in entry.readings
        if siglum in (s for s, _ in reading.witnesses)
    ]
    added, kept, changed = [], [], []
    answered: set[int] = set()
    for proposal in proposals:
        match = None
        for entry, reading in citing:
            span = spans.get(id(entry))
            if span is not None and _overlap(span, proposal.span):
                match = (entry, reading, span)
                if span == proposal.span:
                    break
        if match is None:
            added.append(proposal)
            continue
        entry, reading, span = match
        answered.add(id(entry))
        if span == proposal.span and normalize_lemma(reading.text) != normalize_lemma(proposal.reading):
            changed.append((proposal, entry))
        else:
            kept.append((proposal, entry))
    stale = tuple(dict.fromkeys(entry for entry, _ in citing if id(entry) not in answered))
    return Merge(tuple(added), tuple(kept), tuple(changed), stale)


def _overlap(a: Span, b: Span) -> bool:
    if a.paragraph != b.paragraph:
        return False
    if a.start == a.end or b.start == b.end:
        return a.start <= b.end and b.start <= a.end
    return a.start < b.end and b.start < a.end
