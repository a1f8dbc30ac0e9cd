"""The author's notes at the back: grouped by section only when their labels repeat."""

from __future__ import annotations

from pathlib import Path

from edition.book import book_of
from edition.resolve import load_edition

FIXTURES = Path(__file__).parents[1] / "fixtures"


def test_restarting_labels_are_grouped_under_the_section_that_cites_them() -> None:
    book = book_of(load_edition(FIXTURES / "manifesto"))
    assert [(group.title, [note.label for note in group.notes]) for group in book.notes] == [
        ("I. Bourgeois and Proletarians", ["1", "2", "3"]),  # the first is cited in the heading itself
        ("III. Socialist and Communist Literature", ["1"]),
    ]
    flat = [note for group in book.notes for note in group.notes]
    assert flat == list(book.edition.footnotes)  # the same order as the ids are placed in


def test_labels_used_once_are_one_group_without_a_heading() -> None:
    book = book_of(load_edition(FIXTURES / "mini"))
    assert [(group.title, len(group.notes)) for group in book.notes] == [(None, 1)]
