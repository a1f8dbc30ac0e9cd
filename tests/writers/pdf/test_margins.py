"""Margin-note placement, checked on real WeasyPrint output: the box tree after placement, the words and
link annotations of the written PDF (pdftotext -bbox, pypdf), and the pure stacking rules (hypothesis)."""

from __future__ import annotations

import io
import itertools
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pypdf
import pytest
import weasyprint
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from edition.writers.pdf.margin_stack import Column, NoteShape, Refused, Slot, stack_notes
from edition.writers.pdf.margins import (
    DEFAULT_GAP,
    TRIM_SAFETY,
    MarginNoteError,
    NotePlacement,
    PlacementReport,
    is_margin_note_box,
    place_margin_notes,
)

ROOT = Path(__file__).resolve().parents[3]
NOTES_CSS = ROOT / "edition" / "styles" / "margin-notes.css"

# The real geometry, in the units the test CSS states it: 6 × 9 in, inner 0.75in, outer 1.75in.
PX = 96.0  # CSS px per inch
PAGE_W, PAGE_H = 6 * PX, 9 * PX
INNER, OUTER, TOP, BOTTOM = 0.75 * PX, 1.75 * PX, 0.75 * PX, 0.75 * PX
PT_PER_PX = 0.75
EPS = 0.01

PAGE_CSS = """
@page { size: 6in 9in; margin: 0.75in; }
@page :right { margin-left: 0.75in; margin-right: 1.75in; @bottom-right { content: counter(page) } }
@page :left { margin-left: 1.75in; margin-right: 0.75in; @bottom-left { content: counter(page) } }
html { font-family: "EB Garamond"; }
body { margin: 0; font-size: 10.5pt; line-height: 1.35; }
p { margin: 0; text-indent: 1em; text-align: justify; }
"""
BLEED_CSS = "@page { bleed: 3mm; marks: crop; }"

FILLER = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor. "


# --------------------------------------------------------------------------------------------------
# Building test documents (lxml, so the note markup is exactly the template contract)
# --------------------------------------------------------------------------------------------------


def token(number: int) -> str:
    """A word that occurs once in the document, inside note ``number`` only."""
    return f"zq{number}"


def url(number: int) -> str:
    return f"https://example.org/note-{number}"


def add_note(parent: etree._Element, number: int, words: int) -> None:
    """Append the gloss marker and note exactly as the template contract says."""
    ref = etree.SubElement(parent, "a", {"class": "gloss-ref", "id": f"glossref-{number}",
                                         "href": f"#gloss-{number}"})
    ref.text = str(number)
    note = etree.SubElement(parent, "span", {"class": "margin-note", "id": f"gloss-{number}",
                                             "data-note-number": str(number),
                                             "data-origin": f"apparatus/glosses.yaml:{number}:5"})
    box = etree.SubElement(note, "span", {"class": "margin-note-box"})
    num = etree.SubElement(box, "span", {"class": "margin-note-number"})
    num.text = str(number)
    num.tail = f" {token(number)} see "
    internal = etree.SubElement(box, "a", {"href": "#p-1"})
    internal.text = "§1"
    internal.tail = " and "
    external = etree.SubElement(box, "a", {"href": url(number)})
    external.text = "this"
    em = etree.SubElement(box, "em")
    em.text = " gloss "
    em.tail = "words " * words


@dataclass(frozen=True)
class Para:
    """A paragraph: filler sentences, with notes after some of them: ``notes`` = (after sentence, words)."""

    sentences: int
    notes: tuple[tuple[int, int], ...] = ()
    spacer: float = 0.0  # px of empty block before the paragraph


def build_html(paras: list[Para], extra_css: str = "") -> str:
    html = etree.Element("html")
    head = etree.SubElement(html, "head")
    style = etree.SubElement(head, "style")
    style.text = NOTES_CSS.read_text() + PAGE_CSS + extra_css
    body = etree.SubElement(html, "body")
    number = 0
    for index, para in enumerate(paras):
        if para.spacer:
            etree.SubElement(body, "div", {"style": f"height: {para.spacer}px"})
        p = etree.SubElement(body, "p", {"id": f"p-{index}"})
        p.text = ""
        grouped: dict[int, list[int]] = {}
        for sentence, words in para.notes:
            grouped.setdefault(sentence, []).append(words)
        last: etree._Element | None = None
        for sentence in range(para.sentences):
            text = FILLER if sentence % 2 == 0 else FILLER.replace("Lorem", "Ut enim")
            if last is None:
                p.text += text
            else:
                last.tail = (last.tail or "") + text
            for words in grouped.get(sentence, ()):
                number += 1
                add_note(p, number, words)
                last = p[-1]
                last.tail = " "
    return etree.tostring(html, method="html", encoding="unicode")


@dataclass(frozen=True)
class Rendered:
    document: weasyprint.Document
    before: tuple[dict[str, tuple[float, float, float, float]], ...]  # page anchors before placement
    report: PlacementReport
    pdf: bytes
    words: tuple[tuple[tuple[float, float, float, float, str], ...], ...]  # per page, pt, media box
    page_count: int


def render(paras: list[Para], extra_css: str = "") -> Rendered:
    document = weasyprint.HTML(string=build_html(paras, extra_css)).render()
    before = tuple(dict(page.anchors) for page in document.pages)
    report = place_margin_notes(document)
    pdf = document.write_pdf()
    return Rendered(document, before, report, pdf, pdf_words(pdf), len(document.pages))


WORD_RE = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')


def pdf_words(pdf: bytes) -> tuple[tuple[tuple[float, float, float, float, str], ...], ...]:
    """Every word of the PDF with its box (pt, from the media box's top-left), page by page."""
    assert shutil.which("pdftotext"), "poppler-utils must be installed"
    out = subprocess.run(["pdftotext", "-bbox", "-", "-"], input=pdf, capture_output=True, check=True).stdout
    pages = out.decode().split("<page ")[1:]
    return tuple(
        tuple((float(a), float(b), float(c), float(d), w) for a, b, c, d, w in WORD_RE.findall(page))
        for page in pages)


def drawn_text(pdf: bytes) -> str:
    """All text drawn in the PDF, by pypdf: unlike pdftotext it keeps text drawn twice at one place."""
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def count_word(text: str, word: str) -> int:
    return len(re.findall(rf"\b{re.escape(word)}\b", text))


def outer_right(page: int) -> bool:
    """The test book starts on a recto: even indexes are right-hand pages, outer margin on the right."""
    return page % 2 == 0


def text_block(page: int) -> tuple[float, float]:
    left = INNER if outer_right(page) else OUTER
    return left, PAGE_W - (OUTER if outer_right(page) else INNER)


def margin_limits(page: int) -> tuple[float, float]:
    """The x range (px) a note may use on a page: from the text block's outer edge to trim − 3 mm."""
    left, right = text_block(page)
    if outer_right(page):
        return right, PAGE_W - 3 * 96 / 25.4
    return 3 * 96 / 25.4, left


# --------------------------------------------------------------------------------------------------
# Scenarios (rendered once per module)
# --------------------------------------------------------------------------------------------------

SPREAD = [Para(sentences=10, notes=((2, 6 + i % 5), (7, 3 + i % 4))) for i in range(14)]
N_SPREAD = 28

CROWD = [Para(sentences=30), Para(sentences=26),
         Para(sentences=12, notes=tuple((0, 4 + i % 3) for i in range(30))),
         *[Para(sentences=10) for _ in range(10)]]
N_CROWD = 30


@pytest.fixture(scope="module")
def spread() -> Rendered:
    return render(SPREAD)


@pytest.fixture(scope="module")
def crowd() -> Rendered:
    return render(CROWD)


# --------------------------------------------------------------------------------------------------
# Uncrowded text: every note beside its anchor line, in the outer margin, once
# --------------------------------------------------------------------------------------------------


def test_every_note_is_printed_exactly_once(spread: Rendered) -> None:
    assert spread.page_count >= 4
    numbers = [p.number for p in spread.report.placements]
    assert numbers == list(range(1, N_SPREAD + 1))
    all_words = [w for page in spread.words for *_, w in page]
    drawn = drawn_text(spread.pdf)
    for number in numbers:
        assert all_words.count(token(number)) == 1, number
        assert count_word(drawn, token(number)) == 1, number


def test_notes_stay_on_their_anchor_page_and_side(spread: Rendered) -> None:
    assert {p.fallback for p in spread.report.placements} == {"none"}
    assert not any(p.spilled for p in spread.report.placements)
    for placement in spread.report.placements:
        assert placement.page == placement.anchor_page
        page_words = [w for *_, w in spread.words[placement.page]]
        assert token(placement.number) in page_words
    assert {outer_right(p.page) for p in spread.report.placements} == {True, False}  # recto and verso


def test_note_top_is_its_anchor_line_top(spread: Rendered) -> None:
    """Before placement the note box sits at its static position: the top of the marker's line."""
    for placement in spread.report.placements:
        static = spread.before[placement.anchor_page][placement.note_id]
        marker = spread.before[placement.anchor_page][f"glossref-{placement.number}"]
        line_height = 10.5 * 1.35 * 96 / 72
        assert static[1] <= marker[1] < static[1] + line_height  # the note was laid out on its marker's line
        foot = PAGE_H - BOTTOM
        if static[1] + placement.height <= foot:
            assert placement.y == pytest.approx(static[1], abs=EPS)
        else:  # a note anchored near the foot is pushed up just enough
            assert placement.y + placement.height == pytest.approx(foot, abs=EPS)
        moved = spread.document.pages[placement.page].anchors[placement.note_id]
        assert moved[1] == pytest.approx(placement.y, abs=EPS)
        assert moved[0] == pytest.approx(placement.x, abs=EPS)
    at_anchor = [p for p in spread.report.placements
                 if p.y == pytest.approx(spread.before[p.anchor_page][p.note_id][1], abs=EPS)]
    assert len(at_anchor) >= N_SPREAD - spread.page_count  # at most one pushed up per page


def test_notes_in_outer_margin_in_box_tree(spread: Rendered) -> None:
    for placement in spread.report.placements:
        low, high = margin_limits(placement.page)
        assert low - EPS <= placement.x
        assert placement.x + placement.width <= high + EPS
        assert placement.y >= TOP - EPS
        assert placement.y + placement.height <= PAGE_H - BOTTOM + EPS


def test_printed_words_never_cross_into_text_block_gutter_or_trim(spread: Rendered) -> None:
    """On the PDF: beside the text block, every word is wholly in the text block or wholly in the outer
    margin, never in the gutter, never past trim − 3 mm; and each note's words are in the margin."""
    for page, words in enumerate(spread.words):
        left, right = (v * PT_PER_PX for v in text_block(page))
        low, high = (v * PT_PER_PX for v in margin_limits(page))
        for x0, y0, x1, y1, word in words:
            if y1 < TOP * PT_PER_PX or y0 > (PAGE_H - BOTTOM) * PT_PER_PX:
                continue  # running heads and folios
            in_text = left - 0.5 <= x0 and x1 <= right + 0.5
            in_margin = low - 0.5 <= x0 and x1 <= high + 0.5
            assert in_text or in_margin, (page, word, x0, x1)
            if word.startswith("zq"):
                assert in_margin and not in_text, (page, word)


def test_no_two_notes_overlap(spread: Rendered) -> None:
    assert_no_overlap(spread.report)
    for page, words in enumerate(spread.words):
        assert_words_apart([w for w in words if in_margin_pt(page, w)])


def test_links_inside_notes_work_where_the_note_now_is(spread: Rendered) -> None:
    assert_links(spread)


def test_layout_leaves_no_note_in_the_text_flow(spread: Rendered) -> None:
    """After placement the notes hang from the page boxes, and nowhere else."""
    for page in spread.document.pages:
        direct = [child for child in page._page_box.children if is_margin_note_box(child)]
        nested = [box for child in page._page_box.children if not is_margin_note_box(child)
                  for box in child.descendants(placeholders=True) if is_margin_note_box(box)]
        assert nested == []
        for box in direct:
            assert not any(child.element_tag.endswith("::before") for child in box.children)  # no cue
    placed = sum(is_margin_note_box(c) for page in spread.document.pages for c in page._page_box.children)
    assert placed == N_SPREAD


# --------------------------------------------------------------------------------------------------
# Crowded: 30 notes anchored on one page
# --------------------------------------------------------------------------------------------------


def test_crowded_notes_spill_in_order_with_cue_and_none_lost(crowd: Rendered) -> None:
    placements = crowd.report.placements
    assert [p.number for p in placements] == list(range(1, N_CROWD + 1))
    anchor_pages = {p.anchor_page for p in placements}
    assert len(anchor_pages) == 1  # all 30 anchored on one page
    (anchor,) = anchor_pages
    assert {p.fallback for p in placements} == {"none"}
    kept = [p for p in placements if not p.spilled]
    spilled = [p for p in placements if p.spilled]
    assert kept and spilled
    assert all(p.page == anchor for p in kept)
    assert all(p.page > anchor for p in spilled)
    assert [p.number for p in kept + spilled] == list(range(1, N_CROWD + 1))  # order kept
    assert [(p.page, p.y) for p in placements] == sorted((p.page, p.y) for p in placements)
    all_words = [w for page in crowd.words for *_, w in page]
    drawn = drawn_text(crowd.pdf)
    for placement in placements:
        assert all_words.count(token(placement.number)) == 1
        assert count_word(drawn, token(placement.number)) == 1
        assert token(placement.number) in [w for *_, w in crowd.words[placement.page]]
    # One "from p. N" cue per spilled note, none for the others, N the anchor page's folio,
    # each just above its note.
    cues = [(page, w) for page, words in enumerate(crowd.words) for w in words if w[4] == "from"]
    assert len(cues) == len(spilled)
    for placement in spilled:
        x, y = placement.x * PT_PER_PX, placement.y * PT_PER_PX
        (cue,) = [w for page, w in cues
                  if page == placement.page and abs(w[0] - x) < 1 and y - 1 <= w[1] < y + 8]
        line = [w[4] for w in crowd.words[placement.page] if abs(w[1] - cue[1]) < 0.5 and w[0] < x + 80
                and w[0] >= x - 1]
        assert line == ["from", "p.", str(anchor + 1)]
    assert crowd.report.warnings and all(w.code == "margin-note-spilled" for w in crowd.report.warnings)
    assert all(str(w).startswith("apparatus/glosses.yaml:") for w in crowd.report.warnings)


def test_crowded_margin_is_used_top_to_bottom_without_overlap(crowd: Rendered) -> None:
    assert_no_overlap(crowd.report)
    for page, words in enumerate(crowd.words):
        assert_words_apart([w for w in words if in_margin_pt(page, w)])
    for placement in crowd.report.placements:
        low, high = margin_limits(placement.page)
        assert low - EPS <= placement.x and placement.x + placement.width <= high + EPS
        assert placement.y >= TOP - EPS and placement.y + placement.height <= PAGE_H - BOTTOM + EPS
    first_spilled = next(p for p in crowd.report.placements if p.spilled)
    assert first_spilled.y == pytest.approx(TOP, abs=EPS)  # the top of the next page's margin


def test_links_in_spilled_notes_point_to_their_new_page(crowd: Rendered) -> None:
    assert any(p.spilled for p in crowd.report.placements)
    assert_links(crowd)


# --------------------------------------------------------------------------------------------------
# Edge cases
# --------------------------------------------------------------------------------------------------


def test_note_taller_than_the_margin_becomes_an_endnote() -> None:
    rendered = render([Para(sentences=4, notes=((1, 6),)), Para(sentences=4, notes=((1, 700),)),
                       Para(sentences=4, notes=((1, 6),))])
    first, tall, last = rendered.report.placements
    assert tall.fallback == "endnote"
    assert tall.height > PAGE_H - TOP - BOTTOM
    assert rendered.report.needing_endnotes() == (tall,)
    assert (first.fallback, last.fallback) == ("none", "none")
    all_words = [w for page in rendered.words for *_, w in page]
    assert token(2) not in all_words  # taken out, not drawn anywhere
    assert all_words.count(token(1)) == 1 and all_words.count(token(3)) == 1
    (warning,) = rendered.report.warnings
    assert str(warning).startswith("apparatus/glosses.yaml:2:5:") and warning.code == "margin-note-too-tall"
    assert warning.number == 2


def test_note_at_the_foot_is_pushed_up_not_cut_off() -> None:
    rendered = render([Para(sentences=2, spacer=(PAGE_H - TOP - BOTTOM) - 80, notes=((0, 60),))])
    (placement,) = rendered.report.placements
    assert placement.page == placement.anchor_page == 0 and not placement.spilled
    assert placement.y + placement.height == pytest.approx(PAGE_H - BOTTOM, abs=EPS)
    assert placement.y < rendered.before[0][placement.note_id][1]  # it moved up


def test_two_notes_on_one_line_stack() -> None:
    rendered = render([Para(sentences=3, notes=((0, 8), (0, 8)))])
    first, second = rendered.report.placements
    assert first.page == second.page == 0
    assert first.y == pytest.approx(rendered.before[0][first.note_id][1], abs=EPS)
    assert second.y == pytest.approx(first.y + first.height + DEFAULT_GAP, abs=EPS)


def test_bleed_and_crop_marks_keep_notes_inside_trim_safety() -> None:
    rendered = render(SPREAD[:4], BLEED_CSS)
    reader = pypdf.PdfReader(io.BytesIO(rendered.pdf))
    for page, words in enumerate(rendered.words):
        trim = reader.pages[page].trimbox
        media = reader.pages[page].mediabox
        assert float(trim.width) == pytest.approx(PAGE_W * PT_PER_PX, abs=0.01)
        dx = float(trim.left) - float(media.left)
        dy = float(media.top) - float(trim.top)
        assert dx > 0  # the bleed is there, so the offset matters
        low, high = (v * PT_PER_PX for v in margin_limits(page))
        notes = [w for w in words if w[4].startswith("zq")]
        assert notes
        for x0, _, x1, _, _ in [(a - dx, b - dy, c - dx, d - dy, w) for a, b, c, d, w in notes]:
            assert low - 0.5 <= x0 and x1 <= high + 0.5
    assert_no_overlap(rendered.report)


def test_document_without_notes_is_untouched() -> None:
    rendered = render([Para(sentences=6)])
    assert rendered.report == PlacementReport(placements=(), warnings=())


def test_trim_safety_is_three_millimetres() -> None:
    assert pytest.approx(3 / 25.4 * 96) == TRIM_SAFETY


# --------------------------------------------------------------------------------------------------
# Checks shared by the scenarios
# --------------------------------------------------------------------------------------------------


def in_margin_pt(page: int, word: tuple[float, float, float, float, str]) -> bool:
    low, high = (v * PT_PER_PX for v in margin_limits(page))
    top, bottom = TOP * PT_PER_PX, (PAGE_H - BOTTOM) * PT_PER_PX
    return low - 0.5 <= word[0] and word[2] <= high + 0.5 and word[1] >= top - 0.5 and word[3] <= bottom + 3


def assert_no_overlap(report: PlacementReport) -> None:
    by_page: dict[int, list[NotePlacement]] = {}
    for placement in report.placements:
        if placement.fallback == "none":
            by_page.setdefault(placement.page, []).append(placement)
    for notes in by_page.values():
        notes.sort(key=lambda p: p.y)
        for upper, lower in itertools.pairwise(notes):
            assert upper.y + upper.height + DEFAULT_GAP <= lower.y + EPS, (upper, lower)


def assert_words_apart(words: list[tuple[float, float, float, float, str]]) -> None:
    """No two printed words in the margin overlap. Word boxes are the font's full height, which is a
    little more than the notes' line pitch, so each box is trimmed by a fifth of its height top and bottom."""
    boxes = []
    for x0, y0, x1, y1, word in words:
        trim = (y1 - y0) / 5
        boxes.append((x0, y0 + trim, x1, y1 - trim, word))
    boxes.sort(key=lambda b: b[1])
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            if b[1] >= a[3]:
                break
            assert a[2] <= b[0] + 0.01 or b[2] <= a[0] + 0.01, (a, b)


def assert_links(rendered: Rendered) -> None:
    """Each note's external link is one annotation, on the note's page, inside the note; each marker's
    link lands on the note's page at the note's top."""
    reader = pypdf.PdfReader(io.BytesIO(rendered.pdf))
    uris: dict[str, list[tuple[int, list[float]]]] = {}
    for page_number, page in enumerate(reader.pages):
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            action = annotation.get("/A")
            if action is not None and "/URI" in action:
                uris.setdefault(str(action["/URI"]), []).append(
                    (page_number, [float(v) for v in annotation["/Rect"]]))
    destinations = reader.named_destinations
    page_h_pt = PAGE_H * PT_PER_PX
    for placement in rendered.report.placements:
        (page_number, rect) = uris[url(placement.number)][0]
        assert len(uris[url(placement.number)]) == 1
        assert page_number == placement.page
        x0, y0 = placement.x * PT_PER_PX, page_h_pt - (placement.y + placement.height) * PT_PER_PX
        x1, y1 = (placement.x + placement.width) * PT_PER_PX, page_h_pt - placement.y * PT_PER_PX
        left, bottom, right, top = min(rect[0], rect[2]), min(rect[1], rect[3]), max(rect[0], rect[2]), \
            max(rect[1], rect[3])
        assert top > bottom  # clickable
        assert x0 - 0.5 <= left and right <= x1 + 0.5 and y0 - 0.5 <= bottom and top <= y1 + 0.5
        destination = destinations[placement.note_id]
        assert reader.get_destination_page_number(destination) == placement.page
        note_top = rendered.document.pages[placement.page].anchors[placement.note_id][1]
        if placement.spilled:
            assert placement.y + 5 < note_top < placement.y + 20  # below its cue line
        else:
            assert note_top == pytest.approx(placement.y, abs=EPS)
        assert float(destination.top) == pytest.approx(page_h_pt - note_top * PT_PER_PX, abs=0.01)
    # Links from the text to the notes survive too: one marker link per note, pointing at its note.
    markers = [a.get_object() for page in reader.pages for a in page.get("/Annots") or []
               if str(a.get_object().get("/Dest", "")).startswith("gloss-")]
    assert sorted(str(a["/Dest"]) for a in markers) == sorted(p.note_id for p in rendered.report.placements)


# --------------------------------------------------------------------------------------------------
# The stacking rules on numbers alone
# --------------------------------------------------------------------------------------------------

GAP = 5.0
SIDE_GAP = 14.4


def columns(count: int, height: float = 600.0) -> list[Column]:
    return [Column(top=72.0, bottom=72.0 + height, text_edge=408.0 if i % 2 == 0 else 168.0,
                   limit=564.0 if i % 2 == 0 else 12.0, outer_right=i % 2 == 0) for i in range(count)]


@st.composite
def documents(draw: st.DrawFn) -> tuple[list[Column], list[NoteShape]]:
    page_count = draw(st.integers(1, 6))
    cols = columns(page_count)
    notes = []
    for page in range(page_count):
        ys = sorted(draw(st.lists(st.floats(72.0, 660.0), max_size=12)))
        for y in ys:
            height = draw(st.one_of(st.floats(10.0, 120.0), st.floats(10.0, 700.0)))
            notes.append(NoteShape(anchor_page=page, anchor_y=y, width=124.8, height=height, cue_height=12.0))
    return cols, notes


@settings(max_examples=300, deadline=None)
@given(documents())
def test_stack_rules_hold_for_any_document(doc: tuple[list[Column], list[NoteShape]]) -> None:
    cols, notes = doc
    outcomes = stack_notes(cols, notes, gap=GAP, side_gap=SIDE_GAP)
    assert len(outcomes) == len(notes)
    placed: list[tuple[int, Slot]] = []
    for index, (note, outcome) in enumerate(zip(notes, outcomes, strict=True)):
        column = cols[note.anchor_page]
        if isinstance(outcome, Refused):
            if outcome.reason == "too-tall":
                assert note.height + note.cue_height > column.height
            continue
        assert note.height <= column.height
        assert outcome.page >= note.anchor_page
        assert outcome.spilled == (outcome.page != note.anchor_page)
        assert outcome.extent == note.height + (note.cue_height if outcome.spilled else 0)
        target = cols[outcome.page]
        assert target.top - 1e-6 <= outcome.top and outcome.top + outcome.extent <= target.bottom + 1e-6
        if target.outer_right:
            assert target.text_edge <= outcome.x and outcome.x + note.width <= target.limit
        else:
            assert target.limit <= outcome.x and outcome.x + note.width <= target.text_edge
        placed.append((index, outcome))
    # Document order is reading order: page by page, top to bottom, and never overlapping.
    for (_, upper), (_, lower) in itertools.pairwise(placed):
        assert (upper.page, upper.top) <= (lower.page, lower.top)
        if upper.page == lower.page:
            assert upper.top + upper.extent + GAP <= lower.top + 1e-6
    # "no-room" only happens when the last page's column is in use.
    if any(isinstance(o, Refused) and o.reason == "no-room" for o in outcomes):
        assert any(slot.page == len(cols) - 1 for _, slot in placed)


def test_a_lone_note_sits_at_its_anchor() -> None:
    (slot,) = stack_notes(columns(1), [NoteShape(0, 300.0, 124.8, 50.0, 12.0)], gap=GAP, side_gap=SIDE_GAP)
    assert slot == Slot(page=0, x=408.0 + SIDE_GAP, top=300.0, extent=50.0, spilled=False)


def test_verso_note_ends_side_gap_before_text_block() -> None:
    (slot,) = stack_notes(columns(2), [NoteShape(1, 300.0, 124.8, 50.0, 12.0)], gap=GAP, side_gap=SIDE_GAP)
    assert isinstance(slot, Slot)
    assert slot.x + 124.8 == pytest.approx(168.0 - SIDE_GAP)


def test_side_gap_shrinks_before_crossing_the_safety_line() -> None:
    column = Column(top=0.0, bottom=100.0, text_edge=400.0, limit=530.0, outer_right=True)
    assert column.x_for(124.8, SIDE_GAP) == pytest.approx(530.0 - 124.8)
    assert column.x_for(131.0, SIDE_GAP) is None


def test_notes_wider_than_every_margin_are_refused_as_too_wide() -> None:
    outcomes = stack_notes(columns(2), [NoteShape(0, 100.0, 200.0, 50.0, 12.0)], gap=GAP, side_gap=SIDE_GAP)
    assert outcomes == (Refused("too-wide"),)


def test_notes_after_the_last_page_have_no_room() -> None:
    notes = [NoteShape(0, 72.0, 124.8, 250.0, 12.0) for _ in range(3)]
    outcomes = stack_notes(columns(1, height=600.0), notes, gap=GAP, side_gap=SIDE_GAP)
    assert [type(o) for o in outcomes] == [Slot, Slot, Refused]
    assert outcomes[2] == Refused("no-room")


def test_full_page_spills_to_next_page_top_before_its_own_notes() -> None:
    notes = [*(NoteShape(0, 600.0, 124.8, 200.0, 12.0) for _ in range(4)),
             NoteShape(1, 80.0, 124.8, 40.0, 12.0)]
    outcomes = stack_notes(columns(2), notes, gap=GAP, side_gap=SIDE_GAP)
    assert all(isinstance(o, Slot) for o in outcomes)
    slots = [o for o in outcomes if isinstance(o, Slot)]
    assert [s.page for s in slots] == [0, 0, 1, 1, 1]
    assert slots[0].top == 72.0 + 600.0 - 200.0 - GAP - 200.0  # pushed up from the foot
    assert slots[2].top == 72.0 and slots[2].spilled and slots[2].extent == 212.0
    assert slots[4].top == slots[3].top + slots[3].extent + GAP and not slots[4].spilled


# --------------------------------------------------------------------------------------------------
# Contract guards and output validity
# --------------------------------------------------------------------------------------------------


def test_notes_inside_inline_markup_and_positioned_blocks_are_found() -> None:
    """A marker inside <em>, and one in a relatively positioned, indented block (another containing
    block), both go to the outer margin at their line's top."""
    source = build_html([Para(sentences=3, notes=((0, 5),)), Para(sentences=3, notes=((1, 5),))])
    html = etree.fromstring(source, etree.HTMLParser())
    first, second = html.iter("p")
    em = etree.SubElement(first, "em")
    for child in [c for c in first if c.tag in ("a", "span")]:
        em.append(child)  # lxml moves the element (with its tail) into <em>
    quote = etree.Element("blockquote", style="position: relative; margin-left: 3em")
    second.addprevious(quote)
    quote.append(second)
    document = weasyprint.HTML(string=etree.tostring(html, method="html", encoding="unicode")).render()
    static = {name: value for name, value in document.pages[0].anchors.items() if name.startswith("gloss-")}
    report = place_margin_notes(document)
    assert [p.number for p in report.placements] == [1, 2]
    for placement in report.placements:
        assert placement.page == 0 and placement.fallback == "none"
        assert placement.x >= PAGE_W - OUTER
        assert placement.y == pytest.approx(static[placement.note_id][1], abs=EPS)


def test_placing_twice_is_refused() -> None:
    document = weasyprint.HTML(string=build_html([Para(sentences=3, notes=((0, 5),))])).render()
    place_margin_notes(document)
    with pytest.raises(MarginNoteError, match="already been placed"):
        place_margin_notes(document)


def test_notes_without_the_stylesheet_are_refused() -> None:
    html = build_html([Para(sentences=3, notes=((0, 5),))]).replace("position: absolute", "position: static")
    document = weasyprint.HTML(string=html).render()
    with pytest.raises(MarginNoteError, match=r"glosses.yaml:1:5: .*not absolutely positioned"):
        place_margin_notes(document)


def test_tagged_pdf_ua_output_is_valid(crowd: Rendered, tmp_path: Path) -> None:
    """The tag tree is built from the same page trees as the drawing: moved notes must suit both."""
    pdf = crowd.document.write_pdf(pdf_variant="pdf/ua-1")
    drawn = drawn_text(pdf)
    for number in range(1, N_CROWD + 1):
        assert count_word(drawn, token(number)) == 1
    assert shutil.which("qpdf"), "qpdf must be installed"
    path = tmp_path / "ua.pdf"
    path.write_bytes(pdf)
    check = subprocess.run(["qpdf", "--check", str(path)], capture_output=True)
    assert check.returncode == 0, check.stdout.decode() + check.stderr.decode()
