"""The web edition as files: every page, every link and id, the search index, print pages, atomic writes."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import lxml.html
import pytest

from edition.cli import main
from edition.model import Edition, iter_paragraphs
from edition.writers.epub import build_epub
from edition.writers.web import WebBuildResult, WebError, build_web
from edition.writers.web import render as web_render
from edition.writers.web.pagemap import load_page_labels, page_label
from tests.conftest import MINI

from .site_probe import open_site


def test_one_page_per_division_plus_home_and_search(mini_site: WebBuildResult, mini_edition: Edition):
    names = sorted(p.name for p in mini_site.path.glob("*.html"))
    sections = [f"sec-{n}.html" for n in range(1, len(mini_edition.sections) + 1)]
    essays = [f"front-{n}.html" for n in range(1, len(mini_edition.front_matter) + 1)]
    expected = ["index.html", "imprint.html", *essays, *sections, "endnotes.html", "textual-notes.html"]
    expected += ["bibliography.html", "book-index.html", "search.html"]
    assert names == sorted(expected)
    assert mini_site.page_count == len(expected)
    for asset in ("web.css", "search.js", "search-index.js"):
        assert (mini_site.path / asset).is_file()
    assert not (mini_site.path / "preview.js").exists()


@pytest.mark.parametrize("which", ["mini_site", "default_site"])
def test_every_internal_link_reaches_an_existing_page_and_id(which: str, request: pytest.FixtureRequest):
    site = open_site(request.getfixturevalue(which).path)
    links = site.internal_links()
    assert len(links) > 20
    for page, file, fragment in links:
        assert (site.root / file).is_file(), f"{page}: link to missing {file}"
        if fragment and file.endswith(".html"):
            assert fragment in site.ids(file), f"{page}: link to missing {file}#{fragment}"


@pytest.mark.parametrize("which", ["mini_site", "default_site"])
def test_ids_are_unique_on_every_page(which: str, request: pytest.FixtureRequest):
    site = open_site(request.getfixturevalue(which).path)
    for name in site.pages:
        ids = site.ids(name)
        assert len(ids) == len(set(ids)), name


def test_paragraph_and_note_ids_are_those_of_the_epub(
    mini_site: WebBuildResult, mini_edition: Edition, tmp_path: Path
):
    """A § link means the same in both: every id of the EPUB's text files is on the same web page."""
    epub = build_epub(mini_edition, tmp_path)
    site = open_site(mini_site.path)
    with zipfile.ZipFile(epub.path) as archive:
        for section in range(1, len(mini_edition.sections) + 1):
            tree = lxml.html.fromstring(archive.read(f"EPUB/sec-{section}.xhtml"))
            epub_ids = {e.get("id") for e in tree.iter() if e.get("id")}
            assert epub_ids <= set(site.ids(f"sec-{section}.html"))
    paragraph_ids = [p.element_id for p in iter_paragraphs(mini_edition.sections)]
    every_id = {i for name in site.pages for i in site.ids(name)}
    assert paragraph_ids and set(paragraph_ids) <= every_id


def test_each_gloss_is_a_side_note_right_after_its_marker_inside_the_text(
    default_site: WebBuildResult, default_edition: Edition
):
    site = open_site(default_site.path)
    notes = {
        note.get("id"): (name, note)
        for name, tree in site.pages.items()
        for note in tree.find_class("sidenote")
    }
    assert set(notes) == {gloss.element_id for gloss in default_edition.glosses}
    for gloss in default_edition.glosses:
        name, note = notes[gloss.element_id]
        marker = note.getprevious()
        assert marker is not None and marker.get("class") == "gloss-ref"
        assert marker.get("href") == f"#{gloss.element_id}"
        assert note.find_class("note-number")[0].get("href") == f"#{marker.get('id')}"
        assert note.getparent().tag in ("p", "h1", "h2", "h3", "em", "strong", "span"), name
        assert not [e for e in note.iter() if e.tag in ("p", "div", "ul", "ol", "details")]


def test_reading_pages_load_no_script(default_site: WebBuildResult):
    site = open_site(default_site.path)
    for name, tree in site.pages.items():
        scripts = [s.get("src") for s in tree.iter("script")]
        assert scripts == (["search-index.js", "search.js"] if name == "search.html" else []), name


def test_emendations_link_to_their_textual_note_and_back(default_site: WebBuildResult):
    site = open_site(default_site.path)
    emended = [(name, a) for name, tree in site.pages.items() for a in tree.find_class("emended")]
    assert emended
    notes = site.ids("textual-notes.html")
    for _name, a in emended:
        file, _, fragment = a.get("href").partition("#")
        assert file == "textual-notes.html" and fragment in notes


def test_variant_readings_page_and_the_links_both_ways(tmp_path: Path):
    from edition.writers.html.walk import variant_reading_id
    from tests.conftest import DEFAULT_EDITION

    from .conftest import resolved

    edition = resolved(DEFAULT_EDITION.parent / "gettysburg")
    site = open_site(build_web(edition, tmp_path).path)
    entries = site.pages["variant-readings.html"].xpath("//ol[@class='apparatus']/li")
    assert [li.get("id") for li in entries] == [variant_reading_id(v.element_id) for v in edition.variants]
    for li, variant in zip(entries, edition.variants, strict=True):
        back = li.find_class("note-number")[0].get("href")
        page, _, fragment = back.partition("#")
        assert fragment == variant.element_id and fragment in site.ids(page)  # the lemma's start in the text
    links = [a for tree in site.pages.values() for a in tree.find_class("variants-link")]
    assert len(links) == len({v.lemma.paragraph for v in edition.variants})
    assert all(a.get("href").startswith("variant-readings.html#") for a in links)
    lemmas = [span for tree in site.pages.values() for span in tree.find_class("variant-lemma")]
    assert len(lemmas) == len(edition.variants)
    toc = [a.get("href") for a in site.pages["index.html"].xpath("//nav[@id='ed.toc']//a")]
    assert "variant-readings.html" in toc


def test_the_search_index_has_every_paragraph_and_every_note(
    default_site: WebBuildResult, default_edition: Edition
):
    rows = open_site(default_site.path).search_index()
    hrefs = {row[0] for row in rows}
    for paragraph in iter_paragraphs(default_edition.sections):
        assert any(h.endswith(f"#{paragraph.element_id}") for h in hrefs), paragraph.element_id
    for gloss in default_edition.glosses:
        assert any(h.endswith(f"#{gloss.element_id}") for h in hrefs), gloss.element_id
    assert all(row[3].strip() for row in rows)


def test_print_pages_from_a_page_map_are_shown_before_the_first_element_on_each_page(
    mini_edition: Edition, tmp_path: Path
):
    paragraphs = [p.element_id for p in iter_paragraphs(mini_edition.sections)]
    page_map = {paragraphs[0]: "1", paragraphs[1]: "3"}  # page 2 holds no element: marked with 3
    result = build_web(mini_edition, tmp_path, page_map=page_map)
    assert result.has_print_pages
    site = open_site(result.path)
    where = {}
    for name, tree in site.pages.items():
        for mark in tree.find_class("pb"):
            group = mark.getparent()  # the markers at one place stand in one group
            assert group.get("class") == "pb-group"
            where[mark.get("id")] = (name, group.getparent().get("id"), mark.text_content())
    assert where["page.1"][1] == paragraphs[0]
    assert where["page.3"][1] == paragraphs[1] and where["page.2"][1] == paragraphs[1]
    assert where["page.3"][2] == "p. 3"


def test_the_page_map_left_by_the_pdf_build_is_read_with_the_pdf_numbering(
    mini_edition: Edition, tmp_path: Path
):
    from edition.writers.pdf.pages import Numbering, PageMap, dump_page_map

    first = next(iter_paragraphs(mini_edition.sections)).element_id
    pdf_map = PageMap(Numbering(4), {first: 5, mini_edition.front_matter[0].element_id: 2})
    (tmp_path / f"{mini_edition.name}-pages.json").write_bytes(dump_page_map(pdf_map))
    labels = load_page_labels(tmp_path / f"{mini_edition.name}-pages.json")
    assert labels == {key: pdf_map.label(key) for key in pdf_map.page_of}
    assert [page_label(i, 4) for i in range(7)] == [Numbering(4).label(i) for i in range(7)]
    result = build_web(mini_edition, tmp_path)
    assert result.has_print_pages
    marks = [m.text_content() for t in open_site(result.path).pages.values() for m in t.find_class("pb")]
    assert "p. 2" in marks and "p. iii" in marks


def test_unreadable_page_map_means_no_print_pages(mini_edition: Edition, tmp_path: Path):
    (tmp_path / f"{mini_edition.name}-pages.json").write_text("{not json")
    assert not build_web(mini_edition, tmp_path).has_print_pages


def test_a_failed_build_leaves_the_previous_site_and_no_temporary_folder(
    mini_edition: Edition, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    first = build_web(mini_edition, tmp_path)
    before = {p.name: p.read_bytes() for p in first.path.iterdir()}

    def broken(*args: object, **kwargs: object):
        yield "index.html", b"half"
        raise WebError("the web writer cannot render an inline Nothing")

    monkeypatch.setattr("edition.writers.web.render_pages", broken)
    with pytest.raises(WebError):
        build_web(mini_edition, tmp_path)
    assert {p.name: p.read_bytes() for p in first.path.iterdir()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mini-web"]


def test_a_rebuild_replaces_the_folder_whole(mini_edition: Edition, tmp_path: Path):
    first = build_web(mini_edition, tmp_path)
    (first.path / "stale.html").write_text("from an older build")
    build_web(mini_edition, tmp_path)
    assert not (first.path / "stale.html").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mini-web"]


def test_a_node_the_templates_do_not_know_is_an_error():
    template = web_render.environment().get_template("web/_macros.html.j2")
    module = template.make_module(
        {"pages": None, "labels": None, "link": None, "ids": None, "s": None, "plan": None}
    )
    with pytest.raises(WebError, match="cannot render an inline object"):
        module.inline(object())
    with pytest.raises(WebError, match="cannot render a block"):
        module.block(object(), 2, 0)
    with pytest.raises(WebError, match="cannot render a note block"):
        module.note_blocks((object(),))


def test_cli_builds_the_web_edition(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    build_dir = tmp_path / "out"
    assert main(["build", str(MINI), "--format", "web", "--build-dir", str(build_dir)]) == 0
    assert (build_dir / "mini-web" / "index.html").is_file()
    assert sorted(p.name for p in build_dir.iterdir()) == ["mini-web"]
    assert "mini-web/ (12 pages)" in capsys.readouterr().err


def test_search_index_cannot_close_its_script(tmp_path: Path):
    from edition.writers.web.search import SearchEntry, index_script

    script = index_script([SearchEntry("a.html#x", "P", "", "</script><b>")]).decode()
    assert "</script>" not in script
    assert json.loads(script.split(" = ", 1)[1].rstrip(";\n"))[0][3] == "</script><b>"


@pytest.mark.parametrize("which", ["mini_site", "default_site"])
def test_every_page_parses_as_html_without_an_error(which: str, request: pytest.FixtureRequest):
    """The HTML parser's own error list (tinyhtml5, WeasyPrint's parser): a <div> in a <p>, an <a> in an
    <a>, a tag left open would each be one. Not a full validator, but it catches what breaks a page."""
    from tinyhtml5.parser import HTMLParser

    for page in sorted(request.getfixturevalue(which).path.glob("*.html")):
        parser = HTMLParser()
        parser.parse(page.read_bytes())
        assert parser.errors == [], page.name


def test_the_site_controls_follow_the_edition_language(tmp_path: Path):
    """A German edition's site says "Zum Text springen" and "Suchen", not the English controls."""
    import shutil

    from .conftest import resolved

    root = tmp_path / "mini"
    shutil.copytree(MINI, root)
    config = root / "edition.yaml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("language: en\n", "language: de-DE\n"), "utf-8")
    site = open_site(build_web(resolved(root), tmp_path / "out").path)
    home = site.pages["index.html"]
    assert home.get("lang") == "de-DE"
    assert home.xpath("//a[@class='skip']/text()") == ["Zum Text springen"]
    assert home.xpath("//input[@type='search']/@placeholder") == ["Suchen"]


def test_edition_yaml_labels_replace_the_site_s_words(tmp_path: Path):
    """``labels:`` takes the site's words by name, as it takes the book's: checked, then on every page."""
    import shutil

    from edition.resolve import check_edition

    root = tmp_path / "mini"
    shutil.copytree(MINI, root)
    config = root / "edition.yaml"
    config.write_text(
        config.read_text(encoding="utf-8")
        + "labels:\n  skip_link: Straight to the text\n  search: Find\n  textual_notes: Emendations\n",
        encoding="utf-8",
    )
    result = check_edition(root)
    assert result.edition is not None and result.diagnostics == ()
    site = open_site(build_web(result.edition, tmp_path / "build").path)
    for tree in site.pages.values():
        assert tree.find_class("skip")[0].text_content() == "Straight to the text"
        assert tree.xpath("//form[@role='search']/button")[0].text_content() == "Find"
    assert any(t.find_class("skip") and "Emendations" in t.text_content() for t in site.pages.values())
    # A misspelt site word is an unknown key, located, with the nearest name as its hint.
    config.write_text(config.read_text(encoding="utf-8").replace("skip_link:", "skip_lnk:"), encoding="utf-8")
    line = config.read_text(encoding="utf-8").splitlines().index("  skip_lnk: Straight to the text") + 1
    problems = check_edition(root).diagnostics
    assert [(p.code, p.path.endswith("edition.yaml"), p.line, p.column) for p in problems] == [
        ("unknown-key", True, line, 3)
    ]
    assert "skip_link" in (problems[0].hint or "")
