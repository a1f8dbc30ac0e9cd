"""End-to-end: whole editions built to PDF and read back (page numbers, boxes, fonts, validity, safety)."""

from __future__ import annotations

import json
import shutil
import subprocess
from io import BytesIO
from pathlib import Path

import pdf_tags
import pdf_x
import pytest
import weasyprint
from conftest import Built, build
from pdf_probe import boxes, destination_page, internal_links, is_page_prefix, page_words, printed_page
from pypdf import PdfReader
from sample_edition import sample_edition

from edition.model import Style, Text
from edition.resolve import load_edition
from edition.writers.pdf import PdfBuildError, build_pdf
from edition.writers.pdf.pages import Numbering

pytestmark = pytest.mark.slow

MINI = Path(__file__).parents[2] / "fixtures" / "mini"
DEFAULT_EDITION = Path(__file__).parents[3] / "source" / "revolution-betrayed"
BLEED_PT = 0.125 * 72  # the default bleed


def check_page_references(pdf: Path) -> dict[str, int]:
    """Every printed page number of a link equals the label of the page its target lands on."""
    labels = PdfReader(pdf).page_labels
    contents_page = destination_page(pdf, "ed-contents")
    counts = {"p.": 0, "contents": 0, "index": 0}
    wrong = []
    for link in internal_links(pdf):
        printed = printed_page(link.words)
        if any(is_page_prefix(word) for word in link.words):
            kind = "p."
        elif link.dest.startswith("ix-"):
            kind = "index"
        elif link.page == contents_page:
            kind = "contents"
        else:
            continue
        counts[kind] += 1
        if printed != labels[link.target_page]:
            wrong.append((labels[link.page], link.dest, link.words, labels[link.target_page]))
    assert not wrong
    return counts


def test_every_printed_page_reference_is_the_page_its_target_is_on(sample_built: Built) -> None:
    counts = check_page_references(sample_built.screen_pdf)
    # 6 PageRefs (2 in glosses, 2 in the text, 1 in the introduction, …) + 2 textual notes.
    assert counts["p."] >= 8
    assert counts["contents"] == len(sample_built.edition.front_matter) + 6
    assert counts["index"] == 2  # committee 1–2 (three marks, one range), chair 4


def test_print_and_screen_have_the_same_pages_and_links(sample_built: Built) -> None:
    print_words = [[w.text for w in page] for page in page_words(sample_built.print_pdf)]
    screen_words = [[w.text for w in page] for page in page_words(sample_built.screen_pdf)]
    assert print_words == screen_words
    assert len(print_words) == sample_built.result.page_count
    # A PDF/X file (the default) prints no annotation: the links are the screen PDF's.
    assert internal_links(sample_built.print_pdf) == []
    links = [(link.page, link.dest) for link in internal_links(sample_built.screen_pdf)]
    dests = {dest for _, dest in links}
    assert {"gloss-committee", "fn-1", "fnref-1", "bib-doe-1999", "em-budget", "h-2", "ix-chair-1"} <= dests


def test_print_pdf_has_trim_and_bleed_boxes_and_the_screen_pdf_is_trimmed(sample_built: Built) -> None:
    printed = boxes(sample_built.print_pdf, 3)
    tx0, ty0, tx1, ty1 = printed["/TrimBox"]
    assert (tx1 - tx0, ty1 - ty0) == pytest.approx((432, 648))
    assert printed["/BleedBox"] == pytest.approx(
        (tx0 - BLEED_PT, ty0 - BLEED_PT, tx1 + BLEED_PT, ty1 + BLEED_PT)
    )
    assert printed["/MediaBox"] == pytest.approx(printed["/BleedBox"])  # no crop marks by default
    screen = boxes(sample_built.screen_pdf, 3)
    assert screen["/MediaBox"] == pytest.approx((0, 0, 432, 648))
    assert all(box == pytest.approx(screen["/MediaBox"]) for box in screen.values())


def test_page_labels_roman_front_matter_then_arabic_from_the_text(sample_built: Built) -> None:
    reader = PdfReader(sample_built.print_pdf)
    labels = reader.page_labels
    start = labels.index("1")
    assert labels[:start] == ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"][:start]
    assert labels[start:] == [str(n) for n in range(1, len(labels) - start + 1)]
    assert "A Sample Edition" in reader.pages[start].extract_text()
    folio_words = [w.text for w in page_words(sample_built.screen_pdf)[start + 1]]
    assert "2" in folio_words


def test_pdfs_pass_qpdf_check(sample_built: Built) -> None:
    for pdf in sample_built.result.paths:
        checked = subprocess.run(["qpdf", "--check", str(pdf)], capture_output=True, text=True)
        assert checked.returncode == 0, checked.stdout + checked.stderr
        assert "WARNING" not in checked.stdout + checked.stderr


def test_every_font_is_embedded_and_of_the_style_family(sample_built: Built) -> None:
    listing = subprocess.run(
        ["pdffonts", str(sample_built.print_pdf)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert listing
    for line in listing:
        name, emb = line.split()[0], line.split()[-5]
        assert emb == "yes", line
        assert name.split("+", 1)[1].startswith("EB-Garamond"), line


def test_metadata_outline_and_language(sample_built: Built) -> None:
    reader = PdfReader(sample_built.print_pdf)
    info = reader.metadata
    assert info.title == "A Sample Edition: For the PDF writer's tests"
    assert info.author == "Sam Author"
    assert info.subject == "A synthetic edition."
    assert info["/CreationDate"] == "D:20261126"
    assert reader.trailer["/Root"]["/Lang"] == "en"
    assert b"<pdfxid:GTS_PDFXVersion>PDF/X-4<" in reader.trailer["/Root"]["/Metadata"].get_object().get_data()
    top = [item.title for item in reader.outline if not isinstance(item, list)]
    assert top == [
        "Contents",
        "Introduction",
        "Note on the Text",
        "A Sample Edition",
        "Notes",
        "Textual Notes",
        "Bibliography",
        "Index",
    ]


def test_progress_phases_in_order(sample_built: Built) -> None:
    # Each layout of the book is followed by the index's; the sample's font (EB Garamond's 8-point design)
    # has no tabular figures, so from scratch a predicted page number of the wrong width takes a second.
    layouts = sample_built.result.layouts
    assert sample_built.phases == ("html", *(("layout", "index") * layouts), "notes", "write", "finish")
    timings = sample_built.result.timings
    assert all(value > 0 for value in (timings.html, timings.layout, timings.write, timings.finish))
    assert sample_built.result.note_count == 3


def test_with_tabular_figures_predictions_of_the_right_width_need_no_second_layout(
    sample_root: Path, tmp_path: Path
) -> None:
    # Every printed page number predicted wrong, but with as many digits: written in after the one layout.
    edition = sample_edition(sample_root, style=Style(font="EB Garamond 12"))
    cold = build(edition, tmp_path / "cold")
    saved = json.loads((tmp_path / "cold" / "sample-pages.json").read_text())
    numbering = Numbering(saved["text_start"])
    shifted, moved = {}, 0
    for element_id, index in saved["page_of"].items():
        for other in (index + 1, index - 1):
            if other >= numbering.text_start and len(numbering.label(other)) == len(numbering.label(index)):
                shifted[element_id], moved = other, moved + 1
                break
        else:
            shifted[element_id] = index
    assert moved >= len(saved["page_of"]) - 2
    (tmp_path / "stale").mkdir()
    (tmp_path / "stale" / "sample-pages.json").write_text(json.dumps({**saved, "page_of": shifted}))
    stale = build(edition, tmp_path / "stale")
    assert stale.result.layouts == 1
    assert stale.phases == ("html", "layout", "index", "notes", "write", "finish")
    assert stale.print_pdf.read_bytes() == cold.print_pdf.read_bytes()


def test_two_builds_are_byte_identical(sample_built: Built, sample_root: Path, tmp_path: Path) -> None:
    again = build(sample_edition(sample_root), tmp_path)
    for first, second in zip(sample_built.result.paths, again.result.paths, strict=True):
        assert first.read_bytes() == second.read_bytes(), first.name


def test_a_second_build_in_the_same_folder_lays_out_once_and_is_identical(
    sample_built: Built, sample_root: Path, tmp_path: Path
) -> None:
    shutil.copytree(sample_built.print_pdf.parent, tmp_path, dirs_exist_ok=True)
    assert (tmp_path / "sample-pages.json").is_file()
    warm = build(sample_edition(sample_root), tmp_path)
    assert warm.phases.count("layout") == 1
    for cold, again in zip(sample_built.result.paths, warm.result.paths, strict=True):
        assert cold.read_bytes() == again.read_bytes(), cold.name


def test_a_stale_page_map_only_costs_a_layout(sample_built: Built, sample_root: Path, tmp_path: Path) -> None:
    (tmp_path / "sample-pages.json").write_text('{"text_start": 3, "page_of": {"a-quote": 40}}')
    built = build(sample_edition(sample_root), tmp_path)
    assert built.phases.count("layout") >= 2
    assert built.print_pdf.read_bytes() == sample_built.print_pdf.read_bytes()


def test_crop_marks_when_asked_for_lie_outside_the_bleed(sample_root: Path, tmp_path: Path) -> None:
    edition = sample_edition(sample_root, style=Style(crop_marks=True))
    printed = boxes(build(edition, tmp_path).print_pdf, 3)
    tx0, _, tx1, _ = printed["/TrimBox"]
    mx0, _, mx1, _ = printed["/MediaBox"]
    assert mx0 < tx0 - BLEED_PT - 5 and mx1 > tx1 + BLEED_PT + 5  # room for the marks outside the bleed
    assert printed["/BleedBox"][0] == pytest.approx(tx0 - BLEED_PT)


def test_pdf_a_builds_are_byte_identical_too(sample_root: Path, tmp_path: Path) -> None:
    edition = sample_edition(sample_root, style=Style(pdf_variant="pdf/a-3b"))
    first = build(edition, tmp_path / "one").print_pdf.read_bytes()
    second = build(edition, tmp_path / "two").print_pdf.read_bytes()
    xmp = PdfReader(BytesIO(first)).trailer["/Root"]["/Metadata"].get_object().get_data()
    assert b"pdfaid:part" in xmp
    assert first == second


def test_kept_html_renders_alone_to_the_same_pages(sample_built: Built) -> None:
    folder = sample_built.print_pdf.parent
    html = folder / "sample-print.html"
    assert (folder / "sample-print.css").is_file()
    assert 'href="sample-print.css"' in html.read_text()
    document = weasyprint.HTML(filename=html).render()
    assert len(document.pages) == sample_built.result.page_count


def test_a_stylesheet_outside_the_folder_fails_naming_it(sample_root: Path, tmp_path: Path) -> None:
    edition = sample_edition(sample_root, style=Style(stylesheet="../outside.css"))
    with pytest.raises(PdfBuildError) as caught:
        build_pdf(edition, tmp_path)
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.code == "pdf-resource-outside" and "../outside.css" in diagnostic.message
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize(
    "rule",
    [
        '@import url("../../outside.css");',
        "p { background: url(/etc/hostname) }",
        '@import url("https://example.org/x.css");',
    ],
)
def test_a_reference_outside_from_the_editions_stylesheet_fails_naming_the_file(
    tmp_path: Path, rule: str
) -> None:
    root = tmp_path / "edition"
    (root / "css").mkdir(parents=True)
    (root / "css" / "custom.css").write_text(rule + "\n")
    (tmp_path / "outside.css").write_text("p { color: red }")
    edition = sample_edition(root, filler=1, style=Style(stylesheet="css/custom.css"))
    with pytest.raises(PdfBuildError) as caught:
        build_pdf(edition, tmp_path / "build")
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.code == "pdf-resource-outside"
    named = {
        '@import url("../../outside.css");': str(tmp_path / "outside.css"),
        "p { background: url(/etc/hostname) }": "/etc/hostname",
        '@import url("https://example.org/x.css");': "https://example.org/x.css",
    }[rule]
    assert named in diagnostic.message


def test_the_editions_own_stylesheet_is_applied(tmp_path: Path) -> None:
    root = tmp_path / "edition"
    root.mkdir()
    (root / "custom.css").write_text(".text-title { font-size: 30pt; }")
    edition = sample_edition(root, filler=1, style=Style(stylesheet="custom.css"))
    built = build(edition, tmp_path / "build")
    words = page_words(built.screen_pdf)
    start = PdfReader(built.screen_pdf).page_labels.index("1")
    title = next(w for w in words[start] if w.text == "Sample")
    assert title.bottom - title.top > 25


def test_a_glyph_missing_from_the_font_fails_and_keeps_the_previous_pdfs(
    sample_built: Built, sample_root: Path, tmp_path: Path
) -> None:
    shutil.copytree(sample_built.print_pdf.parent, tmp_path, dirs_exist_ok=True)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    edition = sample_edition(sample_root, extra_text=(Text(" A hammer and sickle: ☭."),))
    with pytest.raises(PdfBuildError) as caught:
        build_pdf(edition, tmp_path)
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.code == "pdf-fallback-font" and "U+262D" in diagnostic.message
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_a_missing_font_fails_before_layout_naming_the_package(sample_root: Path, tmp_path: Path) -> None:
    edition = sample_edition(
        sample_root, style=Style(font="Nonexistent Serif", font_package="fonts-nonexistent")
    )
    with pytest.raises(PdfBuildError) as caught:
        build_pdf(edition, tmp_path)
    assert "fonts-nonexistent" in caught.value.diagnostics[0].hint


def test_a_gloss_no_margin_can_hold_becomes_an_endnote_with_a_warning(
    sample_root: Path, tmp_path: Path
) -> None:
    built = build(sample_edition(sample_root, long_gloss=True), tmp_path)
    codes = [(w.path, w.line, w.code) for w in built.result.warnings]
    assert ("apparatus/glosses.yaml", 12, "margin-note-too-tall") in codes
    reader = PdfReader(built.screen_pdf)
    link = next(link for link in internal_links(built.screen_pdf) if link.dest == "gloss-motion")
    assert "Editorial Notes" in reader.pages[link.target_page].extract_text()
    assert "Editorial Notes" in [item.title for item in reader.outline if not isinstance(item, list)]


def test_the_mini_fixture_edition_end_to_end(tmp_path: Path) -> None:
    built = build(load_edition(MINI), tmp_path)
    counts = check_page_references(built.screen_pdf)
    assert counts["p."] >= 3
    assert counts["index"] == 2  # each entry's marks fall on consecutive pages: one range, one link
    assert built.result.paths == (tmp_path / "mini.pdf", tmp_path / "mini-screen.pdf")


def test_the_default_edition_end_to_end(tmp_path: Path) -> None:
    built = build(load_edition(DEFAULT_EDITION), tmp_path)
    counts = check_page_references(built.screen_pdf)
    assert counts["p."] >= len(built.edition.emendations)
    for pdf in built.result.paths:
        assert subprocess.run(["qpdf", "--check", str(pdf)], capture_output=True).returncode == 0
    assert not [w for w in built.result.warnings if w.severity == "error"]
    # The print file's PDF/X-4 rules and the screen file's PDF/UA checks hold for the real book too.
    printed, screen = PdfReader(built.print_pdf), PdfReader(built.screen_pdf)
    for check in (
        pdf_x.output_intent_problems,
        pdf_x.identification_problems,
        pdf_x.box_problems,
        pdf_x.font_problems,
        pdf_x.transparency_problems,
        pdf_x.rgb_problems,
    ):
        assert check(printed) == [], check.__name__
    assert {(space, values) for space, values, _ in pdf_x.colour_report(printed)} == {
        ("/DeviceCMYK", (0.0, 0.0, 0.0, 1.0))
    }
    assert pdf_tags.untagged_text(screen) == []
    assert pdf_tags.link_problems(screen) == []
    notes = [e for e in pdf_tags.tree(screen).children[0].children if e.kind == "Note"]
    assert len(notes) == len(built.edition.glosses)  # every gloss of the default edition is a margin note


def test_a_stylesheet_that_breaks_the_margin_notes_fails_cleanly(tmp_path: Path) -> None:
    root = tmp_path / "mini"
    shutil.copytree(MINI, root)
    (root / "custom.css").write_text(".margin-note { position: static; }\n", encoding="utf-8")
    with (root / "edition.yaml").open("a", encoding="utf-8") as f:
        f.write("style:\n  stylesheet: custom.css\n")
    with pytest.raises(PdfBuildError) as raised:
        build_pdf(load_edition(root), tmp_path / "out")
    assert [d.code for d in raised.value.diagnostics] == ["pdf-margin-notes"]
    assert not (tmp_path / "out" / "mini.pdf").exists()


def test_the_screen_pdf_opens_on_its_bookmarks_and_is_another_document(sample_built: Built) -> None:
    print_pdf, screen_pdf = (PdfReader(path) for path in sample_built.result.paths)
    assert screen_pdf.trailer["/Root"]["/PageMode"] == "/UseOutlines"
    assert "/PageMode" not in print_pdf.trailer["/Root"]
    assert list(screen_pdf.trailer["/ID"]) != list(print_pdf.trailer["/ID"])
