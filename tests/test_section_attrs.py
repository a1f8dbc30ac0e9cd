"""A section heading's attributes: a short title for running heads, its own author, dateline and signature."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

from lxml import etree
from lxml import html as lxml_html

from edition.resolve import check_edition
from edition.writers.epub import build_epub
from edition.writers.pdf.templates import environment
from edition.writers.pdf.view import book_view
from tests.conftest import add_glosses, replace_in

SIGNED = (
    '{short_title="First" author="Ada Author" signature="A. A." dateline="London, 30th January, 1888" '
    "date=1888-01-30}\n## A first section"
)


def _article(mini: Path, old: str, new: str) -> None:
    replace_in(mini / "text/article.md", old, new)


def test_the_attributes_reach_the_section(mini: Path) -> None:
    _article(mini, "## A first section", SIGNED)
    result = check_edition(mini)
    assert result.edition is not None and not result.diagnostics
    first = result.edition.sections[1]
    assert (first.title, first.short_title, first.running_head) == ("A first section", "First", "First")
    assert first.signed is not None
    assert (first.signed.author, first.signed.signature, first.signed.dateline, first.signed.date) == (
        "Ada Author",
        "A. A.",
        "London, 30th January, 1888",
        "1888-01-30",
    )
    assert str(first.signed.origin) == "text/article.md:3:1"  # the attributes' own line
    assert result.edition.sections[2].signed is None and result.edition.sections[2].short_title is None


def test_an_unknown_key_and_an_impossible_date_are_located_errors(mini: Path) -> None:
    _article(mini, "## A first section", '{signatur="A. A." date=1888-02-30}\n## A first section')
    found = {
        (d.code, f"{d.path}:{d.line}:{d.column}")
        for d in check_edition(mini).diagnostics
        if d.severity == "error"
    }
    assert found == {("unknown-key", "text/article.md:3:1"), ("bad-date", "text/article.md:3:1")}


def test_attributes_where_they_are_not_read_say_not_supported(mini: Path) -> None:
    _article(mini, "## A second section", '{short_title="Two"}\n### A second section')
    _article(mini, "Stalin rose to power.", '{short_title="x"}\nStalin rose to power.')
    problems = [d for d in check_edition(mini).diagnostics if d.code == "unsupported-attributes"]
    assert [(d.severity, f"{d.path}:{d.line}:{d.column}") for d in problems] == [
        ("warning", "text/article.md:5:1"),
        ("warning", "text/article.md:12:1"),
    ]
    assert all("not supported" in d.message for d in problems)


def test_print_signs_the_section_at_its_end_not_as_a_numbered_paragraph(mini: Path) -> None:
    _article(mini, "## A first section", SIGNED)
    edition = check_edition(mini).edition
    assert edition is not None
    html = environment().get_template("book.html.j2").render(view=book_view(edition, (), "2026-11-26"))
    tree = lxml_html.fromstring(html)
    (section,) = tree.xpath("//section[@id='sec-2']")
    (footer,) = section.xpath("footer[@class='signed']")
    assert section.index(footer) == len(section) - 1  # after the last block
    assert [p.get("class") for p in footer] == ["signature", "dateline"]
    assert [p.text_content() for p in footer] == ["A. A.", "London, 30th January, 1888"]
    assert not footer.xpath(".//*[@class='pnum']")
    (heading,) = section.xpath("h2")
    assert heading.get("data-running-head") == "First"
    assert heading.get("data-bookmark") == "A first section"


def test_the_epub_signs_it_with_a_machine_readable_date(mini: Path, tmp_path: Path) -> None:
    _article(mini, "## A first section", SIGNED)
    edition = check_edition(mini).edition
    assert edition is not None
    epub = build_epub(edition, tmp_path / "build").path
    with zipfile.ZipFile(epub) as book:
        name = next(n for n in book.namelist() if b'id="sec-2"' in book.read(n))
        tree = etree.fromstring(book.read(name))
    ns = {"h": "http://www.w3.org/1999/xhtml"}
    (time,) = tree.xpath("//h:footer[@class='signed']/h:p[@class='dateline']/h:time", namespaces=ns)
    assert (time.get("datetime"), time.text) == ("1888-01-30", "London, 30th January, 1888")


def test_a_lemma_found_only_in_a_heading_anchors_there(mini: Path) -> None:
    add_glosses(mini, "  - id: on-heading\n    lemma: A first section\n    note: x.\n")
    result = check_edition(mini)
    assert result.edition is not None and not result.diagnostics, result.diagnostics
    edition = result.edition
    (gloss,) = [g for g in edition.glosses if g.element_id == "gloss-on-heading"]
    heading = edition.sections[1].heading
    assert heading is not None and gloss in [getattr(n, "gloss", None) for n in heading.content]
    first = next(b for b in edition.sections[1].blocks if getattr(b, "number", None) is not None)
    # Keyed by the § the heading stands before, numbered before that paragraph's own glosses.
    assert (gloss.lemma.heading, gloss.lemma.paragraph, gloss.lemma.text) == (
        1,
        first.number,
        "A first section",
    )
    stalin = next(g for g in edition.glosses if g.element_id == "gloss-stalin")
    assert stalin.lemma.paragraph == first.number and gloss.number == stalin.number - 1
    assert edition.sections[1].title == "A first section"  # the title stays plain text


def test_in_heading_anchors_in_the_heading_words_a_paragraph_has_too(mini: Path) -> None:
    _article(mini, "## A second section", "## Stalin again")
    add_glosses(
        mini,
        "  - id: again\n    lemma: Stalin again\n    note: x.\n"
        "  - id: heading-again\n    lemma: Stalin again\n    in: heading\n    note: y.\n",
    )
    result = check_edition(mini)
    assert result.edition is not None and not result.diagnostics, result.diagnostics
    found = {g.element_id: (g.lemma.heading, g.lemma.paragraph) for g in result.edition.glosses}
    assert found["gloss-again"] == (None, 5)  # in the paragraph, as before headings took entries
    assert found["gloss-heading-again"] == (2, 5)  # the second heading, before § 5


def test_an_unknown_place_for_a_lemma_is_a_located_error(mini: Path) -> None:
    add_glosses(mini, "  - id: on-heading\n    lemma: A first section\n    in: title\n    note: x.\n")
    (problem,) = [d for d in check_edition(mini).diagnostics if d.severity == "error"]
    assert problem.code == "bad-value" and "in: heading" in (problem.hint or "")
    assert problem.line == len((mini / "apparatus/glosses.yaml").read_text(encoding="utf-8").splitlines()) - 1


def test_a_lemma_in_no_heading_is_still_not_found(mini: Path) -> None:
    add_glosses(mini, "  - id: nowhere\n    lemma: A third section\n    note: x.\n")
    (problem,) = [d for d in check_edition(mini).diagnostics if d.severity == "error"]
    assert problem.code == "lemma-not-found"


def test_a_gloss_on_a_subsection_heading_of_the_second_edition_anchors_in_it(tmp_path: Path) -> None:
    root = tmp_path / "manifesto"
    shutil.copytree(Path(__file__).parent / "fixtures" / "manifesto", root)
    add_glosses(root, "  - id: feudal-socialism\n    lemma: Feudal Socialism\n    note: x.\n")
    result = check_edition(root)
    assert result.edition is not None and not result.diagnostics, result.diagnostics
    (section,) = [s for s in result.edition.sections if s.title == "III. Socialist and Communist Literature"]
    (sub,) = [b for b in section.blocks if getattr(b, "level", None) == 4 and "Feudal" in str(b.content)]
    assert any(getattr(n, "gloss", None) is not None for n in sub.content)  # type: ignore[attr-defined]
    owing = next(b for b in section.blocks if getattr(b, "number", None) is not None)
    (gloss,) = [g for g in result.edition.glosses if g.element_id == "gloss-feudal-socialism"]
    assert gloss.lemma.paragraph == owing.number and gloss.lemma.in_heading


def _retarget(mini: Path, target: str) -> None:
    path = mini / "apparatus/other.yaml"
    text = path.read_text(encoding="utf-8")
    assert "    target: policeman\n" in text
    path.write_text(text.replace("    target: policeman\n", f"    target: {target}\n"), encoding="utf-8")


def test_a_section_named_with_an_id_is_a_cross_reference_target(mini: Path) -> None:
    _article(mini, "## A first section", "{id=first}\n## A first section")
    _retarget(mini, "first")
    result = check_edition(mini)
    assert result.edition is not None and not result.diagnostics, result.diagnostics
    edition = result.edition
    (reference,) = edition.cross_references
    section = edition.sections[1]
    first_paragraph = next(b for b in section.blocks if getattr(b, "number", None) is not None)
    assert (reference.target.kind, reference.target.element_id) == ("section", section.element_id)
    assert (reference.target.paragraph, reference.target.label) == (first_paragraph.number, "A first section")


def test_a_section_target_links_in_print_and_epub(mini: Path, tmp_path: Path) -> None:
    _article(mini, "## A first section", "{id=first}\n## A first section")
    _retarget(mini, "first")
    edition = check_edition(mini).edition
    assert edition is not None
    html = environment().get_template("book.html.j2").render(view=book_view(edition, (), "2026-01-01"))
    page = lxml_html.fromstring(html)
    section_id = edition.sections[1].element_id
    assert page.xpath(f"//*[@id='{section_id}']")  # the target element exists in print
    assert page.xpath(f"//a[@class='xref'][@href='#{section_id}']")
    assert page.xpath(f"//a[@class='pageref'][@href='#{section_id}']")
    epub = build_epub(edition, tmp_path).path
    with zipfile.ZipFile(epub) as book:
        files = {name: book.read(name) for name in book.namelist() if name.endswith(".xhtml")}
    links = [
        a.get("href")
        for data in files.values()
        for a in etree.fromstring(data).iter("{http://www.w3.org/1999/xhtml}a")
        if (a.get("href") or "").endswith(f"#{section_id}")
    ]
    assert links
    for href in links:  # every link lands on the element in the file it names
        name, _, fragment = href.partition("#")
        target = etree.fromstring(files[f"EPUB/{name}"])
        assert target.xpath(f"//*[@id='{fragment}']")


def test_a_malformed_or_unknown_section_id_is_a_located_error(mini: Path) -> None:
    _article(mini, "## A first section", "{id=1st}\n## A first section")
    _retarget(mini, "first")
    codes = {(d.code, d.path, d.line) for d in check_edition(mini).diagnostics if d.severity == "error"}
    assert ("bad-id", "text/article.md", 3) in codes
    assert any(code == "unknown-target" for code, _path, _line in codes)


def test_attributes_on_headings_outside_the_copy_texts_sections_are_reported_where_they_stand(
    mini: Path,
) -> None:
    """An essay's heading, a heading in a gloss's note and one in an author's note open no section of the
    text: their attributes would be dropped silently; each is a located warning saying where they belong."""
    (mini / "front/introduction.md").write_text(
        "Opening words [@trotsky-1937]. See [[policeman]].\n\n{id=context}\n## The context\n\nMore words.\n",
        encoding="utf-8",
    )
    add_glosses(
        mini,
        "  - id: with-heading\n    lemma: quotes a page\n    note: |\n      A note.\n\n"
        '      {short_title="x"}\n      ### Its heading\n\n      More.\n',
    )
    _article(
        mini,
        "[^1]: Duncan Hallas",
        '[^1]: A note.\n\n    {signature="A. A."}\n    ### In a note\n\n    Duncan Hallas',
    )
    result = check_edition(mini)
    problems = [d for d in result.diagnostics if d.code == "unsupported-attributes"]
    note_line = (mini / "apparatus/glosses.yaml").read_text(encoding="utf-8").splitlines().index(
        '      {short_title="x"}'
    ) + 1
    assert sorted((d.severity, f"{d.path}:{d.line}") for d in problems) == [
        ("warning", f"apparatus/glosses.yaml:{note_line}"),
        ("warning", "front/introduction.md:3"),
        ("warning", "text/article.md:17"),
    ]
    assert all("not supported" in d.message and "copy-text section" in (d.hint or "") for d in problems)
    assert {("author's note" in d.message) for d in problems} == {True, False}
    assert result.edition is not None  # warnings: the book still builds, without the attributes
    assert all(s.short_title is None and s.signed is None for s in result.edition.sections)
