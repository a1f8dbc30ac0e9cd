"""One layout of the book, with every page number written in afterwards.

The book is laid out once with a predicted label in each place a page number is printed (from the last
build's page map, else from ``estimate.py``); the index, whose text depends on the page numbers, is laid
out after the rest as a small document of its own and its pages are appended. Then the real labels are
written into the slots (``slots.py``) and the glosses are moved into the margins. Another layout is only
needed when a prediction had the wrong width (a cold build near page 10, say) or a gloss no margin can
hold must become an endnote; the build reports how many layouts it took.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass

import weasyprint

from edition.diagnostics import Diagnostic
from edition.model import Edition, LineNumbering, Origin, Paragraph, iter_paragraphs
from edition.writers.pdf.design import Design
from edition.writers.pdf.estimate import estimate_page_map
from edition.writers.pdf.foot_apparatus import (
    MAX_APPARATUS_LAYOUTS,
    NO_PLAN,
    FootPlan,
    Settling,
    check_layout,
    entry_per_lemma,
    needs_page_blocks,
    plan_by_page,
)
from edition.writers.pdf.line_numbers import (
    CountedLines,
    count_lines,
    draw_line_numbers,
    keyed_label,
    line_key,
)
from edition.writers.pdf.margins import PlacementReport, place_margin_notes
from edition.writers.pdf.overfull import overfull_lines
from edition.writers.pdf.pages import PageMap, layout_page_map
from edition.writers.pdf.running_heads import Shortened, shortened_warnings, wrapped_heads
from edition.writers.pdf.slots import fill_page_numbers
from edition.writers.pdf.templates import environment
from edition.writers.pdf.view import INDEX_ID, TEXT_ID, BookView, book_view

MAX_LAYOUTS = 5
REFUSAL_CODES = frozenset({"margin-note-too-tall", "margin-note-too-wide", "margin-note-no-room"})
Render = Callable[[str], weasyprint.Document]
Report = Callable[[str, str], None]
Phase = Callable[[str], AbstractContextManager[object]]  # a context manager timing one phase


@dataclass(frozen=True, slots=True)
class BookLayout:
    """The final layout: the document to write, the view of the whole book, its page map, warnings."""

    document: weasyprint.Document
    view: BookView
    pages: PageMap
    warnings: tuple[Diagnostic, ...]
    layouts: int
    foot: FootPlan = NO_PLAN  # the foot apparatus as the final layout printed it


@dataclass(frozen=True, slots=True)
class LayoutInputs:
    """What a layout of the book needs besides the edition."""

    stylesheets: tuple[str, ...]
    created: str
    design: Design
    render: Render
    placement_diagnostics: Callable[[PlacementReport], list[Diagnostic]]


def lay_out_book(
    edition: Edition, inputs: LayoutInputs, previous: PageMap | None, report: Report, phase: Phase
) -> BookLayout:
    """Lay the book out (once, unless a prediction or a margin forces another round) and finish it."""
    env = environment()
    endnotes: frozenset[str] = frozenset()
    refusals: list[Diagnostic] = []  # why earlier rounds sent glosses to the endnotes
    predicted = previous
    foot = entry_per_lemma(edition)  # the foot apparatus, if the edition prints one
    foot_warnings: list[Diagnostic] = []
    shortened: dict[str, Shortened] = {}  # running heads that did not fit one line
    report("html", edition.name)
    for attempt in range(1, MAX_LAYOUTS + 1):
        last = attempt == MAX_LAYOUTS
        heads = {key: item.printed for key, item in shortened.items()}
        with phase("html"):
            view = _view(edition, inputs, endnotes, predicted, index_apart=True, heads=heads)
            html = env.get_template("book.html.j2").render(view=view, foot=foot)
            if predicted is None or not _covers(predicted, view.printed_ids):
                predicted = _predict(edition, inputs, html, view, previous)
                view = _view(edition, inputs, endnotes, predicted, index_apart=True, heads=heads)
                html = env.get_template("book.html.j2").render(view=view, foot=foot)
        with phase("layout"):
            document = inputs.render(html)
        report("layout", str(len(document.pages)))
        if edition.index:
            with phase("layout"):
                document = _append_index(edition, inputs, endnotes, document, heads)
            report("index", str(len(document.pages)))
        laid_out = layout_page_map(document.pages, TEXT_ID)
        wrapped = wrapped_heads(document.pages, edition, heads)
        if wrapped and not last:
            shortened.update((item.key, item) for item in wrapped)
            predicted = laid_out
            continue
        if not foot.is_empty and not foot.page_line_keys:
            settling = check_layout(edition, document.pages, foot)
            if not settling.settled or needs_page_blocks(foot):
                if attempt < MAX_APPARATUS_LAYOUTS and not last:
                    foot = plan_by_page(edition, settling.lemma_page, {})
                    predicted = laid_out
                    continue
                if not settling.settled and not last:
                    # Key what is still away from its lemma by page and line (warned about below).
                    lines = count_lines(document.pages, edition.style.line_numbers or LineNumbering())
                    page_label = laid_out.numbering.label
                    wrong = {
                        entry.entry_id: line_key(span, page_label)
                        for entry in settling.wrong
                        if (span := lines.span(entry.lemma_id)) is not None
                    }
                    foot = plan_by_page(edition, settling.lemma_page, wrong)
                    predicted = laid_out
                    continue
        if not foot.is_empty:
            foot_warnings = _unsettled_entries(check_layout(edition, document.pages, foot), laid_out)
        with phase("notes"):
            counted = _count_lines(edition, document)
            label = keyed_label(counted, laid_out.label, laid_out.numbering.label)
            slots = fill_page_numbers(document.pages, label)
        if slots.misfits and not last:
            predicted = laid_out
            continue
        report("notes", f"{len(edition.glosses)} glosses")
        with phase("notes"):
            placement = place_margin_notes(document, page_label=_folio_label(laid_out))
        diagnostics = inputs.placement_diagnostics(placement)
        refused = frozenset(p.note_id for p in placement.needing_endnotes()) - endnotes
        if refused and not last:
            endnotes |= refused
            refusals.extend(d for d in diagnostics if d.code in REFUSAL_CODES)
            predicted = laid_out
            continue
        if slots.misfits:
            diagnostics.append(_unsettled(edition, slots.misfits))
        if counted is not None and edition.style.line_numbers is not None:
            with phase("notes"):
                recto = [page._page_box.page_type.side == "right" for page in document.pages]
                draw_line_numbers(document.pages, counted, edition.style.line_numbers, recto)
        labels = [laid_out.numbering.label(i) for i in range(len(document.pages))]
        origins = _paragraph_origins(edition)
        diagnostics.extend(overfull_lines(document.pages, origins, edition.origin, labels))
        whole = _view(edition, inputs, endnotes, laid_out, index_apart=False, heads=heads)
        diagnostics.extend(shortened_warnings(edition, shortened))
        warnings = tuple(dict.fromkeys([*whole.index_warnings, *refusals, *foot_warnings, *diagnostics]))
        return BookLayout(document, whole, laid_out, warnings, attempt, foot)
    raise AssertionError("unreachable: the last layout always returns")


def _unsettled_entries(settling: Settling, pages: PageMap) -> list[Diagnostic]:
    """A warning at every foot-apparatus entry that would not stand once on its lemma's page."""
    found = []
    for entry in settling.wrong:
        lemma = settling.lemma_page.get(entry.lemma_id)
        printed = settling.printed_on.get(entry.entry_id, ())
        where = ", ".join(f"p. {pages.numbering.label(i)}" for i in printed) or "no page"
        lemma_where = f"p. {pages.numbering.label(lemma)}" if lemma is not None else "no page"
        found.append(
            Diagnostic.at(
                entry.item.origin,
                "warning",
                "apparatus-unsettled",
                f"the foot-apparatus entry for '{entry.lemma_words}' is printed on {where}, its lemma on "
                f"{lemma_where}, after {MAX_APPARATUS_LAYOUTS} layouts; it is keyed by page and line",
                "a long apparatus near a page break; shortening the entry's note usually settles it",
            )
        )
    return found


def _count_lines(edition: Edition, document: weasyprint.Document) -> CountedLines | None:
    """The copy-text's lines, when the edition prints line numbers or keys notes by line."""
    numbering = edition.style.line_numbers
    return count_lines(document.pages, numbering) if numbering is not None else None


def _view(
    edition: Edition,
    inputs: LayoutInputs,
    endnotes: frozenset[str],
    pages: PageMap | None,
    *,
    index_apart: bool,
    heads: dict[str, str] | None = None,
) -> BookView:
    return book_view(
        edition,
        inputs.stylesheets,
        inputs.created,
        endnotes,
        pages,
        index_apart=index_apart,
        shortened_heads=heads,
    )


def _covers(pages: PageMap, ids: frozenset[str]) -> bool:
    """True when the map predicts every printed id (an earlier build's map may lack new ones)."""
    return all(element_id in pages.page_of for element_id in ids)


def _predict(
    edition: Edition, inputs: LayoutInputs, html: str, view: BookView, previous: PageMap | None
) -> PageMap:
    """The estimate, overridden by the previous build's map wherever that has the id."""
    design = inputs.design
    guess = estimate_page_map(
        html,
        view.printed_ids,
        TEXT_ID,
        width_pt=design.text_width_pt,
        height_pt=design.text_height_pt,
        font_pt=design.font_size_pt,
        appended=(INDEX_ID,) if edition.index else (),
    )
    if previous is None:
        return guess
    return PageMap(previous.numbering, {**guess.page_of, **previous.page_of})


def _append_index(
    edition: Edition,
    inputs: LayoutInputs,
    endnotes: frozenset[str],
    document: weasyprint.Document,
    heads: dict[str, str],
) -> weasyprint.Document:
    """Lay the index out with the page numbers of ``document`` and append its pages.

    The index opens on a recto: after a book ending on a recto, its document starts with a blank verso.
    Its folios continue the book's (same font configuration, so the pages can be written as one PDF).
    """
    book = layout_page_map(document.pages, TEXT_ID)
    view = _view(edition, inputs, endnotes, book, index_apart=False, heads=heads)
    count = len(document.pages)
    spacer = count % 2 == 1  # the next page (0-based index ``count``) would be a verso
    html = (
        environment()
        .get_template("index-document.html.j2")
        .render(view=view, spacer=spacer, first_folio=book.numbering.folio(count))
    )
    index = inputs.render(html)
    return document.copy([*document.pages, *index.pages])


def _folio_label(pages: PageMap) -> Callable[[int], str]:
    """Names a page index as the book prints it ("p. 3", "p. xii") in layout warnings."""
    return lambda index: f"p. {pages.numbering.label(index)}"


def _paragraph_origins(edition: Edition) -> dict[str, Origin]:
    """Where each numbered paragraph (text and author's notes) comes from, by its element id."""
    paragraphs = [*iter_paragraphs(edition.sections)]
    for footnote in edition.footnotes:
        paragraphs.extend(b for b in footnote.blocks if isinstance(b, Paragraph))
    return {p.element_id: p.origin for p in paragraphs if p.element_id}


def _unsettled(edition: Edition, misfits: frozenset[str]) -> Diagnostic:
    return Diagnostic.at(
        edition.origin,
        "warning",
        "pdf-page-numbers-unsettled",
        f"after {MAX_LAYOUTS} layouts some printed page numbers still change width: "
        f"{', '.join(sorted(misfits)[:8])}",
        "a page reference near a page break keeps pushing it; rewording the passage usually settles it",
    )
