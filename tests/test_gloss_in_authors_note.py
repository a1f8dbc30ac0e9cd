"""A gloss anchored in an author's note: `edition check` accepts it, so every output must carry it."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree
from pypdf import PdfReader

from edition.cli import main
from tests.conftest import copy_mini
from tests.writers.epub.epub_lint import all_lints, epubcheck, epubcheck_problems, open_book

GLOSS = """  - id: in-note
    lemma: Haymarket Books
    note: The Chicago publisher of the note's edition.
"""

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_mini(tmp_path_factory.mktemp("gloss-in-note"), more_glosses=GLOSS)
    build_dir = root.parent / "build"
    assert main(["check", "--strict", str(root)]) == 0
    assert main(["build", str(root), "--build-dir", str(build_dir), "-q"]) == 0
    return build_dir


def test_the_epub_pops_the_gloss_up_from_the_authors_notes(built: Path) -> None:
    (epub,) = built.glob("*.epub")
    with zipfile.ZipFile(epub) as book:
        endnotes = etree.fromstring(book.read("EPUB/endnotes.xhtml"))
    asides = endnotes.xpath("//*[local-name()='aside' and @id='gloss-in-note']")
    assert len(asides) == 1 and "Chicago publisher" in "".join(asides[0].itertext())
    assert endnotes.xpath("//*[local-name()='a' and @href='#gloss-in-note']")
    assert not all_lints(open_book(epub))
    assert not epubcheck_problems(epubcheck(epub))


def test_the_pdf_prints_the_gloss_once(built: Path) -> None:
    (screen,) = built.glob("*-screen.pdf")
    text = " ".join(page.extract_text() for page in PdfReader(screen).pages)
    assert text.count("Chicago publisher") == 1
