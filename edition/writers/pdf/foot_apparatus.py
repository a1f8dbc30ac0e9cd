"""The critical apparatus at the foot of the page, and the layouts it takes to settle.

Why a fixed point: an apparatus at the foot takes room from the text, so which lemmas fall on a page
depends on the apparatus printed there, which depends on the lemmas on the page. The room is reserved by
WeasyPrint's footnote area (``float: footnote``). The first layout gives every entry a footnote of its
own, right after its lemma, so WeasyPrint reserves room (a line per entry: a little more than the run-in
apparatus needs). The next layout prints each page's entries as one block attached to the first lemma on
that page, in series order, the entries run in. WeasyPrint 70 can defer a footnote to the next page, and
in a run of deferred footnotes it can lose one (measured: 1 of 190 entries on a 12-page test); so every
layout is checked, and an entry not printed exactly once on its lemma's page is regrouped again. Footnotes
are display blocks: WeasyPrint 70 defers a long *inline* footnote to a later page even where it fits
(measured: every page of the Gettysburg edition's apparatus). The build stops when every entry stands
once on its lemma's page (usually after two or three layouts), or after ``MAX_APPARATUS_LAYOUTS``, when
what is still wrong is warned about, at the entry, and its key names the page as well as the line.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from weasyprint.document import Page
from weasyprint.formatting_structure import boxes
from weasyprint.layout.absolute import AbsolutePlaceholder

from edition.book.series import foot_series
from edition.model import ApparatusSeries, Edition, Emendation, Paragraph, Variant, start_order

ENTRY_ATTRIBUTE = "data-foot-entry"
MAX_APPARATUS_LAYOUTS = 3


@dataclass(frozen=True, slots=True)
class FootEntry:
    """One entry of a foot series: the model item, its lemma's element id, its series, text order."""

    item: Emendation | Variant
    lemma_id: str
    series: str
    order: int
    in_text: bool = True  # False for a lemma in an author's note: no line numbers there, keyed "p. 17"

    @property
    def lemma_words(self) -> str:
        """The lemma as the entry prints it: an emendation's reading, a variant's copy-text words."""
        return self.item.reading if isinstance(self.item, Emendation) else self.item.lemma.text

    @property
    def entry_id(self) -> str:
        return f"app-{self.lemma_id}"


@dataclass(frozen=True, slots=True)
class FootPlan:
    """Which entries are printed in the block that follows each lemma (the templates read this)."""

    series: tuple[ApparatusSeries, ...] = ()
    groups: Mapping[str, tuple[FootEntry, ...]] = field(default_factory=dict)
    # Entries printed away from their lemma's page, keyed "page.line": entry id -> the key the last
    # layout gave (the prediction the slot is laid out with).
    page_line_keys: Mapping[str, str] = field(default_factory=dict)

    def block_after(self, lemma_id: str) -> tuple[tuple[ApparatusSeries, tuple[FootEntry, ...]], ...]:
        """The entries to print after ``lemma_id``, by series in the order the edition declares them."""
        entries = self.groups.get(lemma_id, ())
        found = ((s, tuple(e for e in entries if e.series == s.name)) for s in self.series)
        return tuple((series, group) for series, group in found if group)

    @property
    def is_empty(self) -> bool:
        return not self.groups


NO_PLAN = FootPlan()


def foot_entries(edition: Edition) -> tuple[FootEntry, ...]:
    """Every entry of a foot series, in text order (paragraph, then position in it)."""
    by_contents = {c: s.name for s in foot_series(edition) for c in s.contents}
    items: list[tuple[Emendation | Variant, str]] = []
    if "emendations" in by_contents:
        items += [(e, by_contents["emendations"]) for e in edition.emendations]
    if "variants" in by_contents:
        items += [(v, by_contents["variants"]) for v in edition.variants]
    in_notes = {
        block.number for note in edition.footnotes for block in note.blocks if isinstance(block, Paragraph)
    }
    ordered = sorted(items, key=lambda pair: start_order(pair[0].lemma))
    return tuple(
        FootEntry(item, item.element_id, series, i, item.lemma.paragraph not in in_notes)
        for i, (item, series) in enumerate(ordered)
    )


def entry_per_lemma(edition: Edition) -> FootPlan:
    """The first layout's plan: each entry right after its own lemma."""
    entries = foot_entries(edition)
    return FootPlan(foot_series(edition), {e.lemma_id: (e,) for e in entries})


def plan_by_page(edition: Edition, lemma_page: Mapping[str, int], wrong: Mapping[str, str]) -> FootPlan:
    """Each page's entries as one block after the first lemma on that page."""
    by_page: dict[int, list[FootEntry]] = {}
    for entry in foot_entries(edition):
        by_page.setdefault(lemma_page.get(entry.lemma_id, -1), []).append(entry)
    groups = {entries[0].lemma_id: tuple(entries) for entries in by_page.values()}
    return FootPlan(foot_series(edition), groups, wrong)


@dataclass(frozen=True, slots=True)
class Settling:
    """What one layout printed: the page of every lemma, where every entry was printed, what is wrong."""

    lemma_page: Mapping[str, int]
    printed_on: Mapping[str, tuple[int, ...]]  # entry id -> pages it was printed on (one, if all is well)
    wrong: tuple[FootEntry, ...]  # not printed exactly once on its lemma's page

    @property
    def settled(self) -> bool:
        return not self.wrong


def check_layout(edition: Edition, pages: Sequence[Page], plan: FootPlan) -> Settling:
    """Compare where each entry was printed with where its lemma is."""
    lemma_page: dict[str, int] = {}
    printed: dict[str, list[int]] = {}
    for index, page in enumerate(pages):
        for element_id in page.anchors:
            lemma_page.setdefault(element_id, index)
        for entry_id in _printed_entries(page._page_box):
            printed.setdefault(entry_id, []).append(index)
    wrong = tuple(
        entry
        for entry in foot_entries(edition)
        if printed.get(entry.entry_id, []) != [lemma_page.get(entry.lemma_id, -1)]
    )
    return Settling(lemma_page, {k: tuple(v) for k, v in printed.items()}, wrong)


def needs_page_blocks(plan: FootPlan) -> bool:
    """True while entries stand one to a block (the first layout's plan): one footnote per entry stacks
    the entries one to a line (and interleaves several series); a block per page runs them in, series by
    series."""
    return len(plan.groups) > 1 and all(len(entries) == 1 for entries in plan.groups.values())


def _printed_entries(root: boxes.Box) -> Iterator[str]:
    """The entry ids of the foot apparatus printed on a page (each once, however it is split)."""
    seen: set[str] = set()
    stack: list[boxes.Box] = [root]
    while stack:
        box = stack.pop()
        element = box.element
        if element is not None and not box.element_tag.count("::"):
            entry_id = element.get(ENTRY_ATTRIBUTE)
            if entry_id and entry_id not in seen and isinstance(box, boxes.InlineBox | boxes.BlockBox):
                seen.add(entry_id)
                yield entry_id
        if isinstance(box, boxes.ParentBox):
            stack.extend(c._box if isinstance(c, AbsolutePlaceholder) else c for c in box.children)
