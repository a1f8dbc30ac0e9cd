"""Typed access to positioned YAML mappings, collecting precise diagnostics instead of failing early.

Every reader of a YAML file (edition.yaml, apparatus, bibliography) goes through ``FieldReader`` so that
unknown keys, wrong types and missing fields are reported the same way everywhere, all in one run.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import process as fuzzy

from edition.diagnostics import Diagnostic
from edition.model import Origin
from edition.shapes import READ_AS, Shape
from edition.yamlload import YMap, YNode, YScalar, YSeq

ID_PATTERN = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")

_TYPE_NAMES = {YMap: "a mapping", YSeq: "a list", YScalar: "a single value"}


def describe(node: YNode) -> str:
    if isinstance(node, YScalar):
        value = node.value
        if value is None:
            return "an empty value"
        if isinstance(value, bool):
            return f"the boolean {str(value).lower()}"
        if isinstance(value, int | float):
            return f"the number {node.source[:40]}"
        return "text"
    return _TYPE_NAMES[type(node)]


def suggest(name: str, choices: Iterable[str]) -> str | None:
    """The nearest spelling among ``choices``, if any is close enough to be a likely typo."""
    match = fuzzy.extractOne(name, list(choices), score_cutoff=70)
    return match[0] if match else None


def scalar_text(node: YScalar) -> str:
    """A scalar read as text: as written, so `lemma: 1.50` is "1.50" and `lemma: No` is "No"."""
    return node.value if isinstance(node.value, str) else node.source


@dataclass
class FieldReader:
    """Reads fields of one YAML mapping; diagnostics accumulate in ``problems`` (owned by the caller).

    Given a ``shape``, its keys are the known keys, a field's requiredness comes from its declaration, and
    reading an undeclared field, or a field through the wrong accessor, is a loader bug raised at once.
    """

    problems: list[Diagnostic]
    what: str  # e.g. "gloss", "edition.yaml"
    known_keys: tuple[str, ...] = ()
    seen: set[str] = field(default_factory=set)
    shape: Shape | None = None

    def __post_init__(self) -> None:
        if self.shape is not None and not self.known_keys:
            self.known_keys = self.shape.keys

    def declared(self, name: str, accessor: str, required: bool | None) -> bool:
        """Whether ``name`` is required, checking the read against the shape's declaration."""
        if self.shape is None:
            return bool(required)
        found = self.shape.field(name)
        if found is None or found.kind not in READ_AS[accessor]:
            raise AssertionError(f"{self.shape.title}: '{name}' read as {accessor}, declared as {found}")
        if required is not None and required != found.required:
            raise AssertionError(f"{self.shape.title}: '{name}' read with required={required}")
        return found.required

    def check_keys(self, mapping: YMap) -> None:
        for key, _ in mapping.items:
            if key.name in self.known_keys:
                continue
            near = suggest(key.name, self.known_keys)
            hint = f"did you mean '{near}'?" if near else f"known keys: {', '.join(self.known_keys)}"
            self.problems.append(
                Diagnostic.at(
                    key.origin, "error", "unknown-key", f"unknown key '{key.name}' in {self.what}", hint
                )
            )

    def require(self, mapping: YMap, name: str) -> YNode | None:
        node = mapping.get(name)
        if isinstance(node, YSeq) and not node.items:
            # `authors: []` names no one: as missing as no key at all, but pointed at the empty list.
            self.problems.append(
                Diagnostic.at(
                    node.origin,
                    "error",
                    "missing-field",
                    f"'{name}' in {self.what} is an empty list",
                    f"list at least one item under '{name}'",
                )
            )
            return None
        if node is None or (isinstance(node, YScalar) and node.value in (None, "")):
            self.problems.append(
                Diagnostic.at(
                    mapping.origin,
                    "error",
                    "missing-field",
                    f"{self.what} is missing the required field '{name}'",
                    f"add '{name}: …' to this entry",
                )
            )
            return None
        return node

    def bad_value(self, mapping: YMap, name: str, message: str, hint: str) -> None:
        """A ``bad-value`` error at the value of ``name`` in ``mapping`` (the value is known to be there)."""
        node = mapping.get(name)
        origin = node.origin if node is not None else mapping.origin
        self.problems.append(Diagnostic.at(origin, "error", "bad-value", message, hint))

    def wrong_type(self, node: YNode, name: str, expected: str) -> None:
        self.problems.append(
            Diagnostic.at(
                node.origin,
                "error",
                "wrong-type",
                f"'{name}' in {self.what} must be {expected}, not {describe(node)}",
                f"write '{name}' as {expected}",
            )
        )

    def text(self, mapping: YMap, name: str, *, required: bool | None = None) -> str | None:
        required = self.declared(name, "text", required)
        node = self.require(mapping, name) if required else mapping.get(name)
        if node is None:
            return None
        if isinstance(node, YScalar) and node.value is None and not required:
            return None
        if isinstance(node, YScalar) and node.value is not None:
            return scalar_text(node)
        self.wrong_type(node, name, "text")
        return None

    def integer(self, mapping: YMap, name: str, *, minimum: int = 1) -> int | None:
        self.declared(name, "integer", None)
        node = mapping.get(name)
        if node is None:
            return None
        if isinstance(node, YScalar) and isinstance(node.value, int) and not isinstance(node.value, bool):
            if node.value >= minimum:
                return node.value
            self.problems.append(
                Diagnostic.at(
                    node.origin,
                    "error",
                    "wrong-type",
                    f"'{name}' in {self.what} must be at least {minimum}, not {node.source[:40]}",
                    f"occurrences are counted from {minimum}",
                )
            )
            return None
        self.wrong_type(node, name, "a whole number")
        return None

    def boolean(self, mapping: YMap, name: str, default: bool = False) -> bool:
        self.declared(name, "boolean", None)
        node = mapping.get(name)
        if node is None:
            return default
        if isinstance(node, YScalar) and isinstance(node.value, bool):
            return node.value
        self.wrong_type(node, name, "true or false")
        return default

    def text_list(
        self, mapping: YMap, name: str, *, required: bool | None = None
    ) -> tuple[tuple[str, Origin], ...]:
        """A list of texts; a single text is accepted as a one-item list."""
        required = self.declared(name, "text_list", required)
        node = self.require(mapping, name) if required else mapping.get(name)
        if node is None:
            return ()
        if isinstance(node, YScalar) and node.value is not None:
            return ((scalar_text(node), node.origin),)
        if not isinstance(node, YSeq):
            self.wrong_type(node, name, "a list of texts")
            return ()
        values = []
        for item in node.items:
            if isinstance(item, YScalar) and item.value is not None:
                values.append((scalar_text(item), item.origin))
            else:
                self.wrong_type(item, f"{name}[]", "text")
        return tuple(values)

    def mapping_list(self, mapping: YMap, name: str, *, required: bool | None = None) -> tuple[YMap, ...]:
        required = self.declared(name, "mapping_list", required)
        node = self.require(mapping, name) if required else mapping.get(name)
        if node is None:
            return ()
        if not isinstance(node, YSeq):
            self.wrong_type(node, name, "a list of entries (each starting with '- ')")
            return ()
        entries = []
        for item in node.items:
            if isinstance(item, YMap):
                entries.append(item)
            else:
                self.wrong_type(item, f"an entry of '{name}'", "a mapping of keys to values")
        return tuple(entries)

    def identifier(self, mapping: YMap, name: str = "id", *, required: bool | None = None) -> str | None:
        if self.shape is None and required is None:
            required = True
        value = self.text(mapping, name, required=required)
        if value is None:
            return None
        if not ID_PATTERN.match(value):
            node = mapping.get(name)
            assert node is not None
            self.problems.append(
                Diagnostic.at(
                    node.origin,
                    "error",
                    "bad-id",
                    f"'{value}' is not a valid id",
                    "an id starts with a letter and has only letters, digits, '-' and '_'",
                )
            )
            return None
        return value
