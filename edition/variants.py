"""Resolving ``variants`` entries: the readings of the other witnesses, checked against the text and the
declared witnesses.

Checked here, each at the place it is written: unknown sigla, the copy-text's own siglum cited as a
variant, a witness cited twice for one lemma (in one entry or in two entries on the same words), a reading
identical to the lemma, and variant entries that overlap without nesting (an apparatus keyed to lemmas
cannot print them, and TEI parallel segmentation cannot encode them).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

from edition import apparatus as app
from edition.anchoring import Span
from edition.diagnostics import Diagnostic
from edition.fields import suggest
from edition.heading_lemmas import same_place
from edition.model import Block, LemmaSpan, Origin, Reading, SourceWitness, Variant, start_order
from edition.normalize import normalize_lemma

LemmaOf = Callable[[Span], LemmaSpan]
NoteBlocks = Callable[[app.NoteText | None], tuple[Block, ...]]


def resolve_variants(
    placed: Iterable[tuple[Span, app.VariantsEntry]],
    witnesses: Sequence[SourceWitness],
    lemma_of: LemmaOf,
    note_blocks: NoteBlocks,
    problems: list[Diagnostic],
) -> tuple[Variant, ...]:
    """The variants in text order (outer before inner when they nest), numbered 1, 2, …"""
    sigla = [w.siglum for w in witnesses]
    copy_text = sigla[0] if sigla else None
    # A heading's lemmas (edition/heading_lemmas.py) come before the paragraph it stands before.
    ordered = sorted(placed, key=lambda item: (*start_order(item[0]), -item[0].end))
    _check_nesting(ordered, problems)
    cited_at: dict[tuple[int, int | None, int, int], dict[str, Origin]] = {}
    out: list[Variant] = []
    for span, entry in ordered:
        lemma = lemma_of(span)
        seen = cited_at.setdefault((span.paragraph, span.heading, span.start, span.end), {})
        readings: list[Reading] = []
        for reading in entry.readings:
            kept = [
                siglum
                for siglum, origin in reading.witnesses
                if _known(siglum, origin, sigla, copy_text, seen, problems)
            ]
            for siglum, origin in reading.witnesses:
                seen.setdefault(siglum, origin)
            if normalize_lemma(reading.text) == normalize_lemma(lemma.text):
                problems.append(
                    Diagnostic.at(
                        reading.origin,
                        "error",
                        "reading-same-as-lemma",
                        f"the reading of {', '.join(s for s, _ in reading.witnesses)} is the lemma "
                        f"'{lemma.text}' itself",
                        "remove the reading: a witness that agrees with the copy-text is not cited",
                    )
                )
                continue
            if kept:
                readings.append(Reading(tuple(kept), reading.text, reading.origin))
        cited = {s for r in readings for s in r.witnesses}
        agreeing = tuple(s for s in sigla if s not in cited)
        number = len(out) + 1
        element_id = f"var-{entry.id}" if entry.id else f"var-{number}"
        out.append(
            Variant(
                element_id,
                number,
                lemma,
                tuple(readings),
                agreeing,
                entry.type,
                note_blocks(entry.note),
                entry.origin,
            )
        )
    return tuple(out)


def _known(
    siglum: str,
    origin: Origin,
    sigla: Sequence[str],
    copy_text: str | None,
    seen: Mapping[str, Origin],
    problems: list[Diagnostic],
) -> bool:
    if siglum not in sigla:
        near = suggest(siglum, sigla)
        problems.append(
            Diagnostic.at(
                origin,
                "error",
                "unknown-witness",
                f"unknown witness siglum '{siglum}'",
                f"did you mean '{near}'?"
                if near
                else f"the witnesses in edition.yaml are: {', '.join(sigla)}",
            )
        )
        return False
    if siglum == copy_text:
        problems.append(
            Diagnostic.at(
                origin,
                "error",
                "copy-text-as-variant",
                f"'{siglum}' is the copy-text: it reads the lemma, it has no variant of it",
                "the first witness in edition.yaml is the copy-text; cite only the others",
            )
        )
        return False
    if siglum in seen:
        problems.append(
            Diagnostic.at(
                origin,
                "error",
                "witness-cited-twice",
                f"witness '{siglum}' is cited twice for this lemma (first at {seen[siglum]})",
                "a witness has one reading of a lemma: keep one of them",
            )
        )
        return False
    return True


def _check_nesting(placed: Sequence[tuple[Span, app.VariantsEntry]], problems: list[Diagnostic]) -> None:
    """Spans sorted by (paragraph, start, -end): each must nest in or follow every open outer span."""
    open_spans: list[tuple[Span, app.VariantsEntry]] = []
    for span, entry in placed:
        while open_spans and (not same_place(open_spans[-1][0], span) or open_spans[-1][0].end <= span.start):
            open_spans.pop()
        if open_spans and span.end > open_spans[-1][0].end:
            outer = open_spans[-1][1]
            problems.append(
                Diagnostic.at(
                    entry.selector.origin,
                    "error",
                    "overlapping-variants",
                    f"this variants entry ('{entry.selector.quoted}') overlaps the one at "
                    f"{outer.selector.origin} ('{outer.selector.quoted}') without nesting in it",
                    "make one lemma contain the other, or merge them into one entry",
                )
            )
            continue
        open_spans.append((span, entry))
