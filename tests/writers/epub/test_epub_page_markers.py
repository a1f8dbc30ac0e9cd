"""Page markers placed at the word where each printed page begins (``page_markers``), on small files."""

from __future__ import annotations

from lxml import etree

from edition.book.print_pages import PrintPage, words
from edition.writers.epub.page_markup import EPUB_MARKUP
from edition.writers.html.page_markers import place_page_markers

from .epub_lint import NS

HEAD = (
    '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml" '
    'xmlns:epub="http://www.idpf.org/2007/ops"><head><title>t</title></head><body>'
)


def _doc(body: str) -> bytes:
    return (HEAD + body + "</body></html>\n").encode()


def _page(label: str, text: str) -> PrintPage:
    return PrintPage(label, tuple(words(text)))


def _markers(data: bytes) -> list[tuple[str, str, str]]:
    """(label, parent's name, the text right after) for each marker of a file."""
    root = etree.fromstring(data)
    return [
        (
            m.get("aria-label"),
            etree.QName(m.getparent()).localname,
            "".join(m.xpath("following::text()"))[:24],
        )
        for m in root.xpath("//*[@epub:type='pagebreak']", namespaces=NS)
    ]


def test_a_page_that_begins_mid_paragraph_gets_its_marker_at_the_word() -> None:
    docs = [
        ("EPUB/a.xhtml", _doc('<p id="p-1"><span class="pnum">1</span> One two three four five six.</p>'))
    ]
    pages = [_page("1", "1 One two three"), _page("2", "four five six.")]
    placed = place_page_markers(docs, pages, EPUB_MARKUP)
    assert [(p.label, p.href, p.element_id) for p in placed.pages] == [
        ("1", "a.xhtml", "page.1"),
        ("2", "a.xhtml", "page.2"),
    ]
    # The paragraph's first page goes before its number; the second before "four".
    assert _markers(placed.documents["EPUB/a.xhtml"]) == [
        ("1", "p", "1 One two three four fiv"),
        ("2", "p", "four five six."),
    ]


def test_a_word_hyphenated_across_the_break_gets_the_marker_before_the_whole_word() -> None:
    docs = [("EPUB/a.xhtml", _doc("<p>the Russian calendar was not the Western one</p>"))]
    placed = place_page_markers(
        docs, [_page("1", "the Rus-"), _page("2", "sian calendar was not")], EPUB_MARKUP
    )
    assert _markers(placed.documents["EPUB/a.xhtml"])[1] == ("2", "p", "Russian calendar was not")


def test_a_page_that_begins_with_a_heading_gets_its_marker_before_the_heading() -> None:
    docs = [
        ("EPUB/a.xhtml", _doc("<section><p>Last words of the first part.</p></section>")),
        (
            "EPUB/b.xhtml",
            _doc('<section id="s"><h2>Second <em>part</em></h2><p>Its text begins.</p></section>'),
        ),
        ("EPUB/nav.xhtml", _doc('<nav epub:type="toc"><h2>Contents</h2><ol><li>Second part</li></ol></nav>')),
    ]
    pages = [_page("1", "Last words of the first part."), _page("2", "Second part Its text")]
    placed = place_page_markers(docs, pages, EPUB_MARKUP)
    section = etree.fromstring(placed.documents["EPUB/b.xhtml"]).find(".//{*}section")
    assert etree.QName(section[0]).localname == "span" and section[0].get("aria-label") == "2"
    assert not etree.fromstring(placed.documents["EPUB/b.xhtml"]).xpath("//h:h2//h:span", namespaces=NS)
    toc = place_page_markers(docs[2:], [_page("v", "Contents Second part")], EPUB_MARKUP)
    body = etree.fromstring(toc.documents["EPUB/nav.xhtml"]).find("{*}body")
    assert body[0].get("aria-label") == "v" and etree.QName(body[1]).localname == "nav"


def test_pages_that_begin_alike_find_their_own_text() -> None:
    """A half-title and a title page share the title; an imprint repeats it and goes on differently."""
    docs = [
        ("EPUB/title.xhtml", _doc("<section><h1>The Book</h1><p>A study edition</p></section>")),
        ("EPUB/imprint.xhtml", _doc("<section><p>The Book: A study edition, printed in 2026.</p></section>")),
    ]
    pages = [
        _page("i", "The Book"),
        _page("ii", ""),
        _page("iii", "The Book A study edition"),
        _page("iv", "The Book: A study edition printed in 2026"),
    ]
    placed = place_page_markers(docs, pages, EPUB_MARKUP)
    assert [(p.label, p.href) for p in placed.pages] == [
        ("i", "title.xhtml"),
        ("ii", "title.xhtml"),  # a blank page goes with the next page's marker
        ("iii", "title.xhtml"),
        ("iv", "imprint.xhtml"),
    ]


def test_pop_up_notes_and_page_numbers_are_not_read() -> None:
    """The gloss's text is out of the reading order, and "§ 7" against "p. 14" has no letters to compare."""
    docs = [
        (
            "EPUB/a.xhtml",
            _doc(
                "<p>First page text [§ 7] and<a>3</a> more.</p><aside>Words of a note</aside>"
                "<p>Words of the second page.</p>"
            ),
        )
    ]
    placed = place_page_markers(
        docs, [_page("1", "First page text and more."), _page("2", "Words of the second")], EPUB_MARKUP
    )
    assert [m[:2] for m in _markers(placed.documents["EPUB/a.xhtml"])] == [("1", "p"), ("2", "p")]
    root = etree.fromstring(placed.documents["EPUB/a.xhtml"])
    assert root.xpath("//h:p[2]/*[1]/@aria-label", namespaces=NS) == ["2"]


def test_a_page_the_epub_does_not_have_goes_with_the_next_page() -> None:
    docs = [("EPUB/a.xhtml", _doc("<p>Alpha beta gamma delta.</p><p>Epsilon zeta eta theta.</p>"))]
    pages = [
        _page("1", "Alpha beta gamma"),
        _page("2", "Printed only in the book"),
        _page("3", "Epsilon zeta"),
    ]
    placed = place_page_markers(docs, pages, EPUB_MARKUP)
    assert [m[:2] for m in _markers(placed.documents["EPUB/a.xhtml"])] == [("1", "p"), ("2", "p"), ("3", "p")]
    assert _markers(placed.documents["EPUB/a.xhtml"])[1][2].startswith("Epsilon")


def test_files_keep_their_text_and_empty_elements_stay_open_and_closed() -> None:
    body = '<p id="x">One two<span id="ix"></span> three four.</p>'
    placed = place_page_markers([("EPUB/a.xhtml", _doc(body))], [_page("7", "three four")], EPUB_MARKUP)
    out = placed.documents["EPUB/a.xhtml"].decode()
    assert out.startswith('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n<html')
    assert '<span id="ix"></span>' in out
    text = "".join(etree.fromstring(out.encode()).itertext())
    assert "One two three four." in text


def test_a_last_page_the_epub_does_not_have_goes_at_the_end_of_the_file_of_the_page_before() -> None:
    docs = [
        ("EPUB/a.xhtml", _doc("<p>Alpha beta gamma delta.</p><p>Epsilon zeta eta theta.</p>")),
        ("EPUB/b.xhtml", _doc("<p>Only in the EPUB.</p>")),
    ]
    pages = [_page("1", "Alpha beta gamma"), _page("2", "Epsilon zeta"), _page("3", "")]
    placed = place_page_markers(docs, pages, EPUB_MARKUP)
    assert [(p.label, p.href) for p in placed.pages] == [("1", "a.xhtml"), ("2", "a.xhtml"), ("3", "a.xhtml")]
    body = etree.fromstring(placed.documents["EPUB/a.xhtml"]).find("{*}body")
    assert body[-1].get("aria-label") == "3"
