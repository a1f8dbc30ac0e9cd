"""Walking the model in rendering order: which element ids a block or inline puts into the XHTML.

The book is split into many files (EPUB and web alike), so every link needs to know which file holds its
target. Rather than search rendered output, the book plan asks this module for the ids each piece of the model
will carry, in the same order the templates write them; ``tests/writers/epub`` and ``tests/writers/web`` check
the two agree on every id.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from edition.model import (
    Anchor,
    Block,
    BlockQuote,
    CitationLink,
    CitationRef,
    Emended,
    ExternalLink,
    FootnoteRef,
    Gloss,
    GlossRef,
    Heading,
    IndexMark,
    Inline,
    LanguageSpan,
    ListBlock,
    Paragraph,
    Reference,
    Styled,
    VariantLemma,
)
from edition.writers.html.errors import HtmlError

# Ids the writer makes for elements the model names only once. A "." cannot occur in a model id (letters,
# digits, "-" and "_"), so these never collide with an id from the edition.
GLOSS_REF_SUFFIX = ".ref"
TEXTUAL_NOTE_SUFFIX = ".note"
VARIANT_READING_SUFFIX = ".readings"


def gloss_ref_id(gloss: Gloss) -> str:
    """The id of a gloss's note marker in the text (its aside carries ``gloss.element_id``)."""
    return gloss.element_id + GLOSS_REF_SUFFIX


def variant_reading_id(variant_id: str) -> str:
    """The id of a variant's entry in the variant readings (the lemma's start carries the model id)."""
    return variant_id + VARIANT_READING_SUFFIX


def textual_note_id(emendation_id: str) -> str:
    """The id of an emendation's entry in the textual notes (the emended words carry the model id)."""
    return emendation_id + TEXTUAL_NOTE_SUFFIX


@dataclass(frozen=True, slots=True)
class IdWalker:
    """Lists the ids the templates write; ``footnote_refs`` maps footnote ids to their reference's id."""

    footnote_refs: Mapping[str, str]

    def footnote_ref_id(self, node: FootnoteRef) -> str:
        try:
            return self.footnote_refs[node.footnote_id]
        except KeyError:
            raise HtmlError(
                f"the text refers to footnote {node.footnote_id!r}, which does not exist"
            ) from None

    def inline_ids(self, node: Inline) -> Iterator[str]:
        """Ids carried by one inline node and its children, in document order."""
        if isinstance(node, Anchor | IndexMark):
            yield node.element_id
        elif isinstance(node, FootnoteRef):
            yield self.footnote_ref_id(node)
        elif isinstance(node, GlossRef):
            yield gloss_ref_id(node.gloss)
        elif isinstance(node, Emended):
            yield node.emendation.element_id
            yield from self.inlines_ids(node.children)
        elif isinstance(node, CitationLink):
            yield node.citation.element_id
            yield from self.inlines_ids(node.children)
        elif isinstance(node, CitationRef):
            yield node.citation.element_id
        elif isinstance(node, Styled | LanguageSpan | ExternalLink | Reference | VariantLemma):
            yield from self.inlines_ids(node.children)

    def inlines_ids(self, nodes: tuple[Inline, ...]) -> Iterator[str]:
        for node in nodes:
            yield from self.inline_ids(node)

    def block_ids(self, blocks: tuple[Block, ...]) -> Iterator[str]:
        """Ids carried by blocks and everything inside them, in document order."""
        for block in blocks:
            if isinstance(block, Paragraph):
                if block.element_id is not None:
                    yield block.element_id
                yield from self.inlines_ids(block.content)
            elif isinstance(block, Heading):
                yield block.element_id
                yield from self.inlines_ids(block.content)
            elif isinstance(block, BlockQuote):
                yield from self.block_ids(block.blocks)
            elif isinstance(block, ListBlock):
                for item in block.items:
                    yield from self.block_ids(item)


def glosses_in(blocks: tuple[Block, ...]) -> Iterator[Gloss]:
    """The glosses whose markers occur in these blocks, in text order."""
    for block in blocks:
        if isinstance(block, Paragraph | Heading):
            yield from _glosses_in_inlines(block.content)
        elif isinstance(block, BlockQuote):
            yield from glosses_in(block.blocks)
        elif isinstance(block, ListBlock):
            for item in block.items:
                yield from glosses_in(item)


def _glosses_in_inlines(nodes: tuple[Inline, ...]) -> Iterator[Gloss]:
    for node in nodes:
        if isinstance(node, GlossRef):
            yield node.gloss
        elif isinstance(
            node, Styled | LanguageSpan | ExternalLink | Reference | Emended | CitationLink | VariantLemma
        ):
            yield from _glosses_in_inlines(node.children)
