"""The book plan: which XHTML files the EPUB has, in what order, and which file holds every element id.

Everything a template needs that is not in the model is decided here, once, before anything is rendered:
file names, titles, the table of contents, landmarks, where each gloss's pop-up note goes, and the map from
element id to file that turns a cross-reference into a link.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Literal

from edition.model import BibEntry, Edition, Emendation, Essay, Gloss, IndexEntry, IndexLocation, Section
from edition.writers.epub.errors import EpubError
from edition.writers.epub.labels import Labels
from edition.writers.epub.walk import IdWalker, glosses_in, textual_note_id

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
class SeeAlso:
    heading: str
    element_id: str


@dataclass(frozen=True, slots=True)
class IndexLine:
    """An index entry as printed: one link per paragraph it occurs in, then its "see also" entries."""

    entry: IndexEntry
    locations: tuple[IndexLocation, ...]
    see: tuple[SeeAlso, ...]


@dataclass(frozen=True, slots=True)
class IndexGroup:
    """Index entries under one initial letter."""

    letter: str
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
    textual_notes: tuple[Emendation, ...]

    def document(self, kind: DocumentKind) -> Document | None:
        return next((doc for doc in self.documents if doc.kind == kind), None)


def plan_book(edition: Edition, labels: Labels) -> BookPlan:
    """Lay the edition out as files; raises :class:`EpubError` when two elements would share an id."""
    walker = IdWalker({footnote.element_id: footnote.ref_id for footnote in edition.footnotes})
    documents = tuple(_documents(edition, labels))
    index_groups = _index_groups(edition.index)
    textual_notes = tuple(sorted(edition.emendations, key=lambda e: e.number))
    flow: list[tuple[str, str]] = []
    locations: dict[str, str] = {}

    def place(element_id: str, href: str, *, in_flow: bool) -> None:
        if element_id in locations:
            raise EpubError(
                f"element id {element_id!r} occurs twice (in {locations[element_id]} and {href}); "
                "every id must be unique in the book"
            )
        locations[element_id] = href
        if in_flow:
            flow.append((element_id, href))

    for doc in documents:
        for element_id in _flow_ids(doc, edition, walker, index_groups, textual_notes):
            place(element_id, doc.href, in_flow=True)
        for element_id in _note_ids(doc, walker):
            place(element_id, doc.href, in_flow=False)

    works_cited = tuple(entry for entry in edition.bibliography if entry.cited)
    further = tuple(entry for entry in edition.bibliography if entry.further_reading or not entry.cited)
    return BookPlan(
        documents=documents,
        toc=_toc(documents, edition, labels),
        landmarks=_landmarks(documents, labels),
        locations=locations,
        flow=tuple(flow),
        walker=walker,
        works_cited=works_cited,
        further_reading=further,
        index_groups=index_groups,
        textual_notes=textual_notes,
    )


def _documents(edition: Edition, labels: Labels) -> Iterator[Document]:
    names = _FileNames()
    yield Document("cover.xhtml", "cover", labels.cover, "frontmatter")
    yield Document("titlepage.xhtml", "titlepage", labels.title_page, "frontmatter")
    yield Document("imprint.xhtml", "imprint", labels.imprint, "frontmatter")
    yield Document("nav.xhtml", "nav", labels.contents, "frontmatter")
    note = _note_on_the_text(edition.front_matter)
    for essay in edition.front_matter:
        yield Document(
            names.make("front", essay.element_id),
            "essay",
            essay.title,
            "frontmatter",
            essay=essay,
            adds_witnesses=essay is note,
            introduction=_is_named(essay, "introduction"),
        )
    if note is None:
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
            glosses=tuple(glosses_in(section.blocks)),
            opens_text=position == 0,
        )
    if edition.footnotes:
        notes = tuple(gloss for footnote in edition.footnotes for gloss in glosses_in(footnote.blocks))
        yield Document("endnotes.xhtml", "endnotes", labels.author_notes, "backmatter", glosses=notes)
    if edition.emendations:
        yield Document("textual-notes.xhtml", "textual-notes", labels.textual_notes, "backmatter")
    if edition.bibliography:
        yield Document("bibliography.xhtml", "bibliography", labels.bibliography, "backmatter")
    if edition.index:
        yield Document("index.xhtml", "index", labels.index, "backmatter")


def _note_on_the_text(essays: tuple[Essay, ...]) -> Essay | None:
    """The essay the witness list belongs after. The model has no flag for it, so it is found by name."""
    return next((essay for essay in essays if _is_named(essay, "note on the text")), None)


def _is_named(essay: Essay, words: str) -> bool:
    slug = words.replace(" ", "-")
    return essay.element_id == slug or essay.element_id.endswith("-" + slug) or _words(essay.title) == words


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def _flow_ids(
    doc: Document,
    edition: Edition,
    walker: IdWalker,
    index_groups: tuple[IndexGroup, ...],
    textual_notes: tuple[Emendation, ...],
) -> Iterator[str]:
    """Ids of a document in reading order, as its template writes them (notes in pop-ups excluded)."""
    if doc.kind == "essay" and doc.essay is not None:
        yield doc.essay.element_id
        yield from walker.block_ids(doc.essay.blocks)
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


def _toc(documents: tuple[Document, ...], edition: Edition, labels: Labels) -> tuple[TocEntry, ...]:
    entries: list[TocEntry] = []
    sections = [doc for doc in documents if doc.kind == "section"]
    for doc in documents:
        if doc.kind in ("cover", "nav"):
            continue
        if doc.kind == "section":
            if doc is sections[0]:
                children = tuple(TocEntry(d.title, d.href) for d in sections if d.section and d.section.title)
                if sections[0].section and sections[0].section.title:
                    children = children[1:]
                entries.append(TocEntry(edition.metadata.title, doc.href, children))
            continue
        entries.append(TocEntry(doc.title, doc.href))
    return tuple(entries)


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


def _index_groups(entries: tuple[IndexEntry, ...]) -> tuple[IndexGroup, ...]:
    ordered = sorted(entries, key=lambda e: (e.sort_key.casefold(), e.heading.casefold(), e.element_id))
    by_id = {entry.element_id: entry for entry in entries}
    groups: dict[str, list[IndexLine]] = {}
    for entry in ordered:
        initial = (entry.sort_key or entry.heading)[:1].upper()
        see = tuple(
            SeeAlso(other.heading, other.element_id)
            for other in (_see_entry(name, by_id) for name in entry.see)
            if other is not None
        )
        line = IndexLine(entry, _first_per_paragraph(entry.locations), see)
        groups.setdefault(initial if initial.isalpha() else "#", []).append(line)
    return tuple(
        IndexGroup(letter, f"ed.index.{position}", tuple(lines))
        for position, (letter, lines) in enumerate(groups.items(), start=1)
    )


def _see_entry(name: str, by_id: Mapping[str, IndexEntry]) -> IndexEntry | None:
    """A "see also" names an entry by its element id or by the id the editor wrote (``idx-`` prefixed)."""
    if name in by_id:
        return by_id[name]
    matches = [entry for element_id, entry in by_id.items() if element_id.endswith("-" + name)]
    return matches[0] if len(matches) == 1 else None


def _first_per_paragraph(locations: tuple[IndexLocation, ...]) -> tuple[IndexLocation, ...]:
    seen: set[int] = set()
    kept: list[IndexLocation] = []
    for location in locations:
        if location.paragraph not in seen:
            seen.add(location.paragraph)
            kept.append(location)
    return tuple(kept)


_FIXED_NAMES = frozenset(
    {
        "cover",
        "titlepage",
        "imprint",
        "nav",
        "note-on-the-text",
        "endnotes",
        "textual-notes",
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
