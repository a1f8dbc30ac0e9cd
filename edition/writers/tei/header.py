"""The TEI header: who made the edition, what it publishes, its witnesses, and how variants are encoded."""

from __future__ import annotations

from collections.abc import Mapping

from lxml import etree

from edition.book import Book
from edition.model import Metadata, Person
from edition.writers.tei.names import element

# MARC relator codes of the people TEI's title statement names as author or editor; others get a respStmt.
_AUTHOR, _EDITOR = "aut", "edt"


def add_header(tei: etree._Element, book: Book, witness_ids: Mapping[str, str]) -> None:
    metadata = book.edition.metadata
    header = element(tei, "teiHeader")
    description = element(header, "fileDesc")
    _title_statement(element(description, "titleStmt"), metadata)
    _publication(element(description, "publicationStmt"), metadata)
    source = element(description, "sourceDesc")
    if metadata.witnesses:
        listing = element(source, "listWit")
        for witness in metadata.witnesses:
            entry = element(listing, "witness", xml_id=witness_ids[witness.siglum], n=witness.siglum)
            entry.text = witness.description
            if witness.url:
                entry.text += " "
                element(entry, "ref", witness.url, target=witness.url)
    else:
        element(source, "p", "Born digital.")
    encoding = element(header, "encodingDesc")
    element(encoding, "variantEncoding", method="parallel-segmentation", location="internal")
    profile = element(header, "profileDesc")
    usage = element(profile, "langUsage")
    element(usage, "language", metadata.language, ident=metadata.language)


def _title_statement(statement: etree._Element, metadata: Metadata) -> None:
    element(statement, "title", metadata.title, type="main")
    if metadata.subtitle:
        element(statement, "title", metadata.subtitle, type="sub")
    for person in metadata.authors:
        element(statement, "author", person.name)
    for person in metadata.editors:
        element(statement, "editor", person.name)
    for person in metadata.contributors:
        _responsibility(statement, person)


def _responsibility(statement: etree._Element, person: Person) -> None:
    if person.relator == _AUTHOR:
        element(statement, "author", person.name)
    elif person.relator == _EDITOR:
        element(statement, "editor", person.name)
    else:
        responsibility = element(statement, "respStmt")
        element(responsibility, "resp", person.role or person.relator or "contributor")
        element(responsibility, "persName", person.name)


def _publication(statement: etree._Element, metadata: Metadata) -> None:
    if metadata.publisher:
        element(statement, "publisher", metadata.publisher)
    else:  # TEI wants someone responsible for the publication: the editors
        element(statement, "authority", ", ".join(p.name for p in metadata.editors) or metadata.title)
    element(statement, "idno", metadata.identifier)
    availability = element(statement, "availability")
    element(availability, "licence", metadata.rights)
    # The writer's book_of has parsed it: YYYY, YYYY-MM or YYYY-MM-DD exactly as written, TEI's @when.
    element(statement, "date", metadata.date, when=metadata.date)
