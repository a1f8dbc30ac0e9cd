"""Silent typographic normalisation of the printed text, applied after anchoring.

Lemmas are matched against the copy-text as transmitted, so editors quote what they see in the file; the
printed text (the copy-text, and the editor's notes and front matter alike) then gets the edition's
typography. Each rule is named in edition.yaml (``typography:``) and
its description goes into the Note on the Text, so what is done silently is still declared.
Emended readings are the editor's own and are left as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from edition.model import (
    CitationLink,
    Emended,
    ExternalLink,
    Inline,
    Reference,
    Styled,
    Text,
)


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    description: str
    apply: Callable[[str, str], str]  # (text, previous character) -> text


_OPENS_AFTER = set(" \t\n([{“‘—–-/\u00a0") | {""}


def _curly_quotes(text: str, previous: str) -> str:
    out = []
    for char in text:
        if char == '"':
            out.append("“" if previous in _OPENS_AFTER else "”")
        elif char == "'":
            out.append("‘" if previous in _OPENS_AFTER else "’")
        else:
            out.append(char)
        previous = char
    return "".join(out)


_RANGE_DASH = re.compile(r"(?<=\d)[—-](?=\d)")
_WORD_DASH = re.compile(r"(?<=[^\W\d])–(?=[^\W\d])")


def _range_dashes(text: str, previous: str) -> str:
    return _RANGE_DASH.sub("–", text)


def _word_dashes(text: str, previous: str) -> str:
    return _WORD_DASH.sub("—", text)


RULES: dict[str, Rule] = {
    rule.name: rule
    for rule in (
        Rule("curly-quotes", "Straight quotation marks are printed as curly ones.", _curly_quotes),
        Rule(
            "range-dashes",
            "Em dashes and hyphens between figures (ranges of pages and years) are printed as en dashes.",
            _range_dashes,
        ),
        Rule(
            "word-dashes",
            "En dashes standing between words as a dash are printed as em dashes.",
            _word_dashes,
        ),
    )
}


def apply_rules(nodes: tuple[Inline, ...], rules: tuple[Rule, ...]) -> tuple[Inline, ...]:
    """The inline tree with every rule applied to its text, in reading order (quotes need context)."""
    if not rules:
        return nodes
    return _Walker(rules).walk(nodes)


class _Walker:
    def __init__(self, rules: tuple[Rule, ...]):
        self.rules = rules
        self.previous = ""

    def walk(self, nodes: tuple[Inline, ...]) -> tuple[Inline, ...]:
        return tuple(self.node(node) for node in nodes)

    def node(self, node: Inline) -> Inline:
        if isinstance(node, Text):
            text = node.text
            for rule in self.rules:
                text = rule.apply(text, self.previous)
            if node.text:
                self.previous = node.text[-1]
            return Text(text)
        if isinstance(node, Emended):
            self.previous = node.emendation.reading[-1:] or self.previous
            return node
        if isinstance(node, Styled | ExternalLink | Reference | CitationLink):
            return replace(node, children=self.walk(node.children))
        return node
