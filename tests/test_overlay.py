"""The overlay: apparatus ranges over Markdown markup become a properly nested inline tree."""

from __future__ import annotations

from edition.markdown import parse_markdown
from edition.model import (
    Anchor,
    Emendation,
    Emended,
    LemmaSpan,
    Origin,
    Reading,
    Reference,
    Styled,
    Target,
    Text,
    Variant,
    VariantLemma,
)
from edition.overlay import PointOverlay, RangeOverlay, build_inlines

TARGET = Target("a-x", "anchor", 1, "§ 1")


def paragraph(markdown: str):
    return parse_markdown(markdown, "t.md").blocks[0]


def emendation(start: int, end: int, original: str, reading: str) -> Emendation:
    return Emendation(
        "em-x", 1, LemmaSpan(1, start, end, original), original, reading, "A", False, (), Origin("a.yaml")
    )


def test_plain_text_of_markup_is_what_lemmas_match() -> None:
    raw = paragraph("one *two* three")
    assert raw.text == "one two three"


def test_a_range_crossing_italics_is_split_inside_the_markup() -> None:
    raw = paragraph("one *two three* four")
    # "two three four" = offsets 4..18
    tree = build_inlines(raw.atoms, [RangeOverlay(8, 18, TARGET)])
    assert tree == (
        Text("one "),
        Styled("em", (Text("two "), Reference(TARGET, (Text("three"),)))),
        Reference(TARGET, (Text(" four"),)),
    )


def test_an_emendation_replaces_its_range_once_even_across_markup() -> None:
    raw = paragraph("state *surfs* were")
    em = emendation(6, 11, "surfs", "serfs")
    tree = build_inlines(raw.atoms, [RangeOverlay(6, 11, em)])
    assert tree == (Text("state "), Styled("em", (Emended(em, (Text("serfs"),)),)), Text(" were"))


def test_points_go_at_their_offsets_start_before_text_end_after() -> None:
    raw = paragraph("ab cd")
    tree = build_inlines(
        raw.atoms, [], [PointOverlay(3, Anchor("start"), "start"), PointOverlay(2, Anchor("end"), "end")]
    )
    assert tree == (Text("ab"), Anchor("end"), Text(" "), Anchor("start"), Text("cd"))


def test_points_inside_markup_stay_at_top_level_never_inside_a_link() -> None:
    raw = paragraph("see [the site](http://x.org) now")
    tree = build_inlines(raw.atoms, [], [PointOverlay(8, Anchor("mid"), "start")])
    links = [n for n in tree if not isinstance(n, Text | Anchor)]
    assert Anchor("mid") in tree
    assert len(links) == 2  # the link is split around the point rather than holding it


def variant(start: int, end: int, words: str) -> Variant:
    reading = Reading(("B",), "other", Origin("v.yaml"))
    span = LemmaSpan(1, start, end, words)
    return Variant("var-x", 1, span, (reading,), ("A",), None, (), Origin("v.yaml"))


def test_a_variant_lemma_stays_whole_across_markup_the_markup_splits_instead() -> None:
    raw = paragraph("one *two three* four")
    lemma = variant(8, 18, "three four")
    tree = build_inlines(raw.atoms, [RangeOverlay(8, 18, lemma)])
    assert tree == (
        Text("one "),
        Styled("em", (Text("two "),)),
        VariantLemma(lemma, (Styled("em", (Text("three"),)), Text(" four"))),
    )


def test_points_inside_a_variant_lemma_stay_inside_it_points_at_its_edges_outside() -> None:
    raw = paragraph("ab cd ef")
    lemma = variant(3, 8, "cd ef")
    points = [
        PointOverlay(3, Anchor("at-start"), "start"),
        PointOverlay(5, Anchor("inside"), "end"),
        PointOverlay(8, Anchor("at-end"), "end"),
    ]
    tree = build_inlines(raw.atoms, [RangeOverlay(3, 8, lemma)], points)
    assert tree == (
        Text("ab "),
        Anchor("at-start"),
        VariantLemma(lemma, (Text("cd"), Anchor("inside"), Text(" ef"))),
        Anchor("at-end"),
    )


def test_nested_variant_lemmas_nest_and_a_reference_inside_one_stays_inside() -> None:
    raw = paragraph("ab cd ef")
    outer, inner = variant(0, 8, "ab cd ef"), variant(3, 5, "cd")
    tree = build_inlines(
        raw.atoms, [RangeOverlay(3, 5, inner), RangeOverlay(0, 8, outer), RangeOverlay(3, 8, TARGET)]
    )
    assert tree == (
        VariantLemma(
            outer,
            (
                Text("ab "),
                VariantLemma(inner, (Reference(TARGET, (Text("cd"),)),)),
                Reference(TARGET, (Text(" ef"),)),
            ),
        ),
    )
