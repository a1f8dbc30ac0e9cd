"""Aligning a witness with the copy-text, token by token, into proposed variant readings.

The alignment is difflib's SequenceMatcher on token keys (``autojunk`` off, so frequent words are never
skipped). CollateX 2.3 was measured and not used: see docs/collation.md.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass

from edition.anchoring import Span
from edition.collation.tokens import Keys, Token


@dataclass(frozen=True, slots=True)
class Proposal:
    """A difference: the copy-text span (paragraph 0-based), the witness's words there, and its type."""

    span: Span
    reading: str
    type: str


def align(
    copy_tokens: Sequence[Token],
    copy_texts: Sequence[str],
    witness_tokens: Sequence[Token],
    witness_texts: Sequence[str],
    keys: Keys,
) -> list[Proposal]:
    a = [keys.key(t) for t in copy_tokens]
    b = [keys.key(t) for t in witness_tokens]
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    proposals: list[Proposal] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        reading = _slice(witness_tokens, witness_texts, j1, j2)
        if tag == "insert":
            # An addition needs a lemma: the copy-text word before it (or after it, at the very start);
            # the reading is the witness's own text from that word on, so its spacing is kept.
            if not copy_tokens or not witness_tokens:
                continue
            if i1 > 0 and j1 > 0:
                anchor = copy_tokens[i1 - 1]
                reading = _slice(witness_tokens, witness_texts, j1 - 1, j2)
            else:
                anchor = copy_tokens[i1] if i1 < len(copy_tokens) else copy_tokens[-1]
                reading = _slice(witness_tokens, witness_texts, j1, min(j2 + 1, len(witness_tokens)))
            proposals.append(Proposal(_span(anchor, anchor), reading, "addition"))
            continue
        for first, last, part_reading in _by_paragraph(copy_tokens, i1, i2, reading):
            span = _span(copy_tokens[first], copy_tokens[last])
            kind = _type(a[first : last + 1], b[j1:j2], part_reading)
            proposals.append(Proposal(span, part_reading, kind))
    return proposals


def _by_paragraph(tokens: Sequence[Token], i1: int, i2: int, reading: str) -> list[tuple[int, int, str]]:
    """A lemma never crosses a paragraph: the witness's words go with the first part, the rest are omitted."""
    parts: list[tuple[int, int, str]] = []
    first = i1
    for index in range(i1 + 1, i2 + 1):
        if index == i2 or tokens[index].paragraph != tokens[first].paragraph:
            parts.append((first, index - 1, reading if not parts else ""))
            first = index
    return parts


def _span(first: Token, last: Token) -> Span:
    return Span(first.paragraph, first.start, last.end)


def _slice(tokens: Sequence[Token], texts: Sequence[str], j1: int, j2: int) -> str:
    """The witness's own characters from token j1 to token j2 (exclusive), one line."""
    if j1 == j2:
        return ""
    pieces = []
    start = j1
    for index in range(j1 + 1, j2 + 1):
        if index == j2 or tokens[index].paragraph != tokens[start].paragraph:
            first, last = tokens[start], tokens[index - 1]
            pieces.append(texts[first.paragraph][first.start : last.end])
            start = index
    return " ".join(" ".join(piece.split()) for piece in pieces)


def _type(lemma_keys: Sequence[str], reading_keys: Sequence[str], reading: str) -> str:
    if not reading:
        return "omission"
    if sorted(lemma_keys) == sorted(reading_keys) and len(lemma_keys) > 1:
        return "transposition"
    if [k.casefold() for k in lemma_keys] == [k.casefold() for k in reading_keys]:
        return "capitalisation"
    words_a = [k for k in lemma_keys if k[0].isalnum()]
    words_b = [k for k in reading_keys if k[0].isalnum()]
    if words_a == words_b:
        return "punctuation"
    return "substitution"
