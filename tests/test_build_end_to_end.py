"""`edition build` end to end on the default edition: all three outputs, from one run, agreeing."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from edition.cli import main
from tests.conftest import DEFAULT_EDITION

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("build")
    assert main(["build", str(DEFAULT_EDITION), "--build-dir", str(out), "-q"]) == 0
    return out


def test_build_writes_the_print_pdf_the_screen_pdf_and_the_epub(built: Path) -> None:
    names = sorted(p.name for p in built.iterdir() if p.suffix in (".pdf", ".epub"))
    assert names == ["revolution-betrayed-screen.pdf", "revolution-betrayed.epub", "revolution-betrayed.pdf"]


def test_epub_page_list_carries_the_print_page_numbers(built: Path) -> None:
    reader = PdfReader(built / "revolution-betrayed-screen.pdf")
    labels = reader.page_labels
    opening = next(i for i, page in enumerate(reader.pages) if "THE OCTOBER" in page.extract_text())
    with zipfile.ZipFile(built / "revolution-betrayed.epub") as epub:
        nav = epub.read("EPUB/nav.xhtml").decode()
        section = epub.read("EPUB/sec-1.xhtml").decode()
    page_list = nav[nav.index('epub:type="page-list"') :]
    listed = re.findall(r'<a href="[^"]+">([^<]+)</a>', page_list)
    # every printed page of the text and back matter is in the list, in print order
    text_labels = [label for label in labels[opening:] if label.isdigit()]
    assert listed[-len(text_labels) :] == text_labels
    # the marker before § 1 says the page § 1 is printed on
    before_p1 = section[: section.index('id="p-1"')]
    assert re.findall(r'aria-label="([^"]+)"', before_p1)[-1] == labels[opening]


def test_every_kind_of_apparatus_entry_reaches_both_outputs(built: Path) -> None:
    from edition.resolve import load_edition

    edition = load_edition(DEFAULT_EDITION)
    with zipfile.ZipFile(built / "revolution-betrayed.epub") as epub:
        book = "".join(epub.read(n).decode() for n in epub.namelist() if n.endswith(".xhtml"))
    pdf_text = " ".join(
        page.extract_text() for page in PdfReader(built / "revolution-betrayed-screen.pdf").pages
    )
    pdf_text = re.sub(r"[-‐]\s+", "", pdf_text)
    kinds = {
        "glosses": edition.glosses,
        "emendations": edition.emendations,
        "cross-references": edition.cross_references,
        "anchors": edition.anchors,
        "citations": edition.citations,
        "index": edition.index,
        "bibliography": edition.bibliography,
    }
    assert all(kinds.values()), {k: len(v) for k, v in kinds.items()}
    for gloss in edition.glosses:
        assert f'id="{gloss.element_id}"' in book
    for emendation in edition.emendations:
        assert f'#{emendation.element_id}"' in book  # the textual note links to the reading
        assert emendation.reading.split()[0].strip("“”") in pdf_text
    for reference in edition.cross_references:
        assert f'#{reference.target.element_id}"' in book
    for anchor in edition.anchors:
        assert f'id="{anchor.element_id}"' in book
    for citation in edition.citations:
        assert f'#{citation.bib_id}"' in book
    for entry in edition.index:
        heading = entry.heading.split(",")[0].split(" (")[0]
        assert heading in pdf_text and heading in book, heading
    assert "Textual Notes" in pdf_text and "Bibliography" in pdf_text and "Index" in pdf_text


def test_web_edition_shows_the_print_pages_of_the_epub_page_list(built: Path) -> None:
    """Built in the same run, the web edition marks the same print pages as the EPUB's page list."""
    import lxml.html

    with zipfile.ZipFile(built / "revolution-betrayed.epub") as epub:
        nav = epub.read("EPUB/nav.xhtml").decode()
    page_list = nav[nav.index('epub:type="page-list"') :]
    listed = re.findall(r'<a href="[^"]+">([^<]+)</a>', page_list)
    site = built / "revolution-betrayed-web"
    marked = []
    for page in site.glob("*.html"):
        tree = lxml.html.fromstring(page.read_bytes())
        marked += [mark.get("aria-label").removeprefix("print page ") for mark in tree.find_class("pb")]
    assert listed and sorted(marked) == sorted(listed)
