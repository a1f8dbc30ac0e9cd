"""Words and punctuation marks with their place in the text, and the key by which two are "the same"."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from edition.collation.settings import CollationSettings
from edition.normalize import normalize_lemma

TOKEN = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")
BROKEN = re.compile(r"\b(\w+)-[ \t]*\n?[ \t]*(\w+)\b")


@dataclass(frozen=True, slots=True)
class Token:
    """A word or mark: which paragraph (0-based) it is in and its character offsets there."""

    paragraph: int
    start: int
    end: int
    text: str

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum() or self.text[0] == "_"


def tokenize(paragraphs: Iterable[str], settings: CollationSettings) -> list[Token]:
    """The tokens of every paragraph in reading order; punctuation is left out when it is insignificant."""
    tokens = []
    for index, text in enumerate(paragraphs):
        for match in TOKEN.finditer(text):
            token = Token(index, match.start(), match.end(), match.group())
            if token.is_word or not settings.ignore_punctuation:
                tokens.append(token)
    return tokens


def join_line_end_hyphens(witness: Sequence[str], copy_text: Sequence[str]) -> list[str]:
    """The witness's paragraphs with words broken at a line end joined again ("de-votion", "rest- ing").

    A transcription that keeps the manuscript's line-end hyphens cannot be told from one with compounds
    by its letters alone, so the copy-text decides: a hyphenated word is joined when the copy-text has the
    joined word and does not have the hyphenated one ("battle-field" in both stays as it is).
    """
    words = {w.casefold() for text in copy_text for w in re.findall(r"\w+", text)}
    compounds = {f"{a}-{b}".casefold() for text in copy_text for a, b in BROKEN.findall(text)}

    def join(match: re.Match[str]) -> str:
        first, second = match.group(1), match.group(2)
        joined = first + second
        if joined.casefold() in words and f"{first}-{second}".casefold() not in compounds:
            return joined
        return match.group(0)

    return [BROKEN.sub(join, text) for text in witness]


class Keys:
    """Comparison keys: the lemma normalisations, then case and spelling groups as edition.yaml says."""

    def __init__(self, settings: CollationSettings):
        self.settings = settings
        self.spellings: dict[str, str] = {}
        for group in settings.spelling:
            canonical = self._base(group[0])
            for spelling in group:
                self.spellings[self._base(spelling)] = canonical

    def _base(self, text: str) -> str:
        normal = normalize_lemma(text)
        return normal.casefold() if self.settings.ignore_case else normal

    def key(self, token: Token) -> str:
        base = self._base(token.text)
        return self.spellings.get(base, base)
