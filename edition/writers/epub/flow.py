"""Untangling nested links before rendering: XHTML forbids an ``<a>`` inside another ``<a>``.

In the model a link-like span (a cross-reference lemma, a cited passage, an emended reading, a web link) may
contain a note marker or another link-like span, because apparatus entries overlap freely. Here each link
span is cut into :class:`LinkRun` stretches around the markers it contains; a span nested in another loses
its own link but keeps its id (as an empty anchor), so every target stays addressable.
"""

from __future__ import annotations

from dataclasses import dataclass

from edition.model import (
    Anchor,
    CitationLink,
    CitationRef,
    Emended,
    ExternalLink,
    FootnoteRef,
    GlossRef,
    Inline,
    PageRef,
    Reference,
    Styled,
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


def unnest(nodes: tuple[Inline, ...]) -> tuple[Inline | LinkRun, ...]:
    """Return the inlines with every link span replaced by :class:`LinkRun` stretches."""
    out: list[Inline | LinkRun] = []
    for node in nodes:
        if isinstance(node, _LINK_SPANS):
            out.extend(_runs(node))
        elif isinstance(node, Styled):
            out.append(Styled(node.style, unnest(node.children)))  # type: ignore[arg-type]
        else:
            out.append(node)
    return tuple(out)


def _runs(link: LinkSpan) -> list[Inline | LinkRun]:
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
        runs.append(node)
    if group or first:
        runs.append(LinkRun(link, tuple(group), first))
    return runs


def _split(nodes: tuple[Inline, ...]) -> list[tuple[bool, Inline]]:
    """Flatten to (may stay inside a link?, node) pairs."""
    pieces: list[tuple[bool, Inline]] = []
    for node in nodes:
        if isinstance(node, _POINT_LINKS):
            pieces.append((False, node))
        elif isinstance(node, Styled):
            group: list[Inline] = []
            for inside, child in _split(node.children):
                if inside:
                    group.append(child)
                    continue
                if group:
                    pieces.append((True, Styled(node.style, tuple(group))))
                    group = []
                pieces.append((False, child))
            if group:
                pieces.append((True, Styled(node.style, tuple(group))))
        elif isinstance(node, _LINK_SPANS):
            if isinstance(node, Emended):
                pieces.append((True, Anchor(node.emendation.element_id)))
            elif isinstance(node, CitationLink):
                pieces.append((True, Anchor(node.citation.element_id)))
            pieces.extend(_split(node.children))
        else:
            pieces.append((True, node))
    return pieces
