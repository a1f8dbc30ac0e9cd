"""Safe YAML loading that keeps every value's position.

Editors need `file:line:col` for every problem, so values are returned as positioned nodes rather than plain
Python objects. The nodes are built in one pass straight from the parser's event stream: no intermediate
PyYAML node tree (which cost more memory than the file's whole model) and no second parse. Anchors and
aliases are refused outright (an alias "bomb" is never expanded), duplicate keys are errors instead of
silently keeping the last one, and every scalar is constructed here, inside the error handling, so an
impossible value (``!!int one``, a Python tag) is a located diagnostic, never a traceback.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.events import (
    AliasEvent,
    CollectionStartEvent,
    DocumentStartEvent,
    Event,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from edition.diagnostics import Diagnostic, SourceProblem
from edition.model import Origin
from edition.textfile import illegal_character, read_text_file

Scalar = str | int | float | bool | None


@dataclass(frozen=True, slots=True)
class YScalar:
    value: Scalar
    origin: Origin
    block_style: bool = False
    # The scalar as written (without quotes): text fields read this, so `lemma: 1.50` stays "1.50".
    source: str = ""


@dataclass(frozen=True, slots=True)
class YSeq:
    items: tuple[YNode, ...]
    origin: Origin


@dataclass(frozen=True, slots=True)
class YKey:
    name: str
    origin: Origin


@dataclass(frozen=True, slots=True)
class YMap:
    items: tuple[tuple[YKey, YNode], ...]
    origin: Origin

    def get(self, name: str) -> YNode | None:
        for key, value in self.items:
            if key.name == name:
                return value
        return None

    def key_origin(self, name: str) -> Origin:
        for key, _ in self.items:
            if key.name == name:
                return key.origin
        return self.origin


YNode = YScalar | YSeq | YMap

_YAML = "tag:yaml.org,2002:"
_STR_TAG = _YAML + "str"
# Scalars that are constructed into Python values; every other explicit tag is refused.
_CONSTRUCTED = frozenset(_YAML + name for name in ("int", "float", "bool", "null"))
_KEPT_AS_TEXT = frozenset({_STR_TAG, _YAML + "timestamp"})  # dates are checked by the fields that take them
_COLLECTION_TAGS = frozenset({_YAML + "seq", _YAML + "map"})
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # LibYAML when present: ~10× faster
_RESOLVER = Resolver()
_CONSTRUCTOR = SafeConstructor()


def load_yaml_file(root: Path, relpath: str) -> YNode:
    """Read and parse one YAML file of the edition; raise SourceProblem with precise diagnostics."""
    text = read_text_file(root, relpath)
    return parse_yaml(text, relpath)


def parse_yaml(text: str, relpath: str) -> YNode:
    builder = _Builder(relpath)
    try:
        node = builder.document(yaml.parse(text, Loader=_Loader))
    except _Refused as refused:
        raise SourceProblem(*builder.problems, refused.diagnostic) from None
    except yaml.MarkedYAMLError as exc:
        raise SourceProblem(*builder.problems, _syntax_error(exc, relpath)) from None
    except yaml.YAMLError as exc:
        line, column = _position(text, getattr(exc, "position", 0))
        diagnostic = Diagnostic(relpath, line, column, "error", "yaml-syntax", f"YAML error: {exc}", None)
        raise SourceProblem(*builder.problems, diagnostic) from None
    if builder.problems:
        raise SourceProblem(*builder.problems)
    if node is None:
        raise SourceProblem(
            Diagnostic(relpath, 1, 1, "error", "empty-file", "the file is empty", "add the expected content")
        )
    return node


def _position(text: str, index: int) -> tuple[int, int]:
    before = text[: max(0, index)]
    return before.count("\n") + 1, index - (before.rfind("\n") + 1) + 1


def _syntax_error(exc: yaml.MarkedYAMLError, relpath: str) -> Diagnostic:
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = exc.problem or "invalid YAML"
    context = f" ({exc.context})" if exc.context else ""
    return Diagnostic(
        relpath,
        line,
        column,
        "error",
        "yaml-syntax",
        f"YAML syntax error: {problem}{context}",
        "check indentation and quoting here; a value containing ': ' or starting with a quote, "
        "'[', '{', '*', '&' or '@' must be quoted",
    )


class _Refused(Exception):
    """Stops the parse at once (an alias, a second document): nothing after it can be trusted."""

    def __init__(self, diagnostic: Diagnostic):
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


class _Builder:
    """Builds positioned nodes from the event stream; value problems are collected, the parse goes on."""

    def __init__(self, relpath: str):
        self.relpath = relpath
        self.problems: list[Diagnostic] = []

    def origin(self, event: Event) -> Origin:
        mark = event.start_mark
        if mark is None:  # PyYAML's parser always sets it; the stubs allow None
            return Origin(self.relpath)
        return Origin(self.relpath, mark.line + 1, mark.column + 1)

    def document(self, events: Iterable[Event]) -> YNode | None:
        root: YNode | None = None
        documents = 0
        stack: list[tuple[Event, list[YNode]]] = []  # open collections: start event, items so far
        for event in events:
            if isinstance(event, DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise _Refused(
                        Diagnostic.at(
                            self.origin(event),
                            "error",
                            "yaml-syntax",
                            "a second YAML document ('---') in one file",
                            "an edition file holds one document: remove the '---' line",
                        )
                    )
                continue
            if isinstance(event, AliasEvent) or (
                isinstance(event, ScalarEvent | CollectionStartEvent) and event.anchor is not None
            ):
                raise _Refused(
                    Diagnostic.at(
                        self.origin(event),
                        "error",
                        "yaml-alias",
                        "YAML anchors and aliases (&name, *name) are not allowed",
                        "write the value out in full; aliases are refused so that a file cannot expand "
                        "without limit",
                    )
                )
            if isinstance(event, CollectionStartEvent):
                self.collection_tag(event)
                stack.append((event, []))
                continue
            node: YNode
            if isinstance(event, ScalarEvent):
                node = self.scalar(event)
            elif isinstance(event, SequenceEndEvent | MappingEndEvent):
                start, items = stack.pop()
                node = (
                    self.mapping(start, items)
                    if isinstance(start, MappingStartEvent)
                    else YSeq(tuple(items), self.origin(start))
                )
            else:
                continue
            if stack:
                stack[-1][1].append(node)
            else:
                root = node
        return root

    def collection_tag(self, event: CollectionStartEvent) -> None:
        if event.implicit or event.tag in (None, "!") or event.tag in _COLLECTION_TAGS:
            return
        kind = "list" if isinstance(event, SequenceStartEvent) else "mapping"
        self.problems.append(self.tag_refused(event, event.tag, kind))

    def tag_refused(self, event: Event, tag: str, what: str) -> Diagnostic:
        return Diagnostic.at(
            self.origin(event),
            "error",
            "yaml-tag",
            f"the YAML tag '{_short(tag)}' is not allowed on a {what}",
            "remove the tag: edition files hold plain text, numbers, true/false, lists and mappings",
        )

    def scalar(self, event: ScalarEvent) -> YScalar:
        text = event.value
        origin = self.origin(event)
        block = event.style in ("|", ">")
        bad = illegal_character(text)
        if bad is not None:
            self.problems.append(
                Diagnostic.at(
                    origin,
                    "error",
                    "illegal-character",
                    f"the value contains the control character U+{ord(bad):04X}, which no output can carry",
                    "remove it (an escape such as \\x1b or \\uFFFF in a quoted value writes one)",
                )
            )
            return YScalar(text, origin, block, text)
        tag = event.tag
        if tag is None or tag == "!":
            tag = _RESOLVER.resolve(ScalarNode, text, event.implicit)  # type: ignore[no-untyped-call]
        if tag in _KEPT_AS_TEXT:
            return YScalar(text, origin, block, text)
        if tag not in _CONSTRUCTED:
            self.problems.append(self.tag_refused(event, tag, "value"))
            return YScalar(text, origin, block, text)
        node = ScalarNode(tag, text, event.start_mark, event.end_mark, event.style)  # type: ignore[arg-type]
        try:
            value = _CONSTRUCTOR.yaml_constructors[tag](_CONSTRUCTOR, node)
        except (ConstructorError, ValueError, KeyError, IndexError, TypeError, OverflowError):
            self.problems.append(
                Diagnostic.at(
                    origin,
                    "error",
                    "yaml-value",
                    f"'{_clip(text)}' is not a valid {_short(tag).removeprefix('!!')}",
                    "correct the value, or quote it to make it text",
                )
            )
            return YScalar(text, origin, block, text)
        return YScalar(value, origin, block, text)

    def mapping(self, start: Event, items: list[YNode]) -> YMap:
        pairs: list[tuple[YKey, YNode]] = []
        seen: dict[str, Origin] = {}
        for key_node, value in zip(items[0::2], items[1::2], strict=True):
            key = key_node.source if isinstance(key_node, YScalar) else "<complex key>"
            if key in seen:
                self.problems.append(
                    Diagnostic.at(
                        key_node.origin,
                        "error",
                        "duplicate-key",
                        f"duplicate key '{key}' (first at line {seen[key].line})",
                        "remove one of them; YAML would silently keep only the last",
                    )
                )
                continue
            seen[key] = key_node.origin
            pairs.append((YKey(key, key_node.origin), value))
        return YMap(tuple(pairs), self.origin(start))


def _clip(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _short(tag: str) -> str:
    return "!!" + tag.removeprefix(_YAML) if tag.startswith(_YAML) else tag
