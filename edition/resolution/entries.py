"""The entries pass: each anchored entry turned into its model node, numbered in text order."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from edition import apparatus as app
from edition.anchoring import Span
from edition.diagnostics import Diagnostic
from edition.heading_lemmas import CopyText, same_place
from edition.indexing import resolve_index
from edition.model import (
    Citation,
    CrossReference,
    Emendation,
    Gloss,
    IndexEntry,
    IndexMark,
    NamedAnchor,
    SourceWitness,
    Variant,
)
from edition.resolution.anchored import AnchoredApparatus, in_text_order
from edition.resolution.citing import Citer
from edition.resolution.notes import NoteRenderer
from edition.targets import TargetTable
from edition.variants import resolve_variants


@dataclass(frozen=True, slots=True)
class Entries:
    emendations: tuple[Emendation, ...]
    variants: tuple[Variant, ...]
    glosses: tuple[Gloss, ...]
    anchors: tuple[NamedAnchor, ...]
    cross_references: tuple[CrossReference, ...]
    citations: tuple[tuple[Citation, Span], ...]  # the citation entries', with the words they link
    index: tuple[IndexEntry, ...]
    index_marks: tuple[tuple[IndexMark, Span], ...]


def resolve_entries(
    anchored: AnchoredApparatus,
    copy_text: CopyText,
    witnesses: Sequence[SourceWitness],
    *,
    notes: NoteRenderer,
    citer: Citer,
    targets: TargetTable,
    problems: list[Diagnostic],
    index_problems: list[Diagnostic],
) -> Entries:
    """Every kind in turn (the order notes are rendered in numbers their headings and citations)."""

    emendations = _emendations(anchored, copy_text, witnesses, notes, problems)
    variants = resolve_variants(
        in_text_order(anchored.variants), witnesses, copy_text.lemma, notes.blocks, problems
    )
    glosses = tuple(
        Gloss(
            f"gloss-{entry.id}",
            f"lemma-{entry.id}",
            number,
            copy_text.lemma(span),
            notes.blocks(entry.note),
            entry.origin,
        )
        for number, (span, entry) in enumerate(in_text_order(anchored.glosses), 1)
    )
    anchors = tuple(
        NamedAnchor(f"a-{entry.id}", copy_text.lemma(span), entry.origin)
        for span, entry in in_text_order(anchored.anchors)
    )
    cross_references = []
    for n, (span, reference) in enumerate(in_text_order(anchored.cross_references), 1):
        target = targets.lookup(reference.target, reference.target_origin)
        if target is not None:
            element_id = f"x-{reference.id}" if reference.id else f"x-{n}"
            lemma = copy_text.lemma(span)
            cross_references.append(CrossReference(element_id, lemma, target, reference.origin))
    citations = []
    for span, cited in in_text_order(anchored.citations):
        citation = citer.cite(cited.key, cited.locator, cited.key_origin)
        if citation is not None:
            citations.append((citation, span))
    index_entries, marks = resolve_index(anchored.index, copy_text, index_problems)
    return Entries(
        emendations,
        variants,
        glosses,
        anchors,
        tuple(cross_references),
        tuple(citations),
        index_entries,
        tuple(marks),
    )


def _emendations(
    anchored: AnchoredApparatus,
    copy_text: CopyText,
    witnesses: Sequence[SourceWitness],
    notes: NoteRenderer,
    problems: list[Diagnostic],
) -> tuple[Emendation, ...]:
    sigla = [w.siglum for w in witnesses]
    default = sigla[0] if sigla else "?"
    out = []
    previous: tuple[Span, app.EmendationEntry] | None = None
    for number, (span, entry) in enumerate(in_text_order(anchored.emendations), 1):
        if previous and same_place(previous[0], span) and span.start < previous[0].end:
            problems.append(
                Diagnostic.at(
                    entry.selector.origin,
                    "error",
                    "overlapping-emendations",
                    f"emendation '{entry.id}' overlaps emendation "
                    f"'{previous[1].id}' (at {previous[1].selector.origin})",
                    "merge them into one emendation of the whole passage",
                )
            )
            continue
        previous = (span, entry)
        witness = entry.witness or default
        if witness not in sigla:
            problems.append(
                Diagnostic.at(
                    entry.witness_origin,
                    "error",
                    "unknown-witness",
                    f"unknown witness siglum '{witness}'",
                    f"the witnesses in edition.yaml are: {', '.join(sigla)}",
                )
            )
        lemma = copy_text.lemma(span)
        out.append(
            Emendation(
                f"em-{entry.id}",
                number,
                lemma,
                lemma.text,
                entry.reading,
                witness,
                entry.conjecture,
                notes.blocks(entry.note),
                entry.origin,
            )
        )
    return tuple(out)
