"""Line numbers and notes keyed by page and line, checked against the printed page.

The default edition is built with the one-line style change ``note_keys: page.line``. The test reads the
screen PDF back with pdftotext and counts the lines of the text block itself (words grouped by baseline,
headings left out), so it does not trust the code that drew the numbers: every printed number must stand
on the baseline of the line it counts, in the inner margin, and every textual note's key must name the
page and line where its reading is printed.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass

import pytest
from pypdf import PdfReader

from edition.model import Paragraph, plain_text
from edition.resolve import load_edition
from edition.writers.pdf import build_pdf
from tests.conftest import DEFAULT_EDITION
from tests.writers.pdf.pdf_probe import Word, page_words

pytestmark = pytest.mark.slow

PT_PER_IN = 72.0
KEY = re.compile(r"^(?P<page>\d+)\.(?P<line>\d+)(?:–(?:(?P<end_page>\d+)\.)?(?P<end>\d+))?$")


@dataclass(frozen=True)
class PrintedLine:
    text: str
    top: float
    bottom: float
    baseline: float


@pytest.fixture(scope="module")
def keyed_by_line(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("lines") / "edition"
    shutil.copytree(DEFAULT_EDITION, root)
    config = root / "edition.yaml"
    text = config.read_text(encoding="utf-8")
    assert "\n  font_size: 10.5pt\n" in text
    switched = text.replace("\n  font_size: 10.5pt\n", "\n  font_size: 10.5pt\n  note_keys: page.line\n")
    config.write_text(switched, encoding="utf-8")
    edition = load_edition(root)
    result = build_pdf(edition, tmp_path_factory.mktemp("build"))
    screen = result.paths[1]
    return edition, screen, page_words(screen), PdfReader(screen).page_labels


def _geometry(edition) -> tuple[float, float, float, float]:
    """The trim width and height and the inner and outer margins (design.css.j2: 10 % and 30 %)."""
    width = float(edition.style.trim_width.removesuffix("in")) * PT_PER_IN
    height = float(edition.style.trim_height.removesuffix("in")) * PT_PER_IN
    return width, height, 0.1 * width, 0.3 * width


def _text_block(edition, index: int) -> tuple[float, float]:
    width, _height, inner, outer = _geometry(edition)
    recto = index % 2 == 0
    return (inner, width - outer) if recto else (outer, width - inner)


def _body_lines(edition, index: int, words: list[Word], headings: set[str]) -> list[PrintedLine]:
    """The lines of the text block on one page, top to bottom, without running head, folio or headings."""
    _width, height, _inner, _outer = _geometry(edition)
    left, right = _text_block(edition, index)
    inside = [
        w
        for w in words
        if w.x0 >= left - 2 and w.x1 <= right + 2 and 0.083 * height + 4 < w.bottom < 0.9 * height
    ]
    printed = []
    for line in _group_lines(inside):
        text = " ".join(w.text for w in line)
        if any(_squeeze(text) in heading for heading in headings):
            continue
        tallest = max(line, key=lambda w: w.bottom - w.top)
        printed.append(PrintedLine(text, tallest.top, tallest.bottom, tallest.bottom))
    return printed


def _group_lines(words: list[Word]) -> list[list[Word]]:
    """Words in lines, top to bottom, each left to right: a word whose middle lies within the line so
    far belongs to it (superscript marks and smaller type included)."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.bottom, w.x0)):
        middle = (word.top + word.bottom) / 2
        if lines and min(w.top for w in lines[-1]) <= middle <= max(w.bottom for w in lines[-1]):
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w.x0) for line in lines]


def _opens(words: list[Word], title: str) -> bool:
    """True for a page whose first words are ``title`` (letter-spaced or not, any case)."""
    return _squeeze(" ".join(w.text for w in words[:6])).lower().startswith(title)


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def printed_on_line(word: str, line: str) -> bool:
    """``word`` is printed on ``line``, whole or as the hyphenated fragment that ends it."""
    fragment = line.split()[-1]
    return _squeeze(word) in _squeeze(line) or (fragment.endswith("-") and word.startswith(fragment[:-1]))


def _headings(edition) -> set[str]:
    """What is printed in the text but is not the copy-text: headings, the title, byline and author notes."""
    titles = {_squeeze(plain_text(s.heading.content)) for s in edition.sections if s.heading is not None}
    people = {_squeeze(p.name) for p in edition.metadata.authors}
    notes = {
        _squeeze(plain_text(b.content))
        for n in edition.contributor_notes
        for b in n.blocks
        if isinstance(b, Paragraph)
    }
    return titles | people | notes | {_squeeze(edition.metadata.title)}


def _text_pages(edition, words_by_page: list[list[Word]], labels: list[str]) -> range:
    """The pages of the copy-text: from page 1 to the page before the first back-matter division."""
    first = labels.index("1")
    last = next(i for i in range(first, len(labels)) if _opens(words_by_page[i], "notes"))
    return range(first, last)


def _margin_numbers(edition, index: int, words: list[Word]) -> list[Word]:
    """Figures standing alone in the inner margin."""
    width, _height, inner, _outer = _geometry(edition)
    recto = index % 2 == 0
    found = [
        w
        for w in words
        if w.text.isdigit() and ((recto and w.x1 < inner - 1) or (not recto and w.x0 > width - inner + 1))
    ]
    return sorted(found, key=lambda w: w.bottom)


def test_every_fifth_line_is_numbered_on_its_baseline(keyed_by_line) -> None:
    edition, _pdf, words_by_page, labels = keyed_by_line
    headings = _headings(edition)
    checked = 0
    pages = _text_pages(edition, words_by_page, labels)
    for index in pages:
        words = words_by_page[index]
        body = _body_lines(edition, index, words, headings)
        numbers = _margin_numbers(edition, index, words)
        expected = [n for n in range(5, len(body) + 1, 5)]
        assert [int(w.text) for w in numbers] == expected, f"page {labels[index]}: {body[-1].text!r}"
        for number in numbers:
            line = body[int(number.text) - 1]
            assert abs(number.bottom - line.baseline) < 2.5, (labels[index], number.text, line.text)
            checked += 1
    assert len(pages) >= 10 and checked >= 5 * len(pages)  # full pages hold 30+ lines


def test_numbers_stay_in_the_inner_margin_clear_of_the_text(keyed_by_line) -> None:
    edition, _pdf, words_by_page, labels = keyed_by_line
    width, _height, _inner, _outer = _geometry(edition)
    for index in _text_pages(edition, words_by_page, labels):
        left, right = _text_block(edition, index)
        for number in _margin_numbers(edition, index, words_by_page[index]):
            assert number.x1 < left - 3 or number.x0 > right + 3
            assert number.x0 > 0 and number.x1 < width


def test_textual_notes_are_keyed_by_the_page_and_line_of_their_reading(keyed_by_line) -> None:
    edition, _pdf, words_by_page, labels = keyed_by_line
    headings = _headings(edition)
    entries = _textual_note_keys(words_by_page, labels)
    by_line = [(key, words) for key, words in entries if KEY.match(key)]
    # Every emendation has an entry; those in the copy-text are keyed by line, the rest ("p. 17") by page.
    assert len(entries) == len(edition.emendations), entries
    in_notes = [key for key, _words in entries if not KEY.match(key)]
    assert len(by_line) + len(in_notes) == len(entries) and len(by_line) >= 8
    for key, first_words in by_line:
        match = KEY.match(key)
        assert match is not None
        index = labels.index(match["page"])
        body = _body_lines(edition, index, words_by_page[index], headings)
        assert int(match["line"]) <= len(body), (key, first_words, [b.text for b in body[-3:]])
        line = body[int(match["line"]) - 1]
        assert _squeeze(first_words.split()[0]) in _squeeze(line.text), (key, first_words, line.text)
        if match["end"] and not match["end_page"]:
            assert int(match["end"]) > int(match["line"])


def _textual_note_keys(words_by_page: list[list[Word]], labels: list[str]) -> list[tuple[str, str]]:
    """(key, the words after it) for every entry of the Textual Notes division: lines opening with a key."""
    start = next(
        i for i, words in enumerate(words_by_page) if i > labels.index("1") and _opens(words, "textualnotes")
    )
    entries = []
    for words in words_by_page[start:]:
        if _opens(words, "bibliography"):
            break
        for line in _group_lines(words):
            if KEY.match(line[0].text) or line[0].text == "p.":
                entries.append((line[0].text, " ".join(w.text for w in line[1:])))
    return entries
