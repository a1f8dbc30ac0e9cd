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
    LanguageSpan,
    Reference,
    Styled,
    Text,
    VariantLemma,
)
from edition.quotes import quotes_for


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    description: str
    apply: Callable[[str, str, str], str]  # (text, previous character, BCP 47 language) -> text


_OPENS_AFTER = set(" \t\n([{“‘—–-/\u00a0") | {""}


def _curly_quotes(text: str, previous: str, language: str) -> str:
    """Straight quotes as the language prints them; an apostrophe (a ' after a letter) is always ’."""
    marks = quotes_for(language)
    out: list[str] = []
    for index, char in enumerate(text):
        if char == '"':
            opening = previous in _OPENS_AFTER
            out.append(marks.open_double if opening else marks.close_double)
        elif char == "'":
            if previous in _OPENS_AFTER:
                out.append(marks.open_single)
            elif previous.isalpha() and text[index + 1 : index + 2].isalpha():
                out.append("’")  # an apostrophe inside a word: it's, aujourd’hui
            else:
                out.append(marks.close_single)
        else:
            out.append(char)
        previous = char
    return _space_guillemets("".join(out)) if marks.spaced else "".join(out)


_GUILLEMET_SPACE = re.compile(r"(«)[ \u00a0\u202f]*|[ \u00a0\u202f]*(»)")


def _space_guillemets(text: str) -> str:
    """French sets a no-break space inside guillemets (« mot »); one written in the file is kept as that."""
    return _GUILLEMET_SPACE.sub(lambda m: "«\u00a0" if m[1] else "\u00a0»", text)


_RANGE_DASH = re.compile(r"(?<=\d)[—-](?=\d)")
_WORD_DASH = re.compile(r"(?<=[^\W\d])–(?=[^\W\d])")


def _range_dashes(text: str, previous: str, language: str) -> str:
    return _RANGE_DASH.sub("–", text)


def _word_dashes(text: str, previous: str, language: str) -> str:
    return _WORD_DASH.sub("—", text)


_DOUBLE_HYPHEN = re.compile(r"(?<!-)--(?!-)")


def _double_hyphens(text: str, previous: str, language: str) -> str:
    """Typed transcriptions write a dash as two hyphens; the spacing around it is left as transmitted."""
    return _DOUBLE_HYPHEN.sub("—", text)


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
        Rule(
            "double-hyphens",
            "A dash typed as two hyphens (--) is printed as an em dash.",
            _double_hyphens,
        ),
    )
}


def apply_rules(
    nodes: tuple[Inline, ...], rules: tuple[Rule, ...], language: str = "en"
) -> tuple[Inline, ...]:
    """The inline tree with every rule applied to its text, in reading order (quotes need context).

    ``language`` is the language of the text (the edition's); a :class:`LanguageSpan` switches it for its
    own words, so a German phrase in an English sentence gets German quotation marks.
    """
    if not rules:
        return nodes
    return _Walker(rules, language).walk(nodes)


class _Walker:
    def __init__(self, rules: tuple[Rule, ...], language: str):
        self.rules = rules
        self.language = language
        self.previous = ""

    def walk(self, nodes: tuple[Inline, ...]) -> tuple[Inline, ...]:
        return tuple(self.node(node) for node in nodes)

    def node(self, node: Inline) -> Inline:
        if isinstance(node, Text):
            text = node.text
            for rule in self.rules:
                text = rule.apply(text, self.previous, self.language)
            if node.text:
                self.previous = node.text[-1]
            return Text(text)
        if isinstance(node, Emended):
            self.previous = node.emendation.reading[-1:] or self.previous
            return node
        if isinstance(node, LanguageSpan):
            outer, self.language = self.language, node.language
            children = self.walk(node.children)
            self.language = outer
            return replace(node, children=children)
        if isinstance(node, Styled | ExternalLink | Reference | CitationLink | VariantLemma):
            return replace(node, children=self.walk(node.children))
        return node
