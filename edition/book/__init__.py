"""The book: every decision about the book's structure, made once for every writer.

Between the resolved model (``edition.model``) and the writers (``edition.writers.pdf``, ``.epub``): the
divisions and their roles, the contents, the index groups, the bibliography's lists, the order of the
textual notes and the labels. A writer receives a :class:`Book` and only renders it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from edition.book.bibliography import BibliographySplit, split_bibliography
from edition.book.contents import ContentsEntry, contents
from edition.book.dates import EditionDate, parse_date
from edition.book.divisions import FrontEssay, NoteOnText, front_essays, note_on_text
from edition.book.index import IndexGroup, index_groups
from edition.book.labels import Labels, labels_for
from edition.book.notes import NoteGroup, note_groups
from edition.book.people import AboutPeople, about_people
from edition.book.series import at_foot
from edition.book.site_strings import STRINGS, SiteStrings, site_strings_for
from edition.model import Edition, Emendation, Variant

__all__ = ["Book", "book_of"]


@dataclass(frozen=True, slots=True)
class Book:
    edition: Edition
    labels: Labels
    date: EditionDate
    essays: tuple[FrontEssay, ...]
    note_on_text: NoteOnText
    bibliography: BibliographySplit
    index: tuple[IndexGroup, ...]
    # Every emendation (by number) and variant (in text order): a book without pages lists them all; print
    # leaves out those of a foot series (``at_back``).
    textual_notes: tuple[Emendation, ...]
    variant_readings: tuple[Variant, ...] = ()
    footnote_refs: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    # The author's notes at the back, by section when their labels repeat (edition/book/notes.py).
    notes: tuple[NoteGroup, ...] = ()
    # The web edition's own words (its controls), with the site words of ``labels:`` applied.
    site_strings: SiteStrings = STRINGS
    # The people's notes: the authors' ("About the Authors"), and the editors' and contributors'.
    about_authors: AboutPeople | None = None
    about_others: AboutPeople | None = None

    @property
    def about(self) -> tuple[AboutPeople, ...]:
        """The groups there are, the authors' first (as the EPUB and web imprints list them)."""
        return tuple(group for group in (self.about_authors, self.about_others) if group is not None)

    def at_back(self, kind: str) -> bool:
        """True when print sets entries of ``kind`` (emendations, variants) at the back, not at the foot."""
        return not at_foot(self.edition, kind)

    def contents(
        self, *, gloss_endnotes: bool = False, foot_apparatus: bool = False
    ) -> tuple[ContentsEntry, ...]:
        return contents(
            self.edition,
            self.essays,
            self.note_on_text,
            self.labels,
            bibliography=not self.bibliography.empty,
            gloss_endnotes=gloss_endnotes,
            foot_apparatus=foot_apparatus,
        )

    def lemma_sigla(self, variant: Variant) -> tuple[str, ...]:
        """The sigla printed after a variant's lemma: its witnesses in a positive apparatus, none in a
        negative one (the edition's ``apparatus_form``)."""
        return variant.lemma_witnesses if self.edition.style.apparatus_form == "positive" else ()

    def essay_role(self, element_id: str) -> str | None:
        return next((item.role for item in self.essays if item.essay.element_id == element_id), None)


def book_of(edition: Edition, label_overrides: Mapping[str, str] | None = None) -> Book:
    """The book of ``edition``: labels and the site's words for its language with edition.yaml's
    ``labels:`` (then ``label_overrides``) applied. The edition's date was checked when it was read
    (``edition check``)."""
    overrides = {**dict(edition.labels), **(label_overrides or {})}
    labels = labels_for(edition.metadata.language, overrides)
    essays = front_essays(edition.front_matter)
    about_authors, about_others = about_people(edition.contributor_notes, labels)
    return Book(
        edition=edition,
        labels=labels,
        date=parse_date(edition.metadata.date),
        essays=essays,
        note_on_text=note_on_text(edition, essays),
        bibliography=split_bibliography(edition.bibliography),
        index=index_groups(edition.index, labels),
        textual_notes=tuple(sorted(edition.emendations, key=lambda e: e.number)),
        variant_readings=edition.variants,
        footnote_refs=MappingProxyType({note.element_id: note.ref_id for note in edition.footnotes}),
        notes=note_groups(edition),
        site_strings=site_strings_for(edition.metadata.language, overrides),
        about_authors=about_authors,
        about_others=about_others,
    )
