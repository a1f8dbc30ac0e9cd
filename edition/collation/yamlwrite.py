"""Adding drafted entries to an apparatus file as text, so the editor's comments, order and layout stay
exactly as they were: nothing already in the file is re-serialised."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from edition.collation.selectors import Drafted
from edition.diagnostics import Diagnostic, SourceProblem
from edition.model import Origin
from edition.yamlload import YMap, YScalar, YSeq, parse_yaml


@dataclass(frozen=True, slots=True)
class DraftEntry:
    selector: Drafted
    type: str
    siglum: str
    reading: str


def quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def render(entries: Sequence[DraftEntry], indent: int, comment: str) -> list[str]:
    pad = " " * indent
    lines = [f"{pad}# {comment}"]
    for entry in entries:
        drafted = entry.selector
        if drafted.lemma is not None:
            lines.append(f"{pad}- lemma: {quoted(drafted.lemma)}")
        else:
            lines.append(f"{pad}- from: {quoted(drafted.start or '')}")
            lines.append(f"{pad}  to: {quoted(drafted.end or '')}")
        if drafted.occurrence is not None:
            lines.append(f"{pad}  occurrence: {drafted.occurrence}")
        lines.append(f"{pad}  type: {entry.type}")
        lines.append(f"{pad}  readings:")
        lines.append(f"{pad}    - witness: {quoted(entry.siglum)}")
        lines.append(f"{pad}      text: {quoted(entry.reading)}")
    return lines


def add_entries(text: str | None, relpath: str, entries: Sequence[DraftEntry], comment: str) -> str:
    """``text`` with ``entries`` added at the end of its ``variants:`` list (created if absent)."""
    if not entries:
        return text or ""
    if text is None or not text.strip():
        return "\n".join(["variants:", *render(entries, 2, comment)]) + "\n"
    root = parse_yaml(text, relpath)
    if not isinstance(root, YMap):
        raise SourceProblem(
            Diagnostic.at(root.origin, "error", "wrong-type", "an apparatus file must be a mapping", None)
        )
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    value = root.get("variants")
    if value is None:
        return "\n".join([*lines, "variants:", *render(entries, 2, comment)]) + "\n"
    key_line = root.key_origin("variants").line
    if isinstance(value, YSeq) and value.items:
        if lines[value.origin.line - 1][value.origin.column - 1] == "[":
            raise SourceProblem(_flow(value.origin))
        indent = value.origin.column - 1
    elif isinstance(value, YSeq) or (isinstance(value, YScalar) and value.value is None):
        if isinstance(value, YSeq):  # `variants: []`
            raise SourceProblem(_flow(value.origin))
        indent = 2
    else:
        raise SourceProblem(_flow(value.origin))
    later = sorted(key.origin.line for key, _ in root.items if key.origin.line > key_line)
    at = later[0] - 1 if later else len(lines)
    while at > key_line and (not lines[at - 1].strip() or lines[at - 1].startswith("#")):
        at -= 1  # blank lines and column-1 comments before the next key belong to that key
    new = [*lines[:at], *render(entries, indent, comment), *lines[at:]]
    return "\n".join(new) + "\n"


def _flow(origin: Origin) -> Diagnostic:
    return Diagnostic.at(
        origin,
        "error",
        "collate-cannot-write",
        "'variants' is written as a flow list ([…]) or a single value: collate adds to a block list",
        "write it as 'variants:' followed by entries starting with '- ' on their own lines",
    )
