"""The Jinja2 environment of the print templates: autoescaped HTML, strict undefined variables.

Templates dispatch on a node's type with the ``node_type`` filter (the model class name), so the
templates need no knowledge of Python and the writer builds no HTML strings itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined

from edition.book.dates import DateError, parse_date
from edition.book.labels import ENGLISH
from edition.model import (
    Anchor,
    Block,
    BlockQuote,
    CitationLink,
    Emended,
    ExternalLink,
    FootnoteRef,
    GlossRef,
    Heading,
    IndexMark,
    Inline,
    LanguageSpan,
    ListBlock,
    Paragraph,
    Reference,
    Styled,
    Text,
    Variant,
    VariantLemma,
    plain_text,
)
from edition.writers.pdf.foot_apparatus import NO_PLAN

EXTERNAL_SCHEMES = frozenset({"http", "https", "mailto"})


@cache
def environment() -> Environment:
    """One shared environment (templates are compiled once per process)."""
    env = Environment(
        loader=PackageLoader("edition", "templates/print"),
        autoescape=_autoescape,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters["node_type"] = node_type
    env.filters["css_string"] = css_string
    env.filters["pt"] = points
    env.filters["note_paragraphs"] = note_paragraphs
    env.filters["long_date"] = long_date
    env.filters["attach_points"] = attach_points
    env.filters["separated"] = separated
    env.filters["space_into_styles"] = space_into_styles
    env.filters["title_lines"] = title_lines
    env.filters["plain"] = lambda nodes: " ".join(plain_text(nodes).split())
    env.tests["external_url"] = is_external_url
    env.tests["variant"] = lambda item: isinstance(item, Variant)
    env.globals["unknown_node"] = unknown_node
    env.globals["foot"] = NO_PLAN  # the foot apparatus; the book's layout passes its own plan
    return env


class UnknownNodeError(TypeError):
    """A template met a node kind it has no branch for: the model grew and the template did not."""


def unknown_node(node: object) -> str:
    """Called by a template's last ``else``: a node kind is never silently left out of the book."""
    raise UnknownNodeError(f"the print templates have no rendering for a {type(node).__name__} node")


def node_type(node: object) -> str:
    """The model class name of a node: ``Text``, ``Styled``, ``GlossRef`` …"""
    return type(node).__name__


def css_string(value: str) -> str:
    """A CSS string literal (double quotes), safe inside a stylesheet."""
    escaped = "".join(c if c.isprintable() and c not in '"\\' else f"\\{ord(c):x} " for c in value)
    return f'"{escaped}"'


def points(value: float) -> str:
    """A length in points with enough precision for PDF geometry and no float noise."""
    return f"{value:.3f}".rstrip("0").rstrip(".") + "pt"


def long_date(value: str) -> str:
    """An ISO date as a book prints it: "2026-11-26" → "26 November 2026"; anything else unchanged."""
    try:
        return parse_date(value.strip()).long(ENGLISH.months)
    except DateError:
        return value


def title_lines(title: str) -> tuple[str, ...]:
    """A display title broken after its first colon: "Classics of Marxism:" / "The Revolution Betrayed"."""
    head, colon, tail = title.partition(": ")
    return (head + ":", tail) if colon and tail else (title,)


def is_external_url(href: str) -> bool:
    """Only web and mail links become PDF link annotations; anything else prints as plain text."""
    return urlsplit(href).scheme.lower() in EXTERNAL_SCHEMES


def _autoescape(template_name: str | None) -> bool:
    return template_name is None or not template_name.endswith(".css.j2")


@dataclass(frozen=True, slots=True)
class Marked:
    """Point targets (anchors, index marks) carried by the word that follows them.

    WeasyPrint 70 breaks lines badly around empty inline elements (a line ends early, the next holds a
    single word), so an id is put on a span around the next word instead of an empty span. ``points``
    are (element id, class) pairs; ``children`` is empty only when no word follows (then the span is
    empty and styled as an inline-block, which WeasyPrint handles).
    """

    points: tuple[tuple[str, str], ...]
    children: tuple[Inline, ...]


CONTAINERS = (Styled, LanguageSpan, Emended, Reference, CitationLink, ExternalLink, VariantLemma)
FIRST_WORD = re.compile(r"^(\s*\S+)(.*)$", re.DOTALL)


def attach_points(nodes: tuple[Inline, ...]) -> tuple[Inline | Marked, ...]:
    """The inline nodes with every Anchor and IndexMark moved onto the word that follows it."""
    out: list[Inline | Marked] = []
    pending: list[tuple[str, str]] = []
    for node in nodes:
        if isinstance(node, Anchor | IndexMark):
            pending.append((node.element_id, "anchor" if isinstance(node, Anchor) else "ix"))
            continue
        if pending and isinstance(node, Text) and (match := FIRST_WORD.match(node.text)):
            out.append(Marked(tuple(pending), (Text(match[1]),)))
            if match[2]:
                out.append(Text(match[2]))
            pending = []
            continue
        if pending and isinstance(node, CONTAINERS) and node.children:
            out.append(Marked(tuple(pending), (node,)))
            pending = []
            continue
        if pending:
            out.append(Marked(tuple(pending), ()))
            pending = []
        out.append(node)
    if pending:
        out.append(Marked(tuple(pending), ()))
    return tuple(out)


def separated(nodes: tuple[Inline | Marked, ...]) -> tuple[tuple[bool, Inline | Marked], ...]:
    """Each node with whether a separator goes before it: a note mark (an author's note or a gloss) that
    follows another, even one inside emphasis, a span or a lemma, is set apart so that "8" and "1" never
    read as "81". Empty point targets between them are transparent."""
    out: list[tuple[bool, Inline | Marked]] = []
    after_mark = False
    for node in nodes:
        if isinstance(node, Marked) and not node.children:
            out.append((False, node))
            continue
        out.append((after_mark and _edge_mark(node, last=False), node))
        after_mark = _edge_mark(node, last=True)
    return tuple(out)


def _edge_mark(node: Inline | Marked, *, last: bool) -> bool:
    """Whether ``node`` begins (or, with ``last``, ends) with a note mark."""
    if isinstance(node, FootnoteRef | GlossRef):
        return True
    children = node.children if isinstance(node, (*CONTAINERS, Marked)) else ()
    visible = [child for child in children if not (isinstance(child, Anchor | IndexMark))]
    if not visible:
        return False
    return _edge_mark(visible[-1] if last else visible[0], last=last)


CLOSING_QUOTE_SPACE = re.compile(r"[”’»›][.,;:!?]*(\s+)$")


def space_into_styles(nodes: tuple[Inline | Marked, ...]) -> tuple[Inline | Marked, ...]:
    """The space after a closing quotation mark moved into the styled span that follows it.

    WeasyPrint 70 (or Pango) breaks a line badly when a curly closing quotation mark and a space end one
    text and an inline element begins the next (`Betrayed.” <em>International`): the line ends at its
    first break opportunity ("Chretien," alone on a bibliography entry's first line). With the space
    inside the element (`Betrayed.”<em> International`) the line breaks normally; it prints the same.
    Only that pattern is touched, so no other line of a book breaks differently.
    """
    out = list(nodes)
    for index in range(len(out) - 1):
        node, following = out[index], out[index + 1]
        if not isinstance(node, Text) or not (match := CLOSING_QUOTE_SPACE.search(node.text)):
            continue
        styled = following.children[0] if isinstance(following, Marked) and following.children else following
        if not isinstance(styled, Styled | LanguageSpan):
            continue
        space = match[1]
        moved = replace(styled, children=(Text(space), *styled.children))
        out[index] = Text(node.text[: -len(space)])
        out[index + 1] = replace(following, children=(moved,)) if isinstance(following, Marked) else moved
    return tuple(out)


def note_paragraphs(blocks: tuple[Block, ...]) -> tuple[tuple[Inline, ...], ...]:
    """A note's blocks flattened to paragraphs' inline content (a margin note holds no block boxes)."""
    out: list[tuple[Inline, ...]] = []
    for block in blocks:
        if isinstance(block, Paragraph | Heading):
            out.append(block.content)
        elif isinstance(block, BlockQuote):
            out.extend(note_paragraphs(block.blocks))
        elif isinstance(block, ListBlock):
            for item in block.items:
                out.extend(note_paragraphs(item))
    return tuple(out)
