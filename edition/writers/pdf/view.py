"""What the print templates receive: the edition plus the few things derived for print.

Everything here is computed once from the model (contents, which essay gets the generated sigla, the
bibliography split); the templates only walk it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, fields, is_dataclass
from types import MappingProxyType
from typing import Literal

from edition.diagnostics import Diagnostic
from edition.model import BibEntry, Edition, Essay, Gloss, PageRef
from edition.writers.pdf.foot_apparatus import at_foot
from edition.writers.pdf.index import PrintedIndex, build_index
from edition.writers.pdf.pages import PLACEHOLDER, PageMap

# Ids of the divisions the writer adds; the prefix keeps them apart from the resolver's ids.
CONTENTS_ID = "ed-contents"
TEXT_ID = "ed-text"
NOTE_ON_TEXT_ID = "ed-note-on-the-text"
ENDNOTES_ID = "ed-notes"
TEXTUAL_NOTES_ID = "ed-textual-notes"
BIBLIOGRAPHY_ID = "ed-bibliography"
INDEX_ID = "ed-index"
GLOSS_ENDNOTES_ID = "ed-gloss-notes"
NOTE_ON_TEXT_TITLE = "note on the text"


@dataclass(frozen=True, slots=True)
class TocEntry:
    href: str
    title: str
    level: int
    numbering: Literal["roman", "arabic"]


@dataclass(frozen=True, slots=True)
class FurtherReading:
    """A further-reading entry; ``anchor`` is False when the entry is also in the works cited (one id)."""

    entry: BibEntry
    anchor: bool


@dataclass(frozen=True, slots=True)
class BookView:
    edition: Edition
    stylesheets: tuple[str, ...]
    created: str
    contents: tuple[TocEntry, ...]
    note_on_text: str | None
    generated_note_on_text: bool
    footnote_refs: Mapping[str, str]
    works_cited: tuple[BibEntry, ...]
    further_reading: tuple[FurtherReading, ...]
    index: PrintedIndex | None
    endnote_glosses: frozenset[str]
    endnoted: tuple[Gloss, ...]
    pages: PageMap | None
    printed_ids: frozenset[str]
    index_warnings: tuple[Diagnostic, ...]
    # The index is laid out as a document of its own after the rest of the book (see layout.py).
    index_apart: bool = False

    @property
    def textual_notes_at_back(self) -> bool:
        return bool(self.edition.emendations) and not at_foot(self.edition, "emendations")

    def page(self, element_id: str) -> str:
        """The page label printed for a reference to ``element_id`` (from the layout in ``pages``)."""
        return PLACEHOLDER if self.pages is None else self.pages.label(element_id)


def book_view(
    edition: Edition,
    stylesheets: tuple[str, ...],
    created: str,
    endnote_glosses: frozenset[str] = frozenset(),
    pages: PageMap | None = None,
    *,
    index_apart: bool = False,
) -> BookView:
    """The view of the book whose page references and index print the pages of ``pages``.

    ``pages`` comes from an earlier layout (None before any: placeholders are printed and the index is
    only its heading). ``endnote_glosses`` are the ids of glosses no margin could hold: they print as
    endnotes instead. With ``index_apart`` the index is left out of the book (it is laid out on its own).
    """
    endnoted = tuple(gloss for gloss in edition.glosses if gloss.element_id in endnote_glosses)
    note = _note_on_text(edition.front_matter)
    needs_note = bool(edition.metadata.witnesses or edition.normalisations)
    generated_note = note is None and needs_note
    works_cited = tuple(entry for entry in edition.bibliography if entry.cited)
    further = tuple(
        FurtherReading(entry, not entry.cited) for entry in edition.bibliography if entry.further_reading
    )
    index, index_warnings = PrintedIndex(()), ()
    if pages is not None and edition.index and not index_apart:
        index, index_warnings = build_index(edition.index, pages.page_of, pages.folio)
    contents = _contents(edition, generated_note, bool(works_cited or further), bool(endnoted))
    return BookView(
        edition=edition,
        stylesheets=stylesheets,
        created=created,
        contents=contents,
        note_on_text=note.element_id if note is not None and needs_note else None,
        generated_note_on_text=generated_note,
        footnote_refs=MappingProxyType({note.element_id: note.ref_id for note in edition.footnotes}),
        works_cited=works_cited,
        further_reading=further,
        index=index if edition.index else None,
        endnote_glosses=endnote_glosses,
        endnoted=endnoted,
        pages=pages,
        printed_ids=_printed_ids(edition, contents),
        index_warnings=index_warnings,
        index_apart=index_apart,
    )


def _printed_ids(edition: Edition, contents: tuple[TocEntry, ...]) -> frozenset[str]:
    """Every element id whose page number the book prints: cross-references, contents, textual notes,
    index marks, the margin notes' "from p. N" cues (and the start of the text, which fixes the
    numbering)."""
    ids = {TEXT_ID}
    ids.update(node.target.element_id for node in _walk(edition) if isinstance(node, PageRef))
    ids.update(entry.href.removeprefix("#") for entry in contents)
    ids.update(emendation.element_id for emendation in edition.emendations)
    ids.update(location.element_id for entry in edition.index for location in entry.locations)
    ids.update(f"glossref-{gloss.number}" for gloss in edition.glosses)  # the "from p. N" cue of a note
    return frozenset(ids)


def _walk(node: object) -> Iterator[object]:
    """Every dataclass instance in the model below ``node`` (the model is a tree)."""
    if isinstance(node, tuple):
        for item in node:
            yield from _walk(item)
    elif is_dataclass(node):
        yield node
        for spec in fields(node):
            value = getattr(node, spec.name)
            if isinstance(value, tuple) or is_dataclass(value):
                yield from _walk(value)


def _note_on_text(essays: tuple[Essay, ...]) -> Essay | None:
    """The essay that receives the generated list of sigla and normalisations (matched by its title)."""
    return next((essay for essay in essays if NOTE_ON_TEXT_TITLE in essay.title.casefold()), None)


def _contents(
    edition: Edition, generated_note: bool, bibliography: bool, gloss_endnotes: bool
) -> tuple[TocEntry, ...]:
    entries = [TocEntry(f"#{essay.element_id}", essay.title, 1, "roman") for essay in edition.front_matter]
    if generated_note:
        entries.append(TocEntry(f"#{NOTE_ON_TEXT_ID}", "Note on the Text", 1, "roman"))
    entries.append(TocEntry(f"#{TEXT_ID}", edition.metadata.title, 1, "arabic"))
    entries.extend(
        TocEntry(f"#{section.heading.element_id}", section.title or "", 2, "arabic")
        for section in edition.sections
        if section.heading is not None
    )
    if edition.footnotes:
        entries.append(TocEntry(f"#{ENDNOTES_ID}", "Notes", 1, "arabic"))
    if gloss_endnotes:
        entries.append(TocEntry(f"#{GLOSS_ENDNOTES_ID}", "Editorial Notes", 1, "arabic"))
    if edition.emendations and not at_foot(edition, "emendations"):
        entries.append(TocEntry(f"#{TEXTUAL_NOTES_ID}", "Textual Notes", 1, "arabic"))
    if bibliography:
        entries.append(TocEntry(f"#{BIBLIOGRAPHY_ID}", "Bibliography", 1, "arabic"))
    if edition.index:
        entries.append(TocEntry(f"#{INDEX_ID}", "Index", 1, "arabic"))
    return tuple(entries)
