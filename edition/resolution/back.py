"""The last passes: the editor's front matter and the bibliography of the works cited or recommended."""

from __future__ import annotations

from edition.bibliography import element_id_for
from edition.check_cache import Reads
from edition.config import EditionConfig
from edition.diagnostics import Diagnostic
from edition.model import BibEntry, ContributorNote, Essay, Origin
from edition.resolution.citing import Citer
from edition.resolution.inputs import read_markdown
from edition.resolution.notes import NoteRenderer


def front_matter(
    config: EditionConfig, notes: NoteRenderer, problems: list[Diagnostic], reads: Reads
) -> tuple[Essay, ...]:
    essays = []
    for n, ref in enumerate(config.front_matter, 1):
        raw = read_markdown(config.root, ref.path, ref.origin, problems, note_markup=True, reads=reads)
        if raw is not None:
            essays.append(Essay(f"front-{n}", ref.title, notes.document(raw), Origin(ref.path), ref.role))
    return tuple(essays)


def contributor_notes(config: EditionConfig, notes: NoteRenderer) -> tuple[ContributorNote, ...]:
    """The people's notes, Markdown like any note (citations, cross-references, emphasis, typography)."""
    return tuple(
        ContributorNote(person.name, person.relator, notes.blocks(person.note))
        for person in config.person_notes
    )


def bibliography(config: EditionConfig, citer: Citer, problems: list[Diagnostic]) -> tuple[BibEntry, ...]:
    """The works cited and those under further_reading, in the style's order; a work neither cited nor
    recommended is warned about."""
    further = []
    for ref in config.further_reading:
        if ref.key not in citer.items and citer.unread:
            continue
        if ref.key not in citer.items:
            problems.append(
                Diagnostic.at(
                    ref.origin,
                    "error",
                    "unknown-citation-key",
                    f"further_reading names unknown bibliography key '{ref.key}'",
                    "add the work to the bibliography file",
                )
            )
        else:
            further.append(ref.key)
    for key, item in citer.items.items():
        if not citer.was_cited(key) and key not in further:
            problems.append(
                Diagnostic.at(
                    item.origin,
                    "warning",
                    "unused-bibliography-entry",
                    f"bibliography entry '{key}' is never cited",
                    "cite it, list it under further_reading in edition.yaml, or remove it",
                )
            )
    if citer.formatter is None:
        return ()
    keys = [k for k in citer.items if citer.was_cited(k) or k in further]
    formatted = citer.formatter.entries(keys)
    return tuple(
        # "Further reading" lists only works not already cited.
        BibEntry(
            key,
            element_id_for(key),
            formatted[key],
            citer.was_cited(key),
            key in further and not citer.was_cited(key),
            citer.items[key].origin,
        )
        for key in formatted  # in the style's order (contributors, date, title for Chicago)
    )
