"""The words the EPUB writer adds itself (headings, link labels), kept in one place.

Only English exists for now; the edition's language is still declared on every document, so a reading
system reads the text right. A translation is another ``Labels`` value.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Labels:
    cover: str = "Cover"
    title_page: str = "Title Page"
    imprint: str = "Imprint"
    contents: str = "Contents"
    landmarks: str = "Landmarks"
    page_list: str = "Print Page List"
    print_edition: str = "Print edition (PDF)"
    start_of_text: str = "Start of the Text"
    edited_by: str = "Edited by"
    about_authors: str = "About the Author"
    copy_text: str = "Copy-text"
    rights: str = "Rights"
    identifier: str = "Identifier"
    published: str = "Published"
    edition_date: str = "Edition date"
    note_on_the_text: str = "Note on the Text"
    witnesses: str = "Witnesses"
    copy_text_marker: str = "copy-text"
    normalisations: str = "Normalisations"
    normalisations_intro: str = "These changes are made silently throughout the text:"
    author_notes: str = "Author’s Notes"
    textual_notes: str = "Textual Notes"
    textual_notes_key: str = (
        "Each note gives the paragraph (§), the reading this edition prints, a bracket, then the reading of "
        "the copy-text and the siglum of its witness; conj. marks the editor’s conjecture."
    )
    conjecture: str = "conj."
    omitted: str = "om."
    bibliography: str = "Bibliography"
    works_cited: str = "Works Cited"
    further_reading: str = "Further Reading"
    index: str = "Index"
    see_also: str = "See also"
    notes_section: str = "Notes"
    paragraph_sign: str = "§"
    # Screen readers announce note links by these names ("Gloss 3", "Author’s note 1, back to the text").
    gloss: str = "Gloss"
    author_note: str = "Author’s note"
    textual_note: str = "Textual note"
    back_to_text: str = "back to the text"


ENGLISH = Labels()
