"""The whole TEI document: header, front (title page, editorial essays), body (the text's divisions, nested
by heading level), back (bibliography)."""

from __future__ import annotations

from lxml import etree

from edition.book import Book
from edition.model import BibEntry, Section
from edition.writers.tei.header import add_header
from edition.writers.tei.names import element, witness_ids
from edition.writers.tei.text import Lookups, add_blocks, add_inlines


def tei_document(book: Book) -> etree._Element:
    edition = book.edition
    metadata = edition.metadata
    ids = witness_ids(tuple(w.siglum for w in metadata.witnesses))
    lookups = Lookups(
        index_entries={entry.element_id: entry for entry in edition.index},
        footnotes={note.element_id: note for note in edition.footnotes},
        witness_ids=ids,
        variant_ids=frozenset(v.element_id for v in edition.variants),
    )
    tei = element(None, "TEI", xml_lang=metadata.language)
    add_header(tei, book, ids)
    text = element(tei, "text")
    _front(element(text, "front"), book, lookups)
    _body(element(text, "body"), edition.sections, lookups)
    if not book.bibliography.empty:
        _back(element(text, "back"), book, lookups)
    return tei


def _front(front: etree._Element, book: Book, lookups: Lookups) -> None:
    metadata = book.edition.metadata
    title_page = element(front, "titlePage")
    title = element(title_page, "docTitle")
    element(title, "titlePart", metadata.title, type="main")
    if metadata.subtitle:
        element(title, "titlePart", metadata.subtitle, type="sub")
    if metadata.authors:
        byline = element(title_page, "byline")
        for n, person in enumerate(metadata.authors):
            if n:
                byline[-1].tail = ", "
            element(byline, "docAuthor", person.name)
    for item in book.essays:
        essay = item.essay
        division = element(front, "div", type=item.role or "preface", xml_id=essay.element_id)
        element(division, "head", essay.title)
        add_blocks(division, essay.blocks, lookups)


def _body(body: etree._Element, sections: tuple[Section, ...], lookups: Lookups) -> None:
    """Each section a ``<div>``, nested under the last section with a higher-level heading."""
    stack: list[tuple[int, etree._Element]] = [(0, body)]
    for section in sections:
        level = section.heading.level if section.heading is not None else stack[-1][0] + 1
        while len(stack) > 1 and stack[-1][0] >= level:
            stack.pop()
        division = element(stack[-1][1], "div", type="section", xml_id=section.element_id)
        if section.heading is not None:
            add_inlines(element(division, "head"), section.heading.content, lookups)
        add_blocks(division, section.blocks, lookups)
        if section.heading is not None:
            stack.append((level, division))
    if not len(body):
        element(body, "p")


def _back(back: etree._Element, book: Book, lookups: Lookups) -> None:
    labels = book.labels
    division = element(back, "div", type="bibliography")
    element(division, "head", labels.bibliography)
    split = book.bibliography
    if split.works_cited:
        _list(division, labels.works_cited if split.headed else None, split.works_cited, True, lookups)
    if split.further_reading:
        entries = tuple(item.entry for item in split.further_reading)
        anchored = {item.entry.key for item in split.further_reading if item.anchor}
        listing = element(division, "listBibl", type="further-reading")
        if split.headed:
            element(listing, "head", labels.further_reading)
        for entry in entries:
            _entry(listing, entry, entry.key in anchored, lookups)


def _list(
    parent: etree._Element, head: str | None, entries: tuple[BibEntry, ...], ids: bool, lookups: Lookups
) -> None:
    listing = element(parent, "listBibl", type="works-cited")
    if head:
        element(listing, "head", head)
    for entry in entries:
        _entry(listing, entry, ids, lookups)


def _entry(listing: etree._Element, entry: BibEntry, with_id: bool, lookups: Lookups) -> None:
    bibl = element(listing, "bibl", xml_id=entry.element_id) if with_id else element(listing, "bibl")
    add_inlines(bibl, entry.content, lookups)
