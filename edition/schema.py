"""JSON Schemas (draft 2020-12) of edition.yaml, apparatus files and the bibliography, for editors.

The schemas are made from the loaders' own declarations (``edition.shapes`` shapes in config and apparatus,
the CSL tables in bibliography), so a key the loader knows is a key the editor completes, and a new entry
kind declared in ``apparatus.KINDS`` is in the apparatus schema without an edit here. What a schema cannot
check (a lemma that must occur in the text, a siglum from another file, a day that must exist) is said in
the description of the field it concerns; ``edition check`` remains the judge.
"""

from __future__ import annotations

import re
from importlib import resources
from typing import Any, Literal

from edition import apparatus, bibliography, config
from edition.book.dates import DATE_PATTERN
from edition.fields import ID_PATTERN
from edition.shapes import Field, Shape

Schema = dict[str, Any]
SchemaName = Literal["config", "apparatus", "bibliography"]
NAMES: tuple[SchemaName, ...] = ("config", "apparatus", "bibliography")
# The file each schema is written to beside an edition (edition new), relative to the edition folder.
FILE_NAMES: dict[SchemaName, str] = {
    "config": "edition.schema.json",
    "apparatus": "apparatus.schema.json",
    "bibliography": "bibliography.schema.json",
}
DRAFT = "https://json-schema.org/draft/2020-12/schema"
CHECKED_BY = "edition check also requires: "

# Scalars as the loader reads them: YAML's `1.50`, `010` and `No` are the text they are written as.
TEXT: Schema = {"type": ["string", "number", "boolean"]}
LENGTH_PATTERN = r"^\s*\d+(\.\d+)?(in|mm|cm|pt|pc|px)\s*$"


def schema(name: SchemaName) -> Schema:
    """The schema called ``name``."""
    if name == "config":
        return _document(config.EDITION, "edition.yaml")
    if name == "apparatus":
        return _document(apparatus.apparatus_file(), "an apparatus file")
    return bibliography_schema()


def _document(shape: Shape, title: str) -> Schema:
    return {"$schema": DRAFT, **_object(shape), "title": title}


def _object(shape: Shape) -> Schema:
    out: Schema = {
        "title": shape.title,
        "description": _described(shape.description, shape.checked),
        "type": "object",
        "properties": {f.name: _field(f, _in_group(f, shape)) for f in shape.fields},
        "additionalProperties": False,
    }
    required = [f.name for f in shape.fields if f.required]
    if required:
        out["required"] = required
    if shape.one_of:
        out["oneOf"] = [_only(group, shape.one_of) for group in shape.one_of]
    return out


def _only(group: tuple[str, ...], groups: tuple[tuple[str, ...], ...]) -> Schema:
    """All keys of ``group`` and none of the other groups' keys (a key with no value counts as absent)."""
    others = sorted({key for other in groups if other != group for key in other} - set(group))
    given = {key: {"not": {"type": "null"}} for key in group}
    present = [{"required": [key], "properties": {key: {"not": {"type": "null"}}}} for key in others]
    return {"required": list(group), "properties": given, "not": {"anyOf": present}}


def _described(description: str, checked: tuple[str, ...]) -> str:
    return f"{description} ({CHECKED_BY}{'; '.join(checked)}.)" if checked else description


def _in_group(f: Field, shape: Shape) -> bool:
    return any(f.name in group for group in shape.one_of)


def _field(f: Field, in_group: bool = False) -> Schema:
    return {**_value(f, in_group), "title": f.name, "description": _described(f.description, f.checked)}


def _value(f: Field, in_group: bool) -> Schema:
    """The JSON Schema of one field's value, exactly as lenient as the loader."""
    if in_group:
        # The selector's words: not only spaces; `lemma:` with no value is absent (see _only).
        return {"type": [*TEXT["type"], "null"], "pattern": r"\S"}
    if f.kind in ("text", "markdown"):
        value: Schema = _text(f.required)
        return {**value, "contentMediaType": "text/markdown"} if f.kind == "markdown" else value
    if f.kind == "identifier":
        # `id: no` is YAML's false to a parser, but the loader reads the word as written: an id.
        kinds: list[Schema] = [{"type": "string", "pattern": ID_PATTERN.pattern}, {"type": "boolean"}]
        return {"anyOf": kinds if f.required else [*kinds, {"type": "null"}]}
    if f.kind == "integer":
        return {
            "type": "integer",
            **({"minimum": f.minimum} if f.minimum is not None else {}),
            **({"maximum": f.maximum} if f.maximum is not None else {}),
        }
    if f.kind == "boolean":
        return {"type": "boolean"}
    if f.kind == "texts":
        # One text, or a list of them; an item of a list may be "" (what it names is edition check's).
        single = _text(True) if f.required else TEXT
        item = TEXT
        if f.pattern is not None:  # a number never matches: only strings can
            single = item = {"type": "string", "pattern": f.pattern}
        return {"anyOf": [single, {"type": "array", "items": item, **_min_items(f)}]}
    if f.kind == "choice":
        if f.required:
            return _choice(f)
        # Left empty (`kind:` or `kind: ""`), an optional choice takes its default.
        # (as types, not enum values, so that editors do not offer "" and null as choices)
        empty: list[Schema] = [{"type": "null"}, {"type": "string", "maxLength": 0}]
        return {"anyOf": [*_choice(f).get("anyOf", [_choice(f)]), *empty]}
    if f.kind == "choices":
        return {"anyOf": [_choice(f), {"type": "array", "items": _choice(f), **_min_items(f)}]}
    if f.kind == "date":
        return {
            "anyOf": [
                {"type": "string", "pattern": DATE_PATTERN},
                {"type": "integer", "minimum": 1, "maximum": 9999},
            ]
        }
    if f.kind == "length":
        return {"type": "string", "pattern": LENGTH_PATTERN}
    assert f.shape is not None, f
    if f.kind == "mapping":
        return _object(f.shape)
    return {"type": "array", "items": _object(f.shape), **_min_items(f)}


def _text(required: bool) -> Schema:
    # An optional field may be present and empty (`publisher:`); a required one may not, nor be "".
    return {**TEXT, "minLength": 1} if required else {"type": [*TEXT["type"], "null"]}


def _min_items(f: Field) -> Schema:
    return {"minItems": 1} if f.required or f.non_empty else {}


def _choice(f: Field) -> Schema:
    if f.case_sensitive:
        return {"enum": list(f.choices)}
    # The loader folds case first: the enum offers the spellings, the pattern accepts any case of them.
    return {"anyOf": [{"enum": list(f.choices)}, {"type": "string", "pattern": _any_case(f.choices)}]}


def _any_case(choices: tuple[str, ...]) -> str:
    def letters(choice: str) -> str:
        return "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else re.escape(c) for c in choice)

    return "^(" + "|".join(letters(choice) for choice in choices) + ")$"


# -- the bibliography (CSL-YAML / CSL-JSON) -----------------------------------------------------------------


def bibliography_schema() -> Schema:
    item = _csl_item()
    return {
        "$schema": DRAFT,
        "title": "bibliography (CSL-YAML or CSL-JSON)",
        "description": "A list of CSL items, or a mapping with a 'references:' list, as Zotero and pandoc "
        "write them. " + CHECKED_BY + "every id unique; every item cited or listed in further_reading "
        "(else a warning).",
        "anyOf": [
            {"type": "array", "items": {"$ref": "#/$defs/item"}},
            {
                "type": "object",
                "properties": {"references": {"type": "array", "items": {"$ref": "#/$defs/item"}}},
                "required": ["references"],
            },
        ],
        "$defs": {"item": item, "name": _csl_name(), "date": _csl_date()},
    }


def _csl_item() -> Schema:
    plain: Schema = {"type": ["string", "number", "boolean", "null"]}
    properties: Schema = {
        "id": {"title": "id", "description": "The key citations use ([@key], cite: key).", **_text(True)},
        "type": {"title": "type", "description": "The CSL item type.", "enum": list(bibliography.CSL_TYPES)},
    }
    for name in bibliography.NAME_FIELDS:
        properties[name] = {"title": name, "type": "array", "items": {"$ref": "#/$defs/name"}}
    for name in bibliography.DATE_FIELDS:
        properties[name] = {"$ref": "#/$defs/date"}
    for name in csl_standard_variables():
        properties.setdefault(name, {"title": name, **plain})
    return {
        "title": "a CSL item",
        "description": "One work. Names are lists of {family, given}; dates are YYYY[-MM[-DD]] or "
        "{date-parts: [[1937]]} or {literal: …}; every other field is a single value.",
        "type": "object",
        "properties": properties,
        "required": ["id", "type"],
        "additionalProperties": plain,
    }


def _csl_name() -> Schema:
    part: Schema = _text(True)
    return {
        "title": "a name",
        "description": "A person or body: {family: Trotsky, given: Leon} or {literal: …}.",
        "type": "object",
        "properties": {name: {"title": name, **part} for name in bibliography.NAME_PARTS},
        "additionalProperties": False,
        "minProperties": 1,
    }


def _csl_date() -> Schema:
    number: Schema = {"type": "integer"}
    return {
        "description": "YYYY, YYYY-MM or YYYY-MM-DD, {date-parts: [[1937]]} (two parts for a range), or "
        "{literal: c. 1937}. " + CHECKED_BY + "a day that exists.",
        "anyOf": [
            {"type": "string", "pattern": DATE_PATTERN},
            {"type": "integer", "minimum": 1, "maximum": 9999},
            {
                "type": "object",
                "properties": {
                    "date-parts": {
                        "type": "array",
                        "minItems": 1,
                        "maxItems": 2,
                        "items": {"type": "array", "minItems": 1, "maxItems": 3, "items": number},
                    }
                },
                "required": ["date-parts"],
            },
            {"type": "object", "properties": {"literal": {"type": "string"}}, "required": ["literal"]},
        ],
    }


_VARIABLE_GROUP = re.compile(
    r"variables\.(?:numbers|strings|titles)\s*=(?P<body>.*?)(?:\n\s*\n|\n\s*##|\n\s*})", re.S
)


def csl_standard_variables() -> tuple[str, ...]:
    """The CSL standard (number, string, title) variables, read from the CSL schema citeproc-py ships.

    Offered for completion only: the loader accepts any other single-valued field, as CSL-JSON does.
    """
    source = resources.files("citeproc") / "data" / "schema" / "schemas" / "styles" / "csl-variables.rnc"
    try:
        text = source.read_text(encoding="utf-8")
    except OSError:
        return ()
    names: list[str] = []
    for group in _VARIABLE_GROUP.finditer(text):
        names += re.findall(r'"([^"]+)"', group["body"])
    return tuple(sorted(set(names)))
