"""Declared shapes of the edition's YAML mappings: which keys exist, their kinds, which are required.

One declaration serves two readers: the loaders (``FieldReader``'s known keys and required fields come from
here, and every typed read is checked against the declared kind) and ``edition schema`` (the JSON Schemas
editors complete and validate with). A field added to a loader without its declaration fails the first test
that reads it, so the schemas cannot drift from what ``edition check`` accepts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# What a field holds, as the loader reads it:
#   text        any non-empty scalar, read as written ("1.50", "No")
#   markdown    text holding Markdown (notes)
#   identifier  text matching fields.ID_PATTERN
#   integer     a whole number (``minimum`` applies)
#   boolean     true or false
#   texts       one text, or a list of texts
#   choice      text from ``choices``
#   choices     a list of texts from ``choices`` (one text is accepted as a one-item list)
#   date        YYYY, YYYY-MM or YYYY-MM-DD naming a day that exists
#   length      a CSS length with a unit (in, mm, cm, pt, pc, px)
#   mapping     a nested mapping of ``shape``
#   entries     a list of mappings of ``shape``
FieldKind = Literal[
    "text",
    "markdown",
    "identifier",
    "integer",
    "boolean",
    "texts",
    "choice",
    "choices",
    "date",
    "length",
    "mapping",
    "entries",
]

# The FieldReader accessor each kind may be read with (a read through another accessor is a loader bug).
READ_AS: dict[str, frozenset[FieldKind]] = {
    "text": frozenset({"text", "markdown", "identifier", "choice", "date", "length"}),
    "integer": frozenset({"integer"}),
    "boolean": frozenset({"boolean"}),
    "text_list": frozenset({"texts", "choices"}),
    "mapping_list": frozenset({"entries"}),
    "mapping": frozenset({"mapping"}),
}


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    kind: FieldKind
    description: str
    required: bool = False
    choices: tuple[str, ...] = ()
    case_sensitive: bool = True  # for choices: False when the loader folds case first
    minimum: int | None = None
    maximum: int | None = None  # for integers (the loader reports a larger value itself)
    non_empty: bool = False  # a list that must name at least one item
    pattern: str | None = None  # for texts: what every item must match (a JSON Schema regular expression)
    shape: Shape | None = None  # for mapping and entries
    # Rules ``edition check`` applies that a JSON Schema cannot state (other files, the copy-text …).
    checked: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Shape:
    """One kind of YAML mapping: its title (as diagnostics name it), description and fields."""

    title: str
    description: str
    fields: tuple[Field, ...]
    # Rules across fields or files, stated in the schema's description when the schema cannot check them.
    checked: tuple[str, ...] = ()
    # Exactly one of these groups of keys must be present (the selector's lemma | from + to).
    one_of: tuple[tuple[str, ...], ...] = ()

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    def field(self, name: str) -> Field | None:
        for candidate in self.fields:
            if candidate.name == name:
                return candidate
        return None

    def extended(self, title: str, description: str, *fields: Field, checked: tuple[str, ...] = ()) -> Shape:
        """This shape's fields after ``fields`` (an entry kind built on the selector's keys)."""
        return Shape(title, description, (*fields, *self.fields), (*checked, *self.checked), self.one_of)
