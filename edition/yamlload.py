"""Safe YAML loading that keeps every value's position.

Editors need `file:line:col` for every problem, so values are returned as positioned nodes rather than plain
Python objects. Only safe loading is used; anchors and aliases are refused outright (an alias "bomb" is never
expanded), and duplicate keys are errors instead of silently keeping the last one.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

import yaml
from yaml.events import AliasEvent, CollectionStartEvent, ScalarEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from edition.diagnostics import Diagnostic, SourceProblem
from edition.model import Origin
from edition.textfile import read_text_file


@dataclass(frozen=True, slots=True)
class YScalar:
    value: str | int | float | bool | None
    origin: Origin
    block_style: bool = False


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


_STR_TAG = "tag:yaml.org,2002:str"
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # LibYAML when present: ~10× faster


class _AliasRefused(Exception):
    def __init__(self, line: int, column: int):
        super().__init__("alias")
        self.line = line
        self.column = column


def _refuse_aliases(text: str) -> None:
    """Scan the event stream (cheap, nothing is built) and refuse any anchor or alias before composing."""
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, AliasEvent) or (
            isinstance(event, ScalarEvent | CollectionStartEvent) and event.anchor is not None
        ):
            mark = event.start_mark
            raise _AliasRefused(mark.line + 1, mark.column + 1)


def load_yaml_file(root: Path, relpath: str) -> YNode:
    """Read and parse one YAML file of the edition; raise SourceProblem with a precise diagnostic."""
    text = read_text_file(root, relpath)
    return parse_yaml(text, relpath)


def parse_yaml(text: str, relpath: str) -> YNode:
    loader = _Loader(text)
    try:
        _refuse_aliases(text)
        node = loader.get_single_node()
    except _AliasRefused as refused:
        raise SourceProblem(
            Diagnostic(
                relpath,
                refused.line,
                refused.column,
                "error",
                "yaml-alias",
                "YAML anchors and aliases (&name, *name) are not allowed",
                "write the value out in full; aliases are refused so that a file cannot expand without limit",
            )
        ) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or "invalid YAML"
        context = f" ({exc.context})" if exc.context else ""
        raise SourceProblem(
            Diagnostic(
                relpath,
                line,
                column,
                "error",
                "yaml-syntax",
                f"YAML syntax error: {problem}{context}",
                "check indentation and quoting here; a value containing ': ' or starting with a quote, "
                "'[', '{', '*', '&' or '@' must be quoted",
            )
        ) from None
    except yaml.YAMLError as exc:
        raise SourceProblem(
            Diagnostic(relpath, 1, 1, "error", "yaml-syntax", f"YAML error: {exc}", None)
        ) from None
    finally:
        loader.dispose()
    if node is None:
        raise SourceProblem(
            Diagnostic(relpath, 1, 1, "error", "empty-file", "the file is empty", "add the expected content")
        )
    return _convert(node, relpath, loader)


def _origin(node: Node, relpath: str) -> Origin:
    return Origin(relpath, node.start_mark.line + 1, node.start_mark.column + 1)


def _convert(node: Node, relpath: str, loader: yaml.SafeLoader) -> YNode:
    if isinstance(node, ScalarNode):
        # Plain strings are by far the commonest scalars: take them as they are, construct the rest.
        value = node.value if node.tag == _STR_TAG else loader.construct_object(node)
        if isinstance(value, datetime.date | datetime.datetime):
            value = node.value
        if isinstance(value, bytes):
            value = node.value
        return YScalar(value, _origin(node, relpath), node.style in ("|", ">"))
    if isinstance(node, SequenceNode):
        return YSeq(tuple(_convert(item, relpath, loader) for item in node.value), _origin(node, relpath))
    assert isinstance(node, MappingNode)
    items: list[tuple[YKey, YNode]] = []
    seen: dict[str, Origin] = {}
    for key_node, value_node in node.value:
        key_origin = _origin(key_node, relpath)
        key = str(key_node.value) if isinstance(key_node, ScalarNode) else "<complex key>"
        if key in seen:
            first = seen[key]
            raise SourceProblem(
                Diagnostic(
                    relpath,
                    key_origin.line,
                    key_origin.column,
                    "error",
                    "duplicate-key",
                    f"duplicate key '{key}' (first at line {first.line})",
                    "remove one of them; YAML would silently keep only the last",
                )
            )
        seen[key] = key_origin
        items.append((YKey(key, key_origin), _convert(value_node, relpath, loader)))
    return YMap(tuple(items), _origin(node, relpath))
