"""Untangling nested links before rendering: XHTML forbids an ``<a>`` inside another ``<a>``.

In the model a link-like span (a cross-reference lemma, a cited passage, an emended reading, a web link) may
contain a note marker or another link-like span, because apparatus entries overlap freely. Here each link
span is cut into :class:`LinkRun` stretches around the markers it contains; a span nested in another loses
its own link but keeps its id (as an empty anchor), so every target stays addressable.

A variant's lemma can link to its entry in the variant readings (``lemma_links``: the EPUB's). It gives way
to every other link: a :class:`LinkedLemma` holds the lemma cut into :class:`LemmaRun` stretches around the
links and markers inside it, which keep their own; a lemma inside another link is not linked.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from edition.model import (
    Anchor,
    CitationLink,
    CitationRef,
    Emended,
    ExternalLink,
    FootnoteRef,
    GlossRef,
    Inline,
    LanguageSpan,
    PageRef,
    Reference,
    Styled,
    Target,
    Variant,
    VariantLemma,
)

LinkSpan = ExternalLink | Reference | CitationLink | Emended
_LINK_SPANS = (ExternalLink, Reference, CitationLink, Emended)
_POINT_LINKS = (FootnoteRef, GlossRef, CitationRef, PageRef)


@dataclass(frozen=True, slots=True)
class LinkRun:
    """One stretch of a link span with no link inside it; only the first stretch carries the span's id."""

    link: LinkSpan
    children: tuple[Inline | LinkRun, ...]
    first: bool


@dataclass(frozen=True, slots=True)
class LemmaRun:
    """One stretch of a variant's lemma with no link inside it: a link to the variant's entry."""

    children: tuple[Inline | LinkRun, ...]


@dataclass(frozen=True, slots=True)
class LinkedLemma:
    """A variant's lemma whose words link to its entry: :class:`LemmaRun` stretches and what lies between."""

    variant: Variant
    children: tuple[Inline | LinkRun | LemmaRun, ...]


@dataclass(frozen=True, slots=True)
class EditorialPointer:
    """A page reference inside the copy-text: the editor's addition, so it is printed in brackets."""

    target: Target


def unnest(
    nodes: tuple[Inline, ...], copy_text: bool = False, lemma_links: bool = False
) -> tuple[Inline | LinkRun, ...]:
    """Return the inlines with every link span replaced by :class:`LinkRun` stretches.

    In the copy-text (``copy_text``) a :class:`PageRef` becomes an :class:`EditorialPointer`; with
    ``lemma_links`` a variant's lemma outside any link becomes a :class:`LinkedLemma`.
    """
    out: list[Inline | LinkRun] = []
    for node in nodes:
        if isinstance(node, _LINK_SPANS):
            out.extend(_runs(node, copy_text))
        elif isinstance(node, Styled):
            children = unnest(node.children, copy_text, lemma_links)
            out.append(Styled(node.style, children))  # type: ignore[arg-type]
        elif isinstance(node, VariantLemma) and lemma_links:
            children = unnest(node.children, copy_text, lemma_links)
            out.append(LinkedLemma(node.variant, _lemma_runs(children)))  # type: ignore[arg-type]
        elif isinstance(node, LanguageSpan | VariantLemma):
            children = unnest(node.children, copy_text, lemma_links)
            out.append(replace(node, children=children))  # type: ignore[arg-type]
        else:
            out.append(_point(node, copy_text))
    return tuple(out)


def _lemma_runs(nodes: tuple[Inline | LinkRun, ...]) -> tuple[Inline | LinkRun | LemmaRun, ...]:
    """The lemma's words in :class:`LemmaRun` stretches, the links and markers among them left outside."""
    out: list[Inline | LinkRun | LemmaRun] = []
    group: list[Inline | LinkRun] = []
    for inside, node in _lemma_split(nodes):
        if inside:
            group.append(node)
            continue
        if group:
            out.append(LemmaRun(tuple(group)))
            group = []
        out.append(node)
    if group:
        out.append(LemmaRun(tuple(group)))
    return tuple(out)


def _lemma_split(nodes: tuple[Inline | LinkRun, ...]) -> list[tuple[bool, Inline | LinkRun]]:
    """Flatten to (may stay inside the lemma's link?, node) pairs; italics around a link are split."""
    pieces: list[tuple[bool, Inline | LinkRun]] = []
    for node in nodes:
        if isinstance(node, (LinkRun, LinkedLemma, EditorialPointer, *_POINT_LINKS)):
            pieces.append((False, node))
        elif isinstance(node, Styled | LanguageSpan | VariantLemma):
            group: list[Inline | LinkRun] = []
            for inside, child in _lemma_split(node.children):
                if inside:
                    group.append(child)
                    continue
                if group:
                    pieces.append((True, replace(node, children=tuple(group))))  # type: ignore[arg-type]
                    group = []
                pieces.append((False, child))
            if group:
                pieces.append((True, replace(node, children=tuple(group))))  # type: ignore[arg-type]
        else:
            pieces.append((True, node))
    return pieces


def _point(node: Inline, copy_text: bool) -> Inline:
    if copy_text and isinstance(node, PageRef):
        return EditorialPointer(node.target)  # type: ignore[return-value]
    return node


def _runs(link: LinkSpan, copy_text: bool) -> list[Inline | LinkRun]:
    runs: list[Inline | LinkRun] = []
    group: list[Inline] = []
    first = True
    for inside, node in _split(link.children):
        if inside:
            group.append(node)
            continue
        if group:
            runs.append(LinkRun(link, tuple(group), first))
            first, group = False, []
        runs.append(_point(node, copy_text))
    if group or first:
        runs.append(LinkRun(link, tuple(group), first))
    return runs


def _split(nodes: tuple[Inline, ...]) -> list[tuple[bool, Inline]]:
    """Flatten to (may stay inside a link?, node) pairs."""
    pieces: list[tuple[bool, Inline]] = []
    for node in nodes:
        if isinstance(node, _POINT_LINKS):
            pieces.append((False, node))
        elif isinstance(node, Styled | LanguageSpan | VariantLemma):
            group: list[Inline] = []
            for inside, child in _split(node.children):
                if inside:
                    group.append(child)
                    continue
                if group:
                    pieces.append((True, replace(node, children=tuple(group))))
                    group = []
                pieces.append((False, child))  # a marker inside italics inside a link: the italics split
            if group:
                pieces.append((True, replace(node, children=tuple(group))))
        elif isinstance(node, _LINK_SPANS):
            if isinstance(node, Emended):
                pieces.append((True, Anchor(node.emendation.element_id)))
            elif isinstance(node, CitationLink):
                pieces.append((True, Anchor(node.citation.element_id)))
            pieces.extend(_split(node.children))
        else:
            pieces.append((True, node))
    return pieces
