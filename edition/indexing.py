"""The index: every whole-word occurrence of an entry's forms becomes an index mark in the text."""

from __future__ import annotations

import unicodedata

from edition.anchoring import Span
from edition.apparatus import IndexEntryRaw
from edition.diagnostics import Diagnostic
from edition.heading_lemmas import CopyText, heading_marks
from edition.model import IndexEntry, IndexLocation, IndexMark, start_order
from edition.normalize import normalize_lemma


def fold(text: str) -> str:
    """Sort key: accents and case folded."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def resolve_index(
    raw_entries: tuple[IndexEntryRaw, ...], copy_text: CopyText, problems: list[Diagnostic]
) -> tuple[tuple[IndexEntry, ...], list[tuple[IndexMark, Span]]]:
    """The index entries (by kind, then sort key) and the marks to place in the text.

    A form no paragraph has is looked for in the headings, as lemmas are (edition/heading_lemmas.py): its
    heading occurrences are marked, keyed by the § after each heading.
    """
    index = copy_text.paragraphs
    entries = []
    marks: list[tuple[IndexMark, Span]] = []
    known = {entry.id for entry in raw_entries}
    for entry in raw_entries:
        found: set[Span] = set()
        for form, origin in entry.forms:
            needle = normalize_lemma(form)
            starts = index.find_all(needle)
            in_headings = [] if starts else heading_marks(copy_text, needle)
            found.update(in_headings)
            if not starts and not in_headings:
                problems.append(
                    Diagnostic.at(
                        origin,
                        "error",
                        "index-form-not-found",
                        f"index form '{form}' of '{entry.heading}' does not occur in the text",
                        "check the spelling, or remove the form",
                    )
                )
            found.update(index.to_span(s, s + len(needle)) for s in starts)
        locations = []
        for n, span in enumerate(sorted(found, key=start_order), 1):
            mark = IndexMark(f"ix-{entry.id}-{n}", f"index-{entry.id}")
            marks.append((mark, span))
            locations.append(IndexLocation(mark.element_id, span.paragraph + 1))
        for see, origin in entry.see:
            if see not in known:
                problems.append(
                    Diagnostic.at(
                        origin,
                        "error",
                        "unknown-target",
                        f"'see' names unknown index entry '{see}'",
                        "name the id of another index entry",
                    )
                )
        entries.append(
            IndexEntry(
                f"index-{entry.id}",
                entry.heading,
                entry.kind,
                fold(entry.sort or entry.heading),
                tuple(locations),
                tuple(f"index-{s}" for s, _ in entry.see if s in known),
                entry.origin,
            )
        )
    entries.sort(key=lambda e: (e.kind, e.sort_key))
    return tuple(entries), marks
