"""A variant's lemma links to its entry in the Variant Readings, and the entry links back to the lemma.

Built from the mini edition with variants whose lemmas hold other apparatus: a gloss marker ("Stalin", glossed
in the fixture, inside "Stalin rose"), an emendation ("surfs", the fixture's, as a variant's whole lemma).
The lemma's link gives way to those: they keep their own links, and no link is nested in another (so a
lemma that is all an emendation's link has no link of its own to its entry).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from edition.resolve import check_edition
from edition.writers.epub import build_epub
from tests.test_variants import with_witnesses

from .epub_lint import (
    NS,
    XHTML,
    Book,
    epubcheck,
    epubcheck_problems,
    lint_links,
    lint_nested_links,
    open_book,
)

VARIANTS = (
    "variants:\n"
    "  - lemma: Stalin rose\n"
    "    readings: [{witness: B, text: Stalin climbed}]\n"
    "  - lemma: surfs\n"
    "    readings: [{witness: B, text: serfs}]\n"
)


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> Book:
    import shutil

    from tests.conftest import MINI

    root = tmp_path_factory.mktemp("mini") / "mini"
    shutil.copytree(MINI, root)
    result = check_edition(with_witnesses(root, VARIANTS))
    assert result.edition is not None, result.diagnostics
    return open_book(build_epub(result.edition, tmp_path_factory.mktemp("epub")).path)


def _lemma_links(book: Book) -> dict[str, list[etree._Element]]:
    """Links to a variant-readings entry from the text, by the entry they lead to."""
    found: dict[str, list[etree._Element]] = {}
    for path, root in book.documents.items():
        for a in root.iterfind(f".//{{{XHTML}}}a[@class='lemma-link']"):
            target_path, target = book.target(path, a.get("href"))
            assert target is not None and target_path.endswith("variant-readings.xhtml"), a.get("href")
            found.setdefault(target.get("id"), []).append(a)
    return found


def test_a_lemma_links_to_its_entry_and_the_entry_back_to_the_lemma(book: Book) -> None:
    readings = next(p for p in book.documents if p.endswith("variant-readings.xhtml"))
    entries = book.documents[readings].xpath("//h:ol[@class='apparatus']/h:li", namespaces=NS)
    links = _lemma_links(book)
    assert [entry.get("id") for entry in entries] == ["var-1.readings", "var-2.readings"]
    # "surfs" is all an emendation's link (an <a> cannot hold another): only "Stalin rose" links here.
    assert sorted(links) == ["var-1.readings"]
    back = entries[0].find(f".//{{{XHTML}}}a[@role='doc-backlink']")
    _, lemma_start = book.target(readings, back.get("href"))
    assert lemma_start is not None
    # The entry's backlink lands just before the lemma whose words link to the entry.
    lemma = lemma_start.getnext()
    assert lemma is not None and lemma.get("class") == "variant-lemma"
    assert lemma.findall(f"{{{XHTML}}}a[@class='lemma-link']") == links["var-1.readings"]


def test_links_inside_a_lemma_keep_their_own(book: Book) -> None:
    (first, second) = _lemma_links(book)["var-1.readings"]
    # "Stalin rose": the lemma's link is cut around the gloss marker after "Stalin", which stays a note
    # reference, in the lemma, between the two stretches.
    assert ("".join(first.itertext()), "".join(second.itertext())) == ("Stalin", " rose")
    between = first.getnext()
    assert between is not None and between.get("class") == "gloss-ref" and between.getnext() is second
    assert between.get(f"{{{NS['epub']}}}type") == "noteref"
    # "surfs" is an emendation too: it still links to its textual note.
    emended = [
        a
        for root in book.documents.values()
        for a in root.iterfind(f".//{{{XHTML}}}a[@class='emended']")
        if "".join(a.itertext()) == "serfs"
    ]
    assert emended and emended[0].get("href").startswith("textual-notes.xhtml#")
    assert emended[0].getparent().get("class") == "variant-lemma"
    assert lint_nested_links(book) == [] and lint_links(book) == []


@pytest.mark.slow
def test_epubcheck_finds_nothing(book: Book) -> None:
    assert epubcheck_problems(epubcheck(Path(book.path))) == []
