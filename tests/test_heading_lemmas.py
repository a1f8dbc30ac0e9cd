"""Lemmas in headings: paragraphs first, headings when no paragraph has the words; `in: heading` picks."""

from __future__ import annotations

from edition.anchoring import Selector, Span, TextIndex
from edition.blocks import raw_paragraphs
from edition.diagnostics import Diagnostic
from edition.heading_lemmas import CopyText, copy_text_headings, same_place, text_order
from edition.markdown import parse_markdown
from edition.model import Origin

ORIGIN = Origin("apparatus/test.yaml", 3, 12)
TEXT = """\
## The state and revolution

The state withers away.

### Why the state withers

Its organs wither. The state and revolution, once more.

## Socialism

Last words.
"""


def copy_text() -> CopyText:
    document = parse_markdown(TEXT, "text/a.md")
    paragraphs = list(raw_paragraphs(document.blocks))
    numbers = {p.origin: n for n, p in enumerate(paragraphs, 1)}
    index = TextIndex([(n, p.text) for n, p in enumerate(paragraphs, 1)])
    return CopyText(index, copy_text_headings(document.blocks, lambda p: numbers.get(p.origin)))


def resolve(lemma: str, **keys: object) -> tuple[Span | None, list[Diagnostic], CopyText]:
    text = copy_text()
    selector = Selector(
        lemma,
        None,
        None,
        keys.get("occurrence"),  # type: ignore[arg-type]
        keys.get("before"),  # type: ignore[arg-type]
        keys.get("after"),  # type: ignore[arg-type]
        ORIGIN,
        keys.get("within"),  # type: ignore[arg-type]
    )
    problems: list[Diagnostic] = []
    return text.resolve(selector, "gloss 'x'", problems), problems, text


def test_each_heading_stands_before_the_next_paragraph() -> None:
    headings = copy_text().headings
    assert [(h.paragraph.text, h.level, h.following) for h in headings] == [
        ("The state and revolution", 2, 0),
        ("Why the state withers", 3, 1),
        ("Socialism", 2, 2),
    ]


def test_words_in_a_paragraph_stay_there_even_when_a_heading_has_them_too() -> None:
    span, problems, _ = resolve("The state and revolution")
    assert problems == [] and span == Span(1, 19, 43)  # § 2, not the first heading


def test_words_only_in_a_heading_anchor_in_it_keyed_by_the_paragraph_after_it() -> None:
    span, problems, text = resolve("Socialism")
    assert problems == [] and span == Span(2, 0, 9, heading=2)
    lemma = text.lemma(span)
    assert (lemma.paragraph, lemma.heading, lemma.text, lemma.in_heading) == (3, 3, "Socialism", True)


def test_in_heading_picks_the_heading_when_a_paragraph_has_the_words_too() -> None:
    span, problems, text = resolve("The state and revolution", within="heading")
    assert problems == [] and span == Span(0, 0, 24, heading=0)
    assert text.lemma(span).text == "The state and revolution"


def test_occurrence_and_context_count_among_the_headings_there() -> None:
    span, problems, _ = resolve("state", within="heading", occurrence=2)
    assert problems == [] and span == Span(1, 8, 13, heading=1)
    span, problems, _ = resolve("state", within="heading", after="withers")
    assert problems == [] and span == Span(1, 8, 13, heading=1)


def test_an_ambiguous_heading_lemma_lists_the_headings_by_their_place() -> None:
    span, problems, _ = resolve("state", within="heading")
    (problem,) = problems
    assert span is None and problem.code == "lemma-ambiguous"
    assert "the heading at text/a.md:1:1: …The [state]" in (problem.hint or "")
    assert "the heading at text/a.md:5:1" in (problem.hint or "")


def test_words_in_no_heading_with_in_heading_are_not_found_in_any_heading() -> None:
    span, problems, _ = resolve("withers away", within="heading")
    (problem,) = problems
    assert span is None and problem.code == "lemma-not-found"
    assert "does not occur in any heading" in problem.message


def test_words_nowhere_are_not_found_in_the_text_as_before() -> None:
    span, problems, _ = resolve("Capitalism")
    assert span is None and [(p.code, "in the text" in p.message) for p in problems] == [
        ("lemma-not-found", True)
    ]


def test_a_heading_lemma_orders_before_the_paragraph_it_stands_before() -> None:
    heading, paragraph = Span(1, 8, 13, heading=1), Span(1, 0, 3)
    assert sorted([paragraph, heading], key=text_order) == [heading, paragraph]
    assert sorted([Span(0, 0, 3), heading], key=text_order) == [Span(0, 0, 3), heading]
    assert not same_place(heading, paragraph) and same_place(paragraph, Span(1, 5, 9))
