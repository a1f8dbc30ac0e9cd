"""A small hand-built model for the book layer's tests: only what the book decides about."""

from __future__ import annotations

from edition.model import (
    BibEntry,
    Edition,
    Essay,
    EssayRole,
    Heading,
    IndexEntry,
    IndexLocation,
    Metadata,
    Origin,
    Person,
    Section,
    SourceWitness,
    Style,
    Text,
)

ORIGIN = Origin("edition.yaml", 1, 1)


def essay(number: int, title: str, role: EssayRole | None = None) -> Essay:
    return Essay(f"front-{number}", title, (), Origin(f"front/{number}.md"), role)


def index_entry(
    element_id: str, heading: str, kind: str, marks: tuple[tuple[str, int], ...], *see: str
) -> IndexEntry:
    return IndexEntry(
        element_id,
        heading,
        kind,
        heading.casefold(),
        tuple(IndexLocation(mark, paragraph) for mark, paragraph in marks),
        see,
        Origin("apparatus/index.yaml", 3, 5),
    )


def bib(key: str, *, cited: bool, further: bool) -> BibEntry:
    return BibEntry(key, f"bib-{key}", (Text(key),), cited, further, Origin("bibliography.yaml"))


def edition(
    essays: tuple[Essay, ...] = (),
    *,
    witnesses: bool = True,
    index: tuple[IndexEntry, ...] = (),
    bibliography: tuple[BibEntry, ...] = (),
    date: str = "2026-11-26",
    headed_sections: int = 0,
) -> Edition:
    sections = tuple(
        Section(
            f"sec-{n}",
            f"Part {n}",
            Heading(f"h-{n}", 2, (Text(f"Part {n}"),), ORIGIN),
            (),
            ORIGIN,
        )
        for n in range(1, headed_sections + 1)
    ) or (Section("sec-1", None, None, (), ORIGIN),)
    return Edition(
        name="book",
        root=".",
        metadata=Metadata(
            title="A Book",
            subtitle=None,
            authors=(Person("Ada Author"),),
            editors=(),
            language="en",
            date=date,
            rights="public domain",
            identifier="urn:uuid:0",
            publisher=None,
            subject=(),
            description=None,
            witnesses=(SourceWitness("A", "The first printing"),) if witnesses else (),
        ),
        style=Style(),
        front_matter=essays,
        sections=sections,
        footnotes=(),
        glosses=(),
        emendations=(),
        cross_references=(),
        anchors=(),
        citations=(),
        index=index,
        bibliography=bibliography,
    )
