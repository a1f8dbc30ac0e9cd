"""Untangling nested links before rendering: XHTML forbids an ``<a>`` inside another ``<a>``.

In the model a link-like span (a cross-reference lemma, a cited passage, an emended reading, a web link) may
contain a note marker or another link-like span, because apparatus entries overlap freely. Here each link
span is cut into :class:`LinkRun` stretches around the markers it contains; a span nested in another loses
its own link but keeps its id (as an empty anchor), so every target stays addressable.
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
class EditorialPointer:
    """A page reference inside the copy-text: the editor's addition, so it is printed in brackets."""

    target: Target


def unnest(nodes: tuple[Inline, ...], copy_text: bool = False) -> tuple[Inline | LinkRun, ...]:
    """Return the inlines with every link span replaced by :class:`LinkRun` stretches.

    In the copy-text (``copy_text``) a :class:`PageRef` becomes an :class:`EditorialPointer`.
    """
    out: list[Inline | LinkRun] = []
    for node in nodes:
        if isinstance(node, _LINK_SPANS):
            out.extend(_runs(node, copy_text))
        elif isinstance(node, Styled):
            out.append(Styled(node.style, unnest(node.children, copy_text)))  # type: ignore[arg-type]
        elif isinstance(node, LanguageSpan | VariantLemma):
            out.append(replace(node, children=unnest(node.children, copy_text)))  # type: ignore[arg-type]
        else:
            out.append(_point(node, copy_text))
    return tuple(out)


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
