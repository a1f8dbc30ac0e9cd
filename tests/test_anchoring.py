"""Anchoring: lemmas resolve to exactly the span they quote, with the least disambiguation needed."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from edition.anchoring import Selector, Span, TextIndex
from edition.diagnostics import Diagnostic
from edition.model import Origin
from edition.normalize import normalize

ORIGIN = Origin("apparatus/test.yaml", 3, 12)
WORDS = ["the", "state", "Stalin", "workers’", "bureaucracy", "“caste”", "1917", "—", "of", "a", "and"]


def selector(lemma=None, start=None, end=None, occurrence=None, before=None, after=None) -> Selector:
    return Selector(lemma, start, end, occurrence, before, after, ORIGIN)


def resolve(index: TextIndex, sel: Selector) -> tuple[Span | None, list[Diagnostic]]:
    problems: list[Diagnostic] = []
    return index.resolve(sel, "gloss 'x'", problems), problems


def test_normalisation_rules_match_quotes_dashes_ellipses_and_whitespace() -> None:
    index = TextIndex([(1, "the “workers’ state”—not yet…\nsocialism")])
    span, problems = resolve(index, selector('"workers\' state"-not yet... socialism'))
    assert problems == []
    assert span == Span(0, 4, 39)  # 16 + 1 + 7 + 1 + 1 + 9 characters from offset 4
    assert index.originals[0][span.start : span.end] == "“workers’ state”—not yet…\nsocialism"


def test_lemma_matches_whole_words_only() -> None:
    index = TextIndex([(1, "Stalinism and Stalin’s regime")])
    span, _ = resolve(index, selector("Stalin"))
    assert span == Span(0, 14, 20)


def test_lemma_never_crosses_paragraphs_and_says_so_not_check_the_spelling() -> None:
    index = TextIndex([(1, "a first one"), (4, "the end of one"), (5, "start of two")])
    span, problems = resolve(index, selector("end of one start"))
    (problem,) = problems
    assert span is None and problem.code == "lemma-spans-paragraphs"
    assert (problem.path, problem.line, problem.column) == ("apparatus/test.yaml", 3, 12)
    # Without passage ends (any kind but a gloss or a named anchor) nothing may run on over paragraphs.
    assert "§ 4" in problem.message and "§ 5" in problem.message
    assert "only glosses and named anchors" in problem.message
    assert "spelling" not in (problem.hint or "") and "within one paragraph" in (problem.hint or "")


def test_from_and_to_in_two_paragraphs_say_the_passage_spans_them() -> None:
    index = TextIndex([(1, "When the lines are long."), (2, "Then keep order."), (3, "keep order.")])
    span, problems = resolve(index, selector(start="When the lines", end="Then keep"))
    (problem,) = problems
    assert span is None and problem.code == "lemma-spans-paragraphs"
    assert "from § 1 into § 2" in problem.message


def test_words_misspelt_across_a_break_are_still_not_found() -> None:
    """Only words that really run on into the next paragraph are called spanning."""
    index = TextIndex([(1, "the end of one"), (2, "start of two")])
    for sel in (selector("one strat"), selector("the end of one"[::-1])):
        _span, problems = resolve(index, sel)
        assert [p.code for p in problems] == ["lemma-not-found"]
    _span, problems = resolve(index, selector(start="the end", end="of three"))
    assert [p.code for p in problems] == ["lemma-not-found"]


def test_from_to_takes_the_first_to_after_from_in_the_same_paragraph() -> None:
    index = TextIndex([(1, "When the lines are long, keep order. Keep order again."), (2, "keep order.")])
    span, _ = resolve(index, selector(start="When the lines", end="keep order."))
    assert span == Span(0, 0, 36)


def test_before_and_after_context_disambiguate() -> None:
    index = TextIndex([(1, "the state of the state")])
    first, _ = resolve(index, selector("state", after="of"))
    second, _ = resolve(index, selector("state", before="of the"))
    assert first == Span(0, 4, 9)
    assert second == Span(0, 17, 22)


def test_offsets_map_back_through_collapsed_whitespace_and_ellipsis() -> None:
    normal = normalize("a  b…c")
    assert normal.text == "a b...c"
    assert normal.to_original_start(2) == 3
    assert normal.to_original_end(6) == 5
    assert normal.to_original_start(6) == 5


texts = st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=30), min_size=1, max_size=6)


def minimal_selector(index: TextIndex, paragraph: int, start: int, end: int) -> Selector:
    """The lemma of a span with the least disambiguation: none, else its occurrence number."""
    lemma = index.originals[paragraph][start:end]
    plain = selector(lemma)
    found = [index.to_span(s, e) for s, e in index.candidates(plain)]
    if len(found) == 1:
        return plain
    return selector(lemma, occurrence=found.index(Span(paragraph, start, end)) + 1)


def word_spans(words: list[str]) -> list[tuple[int, int]]:
    spans, position = [], 0
    for word in words:
        spans.append((position, position + len(word)))
        position += len(word) + 1
    return spans


@settings(max_examples=150, deadline=None)
@given(texts, st.data())
def test_a_lemma_built_from_any_span_resolves_to_exactly_that_span(paragraphs, data) -> None:
    index = TextIndex([(n, " ".join(words)) for n, words in enumerate(paragraphs, 1)])
    p = data.draw(st.integers(0, len(paragraphs) - 1))
    spans = word_spans(paragraphs[p])
    i = data.draw(st.integers(0, len(spans) - 1))
    j = data.draw(st.integers(i, len(spans) - 1))
    start, end = spans[i][0], spans[j][1]
    span, problems = resolve(index, minimal_selector(index, p, start, end))
    assert problems == []
    assert span == Span(p, start, end)


@settings(max_examples=100, deadline=None)
@given(texts, st.data())
def test_an_edit_in_another_paragraph_never_moves_a_lemma(paragraphs, data) -> None:
    if len(paragraphs) < 2:
        paragraphs = [*paragraphs, ["and", "the", "state"]]
    index = TextIndex([(n, " ".join(words)) for n, words in enumerate(paragraphs, 1)])
    p = data.draw(st.integers(0, len(paragraphs) - 1))
    spans = word_spans(paragraphs[p])
    i = data.draw(st.integers(0, len(spans) - 1))
    start, end = spans[i]
    lemma = index.originals[p][start:end]
    # Disambiguate within the paragraph by context that survives edits elsewhere: the whole paragraph.
    words = paragraphs[p]
    sel = selector(" ".join(words))
    if len(index.candidates(sel)) != 1:
        return  # the paragraph itself repeats elsewhere; nothing stable to test here
    whole, _ = resolve(index, sel)
    other = data.draw(st.integers(0, len(paragraphs) - 1).filter(lambda q: q != p))
    edited = [list(w) for w in paragraphs]
    edited[other] = [*edited[other], data.draw(st.sampled_from(WORDS))]
    edited_index = TextIndex([(n, " ".join(w)) for n, w in enumerate(edited, 1)])
    moved, problems = resolve(edited_index, sel)
    if len(edited_index.candidates(sel)) == 1:
        assert problems == []
        assert moved == whole
    assert lemma in index.originals[p]


@settings(max_examples=100, deadline=None)
@given(texts, st.data())
def test_an_occurrence_selector_is_stable_under_edits_after_the_lemma(paragraphs, data) -> None:
    index = TextIndex([(n, " ".join(words)) for n, words in enumerate(paragraphs, 1)])
    p = data.draw(st.integers(0, len(paragraphs) - 1))
    spans = word_spans(paragraphs[p])
    i = data.draw(st.integers(0, len(spans) - 1))
    sel = minimal_selector(index, p, *spans[i])
    edited = [list(w) for w in paragraphs]
    edited.append(data.draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=10)))
    edited_index = TextIndex([(n, " ".join(w)) for n, w in enumerate(edited, 1)])
    span, _ = resolve(edited_index, sel)
    if sel.occurrence is not None or len(edited_index.candidates(sel)) == 1:
        assert span == Span(p, *spans[i])
