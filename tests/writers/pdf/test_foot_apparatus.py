"""The foot apparatus, checked against the printed pages.

The default edition is built with its textual notes declared as a foot series. Read back from the screen
PDF with pdftotext: every entry is printed once; an entry keyed by a line alone stands on its lemma's
page and its lemma starts on that line; an entry keyed "page.line" names the page and line where its
lemma starts, and is warned about (``apparatus-unsettled``).
"""

from __future__ import annotations

import re
import shutil

import pytest
from pypdf import PdfReader

from edition.resolve import load_edition
from edition.writers.pdf import build_pdf
from tests.conftest import DEFAULT_EDITION
from tests.writers.pdf.pdf_probe import Word, internal_links, page_words
from tests.writers.pdf.test_line_numbers import _body_lines, _headings, _squeeze

pytestmark = pytest.mark.slow

LINE_KEY = re.compile(r"^\d+$")
PAGE_LINE_KEY = re.compile(r"^(?P<page>\d+)\.(?P<line>\d+)(?:–[\d.]+)?$")
FOOT_SIZE_PT = 8.4 * 1.15  # 0.8 em of 10.5 pt, with the height pdftotext gives a word


@pytest.fixture(scope="module")
def foot_built(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("foot") / "edition"
    shutil.copytree(DEFAULT_EDITION, root)
    config = root / "edition.yaml"
    text = config.read_text(encoding="utf-8")
    series = "  series: [{name: A, contents: [emendations], place: foot}]\n"
    config.write_text(text.replace("\n  font_size: 10.5pt\n", "\n  font_size: 10.5pt\n" + series), "utf-8")
    edition = load_edition(root)
    result = build_pdf(edition, tmp_path_factory.mktemp("build"))
    screen = result.paths[1]
    # Keys are links to their lemma printed as one token: "17" or "12.17" (cross-references print "p. 5").
    keys = [
        link
        for link in internal_links(screen)
        if link.dest.startswith("em-")
        and len(link.words) == 1
        and (LINE_KEY.match(link.words[0]) or PAGE_LINE_KEY.match(link.words[0]))
    ]
    return edition, result, page_words(screen), PdfReader(screen).page_labels, keys


def _size(word: Word) -> float:
    return word.bottom - word.top


def _body_words(words: list[Word]) -> list[Word]:
    return [w for w in words if _size(w) >= FOOT_SIZE_PT]


def test_every_entry_is_printed_once_with_a_key_linking_to_its_lemma(foot_built) -> None:
    edition, _result, _words, _labels, keys = foot_built
    in_notes = {b.number for f in edition.footnotes for b in f.blocks if hasattr(b, "number")}
    in_text = [e.element_id for e in edition.emendations if e.lemma.paragraph not in in_notes]
    assert sorted(k.dest for k in keys) == sorted(in_text)  # the one in an author's note is keyed "p. 19"
    assert len(in_text) == len(edition.emendations) - 1


def test_every_key_points_at_the_line_where_its_lemma_starts(foot_built) -> None:
    edition, result, words_by_page, labels, keys = foot_built
    headings = _headings(edition)
    readings = {e.element_id: e.reading for e in edition.emendations}
    keyed_by_line = keyed_by_page = 0
    for key in keys:
        word = key.words[0]
        if LINE_KEY.match(word):
            page, line = key.page, int(word)
            keyed_by_line += 1
        elif (match := PAGE_LINE_KEY.match(word)) is not None:
            page, line = labels.index(match["page"]), int(match["line"])
            keyed_by_page += 1
        else:
            raise AssertionError(key)
        assert key.target_page == page, key  # the link goes to the lemma's page
        body = _body_lines(edition, page, _body_words(words_by_page[page]), headings)
        first = _squeeze(readings[key.dest].split()[0])
        assert line <= len(body) and first in _squeeze(body[line - 1].text), (key, body[line - 1 : line])
    assert keyed_by_line >= 4
    unsettled = [w for w in result.warnings if w.code == "apparatus-unsettled"]
    assert keyed_by_page == len(unsettled)  # an entry keyed by page and line is always warned about


def test_the_build_settles_in_a_known_number_of_layouts(foot_built) -> None:
    _edition, result, _words, _labels, _keys = foot_built
    # Measured: 4 (3 to place the apparatus, 1 to key the entries that would not settle by page).
    assert 1 <= result.layouts <= 4
    assert all(w.code != "pdf-page-numbers-unsettled" for w in result.warnings)
