"""A translator named in contributors: is printed on the title page and in the imprint, in both outputs."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

from lxml import etree
from lxml import html as lxml_html

from edition.resolve import load_edition
from edition.writers.epub import build_epub
from edition.writers.pdf.templates import environment
from edition.writers.pdf.view import book_view

MANIFESTO = Path(__file__).parent / "fixtures" / "manifesto"


def test_print_names_the_translator_on_the_title_page_and_in_the_imprint() -> None:
    edition = load_edition(MANIFESTO)
    html = environment().get_template("book.html.j2").render(view=book_view(edition, (), "2026-12-03"))
    tree = lxml_html.fromstring(html)
    assert [p.text_content() for p in tree.xpath("//p[@class='book-translators']")] == [
        "Translated by Samuel Moore"
    ]
    imprint = [p.text_content() for p in tree.xpath("//section[@class='imprint']//p")]
    assert "Translated by Samuel Moore" in imprint


def test_the_epub_names_the_translator_in_its_own_language(tmp_path: Path) -> None:
    config = tmp_path / "manifesto"

    shutil.copytree(MANIFESTO, config)
    yaml = config / "edition.yaml"
    yaml.write_text(yaml.read_text(encoding="utf-8").replace("language: en-GB", "language: de"), "utf-8")
    epub = build_epub(load_edition(config), tmp_path / "build").path
    with zipfile.ZipFile(epub) as book:
        title = etree.fromstring(book.read("EPUB/titlepage.xhtml"))
    ns = {"h": "http://www.w3.org/1999/xhtml"}
    assert title.xpath("string(//h:p[@class='translators'])", namespaces=ns) == "Übersetzt von Samuel Moore"
