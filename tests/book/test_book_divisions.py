"""Roles of the front matter essays and the Note on the Text, decided once for every writer."""

from __future__ import annotations

import pytest
from book_sample import edition, essay

from edition.book import book_of
from edition.book.divisions import role_from_title


@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("Note on the Text", "note-on-the-text"),
        ("A Note on the Text", "note-on-the-text"),
        ("The Note on the Text.", "note-on-the-text"),
        ("NOTE ON THE TEXT", "note-on-the-text"),
        ("Introduction", "introduction"),
        ("An Introduction", "introduction"),
        ("Notes on the Text and its Sources", None),
        ("A Note on the Translation", None),
        ("Preface", None),
    ],
)
def test_the_title_fallback(title: str, role: str | None) -> None:
    assert role_from_title(title) == role


def test_a_note_titled_a_note_on_the_text_receives_the_sigla_and_no_second_note_is_made() -> None:
    book = book_of(edition((essay(1, "Introduction"), essay(2, "A Note on the Text"))))
    assert book.note_on_text.receives_list == "front-2"
    assert not book.note_on_text.generated
    assert [entry.kind for entry in book.contents()].count("note-on-the-text") == 0
    assert [(item.essay.element_id, item.role) for item in book.essays] == [
        ("front-1", "introduction"),
        ("front-2", "note-on-the-text"),
    ]


def test_a_declared_role_wins_over_titles() -> None:
    essays = (essay(1, "Note on the Text"), essay(2, "About this edition", "note-on-the-text"))
    book = book_of(edition(essays))
    assert book.note_on_text.receives_list == "front-2"
    assert [item.role for item in book.essays] == [None, "note-on-the-text"]


def test_without_a_note_one_is_generated_when_there_is_something_to_list() -> None:
    book = book_of(edition((essay(1, "Introduction"),)))
    assert book.note_on_text.generated
    entries = book.contents()
    assert [(e.kind, e.title, e.front) for e in entries[:3]] == [
        ("essay", "Introduction", True),
        ("note-on-the-text", "Note on the Text", True),
        ("text", "A Book", False),
    ]


def test_nothing_to_list_no_generated_note_and_the_editors_note_gets_no_list() -> None:
    assert not book_of(edition((), witnesses=False)).note_on_text.generated
    book = book_of(edition((essay(1, "Note on the Text"),), witnesses=False))
    assert book.note_on_text.receives_list is None


def test_a_role_is_given_once() -> None:
    book = book_of(edition((essay(1, "Note on the Text"), essay(2, "A Note on the Text"))))
    assert [item.role for item in book.essays] == ["note-on-the-text", None]


def test_contents_list_headed_sections_under_the_text_and_back_matter_by_label() -> None:
    from book_sample import bib, index_entry

    book = book_of(
        edition(
            headed_sections=2,
            index=(index_entry("idx-a", "alpha", "term", (("m", 1),)),),
            bibliography=(bib("x", cited=True, further=False),),
        )
    )
    assert [(e.kind, e.title, e.level, e.element_id) for e in book.contents(gloss_endnotes=True)] == [
        ("note-on-the-text", "Note on the Text", 1, None),
        ("text", "A Book", 1, None),
        ("section", "Part 1", 2, "h-1"),
        ("section", "Part 2", 2, "h-2"),
        ("gloss-endnotes", "Editorial Notes", 1, None),
        ("bibliography", "Bibliography", 1, None),
        ("index", "Index", 1, None),
    ]
