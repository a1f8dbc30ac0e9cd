"""Apparatus entries on headings, in every output: a gloss, an emendation, a variant, a cross-reference and an
index form in the mini fixture's two section headings (docs/format.md, "Lemmas in headings")."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree
from lxml import html as lxml_html

from edition.model import Edition, Heading, plain_text
from edition.resolve import check_edition
from edition.writers.epub import build_epub
from edition.writers.pdf.templates import environment
from edition.writers.pdf.view import book_view
from edition.writers.tei import tei_bytes
from edition.writers.web import build_web
from tests.conftest import add_glosses, replace_in
from tests.writers.epub.epub_lint import epubcheck, epubcheck_problems

XHTML = {"h": "http://www.w3.org/1999/xhtml"}
TEI = {"t": "http://www.tei-c.org/ns/1.0"}
SECOND = "A secnd section, and the policeman"


def _headed(mini: Path) -> Edition:
    replace_in(mini / "text/article.md", "## A second section", f"## {SECOND}")
    replace_in(
        mini / "edition.yaml",
        "front_matter:",
        "  - siglum: B\n    description: A later printing (a fixture)\nfront_matter:",
    )
    add_glosses(mini, "  - id: on-heading\n    lemma: A first section\n    note: A gloss on a heading.\n")
    other = mini / "apparatus/other.yaml"
    text = other.read_text(encoding="utf-8")
    text = text.replace(
        "anchors:\n", "  - id: secnd\n    lemma: secnd\n    reading: second\nanchors:\n"
    ).replace(
        "cross_references:\n",
        "cross_references:\n  - lemma: the policeman\n    in: heading\n    target: policeman\n",
    )
    text += (
        "  - id: first-section\n    heading: first section (the)\n    forms: [first section]\n"
        "  - id: policeman-term\n    heading: policeman\n    forms: [policeman]\n"
        "variants:\n  - id: with\n    lemma: and\n    in: heading\n    readings:\n"
        "      - {witness: B, text: with}\n"
    )
    other.write_text(text, encoding="utf-8")
    result = check_edition(mini)
    assert result.edition is not None and not result.diagnostics, result.diagnostics
    return result.edition


@pytest.fixture
def headed(mini: Path) -> Edition:
    return _headed(mini)


def _headings(edition: Edition) -> list[Heading]:
    return [s.heading for s in edition.sections if s.heading is not None]


def test_every_kind_of_entry_anchors_in_its_heading_keyed_by_the_paragraph_after_it(headed: Edition) -> None:
    first, second = _headings(headed)
    (gloss,) = [g for g in headed.glosses if g.element_id == "gloss-on-heading"]
    (emendation,) = [e for e in headed.emendations if e.element_id == "em-secnd"]
    (variant,) = headed.variants
    (reference,) = [x for x in headed.cross_references if x.lemma.heading is not None]
    (entry,) = [i for i in headed.index if i.element_id == "index-first-section"]
    assert (gloss.lemma.heading, gloss.lemma.paragraph) == (1, 2)
    assert [(x.lemma.heading, x.lemma.paragraph) for x in (emendation, variant, reference)] == [(2, 5)] * 3
    assert [location.paragraph for location in entry.locations] == [2]
    # A form the paragraphs have is marked there only, as before headings took entries.
    (policeman,) = [i for i in headed.index if i.element_id == "index-policeman-term"]
    assert [location.paragraph for location in policeman.locations] == [2, 3, 5]
    # The headings print the edited reading, and their plain text (titles, running heads) carries no mark.
    assert [s.title for s in headed.sections[1:]] == [
        "A first section",
        "A second section, and the policeman",
    ]
    kinds = {type(node).__name__ for node in (*first.content, *second.content)}
    assert {"GlossRef", "Emended", "VariantLemma", "Reference", "PageRef", "IndexMark"} <= kinds
    assert plain_text(second.content) == "A second section, and the policeman"


def test_print_keys_a_headings_entries_by_its_page_and_keeps_its_titles_clean(headed: Edition) -> None:
    html = environment().get_template("book.html.j2").render(view=book_view(headed, (), "2026-01-01"))
    page = lxml_html.fromstring(html)
    (h2,) = page.xpath("//h2[.//*[@id='gloss-on-heading']]")
    assert h2.xpath(".//span[@class='margin-note']") and h2.get("data-bookmark") == "A first section"
    assert h2.get("data-running-head") == "A first section"
    (second,) = page.xpath("//h2[.//*[@id='em-secnd']]")
    assert second.get("data-bookmark") == "A second section, and the policeman"
    keys = [" ".join(k.text_content().split()) for k in page.xpath("//span[contains(@class, 'in-heading')]")]
    assert len(keys) == 2  # the textual note's and the variant reading's, at the back
    assert all(k.startswith("p.") and k.endswith(" heading") and "§" not in k for k in keys), keys
    others = [" ".join(k.text_content().split()) for k in page.xpath("//span[@class='tn-where']")]
    assert others and all("§" in k for k in others)  # the paragraph's emendation keeps its §


def test_the_epub_and_web_say_heading_before_the_paragraph_and_every_link_lands(
    headed: Edition, tmp_path: Path
) -> None:
    epub = build_epub(headed, tmp_path / "epub").path
    with zipfile.ZipFile(epub) as book:
        files = {n: etree.fromstring(book.read(n)) for n in book.namelist() if n.endswith(".xhtml")}
    notes = files["EPUB/textual-notes.xhtml"]
    (back,) = notes.xpath("//h:li[@id='em-secnd.note']//h:a[@role='doc-backlink']", namespaces=XHTML)
    assert back.text == "heading before §\u00a05"
    readings = files["EPUB/variant-readings.xhtml"]
    assert readings.xpath("//h:a[@role='doc-backlink'][.='heading before §\u00a05']", namespaces=XHTML)
    for name, tree in files.items():  # every link out of a heading lands on an element that exists
        for a in tree.xpath("//h:h2//h:a[@href]", namespaces=XHTML):
            target, _, fragment = a.get("href").partition("#")
            into = files[f"EPUB/{target}"] if target else tree
            assert into.xpath(f"//*[@id='{fragment}']"), (name, a.get("href"))
    site = build_web(headed, tmp_path / "web")
    pages = {p.name: p.read_text(encoding="utf-8") for p in site.path.glob("*.html")}
    assert "heading before §\u00a05" in pages["textual-notes.html"]
    # The heading's variant is not counted among § 5's own (its lemma only shares the §).
    (section,) = [text for text in pages.values() if 'id="p-5"' in text]
    assert 'class="variants-link"' not in section


def test_the_tei_carries_the_entries_inside_the_head(headed: Edition) -> None:
    tei = etree.fromstring(tei_bytes(headed))
    first, second = tei.xpath("//t:body//t:div[@type='section']/t:head", namespaces=TEI)[:2]
    assert first.xpath("t:note[@type='gloss']", namespaces=TEI) and first.xpath("t:index", namespaces=TEI)
    assert second.xpath(".//t:choice/t:sic[.='secnd']", namespaces=TEI)
    assert second.xpath(".//t:app/t:rdg[@wit='#B'][.='with']", namespaces=TEI)
    assert second.xpath(".//t:ref[@target='#a-policeman']", namespaces=TEI)


@pytest.mark.slow
def test_an_epub_with_entries_on_headings_passes_epubcheck(headed: Edition, tmp_path: Path) -> None:
    epub = build_epub(headed, tmp_path).path
    assert not epubcheck_problems(epubcheck(epub))


@pytest.mark.slow
def test_the_tei_with_entries_in_heads_is_valid_tei(headed: Edition) -> None:
    schema = Path(__file__).resolve().parents[1] / "tools" / "tei" / "tei_all.rng"
    assert schema.is_file(), "run `make test` (it fetches tools/tei/tei_all.rng) or tools/tei/fetch-schema"
    relaxng = etree.RelaxNG(etree.parse(str(schema)))
    document = etree.fromstring(tei_bytes(headed))
    assert relaxng.validate(document), relaxng.error_log
