"""Glosses and named anchors over several paragraphs (docs/format.md, "Passages of several paragraphs"):
where they may run on, how they are cited, and what every other kind is told."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree
from lxml import html as lxml_html

from edition.anchoring import RunOn, Selector, Span, TextIndex
from edition.diagnostics import Diagnostic
from edition.model import Anchor, Edition, GlossRef, Inline, Origin, Paragraph, iter_paragraphs
from edition.resolve import check_edition
from edition.writers.epub import build_epub
from edition.writers.pdf.templates import environment
from edition.writers.pdf.view import book_view
from edition.writers.web import build_web
from tests.conftest import add_glosses

XHTML = {"h": "http://www.w3.org/1999/xhtml"}
ORIGIN = Origin("apparatus/glosses.yaml", 3, 5)

# The mini fixture: § 2 "Stalin rose to power …", § 3 the quotation "When the lines … (105)", § 4 "The state
# surfs …", then the heading "A second section" and § 5; § 6 is the author's note.
PASSAGE_GLOSS = """  - id: passage
    from: Stalin rose
    to: to keep order.
    note: A passage over two paragraphs.
"""


def _with(mini: Path, glosses: str = "", other: tuple[str, str] | None = None) -> list[Diagnostic]:
    add_glosses(mini, glosses)
    if other is not None:
        path = mini / "apparatus/other.yaml"
        text = path.read_text(encoding="utf-8")
        assert other[0] in text
        path.write_text(text.replace(*other), encoding="utf-8")
    return list(check_edition(mini).diagnostics)


@pytest.fixture
def passages(mini: Path) -> Edition:
    """A gloss over § 2–3 and the fixture's named anchor run on from § 3 into § 4."""
    problems = _with(mini, PASSAGE_GLOSS, ("to: to keep order.", "to: totalitarian."))
    assert not problems, problems
    edition = check_edition(mini).edition
    assert edition is not None
    return edition


def _paragraph(edition: Edition, number: int) -> Paragraph:
    (found,) = [p for p in iter_paragraphs(edition.sections) if p.number == number]
    return found


def _nodes(inlines: tuple[Inline, ...]) -> list[Inline]:
    out: list[Inline] = []
    for node in inlines:
        out.append(node)
        out.extend(_nodes(getattr(node, "children", ())))
    return out


def test_a_gloss_runs_on_into_the_next_paragraph_and_is_cited_from_to(passages: Edition) -> None:
    (gloss,) = [g for g in passages.glosses if g.element_id == "gloss-passage"]
    assert (gloss.lemma.paragraph, gloss.lemma.last_paragraph) == (2, 3)
    assert gloss.lemma.text == "Stalin rose … to keep order."
    # Its mark is where the passage ends (in § 3), its start anchor where it starts (in § 2) …
    starts = [n for n in _nodes(_paragraph(passages, 2).content) if isinstance(n, Anchor)]
    marks = [n for n in _nodes(_paragraph(passages, 3).content) if isinstance(n, GlossRef)]
    assert "lemma-passage" in [a.element_id for a in starts]
    assert [m.gloss.element_id for m in marks] == ["gloss-passage"]
    # … and it is numbered where its mark is: after "Stalin" (gloss 3, § 2), the last in reading order.
    assert [g.element_id for g in passages.glosses][-2:] == ["gloss-stalin", "gloss-passage"]
    assert gloss.number == 4


def test_a_named_anchor_over_paragraphs_is_pointed_at_as_a_range_of_paragraphs(
    passages: Edition, tmp_path: Path
) -> None:
    (anchor,) = passages.anchors
    assert (anchor.lemma.paragraph, anchor.lemma.last_paragraph) == (3, 4)
    (reference,) = passages.cross_references
    assert (reference.target.paragraph, reference.target.last_paragraph) == (3, 4)
    epub = build_epub(passages, tmp_path / "epub").path
    with zipfile.ZipFile(epub) as book:
        files = {n: etree.fromstring(book.read(n)) for n in book.namelist() if n.endswith(".xhtml")}
    pointers = [
        "".join(a.itertext())
        for tree in files.values()
        for a in tree.xpath("//h:a[@class='page-ref']", namespaces=XHTML)
    ]
    assert pointers.count("§§\u00a03–4") == 2, pointers  # the text's cross-reference and the introduction's
    # The gloss's lemma and its mark link to each other, across the two paragraphs.
    (section,) = [t for t in files.values() if t.xpath("//*[@id='lemma-passage']")]
    (mark,) = section.xpath("//h:p[@id='p-3']//h:a[@class='gloss-ref']", namespaces=XHTML)
    assert mark.text == "4" and section.xpath("//h:p[@id='p-2']//*[@id='lemma-passage']", namespaces=XHTML)
    site = build_web(passages, tmp_path / "web")
    pages = "".join(p.read_text(encoding="utf-8") for p in site.path.glob("*.html"))
    assert "§§\u00a03–4" in pages and "Stalin rose … to keep order." in pages


def test_print_sets_the_margin_note_beside_the_passages_last_paragraph(passages: Edition) -> None:
    html = environment().get_template("book.html.j2").render(view=book_view(passages, (), "2026-01-01"))
    page = lxml_html.fromstring(html)
    (note,) = page.xpath("//*[@id='gloss-passage']")
    assert note.get("class") == "margin-note" and note.xpath("ancestor::p[@id='p-3']")
    assert page.xpath("//p[@id='p-2']//*[@id='lemma-passage']")


def test_a_passage_stops_at_a_heading(mini: Path) -> None:
    problems = _with(
        mini, "  - id: across\n    from: The state surfs\n    to: policeman image\n    note: x.\n"
    )
    (problem,) = problems
    assert problem.code == "lemma-spans-paragraphs" and problem.severity == "error"
    assert "§ 4 into § 5" in problem.message and "not across a heading" in problem.message
    assert problem.path == "apparatus/glosses.yaml" and problem.line > 1


def test_a_lemma_over_a_paragraph_break_is_told_to_quote_from_and_to(mini: Path) -> None:
    (problem,) = _with(mini, '  - id: across\n    lemma: "order. (105) The state"\n    note: x.\n')
    assert problem.code == "lemma-spans-paragraphs" and "§ 3 into § 4" in problem.message
    assert "'from:'" in problem.hint and "'to:'" in problem.hint


def test_other_kinds_say_that_only_glosses_and_named_anchors_span_paragraphs(mini: Path) -> None:
    entry = "emendations:\n  - id: long\n    from: The bureaucracy grew\n    to: appoint a\n    reading: x\n"
    (problem,) = _with(mini, other=("emendations:\n", entry))
    assert problem.code == "lemma-spans-paragraphs" and "§ 2 into § 3" in problem.message
    assert "only glosses and named anchors" in problem.message


def test_a_passage_never_leaves_the_text_for_the_authors_notes() -> None:
    # § 1–2 are the text (one run), § 3 an author's note: passage_ends lets § 1 reach § 2 only.
    index = TextIndex([(1, "one begins here"), (2, "and two"), (3, "a note ends here")])
    problems: list[Diagnostic] = []
    into_note = Selector(None, "begins", "ends here", None, None, None, ORIGIN)
    assert index.resolve(into_note, "gloss", problems, (1, 1, 2)) is None
    assert [p.code for p in problems] == ["lemma-spans-paragraphs"]
    problems.clear()
    in_text = Selector(None, "begins", "two", None, None, None, ORIGIN)
    # From "begins" (offset 4 of § 1; the from-words end at 10) to "two" (offsets 4–7 of § 2).
    assert index.resolve(in_text, "gloss", problems, (1, 1, 2)) == Span(0, 4, 7, None, RunOn(1, 10, 4))
    assert problems == []


def test_a_passage_within_one_paragraph_is_preferred_as_before(mini: Path) -> None:
    # "policeman" is in § 2 and § 3, "to keep order." only in § 3: the one-paragraph reading wins, so an
    # entry that resolved before passages existed resolves the same way (no new ambiguity).
    problems = _with(mini, "  - id: cop\n    from: policeman\n    to: to keep order.\n    note: x.\n")
    assert not problems, problems
