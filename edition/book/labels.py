"""Every word the book adds itself (division titles, headings, link names), in one table per language.

Writers never spell a label: the print templates and the EPUB templates both read a :class:`Labels`
value. ``labels_for`` picks the table for the edition's language and applies the edition's own overrides
(a label name → the text to print instead). Only English exists so far; a language without a table gets
English, and the edition's language is still declared on every output document so a reader reads it right.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from typing import Any

from edition.book.label_tables import LABEL_TABLES, MONTHS, primary_language
from edition.book.site_strings import SITE_STRING_NAMES


class UnknownLabelError(ValueError):
    """An override names a label that does not exist."""

    def __init__(self, name: str) -> None:
        super().__init__(f"there is no label named {name!r}")
        self.name = name


@dataclass(frozen=True, slots=True)
class Labels:
    """The book's own words. Field names are the keys an override uses."""

    # Divisions of the book.
    cover: str
    title_page: str
    imprint: str
    contents: str
    note_on_the_text: str
    author_notes: str
    gloss_endnotes: str
    gloss_endnotes_intro: str
    textual_notes: str
    bibliography: str
    works_cited: str
    further_reading: str
    index: str
    # Index groups, by the kind of entry.
    index_persons: str
    index_terms: str
    index_places: str
    index_works: str
    index_other: str
    see_also: str
    # Title page and imprint.
    edited_by: str
    translated_by: str
    about_authors: str
    about_authors_plural: str
    about_contributors: str
    about_contributors_plural: str
    copy_text: str
    published_by: str
    this_edition: str
    rights: str
    identifier: str
    published: str
    edition_date: str
    # The Note on the Text's generated part.
    sigla: str
    witnesses: str
    copy_text_marker: str
    normalisations: str
    normalisations_intro: str
    # Apparatus.
    textual_notes_key: str
    conjecture: str
    omitted: str
    variant_readings: str
    variant_readings_key: str
    variant_reading: str  # what a screen reader announces for a link to one
    paragraph_sign: str
    page_abbreviation: str
    # A lemma in a heading (no § of its own): "p. 3 heading" in print, "heading before § 5" elsewhere.
    heading: str
    heading_before: str
    # Navigation and names screen readers announce ("Gloss 3", "Author’s note 1, back to the text").
    landmarks: str
    page_list: str
    print_edition: str
    start_of_text: str
    notes_section: str
    gloss: str
    author_note: str
    textual_note: str
    back_to_text: str
    months: tuple[str, ...]

    def index_group(self, kind: str) -> str:
        """The heading of the index group for entries of ``kind`` (an unknown kind is capitalised)."""
        titles = {
            "person": self.index_persons,
            "term": self.index_terms,
            "place": self.index_places,
            "work": self.index_works,
            "other": self.index_other,
        }
        return titles.get(kind, kind.capitalize())


ENGLISH = Labels(
    cover="Cover",
    title_page="Title Page",
    imprint="Imprint",
    contents="Contents",
    note_on_the_text="Note on the Text",
    author_notes="Notes",
    gloss_endnotes="Editorial Notes",
    gloss_endnotes_intro="These notes were too long for the margin of their page.",
    textual_notes="Textual Notes",
    bibliography="Bibliography",
    works_cited="Works Cited",
    further_reading="Further Reading",
    index="Index",
    index_persons="Persons",
    index_terms="Terms",
    index_places="Places",
    index_works="Works",
    index_other="Other",
    see_also="See also",
    edited_by="Edited by",
    translated_by="Translated by",
    about_authors="About the Author",
    about_authors_plural="About the Authors",
    about_contributors="About the Contributor",
    about_contributors_plural="About the Contributors",
    copy_text="Copy-text",
    published_by="Published by",
    this_edition="This edition",
    rights="Rights",
    identifier="Identifier",
    published="Published",
    edition_date="Edition date",
    sigla="Sigla",
    witnesses="Witnesses",
    copy_text_marker="copy-text",
    normalisations="Normalisations",
    normalisations_intro="These changes are made silently throughout the text:",
    textual_notes_key=(
        "Each note gives the paragraph (§), the reading this edition prints, a bracket, then the reading of "
        "the copy-text and the siglum of its witness; conj. marks the editor’s conjecture."
    ),
    conjecture="conj.",
    omitted="om.",
    variant_readings="Variant Readings",
    variant_readings_key=(
        "Each entry gives the paragraph (§), the words of the copy-text, a bracket, then what the other "
        "witnesses read, each reading followed by their sigla; om. marks an omission."
    ),
    variant_reading="Variant reading",
    paragraph_sign="§",
    page_abbreviation="p.",
    heading="heading",
    heading_before="heading before",
    landmarks="Landmarks",
    page_list="Print Page List",
    print_edition="Print edition (PDF)",
    start_of_text="Start of the Text",
    notes_section="Notes",
    gloss="Gloss",
    author_note="Author’s note",
    textual_note="Textual note",
    back_to_text="back to the text",
    months=(
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
)

_FIELD_NAMES = frozenset(spec.name for spec in fields(Labels))
# Language (primary subtag, lower case) -> its table. Further languages are added here.
_TABLES: Mapping[str, Labels] = {
    "en": ENGLISH,
    **{
        language: Labels(
            **{name: text for name, text in table.items() if name in _FIELD_NAMES},
            months=MONTHS[language],
        )
        for language, table in LABEL_TABLES.items()
        if language != "en"
    },
}
LABEL_NAMES = frozenset(spec.name for spec in fields(Labels) if spec.name != "months")


def labels_for(language: str, overrides: Mapping[str, str]) -> Labels:
    """The labels for ``language`` (a BCP 47 tag such as ``en-GB``), with ``overrides`` applied. Overrides
    of the web site's words (``edition.book.site_strings``), which share edition.yaml's ``labels:``, are
    left to ``site_strings_for``.

    Raises :class:`UnknownLabelError` for an override naming neither a label nor a site word.
    """
    table = _TABLES.get(primary_language(language), ENGLISH)
    own = {}
    for name, text in overrides.items():
        if name in LABEL_NAMES:
            own[name] = text
        elif name not in SITE_STRING_NAMES:
            raise UnknownLabelError(name)
    return replace(table, **dict[str, Any](own)) if own else table
