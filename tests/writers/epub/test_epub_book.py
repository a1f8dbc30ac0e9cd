"""The sample EPUB opened with zip + lxml: container, package, spine, navigation, notes, links, apparatus."""

from __future__ import annotations

import dataclasses
import io
import zipfile

from lxml import etree
from PIL import Image

from edition.writers.epub import build_epub

from .epub_lint import EPUB_TYPE, NS, XHTML, Book, all_lints, noterefs, open_book
from .sample_edition import sample_edition

EDITION = sample_edition()


def text_of(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())


def hex_colour(pixel: tuple[int, int, int]) -> str:
    return "#" + "".join(f"{channel:02x}" for channel in pixel)


def by_class(book: Book, path: str, tag: str, css_class: str) -> list[etree._Element]:
    return book.documents[path].xpath(
        f"//h:{tag}[contains(concat(' ', @class, ' '), ' {css_class} ')]", namespaces=NS
    )


# -- container -----------------------------------------------------------------------------------------


def test_mimetype_is_first_and_stored(sample: Book):
    first = sample.infos[0]
    assert first.filename == "mimetype"
    assert first.compress_type == zipfile.ZIP_STORED
    assert first.extra == b""
    assert sample.files["mimetype"] == b"application/epub+zip"


def test_zip_order_is_container_package_nav_documents_css_images(sample: Book):
    names = sample.names
    assert names[1:4] == ["META-INF/container.xml", "EPUB/package.opf", "EPUB/nav.xhtml"]
    kinds = [name.rsplit(".", 1)[-1] for name in names[4:]]
    assert kinds == sorted(kinds, key=["xhtml", "css", "svg", "png"].index)


def test_every_entry_has_the_edition_date(sample: Book):
    assert {info.date_time for info in sample.infos} == {(2026, 11, 26, 0, 0, 0)}
    assert sample.meta("dcterms:modified") == ["2026-11-26T00:00:00Z"]


def test_manifest_and_zip_agree(sample: Book):
    manifest = {
        sample.resolve(sample.opf_path, item.get("href"))
        for item in sample.opf.iterfind("opf:manifest/opf:item", NS)
    }
    packaged = set(sample.names) - {"mimetype", "META-INF/container.xml", sample.opf_path}
    assert manifest == packaged


# -- spine and navigation ------------------------------------------------------------------------------


def test_spine_order(sample: Book):
    stems = [path.removeprefix("EPUB/").removesuffix(".xhtml") for path in sample.spine]
    assert stems == [
        "cover",
        "titlepage",
        "imprint",
        "nav",
        "introduction",
        "front-note-on-the-text",
        "sec-1",
        "sec-second-part",
        "endnotes",
        "textual-notes",
        "bibliography",
        "index",
    ]


def test_each_section_file_holds_its_paragraphs(sample: Book):
    first = {e.get("id") for e in sample.documents["EPUB/sec-1.xhtml"].iterfind(".//*[@id]")}
    second = {e.get("id") for e in sample.documents["EPUB/sec-second-part.xhtml"].iterfind(".//*[@id]")}
    assert {"p-1", "p-2", "p-3", "p-4"} <= first
    assert {"p-5", "p-6", "p-7"} <= second
    assert not {"p-5", "p-6", "p-7"} & first


def test_toc_lists_every_part_in_reading_order(sample: Book):
    nav = sample.documents[sample.nav_path]
    toc = nav.xpath("//h:nav[@epub:type='toc']", namespaces=NS)[0]
    labels = [text_of(a) for a in toc.iterfind(".//h:a", NS)]
    assert labels == [
        "Title Page",
        "Imprint",
        "Introduction",
        "Note on the Text",
        "A Sample Study Edition",
        "Second part",
        "A subsection",
        "Notes",
        "Textual Notes",
        "Bibliography",
        "Index",
    ]
    nested = toc.xpath("h:ol/h:li[h:a='A Sample Study Edition']/h:ol/h:li/h:a", namespaces=NS)
    assert [text_of(a) for a in nested] == ["Second part"]


def test_a_subsection_is_nested_under_its_section_and_links_to_its_heading(sample: Book):
    nav = sample.documents[sample.nav_path]
    (link,) = nav.xpath("//h:nav[@epub:type='toc']//h:a[.='A subsection']", namespaces=NS)
    parent = link.getparent().getparent().getparent()  # a -> li -> ol -> li of the section
    assert text_of(parent.find("h:a", NS)) == "Second part"
    assert link.get("href") == "sec-second-part.xhtml#h-a-subsection"


def test_landmarks(sample: Book):
    nav = sample.documents[sample.nav_path]
    marks = {
        a.get(EPUB_TYPE): a.get("href")
        for a in nav.xpath("//h:nav[@epub:type='landmarks']//h:a", namespaces=NS)
    }
    assert marks["bodymatter"] == "sec-1.xhtml"
    assert marks["toc"] == "nav.xhtml#ed.toc"
    assert {"cover", "titlepage", "endnotes", "bibliography", "index"} <= set(marks)


def test_no_page_list_or_page_claims_without_a_page_map(sample: Book):
    assert not sample.documents[sample.nav_path].xpath("//h:nav[@epub:type='page-list']", namespaces=NS)
    assert not sample.documents["EPUB/sec-1.xhtml"].xpath("//*[@epub:type='pagebreak']", namespaces=NS)
    features = sample.meta("schema:accessibilityFeature")
    assert "pageBreakMarkers" not in features and "pageNavigation" not in features
    assert "printPageNumbers" not in features
    assert sample.opf.find("opf:metadata/opf:meta[@property='source-of']", NS) is None


def test_language_and_direction(sample: Book):
    for root in sample.documents.values():
        assert root.get("lang") == "en"
        assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
        assert root.get("dir") is None
    assert sample.opf.findtext("opf:metadata/dc:language", namespaces=NS) == "en"
    assert sample.opf.find("opf:spine", NS).get("page-progression-direction") == "ltr"


# -- lints ---------------------------------------------------------------------------------------------


def test_sample_passes_every_lint(sample: Book):
    assert all_lints(sample) == []


def test_paged_sample_passes_every_lint(paged: Book):
    assert all_lints(paged) == []


# -- notes ---------------------------------------------------------------------------------------------


def test_one_popup_note_per_gloss_numbered_as_in_print(sample: Book):
    asides = [
        (path, aside)
        for path, root in sample.documents.items()
        for aside in root.iterfind(f".//{{{XHTML}}}aside")
    ]
    assert len(asides) == len(EDITION.glosses)
    numbers = {gloss.element_id: str(gloss.number) for gloss in EDITION.glosses}
    for path, aside in asides:
        assert aside.get(EPUB_TYPE) == "footnote"
        ref = sample.element(path, aside.get("id") + ".ref")
        assert ref is not None, "the note must sit in the same file as its reference (Thorium, Apple Books)"
        assert text_of(ref) == numbers[aside.get("id")]
        order = list(sample.documents[path].iter())
        assert order.index(ref) < order.index(aside), "Kobo pops up only notes placed after the reference"


def test_gloss_note_opens_with_number_and_lemma(sample: Book):
    aside = sample.element("EPUB/sec-1.xhtml", "gloss-market")
    assert text_of(aside).startswith("1 market & town ] A placeholder note explaining the market")


def test_author_notes_are_endnotes_linked_both_ways(sample: Book):
    notes = sample.documents["EPUB/endnotes.xhtml"].xpath(
        "//h:section[@epub:type='endnotes'][@role='doc-endnotes']/h:ol/h:li", namespaces=NS
    )
    assert [n.get(EPUB_TYPE) for n in notes] == [None, None], "SSV 1.1 deprecates the endnote type"
    assert [n.get("id") for n in notes] == ["fn-1", "fn-2"]
    ref = sample.element("EPUB/sec-1.xhtml", "fnref-1")
    assert ref.get("href") == "endnotes.xhtml#fn-1"
    back = notes[0].xpath(".//h:a[@epub:type='backlink']", namespaces=NS)[0]
    assert back.get("href") == "sec-1.xhtml#fnref-1"


def test_note_count_matches_the_apparatus(sample_build, sample: Book):
    refs = noterefs(sample)
    assert len(refs) == len(EDITION.glosses) + len(EDITION.footnotes)
    textual = sample.documents["EPUB/textual-notes.xhtml"].xpath(
        "//h:ol[@class='apparatus']/h:li", namespaces=NS
    )
    assert len(textual) == len(EDITION.emendations)
    assert sample_build.note_count == len(EDITION.glosses) + len(EDITION.footnotes) + len(EDITION.emendations)
    assert sample_build.file_count == len(sample.names)


# -- apparatus and links -------------------------------------------------------------------------------


def test_emended_reading_links_to_its_textual_note_and_back(sample: Book):
    reading = sample.element("EPUB/sec-second-part.xhtml", "em-serfs")
    assert text_of(reading) == "serfs"
    assert reading.get("href") == "textual-notes.xhtml#em-serfs.note"
    note = sample.element("EPUB/textual-notes.xhtml", "em-serfs.note")
    assert text_of(note) == "§ 5 serfs ] surfs SRC"
    assert note.xpath(".//h:a", namespaces=NS)[0].get("href") == "sec-second-part.xhtml#em-serfs"


def test_conjecture_and_note_in_textual_notes(sample: Book):
    note = sample.element("EPUB/textual-notes.xhtml", "em-their.note")
    assert text_of(note) == (
        "§ 7 their ] there SRC; conj. The editor's conjecture; the source's reading makes no sense here."
    )


def test_cross_reference_is_a_link_with_a_bracketed_paragraph_pointer(sample: Book):
    paragraph = sample.element("EPUB/sec-second-part.xhtml", "p-5")
    links = {text_of(a): a.get("href") for a in paragraph.iterfind(".//h:a", NS)}
    assert links["as below"] == "#anchor-lines"
    assert links["§ 7"] == "#anchor-lines"
    assert "as below [§ 7]." in text_of(paragraph)


def test_page_reference_in_a_note_has_no_brackets(sample: Book):
    aside = sample.element("EPUB/sec-second-part.xhtml", "gloss-order")
    assert "the quotation § 2 and" in text_of(aside)
    links = {text_of(a): a.get("href") for a in aside.iterfind(".//h:a", NS)}
    assert links["§ 2"] == "sec-1.xhtml#p-2"
    assert links["first note"] == "sec-1.xhtml#lemma-gloss-market", "a reference to a gloss shows its passage"


def test_links_never_nest_and_every_piece_of_a_split_link_keeps_its_target(sample: Book):
    paragraph = sample.element("EPUB/sec-second-part.xhtml", "p-6")
    pieces = [a for a in paragraph.iterfind("h:a", NS) if a.get("class") == "xref"]
    assert [text_of(a) for a in pieces] == ["Police keep order", "a target no element carries"]
    assert pieces[0].get("href") == "sec-1.xhtml#p-2"
    assert pieces[0].getnext().get(EPUB_TYPE) == "noteref", "the gloss marker follows the link, outside it"
    assert pieces[1].get("href") == "sec-1.xhtml#p-3", (
        "a target no element carries falls back to its paragraph"
    )


def test_citations_link_to_the_bibliography(sample: Book):
    cited = sample.element("EPUB/sec-1.xhtml", "cite-1")
    assert text_of(cited) == "(11)"
    assert cited.get("href") == "bibliography.xhtml#bib-author-1999"
    assert cited.get(EPUB_TYPE) == "biblioref"


def test_bibliography_lists_works_cited_then_further_reading(sample: Book):
    root = sample.documents["EPUB/bibliography.xhtml"]
    headings = [text_of(h) for h in root.iterfind(".//h:h3", NS)]
    assert headings == ["Works Cited", "Further Reading"]
    assert [li.get("id") for li in root.iterfind(".//h:li", NS)] == ["bib-author-1999", "bib-writer-2001"]


def test_index_links_each_paragraph_once_with_its_number(sample: Book):
    entry = sample.element("EPUB/index.xhtml", "idx-market")
    links = [(text_of(a), a.get("href")) for a in entry.iterfind("h:a", NS)]
    assert links == [
        ("§ 1", "sec-1.xhtml#idx-market-1"),
        ("§ 6", "sec-second-part.xhtml#idx-market-2"),
        ("town", "#idx-town"),
    ]
    assert "See also" in text_of(entry)
    order = [li.get("id") for li in sample.documents["EPUB/index.xhtml"].iterfind(".//h:li", NS)]
    assert order == ["idx-author", "idx-market", "idx-town"]


def test_note_on_the_text_ends_with_sigla_and_normalisations(sample: Book):
    section = sample.element("EPUB/front-note-on-the-text.xhtml", "note-on-the-text")
    text = text_of(section)
    assert text.index("The copy-text is the source named below.") < text.index("Witnesses")
    sigla = [text_of(dt) for dt in section.iterfind(".//h:dt", NS)]
    assert sigla == ["SRC", "ALT"]
    assert "The placeholder source text (copy-text)" in text
    assert [text_of(li) for li in section.iterfind(".//h:ul/h:li", NS)] == list(EDITION.normalisations)


def test_paragraph_numbers_are_shown_and_addressable(sample: Book):
    paragraph = sample.element("EPUB/sec-1.xhtml", "p-1")
    assert paragraph.xpath("string(h:span[@class='pnum'])", namespaces=NS) == "1"


def test_text_is_escaped_not_interpreted(sample: Book):
    aside = sample.element("EPUB/sec-second-part.xhtml", "gloss-order")
    assert "It has a second paragraph <with> characters that need escaping & care." in text_of(aside)
    link = sample.documents["EPUB/sec-second-part.xhtml"].xpath("//h:a[@class='web']", namespaces=NS)[0]
    assert link.get("href") == "https://example.org/a?b=1&c=2"


def test_accessibility_metadata_is_present_and_true(sample: Book):
    assert set(sample.meta("schema:accessMode")) == {"textual", "visual"}
    assert sample.meta("schema:accessModeSufficient") == ["textual"]
    assert sample.meta("schema:accessibilityHazard") == ["none"]
    features = set(sample.meta("schema:accessibilityFeature"))
    assert {"tableOfContents", "structuralNavigation", "alternativeText", "index"} <= features
    cover = sample.documents["EPUB/cover.xhtml"].find(".//h:img", NS)
    assert cover.get("alt").startswith("Cover: A Sample Study Edition")
    summary = sample.meta("schema:accessibilitySummary")[0]
    assert "page" not in summary.replace("pop-up", "")


def test_cover_image_is_declared_and_names_the_book(sample: Book):
    svg_item = sample.opf.find("opf:manifest/opf:item[@media-type='image/svg+xml']", NS)
    svg = etree.fromstring(sample.files[sample.resolve(sample.opf_path, svg_item.get("href"))])
    words = " ".join(t.text for t in svg.iterfind(".//{http://www.w3.org/2000/svg}text"))
    assert "Sample Study" in words and "Example Author" in words and "Edited by Example Editor" in words


def test_note_links_have_names_and_author_notes_are_bracketed_in_the_text(sample: Book):
    """A screen reader hears "Gloss 3" or "Author’s note 1", not a bare number; a sighted reader without
    the stylesheet still tells the two apart, because the author's note numbers carry their brackets."""
    refs = [a for _, a in noterefs(sample)]
    glosses = {str(g.number) for g in EDITION.glosses}
    footnotes = {f.label for f in EDITION.footnotes}
    for a in refs:
        if "gloss-ref" in a.get("class"):
            assert text_of(a) in glosses
            assert a.get("aria-label") == f"Gloss {text_of(a)}"
        else:
            assert text_of(a)[0] + text_of(a)[-1] == "[]" and text_of(a)[1:-1] in footnotes
            assert a.get("aria-label") == f"Author’s note {text_of(a)[1:-1]}"
    assert len(refs) == len(glosses) + len(footnotes)
    backlinks = [
        a
        for root in sample.documents.values()
        for a in root.xpath("//h:a[@epub:type='backlink']", namespaces=NS)
    ]
    assert backlinks and all(a.get("aria-label").endswith(", back to the text") for a in backlinks)
    assert all(text_of(a).split()[-1] in a.get("aria-label") for a in backlinks), "the name holds the number"


def test_the_cover_image_is_a_png_drawn_from_the_svg(sample: Book):
    """Kobo and Kindle need a raster cover-image; it is the SVG design in pixels, at the SVG's size."""
    items = sample.opf.xpath("//opf:item[@properties='cover-image']", namespaces=NS)
    assert [(i.get("href"), i.get("media-type")) for i in items] == [("images/cover.png", "image/png")]
    assert sample.opf.xpath("//opf:meta[@name='cover']/@content", namespaces=NS) == [items[0].get("id")]
    image = Image.open(io.BytesIO(sample.files["EPUB/images/cover.png"]))
    svg = etree.fromstring(sample.files["EPUB/images/cover.svg"])
    assert image.format == "PNG" and image.size == (int(svg.get("width")), int(svg.get("height")))
    rgb = image.convert("RGB")
    background = svg.find("{http://www.w3.org/2000/svg}rect").get("fill")
    assert hex_colour(rgb.getpixel((10, 10))) == background
    frame = svg.findall("{http://www.w3.org/2000/svg}rect")[1]
    x = int(frame.get("x"))
    assert hex_colour(rgb.getpixel((x, image.size[1] // 2))) == frame.get("stroke")
    title_band = rgb.crop((0, 300, image.size[0], 700)).getcolors(1 << 24)
    assert len(title_band) > 20, "the title's letters are drawn (antialiased text gives many colours)"


def test_conformance_is_claimed_with_its_certifier(sample: Book):
    """EPUB Accessibility 1.1 §5.2: the claim names the standard and level, and who stands behind it."""
    assert sample.meta("dcterms:conformsTo") == ["EPUB Accessibility 1.1 - WCAG 2.2 Level AA"]
    assert sample.meta("a11y:certifiedBy") == [EDITION.metadata.publisher]
    assert "DAISY Ace" in sample.meta("schema:accessibilitySummary")[0]


def test_no_conformance_claim_without_anyone_to_certify_it(tmp_path):
    meta = dataclasses.replace(EDITION.metadata, publisher=None, editors=())
    book = open_book(build_epub(dataclasses.replace(EDITION, metadata=meta), tmp_path).path)
    assert book.meta("dcterms:conformsTo") == [] and book.meta("a11y:certifiedBy") == []
    assert "WCAG" not in book.meta("schema:accessibilitySummary")[0]


def test_the_cover_page_shows_the_svg_where_it_can_and_the_png_elsewhere(sample: Book):
    picture = sample.documents["EPUB/cover.xhtml"].find(".//h:picture", NS)
    assert [s.get("srcset") for s in picture.iterfind("h:source", NS)] == ["images/cover.svg"]
    assert picture.find("h:img", NS).get("src") == "images/cover.png"
