"""A large synthetic edition: the copy-text and its apparatus repeated N times, renumbered consistently.

Used by the slow EPUBCheck test and by ``bench/epub.py`` (the ×16 size). Copy k of every id gets the suffix
``-c<k>`` (copy 0 keeps its ids), paragraph ids stay ``p-<§>`` with § numbers running on, and gloss and
emendation numbers run on too. Front matter and bibliography are kept once; index entries gather the
locations of every copy.
"""

from __future__ import annotations

import re
from dataclasses import fields, is_dataclass, replace

from edition.model import (
    BibEntry,
    Edition,
    Emendation,
    Essay,
    Gloss,
    IndexEntry,
    IndexLocation,
    LemmaSpan,
    Metadata,
    Origin,
    Paragraph,
    Section,
    Style,
    Target,
    iter_paragraphs,
)

_ID_FIELDS = frozenset({"element_id", "lemma_id", "ref_id", "footnote_id"})
_KEEP = (BibEntry, IndexEntry, Metadata, Style, Origin, Essay)
_PARAGRAPH_ID = re.compile(r"p-(\d+)")


class _Copier:
    def __init__(self, copy: int, paragraphs: int, glosses: int, emendations: int):
        self.copy = copy
        self.paragraphs = copy * paragraphs
        self.glosses = copy * glosses
        self.emendations = copy * emendations

    def rename(self, element_id: str) -> str:
        if self.copy == 0:
            return element_id
        match = _PARAGRAPH_ID.fullmatch(element_id)
        if match:
            return f"p-{int(match.group(1)) + self.paragraphs}"
        return f"{element_id}-c{self.copy}"

    def __call__(self, value):
        if isinstance(value, tuple):
            return tuple(self(item) for item in value)
        if not is_dataclass(value) or isinstance(value, _KEEP):
            return value
        changes = {}
        for spec in fields(value):
            current = getattr(value, spec.name)
            if spec.name in _ID_FIELDS and isinstance(current, str):
                keep = isinstance(value, Target) and value.kind == "index"
                changes[spec.name] = current if keep else self.rename(current)
            elif (spec.name == "paragraph" and isinstance(value, LemmaSpan | Target | IndexLocation)) or (
                spec.name == "number" and isinstance(value, Paragraph)
            ):
                changes[spec.name] = None if current is None else current + self.paragraphs
            elif spec.name == "number" and isinstance(value, Gloss):
                changes[spec.name] = current + self.glosses
            elif spec.name == "number" and isinstance(value, Emendation):
                changes[spec.name] = current + self.emendations
            elif spec.name == "label" and isinstance(value, Target) and value.paragraph is not None:
                changes[spec.name] = f"§ {value.paragraph + self.paragraphs}"
            else:
                changes[spec.name] = self(current)
        return replace(value, **changes)


def multiply(edition: Edition, copies: int, name: str | None = None) -> Edition:
    """The edition with its text and apparatus repeated ``copies`` times."""
    # Paragraphs of the author's notes are numbered too (after the text), so count every § in use.
    notes = Section(
        "notes", None, None, tuple(b for f in edition.footnotes for b in f.blocks), edition.origin
    )
    paragraphs = max((p.number or 0 for p in iter_paragraphs((*edition.sections, notes))), default=0)
    copiers = [_Copier(k, paragraphs, len(edition.glosses), len(edition.emendations)) for k in range(copies)]

    def gather(attribute: str) -> tuple:
        return tuple(item for copier in copiers for item in copier(getattr(edition, attribute)))

    index = tuple(
        replace(
            entry, locations=tuple(copier(location) for copier in copiers for location in entry.locations)
        )
        for entry in edition.index
    )
    return replace(
        edition,
        name=name or f"{edition.name}-x{copies}",
        sections=gather("sections"),
        footnotes=gather("footnotes"),
        glosses=gather("glosses"),
        emendations=gather("emendations"),
        cross_references=gather("cross_references"),
        anchors=gather("anchors"),
        citations=gather("citations"),
        index=index,
    )
