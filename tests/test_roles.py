"""Contributors and their roles: MARC relator codes in the model and in the EPUB package."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from edition.resolve import check_edition, load_edition
from edition.roles import RELATORS
from edition.writers.epub import build_epub

OPF = "{http://www.idpf.org/2007/opf}"
DC = "{http://purl.org/dc/elements/1.1/}"

CONTRIBUTORS = """contributors:
  - name: Tess Translator
    role: translator
    note: Tess Translator translates pamphlets.
  - name: Ian Introducer
    role: author-of-introduction
"""


def _with(mini: Path, extra: str) -> Path:
    with (mini / "edition.yaml").open("a", encoding="utf-8") as f:
        f.write(extra)
    return mini


def test_the_codes_are_marc_relators() -> None:
    assert RELATORS["author"] == "aut"
    assert RELATORS["translator"] == "trl"
    assert RELATORS["editor"] == "edt"
    assert RELATORS["author-of-introduction"] == "aui"


def test_authors_editors_and_contributors_carry_their_relator(mini: Path) -> None:
    meta = load_edition(_with(mini, CONTRIBUTORS)).metadata
    assert [(p.name, p.relator) for p in meta.authors] == [("Ada Author", "aut")]
    assert [(p.name, p.relator) for p in meta.editors] == [("The Edition Project", "edt")]
    assert [(p.name, p.role, p.relator) for p in meta.contributors] == [
        ("Tess Translator", "translator", "trl"),
        ("Ian Introducer", "author-of-introduction", "aui"),
    ]


def test_an_unknown_role_is_a_located_error_with_a_suggestion(mini: Path) -> None:
    found = [
        d
        for d in check_edition(_with(mini, "contributors:\n  - {name: T, role: translater}\n")).diagnostics
        if d.severity == "error"
    ]
    assert [(d.code, d.path, d.hint) for d in found] == [
        ("bad-value", "edition.yaml", "did you mean 'translator'?")
    ]
    lines = (mini / "edition.yaml").read_text(encoding="utf-8").splitlines()
    assert "translater" in lines[found[0].line - 1][found[0].column - 1 :]


def test_a_contributor_without_a_role_is_an_error(mini: Path) -> None:
    found = [
        d.code for d in check_edition(_with(mini, "contributors:\n  - {name: T}\n")).diagnostics
        if d.severity == "error"
    ]
    assert found == ["missing-field"]


def test_the_epub_package_names_each_contributor_with_a_marc_role(mini: Path, tmp_path: Path) -> None:
    result = build_epub(load_edition(_with(mini, CONTRIBUTORS)), tmp_path / "build")
    with zipfile.ZipFile(result.path) as book:
        name = next(n for n in book.namelist() if n.endswith(".opf"))
        package = etree.fromstring(book.read(name))
    roles = {
        meta.get("refines"): meta.text
        for meta in package.iter(f"{OPF}meta")
        if meta.get("property") == "role" and meta.get("scheme") == "marc:relators"
    }
    named = {f"#{e.get('id')}": e.text for e in package.iter(f"{DC}creator", f"{DC}contributor")}
    assert {named[ref]: code for ref, code in roles.items()} == {
        "Ada Author": "aut",
        "The Edition Project": "edt",
        "Tess Translator": "trl",
        "Ian Introducer": "aui",
    }
