"""Words and punctuation marks with their place in the text, and the key by which two are "the same"."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from edition.collation.settings import CollationSettings
from edition.normalize import normalize_lemma

TOKEN = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")


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
