"""The print page list: markers placed from a page map, the nav page-list, and what the package claims."""

from __future__ import annotations

import re

from lxml import etree

from edition.writers.html.pages import paginate

from .epub_lint import NS, Book
from .sample_edition import sample_page_map


def test_page_list_is_in_reading_order_and_fills_pages_without_ids(paged: Book):
    nav = paged.documents[paged.nav_path]
    entries = nav.xpath("//h:nav[@epub:type='page-list']//h:a", namespaces=NS)
    # Pages 1, 3, 4, 6, 7 hold elements with ids; 2 and 5 hold none and are placed before the next page;
    # page 9 belongs to an id the EPUB does not have, and the gloss's margin page is ignored.
    assert [a.text for a in entries] == ["1", "2", "3", "4", "5", "6", "7"]
    for a in entries:
        _, target = paged.target(paged.nav_path, a.get("href"))
        assert target is not None and target.get("{http://www.idpf.org/2007/ops}type") == "pagebreak"
        assert target.get("aria-label") == a.text


def test_markers_precede_the_first_element_of_their_page(paged: Book):
    paragraph = paged.element("EPUB/sec-1.xhtml", "p-1")
    markers = paragraph.xpath("h:span[@epub:type='pagebreak']/@aria-label", namespaces=NS)
    assert markers == ["2", "3"]
    assert (
        paragraph.xpath("h:span[@epub:type='pagebreak']/following-sibling::*[1]/@class", namespaces=NS)[-1]
        == "pnum"
    )
    heading = paged.element("EPUB/sec-second-part.xhtml", "h-second-part")
    assert heading.xpath("h:span[@epub:type='pagebreak']/@aria-label", namespaces=NS) == ["5", "6"]
    intro = paged.element("EPUB/introduction.xhtml", "introduction")
    assert intro.xpath("h:span[@epub:type='pagebreak']/@aria-label", namespaces=NS) == ["1"]


def test_pointers_print_the_paragraph_even_when_the_print_page_is_known(paged: Book):
    """docs/epub.md: cross-references read "§ 31"; a print page means nothing in a reflowable book."""
    assert sample_page_map().get("anchor-lines") is not None, "the page map knows the target's page"
    paragraph = paged.element("EPUB/sec-second-part.xhtml", "p-5")
    assert "as below\u00a0[§\u00a07]" in "".join(paragraph.itertext())
    pointers = [
        "".join(a.itertext())
        for root in paged.documents.values()
        for a in root.xpath("//h:a[@class='page-ref']", namespaces=NS)
    ]
    assert pointers and all(re.fullmatch(r"§\u00a0\d+", text) for text in pointers), pointers


def test_page_claims_only_with_a_page_list(paged: Book):
    features = paged.meta("schema:accessibilityFeature")
    assert "pageBreakMarkers" in features and "pageNavigation" in features
    source = paged.opf.find("opf:metadata/opf:meta[@property='source-of']", NS)
    assert source.text == "pagination"
    refined = paged.opf.xpath("//dc:source[@id=$i]", i=source.get("refines")[1:], namespaces=NS)
    assert refined and "Print edition" in refined[0].text
    assert "print edition" in paged.meta("schema:accessibilitySummary")[0]


def test_no_marker_is_inside_a_popup_note(paged: Book):
    for root in paged.documents.values():
        assert not root.xpath("//h:aside//*[@epub:type='pagebreak']", namespaces=NS)


def test_paginate_never_steps_backwards_and_places_each_page_once():
    flow = [("a", "x.xhtml"), ("b", "x.xhtml"), ("c", "y.xhtml"), ("d", "y.xhtml"), ("e", "y.xhtml")]
    pages = paginate(flow, {"a": "iv", "b": "2", "c": "5", "d": "1", "e": "5"})
    assert [p.label for p in pages.pages] == ["iv", "2", "3", "4", "5"]
    assert [p.label for p in pages.before("c")] == ["3", "4", "5"]
    assert pages.before("d") == () and pages.before("e") == ()
    assert len({p.element_id for p in pages.pages}) == len(pages.pages)


def test_paginate_without_a_map_places_nothing():
    assert paginate([("a", "x.xhtml")], None).pages == ()
    assert paginate([("a", "x.xhtml")], {}).pages == ()


def test_page_ids_never_collide_with_model_ids():
    pages = paginate([("a", "x.xhtml"), ("b", "x.xhtml")], {"a": "12", "b": "12 bis"})
    ids = [p.element_id for p in pages.pages]
    assert ids == ["page.12", "page.12-bis"]
    assert all("." in element_id for element_id in ids)  # a model id has no "."
    etree.fromstring(f'<span id="{ids[1]}"/>')  # a valid XML id
