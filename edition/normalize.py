"""Lemma normalisation: the rules that decide when an editor's quotation matches the copy-text.

Rules (documented in docs/format.md): whitespace runs are one space; all single quotes/apostrophes are
one character, all double quotes another; all dashes are one; an ellipsis equals three full stops.
``NormalText`` keeps a map back to the original offsets so matches land on the exact original characters.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

_ONE_TO_ONE = str.maketrans(
    {
        **dict.fromkeys("‘’‚‛′`", "'"),
        **dict.fromkeys("“”„‟″", '"'),
        **dict.fromkeys("‐‑‒–—―−", "-"),
        **dict.fromkeys("\t\n\r\u00a0\u2007\u202f\u2009\u200a\u2002\u2003", " "),
    }
)
_SPECIAL = re.compile(r" {2,}|…")


@dataclass(frozen=True, slots=True)
class NormalText:
    """Normalised text with a map to original offsets (only length-changing spots are recorded)."""

    text: str
    norm_starts: tuple[int, ...]
    units: tuple[tuple[int, int, int, int], ...]  # (norm_pos, orig_pos, norm_len, orig_len)

    def to_original_start(self, n: int) -> int:
        i = bisect.bisect_right(self.norm_starts, n) - 1
        if i < 0:
            return n
        norm_pos, orig_pos, norm_len, orig_len = self.units[i]
        if n < norm_pos + norm_len:
            return orig_pos
        return orig_pos + orig_len + (n - norm_pos - norm_len)

    def to_original_end(self, n_end: int) -> int:
        if n_end <= 0:
            return 0
        last = n_end - 1
        i = bisect.bisect_right(self.norm_starts, last) - 1
        if i >= 0:
            norm_pos, orig_pos, norm_len, orig_len = self.units[i]
            if last < norm_pos + norm_len:
                return orig_pos + orig_len
        return self.to_original_start(last) + 1


def normalize(text: str) -> NormalText:
    """Normalise ``text`` for matching, keeping the offset map."""
    translated = text.translate(_ONE_TO_ONE)
    pieces: list[str] = []
    units: list[tuple[int, int, int, int]] = []
    norm_len = 0
    last = 0
    for match in _SPECIAL.finditer(translated):
        pieces.append(translated[last : match.start()])
        norm_len += match.start() - last
        replacement = " " if match.group() != "…" else "..."
        units.append((norm_len, match.start(), len(replacement), match.end() - match.start()))
        pieces.append(replacement)
        norm_len += len(replacement)
        last = match.end()
    pieces.append(translated[last:])
    return NormalText("".join(pieces), tuple(u[0] for u in units), tuple(units))


def normalize_lemma(lemma: str) -> str:
    """A lemma as it is matched: normalised, with outer whitespace removed."""
    return normalize(lemma).text.strip()
