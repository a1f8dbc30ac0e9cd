"""The space after a closing quotation mark moves into the styled span after it, and nothing else moves."""

from __future__ import annotations

from edition.model import Anchor, Styled, Text
from edition.writers.pdf.templates import Marked, attach_points, space_into_styles


def test_the_space_after_a_closing_quote_moves_into_the_emphasis_that_follows() -> None:
    nodes = (Text("Betrayed.” "), Styled("em", (Text("International"),)), Text(", no. 36"))
    assert space_into_styles(nodes) == (
        Text("Betrayed.”"),
        Styled("em", (Text(" "), Text("International"))),
        Text(", no. 36"),
    )
    # Punctuation after the quotation mark ("Betrayed”. ") is the same pattern.
    assert space_into_styles((Text("Betrayed”. "), Styled("em", (Text("I"),))))[0] == Text("Betrayed”.")


def test_an_anchor_on_the_emphasis_keeps_it_and_the_space_goes_inside() -> None:
    nodes = attach_points((Text("“A.” "), Anchor("x"), Styled("em", (Text("B"),))))
    out = space_into_styles(nodes)
    assert out[0] == Text("“A.”")
    assert out[1] == Marked((("x", "anchor"),), (Styled("em", (Text(" "), Text("B"))),))


def test_other_spaces_stay_where_they_are() -> None:
    unchanged = [
        (Text("plain "), Styled("em", (Text("B"),))),  # no quotation mark
        (Text("“A” "), Text("B")),  # no inline element after it
        (Text("“A” and "), Styled("em", (Text("B"),))),  # the quotation mark is not at the end
        (Text("“A”"), Styled("em", (Text(" B"),))),  # no space to move
    ]
    for nodes in unchanged:
        assert space_into_styles(nodes) == nodes
