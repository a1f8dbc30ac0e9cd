"""The words of each printed page, as the print layout found them: what the EPUB's page list is placed by.

A page's words are those of its text block (not its running head, folio, margin notes, line numbers or page
references), in reading order; the first may be the second half of a word hyphenated across the page break.
They are compared as letters only, case-folded (:func:`letters`), so a paragraph number, a note number, a
page reference printed as "p. 14" in one output and "§ 31" in the other, or a word broken at a line's end
does not stop them matching.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_LETTERS = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class PrintPage:
    """One printed page that holds text: its label and its words."""

    label: str  # the printed page label ("ix", "12")
    words: tuple[str, ...]  # as :func:`words` gives them

    @property
    def letters(self) -> str:
        return "".join(self.words)


def words(text: str) -> list[str]:
    """The comparable words of ``text``: runs of letters, compatibility-normalised and case-folded."""
    return _LETTERS.findall(unicodedata.normalize("NFKC", text).casefold())


def letters(text: str) -> str:
    return "".join(words(text))
