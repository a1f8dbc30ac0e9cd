"""Laying the resolved apparatus over a paragraph's atoms and building its inline tree.

Markdown markup and apparatus ranges may overlap arbitrarily (a lemma may start in roman and end in italics);
HTML needs a properly nested tree. Text runs are split at every range boundary, each run gets its wrapper
path (variant lemmas outermost, then markup, then the other apparatus ranges, longest first), and
consecutive runs that share a wrapper are grouped back into one element. Emendations replace their range by
the edited reading as one element. Zero-width points (anchors, note markers) sit at top level, or inside
the variant lemmas around them only, so they never nest a link inside a link and never split a lemma.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from edition.markdown import Atom, PointAtom, Wrap
from edition.model import (
    Citation,
    CitationLink,
    Emendation,
    Emended,
    ExternalLink,
    Inline,
    LanguageSpan,
    Origin,
    Reference,
    Styled,
    Target,
    Text,
    Variant,
    VariantLemma,
)

_uids = itertools.count(10**9)


@dataclass(frozen=True, slots=True)
class RangeOverlay:
    """An apparatus range over [start, end): a cross-reference link, a citation link, an emendation, or
    a variant's lemma."""

    start: int
    end: int
    payload: Target | Citation | Emendation | Variant


@dataclass(frozen=True, slots=True)
class PointOverlay:
    """A zero-width node at ``offset``; ``side`` says whether it goes before or after text meeting there."""

    offset: int
    node: Inline
    side: Literal["start", "end"]
    order: int = 0


@dataclass(frozen=True, slots=True)
class _Range:
    uid: int
    payload: Target | Citation | Emendation | Variant
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Run:
    text: str
    path: tuple[Wrap | _Range, ...]


@dataclass(frozen=True, slots=True)
class _Point:
    node: Inline
    path: tuple[Wrap | _Range, ...]


def build_inlines(
    atoms: Sequence[Atom],
    ranges: Sequence[RangeOverlay] = (),
    points: Sequence[PointOverlay] = (),
    convert_point: Callable[[PointAtom], tuple[Inline, ...]] | None = None,
) -> tuple[Inline, ...]:
    """The inline tree of a paragraph with the apparatus applied."""
    emendations = sorted((r for r in ranges if isinstance(r.payload, Emendation)), key=lambda r: r.start)
    ordered = [
        _Range(next(_uids), r.payload, r.start, r.end)
        for r in sorted(ranges, key=lambda r: (r.start, -r.end))
    ]
    lemmas = [r for r in ordered if isinstance(r.payload, Variant)]
    others = [r for r in ordered if not isinstance(r.payload, Emendation | Variant)]
    cuts = sorted(
        {b for r in (*others, *lemmas) for b in (r.start, r.end)}
        | {b for r in emendations for b in (r.start, r.end)}
        | {p.offset for p in points}
    )
    pending_points = sorted(points, key=lambda p: (p.offset, p.side != "end", p.order))
    items: list[_Run | _Point] = []
    point_index = 0
    emendation_index = 0
    emitted_emendations: set[int] = set()

    def flush_points(offset: int, *, include_start: bool) -> None:
        nonlocal point_index
        while point_index < len(pending_points):
            point = pending_points[point_index]
            if point.offset < offset or (point.offset == offset and (point.side == "end" or include_start)):
                items.append(_Point(point.node, _lemmas_around(lemmas, point.offset)))
                point_index += 1
            else:
                break

    for atom in atoms:
        if isinstance(atom, PointAtom):
            flush_points(atom.offset, include_start=False)
            nodes = convert_point(atom) if convert_point else (atom.node,)
            path = (*_lemmas_around(lemmas, atom.offset), *(w for w in atom.path if w.kind != "link"))
            items.extend(_Point(node, path) for node in nodes)  # type: ignore[arg-type]
            continue
        for start, end in _pieces(atom.start, atom.end, cuts):
            flush_points(start, include_start=True)
            while emendation_index < len(emendations) and emendations[emendation_index].end <= start:
                emendation_index += 1
            current = emendations[emendation_index] if emendation_index < len(emendations) else None
            if current is not None and current.start <= start and end <= current.end:
                if id(current) not in emitted_emendations:
                    emitted_emendations.add(id(current))
                    wrap = _Range(next(_uids), current.payload, current.start, current.end)
                    around = _lemmas_over(lemmas, current.start, current.end)
                    items.append(_Run(current.payload.reading, (*around, *atom.path, wrap)))  # type: ignore[union-attr]
                continue
            text = atom.text[start - atom.start : end - atom.start]
            covering = tuple(r for r in others if r.start <= start and end <= r.end)
            items.append(_Run(text, (*_lemmas_over(lemmas, start, end), *atom.path, *covering)))
    flush_points(10**12, include_start=True)
    return _group(items, 0)


def _lemmas_over(lemmas: list[_Range], start: int, end: int) -> tuple[_Range, ...]:
    """The variant lemmas covering [start, end), outermost first."""
    return tuple(r for r in lemmas if r.start <= start and end <= r.end)


def _lemmas_around(lemmas: list[_Range], offset: int) -> tuple[_Range, ...]:
    """The variant lemmas a zero-width point at ``offset`` falls strictly inside (at an edge: outside)."""
    return tuple(r for r in lemmas if r.start < offset < r.end)


def _pieces(start: int, end: int, cuts: list[int]) -> list[tuple[int, int]]:
    bounds = [start, *(c for c in cuts if start < c < end), end]
    return [(a, b) for a, b in itertools.pairwise(bounds) if a < b]


def _group(items: list[_Run | _Point], depth: int) -> tuple[Inline, ...]:
    out: list[Inline] = []
    index = 0
    while index < len(items):
        item = items[index]
        if len(item.path) <= depth:
            if isinstance(item, _Run):
                if out and isinstance(out[-1], Text):
                    out[-1] = Text(out[-1].text + item.text)
                else:
                    out.append(Text(item.text))
            else:
                out.append(item.node)
            index += 1
            continue
        wrapper = item.path[depth]
        group_end = index
        while (
            group_end < len(items)
            and len(items[group_end].path) > depth
            and items[group_end].path[depth] == wrapper
        ):
            group_end += 1
        out.append(_wrap(wrapper, _group(items[index:group_end], depth + 1)))
        index = group_end
    return tuple(out)


def _wrap(wrapper: Wrap | _Range, children: tuple[Inline, ...]) -> Inline:
    if isinstance(wrapper, Wrap):
        if wrapper.kind == "link":
            return ExternalLink(wrapper.href or "", children)
        if wrapper.kind == "lang":
            return LanguageSpan(wrapper.language or "", children, wrapper.origin or Origin(""))
        return Styled(wrapper.kind, children)  # type: ignore[arg-type]
    payload = wrapper.payload
    if isinstance(payload, Target):
        return Reference(payload, children)
    if isinstance(payload, Citation):
        return CitationLink(payload, children)
    if isinstance(payload, Variant):
        return VariantLemma(payload, children)
    return Emended(payload, children)
