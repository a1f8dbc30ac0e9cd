"""Print HTML of subsections: their level's class, a plain-text bookmark label, listed to contents_depth."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from lxml import html as lxml_html

from edition.resolve import load_edition
from edition.writers.pdf.templates import environment
from edition.writers.pdf.view import book_view

MANIFESTO = Path(__file__).parents[2] / "fixtures" / "manifesto"


def _html(depth: int) -> lxml_html.HtmlElement:
    edition = load_edition(MANIFESTO)
    edition = dataclasses.replace(edition, style=dataclasses.replace(edition.style, contents_depth=depth))
    return lxml_html.fromstring(
        environment().get_template("book.html.j2").render(view=book_view(edition, (), "2026-12-03"))
    )


@pytest.mark.parametrize(
    ("depth", "listed"), [(1, set()), (2, {"h2"}), (3, {"h2", "h3"}), (4, {"h2", "h3", "h4"})]
)
def test_headings_deeper_than_the_depth_are_left_out_of_contents_and_bookmarks(
    depth: int, listed: set[str]
) -> None:
    tree = _html(depth)
    text = tree.xpath("//main[@id='ed-text']")[0]
    for tag in ("h2", "h3", "h4"):
        headings = text.xpath(f".//{tag}")
        assert headings
        unlisted = {"unlisted" in (h.get("class") or "") for h in headings}
        assert unlisted == {tag not in listed}, tag
    toc_levels = {li.get("class") for li in tree.xpath("//ul[@class='toc']/li")}
    assert {f"toc-{n}" for n in range(2, 5) if n <= depth} == toc_levels - {"toc-1"}


def test_a_heading_with_a_note_mark_and_emphasis_has_a_plain_bookmark_and_running_head() -> None:
    (heading,) = _html(3).xpath("//h2[@id=(//section[@id='sec-3']/h2/@id)]")
    assert heading.get("data-bookmark") == "I. Bourgeois and Proletarians"
    assert heading.get("data-running-head") == "I. Bourgeois and Proletarians"
    assert heading.xpath(".//em") and heading.xpath(".//a[@class='fn-ref']")  # the heading itself keeps both
