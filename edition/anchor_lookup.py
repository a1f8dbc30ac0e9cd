"""`edition anchor`: the selector that picks out each occurrence of some words, ready to paste.

The copy-text is indexed by the anchoring module's own ``TextIndex`` (the same paragraphs, § numbers and
normalisation the checker uses), and every selector offered is resolved by that index before it is
printed: a selector shown here is one ``edition check`` anchors to exactly that occurrence. The headings'
occurrences follow the paragraphs', with ``in: heading`` where a paragraph has the words too (the
checker's rule, edition/heading_lemmas.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from edition.anchoring import WORD, Selector, Span, TextIndex
from edition.blocks import raw_paragraphs
from edition.config import read_config
from edition.diagnostics import Diagnostic, SourceProblem, has_errors
from edition.heading_lemmas import CopyText, copy_text_headings
from edition.markdown import RawBlock, RawFootnote, RawParagraph, parse_markdown
from edition.model import Origin
from edition.normalize import normalize_lemma
from edition.textfile import as_named_in_config, read_text_file

# Context longer than this many words is no help to an editor: `occurrence` is offered instead.
MAX_CONTEXT_WORDS = 8


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One place the words occur, and the selector keys that name it alone."""

    paragraph_number: int  # the § number (for a heading: the § after it)
    origin: Origin  # where the paragraph (or heading) starts in its file
    context: str  # "…left [words] right…"
    selector: dict[str, str | int]
    span: Span
    in_heading: bool = False


@dataclass(frozen=True, slots=True)
class LookupResult:
    occurrences: tuple[Occurrence, ...]
    diagnostics: tuple[Diagnostic, ...]


def copy_text(root: Path, problems: list[Diagnostic]) -> tuple[CopyText, list[RawParagraph], Origin] | None:
    """The copy-text's paragraphs (numbered as resolve numbers them: the text's, then the notes') and its
    headings."""
    config = read_config(root, problems)
    if config is None or has_errors(problems):
        return None
    blocks: list[RawBlock] = []
    footnotes: list[RawFootnote] = []
    for ref in config.text:
        try:
            text = read_text_file(root, ref.path)
        except SourceProblem as problem:
            problems.extend(as_named_in_config(d, ref.path, ref.origin) for d in problem.diagnostics)
            continue
        document = parse_markdown(text, ref.path, note_markup=False, problems=[])
        blocks.extend(document.blocks)
        footnotes.extend(document.footnotes)
    if has_errors(problems) or not config.text:
        return None
    paragraphs = list(raw_paragraphs(tuple(blocks)))
    for footnote in footnotes:
        paragraphs.extend(raw_paragraphs(footnote.blocks))
    index = TextIndex([(n, p.text) for n, p in enumerate(paragraphs, 1)])
    numbers = {p.origin: n for n, p in enumerate(paragraphs, 1)}
    headings = copy_text_headings(tuple(blocks), lambda p: numbers.get(p.origin))
    return CopyText(index, headings), paragraphs, config.text[0].origin


def find_occurrences(root: Path, words: str) -> LookupResult:
    problems: list[Diagnostic] = []
    found = copy_text(root, problems)
    if found is None:
        return LookupResult((), tuple(problems))
    text, paragraphs, named_at = found
    index, headings = text.paragraphs, text.heading_index
    plain = Selector(words, None, None, None, None, None, named_at)
    spans = index.candidates(plain)
    in_headings = headings.candidates(plain)
    if not spans and not in_headings:
        problems.append(_not_found(index, plain))
        return LookupResult((), tuple(problems))
    occurrences = []
    for n, (start, end) in enumerate(spans, 1):
        span = index.to_span(start, end)
        occurrences.append(
            Occurrence(
                index.numbers[span.paragraph],
                paragraphs[span.paragraph].origin,
                index.context(span),
                _selector(index, words, spans, n),
                span,
            )
        )
    for n, (start, end) in enumerate(in_headings, 1):
        found_at = headings.to_span(start, end)
        heading = text.headings[found_at.paragraph]
        selector = _selector(headings, words, in_headings, n)
        if spans:  # a paragraph has the words: only 'in: heading' sends the checker to the headings
            selector["in"] = "heading"
        span = Span(heading.following, found_at.start, found_at.end, found_at.paragraph)
        assert _resolves(text, selector, span), selector
        context = headings.context(found_at)
        occurrences.append(
            Occurrence(heading.following + 1, heading.paragraph.origin, context, selector, span, True)
        )
    return LookupResult(tuple(occurrences), tuple(problems))


def _resolves(text: CopyText, keys: dict[str, str | int], target: Span) -> bool:
    """Whether the checker's own rule (paragraphs, then headings) resolves these keys to ``target``."""
    selector = _as_selector(keys)
    problems: list[Diagnostic] = []
    return text.resolve(selector, "anchor", problems) == target and not problems


def _not_found(index: TextIndex, selector: Selector) -> Diagnostic:
    near = index.nearest(selector)
    return Diagnostic.at(
        selector.origin,
        "error",
        "lemma-not-found",
        f"'{selector.quoted}' does not occur in the copy-text",
        "nearest passages:\n" + "\n".join(near) if near else "check the spelling against the copy-text",
    )


def _selector(index: TextIndex, words: str, spans: list[tuple[int, int]], n: int) -> dict[str, str | int]:
    """The shortest selector for occurrence ``n``: the lemma alone, a before/after context, or occurrence."""
    if len(spans) == 1:
        return {"lemma": words}
    target = index.to_span(*spans[n - 1])
    choices = sorted(_contexts(index, *spans[n - 1]), key=lambda item: (len(item[1].split()), len(item[1])))
    for key, value in choices:
        selector: dict[str, str | int] = {"lemma": words, key: value}
        if _picks(index, selector, target):
            return selector
    counted: dict[str, str | int] = {"lemma": words, "occurrence": n}
    assert _picks(index, counted, target), counted
    return counted


def _contexts(index: TextIndex, start: int, end: int) -> Iterator[tuple[str, str]]:
    """The words just before and just after the span (1 to MAX_CONTEXT_WORDS), as the copy-text has them."""
    paragraph = index.paragraph_of(start)
    base = index.starts[paragraph]
    normal = index.normals[paragraph]
    original = index.originals[paragraph]
    left, right = start - base, end - base
    before_starts = [m.start() for m in WORD.finditer(normal.text, 0, left)][::-1]
    after_ends = [m.end() for m in WORD.finditer(normal.text, right)]
    for word_start in before_starts[:MAX_CONTEXT_WORDS]:
        text = original[normal.to_original_start(word_start) : normal.to_original_start(left)]
        if text.strip():
            yield "before", " ".join(text.split())
    for word_end in after_ends[:MAX_CONTEXT_WORDS]:
        text = original[normal.to_original_end(right) : normal.to_original_end(word_end)]
        if text.strip():
            yield "after", " ".join(text.split())


def _picks(index: TextIndex, keys: dict[str, str | int], target: Span) -> bool:
    """Whether the checker's own resolution of these keys lands on ``target`` and nowhere else."""
    selector = _as_selector(keys)
    if normalize_lemma(str(keys["lemma"])) == "":
        return False
    problems: list[Diagnostic] = []
    return index.resolve(selector, "anchor", problems) == target and not problems


def _as_selector(keys: dict[str, str | int]) -> Selector:
    before, after, occurrence = keys.get("before"), keys.get("after"), keys.get("occurrence")
    within = keys.get("in")
    return Selector(
        str(keys["lemma"]),
        None,
        None,
        occurrence if isinstance(occurrence, int) else None,
        before if isinstance(before, str) else None,
        after if isinstance(after, str) else None,
        Origin("anchor"),
        within if isinstance(within, str) else None,
    )


def as_yaml(occurrence: Occurrence, indent: str = "  ") -> str:
    """One occurrence as a commented YAML list item, to paste under an apparatus key such as 'glosses:'."""
    item = yaml.safe_dump([occurrence.selector], allow_unicode=True, sort_keys=False, width=10_000)
    origin = occurrence.origin
    where = f"§ {occurrence.paragraph_number}"
    if occurrence.in_heading:
        where = f"the heading before {where}"
    comment = f"# {where} ({origin.path}:{origin.line}): {occurrence.context}"
    lines = [comment, *item.rstrip("\n").splitlines()]
    return "\n".join(indent + line for line in lines)
