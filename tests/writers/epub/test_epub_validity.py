"""EPUBCheck 5 (0 errors, 0 warnings) and the project's own lints, on the sample and on real editions.

EPUBCheck takes about ten seconds a run, so the runs of each group go two at a time (the machines have two
cores). Warnings alone make EPUBCheck exit 0, so the JSON report is read and warnings count as failures.
"""

from __future__ import annotations

import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from edition.model import Edition
from edition.resolve import load_edition
from edition.writers.epub import build_epub

from .epub_lint import NS, XHTML, Book, all_lints, epubcheck, epubcheck_problems, noterefs, open_book
from .synthetic import multiply

REPO = Path(__file__).resolve().parents[3]
MINI = REPO / "tests" / "fixtures" / "mini"
DEFAULT = REPO / "source" / "revolution-betrayed"


def check_all(paths: list[Path]) -> dict[str, list[str]]:
    with ThreadPoolExecutor(max_workers=2) as pool:
        reports = list(pool.map(epubcheck, paths))
    for report in reports:
        assert report["checker"]["checkerVersion"].startswith("5."), "EPUBCheck 5 is the bar"
    return {path.name: epubcheck_problems(report) for path, report in zip(paths, reports, strict=True)}


def assert_apparatus_complete(book: Book, edition: Edition) -> None:
    """Every gloss is a pop-up note, every author's note an endnote, every emendation a textual note."""
    asides = [aside for root in book.documents.values() for aside in root.iterfind(f".//{{{XHTML}}}aside")]
    assert sorted(a.get("id") for a in asides) == sorted(g.element_id for g in edition.glosses)
    assert len(noterefs(book)) == len(edition.glosses) + len(edition.footnotes)
    textual = book.documents.get("EPUB/textual-notes.xhtml")
    count = len(textual.xpath("//h:ol[@class='apparatus']/h:li", namespaces=NS)) if textual is not None else 0
    assert count == len(edition.emendations)
    paragraphs = {e.get("id") for root in book.documents.values() for e in root.iterfind(".//*[@id]")}
    assert {f"p-{n}" for n in range(1, edition.paragraph_count + 1)} <= paragraphs


def test_epubcheck_passes_the_sample_with_and_without_a_page_list(sample_build, paged_build):
    problems = check_all([sample_build.path, paged_build.path])
    assert problems == {sample_build.path.name: [], paged_build.path.name: []}


@pytest.fixture(scope="module")
def real_builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Edition, Path]]:
    out = tmp_path_factory.mktemp("real")
    mini_copy = out / "mini"
    shutil.copytree(MINI, mini_copy)
    builds = {}
    editions = [load_edition(mini_copy)]
    if DEFAULT.is_dir():
        editions.append(load_edition(DEFAULT))
    editions.append(multiply(editions[-1], 16))
    for edition in editions:
        builds[edition.name] = (edition, build_epub(edition, out).path)
    return builds


@pytest.mark.slow
def test_real_and_large_editions_pass_the_lints_and_are_complete(real_builds):
    for edition, path in real_builds.values():
        book = open_book(path)
        assert all_lints(book) == [], edition.name
        assert_apparatus_complete(book, edition)


@pytest.mark.slow
def test_real_and_large_editions_pass_epubcheck(real_builds):
    paths = [path for _, path in real_builds.values()]
    assert len(paths) >= 2
    assert check_all(paths) == {path.name: [] for path in paths}


@pytest.mark.slow
def test_large_edition_with_a_page_list_passes_the_lints(tmp_path: Path, real_builds):
    edition, _ = list(real_builds.values())[-1]
    page_map = {f"p-{n}": str(1 + n // 4) for n in range(1, edition.paragraph_count + 1)}
    book = open_book(build_epub(edition, tmp_path, page_map=page_map).path)
    assert all_lints(book) == []
    pages = book.documents[book.nav_path].xpath("//h:nav[@epub:type='page-list']//h:a", namespaces=NS)
    assert [a.text for a in pages] == [str(n) for n in range(1, 1 + edition.paragraph_count // 4 + 1)]
