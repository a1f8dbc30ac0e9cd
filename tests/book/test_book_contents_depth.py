"""Subsections in the contents: listed to the style's depth, in reading order, at their own level."""

from __future__ import annotations

import dataclasses

import pytest
from book_sample import ORIGIN, edition

from edition.book import book_of
from edition.model import Edition, Heading, Paragraph, Section, Styled, Text
from edition.writers.html.plan import plan_book


def _with_subsections(depth: int) -> Edition:
    base = edition()
    chapter = Section(
        "sec-1",
        "Bourgeois and Proletarians",
        Heading(
            "h-1",
            2,
            (Text("Bourgeois and "), Styled("em", (Text("Proletarians"),))),
            ORIGIN,
        ),
        (
            Paragraph("p-1", 1, (Text("The history"),), ORIGIN),
            Heading("h-2", 3, (Text("Reactionary Socialism"),), ORIGIN),
            Heading("h-3", 4, (Text("Feudal Socialism"),), ORIGIN),
            Heading("h-4", 6, (Text("A sixth-level heading"),), ORIGIN),
            Heading("h-5", 3, (Text("Critical-Utopian Socialism"),), ORIGIN),
        ),
        ORIGIN,
    )
    second = Section("sec-2", "Position", Heading("h-6", 2, (Text("Position"),), ORIGIN), (), ORIGIN)
    return dataclasses.replace(
        base, sections=(chapter, second), style=dataclasses.replace(base.style, contents_depth=depth)
    )


def _headings(depth: int) -> list[tuple[str, int, str | None]]:
    book = book_of(_with_subsections(depth))
    return [(e.title, e.level, e.element_id) for e in book.contents() if e.kind == "section"]


def test_the_default_depth_lists_sections_and_their_subsections() -> None:
    assert _headings(3) == [
        ("Bourgeois and Proletarians", 2, "h-1"),
        ("Reactionary Socialism", 3, "h-2"),
        ("Critical-Utopian Socialism", 3, "h-5"),
        ("Position", 2, "h-6"),
    ]


@pytest.mark.parametrize(("depth", "count"), [(1, 0), (2, 2), (3, 4), (4, 6)])
def test_each_depth_lists_one_more_level(depth: int, count: int) -> None:
    levels = [level for _, level, _ in _headings(depth)]
    assert len(levels) == count and all(level <= max(depth, 2) for level in levels)


def test_headings_deeper_than_four_are_listed_at_four() -> None:
    assert ("A sixth-level heading", 4, "h-4") in _headings(4)


def test_the_epub_nav_nests_by_level_and_keeps_a_titled_first_section() -> None:
    plan = plan_book(book_of(_with_subsections(4)))
    (text,) = [entry for entry in plan.toc if entry.label == "A Book"]
    assert [child.label for child in text.children] == ["Bourgeois and Proletarians", "Position"]
    chapter = text.children[0]
    assert chapter.href == "sec-1.xhtml"
    assert [(c.label, c.href) for c in chapter.children] == [
        ("Reactionary Socialism", "sec-1.xhtml#h-2"),
        ("Critical-Utopian Socialism", "sec-1.xhtml#h-5"),
    ]
    assert [c.label for c in chapter.children[0].children] == ["Feudal Socialism", "A sixth-level heading"]
