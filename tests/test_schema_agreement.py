"""Generated apparatus files and edition.yaml files: the schema accepts exactly what the loader accepts.

Entries are built from the declared shapes with keys dropped, unknown keys added and values of every
kind swapped in, so each run tries the boundary between the loader's shape checks and the schema's. Only
the loader's shape codes count; what needs the copy-text or another file (a lemma that must occur, a
siglum, a target) is left to `edition check` and said so in the schema.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from edition import apparatus, config
from edition.apparatus import read_apparatus
from edition.config import read_config
from edition.diagnostics import Diagnostic
from edition.model import Origin
from edition.schema import schema
from edition.shapes import Field, Shape
from edition.yamlload import parse_yaml
from tests.test_schema import plain

SHAPE_CODES = {"unknown-key", "wrong-type", "missing-field", "bad-id", "bad-value", "conflicting-selector"}
# Checked by the loader but not expressible in a schema (stated in the schema's descriptions instead).
CALENDAR_OR_RANGE = {"bad-date", "out-of-range"}

values = st.one_of(
    st.sampled_from(
        ["Stalin", "x", "", " ", "1stalin", "a-b_c", "term", "person", "persons", "§3", "6in", "-6in",
         "pdf/x-4", "PDF/X-4", "curly-quotes", "2026-11-26", "2026", "1.50", "12:30", "yes"]
    ),
    st.integers(min_value=-3, max_value=3),
    st.booleans(),
    st.none(),
    st.lists(st.sampled_from(["Stalin", "x", ""]), max_size=2),
    st.lists(st.integers(0, 2), max_size=2),
    st.just({"width": "6in"}),
    st.just([{"name": "A"}]),
)


VALID: dict[str, object] = {
    "text": "x", "markdown": "A note.", "identifier": "a-1", "integer": 1, "boolean": True, "texts": ["x"],
    "date": "2026-11-26", "length": "6in",
}


def valid_value(f: Field) -> object:
    if f.kind == "choice":
        return f.choices[0]
    if f.kind == "choices":
        return [f.choices[0]]
    if f.kind in ("mapping", "entries"):
        assert f.shape is not None
        inner = minimal(f.shape)
        return inner if f.kind == "mapping" else [inner]
    return VALID[f.kind]


def minimal(shape: Shape) -> dict[str, object]:
    """The smallest entry the loader accepts: the required fields, and the first selector group."""
    keys = [f.name for f in shape.fields if f.required] + list(shape.one_of[0] if shape.one_of else ())
    return {name: valid_value(f) for name in keys if (f := shape.field(name)) is not None}


def entry_of(shape: Shape) -> st.SearchStrategy[dict[str, object]]:
    """A valid entry with optional fields added, then up to two changes: a key dropped, added or given an
    odd value."""
    optional = st.lists(st.sampled_from(shape.keys), unique=True, max_size=3)
    changes = st.lists(
        st.tuples(st.sampled_from(["drop", "set"]), st.sampled_from([*shape.keys, "lemmma"]), values),
        max_size=2,
    )

    def build(pair: tuple[list[str], list[tuple[str, str, object]]]) -> dict[str, object]:
        entry = minimal(shape)
        for name in pair[0]:
            f = shape.field(name)
            if f is not None and f.name not in ("from", "to"):
                entry.setdefault(name, valid_value(f))
        for operation, name, value in pair[1]:
            if operation == "drop":
                entry.pop(name, None)
            else:
                entry[name] = value
        return entry

    return st.tuples(optional, changes).map(build)


def _section(name: str) -> st.SearchStrategy[tuple[str, object]]:
    entries = st.lists(entry_of(apparatus.KINDS[name]), min_size=1, max_size=3)
    return st.tuples(st.just(name), st.one_of(entries, entries, entries, values))


sections = st.one_of(
    st.sampled_from(list(apparatus.KINDS)).flatmap(_section),
    st.tuples(st.just("glossary"), st.just([])),
)
apparatus_files = st.lists(sections, min_size=1, max_size=3).map(dict)


class _NoAliases(yaml.SafeDumper):
    """Writes a value shared by two places twice (the loader refuses aliases)."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def dump(document: object) -> str:
    return yaml.dump(document, Dumper=_NoAliases, allow_unicode=True)


def shape_problems(diagnostics: list[Diagnostic]) -> set[str]:
    return {d.code for d in diagnostics if d.code in SHAPE_CODES}


def valid(name: str, data: object) -> bool:
    return Draft202012Validator(schema(name)).is_valid(data)  # type: ignore[arg-type]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(apparatus_files)
def test_the_apparatus_schema_accepts_what_the_loader_accepts(tmp_path: Path, document: dict) -> None:
    text = dump(document)
    (tmp_path / "a.yaml").write_text(text, encoding="utf-8")
    problems: list[Diagnostic] = []
    read_apparatus(tmp_path, [("a.yaml", Origin("edition.yaml"))], problems)
    node = parse_yaml(text, "a.yaml")
    loader_ok = not shape_problems(problems)
    assert valid("apparatus", plain(node)) == loader_ok, (text, [d.format() for d in problems])


def config_documents() -> st.SearchStrategy[dict[str, object]]:
    base = {
        "title": "T", "authors": [{"name": "A"}], "language": "en", "date": "2026-11-26", "rights": "r",
        "identifier": "urn:x", "witnesses": [{"siglum": "A", "description": "d"}], "text": ["t.md"],
    }
    def change(name: str) -> st.SearchStrategy[tuple[str, object]]:
        found = config.EDITION.field(name)
        valid = [st.just(valid_value(found))] if found is not None else []
        shaped = []
        if found is not None and found.shape is not None:
            inner = entry_of(found.shape)
            shaped = [inner if found.kind == "mapping" else st.lists(inner, min_size=1, max_size=2)]
        return st.tuples(st.just(name), st.one_of(values, *valid, *shaped))

    changes = st.lists(st.sampled_from([*config.EDITION.keys, "titel"]).flatmap(change), max_size=3).map(dict)
    dropped = st.one_of(st.just(set()), st.just(set()), st.sets(st.sampled_from(sorted(base)), max_size=1))
    return st.tuples(changes, dropped).map(
        lambda pair: {k: v for k, v in {**base, **pair[0]}.items() if k not in pair[1]}
    )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(config_documents())
def test_the_config_schema_accepts_what_the_loader_accepts(tmp_path: Path, document: dict) -> None:
    text = dump(document)
    (tmp_path / "edition.yaml").write_text(text, encoding="utf-8")
    problems: list[Diagnostic] = []
    read_config(tmp_path, problems)
    codes = {d.code for d in problems}
    if codes & CALENDAR_OR_RANGE:
        return  # the schema checks the form of these values only
    node = parse_yaml(text, "edition.yaml")
    # A missing file or stylesheet is the loader's to find; only the shape codes are compared.
    assert valid("config", plain(node)) == (not shape_problems(problems)), (text, sorted(codes))
