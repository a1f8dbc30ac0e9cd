"""The site's print page markers placed at the word (``page_markup``, the shared placing), on small pages."""

from __future__ import annotations

import lxml.html

from edition.book.print_pages import PrintPage, words
from edition.writers.html.page_markers import place_page_markers
from edition.writers.web.page_markup import WebPageMarkup

MARKUP = WebPageMarkup("print page", "p.")


def _page_file(main: str) -> bytes:
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>t</title>\n</head>\n'
        '<body>\n<header class="site"><p>Edition Title Words</p></header>\n'
        f'<main id="main">\n<div class="column">\n{main}\n</div>\n</main>\n'
        '<footer class="site"><p>Next page words</p></footer>\n</body>\n</html>\n'
    ).encode()


def _page(label: str, text: str) -> PrintPage:
    return PrintPage(label, tuple(words(text)))


def _markers(data: bytes) -> list[tuple[str, str, str]]:
    """(label, the group's parent's tag, the text read right after the group) for each marker."""
    root = lxml.html.document_fromstring(data)
    out = []
    for marker in root.find_class("pb"):
        group = marker.getparent()
        assert group is not None and group.get("class") == "pb-group"
        parent = group.getparent()
        after = (group.tail or "") + "".join(
            t for sibling in group.itersiblings() for t in [sibling.text_content(), sibling.tail or ""]
        )
        out.append((marker.get("aria-label"), parent.tag if parent is not None else "", after[:20]))
    return out


def test_a_page_is_marked_at_its_word_and_side_notes_and_the_banner_are_not_read() -> None:
    main = (
        '<h1>Edition Title Words</h1>\n<p id="p-1"><a class="pnum" href="#p-1">1</a> One two three'
        '<span class="sidenote">four five six seven</span> four five six seven eight.</p>'
    )
    placed = place_page_markers(
        [("a.html", _page_file(main))], [_page("1", "Edition Title"), _page("2", "four five six")], MARKUP
    )
    assert [(p.label, p.href) for p in placed.pages] == [("1", "a.html"), ("2", "a.html")]
    out = placed.documents["a.html"]
    # The heading's page: inside the heading, at its start (not in the banner, which says the same);
    # the next page: at "four" in the text, not in the side note that begins alike.
    assert _markers(out) == [
        ("print page 1", "h1", "Edition Title Words"),
        ("print page 2", "p", "four five six seven "),
    ]
    folio = lxml.html.document_fromstring(out).find_class("folio")[1]
    assert folio.text == "p. 2" and folio.get("aria-hidden") == "true"
    assert out.startswith(b"<!DOCTYPE html>\n<html") and out.endswith(b"</html>\n")


def test_pages_that_begin_at_one_place_share_one_group() -> None:
    main = "<p>Alpha beta gamma delta.</p><p>Epsilon zeta eta theta.</p>"
    pages = [
        _page("i", "Alpha beta"),
        _page("ii", ""),
        _page("iii", "Printed only in the book"),
        _page("iv", "Epsilon zeta"),
    ]
    out = place_page_markers([("a.html", _page_file(main))], pages, MARKUP).documents["a.html"]
    root = lxml.html.document_fromstring(out)
    groups = [[m.get("id") for m in group.find_class("pb")] for group in root.find_class("pb-group")]
    # A blank page and one the site does not have go with the next page found, in one group.
    assert groups == [["page.i"], ["page.ii", "page.iii", "page.iv"]]
