"""The bibliography's two lists."""

from __future__ import annotations

from book_sample import bib

from edition.book.bibliography import split_bibliography


def test_cited_then_further_reading_an_entry_in_both_carries_its_id_once() -> None:
    split = split_bibliography(
        (
            bib("a", cited=True, further=False),
            bib("b", cited=True, further=True),
            bib("c", cited=False, further=True),
        )
    )
    assert [e.key for e in split.works_cited] == ["a", "b"]
    assert [(f.entry.key, f.anchor) for f in split.further_reading] == [("b", False), ("c", True)]
    assert split.headed and not split.empty


def test_one_list_needs_no_heading_and_none_is_empty() -> None:
    assert not split_bibliography((bib("a", cited=True, further=False),)).headed
    assert split_bibliography(()).empty
