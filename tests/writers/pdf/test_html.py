"""The print HTML, before layout: every node type, the margin-note contract, escaping, strict templates."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from jinja2 import UndefinedError
from lxml import html as lxml_html
from sample_edition import sample_edition

from edition.model import Anchor, ExternalLink, IndexMark, Paragraph, Styled, Text, iter_paragraphs
from edition.writers.pdf.pages import Numbering, PageMap
from edition.writers.pdf.templates import (
    Marked,
    attach_points,
    css_string,
    environment,
    long_date,
    node_type,
    note_paragraphs,
    title_lines,
)
from edition.writers.pdf.view import book_view


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory):
    return sample_edition(tmp_path_factory.mktemp("sample"))


# Page indexes as a layout would report them: the text starts on the 11th page (index 10).
PAGES = PageMap(
    Numbering(10),
    {
        "ed-text": 10,
        "lemma-committee": 10,
        "a-quote": 10,
        "em-budget": 11,
        "h-2": 13,
        "front-1": 6,
        "ix-committee-1": 10,
        "ix-committee-2": 10,
        "ix-committee-3": 11,
        "ix-chair-1": 13,
        "glossref-2": 10,
    },
)


@pytest.fixture(scope="module")
def page_html(sample) -> str:
    view = book_view(sample, ("sample-print.css",), "2026-11-26", pages=PAGES)
    return environment().get_template("book.html.j2").render(view=view)


@pytest.fixture(scope="module")
def tree(page_html):
    return lxml_html.fromstring(page_html)


def test_every_element_id_of_the_model_is_in_the_html_once(sample, page_html, tree) -> None:
    ids = [element.get("id") for element in tree.iter() if element.get("id")]
    duplicates = {i for i in ids if ids.count(i) > 1}
    assert not duplicates
    expected = {p.element_id for p in iter_paragraphs(sample.sections)}
    expected |= {g.element_id for g in sample.glosses} | {g.lemma_id for g in sample.glosses}
    expected |= {e.element_id for e in sample.emendations} | {f.element_id for f in sample.footnotes}
    expected |= {f.ref_id for f in sample.footnotes} | {a.element_id for a in sample.anchors}
    expected |= {b.element_id for b in sample.bibliography} | {s.element_id for s in sample.sections}
    expected |= {loc.element_id for entry in sample.index for loc in entry.locations}
    expected |= {essay.element_id for essay in sample.front_matter}
    assert expected <= set(ids)


def test_gloss_follows_the_margin_note_contract_exactly(sample, page_html) -> None:
    gloss = sample.glosses[1]
    expected = (
        '<a class="gloss-ref" id="glossref-2" href="#gloss-chair">2</a><span class="margin-note" '
        'id="gloss-chair" data-note-number="2" data-origin="apparatus/glosses.yaml:8:5" data-from-page="1" '
        'data-slot-pseudo="glossref-2" data-slot-label="1" data-slot-align="free">'
        "<span "
        'class="margin-note-box"><span class="margin-note-number">2</span> <span class="note-p">'
        'Who presides. Compare <a class="pageref" href="#lemma-committee">p.&#160;'
        '<span class="page-slot" data-slot="lemma-committee">1</span></a>.</span></span></span>'
    )
    assert gloss.number == 2
    assert expected in page_html


def test_gloss_paragraphs_are_inline_spans_separated_by_line_breaks(tree) -> None:
    note = tree.get_element_by_id("gloss-committee")
    box = note.find_class("margin-note-box")[0]
    assert [child.tag for child in box] == ["span", "span", "br", "span"]
    assert not note.xpath(".//p|.//div")
    assert [s.text_content()[:16] for s in box.find_class("note-p")] == [
        "A body of member",
        "A second paragra",
    ]


def test_lemma_start_carries_the_lemma_id_before_the_lemma_words(page_html) -> None:
    assert '<span class="anchor" id="lemma-chair">chair</span><a class="gloss-ref"' in page_html


def test_point_targets_wrap_the_next_word_never_an_empty_span(page_html) -> None:
    """Empty inline spans make WeasyPrint 70 break lines early; ids ride on the following word."""
    assert (
        '<span class="anchor" id="lemma-committee"><span class="ix" id="ix-committee-1">'
        "committee</span></span>" in page_html
    )
    assert '<span class="anchor" id="a-quote">A</span> quoted passage' in page_html
    assert not re.search(r'<span class="(anchor|ix)" id="[^"]*"></span>', page_html)


def test_attach_points_keeps_the_text_and_handles_every_neighbour() -> None:
    nodes = (
        Text("a "),
        Anchor("x"),
        IndexMark("y", "e"),
        Text("  word rest"),
        Anchor("z"),
        Styled("em", (Text("it"),)),
        Anchor("end"),
    )
    out = attach_points(nodes)
    assert out == (
        Text("a "),
        Marked((("x", "anchor"), ("y", "ix")), (Text("  word"),)),
        Text(" rest"),
        Marked((("z", "anchor"),), (Styled("em", (Text("it"),)),)),
        Marked((("end", "anchor"),), ()),
    )


def test_markup_in_text_is_escaped(page_html) -> None:
    assert "&lt;b&gt;Not markup&lt;/b&gt; &amp; more." in page_html
    assert "<b>Not markup" not in page_html


def test_paragraphs_carry_section_numbers_and_ids(tree) -> None:
    paragraph = tree.get_element_by_id("p-2")
    assert paragraph.tag == "p"
    assert paragraph.find_class("pnum")[0].text == "2"


def test_cross_references_point_at_their_targets(tree) -> None:
    links = tree.find_class("pageref")
    hrefs = {link.get("href") for link in links}
    assert {"#a-quote", "#em-budget", "#h-2", "#lemma-committee"} <= hrefs
    assert tree.xpath('//a[@class="xref" and @href="#a-quote"]')[0].text == "quoted above"
    text_ref = tree.xpath('//p[@id="p-2"]//span[@class="editorial"]')[0]
    assert text_ref.text_content() == "[p.\xa04]"
    late = tree.xpath('//a[@class="pageref" and @href="#p-15"]')[0]
    assert late.text_content() == "p.\xa000"  # not in the page map: a placeholder until the next layout


def test_citations_link_to_the_bibliography(tree) -> None:
    cites = tree.find_class("cite")
    assert {c.get("href") for c in cites} == {"#bib-doe-1999", "#bib-roe-2001"}
    assert "(Doe 1999, 12)" in [c.text_content() for c in cites]
    assert tree.get_element_by_id("bib-doe-1999").tag == "p"


def test_footnotes_are_endnotes_linked_both_ways(tree) -> None:
    ref = tree.get_element_by_id("fnref-1")
    assert ref.get("href") == "#fn-1"
    note = tree.get_element_by_id("fn-1")
    assert note.find_class("endnote-label")[0].get("href") == "#fnref-1"
    assert note.xpath("ancestor::section")[0].get("id") == "ed-notes"


def test_emended_reading_is_printed_and_textual_notes_list_both_readings(tree) -> None:
    assert tree.get_element_by_id("em-budget").text_content() == "budget"
    notes = tree.get_element_by_id("ed-textual-notes")
    entries = [" ".join(e.text_content().split()) for e in notes.find_class("tn-entry")]
    assert entries == ["p. 2 § 9 budget ] budjet S", "p. 00 § 19 vote ] boat S; conj."]
    assert notes.find_class("tn-page")[0].get("href") == "#em-budget"


def test_note_on_the_text_gets_sigla_and_normalisations(tree) -> None:
    essay = tree.get_element_by_id("front-2")
    assert essay.find_class("sigla")[0].find("dt").text == "S"
    assert "curly ones" in essay.find_class("normalisations")[0].text_content()


def test_a_note_on_the_text_is_generated_when_no_essay_is_one(sample) -> None:
    edition = replace(sample, front_matter=sample.front_matter[:1])
    view = book_view(edition, (), "2026-11-26")
    tree = lxml_html.fromstring(environment().get_template("book.html.j2").render(view=view))
    assert tree.get_element_by_id("ed-note-on-the-text").find_class("sigla")
    assert "#ed-note-on-the-text" in [e.href for e in view.contents]


def test_bibliography_lists_works_cited_then_further_reading_with_one_id_each(tree) -> None:
    section = tree.get_element_by_id("ed-bibliography")
    assert [h.text for h in section.findall("h2")] == ["Works Cited", "Further Reading"]
    entries = section.find_class("bib-entry")
    assert [e.get("id") for e in entries] == ["bib-doe-1999", "bib-roe-2001", None, "bib-poe-2005"]


def test_contents_lists_divisions_with_roman_front_matter(sample) -> None:
    view = book_view(sample, (), "2026-11-26")
    assert [(e.href, e.numbering) for e in view.contents] == [
        ("#front-1", "roman"),
        ("#front-2", "roman"),
        ("#ed-text", "arabic"),
        ("#h-2", "arabic"),
        ("#ed-notes", "arabic"),
        ("#ed-textual-notes", "arabic"),
        ("#ed-bibliography", "arabic"),
        ("#ed-index", "arabic"),
    ]


def test_before_any_layout_the_index_is_its_heading_only(sample) -> None:
    view = book_view(sample, (), "2026-11-26")
    tree = lxml_html.fromstring(environment().get_template("book.html.j2").render(view=view))
    index = tree.get_element_by_id("ed-index")
    assert index.find("h1").text == "Index"
    assert not index.find_class("index-entry")
    assert {a.get("data-page") for a in tree.get_element_by_id("ed-contents").iter("a")} == {"00"}


def test_the_index_prints_the_pages_of_the_page_map(tree) -> None:
    entries = [
        " ".join(e.text_content().split())
        for e in tree.get_element_by_id("ed-index").find_class("index-entry")
    ]
    assert entries == ["Chair, The, 4", "committee, 1–2. See also Chair, The"]


def test_contents_print_roman_and_arabic_labels(tree) -> None:
    pages = {a.get("href"): a.get("data-page") for a in tree.get_element_by_id("ed-contents").iter("a")}
    assert pages["#front-1"] == "vii" and pages["#ed-text"] == "1" and pages["#h-2"] == "4"


def test_printed_ids_are_every_page_number_the_book_prints(sample) -> None:
    ids = book_view(sample, (), "2026-11-26").printed_ids
    assert {
        "p-15",
        "lemma-committee",
        "a-quote",
        "h-2",
        "em-budget",
        "em-vote",
        "ix-chair-1",
        "ed-index",
        "front-1",
        "ed-text",
    } <= ids
    assert "p-3" not in ids


def test_external_links_only_for_web_schemes(sample) -> None:
    env = environment()
    macro = env.get_template("_nodes.html.j2").make_module({"view": None}).inline
    assert 'href="https://example.org/"' in str(
        macro(ExternalLink("https://example.org/", (Text("x"),)), "text")
    )
    local = str(macro(ExternalLink("file:///etc/passwd", (Text("x"),)), "text"))
    assert local == "x"


def test_strict_undefined_fails_loudly() -> None:
    with pytest.raises(UndefinedError):
        environment().get_template("book.html.j2").render(view=object())


def test_node_type_and_note_paragraphs_filters(sample) -> None:
    assert node_type(Text("x")) == "Text"
    assert node_type(IndexMark("a", "b")) == "IndexMark"
    body = sample.glosses[0].body
    assert note_paragraphs(body) == tuple(block.content for block in body if isinstance(block, Paragraph))


def test_css_string_escapes_quotes_and_backslashes() -> None:
    assert css_string('EB "Gar" \\ x') == '"EB \\22 Gar\\22  \\5c  x"'


def test_long_date() -> None:
    assert long_date("2026-11-26") == "26 November 2026"
    assert long_date("2004-07") == "July 2004"
    assert long_date("2004") == "2004"
    assert long_date("summer 2004") == "summer 2004"


def test_every_inline_node_type_is_rendered(sample, page_html) -> None:
    """A node type the templates do not know would silently vanish: check each one leaves a trace."""
    kinds = {
        "Text",
        "Styled",
        "ExternalLink",
        "LineBreak",
        "FootnoteRef",
        "Anchor",
        "GlossRef",
        "Emended",
        "Reference",
        "PageRef",
        "CitationLink",
        "CitationRef",
        "IndexMark",
    }
    seen = set()

    def walk(nodes):
        for node in nodes:
            seen.add(type(node).__name__)
            walk(getattr(node, "children", ()))
            if hasattr(node, "gloss"):
                for block in note_paragraphs(node.gloss.body):
                    walk(block)

    for paragraph in iter_paragraphs(sample.sections):
        walk(paragraph.content)
    assert kinds <= seen
    for marker in (
        'class="sc"',
        "<strong>",
        "<code>",
        'class="ext"',
        "<br>",
        'class="fn-ref"',
        'class="anchor"',
        'class="gloss-ref"',
        'class="emended"',
        'class="xref"',
        'class="pageref"',
        'class="cite"',
        'class="ix"',
        "<blockquote>",
        "<ul>",
        "<hr>",
        "<em>",
    ):
        assert marker in page_html, marker


def test_display_titles_break_after_the_colon() -> None:
    assert title_lines("Classics of Marxism: The Revolution Betrayed") == (
        "Classics of Marxism:",
        "The Revolution Betrayed",
    )
    assert title_lines("A Sample Edition") == ("A Sample Edition",)
    assert title_lines("Odd:") == ("Odd:",)
