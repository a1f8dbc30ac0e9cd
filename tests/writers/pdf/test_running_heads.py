"""Running heads that would wrap: found in a real layout, cut at a word, warned about at the heading."""

from __future__ import annotations

import dataclasses

from weasyprint import HTML

from edition.model import Edition, Heading, Origin, Section, Text
from edition.writers.pdf.running_heads import BOOK_HEAD, shortened_warnings, wrapped_heads
from tests.book.book_sample import edition

LONG = "Position of the Communists in Relation to the Various Existing Opposition Parties"
ORIGIN = Origin("text/chapter-4.md", 2, 1)

PAGES = """<html><head><style>
@page {{ size: 3in 3in; margin: 0.6in 0.6in;
  @top-center {{ content: string(head, first); font-size: 8.5pt; font-style: italic; }} }}
@page :left {{ @top-center {{ content: string(book, first); }} }}
body {{ string-set: book attr(data-running-head); }}
h2 {{ string-set: head attr(data-running-head); break-before: page; }}
</style></head><body data-running-head="A Book">
<h2 data-running-head="{head}">IV.</h2><p style="break-after: page">one</p>
<p style="break-after: page">two</p><p>three</p></body></html>"""


def _book(short_title: str | None = None) -> Edition:
    section = Section("sec-4", LONG, Heading("h-4", 2, (Text(LONG),), ORIGIN), (), ORIGIN, short_title)
    return dataclasses.replace(edition(), sections=(section,))


def test_a_head_that_wraps_is_cut_at_a_word_with_an_ellipsis() -> None:
    pages = HTML(string=PAGES.format(head=LONG)).render().pages
    (found,) = wrapped_heads(pages, _book(), {})
    assert found.key == "sec-4" and found.full == LONG
    assert found.printed.endswith("\u2026") and LONG.startswith(found.printed[:-1])
    assert len(found.printed) < len(LONG)
    again = HTML(string=PAGES.format(head=found.printed)).render().pages
    assert wrapped_heads(again, _book(), {"sec-4": found.printed}) == []  # it fits now


def test_the_warning_names_the_heading_and_suggests_a_short_title() -> None:
    pages = HTML(string=PAGES.format(head=LONG)).render().pages
    (found,) = wrapped_heads(pages, _book(), {})
    (warning,) = shortened_warnings(_book(), {found.key: found})
    assert (warning.path, warning.line, warning.code) == ("text/chapter-4.md", 2, "running-head-too-long")
    assert "short_title" in (warning.hint or "") and found.printed in warning.message


def test_a_head_that_fits_is_left_alone() -> None:
    pages = HTML(string=PAGES.format(head="Position")).render().pages
    assert wrapped_heads(pages, _book("Position"), {}) == []
    assert BOOK_HEAD == "book"
