"""§ numbers and heading ids: the numbering every output shares."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from edition.anchoring import TextIndex
from edition.blocks import raw_paragraphs
from edition.check_cache import Reads
from edition.markdown import RawBlock, RawFootnote, RawParagraph
from edition.model import Origin


@dataclass(frozen=True, slots=True)
class Numbering:
    """The numbered paragraphs in § order: the copy-text's, then those of the author's notes.

    A paragraph is known by where it starts in its file: no two paragraphs start at one place, and
    edition.yaml names each text file once (config.py reports a file named twice).
    """

    paragraphs: tuple[RawParagraph, ...]
    by_origin: Mapping[Origin, int]

    def number_of(self, paragraph: RawParagraph) -> int | None:
        """The § of a copy-text or author's-note paragraph; None for any other (an editor's note)."""
        return self.by_origin.get(paragraph.origin)

    def first_in(self, blocks: Iterable[RawBlock]) -> int | None:
        """The § of the first numbered paragraph among ``blocks`` (a section's, a note's)."""
        first = next(iter(raw_paragraphs(tuple(blocks))), None)
        return self.number_of(first) if first is not None else None

    def text_index(self, reads: Reads | None = None) -> TextIndex:
        """The index lemmas are found in: position n − 1 holds § n (made by ``reads``, which may keep it)."""
        paragraphs = [(n, p.text) for n, p in enumerate(self.paragraphs, 1)]
        return reads.text_index(paragraphs) if reads is not None else TextIndex(paragraphs)


def number_paragraphs(text: tuple[RawBlock, ...], footnotes: Iterable[RawFootnote]) -> Numbering:
    paragraphs = list(raw_paragraphs(text))
    for footnote in footnotes:
        paragraphs.extend(raw_paragraphs(footnote.blocks))
    by_origin = {p.origin: n for n, p in enumerate(paragraphs, 1)}
    if len(by_origin) != len(paragraphs):
        raise RuntimeError("two numbered paragraphs start at the same place")  # the parser's invariant
    return Numbering(tuple(paragraphs), by_origin)


class HeadingIds:
    """``h-1``, ``h-2`` … in the order headings are built (notes first, then the text, as every output has
    always numbered them)."""

    def __init__(self) -> None:
        self._counter = itertools.count(1)

    def next_id(self) -> str:
        return f"h-{next(self._counter)}"
