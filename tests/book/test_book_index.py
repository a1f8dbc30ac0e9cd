"""One index grouping for every writer: by kind, then alphabetical without case."""

from __future__ import annotations

from book_sample import index_entry

from edition.book.index import index_groups
from edition.book.labels import ENGLISH


def test_groups_by_kind_in_a_fixed_order_then_alphabetical() -> None:
    entries = (
        index_entry("idx-z", "zeta", "term", (("z", 1),)),
        index_entry("idx-b", "Beta, Bob", "person", (("b", 2),)),
        index_entry("idx-a", "abel", "person", (("a", 3),)),
        index_entry("idx-w", "A Work", "work", (("w", 1),)),
        index_entry("idx-q", "Quux", "gadget", (("q", 1),)),
        index_entry("idx-m", "Market", "term", (("m", 1),)),
    )
    groups = index_groups(entries, ENGLISH)
    assert [(g.kind, g.title) for g in groups] == [
        ("person", "Persons"),
        ("term", "Terms"),
        ("work", "Works"),
        ("gadget", "Gadget"),
    ]
    assert [line.entry.heading for line in groups[0].lines] == ["abel", "Beta, Bob"]
    assert [line.entry.heading for line in groups[1].lines] == ["Market", "zeta"]  # case does not sort


def test_a_line_keeps_every_mark_and_the_first_one_per_paragraph() -> None:
    entry = index_entry("idx-a", "alpha", "term", (("a1", 1), ("a2", 1), ("a3", 4)))
    (line,) = index_groups((entry,), ENGLISH)[0].lines
    assert [loc.element_id for loc in line.locations] == ["a1", "a2", "a3"]
    assert [loc.element_id for loc in line.paragraphs] == ["a1", "a3"]


def test_see_also_by_element_id_or_by_the_editors_id() -> None:
    entries = (
        index_entry("idx-market", "market", "term", (("m", 1),), "town", "idx-town", "nowhere"),
        index_entry("idx-town", "town", "place", (("t", 1),)),
    )
    line = index_groups(entries, ENGLISH)[0].lines[0]
    assert [(see.heading, see.element_id) for see in line.see] == [("town", "idx-town"), ("town", "idx-town")]
