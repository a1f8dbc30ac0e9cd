"""The second test edition (tests/fixtures/manifesto): several text files, three heading levels, a note in a
heading, a translator, a signed preface, spans of German and French, a British English edition.

Built once with the real command; the tests read the PDF (bookmarks, running heads, word boxes, text) and
the EPUB (navigation, EPUBCheck) it writes.
"""

from __future__ import annotations

import contextlib
import io
import itertools
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pyphen
import pytest
from lxml import etree
from pypdf import PdfReader

from edition.cli import main
from edition.model import iter_paragraphs
from edition.resolve import load_edition
from tests.writers.epub.epub_lint import all_lints, epubcheck, epubcheck_problems, open_book

FIXTURE = Path(__file__).parent / "fixtures" / "manifesto"
XHTML = {"h": "http://www.w3.org/1999/xhtml"}
EPUB_NS = {**XHTML, "epub": "http://www.idpf.org/2007/ops"}

pytestmark = pytest.mark.slow

# Every heading of the copy-text, at its level (2 a section, 3 and 4 its subsections), as plain text.
HEADINGS = [
    (2, "Preface to the English Edition of 1888"),
    (2, "Manifesto of the Communist Party"),
    (2, "I. Bourgeois and Proletarians"),
    (2, "II. Proletarians and Communists"),
    (2, "III. Socialist and Communist Literature"),
    (3, "1. Reactionary Socialism"),
    (4, "a. Feudal Socialism"),
    (4, "b. Petty-Bourgeois Socialism"),
    (4, "c. German, or \u201cTrue,\u201d Socialism"),
    (2, "IV. Position of the Communists in Relation to the Various Existing Opposition Parties"),
]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    root = tmp_path_factory.mktemp("manifesto") / "manifesto"
    shutil.copytree(FIXTURE, root)
    build_dir = root.parent / "build"
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        assert main(["check", "--strict", str(root)]) == 0
        assert main(["build", str(root), "--build-dir", str(build_dir)]) == 0
    return build_dir, out.getvalue()


def _pdf(built: tuple[Path, str], screen: bool = False) -> Path:
    return built[0] / ("manifesto-screen.pdf" if screen else "manifesto.pdf")


def test_the_fixture_is_what_it_claims() -> None:
    edition = load_edition(FIXTURE)
    files = {section.origin.path for section in edition.sections}
    assert len(files) == 6
    labels = [note.label for note in edition.footnotes]
    assert labels == ["1", "2", "3", "1"]  # chapter I's notes, then chapter III's from 1 again
    assert len({note.element_id for note in edition.footnotes}) == 4
    assert [c.relator for c in edition.metadata.contributors] == ["trl"]
    assert edition.metadata.language == "en-GB"
    preface = edition.sections[0]
    assert preface.signed is not None and preface.signed.dateline == "London, 30th January, 1888"


def test_bookmarks_are_every_heading_as_clean_text_at_its_level(built: tuple[Path, str]) -> None:
    reader = PdfReader(_pdf(built, screen=True))
    found: list[tuple[int, str]] = []

    def walk(items: list, level: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                found.append((level, item.title))

    walk(reader.outline, 1)
    start = found.index((1, "Manifesto of the Communist Party"))
    end = found.index((1, "Notes"))
    assert found[start + 1 : end] == HEADINGS
    # The Note on the Text keeps its generated headings (they have no plain-text attribute of their own).
    note = found.index((1, "A Note on These Extracts"))
    assert found[note + 1 : start] == [(2, "Sigla"), (2, "Normalisations")]


def _running_heads(pdf: Path) -> list[str]:
    """The text in the head band of every page that has one (each asserted to be one line)."""
    reader = PdfReader(pdf)
    heads = []
    for number, page in enumerate(reader.pages, 1):
        height = float(page.trimbox.height)
        head_band = round(height * 0.083)
        band = subprocess.run(
            [
                "pdftotext",
                "-f",
                str(number),
                "-l",
                str(number),
                "-x",
                "0",
                "-y",
                "0",
                "-W",
                "1000",
                "-H",
                str(head_band + round(float(page.trimbox.bottom))),
                "-layout",
                str(pdf),
                "-",
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        lines = [line.strip() for line in band.splitlines() if line.strip()]
        if lines:
            assert len(lines) == 1, f"p. {number}: a running head on more than one line: {lines}"
            heads.append(" ".join(lines[0].split()))
    return heads


def test_running_heads_are_one_clean_line_and_a_long_one_is_shortened_with_a_warning(
    built: tuple[Path, str],
) -> None:
    heads = _running_heads(_pdf(built))
    # The verso head (the book's title) does not fit this 4.25in page: shortened at a word, with an ellipsis.
    assert "viii Manifesto of the Communist\u2026" in heads
    # Recto heads: the sections' short titles (their headings carry numerals and, in I, a note mark).
    assert "Proletarians and Communists 5" in heads
    assert "Socialist and Communist Literature 7" in heads
    assert not any(re.search(r"Proletarians\s*\d", head) for head in heads if "Communists" not in head)
    warnings = built[1]
    config = (FIXTURE / "edition.yaml").read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(config, 1) if text.startswith("title: "))
    warning = f"edition.yaml:{line}:8: warning: the book's title does not fit the running head on one line"
    assert warning in warnings
    assert "[running-head-too-long]" in warnings


def test_heading_sizes_descend_and_a_subsection_is_never_larger_than_its_section(
    built: tuple[Path, str],
) -> None:
    """Word boxes (poppler's) of one font family: their height is proportional to the type size."""
    xml = subprocess.run(
        ["pdftotext", "-bbox-layout", str(_pdf(built)), "-"], capture_output=True, text=True, check=True
    ).stdout
    heights: dict[str, float] = {}
    for y_min, y_max, word in re.findall(
        r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]+)</word>', xml
    ):
        heights.setdefault(word, float(y_max) - float(y_min))
    title = heights["Preface"]  # the first word of a section title (the text's own title says "Manifesto")
    section = heights["Literature"]
    subsection = heights["Reactionary"]
    subsubsection = heights["Feudal"]
    body = heights["aristocracies"]
    assert title == pytest.approx(section, abs=0.01)
    assert section > subsection > subsubsection
    assert subsection <= body + 0.01


def test_the_epub_nav_lists_every_section_nested_and_passes_epubcheck(built: tuple[Path, str]) -> None:
    epub = built[0] / "manifesto.epub"
    with zipfile.ZipFile(epub) as book:
        nav = etree.fromstring(book.read("EPUB/nav.xhtml"))
        titles = {
            name: etree.fromstring(book.read(name)).findtext(".//h:title", namespaces=XHTML)
            for name in book.namelist()
            if name.startswith("EPUB/sec-")
        }
    (toc,) = nav.xpath("//h:nav[@role='doc-toc']", namespaces=XHTML)
    text = toc.xpath("h:ol/h:li[h:a='Manifesto of the Communist Party']/h:ol", namespaces=XHTML)[0]

    def levels(ol: etree._Element, level: int) -> list[tuple[int, str]]:
        out = []
        for li in ol.iterfind("h:li", XHTML):
            out.append((level, "".join(li.find("h:a", XHTML).itertext())))
            for child in li.iterfind("h:ol", XHTML):
                out.extend(levels(child, level + 1))
        return out

    assert levels(text, 2) == [(2, t) for _, t in HEADINGS[:5]] + [(3, HEADINGS[5][1])] + [
        (4, t) for _, t in HEADINGS[6:9]
    ] + [(2, HEADINGS[9][1])]
    assert "I. Bourgeois and Proletarians" in titles.values()  # <title>: no note mark, no markup
    assert not any(re.search(r"\d$", title or "") for title in titles.values() if "1888" not in (title or ""))
    assert toc.findtext("h:h2", namespaces=XHTML) == "Contents"
    assert not all_lints(open_book(epub))
    assert not epubcheck_problems(epubcheck(epub))


def test_the_preface_is_signed_at_its_end_not_in_a_numbered_paragraph(built: tuple[Path, str]) -> None:
    text = subprocess.run(
        ["pdftotext", "-layout", str(_pdf(built)), "-"], capture_output=True, text=True, check=True
    ).stdout
    (page,) = [page for page in text.split("\f") if "Yet, when it was written" in page]
    lines = [" ".join(line.split()) for line in page.splitlines() if line.strip()]
    signature = next(i for i, line in enumerate(lines) if line.casefold() == "frederick engels")
    assert lines[signature + 1] == "London, 30th January, 1888"
    assert "Socialist Manifesto." in lines[signature - 1]
    assert not re.match(r"§", lines[signature]) and not re.match(r"§", lines[signature + 1])


def test_a_gloss_mark_beside_an_authors_note_mark_is_set_apart(built: tuple[Path, str]) -> None:
    text = subprocess.run(
        ["pdftotext", "-layout", str(_pdf(built)), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "society3,2 is" in " ".join(text.split())  # the gloss's 3, then the author's note 2
    assert "society32" not in text
    # In a heading too: chapter I's gloss 2 ends where the author's note 1 is.
    assert "I. Bourgeois and Proletarians2,1" in text and "Proletarians21" not in text


def test_words_in_a_german_span_break_at_german_points(built: tuple[Path, str]) -> None:
    german = pyphen.Pyphen(lang="de_DE")
    english = pyphen.Pyphen(lang="en_GB")
    spans = [
        "Die Geschichte aller bisherigen Gesellschaft ist die Geschichte von Klassenkämpfen",
        "Entäußerung des menschlichen Wesens",
        # The Note on the Text quotes the German opening paragraph whole (front/note.md).
        "Ein Gespenst geht um in Europa – das Gespenst des Kommunismus. Alle Mächte des alten Europa haben "
        "sich zu einer heiligen Hetzjagd gegen dies Gespenst verbündet, der Papst und der Zar, Metternich "
        "und Guizot, französische Radikale und deutsche Polizisten.",
    ]
    words = {word.strip(".,–") for span in spans for word in span.split()}
    lines = [
        line.rstrip() for page in PdfReader(_pdf(built)).pages for line in page.extract_text().splitlines()
    ]
    breaks = []
    for line, following in itertools.pairwise(lines):
        if not line.endswith("-") or not following:
            continue
        head = line.split()[-1][:-1]
        tail = following.split()[0].rstrip(".,;:")
        if head + tail in words:
            breaks.append((head, tail))
    assert len(breaks) >= 2, breaks
    for head, tail in breaks:
        word = head + tail
        assert len(head) in german.positions(word), (head, tail)
    # At least one of them is a break the English patterns would not make.
    assert any(len(head) not in english.positions(head + tail) for head, tail in breaks)


def test_the_notes_are_headed_by_their_chapter_in_both_outputs(built: tuple[Path, str]) -> None:
    text = subprocess.run(
        ["pdftotext", "-layout", str(_pdf(built)), "-"], capture_output=True, text=True, check=True
    ).stdout
    (notes,) = [page for page in text.split("\f") if "By bourgeoisie is meant" in page]
    lines = [" ".join(line.split()) for line in notes.splitlines() if line.strip()]
    first, second = (
        lines.index("I. Bourgeois and Proletarians"),
        lines.index("III. Socialist and Communist Literature"),
    )
    assert lines[first + 1].startswith("1 § ") and lines[second + 1].startswith("1 § ") and first < second
    with zipfile.ZipFile(built[0] / "manifesto.epub") as book:
        endnotes = etree.fromstring(book.read("EPUB/endnotes.xhtml"))
    heads = [h.text for h in endnotes.iterfind(".//h:h3", XHTML)]
    assert heads == ["I. Bourgeois and Proletarians", "III. Socialist and Communist Literature"]


def test_the_screen_pdf_tags_every_heading_level_without_a_gap(built: tuple[Path, str]) -> None:
    from tests.writers.pdf import pdf_tags

    screen = PdfReader(_pdf(built, screen=True))
    levels = [int(e.kind[1]) for e in pdf_tags.tree(screen).walk() if re.fullmatch(r"H[1-6]", e.kind)]
    assert {3, 4} <= set(levels)
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), levels
    assert pdf_tags.untagged_text(screen) == []


def _bbox_pages(pdf: Path) -> list[etree._Element]:
    """poppler's word boxes (pdftotext -bbox-layout), one element per page, in PDF points."""
    xml = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    tree = etree.fromstring(xml.encode(), etree.XMLParser(recover=True))
    return tree.xpath("//*[local-name()='page']")


def _words(element: etree._Element) -> list[str]:
    return [w.text for w in element.xpath(".//*[local-name()='word']")]


def _box(element: etree._Element) -> tuple[float, float, float, float]:
    return tuple(float(element.get(k)) for k in ("xMin", "yMin", "xMax", "yMax"))  # type: ignore[return-value]


@pytest.mark.parametrize(
    ("heading", "note"),
    [
        (["I.", "Bourgeois", "and", "Proletarians", "2,1"], ["2", "The", "two", "classes"]),
        # Gloss 5: chapter II's passage over three paragraphs is gloss 4.
        (["III.", "Socialist", "and", "Communist", "5", "Literature"], ["5", "The", "chapter’s", "survey"]),
    ],
)
def test_a_gloss_on_a_heading_sits_in_the_outer_margin_beside_it(
    built: tuple[Path, str], heading: list[str], note: list[str]
) -> None:
    """Read from the print PDF's word boxes: the note's first line is level with the heading's line, in
    the margin outside the text column (right on a recto, left on a verso), and no other note overlaps it."""
    pages = _bbox_pages(_pdf(built))
    (number, page, heading_line), *_ = [
        (n, page, line)
        for n, page in enumerate(pages, 1)
        for line in page.xpath(".//*[local-name()='line']")
        if _words(line) == heading
    ]
    blocks = page.xpath(".//*[local-name()='block']")
    (note_block,) = [b for b in blocks if _words(b)[: len(note)] == note]
    column = [_box(b) for b in blocks if any(w.startswith("§") for w in _words(b))]
    left, right = min(b[0] for b in column), max(b[2] for b in column)
    x_min, y_min, x_max, _ = _box(note_block)
    assert x_min > right + 3 or x_max < left - 3, (number, left, right, x_min, x_max)
    recto = number % 2 == 1
    assert (x_min > right) == recto  # the outer margin
    heading_top, heading_bottom = _box(heading_line)[1], _box(heading_line)[3]
    assert abs(y_min - heading_top) < heading_bottom - heading_top, (y_min, heading_top)
    others = [_box(b) for b in blocks if b is not note_block and (_box(b)[0] > right or _box(b)[2] < left)]
    for other in others:  # margin blocks: none overlaps the heading's note
        assert other[1] >= _box(note_block)[3] or other[3] <= y_min, (other, _box(note_block))


def test_running_heads_over_glossed_headings_stay_clean(built: tuple[Path, str]) -> None:
    heads = _running_heads(_pdf(built))
    assert "Socialist and Communist Literature 7" in heads  # chapter III's short title, on its second page
    assert not any(re.search(r"[^\W\d]\d", head) for head in heads), heads  # no mark glued to a word


def test_the_headings_gloss_links_work_both_ways_in_the_epub(built: tuple[Path, str]) -> None:
    with zipfile.ZipFile(built[0] / "manifesto.epub") as book:
        files = {n: etree.fromstring(book.read(n)) for n in book.namelist() if n.endswith(".xhtml")}
    found = 0
    for name, tree in files.items():
        for ref in tree.xpath("//h:h2//h:a[@epub:type='noteref'][@class='gloss-ref']", namespaces=EPUB_NS):
            found += 1
            target, _, fragment = ref.get("href").partition("#")
            (aside,) = files[f"EPUB/{target}" if target else name].xpath(
                f"//h:aside[@id='{fragment}']", namespaces=EPUB_NS
            )
            (back,) = aside.xpath(".//h:a[@role='doc-backlink']", namespaces=EPUB_NS)
            back_file, _, back_fragment = back.get("href").partition("#")
            assert (back_file or name.removeprefix("EPUB/"), back_fragment) == (
                name.removeprefix("EPUB/"),
                ref.get("id"),
            )
    assert found == 2  # chapter I's and chapter III's
    titles = [t.findtext(".//h:title", namespaces=EPUB_NS) for t in files.values()]
    assert "I. Bourgeois and Proletarians" in titles and "III. Socialist and Communist Literature" in titles


def test_a_gloss_over_three_paragraphs_is_set_beside_its_last_and_a_named_passage_is_pointed_at(
    built: tuple[Path, str],
) -> None:
    """The gloss 'not-a-party' runs from the second paragraph of chapter II to the fourth: print sets its
    note on the page of its mark, at the end of the fourth; the EPUB cites the passage "from … to", links
    its lemma both ways, and points at the two-paragraph named passage as "§§ N–N+1"."""
    edition = load_edition(FIXTURE)
    (gloss,) = [g for g in edition.glosses if g.element_id == "gloss-not-a-party"]
    assert gloss.lemma.last_paragraph == gloss.lemma.paragraph + 2
    assert (
        gloss.lemma.text
        == "The Communists do not form a separate party … shape and mould the proletarian movement."
    )
    (anchor,) = edition.anchors
    first, last = anchor.lemma.paragraph, anchor.lemma.last_paragraph
    assert last == first + 1
    pages = [" ".join(page.extract_text().split()) for page in PdfReader(_pdf(built)).pages]
    (mark_page,) = [n for n, text in enumerate(pages) if "proletarian movement." in text]
    assert "Three short paragraphs that say what the" in pages[mark_page]
    with zipfile.ZipFile(built[0] / "manifesto.epub") as book:
        files = {n: etree.fromstring(book.read(n)) for n in book.namelist() if n.endswith(".xhtml")}
    (chapter,) = [t for t in files.values() if t.xpath("//*[@id='lemma-not-a-party']")]
    (mark,) = chapter.xpath(
        f"//h:p[@id='p-{gloss.lemma.last_paragraph}']//h:a[@class='gloss-ref']", namespaces=XHTML
    )
    assert chapter.xpath(
        f"//h:p[@id='p-{gloss.lemma.paragraph}']//*[@id='lemma-not-a-party']", namespaces=XHTML
    )
    assert mark.text == str(gloss.number)
    pointers = [
        "".join(a.itertext())
        for t in files.values()
        for a in t.xpath("//h:a[@class='page-ref']", namespaces=XHTML)
    ]
    assert f"§§\u00a0{first}–{last}" in pointers, pointers


def test_the_note_on_the_text_cross_refers_to_a_section_by_its_id(built: tuple[Path, str]) -> None:
    """``{id=communists}`` on chapter II's attribute line; the Note on the Text's ``[[communists]]`` points at
    the chapter's page in print and at its first § in the EPUB, linking to the section."""
    edition = load_edition(FIXTURE)
    (chapter,) = [s for s in edition.sections if s.title == "II. Proletarians and Communists"]
    first = next(p.number for p in iter_paragraphs((chapter,)))
    pages = [" ".join(page.extract_text().split()) for page in PdfReader(_pdf(built)).pages]
    (opening,) = [n for n, text in enumerate(pages) if text.startswith("II. Proletarians and Communists")]
    label = PdfReader(_pdf(built)).page_labels[opening]
    assert f"Chapter II (see p. {label}) is given" in " ".join(pages)
    with zipfile.ZipFile(built[0] / "manifesto.epub") as book:
        files = {n: etree.fromstring(book.read(n)) for n in book.namelist() if n.endswith(".xhtml")}
    links = [
        a
        for tree in files.values()
        for a in tree.xpath("//h:a[@class='page-ref']", namespaces=XHTML)
        if a.get("href", "").endswith(f"#{chapter.element_id}")
    ]
    assert [a.text for a in links] == [f"§\u00a0{first}"]
    target_file = links[0].get("href").partition("#")[0]
    assert files[f"EPUB/{target_file}"].xpath(f"//*[@id='{chapter.element_id}']")
