"""The book plan: which files the book is divided into, in what order, and which file holds every element id.

The EPUB writes each file as XHTML; the web edition renames them into its pages
(``edition.writers.web.site``).

Everything a template needs that is not in the model is decided here, once, before anything is rendered:
file names, titles, the table of contents, landmarks, where each gloss's pop-up note goes, and the map from
element id to file that turns a cross-reference into a link.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Literal

from edition.book import Book
from edition.book.index import IndexLine
from edition.book.labels import Labels
from edition.book.notes import NoteGroup
from edition.book.people import AboutPeople
from edition.model import BibEntry, Block, Edition, Emendation, Essay, Gloss, Heading, Section, Variant
from edition.writers.html.errors import HtmlError
from edition.writers.html.walk import IdWalker, glosses_in, textual_note_id, variant_reading_id

DocumentKind = Literal[
    "cover",
    "titlepage",
    "imprint",
    "nav",
    "essay",
    "note",
    "section",
    "endnotes",
    "textual-notes",
    "variant-readings",
    "bibliography",
    "index",
]
Matter = Literal["frontmatter", "bodymatter", "backmatter"]

# Ids of containers the writer adds. Model ids never contain ".", so these cannot collide with them.
NAV_TOC_ID = "ed.toc"
NAV_LANDMARKS_ID = "ed.landmarks"
NAV_PAGE_LIST_ID = "ed.page-list"


@dataclass(frozen=True, slots=True)
class Document:
    """One XHTML file of the book, in spine order."""

    href: str
    kind: DocumentKind
    title: str
    matter: Matter
    essay: Essay | None = None
    section: Section | None = None
    glosses: tuple[Gloss, ...] = ()  # pop-up notes placed at the end of this file (sections, author's notes)
    adds_witnesses: bool = False  # the Note on the Text: sigla and normalisations follow its own blocks
    introduction: bool = False  # an essay marked as the introduction (epub:type and landmark)
    opens_text: bool = False  # the first section file: it carries the edition's title if untitled


@dataclass(frozen=True, slots=True)
class TocEntry:
    label: str
    href: str
    children: tuple[TocEntry, ...] = ()


@dataclass(frozen=True, slots=True)
class Landmark:
    epub_type: str
    label: str
    href: str


@dataclass(frozen=True, slots=True)
class IndexGroup:
    """One group of the book's index (``edition.book.index``) with the id of its ``<section>``."""

    title: str
    element_id: str
    lines: tuple[IndexLine, ...]


@dataclass(frozen=True, slots=True)
class BookPlan:
    documents: tuple[Document, ...]
    toc: tuple[TocEntry, ...]
    landmarks: tuple[Landmark, ...]
    locations: Mapping[str, str]  # element id -> file
    flow: tuple[tuple[str, str], ...]  # (element id, file) in reading order, notes in pop-ups left out
    walker: IdWalker
    works_cited: tuple[BibEntry, ...]
    further_reading: tuple[BibEntry, ...]
    index_groups: tuple[IndexGroup, ...]
    index_headed: bool  # more than one group: each gets its heading
    textual_notes: tuple[Emendation, ...]
    notes: tuple[NoteGroup, ...] = ()  # the author's notes, by section when their labels repeat
    about: tuple[AboutPeople, ...] = ()  # the people's notes, in the imprint
    variant_readings: tuple[Variant, ...] = ()
    lemma_sigla: Mapping[str, tuple[str, ...]] = field(
        default_factory=dict
    )  # positive apparatus: the lemma's

    def document(self, kind: DocumentKind) -> Document | None:
        return next((doc for doc in self.documents if doc.kind == kind), None)


def plan_book(book: Book) -> BookPlan:
    """Lay the book out as files; raises :class:`HtmlError` when two elements would share an id."""
    edition, labels = book.edition, book.labels
    walker = IdWalker(dict(book.footnote_refs))
    documents = tuple(_documents(book))
    index_groups = tuple(
        IndexGroup(group.title, f"ed.index.{position}", group.lines)
        for position, group in enumerate(book.index, start=1)
    )
    textual_notes = book.textual_notes
    flow: list[tuple[str, str]] = []
    locations: dict[str, str] = {}

    def place(element_id: str, href: str, *, in_flow: bool) -> None:
        if element_id in locations:
            raise HtmlError(
                f"element id {element_id!r} occurs twice (in {locations[element_id]} and {href}); "
                "every id must be unique in the book"
            )
        locations[element_id] = href
        if in_flow:
            flow.append((element_id, href))

    for doc in documents:
        for element_id in _flow_ids(doc, edition, walker, index_groups, textual_notes, book.about):
            place(element_id, doc.href, in_flow=True)
        for element_id in _note_ids(doc, walker):
            place(element_id, doc.href, in_flow=False)

    return BookPlan(
        documents=documents,
        toc=_toc(documents, book),
        landmarks=_landmarks(documents, labels),
        locations=locations,
        flow=tuple(flow),
        walker=walker,
        works_cited=book.bibliography.works_cited,
        further_reading=tuple(item.entry for item in book.bibliography.further_reading),
        index_groups=index_groups,
        index_headed=len(index_groups) > 1,
        textual_notes=textual_notes,
        notes=book.notes,
        about=book.about,
        variant_readings=book.variant_readings,
        lemma_sigla={v.element_id: book.lemma_sigla(v) for v in book.variant_readings},
    )


def _documents(book: Book) -> Iterator[Document]:
    edition, labels = book.edition, book.labels
    names = _FileNames()
    yield Document("cover.xhtml", "cover", labels.cover, "frontmatter")
    yield Document("titlepage.xhtml", "titlepage", labels.title_page, "frontmatter")
    yield Document("imprint.xhtml", "imprint", labels.imprint, "frontmatter")
    yield Document("nav.xhtml", "nav", labels.contents, "frontmatter")
    note = book.note_on_text
    for item in book.essays:
        yield Document(
            names.make("front", item.essay.element_id),
            "essay",
            item.essay.title,
            "frontmatter",
            essay=item.essay,
            adds_witnesses=item.essay.element_id == note.receives_list,
            introduction=item.role == "introduction",
        )
    if note.generated:
        yield Document(
            "note-on-the-text.xhtml", "note", labels.note_on_the_text, "frontmatter", adds_witnesses=True
        )
    for position, section in enumerate(edition.sections):
        title = section.title or edition.metadata.title
        yield Document(
            names.make("text", section.element_id),
            "section",
            title,
            "bodymatter",
            section=section,
            glosses=tuple(glosses_in(_with_heading(section))),
            opens_text=position == 0,
        )
    if edition.footnotes:
        notes = tuple(gloss for footnote in edition.footnotes for gloss in glosses_in(footnote.blocks))
        yield Document("endnotes.xhtml", "endnotes", labels.author_notes, "backmatter", glosses=notes)
    if edition.emendations:
        yield Document("textual-notes.xhtml", "textual-notes", labels.textual_notes, "backmatter")
    if edition.variants:
        yield Document("variant-readings.xhtml", "variant-readings", labels.variant_readings, "backmatter")
    if not book.bibliography.empty:
        yield Document("bibliography.xhtml", "bibliography", labels.bibliography, "backmatter")
    if edition.index:
        yield Document("index.xhtml", "index", labels.index, "backmatter")


def _flow_ids(
    doc: Document,
    edition: Edition,
    walker: IdWalker,
    index_groups: tuple[IndexGroup, ...],
    textual_notes: tuple[Emendation, ...],
    about: tuple[AboutPeople, ...],
) -> Iterator[str]:
    """Ids of a document in reading order, as its template writes them (notes in pop-ups excluded)."""
    if doc.kind == "essay" and doc.essay is not None:
        yield doc.essay.element_id
        yield from walker.block_ids(doc.essay.blocks)
    elif doc.kind == "imprint":
        for people in about:
            for note in people.notes:
                yield from walker.block_ids(note.blocks)
    elif doc.kind == "section" and doc.section is not None:
        yield doc.section.element_id
        if doc.section.heading is not None:
            yield from walker.block_ids((doc.section.heading,))
        yield from walker.block_ids(doc.section.blocks)
    elif doc.kind == "endnotes":
        for footnote in edition.footnotes:
            yield footnote.element_id
            yield from walker.block_ids(footnote.blocks)
    elif doc.kind == "textual-notes":
        for emendation in textual_notes:
            yield textual_note_id(emendation.element_id)
            yield from walker.block_ids(emendation.note)
    elif doc.kind == "variant-readings":
        for variant in edition.variants:
            yield variant_reading_id(variant.element_id)
            yield from walker.block_ids(variant.note)
    elif doc.kind == "bibliography":  # works cited, then further reading not cited (as the template lists)
        cited = [entry for entry in edition.bibliography if entry.cited]
        for entry in cited + [entry for entry in edition.bibliography if not entry.cited]:
            yield entry.element_id
            yield from walker.inlines_ids(entry.content)
    elif doc.kind == "index":
        for group in index_groups:
            yield group.element_id
            for line in group.lines:
                yield line.entry.element_id


def _note_ids(doc: Document, walker: IdWalker) -> Iterator[str]:
    """Ids inside the pop-up notes at the end of a section file."""
    for gloss in doc.glosses:
        yield gloss.element_id
        yield from walker.block_ids(gloss.body)


def _toc(documents: tuple[Document, ...], book: Book) -> tuple[TocEntry, ...]:
    """The book's contents (``edition.book.contents``) as links to files, after the title page and imprint.

    The text's entry links to the first section file; the copy-text's headings are nested under it by
    their level (a ``###`` under its section), each linking to its heading. Every heading the contents
    list is in the navigation, the first section's too.
    """
    fixed = {doc.kind: doc.href for doc in documents}
    by_id: dict[str, str] = {}
    for doc in documents:
        if doc.essay is not None:
            by_id[doc.essay.element_id] = doc.href
        if doc.section is not None:
            for heading_id in _heading_ids(doc.section):
                by_id[heading_id] = f"{doc.href}#{heading_id}"
            if doc.section.heading is not None:  # a section's own heading: its file, from the top
                by_id[doc.section.heading.element_id] = doc.href
    kind_href = {
        "note-on-the-text": fixed.get("note"),
        "author-notes": fixed.get("endnotes"),
        "textual-notes": fixed.get("textual-notes"),
        "variant-readings": fixed.get("variant-readings"),
        "bibliography": fixed.get("bibliography"),
        "index": fixed.get("index"),
    }
    first = next((doc for doc in documents if doc.kind == "section"), None)
    contents = book.contents()
    headings = [
        (entry.level, entry.title, by_id[entry.element_id])
        for entry in contents
        if entry.kind == "section" and entry.element_id is not None
    ]
    entries = [
        TocEntry(book.labels.title_page, fixed["titlepage"]),
        TocEntry(book.labels.imprint, fixed["imprint"]),
    ]
    for entry in contents:
        if entry.kind == "section":
            continue
        if entry.kind == "text":
            if first is not None:
                entries.append(TocEntry(entry.title, first.href, _nested(headings)))
            continue
        href = by_id[entry.element_id] if entry.element_id is not None else kind_href.get(entry.kind)
        if href is not None:
            entries.append(TocEntry(entry.title, href))
    return tuple(entries)


def _with_heading(section: Section) -> tuple[Block, ...]:
    """A section's blocks with its heading first: a gloss can be on the heading's words."""
    return section.blocks if section.heading is None else (section.heading, *section.blocks)


def _heading_ids(section: Section) -> Iterator[str]:
    for block in section.blocks:
        if isinstance(block, Heading):
            yield block.element_id


def _nested(headings: list[tuple[int, str, str]]) -> tuple[TocEntry, ...]:
    """(level, title, href) in reading order as a tree: each entry holds the deeper ones that follow it.
    A heading deeper than the one before it by more than a level is nested one level down (no gaps)."""
    out: list[TocEntry] = []
    position = 0
    while position < len(headings):
        _, title, href = headings[position]
        end = position + 1
        while end < len(headings) and headings[end][0] > headings[position][0]:
            end += 1
        children = _nested(headings[position + 1 : end])
        out.append(TocEntry(title, href, children))
        position = end
    return tuple(out)


def _landmarks(documents: tuple[Document, ...], labels: Labels) -> tuple[Landmark, ...]:
    by_kind = {doc.kind: doc for doc in reversed(documents)}
    marks = [
        Landmark("cover", labels.cover, "cover.xhtml"),
        Landmark("titlepage", labels.title_page, "titlepage.xhtml"),
        Landmark("toc", labels.contents, f"nav.xhtml#{NAV_TOC_ID}"),
    ]
    if "section" in by_kind:
        marks.append(Landmark("bodymatter", labels.start_of_text, by_kind["section"].href))
    for kind, epub_type in (("endnotes", "endnotes"), ("bibliography", "bibliography"), ("index", "index")):
        if kind in by_kind:
            marks.append(Landmark(epub_type, by_kind[kind].title, by_kind[kind].href))
    return tuple(marks)


_FIXED_NAMES = frozenset(
    {
        "cover",
        "titlepage",
        "imprint",
        "nav",
        "note-on-the-text",
        "endnotes",
        "textual-notes",
        "variant-readings",
        "bibliography",
        "index",
    }
)


class _FileNames:
    """File names from model ids (``sec-2.xhtml``): safe characters, never a fixed name or one used twice."""

    def __init__(self) -> None:
        self._used: set[str] = set(_FIXED_NAMES)

    def make(self, prefix: str, element_id: str) -> str:
        stem = re.sub(r"[^A-Za-z0-9_-]+", "-", element_id).strip("-")
        if not stem or stem in self._used:
            stem = f"{prefix}-{stem or 'part'}"
        name, count = stem, 1
        while name in self._used:
            count += 1
            name = f"{stem}-{count}"
        self._used.add(name)
        return f"{name}.xhtml"
