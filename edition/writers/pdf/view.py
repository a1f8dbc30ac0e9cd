"""What the print templates receive: the book (``edition.book``) plus what only print has.

The book's structure (contents, which essay gets the generated sigla, the bibliography split, the index
groups, the labels) comes from ``edition.book``; this adds the pages of an earlier layout, the glosses
printed as endnotes and the ids whose page numbers are printed. The templates only walk it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Literal

from edition.book import Book, book_of
from edition.book.bibliography import FurtherReading
from edition.book.contents import ContentsEntry
from edition.book.labels import Labels
from edition.diagnostics import Diagnostic
from edition.model import BibEntry, Edition, Gloss, PageRef
from edition.writers.pdf.index import PrintedIndex, build_index
from edition.writers.pdf.pages import PLACEHOLDER, PageMap

# Ids of the divisions the writer adds; the prefix keeps them apart from the resolver's ids.
CONTENTS_ID = "ed-contents"
TEXT_ID = "ed-text"
NOTE_ON_TEXT_ID = "ed-note-on-the-text"
ENDNOTES_ID = "ed-notes"
TEXTUAL_NOTES_ID = "ed-textual-notes"
VARIANT_READINGS_ID = "ed-variant-readings"
BIBLIOGRAPHY_ID = "ed-bibliography"
INDEX_ID = "ed-index"
GLOSS_ENDNOTES_ID = "ed-gloss-notes"


@dataclass(frozen=True, slots=True)
class TocEntry:
    href: str
    title: str
    level: int
    numbering: Literal["roman", "arabic"]


@dataclass(frozen=True, slots=True)
class BookView:
    book: Book
    edition: Edition
    labels: Labels
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
    # The copy-text's headings the contents list (and so the bookmarks): id -> level (2 to 4).
    listed_headings: Mapping[str, int] = field(default_factory=dict)
    # Running heads shortened to fit one line (running_heads.py): "book" or a section id -> the text.
    shortened_heads: Mapping[str, str] = field(default_factory=dict)

    def head(self, key: str, text: str) -> str:
        """The running head printed for ``key`` (``text`` unless a layout found it too long)."""
        return self.shortened_heads.get(key, text)

    @property
    def textual_notes_at_back(self) -> bool:
        return bool(self.book.textual_notes) and self.book.at_back("emendations")

    @property
    def variant_readings_at_back(self) -> bool:
        return bool(self.book.variant_readings) and self.book.at_back("variants")

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
    shortened_heads: Mapping[str, str] | None = None,
) -> BookView:
    """The view of the book whose page references and index print the pages of ``pages``.

    ``pages`` comes from an earlier layout (None before any: placeholders are printed and the index is
    only its heading). ``endnote_glosses`` are the ids of glosses no margin could hold: they print as
    endnotes instead. With ``index_apart`` the index is left out of the book (it is laid out on its own).
    """
    book = book_of(edition)
    endnoted = tuple(gloss for gloss in edition.glosses if gloss.element_id in endnote_glosses)
    index, index_warnings = PrintedIndex(()), tuple[Diagnostic, ...]()
    if pages is not None and edition.index and not index_apart:
        index, index_warnings = build_index(book.index, pages.page_of, pages.folio)
    book_contents = book.contents(gloss_endnotes=bool(endnoted), foot_apparatus=True)
    contents = tuple(_toc_entry(entry) for entry in book_contents)
    return BookView(
        book=book,
        edition=edition,
        labels=book.labels,
        stylesheets=stylesheets,
        created=created,
        contents=contents,
        note_on_text=book.note_on_text.receives_list,
        generated_note_on_text=book.note_on_text.generated,
        footnote_refs=book.footnote_refs,
        works_cited=book.bibliography.works_cited,
        further_reading=book.bibliography.further_reading,
        index=index if edition.index else None,
        endnote_glosses=endnote_glosses,
        endnoted=endnoted,
        pages=pages,
        printed_ids=_printed_ids(edition, contents),
        index_warnings=index_warnings,
        index_apart=index_apart,
        shortened_heads=dict(shortened_heads or {}),
        listed_headings={
            entry.element_id: entry.level
            for entry in book_contents
            if entry.kind == "section" and entry.element_id is not None
        },
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


# Where print puts the divisions the book adds.
_DIVISION_IDS = {
    "note-on-the-text": NOTE_ON_TEXT_ID,
    "text": TEXT_ID,
    "author-notes": ENDNOTES_ID,
    "gloss-endnotes": GLOSS_ENDNOTES_ID,
    "textual-notes": TEXTUAL_NOTES_ID,
    "variant-readings": VARIANT_READINGS_ID,
    "bibliography": BIBLIOGRAPHY_ID,
    "index": INDEX_ID,
}


def _toc_entry(entry: ContentsEntry) -> TocEntry:
    element_id = entry.element_id or _DIVISION_IDS[entry.kind]
    return TocEntry(f"#{element_id}", entry.title, entry.level, "roman" if entry.front else "arabic")
