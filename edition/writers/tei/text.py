"""The model's blocks and inlines as TEI: apparatus entries where the text has them, as TEI places them.

Parallel segmentation: a variant's lemma becomes ``<app><lem wit>…</lem><rdg wit>…</rdg></app>`` in the
text; an emendation ``<choice><sic>…</sic><corr>…</corr></choice>``; a gloss a ``<note type="gloss">`` at
the end of its lemma, pointing at the lemma's start; an index mark an ``<index>`` with its term.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from lxml import etree

from edition.model import (
    Anchor,
    Block,
    BlockQuote,
    CitationLink,
    CitationRef,
    Emended,
    ExternalLink,
    Footnote,
    FootnoteRef,
    GlossRef,
    Heading,
    IndexEntry,
    IndexMark,
    Inline,
    LanguageSpan,
    LineBreak,
    ListBlock,
    PageRef,
    Paragraph,
    Reference,
    Styled,
    Text,
    ThematicBreak,
    VariantLemma,
)
from edition.writers.tei.names import add_text, element, pointers

_RENDITIONS = {"em": "italic", "strong": "bold", "smallcaps": "small-caps"}


class UnknownNodeError(TypeError):
    """The model grew a node kind this writer has no encoding for: never left out silently."""


@dataclass(frozen=True, slots=True)
class Lookups:
    """What rendering a node needs besides the node: index terms, the author's notes, witness ids."""

    index_entries: Mapping[str, IndexEntry]
    footnotes: Mapping[str, Footnote]
    witness_ids: Mapping[str, str]
    variant_ids: frozenset[str]


def add_blocks(parent: etree._Element, blocks: tuple[Block, ...], lookups: Lookups) -> None:
    """Blocks into ``parent``; a heading among them opens a nested ``<div>`` (TEI: divisions, not heads
    between paragraphs), so an essay's subheadings keep their hierarchy."""
    stack: list[tuple[int, etree._Element]] = [(0, parent)]
    for block in blocks:
        if isinstance(block, Heading):
            while len(stack) > 1 and stack[-1][0] >= block.level:
                stack.pop()
            division = element(stack[-1][1], "div", xml_id=block.element_id)
            add_inlines(element(division, "head"), block.content, lookups)
            stack.append((block.level, division))
        else:
            add_block(stack[-1][1], block, lookups)


def add_block(parent: etree._Element, block: Block, lookups: Lookups) -> None:
    if isinstance(block, Paragraph):
        attributes = {} if block.element_id is None else {"xml_id": block.element_id}
        if block.number is not None:
            attributes["n"] = str(block.number)
        add_inlines(element(parent, "p", **attributes), block.content, lookups)
    elif isinstance(block, BlockQuote):
        add_blocks(element(parent, "quote"), block.blocks, lookups)
    elif isinstance(block, ListBlock):
        listing = element(parent, "list", rend="numbered" if block.ordered else "bulleted")
        for item in block.items:
            add_blocks(element(listing, "item"), item, lookups)
    elif isinstance(block, ThematicBreak):
        element(parent, "milestone", unit="section", rend="break")
    elif isinstance(block, Heading):
        add_blocks(parent, (block,), lookups)
    else:
        raise UnknownNodeError(f"the TEI writer has no encoding for a {type(block).__name__} block")


def add_inlines(parent: etree._Element, nodes: tuple[Inline, ...], lookups: Lookups) -> None:
    for node in nodes:
        add_inline(parent, node, lookups)


def add_inline(parent: etree._Element, node: Inline, lookups: Lookups) -> None:
    if isinstance(node, Text):
        add_text(parent, node.text)
    elif isinstance(node, Styled):
        styled = (
            element(parent, "code")
            if node.style == "code"
            else element(parent, "hi", rend=_RENDITIONS[node.style])
        )
        add_inlines(styled, node.children, lookups)
    elif isinstance(node, LanguageSpan):
        add_inlines(element(parent, "foreign", xml_lang=node.language), node.children, lookups)
    elif isinstance(node, ExternalLink):
        add_inlines(element(parent, "ref", target=node.href), node.children, lookups)
    elif isinstance(node, LineBreak):
        element(parent, "lb")
    elif isinstance(node, FootnoteRef):
        _authors_note(parent, node, lookups)
    elif isinstance(node, Anchor):
        if node.element_id not in lookups.variant_ids:  # a variant's id is on its <app>
            element(parent, "anchor", xml_id=node.element_id)
    elif isinstance(node, GlossRef):
        gloss = node.gloss
        note = element(
            parent,
            "note",
            type="gloss",
            n=str(gloss.number),
            target=f"#{gloss.lemma_id}",
            xml_id=gloss.element_id,
        )
        add_blocks(note, gloss.body, lookups)
    elif isinstance(node, Emended):
        _emendation(parent, node, lookups)
    elif isinstance(node, VariantLemma):
        _apparatus(parent, node, lookups)
    elif isinstance(node, Reference):
        add_inlines(element(parent, "ref", target=f"#{node.target.element_id}"), node.children, lookups)
    elif isinstance(node, PageRef):
        element(parent, "ptr", target=f"#{node.target.element_id}")
    elif isinstance(node, CitationLink):
        citation = node.citation
        link = element(
            parent, "ref", type="citation", target=f"#{citation.bib_id}", xml_id=citation.element_id
        )
        add_inlines(link, node.children, lookups)
    elif isinstance(node, CitationRef):
        element(
            parent,
            "ref",
            node.citation.text,
            type="citation",
            target=f"#{node.citation.bib_id}",
            xml_id=node.citation.element_id,
        )
    elif isinstance(node, IndexMark):
        entry = lookups.index_entries[node.entry_id]
        index = element(parent, "index", indexName=entry.kind, xml_id=node.element_id)
        element(index, "term", entry.heading)
    else:
        raise UnknownNodeError(f"the TEI writer has no encoding for a {type(node).__name__} node")


def _authors_note(parent: etree._Element, node: FootnoteRef, lookups: Lookups) -> None:
    footnote = lookups.footnotes[node.footnote_id]
    note = element(parent, "note", type="authorial", place="foot", n=node.label, xml_id=footnote.element_id)
    add_blocks(note, footnote.blocks, lookups)


def _emendation(parent: etree._Element, node: Emended, lookups: Lookups) -> None:
    emendation = node.emendation
    choice = element(parent, "choice", xml_id=emendation.element_id)
    element(choice, "sic", emendation.original)
    corr = element(choice, "corr", type="conjecture") if emendation.conjecture else element(choice, "corr")
    add_inlines(corr, node.children, lookups)
    if emendation.witness in lookups.witness_ids:
        corr.set("source", pointers(lookups.witness_ids, (emendation.witness,)))
    if emendation.note:
        note = element(parent, "note", type="textual", target=f"#{emendation.element_id}")
        add_blocks(note, emendation.note, lookups)


def _apparatus(parent: etree._Element, node: VariantLemma, lookups: Lookups) -> None:
    variant = node.variant
    app = element(parent, "app", n=str(variant.number), xml_id=variant.element_id)
    if variant.type:
        app.set("type", variant.type)
    lemma = element(app, "lem")
    if variant.lemma_witnesses:
        lemma.set("wit", pointers(lookups.witness_ids, variant.lemma_witnesses))
    add_inlines(lemma, node.children, lookups)
    for reading in variant.readings:
        element(app, "rdg", reading.text or None, wit=pointers(lookups.witness_ids, reading.witnesses))
    if variant.note:
        add_blocks(element(app, "note"), variant.note, lookups)
