"""The book's labels: one English table behind ``labels_for``, overrides by label name."""

from __future__ import annotations

import pytest

from edition.book.labels import ENGLISH, LABEL_NAMES, Labels, UnknownLabelError, labels_for


def test_english_for_english_tags_and_for_languages_without_a_table() -> None:
    assert labels_for("en", {}) is ENGLISH
    assert labels_for("en-GB", {}) is ENGLISH
    assert labels_for("xx", {}) is ENGLISH


def test_an_override_replaces_one_label_and_keeps_the_rest() -> None:
    labels = labels_for("en", {"note_on_the_text": "A Note on the Text"})
    assert isinstance(labels, Labels)
    assert labels.note_on_the_text == "A Note on the Text"
    assert labels.index == ENGLISH.index
    assert ENGLISH.note_on_the_text == "Note on the Text"  # the table itself is not changed


def test_an_unknown_label_name_is_refused() -> None:
    with pytest.raises(UnknownLabelError, match="notes_on_text"):
        labels_for("en", {"notes_on_text": "x"})


def test_every_label_has_text() -> None:
    assert all(getattr(ENGLISH, name).strip() for name in LABEL_NAMES)
    assert len(ENGLISH.months) == 12


def test_index_groups_are_named_by_kind() -> None:
    assert [ENGLISH.index_group(kind) for kind in ("person", "term", "gadget")] == [
        "Persons",
        "Terms",
        "Gadget",
    ]
