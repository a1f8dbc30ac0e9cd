"""The TEI output: valid against the TEI's own schema (tei_all.rng), and true to the edition it encodes.

The strongest check is the Gettysburg edition's: reading each witness's text back out of the TEI (the
``<lem>`` or ``<rdg>`` that names it, in every ``<app>``) gives, word for word, the transcription of that
witness in ``source/gettysburg/witnesses/``, so the apparatus and its parallel segmentation are both right.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from edition.cli import main
from edition.collation.tokens import join_line_end_hyphens
from edition.model import Edition, iter_paragraphs
from edition.resolve import check_edition
from edition.writers.tei import tei_bytes

ROOT = Path(__file__).resolve().parents[3]
SCHEMA = ROOT / "tools" / "tei" / "tei_all.rng"  # make test fetches it (tools/tei/fetch-schema)
GETTYSBURG = ROOT / "source" / "gettysburg"
DEFAULT = ROOT / "source" / "revolution-betrayed"
T = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


@pytest.fixture(scope="module")
def tei_schema() -> etree.RelaxNG:
    assert SCHEMA.is_file(), "run `make test` (it fetches tools/tei/tei_all.rng) or tools/tei/fetch-schema"
    return etree.RelaxNG(etree.parse(str(SCHEMA)))  # about 30 s: once for the module


def edition_of(root: Path) -> Edition:
    result = check_edition(root)
    assert result.edition is not None, result.diagnostics
    return result.edition


@pytest.fixture(scope="module")
def gettysburg() -> tuple[Edition, etree._Element]:
    edition = edition_of(GETTYSBURG)
    return edition, etree.fromstring(tei_bytes(edition))


@pytest.fixture(scope="module")
def default_edition() -> tuple[Edition, etree._Element]:
    edition = edition_of(DEFAULT)
    return edition, etree.fromstring(tei_bytes(edition))


def witness_text(node: etree._Element, siglum: str) -> str:
    """The text ``siglum`` reads: at each <app>, its <lem> or <rdg> naming the witness; notes left out."""
    parts = [node.text or ""]
    for child in node:
        name = etree.QName(child).localname
        if name == "app":
            chosen = [alt for alt in child if f"#{siglum}" in (alt.get("wit") or "").split()]
            assert len(chosen) <= 1, f"{siglum} cited twice in {child.get(XML_ID)}"
            parts.append(witness_text(chosen[0], siglum) if chosen else "")
        elif name not in ("note", "index", "anchor"):
            parts.append(witness_text(child, siglum))
        parts.append(child.tail or "")
    return "".join(parts)


def words(text: str) -> list[str]:
    """Words as the edition collates them: punctuation (a hyphen too) ignored."""
    return re.findall(r"[A-Za-z]+", text)


@pytest.mark.slow
def test_both_editions_are_valid_tei(
    tei_schema: etree.RelaxNG,
    gettysburg: tuple[Edition, etree._Element],
    default_edition: tuple[Edition, etree._Element],
) -> None:
    for _, tei in (gettysburg, default_edition):
        valid = tei_schema.validate(etree.ElementTree(tei))
        assert valid, [str(error) for error in tei_schema.error_log][:5]


@pytest.mark.slow
def test_the_schema_check_can_fail(
    tei_schema: etree.RelaxNG, gettysburg: tuple[Edition, etree._Element]
) -> None:
    """Broken on purpose in two ways TEI forbids: a reading outside any <app>, an <app> without readings."""
    _, tei = gettysburg
    stray = etree.fromstring(etree.tostring(tei))
    paragraph = stray.find(f".//{T}p")
    assert paragraph is not None
    etree.SubElement(paragraph, f"{T}rdg").text = "stray"
    assert not tei_schema.validate(etree.ElementTree(stray))
    empty = etree.fromstring(etree.tostring(tei))
    app = empty.find(f".//{T}app")
    assert app is not None
    for child in list(app):
        app.remove(child)
    etree.SubElement(app, f"{T}foo")
    assert not tei_schema.validate(etree.ElementTree(empty))


@pytest.mark.parametrize(("siglum", "transcription"), [("N", "nicolay.txt"), ("H", "hay.txt")])
def test_each_witness_read_back_from_the_tei_is_its_transcription(
    gettysburg: tuple[Edition, etree._Element], siglum: str, transcription: str
) -> None:
    _, tei = gettysburg
    body = tei.find(f".//{T}body")
    assert body is not None
    source = (GETTYSBURG / "witnesses" / transcription).read_text(encoding="utf-8")
    copy_text = (GETTYSBURG / "text" / "address.md").read_text(encoding="utf-8")
    # N's transcription keeps line-end hyphens ("rest- ing"): joined as edition.yaml's collation says.
    (joined,) = join_line_end_hyphens([source], [copy_text])
    assert words(witness_text(body, siglum)) == words(joined)


def test_the_copy_text_read_back_from_the_tei_is_the_copy_text(
    gettysburg: tuple[Edition, etree._Element],
) -> None:
    _, tei = gettysburg
    body = tei.find(f".//{T}body")
    assert body is not None
    copy_text = (GETTYSBURG / "text" / "address.md").read_text(encoding="utf-8")
    assert words(witness_text(body, "Bl")) == words(re.sub(r"^#.*$", "", copy_text, flags=re.M))


def test_variants_are_apps_with_the_witnesses_declared_in_the_header(
    gettysburg: tuple[Edition, etree._Element],
) -> None:
    edition, tei = gettysburg
    declared = {w.get(XML_ID) for w in tei.iter(f"{T}witness")}
    assert declared == {"Bl", "N", "H"}
    assert tei.find(f".//{T}variantEncoding").get("method") == "parallel-segmentation"  # type: ignore[union-attr]
    apps = {app.get(XML_ID): app for app in tei.iter(f"{T}app")}
    assert len(apps) == len(edition.variants)
    for variant in edition.variants:
        app = apps[variant.element_id]
        lemma = app.find(f"{T}lem")
        assert lemma is not None
        assert witness_text(lemma, "Bl") == variant.lemma.text  # a nested <app> read as the copy-text
        assert lemma.get("wit", "").split() == [f"#{s}" for s in variant.lemma_witnesses]
        readings = [(r.get("wit", "").split(), r.text or "") for r in app.findall(f"{T}rdg")]
        assert readings == [([f"#{s}" for s in r.witnesses], r.text) for r in variant.readings]
        cited = {p for _, pointers in [(0, lemma.get("wit", ""))] for p in pointers.split()}
        cited |= {p for wit, _ in readings for p in wit}
        assert cited <= {f"#{s}" for s in declared}


def test_the_default_edition_keeps_its_ids_and_apparatus(
    default_edition: tuple[Edition, etree._Element],
) -> None:
    edition, tei = default_edition
    paragraphs = {p.get(XML_ID): p.get("n") for p in tei.iter(f"{T}p") if p.get("n")}
    expected = {p.element_id: str(p.number) for p in iter_paragraphs(edition.sections)}
    assert expected.items() <= paragraphs.items()
    glosses = [n for n in tei.iter(f"{T}note") if n.get("type") == "gloss"]
    assert sorted(n.get(XML_ID) for n in glosses) == sorted(g.element_id for g in edition.glosses)
    ids = {e.get(XML_ID) for e in tei.iter()} - {None}
    for gloss in glosses:  # each gloss points at its lemma's start
        assert gloss.get("target", "").removeprefix("#") in ids
    choices = {c.get(XML_ID): c for c in tei.iter(f"{T}choice")}
    assert len(choices) == len(edition.emendations)
    for emendation in edition.emendations:
        choice = choices[emendation.element_id]
        assert choice.findtext(f"{T}sic") == emendation.original
        assert "".join(choice.find(f"{T}corr").itertext()) == emendation.reading  # type: ignore[union-attr]
    marks = list(tei.iter(f"{T}index"))
    assert len(marks) == sum(len(entry.locations) for entry in edition.index)
    assert all(mark.findtext(f"{T}term") for mark in marks)
    bibls = [b for b in tei.iter(f"{T}bibl") if b.get(XML_ID)]
    assert {b.get(XML_ID) for b in bibls} == {entry.element_id for entry in edition.bibliography}
    for reference in tei.iter(f"{T}ref", f"{T}ptr"):  # every internal pointer lands
        target = reference.get("target", "")
        if target.startswith("#"):
            assert target[1:] in ids, target


def test_the_same_edition_gives_the_same_bytes() -> None:
    edition = edition_of(GETTYSBURG)
    assert tei_bytes(edition) == tei_bytes(edition_of(GETTYSBURG))


def test_build_format_tei_writes_only_the_tei(mini: Path, tmp_path: Path) -> None:
    build_dir = tmp_path / "out"
    assert main(["build", str(mini), "--build-dir", str(build_dir), "--format", "tei", "-q"]) == 0
    written = sorted(p.name for p in build_dir.iterdir())
    assert len(written) == 1 and written[0].endswith(".tei.xml")
    assert etree.parse(str(build_dir / written[0])).getroot().tag == f"{T}TEI"
