"""The line scanner finds what it is for (it guards the default edition's pages)."""

from __future__ import annotations

from line_scan import Line, hyphen_ladders, lone_fragments


def test_a_line_of_one_hyphenated_fragment_is_found() -> None:
    lines = [Line(0, "the text ran on and on, and then"), Line(0, "al\u2010"), Line(0, "most ended here")]
    assert lone_fragments(lines) == [lines[1]]
    assert not lone_fragments([Line(0, "two words-"), Line(0, "well-known")][:1])


def test_three_hyphenated_line_ends_in_a_row_are_a_ladder() -> None:
    ends = ["revolu\u2010", "tion and soci\u2010", "ety in the consump\u2010", "tion of goods"]
    lines = [Line(1, text) for text in ends]
    assert hyphen_ladders(lines) == [lines[2]]
    assert not hyphen_ladders(lines[:2] + lines[3:])
