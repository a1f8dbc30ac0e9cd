"""Two note marks side by side are set apart ("8,1", never "81"), wherever the first one ends."""

from __future__ import annotations

from edition.model import (
    Anchor,
    FootnoteRef,
    Gloss,
    GlossRef,
    Inline,
    LanguageSpan,
    LemmaSpan,
    Origin,
    Styled,
    Text,
)
from edition.writers.pdf.templates import attach_points, separated

ORIGIN = Origin("apparatus/glosses.yaml", 3, 5)
GLOSS = GlossRef(Gloss("gloss-a", "lemma-a", 8, LemmaSpan(1, 0, 4, "word"), (), ORIGIN))
NOTE = FootnoteRef("fn-1", "1")


def _apart(nodes: tuple[Inline, ...]) -> list[bool]:
    return [apart for apart, _ in separated(attach_points(nodes))]


def test_a_gloss_mark_then_an_authors_mark() -> None:
    assert _apart((Text("word"), GLOSS, NOTE, Text(" and"))) == [False, False, True, False]


def test_an_authors_mark_then_a_gloss_mark_and_two_authors_marks() -> None:
    assert _apart((Text("word"), NOTE, GLOSS)) == [False, False, True]
    assert _apart((Text("word"), NOTE, FootnoteRef("fn-2", "2"))) == [False, False, True]


def test_a_mark_at_the_end_of_emphasis_or_a_language_span_still_counts() -> None:
    emphasis = Styled("em", (Text("word"), GLOSS))
    assert _apart((emphasis, NOTE)) == [False, True]
    span = LanguageSpan("de", (Text("Wort"), NOTE), ORIGIN)
    assert _apart((span, GLOSS)) == [False, True]


def test_an_empty_anchor_between_marks_is_transparent() -> None:
    assert _apart((Text("word"), GLOSS, Anchor("a-x"), NOTE)) == [False, False, False, True]


def test_words_between_marks_need_no_separator() -> None:
    assert _apart((Text("word"), GLOSS, Text(" and "), NOTE)) == [False, False, False, False]
