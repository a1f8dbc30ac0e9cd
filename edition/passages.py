"""Passages of several paragraphs: how far a gloss or named anchor that starts in a paragraph may run on.

A passage (a list of measures, a speech of several paragraphs) runs on through the paragraphs that follow
its first, block quotations and list items included, but never across a heading, into another text file,
or between the text and the author's notes: there it would stop being one passage of the copy-text.
"""

from __future__ import annotations

from collections.abc import Callable

from edition.blocks import in_reading_order
from edition.markdown import RawBlock, RawHeading, RawParagraph


def passage_ends(
    blocks: tuple[RawBlock, ...], number_of: Callable[[RawParagraph], int | None], count: int
) -> tuple[int, ...]:
    """For each of the ``count`` numbered paragraphs (0-based), the last one a passage starting there may
    end in (itself when it may not run on: the author's notes' paragraphs, which are not in ``blocks``)."""
    ends = list(range(count))
    run: list[int] = []
    previous_file: str | None = None

    def close() -> None:
        for index in run:
            ends[index] = run[-1]
        run.clear()

    for block in in_reading_order(blocks):
        if isinstance(block, RawHeading):
            close()
            continue
        number = number_of(block)
        if number is None:
            continue
        if block.origin.path != previous_file:
            close()
            previous_file = block.origin.path
        run.append(number - 1)
    close()
    return tuple(ends)
