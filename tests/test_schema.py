"""The JSON Schemas agree with the loaders: what `edition check` accepts validates, what it refuses fails."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from edition import apparatus
from edition.diagnostics import Diagnostic
from edition.fields import FieldReader
from edition.resolve import check_edition
from edition.schema import NAMES, SchemaName, csl_standard_variables, schema
from edition.shapes import Field, Shape
from edition.yamlload import YMap, YNode, YScalar, YSeq, load_yaml_file, parse_yaml
from tests.hardening import corpus
from tests.hardening.corpus import MINI

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT / "source" / "revolution-betrayed"
Data = object


def plain(node: YNode) -> Data:
    """A YAML node as the JSON an editor's language server validates (values as the loader reads them)."""
    if isinstance(node, YScalar):
        return node.value
    if isinstance(node, YSeq):
        return [plain(item) for item in node.items]
    return {key.name: plain(value) for key, value in node.items}


def errors(name: SchemaName, data: Data) -> list[str]:
    return [error.message for error in Draft202012Validator(schema(name)).iter_errors(data)]


def files_of(root: Path) -> list[tuple[str, SchemaName]]:
    """Every YAML file an edition names, with the schema it answers to."""
    config = plain(load_yaml_file(root, "edition.yaml"))
    assert isinstance(config, dict)
    named = config.get("apparatus") or []
    listed = [named] if isinstance(named, str) else named
    out: list[tuple[str, SchemaName]] = [("edition.yaml", "config")]
    out += [(relpath, "apparatus") for relpath in listed]
    if config.get("bibliography"):
        out.append((config["bibliography"], "bibliography"))
    return out


@pytest.mark.parametrize("name", NAMES)
def test_each_schema_is_a_valid_draft_2020_12_schema(name: SchemaName) -> None:
    made = schema(name)
    assert made["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(made)


@pytest.mark.parametrize("root", [MINI, DEFAULT], ids=["mini", "revolution-betrayed"])
def test_every_file_of_a_valid_edition_validates(root: Path) -> None:
    assert check_edition(root).edition is not None
    checked = files_of(root)
    assert len(checked) >= 3
    for relpath, name in checked:
        assert errors(name, plain(load_yaml_file(root, relpath))) == [], relpath


def test_the_awkward_but_valid_inputs_of_the_hardening_tests_validate(mini: Path) -> None:
    # Numbers and times as lemmas are text to the loader (tests/hardening/test_inputs.py): 1.50, 010, 12:30.
    text = "\nBread cost 1.50 roubles in 010 shops, at 12:30.\n"
    (mini / "text/article.md").write_text((mini / "text/article.md").read_text() + text)
    glosses = (
        "glosses:\n  - {id: price, lemma: 1.50, note: x}\n  - {id: shops, lemma: 010, note: y}\n"
        "  - {id: noon, lemma: 12:30, note: z}\n  - {id: yes-no, lemma: Stalin, occurrence: 2, note: No}\n"
    )
    (mini / "apparatus/glosses.yaml").write_text(glosses)
    (mini / "edition.yaml").write_text(
        (mini / "edition.yaml").read_text() + "publisher:\nstyle: {pdf_variant: PDF/A-3b, bleed: ' 3mm '}\n"
    )
    assert [d for d in check_edition(mini).diagnostics if d.severity == "error"] == []
    for relpath, name in files_of(mini):
        assert errors(name, plain(load_yaml_file(mini, relpath))) == [], relpath


def yaml_blocks(markdown: str) -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", markdown, re.S)


def test_the_examples_in_the_format_documentation_validate() -> None:
    blocks = yaml_blocks((ROOT / "docs" / "format.md").read_text(encoding="utf-8"))
    kinds: list[SchemaName] = []
    for block in blocks:
        data = plain(parse_yaml(block, "example.yaml"))
        assert isinstance(data, dict)
        name: SchemaName = (
            "config" if "witnesses" in data else "bibliography" if "references" in data else "apparatus"
        )
        kinds.append(name)
        assert errors(name, data) == [], block
    assert {"config", "apparatus", "bibliography"} <= set(kinds) and kinds.count("apparatus") >= 6


# -- broken files: the schema refuses what the loader refuses ----------------------------------------------

E, G, B = corpus.E, corpus.G, corpus.B
O = corpus.O  # noqa: E741
WITNESSES = (
    "witnesses:\n  - siglum: A\n    description: The first printing (a fixture)\n"
    '    periodical: Test Review\n    issue: "1"\n    date: 2004-07\n'
)
BROKEN = [
    # (name, mutation of the mini fixture, file, the loader's code)
    ("unknown-top-key", corpus.append(E, "titel: x\n"), E, "unknown-key"),
    ("unknown-gloss-key", corpus.replace(G, corpus.LEMMA, "lemmma: Left Opposition"), G, "unknown-key"),
    ("unknown-section", corpus.append(O, "glossses: []\n"), O, "unknown-key"),
    ("unknown-witness-key", corpus.replace(E, "    periodical:", "    periodicall:"), E, "unknown-key"),
    ("occurrence-as-word", corpus.replace(G, corpus.OCC, "occurrence: first"), G, "wrong-type"),
    ("occurrence-zero", corpus.replace(G, corpus.OCC, "occurrence: 0"), G, "wrong-type"),
    ("conjecture-as-word", corpus.replace(O, "reading: serfs", "reading: serfs\n    conjecture: maybe"), O,
     "wrong-type"),
    ("note-as-list", corpus.replace(G, corpus.NOTE, "note: [a, b]"), G, "wrong-type"),
    ("authors-as-text", corpus.replace(
        E, "authors:\n  - name: Ada Author\n    note: Ada Author writes short test articles.", "authors: Ada"
    ), E,
     "wrong-type"),
    ("bib-name-part-not-text", corpus.replace(B, "given: Leon}", "given: []}"), B, "wrong-type"),
    ("unknown-pdf-variant", corpus.style("pdf_variant: pdf/z-9"), E, "bad-value"),
    ("unknown-index-kind", corpus.replace(O, "kind: person", "kind: persons"), O, "bad-value"),
    ("unknown-typography-rule", corpus.append(E, "typography: [curly-quote]\n"), E, "bad-value"),
    ("unknown-csl-type", corpus.replace(B, "type: book", "type: bok"), B, "bad-value"),
    ("trim-width-negative", corpus.style("trim: {width: -6in, height: 9in}"), E, "bad-value"),
    ("font-size-number", corpus.style("font_size: 10.5"), E, "bad-value"),
    ("impossible-date-format", corpus.replace(E, corpus.DATE, "date: 26 November 2026"), E, "bad-date"),
    ("bib-date-text", corpus.replace(B, corpus.ISSUED, "issued: last year"), B, "bad-value"),
    ("bad-id", corpus.replace(G, "id: stalin\n", "id: 1stalin\n"), G, "bad-id"),
    ("gloss-without-note", corpus.replace(G, "    " + corpus.NOTE + "\n", ""), G, "missing-field"),
    ("gloss-without-lemma", corpus.replace(G, "    " + corpus.LEMMA + "\n", ""), G, "missing-field"),
    ("lemma-and-from", corpus.replace(G, corpus.LEMMA, corpus.LEMMA + "\n    from: Left"), G,
     "conflicting-selector"),
    ("from-without-to", corpus.replace(O, "    to: to keep order.\n", ""), O, "missing-field"),
    ("empty-lemma", corpus.replace(G, corpus.LEMMA, "lemma: '  '"), G, "missing-field"),
    ("missing-title", corpus.replace(E, 'title: "A Mini Edition"\n', ""), E, "missing-field"),
    ("text-list-empty", corpus.replace(E, corpus.TEXT_LIST, "text: []"), E, "missing-field"),
    ("witnesses-empty", corpus.replace(E, WITNESSES, "witnesses: []\n"), E, "missing-field"),
    ("forms-empty", corpus.replace(O, "forms: [Stalin]", "forms: []"), O, "missing-field"),
    ("bib-without-type", corpus.replace(B, "    type: book\n", "", ), B, "missing-field"),
]


@pytest.mark.parametrize(("case", "mutate", "relpath", "code"), BROKEN, ids=[case[0] for case in BROKEN])
def test_a_file_the_checker_refuses_does_not_validate(case, mutate, relpath, code, tmp_path: Path) -> None:
    root = tmp_path / "mini"
    shutil.copytree(MINI, root)
    mutate(root)
    found = [d.code for d in check_edition(root).diagnostics if d.path == relpath]
    assert code in found, (case, found)
    name = dict(files_of(MINI))[relpath]
    assert errors(name, plain(load_yaml_file(root, relpath))) != [], case


def test_the_broken_cases_cover_unknown_keys_wrong_types_and_bad_values() -> None:
    codes = {code for *_, code in BROKEN}
    assert {"unknown-key", "wrong-type", "bad-value", "missing-field", "bad-id"} <= codes


# -- made from the loaders' declarations ---------------------------------------------------------------------


def test_the_schema_offers_every_key_the_loader_knows() -> None:
    config = schema("config")
    assert list(config["properties"]) == list(__import__("edition.config").config.TOP_KEYS)
    assert config["properties"]["style"]["properties"]["pdf_variant"]["anyOf"][0]["enum"][0] == "none"
    entries = schema("apparatus")["properties"]
    assert list(entries) == list(apparatus.KINDS)
    gloss = entries["glosses"]["items"]
    assert set(gloss["properties"]) == {"id", "note", *apparatus.SELECTOR_KEYS}
    assert gloss["required"] == ["id", "note"]
    kind = entries["index"]["items"]["properties"]["kind"]
    assert kind["anyOf"][0]["enum"] == list(apparatus.INDEX_KINDS)
    assert all(prop.get("description") for prop in gloss["properties"].values())


def test_rules_a_schema_cannot_check_are_said_in_its_descriptions() -> None:
    gloss = schema("apparatus")["properties"]["glosses"]["items"]
    assert "exactly one place in the copy-text" in gloss["description"]
    assert "edition check also requires" in gloss["properties"]["lemma"]["description"]
    date = schema("config")["properties"]["date"]
    assert "a day that exists" in date["description"]


def test_a_kind_declared_in_apparatus_appears_in_the_schema(monkeypatch: pytest.MonkeyPatch) -> None:
    variant = apparatus.SELECTOR.extended(
        "variant",
        "What other witnesses read.",
        Field("id", "identifier", "Its id.", required=True),
        Field("type", "choice", "The kind of variant.", choices=("addition", "omission")),
    )
    monkeypatch.setitem(apparatus.KINDS, "variants", variant)
    made = schema("apparatus")["properties"]["variants"]["items"]
    assert made["title"] == "variant" and made["required"] == ["id"]
    assert made["properties"]["type"]["anyOf"][0]["enum"] == ["addition", "omission"]
    assert "lemma" in made["properties"] and "oneOf" in made


def test_every_apparatus_key_has_both_a_reader_and_a_declaration() -> None:
    assert set(apparatus.KINDS) == set(apparatus._READERS)


def test_a_loader_reading_an_undeclared_field_fails_at_once() -> None:
    shape = Shape("thing", "A thing.", (Field("name", "text", "Its name.", required=True),))
    node = parse_yaml("name: x\nsize: 3\n", "x.yaml")
    assert isinstance(node, YMap)
    problems: list[Diagnostic] = []
    fields = FieldReader(problems, "thing", shape=shape)
    assert fields.text(node, "name") == "x"
    with pytest.raises(AssertionError):
        fields.integer(node, "size")
    with pytest.raises(AssertionError):
        fields.boolean(node, "name")  # declared as text
    with pytest.raises(AssertionError):
        fields.text(node, "name", required=False)  # the declaration says required
    fields.check_keys(node)
    assert [d.code for d in problems] == ["unknown-key"]


def test_csl_variables_come_from_the_csl_schema_citeproc_ships() -> None:
    variables = csl_standard_variables()
    assert {"title", "container-title", "publisher", "page", "volume", "DOI", "URL"} <= set(variables)
    item = schema("bibliography")["$defs"]["item"]
    assert item["properties"]["type"]["enum"][0] == "article"
    assert "author" in item["properties"] and "issued" in item["properties"]


# -- the command -----------------------------------------------------------------------------------------


def run_cli(*argv: str) -> tuple[int, str, str]:
    import contextlib
    import io

    from edition.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), contextlib.suppress(SystemExit):
        code = main(list(argv))
        return code, out.getvalue(), err.getvalue()
    return 2, out.getvalue(), err.getvalue()  # argparse exits 2 on a usage error


def test_edition_schema_prints_the_config_schema_by_default() -> None:
    import json

    code, out, err = run_cli("schema")
    assert code == 0 and err == ""
    assert json.loads(out) == schema("config")
    for name in NAMES:
        code, out, _ = run_cli("schema", name)
        assert code == 0 and json.loads(out) == schema(name)


def test_edition_schema_refuses_an_unknown_name() -> None:
    code, out, err = run_cli("schema", "glosses")
    assert code == 2 and out == ""
    assert "invalid choice: 'glosses' (choose from 'config', 'apparatus', 'bibliography')" in err
