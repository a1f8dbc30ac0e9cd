"""The web edition's own words: one table per language, replaced by name from edition.yaml's ``labels:``."""

from __future__ import annotations

import dataclasses

import pytest

from edition.book import book_of
from edition.book.labels import ENGLISH, LABEL_NAMES, UnknownLabelError, labels_for
from edition.book.site_strings import SITE_STRING_NAMES, STRINGS, site_strings_for
from edition.resolve import check_edition
from tests.conftest import MINI


def test_site_words_and_labels_are_told_apart_by_name() -> None:
    overrides = {"skip_link": "Straight to the text", "textual_notes": "Emendations"}
    words = site_strings_for("en", overrides)
    assert words.skip_link == "Straight to the text" and words.search == STRINGS.search
    labels = labels_for("en", overrides)
    assert labels.textual_notes == "Emendations" and labels.contents == ENGLISH.contents
    assert not SITE_STRING_NAMES & LABEL_NAMES  # one key, so no name may mean both


def test_the_table_is_the_language_s_and_an_override_wins_over_it() -> None:
    german = site_strings_for("de-AT", {})
    assert german.search == "Suchen"
    assert site_strings_for("de", {"search": "Finden"}) == dataclasses.replace(german, search="Finden")
    assert site_strings_for("xx", {}) is STRINGS


def test_a_name_that_is_neither_is_still_refused() -> None:
    with pytest.raises(UnknownLabelError, match="skip_links"):
        labels_for("en", {"skip_links": "x"})


def test_the_book_carries_the_site_words_of_edition_yaml() -> None:
    edition = check_edition(MINI).edition
    assert edition is not None
    edition = dataclasses.replace(edition, labels=(("previous", "Back"), ("index", "Register")))
    book = book_of(edition)
    assert book.site_strings.previous == "Back" and book.labels.index == "Register"
