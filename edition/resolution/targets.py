"""The targets pass: every id a cross-reference or note may point at, registered with its origin."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, TypeVar

from edition.markdown import RawBlock, RawFootnote, RawHeading
from edition.model import Origin, Target, TargetKind
from edition.resolution.anchored import AnchoredApparatus, Placed
from edition.resolution.numbering import Numbering
from edition.resolution.sections import section_groups
from edition.section_attrs import section_id
from edition.targets import TargetTable


def register_text_targets(
    table: TargetTable, numbering: Numbering, text: tuple[RawBlock, ...], footnotes: Iterable[RawFootnote]
) -> None:
    """§ 1 … § n, the author's notes, and the sections named with ``{id=…}``."""
    table.add_paragraphs(len(numbering.paragraphs))
    for fn in footnotes:
        # Registered with its origin: an id two notes would share (file 1's [^2-1], file 2's [^1]) is
        # reported where the second note is, never left for a writer to find.
        paragraph = numbering.first_in(fn.blocks)
        table.add(fn.element_id, Target(fn.element_id, "footnote", paragraph, f"note {fn.label}"), fn.origin)
    for n, group in enumerate(section_groups(text), 1):
        # The section's element (``sec-N``, as every output names it), its first paragraph's §, its title.
        opening = group[0]
        if not isinstance(opening, RawHeading) or (name := section_id(opening.attributes)) is None:
            continue
        title = " ".join(opening.paragraph.text.split())
        target = Target(f"sec-{n}", "section", numbering.first_in(group[1:]), title)
        table.add(name, target, opening.paragraph.origin)


def register_entry_targets(table: TargetTable, anchored: AnchoredApparatus) -> None:
    """Glosses, emendations, named anchors, cross-references with an id, index entries."""
    _register(table, "gloss", "lemma-", anchored.glosses)
    _register(table, "emendation", "em-", anchored.emendations)
    _register(table, "anchor", "a-", anchored.anchors)
    _register(table, "anchor", "x-", [p for p in anchored.cross_references if p.entry.id])
    for raw_entry in anchored.index:
        table.add(
            raw_entry.id, Target(f"index-{raw_entry.id}", "index", None, raw_entry.heading), raw_entry.origin
        )


class _Identified(Protocol):
    @property
    def id(self) -> str | None: ...

    @property
    def origin(self) -> Origin: ...


_I = TypeVar("_I", bound=_Identified)


def _register(table: TargetTable, kind: TargetKind, prefix: str, placed: Iterable[Placed[_I]]) -> None:
    for p in placed:
        paragraph = p.span.paragraph + 1 if p.span else None
        last = p.span.runs_on.last + 1 if p.span and p.span.runs_on else None
        label = f"§ {paragraph}" if last is None else f"§§ {paragraph}–{last}"
        name = p.entry.id or ""
        table.add(name, Target(prefix + name, kind, paragraph, label, last), p.entry.origin)
