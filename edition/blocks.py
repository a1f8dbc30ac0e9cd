"""Turning raw Markdown blocks into model blocks, given a function that builds each paragraph's inlines."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from edition.markdown import RawBlock, RawBreak, RawHeading, RawList, RawParagraph, RawQuote
from edition.model import Block, BlockQuote, Heading, Inline, ListBlock, Paragraph, ThematicBreak

ParagraphInlines = Callable[[RawParagraph], tuple[Inline, ...]]
ParagraphNumber = Callable[[RawParagraph], int | None]


def to_blocks(
    raw: tuple[RawBlock, ...],
    inlines: ParagraphInlines,
    number: ParagraphNumber,
    heading_id: Callable[[], str],
) -> tuple[Block, ...]:
    out: list[Block] = []
    for block in raw:
        if isinstance(block, RawParagraph):
            n = number(block)
            out.append(Paragraph(f"p-{n}" if n is not None else None, n, inlines(block), block.origin))
        elif isinstance(block, RawHeading):
            paragraph = block.paragraph
            out.append(Heading(heading_id(), block.level, inlines(paragraph), paragraph.origin))
        elif isinstance(block, RawQuote):
            out.append(BlockQuote(to_blocks(block.blocks, inlines, number, heading_id), block.origin))
        elif isinstance(block, RawList):
            items = tuple(to_blocks(item, inlines, number, heading_id) for item in block.items)
            out.append(ListBlock(block.ordered, items, block.origin))
        elif isinstance(block, RawBreak):
            out.append(ThematicBreak(block.origin))
    return tuple(out)


def in_reading_order(raw: tuple[RawBlock, ...]) -> Iterator[RawHeading | RawParagraph]:
    """Headings and paragraphs as a reader meets them, descending into quotes and lists."""
    for block in raw:
        if isinstance(block, RawHeading | RawParagraph):
            yield block
        elif isinstance(block, RawQuote):
            yield from in_reading_order(block.blocks)
        elif isinstance(block, RawList):
            for item in block.items:
                yield from in_reading_order(item)


def raw_paragraphs(raw: tuple[RawBlock, ...]) -> Iterator[RawParagraph]:
    """Every paragraph (not heading) in reading order, descending into quotes and lists."""
    return (block for block in in_reading_order(raw) if isinstance(block, RawParagraph))
