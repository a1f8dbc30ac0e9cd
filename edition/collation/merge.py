"""Merging a new collation with the entries already in the apparatus file, without touching them.

The editor's entries are never rewritten or removed: a proposal the file already answers (an entry citing
the witness on the same or an overlapping lemma) is *kept*; one whose lemma is the same but whose reading
differs is *changed* (reported, for the editor to decide); an entry citing the witness where it no longer
differs is *stale* (reported); everything else is *added*.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from edition import apparatus as app
from edition.anchoring import Span
from edition.collation.align import Proposal
from edition.normalize import normalize_lemma
from edition.resolution.anchored import Placed


@dataclass(frozen=True, slots=True)
class Merge:
    added: tuple[Proposal, ...]
    kept: tuple[tuple[Proposal, app.VariantsEntry], ...]
    changed: tuple[tuple[Proposal, app.VariantsEntry], ...]
    stale: tuple[app.VariantsEntry, ...]


def merge(
    proposals: Sequence[Proposal],
    existing: Sequence[Placed[app.VariantsEntry]],
    siglum: str,
) -> Merge:
    """``existing``: the file's entries with where each resolves (an unresolved entry is stale)."""
    citing = [
        (n, placed.entry, reading, placed.span)
        for n, placed in enumerate(existing)
        for reading in placed.entry.readings
        if siglum in (s for s, _ in reading.witnesses)
    ]
    added, kept, changed = [], [], []
    answered: set[int] = set()  # positions in ``existing``
    for proposal in proposals:
        match = None
        for n, entry, reading, span in citing:
            if span is not None and _overlap(span, proposal.span):
                match = (n, entry, reading, span)
                if span == proposal.span:
                    break
        if match is None:
            added.append(proposal)
            continue
        n, entry, reading, span = match
        answered.add(n)
        if span == proposal.span and normalize_lemma(reading.text) != normalize_lemma(proposal.reading):
            changed.append((proposal, entry))
        else:
            kept.append((proposal, entry))
    stale = tuple(dict.fromkeys(entry for n, entry, _, _ in citing if n not in answered))
    return Merge(tuple(added), tuple(kept), tuple(changed), stale)


def _overlap(a: Span, b: Span) -> bool:
    if a.paragraph != b.paragraph:
        return False
    if a.start == a.end or b.start == b.end:
        return a.start <= b.end and b.start <= a.end
    return a.start < b.end and b.start < a.end
