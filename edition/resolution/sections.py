"""The sections pass: the copy-text cut into sections at its # and ## headings, and the author's notes."""

from __future__ import annotations

from collections.abc import Iterable

from edition.blocks import ParagraphInlines, to_blocks
from edition.diagnostics import Diagnostic
from edition.markdown import RawBlock, RawFootnote, RawHeading
from edition.model import Footnote, Heading, Section, plain_text
from edition.resolution.numbering import HeadingIds, Numbering
from edition.section_attrs import SectionAttributes, section_attributes


def section_groups(blocks: tuple[RawBlock, ...]) -> list[list[RawBlock]]:
    """The text's blocks cut into sections at every # or ## heading (empty groups left out); the n-th
    group is section ``sec-n`` in every output."""
    groups: list[list[RawBlock]] = [[]]
    for block in blocks:
        if isinstance(block, RawHeading) and block.level <= 2 and groups[-1]:
            groups.append([])
        groups[-1].append(block)
    return [group for group in groups if group]


def build_sections(
    blocks: tuple[RawBlock, ...],
    inlines: ParagraphInlines,
    numbering: Numbering,
    heading_ids: HeadingIds,
    problems: list[Diagnostic],
) -> tuple[Section, ...]:
    sections = []
    for n, group in enumerate(section_groups(blocks), 1):
        converted = to_blocks(tuple(group), inlines, numbering.number_of, heading_ids.next_id)
        first = converted[0]
        opening = group[0] if isinstance(group[0], RawHeading) else None
        heading = first if opening is not None and isinstance(first, Heading) else None
        # The title as printed (typography applied), for contents, running heads and navigation:
        # plain text, so no note mark, emphasis or other markup reaches them.
        title = " ".join(plain_text(heading.content).split()) if heading is not None else None
        body = converted[1:] if heading is not None else converted
        for block in group[1:]:
            if isinstance(block, RawHeading) and block.attributes:
                section_attributes(block.attributes, block.paragraph.origin, problems, opens_section=False)
        attributes = SectionAttributes(None, None)
        if opening is not None:
            attributes = section_attributes(
                opening.attributes, opening.paragraph.origin, problems, opens_section=True
            )
        start = group[0]
        origin = start.paragraph.origin if isinstance(start, RawHeading) else start.origin
        sections.append(
            Section(
                f"sec-{n}",
                title,
                heading,
                tuple(body),
                origin,
                short_title=attributes.short_title,
                signed=attributes.signed,
            )
        )
    return tuple(sections)


def build_footnotes(
    footnotes: Iterable[RawFootnote], inlines: ParagraphInlines, numbering: Numbering, heading_ids: HeadingIds
) -> tuple[Footnote, ...]:
    """The author's notes, their paragraphs numbered after the text's."""
    return tuple(
        Footnote(
            fn.element_id,
            "fnref-" + fn.element_id.removeprefix("fn-"),
            fn.label,
            to_blocks(fn.blocks, inlines, numbering.number_of, heading_ids.next_id),
            fn.origin,
        )
        for fn in footnotes
    )
