"""Reading Markdown (CommonMark + footnotes) into raw blocks whose text positions are known.

A paragraph is kept as a flat list of *atoms* (text runs carrying their markup path, and zero-width points
such as footnote references) plus its plain text. The resolver matches lemmas against the plain text and
then lays the apparatus over the atoms (see ``edition.overlay``); this is what lets a lemma cross italics.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from mdit_py_plugins.attrs import attrs_block_plugin, attrs_plugin
from mdit_py_plugins.footnote import footnote_plugin

from edition.diagnostics import Diagnostic
from edition.languages import language_problem
from edition.model import FootnoteRef, Inline, LineBreak, Origin
from edition.textfile import ILLEGAL


@dataclass(frozen=True, slots=True)
class Wrap:
    """A markup element that encloses text: emphasis, strong, code, an external link or a language span."""

    uid: int
    kind: str  # "em" | "strong" | "code" | "link" | "lang"
    href: str | None = None
    language: str | None = None  # a "lang" span's BCP 47 tag
    origin: Origin | None = None


@dataclass(frozen=True, slots=True)
class TextAtom:
    start: int
    end: int
    text: str
    path: tuple[Wrap, ...]


@dataclass(frozen=True, slots=True)
class PointAtom:
    """A zero-width inline (footnote reference, line break, citation or cross-reference in a note)."""

    offset: int
    node: Inline | NoteMarkup
    path: tuple[Wrap, ...]


Atom = TextAtom | PointAtom


@dataclass(frozen=True, slots=True)
class RawParagraph:
    atoms: tuple[Atom, ...]
    text: str
    origin: Origin


@dataclass(frozen=True, slots=True)
class RawHeading:
    level: int
    paragraph: RawParagraph
    # ``{short_title="…" dateline="…"}`` on the line before the heading (edition/section_attrs.py reads them)
    attributes: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class RawQuote:
    blocks: tuple[RawBlock, ...]
    origin: Origin


@dataclass(frozen=True, slots=True)
class RawList:
    ordered: bool
    items: tuple[tuple[RawBlock, ...], ...]
    origin: Origin


@dataclass(frozen=True, slots=True)
class RawBreak:
    origin: Origin


RawBlock = RawParagraph | RawHeading | RawQuote | RawList | RawBreak


@dataclass(frozen=True, slots=True)
class RawFootnote:
    label: str
    blocks: tuple[RawBlock, ...]
    origin: Origin
    element_id: str  # "fn-<label>", scoped to its text file (see parse_markdown's footnote_prefix)


@dataclass(frozen=True, slots=True)
class RawDocument:
    blocks: tuple[RawBlock, ...]
    footnotes: tuple[RawFootnote, ...]


# Attributes are read on bracketed spans only ("[Wort]{lang=de}"), not after links or code, where a stray
# "{…}" is more likely to be the author's own text; and on a line of their own before a block (a section
# heading's short title, dateline and signature), which only headings accept.
_PARSER = (
    MarkdownIt("commonmark", {"html": True})
    .use(footnote_plugin)
    .use(attrs_plugin, spans=True, after=("span_close",))
    .use(attrs_block_plugin)
)


def _record_footnote_definitions(state: StateCore) -> None:
    """Note every ``[^label]:`` definition with its line, before the footnote plugin keeps only the last."""
    found: list[tuple[str, int]] = state.env.setdefault("footnote_definitions", [])
    for index, token in enumerate(state.tokens):
        if token.type == "footnote_reference_open":
            inner = next((t for t in state.tokens[index + 1 :] if t.map), None)
            found.append((str(token.meta.get("label")), inner.map[0] + 1 if inner and inner.map else 1))


_PARSER.core.ruler.before("footnote_tail", "record_footnote_definitions", _record_footnote_definitions)
# Every link destination is parsed as a link, so that an unsafe one is reported and left out here instead of
# markdown-it printing the whole "[words](javascript:…)" source as text.
_PARSER.validateLink = lambda url: True  # type: ignore[method-assign]  # markdown-it documents this hook
SAFE_SCHEMES = ("http", "https", "mailto")
URL_SCHEME = re.compile(r"^\s*([A-Za-z][A-Za-z0-9+.-]*):")
# Raw HTML elements whose content is not text to read (a script's code, a style sheet): left out entirely.
HIDDEN_ELEMENTS = frozenset(
    {"script", "style", "textarea", "title", "iframe", "noscript", "object", "embed", "template"}
    | {"svg", "math", "select", "xmp", "noembed", "noframes"}
)
HTML_TAG = re.compile(r"^<(/?)([A-Za-z][A-Za-z0-9-]*)")
_uids = itertools.count(1)

# In notes only: [@key] / [@key, locator] citations and [[id]] cross-references.
NOTE_MARKUP = re.compile(
    r"\[@(?P<key>[^\s,\]]+)(?:,\s*(?P<locator>[^\]]+?))?\s*\]|\[\[(?P<target>[^\]\s|]+)(?:\|(?P<words>[^\]]+))?\]\]"
)


@dataclass(frozen=True, slots=True)
class NoteMarkup:
    """Placeholder point for ``[@key, loc]`` / ``[[id]]`` found in a note; the resolver replaces it."""

    kind: str  # "cite" | "xref"
    value: str
    locator: str | None  # a citation's locator, or the words of an "[[id|words]]" cross-reference
    origin: Origin


def parse_markdown(
    text: str,
    relpath: str,
    *,
    line_offset: int = 0,
    column: int = 1,
    note_markup: bool = False,
    problems: list[Diagnostic] | None = None,
    footnote_prefix: str = "fn-",
) -> RawDocument:
    """Parse Markdown; ``line_offset`` places a note embedded in YAML at its real line in that file.

    Footnote labels belong to their file, as Markdown authors write them (``[^1]`` in every chapter): the
    note's element id is ``footnote_prefix`` + label, and the resolver gives each text file its own prefix.
    A label defined twice in one file is an error (the parser would silently keep only the last).
    """
    env: dict[str, list[tuple[str, int]]] = {}
    tokens = _PARSER.parse(text, env)
    found = problems if problems is not None else []
    builder = _BlockBuilder(relpath, line_offset, column, note_markup, found, footnote_prefix)
    document = builder.build(tokens)
    first_line: dict[str, int] = {}
    for label, line in env.get("footnote_definitions", []):
        if label in first_line:
            found.append(
                Diagnostic.at(
                    Origin(relpath, line + line_offset, column),
                    "error",
                    "duplicate-footnote",
                    f"the footnote [^{label}] is defined twice in this file "
                    f"(first at line {first_line[label] + line_offset}); only this definition would print",
                    "give each note of a file its own label; other files may use the same labels",
                )
            )
        else:
            first_line[label] = line
    return document


class _BlockBuilder:
    def __init__(
        self,
        relpath: str,
        line_offset: int,
        column: int,
        note_markup: bool,
        problems: list[Diagnostic],
        footnote_prefix: str,
    ):
        self.footnote_prefix = footnote_prefix
        self.in_footnote = False  # inside an author's note: its headings open no section
        self.relpath = relpath
        self.line_offset = line_offset
        self.column = column
        self.note_markup = note_markup
        self.problems = problems

    def origin(self, token: Token) -> Origin:
        line = (token.map[0] + 1) if token.map else 1
        return Origin(self.relpath, line + self.line_offset, self.column)

    def build(self, tokens: list[Token]) -> RawDocument:
        blocks: list[RawBlock] = []
        footnotes: list[RawFootnote] = []
        position = 0
        while position < len(tokens):
            token = tokens[position]
            if token.type == "footnote_block_open":
                position = self._footnotes(tokens, position + 1, footnotes)
                continue
            block, position = self._block(tokens, position)
            if block is not None:
                blocks.append(block)
        return RawDocument(tuple(blocks), tuple(footnotes))

    def _footnotes(self, tokens: list[Token], position: int, out: list[RawFootnote]) -> int:
        while tokens[position].type != "footnote_block_close":
            token = tokens[position]
            if token.type == "footnote_open":
                label = str(token.meta.get("label", token.meta.get("id")))
                inner: list[RawBlock] = []
                origin = None
                position += 1
                self.in_footnote = True
                while tokens[position].type != "footnote_close":
                    if tokens[position].type == "footnote_anchor":
                        position += 1
                        continue
                    origin = origin or self.origin(tokens[position])
                    block, position = self._block(tokens, position)
                    if block is not None:
                        inner.append(block)
                self.in_footnote = False
                out.append(
                    RawFootnote(
                        label, tuple(inner), origin or Origin(self.relpath), self.footnote_prefix + label
                    )
                )
            position += 1
        return position + 1

    def _block(self, tokens: list[Token], position: int) -> tuple[RawBlock | None, int]:
        token = tokens[position]
        kind = token.type
        if token.attrs and kind != "heading_open":
            self.problems.append(
                Diagnostic.at(
                    Origin(self.relpath, max(self.origin(token).line - 1, 1), self.column),
                    "warning",
                    "unsupported-attributes",
                    "attributes on a line of their own are not supported before this block; they are ignored",
                    "attributes before a block are read only on a section heading (short_title, author, "
                    "date, dateline, signature); for words in another language write [words]{lang=de}",
                )
            )
        if kind == "paragraph_open":
            paragraph = self.paragraph(tokens[position + 1], self.origin(token))
            return paragraph, position + 3
        if kind == "heading_open":
            paragraph = self.paragraph(tokens[position + 1], self.origin(token))
            attributes = tuple((str(k), str(v)) for k, v in token.attrs.items())
            if attributes and (self.note_markup or self.in_footnote):
                self._unread_heading_attributes(paragraph.origin)
                attributes = ()
            return RawHeading(int(token.tag[1]), paragraph, attributes), position + 3
        if kind == "blockquote_open":
            inner, position = self._until(tokens, position + 1, "blockquote_close")
            return RawQuote(tuple(inner), self.origin(token)), position
        if kind in ("bullet_list_open", "ordered_list_open"):
            close = kind.replace("_open", "_close")
            items: list[tuple[RawBlock, ...]] = []
            position += 1
            while tokens[position].type != close:
                inner, position = self._until(tokens, position + 1, "list_item_close")
                items.append(tuple(inner))
            return RawList(kind == "ordered_list_open", tuple(items), self.origin(token)), position + 1
        if kind == "hr":
            return RawBreak(self.origin(token)), position + 1
        if kind in ("code_block", "fence"):
            content = token.content.rstrip("\n")
            wrap = Wrap(next(_uids), "code")
            atom = TextAtom(0, len(content), content, (wrap,))
            return RawParagraph((atom,), content, self.origin(token)), position + 1
        if kind == "html_block":
            self.problems.append(
                Diagnostic.at(
                    self.origin(token),
                    "warning",
                    "raw-html",
                    "raw HTML is not supported and is left out",
                    "use Markdown markup instead",
                )
            )
            return None, position + 1
        return None, position + 1

    def _unread_heading_attributes(self, heading: Origin) -> None:
        """Section attributes on a heading that opens no section of the copy-text: in front matter, a note
        in YAML (both parsed with note markup) or an author's note. Reported on the attributes' line."""
        place = "an author's note" if self.in_footnote else "front matter or an editor's note"
        self.problems.append(
            Diagnostic.at(
                Origin(self.relpath, max(heading.line - 1, 1), self.column),
                "warning",
                "unsupported-attributes",
                f"attributes on a heading in {place} are not supported; they are ignored",
                "id, short_title, author, date, dateline and signature are read only before the heading "
                "of a copy-text section (# or ## in a text file); for words in another language write "
                "[words]{lang=de}",
            )
        )

    def _until(self, tokens: list[Token], position: int, close: str) -> tuple[list[RawBlock], int]:
        blocks: list[RawBlock] = []
        while tokens[position].type != close:
            block, position = self._block(tokens, position)
            if block is not None:
                blocks.append(block)
        return blocks, position + 1

    def _safe_link(self, href: str, origin: Origin, *, autolink: bool) -> bool:
        """True for a link the outputs may carry; an unsafe one is reported and printed as its words only."""
        scheme = URL_SCHEME.match(href)
        if scheme is None or scheme[1].lower() in SAFE_SCHEMES:
            return True
        self.problems.append(
            Diagnostic.at(
                origin,
                "warning",
                "unsafe-link",
                f"a link to a '{scheme[1].lower()}:' address is left out"
                + ("" if autolink else "; its words are printed without it"),
                f"link only to {', '.join(s + ':' for s in SAFE_SCHEMES)} addresses",
            )
        )
        return False

    def _span_language(self, span: Token, origin: Origin) -> str | None:
        """The language of a ``[words]{lang=xx}`` span; None (words printed plainly) if it has none usable."""
        attrs = {str(k): str(v) for k, v in span.attrs.items()}
        others = sorted(k for k in attrs if k != "lang")
        if others:
            self.problems.append(
                Diagnostic.at(
                    origin,
                    "warning",
                    "span-attribute",
                    f"the span attribute{'s' if len(others) > 1 else ''} {', '.join(others)} "
                    f"{'are' if len(others) > 1 else 'is'} not supported and left out",
                    "a span takes only a language: [words]{lang=de}",
                )
            )
        tag = attrs.get("lang")
        if tag is None:
            return None
        problem = language_problem(tag)
        if problem is not None:
            self.problems.append(Diagnostic.at(origin, "error", "bad-language", *problem))
            return None
        return tag

    def paragraph(self, inline: Token, origin: Origin) -> RawParagraph:
        atoms: list[Atom] = []
        parts: list[str] = []
        offset = 0
        path: list[Wrap] = []

        def add_text(text: str) -> None:
            nonlocal offset
            if not text:
                return
            if self.note_markup:
                last = 0
                for match in NOTE_MARKUP.finditer(text):
                    add_plain(text[last : match.start()])
                    atoms.append(PointAtom(offset, _note_point(match, origin), tuple(path)))
                    last = match.end()
                add_plain(text[last:])
            else:
                add_plain(text)

        def add_plain(text: str) -> None:
            nonlocal offset
            if ILLEGAL.search(text):  # only a character reference (&#12;) can bring one in here
                self.problems.append(
                    Diagnostic.at(
                        origin,
                        "error",
                        "illegal-character",
                        f"a character reference writes the control character "
                        f"U+{ord(ILLEGAL.findall(text)[0]):04X}, which no output can carry",
                        "delete the reference (&#…;)",
                    )
                )
                text = ILLEGAL.sub("", text)
            if text:
                atoms.append(TextAtom(offset, offset + len(text), text, tuple(path)))
                parts.append(text)
                offset += len(text)

        hidden: str | None = None  # the raw HTML element whose content is being left out
        links: list[bool] = []  # for each open link: was it kept?
        spans: list[bool] = []  # for each open attribute span: did it open a language span?
        for child in inline.children or ():
            kind = child.type
            if hidden is not None:
                if kind == "html_inline" and _tag(child.content) == ("/", hidden):
                    hidden = None
                continue
            if links and not links[-1] and kind != "link_close" and _is_autolink_text(child, links):
                continue
            if kind == "text":
                add_text(child.content)
            elif kind == "softbreak":
                add_plain(" ")
            elif kind == "hardbreak":
                atoms.append(PointAtom(offset, LineBreak(), tuple(path)))
                parts.append(" ")
                offset += 1
            elif kind in ("em_open", "strong_open"):
                path.append(Wrap(next(_uids), kind[:-5]))
            elif kind == "link_open":
                href = str(child.attrs.get("href", ""))
                links.append(self._safe_link(href, origin, autolink=child.markup == "autolink"))
                if links[-1]:
                    path.append(Wrap(next(_uids), "link", href))
            elif kind == "link_close":
                if links.pop():
                    path.pop()
            elif kind in ("em_close", "strong_close"):
                path.pop()
            elif kind == "span_open":
                language = self._span_language(child, origin)
                spans.append(language is not None)
                if language is not None:
                    path.append(Wrap(next(_uids), "lang", language=language, origin=origin))
            elif kind == "span_close":
                if spans.pop():
                    path.pop()
            elif kind == "code_inline":
                path.append(Wrap(next(_uids), "code"))
                add_plain(child.content)
                path.pop()
            elif kind == "footnote_ref":
                label = str(child.meta.get("label", child.meta.get("id")))
                footnote = FootnoteRef(self.footnote_prefix + label, label)
                atoms.append(PointAtom(offset, footnote, tuple(path)))
            elif kind == "image":
                add_plain(child.content)
                self.problems.append(
                    Diagnostic.at(
                        origin,
                        "warning",
                        "image-unsupported",
                        "images in the text are not supported; the alt text is kept",
                        None,
                    )
                )
            elif kind == "html_inline":
                closing, name = _tag(child.content)
                content = (
                    name in HIDDEN_ELEMENTS and not closing and not child.content.rstrip().endswith("/>")
                )
                if content:
                    hidden = name
                self.problems.append(
                    Diagnostic.at(
                        origin,
                        "warning",
                        "raw-html",
                        f"raw HTML {child.content!r} is not supported and is left out"
                        + (", with everything up to its end tag" if content else ""),
                        "use Markdown markup instead",
                    )
                )
        return RawParagraph(tuple(atoms), "".join(parts), origin)


def _tag(markup: str) -> tuple[str, str]:
    """("/" or "", lower-case element name) of a raw HTML tag; ("", "") for a comment or other markup."""
    match = HTML_TAG.match(markup)
    return (match[1], match[2].lower()) if match else ("", "")


def _is_autolink_text(token: Token, links: list[bool]) -> bool:
    """The text of a refused autolink (``<javascript:…>``) is the refused address itself: left out too."""
    return (
        token.type == "text" and bool(links) and not links[-1] and URL_SCHEME.match(token.content) is not None
    )


def _note_point(match: re.Match[str], origin: Origin) -> NoteMarkup:
    if match.group("target") is not None:
        words = match.group("words")
        return NoteMarkup("xref", match.group("target"), words.strip() if words else None, origin)
    locator = match.group("locator")
    return NoteMarkup("cite", match.group("key"), locator.strip() if locator else None, origin)
