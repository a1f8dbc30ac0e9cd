"""Variant readings at the back of the book (print) and in the EPUB, in a positive apparatus.

The Gettysburg edition is built with its series A moved to the back, keys by page and line and
``apparatus_form: positive``. Print: one entry per variant, keyed by the page and line where its lemma is
printed (read back from the page, not from the code that wrote the key), the lemma's witnesses named
before the bracket. EPUB: one entry per variant, keyed by §, linking to the lemma's place in the text;
EPUBCheck clean.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from pypdf import PdfReader

from edition.cli import main
from edition.resolve import load_edition
from tests.writers.epub.epub_lint import epubcheck, epubcheck_problems
from tests.writers.pdf.pdf_probe import page_words
from tests.writers.pdf.test_line_numbers import (
    KEY,
    _body_lines,
    _group_lines,
    _headings,
    _opens,
    _squeeze,
    printed_on_line,
)

pytestmark = pytest.mark.slow

GETTYSBURG = Path(__file__).resolve().parents[3] / "source" / "gettysburg"
XHTML = "{http://www.w3.org/1999/xhtml}"


@pytest.fixture(scope="module")
def at_back(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("variants") / "gettysburg"
    shutil.copytree(GETTYSBURG, root)
    config = root / "edition.yaml"
    text = config.read_text(encoding="utf-8")
    assert "place: foot}]\n" in text
    config.write_text(
        text.replace(
            "place: foot}]\n", "place: back}]\n  note_keys: page.line\n  apparatus_form: positive\n"
        ),
        encoding="utf-8",
    )
    build = tmp_path_factory.mktemp("build")
    assert main(["build", str(root), "--build-dir", str(build), "-q"]) == 0
    edition = load_edition(root)
    screen = build / "gettysburg-screen.pdf"
    return edition, page_words(screen), PdfReader(screen).page_labels, build / "gettysburg.epub"


def _entries(words_by_page, labels) -> list[tuple[str, str]]:
    start = next(i for i, words in enumerate(words_by_page) if _opens(words, "variantreadings"))
    entries = []
    for words in words_by_page[start:]:
        for line in _group_lines(words):
            if KEY.match(line[0].text):
                entries.append((line[0].text, " ".join(w.text for w in line[1:])))
    return entries


def test_every_variant_is_keyed_by_the_line_its_lemma_starts_on(at_back) -> None:
    edition, words_by_page, labels, _epub = at_back
    entries = _entries(words_by_page, labels)
    assert len(entries) == len(edition.variants), entries
    headings = _headings(edition)
    for (key, _printed), variant in zip(entries, edition.variants, strict=True):
        match = KEY.match(key)
        assert match is not None
        index = labels.index(match["page"])
        body = _body_lines(edition, index, words_by_page[index], headings)
        line = body[int(match["line"]) - 1]
        assert printed_on_line(variant.lemma.text.split()[0], line.text), (key, variant.lemma.text, line.text)


def test_a_positive_apparatus_names_the_lemmas_witnesses_before_the_bracket(at_back) -> None:
    edition, words_by_page, labels, _epub = at_back
    for (_key, printed), variant in zip(_entries(words_by_page, labels), edition.variants, strict=True):
        if len(variant.lemma.text) > 25:  # long lemmas wrap: their sigla are on a later line
            continue
        sigla = " ".join(variant.lemma_witnesses)
        assert printed.startswith(f"{variant.lemma.text} {sigla}]"), printed
        readings = "; ".join(f"{r.text or 'om.'} {' '.join(r.witnesses)}" for r in variant.readings)
        assert _squeeze(printed) == _squeeze(f"{variant.lemma.text} {sigla}] {readings}"), printed


def test_the_epub_lists_every_variant_keyed_by_paragraph_and_linked_to_its_lemma(at_back) -> None:
    edition, _words, _labels, epub = at_back
    with zipfile.ZipFile(epub) as book:
        listing = etree.fromstring(book.read("EPUB/variant-readings.xhtml"))
        items = listing.findall(f".//{XHTML}li")
        assert len(items) == len(edition.variants)
        for item, variant in zip(items, edition.variants, strict=True):
            link = item.find(f".//{XHTML}a")
            assert link is not None
            assert link.text == f"§\u00a0{variant.lemma.paragraph}"
            href = link.get("href", "")
            name, _, fragment = href.partition("#")
            assert fragment == variant.element_id
            text = etree.fromstring(book.read(f"EPUB/{name}"))
            anchor = text.find(f".//*[@id='{fragment}']")
            assert anchor is not None
            # The lemma starts right after it in reading order (a nested lemma's anchor may close the
            # stretch of its outer lemma's link, so the words follow outside the anchor's parent).
            following = "".join(anchor.xpath("following::text()"))[:200]
            assert re.sub(r"\s+", " ", following).lstrip().startswith(variant.lemma.text.split()[0])
            sigla = " ".join(variant.lemma_witnesses)
            assert f"{variant.lemma.text} {sigla} ]" in re.sub(r"\s+", " ", "".join(item.itertext()))
    assert epubcheck_problems(epubcheck(epub)) == []
