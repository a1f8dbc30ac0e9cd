"""`edition build` end to end on the default edition: all three outputs, from one run, agreeing."""

from __future__ import annotations

import re
import unicodedata
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree
from pypdf import PdfReader

from edition.cli import main
from tests.conftest import DEFAULT_EDITION

pytestmark = pytest.mark.slow
NOTE_FONT_PT = 8.0  # margin-notes.css: the margin notes' type size


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
    """Built in the same run, the web edition marks print pages of the EPUB's page list, every text page."""
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
    # Both are placed at the word where each printed page begins: the same pages, roman ones too.
    assert listed and sorted(marked) == sorted(listed) and len(marked) == len(set(marked))
    assert any(not label.isdigit() for label in listed)


def _words(text: str) -> list[str]:
    """Runs of letters, case-folded: what both outputs print alike (numbers, and § against p., differ)."""
    return re.findall(r"[^\W\d_]+", unicodedata.normalize("NFKC", text).casefold())


def _letters(text: str) -> str:
    return "".join(_words(text))


def _printed_first_lines(pdf: Path) -> list[tuple[str, list[str]]]:
    """(page label, words of the first line of its text block) for every page (no words: a blank page).

    The text block is the page less its running head and folio (top 8.3 % and bottom 10 %, design.css.j2)
    and less the margin notes: words in the outer 30 % of the width set at the notes' 8 pt (a title page's
    wider text block reaches into that column, in larger type). Words as pdftotext places them.
    """
    from tests.writers.pdf.pdf_probe import is_page_prefix, page_words

    reader = PdfReader(pdf)
    width, height = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    found = []
    for index, words in enumerate(page_words(pdf)):
        recto = index % 2 == 0
        inside = [
            w
            for w in words
            if 0.083 * height - 2 < w.top
            and w.bottom < 0.9 * height
            and not (
                (w.x0 > 0.7 * width if recto else w.x1 < 0.3 * width)
                and w.bottom - w.top <= NOTE_FONT_PT + 0.2
            )
            and _letters(w.text)
            and not is_page_prefix(w.text)
        ]
        if not inside:
            found.append((reader.page_labels[index], []))
            continue
        first = min(inside, key=lambda w: w.top)
        middle = (first.top + first.bottom) / 2  # a word of another size on the line spans this too
        line = sorted((w for w in inside if w.top < middle < w.bottom), key=lambda w: w.x0)
        found.append((reader.page_labels[index], [w.text for w in line]))
    return found


def _text_after_markers(epub: Path) -> list[tuple[str, list[str], etree._Element]]:
    """(label, words that follow in reading order, marker) for every page marker of the EPUB, in order."""
    from tests.writers.epub.epub_lint import NS, open_book

    book = open_book(epub)

    def marker(element: etree._Element) -> bool:
        return element.get(f"{{{NS['epub']}}}type") == "pagebreak"

    def skipped(element: etree._Element) -> bool:
        return etree.QName(element).localname == "aside" or element.get("hidden") is not None

    roots = [book.documents[path].find(f"{{{NS['h']}}}body") for path in book.spine]
    return [
        (element.get("aria-label") or "", following, element)
        for element, following in _after(roots, marker, skipped)
    ]


def _text_after_web_markers(site: Path) -> list[tuple[str, list[str], etree._Element]]:
    """The same for the web edition: its pages in reading order (the pages' ``rel=next`` links, from the
    home page), their main column, less the side notes and what only screen readers are given."""
    import lxml.html

    roots, name = [], "index.html"
    while name:
        tree = lxml.html.fromstring((site / name).read_bytes())
        roots.append(tree.find(".//main"))
        following = tree.find(".//link[@rel='next']")
        name = following.get("href") if following is not None else ""
    hidden = {"sidenote", "visually-hidden", "variants-link"}

    def marker(element: etree._Element) -> bool:
        return element.get("role") == "doc-pagebreak"

    def skipped(element: etree._Element) -> bool:
        return bool(hidden & set((element.get("class") or "").split()))

    return [
        ((element.get("aria-label") or "").removeprefix("print page "), following, element)
        for element, following in _after(roots, marker, skipped)
    ]


def _after(
    roots: list[etree._Element],
    marker: Callable[[etree._Element], bool],
    skipped: Callable[[etree._Element], bool],
) -> list[tuple[etree._Element, list[str]]]:
    """(marker, the words read after it) for every marker under ``roots``, in reading order."""
    stream: list[tuple[str, etree._Element | None]] = []

    def walk(element: etree._Element) -> None:
        if marker(element):
            stream.append(("", element))
        elif not skipped(element):
            stream.append((element.text or "", None))
            for child in element:
                if isinstance(child.tag, str):
                    walk(child)
                else:
                    stream.append((child.tail or "", None))
        stream.append((element.tail or "", None))

    for root in roots:
        walk(root)
    out = []
    for index, (_, element) in enumerate(stream):
        if element is not None:
            following = "".join(text for text, _ in stream[index + 1 : index + 400])
            out.append((element, _words(following)))
    return out


def _misplaced(
    printed: list[tuple[str, list[str]]], markers: list[tuple[str, list[str], etree._Element]]
) -> list[tuple[str, str, str]]:
    """(label, the page's first words, the words after its marker) where the two do not agree."""
    wrong = []
    for (label, line), (_, following, _) in zip(printed, markers, strict=True):
        if not line:
            continue
        expected = _words(" ".join(line[:6]))
        after = "".join(following)
        # A word hyphenated across the page break: the page prints its end, the marker precedes it whole.
        split = len(following[0]) > len(expected[0]) and following[0].endswith(expected[0])
        if not (
            after.startswith("".join(expected))
            or (split and "".join(following[1:]).startswith("".join(expected[1:])))
        ):
            wrong.append((label, " ".join(line[:6]), " ".join(following[:8])))
    return wrong


def test_every_printed_page_has_one_marker_in_the_epub_at_its_first_word(built: Path) -> None:
    """For each page of the PDF with text, the EPUB's marker is followed by the page's first words."""
    printed = _printed_first_lines(built / "revolution-betrayed-screen.pdf")
    markers = _text_after_markers(built / "revolution-betrayed.epub")
    pages = len(PdfReader(built / "revolution-betrayed-screen.pdf").pages)
    blank = sum(not line for _, line in printed)
    assert len(printed) == pages > 30 and 0 < blank < pages // 5  # the default edition has a few blank versos
    # Every page once, in print order; a blank page is listed with the page after it.
    assert [label for label, *_ in markers] == [label for label, _ in printed]
    for label, _, marker in markers:
        ancestors = {etree.QName(a).localname for a in marker.iterancestors()}
        assert not ancestors & {"h1", "h2", "h3", "h4", "h5", "h6", "nav", "aside"}, (label, ancestors)
    assert not _misplaced(printed, markers)


def test_every_printed_page_has_one_marker_on_the_web_at_its_first_word(built: Path) -> None:
    """The web edition's markers too: each printed page once, in order, followed by the page's first
    words, outside the side notes, in the same place as the EPUB's."""
    printed = _printed_first_lines(built / "revolution-betrayed-screen.pdf")
    markers = _text_after_web_markers(built / "revolution-betrayed-web")
    assert [label for label, *_ in markers] == [label for label, _ in printed]
    for label, _, marker in markers:
        classes = {c for a in marker.iterancestors() for c in (a.get("class") or "").split()}
        assert "sidenote" not in classes, label
    assert not _misplaced(printed, markers)
    in_epub = _text_after_markers(built / "revolution-betrayed.epub")
    differ = []
    for (label, web, _), (_, epub, _) in zip(markers, in_epub, strict=True):
        if epub[:3] == ["contents", "title", "page"]:  # the site's contents are on its title page,
            epub = epub[:1] + epub[3:]  # which they leave out: past that, the same words
        if web[:5] != epub[:5]:
            differ.append((label, web[:5], epub[:5]))
    assert not differ


def test_web_print_page_folios_are_visible_and_clear_of_the_text(built: Path) -> None:
    """In a real browser, on a wide screen and a phone: every print page's folio shows, none over another,
    none over the text (on a wide screen they stand in the left margin; on a phone, in the line)."""
    from tests.writers.web.browser import DESKTOP, PHONE, boxes, chromium, open_page, overlap

    site = built / "revolution-betrayed-web"
    text = ".column p, .column h1, .column h2, .column h3, .column li, .column dd, .column dt"
    seen = {DESKTOP: 0, PHONE: 0}
    with chromium() as browser:
        for width in (DESKTOP, PHONE):
            for page in sorted(site.glob("*.html")):
                with open_page(browser, page.as_uri(), width) as opened:
                    folios = boxes(opened.page, ".pb .folio")
                    seen[width] += len(folios)
                    for folio in folios:
                        assert folio["width"] > 5 and folio["height"] > 5, (page.name, folio)
                        assert folio["left"] >= 0 and folio["right"] <= width, (page.name, folio)
                    for i, a in enumerate(folios):
                        assert not any(overlap(a, b) for b in folios[i + 1 :]), (page.name, width, a)
                    if width == DESKTOP:
                        lines = boxes(opened.page, text)
                        assert not any(overlap(f, line) for f in folios for line in lines), page.name
                    assert opened.problems == [], page.name
    pages = len(PdfReader(built / "revolution-betrayed-screen.pdf").pages)
    assert seen == {DESKTOP: pages, PHONE: pages}


# ---- EPUB and web built after the PDF, in runs of their own: the page words the PDF build saved ----


@pytest.fixture(scope="module")
def built_apart(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The default edition built as a PDF, then as an EPUB, then as a web edition, in three runs."""
    out = tmp_path_factory.mktemp("apart")
    for output in ("pdf", "epub", "web"):
        assert main(["build", str(DEFAULT_EDITION), "--build-dir", str(out), "-q", "--format", output]) == 0
    return out


def _page_list(epub: Path) -> list[tuple[str, str]]:
    """(href, label) of every entry of the EPUB's page list."""
    from tests.writers.epub.epub_lint import NS, open_book

    book = open_book(epub)
    nav = book.documents[book.nav_path]
    page_list = nav.find(f".//{{{NS['h']}}}nav[@{{{NS['epub']}}}type='page-list']")
    assert page_list is not None
    return [(a.get("href"), "".join(a.itertext())) for a in page_list.iter(f"{{{NS['h']}}}a")]


def _placed(markers: list[tuple[str, list[str], etree._Element]]) -> list[tuple[str, list[str]]]:
    """(label, the first words after it) of every marker: where each print page was placed."""
    return [(label, following[:8]) for label, following, _ in markers]


def test_epub_built_after_the_pdf_has_the_page_list_of_one_run(built: Path, built_apart: Path) -> None:
    """`--format pdf` then `--format epub`: the page list and every marker as `--format all` places them."""
    from tests.writers.epub.epub_lint import epubcheck, epubcheck_problems

    epub = built_apart / "revolution-betrayed.epub"
    assert len(_page_list(epub)) > 30 and _page_list(epub) == _page_list(built / "revolution-betrayed.epub")
    assert _placed(_text_after_markers(epub)) == _placed(_text_after_markers(built / epub.name))
    printed = _printed_first_lines(built_apart / "revolution-betrayed-screen.pdf")
    assert not _misplaced(printed, _text_after_markers(epub))
    assert epubcheck_problems(epubcheck(epub)) == []
    assert epub.read_bytes() == (built / epub.name).read_bytes()  # nothing else differs either


def test_web_built_after_the_pdf_marks_the_pages_of_one_run(built: Path, built_apart: Path) -> None:
    """`--format pdf` then `--format web`: every print page's marker where `--format all` places it."""
    site = built_apart / "revolution-betrayed-web"
    apart = _placed(_text_after_web_markers(site))
    assert len(apart) > 30 and apart == _placed(_text_after_web_markers(built / site.name))
    printed = _printed_first_lines(built_apart / "revolution-betrayed-screen.pdf")
    assert not _misplaced(printed, _text_after_web_markers(site))
    assert _files(site) == _files(built / site.name)


def _files(folder: Path) -> dict[str, bytes]:
    """Every file of a folder (a site), by its path there."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def mini_printed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini edition (``mini/``) and its PDF build (``build/``), to copy and change."""
    from tests.conftest import copy_mini

    parent = tmp_path_factory.mktemp("mini-printed")
    edition = copy_mini(parent)
    assert main(["build", str(edition), "--build-dir", str(parent / "build"), "-q", "--format", "pdf"]) == 0
    assert (parent / "build" / "mini-print-pages.json").is_file()
    return parent


def _mini_copy(mini_printed: Path, tmp_path: Path) -> tuple[Path, Path]:
    import shutil

    shutil.copytree(mini_printed, tmp_path / "copy")
    return tmp_path / "copy" / "mini", tmp_path / "copy" / "build"


def _epub_markers(epub: Path) -> tuple[list[str], bool]:
    """The labels of the EPUB's page markers, and whether its navigation has a page list."""
    with zipfile.ZipFile(epub) as book:
        nav = book.read("EPUB/nav.xhtml").decode()
    return [label for label, _, _ in _text_after_markers(epub)], 'epub:type="page-list"' in nav


def _build(
    edition: Path, build_dir: Path, output: str, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["build", str(edition), "--build-dir", str(build_dir), "--format", output])
    return code, capsys.readouterr().err


def test_epub_and_web_ignore_the_saved_page_words_once_the_text_changed(
    mini_printed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edition, build_dir = _mini_copy(mini_printed, tmp_path)  # moved, with its build folder: they still hold
    code, report = _build(edition, build_dir, "epub", capsys)
    assert code == 0 and "mini.epub (print pages from the last PDF build)" in report
    labels, has_list = _epub_markers(build_dir / "mini.epub")
    assert has_list and len(labels) > 3
    # A new opening paragraph: every page's words are still in the text, a paragraph later in print.
    article = edition / "text" / "article.md"
    article.write_text(
        "A new first paragraph. " * 40 + "\n\n" + article.read_text(encoding="utf-8"), encoding="utf-8"
    )
    code, report = _build(edition, build_dir, "epub", capsys)
    assert code == 0 and "warning:" not in report and "Traceback" not in report
    assert "print pages not used: the edition (its text, apparatus or style) or the program changed" in report
    assert _epub_markers(build_dir / "mini.epub") == ([], False)  # no page list at all, as with no PDF
    code, report = _build(edition, build_dir, "web", capsys)
    assert code == 0 and "mini-web/ (" in report and "print pages not used" in report
    stale = _files(build_dir / "mini-web")
    # The web edition falls back to the page map, as if there were no saved words.
    (build_dir / "mini-print-pages.json").unlink()
    code, report = _build(edition, build_dir, "web", capsys)
    assert code == 0 and "print pages" not in report
    assert _files(build_dir / "mini-web") == stale


def test_epub_and_web_ignore_a_corrupt_page_words_file_with_a_warning(
    mini_printed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edition, build_dir = _mini_copy(mini_printed, tmp_path)
    saved = build_dir / "mini-print-pages.json"
    saved.write_bytes(saved.read_bytes()[: saved.stat().st_size // 2])  # cut short, as by a full disk
    for output in ("epub", "web"):
        code, report = _build(edition, build_dir, output, capsys)
        assert code == 0 and "Traceback" not in report
        assert f"{saved}:1:1: warning: the saved print pages are ignored: it is not readable JSON" in report
        assert "[print-pages-unreadable]" in report
        assert "print pages not used: their file is unreadable" in report
    assert _epub_markers(build_dir / "mini.epub") == ([], False)
    # A warning like any other: --strict fails on it.
    strict = ["build", str(edition), "--build-dir", str(build_dir), "-q", "--format", "epub", "--strict"]
    assert main(strict) == 1


def test_preview_marks_the_print_pages_the_pdf_build_saved(mini_printed: Path, tmp_path: Path) -> None:
    """The live preview runs the web build: it places the saved words' markers as a web build does, each
    printed page once, in print order, at the page's first words."""
    from edition.preview import rebuild

    edition, build_dir = _mini_copy(mini_printed, tmp_path)
    rebuilt = rebuild(edition, build_dir)
    assert rebuilt.built and not rebuilt.problems
    assert main(["build", str(edition), "--build-dir", str(build_dir), "-q", "--format", "web"]) == 0
    in_preview = _text_after_web_markers(build_dir / "mini-preview")
    in_web = _text_after_web_markers(build_dir / "mini-web")
    assert len(in_preview) > 3 and _placed(in_preview) == _placed(in_web)
    printed = _printed_first_lines(build_dir / "mini-screen.pdf")
    assert [label for label, *_ in in_preview] == [label for label, _ in printed]
    assert not _misplaced(printed, in_preview)
