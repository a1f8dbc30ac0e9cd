"""Reading edition.yaml: metadata, style, and which files make up the edition."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, cast

from edition.book.dates import is_date
from edition.book.labels import LABEL_NAMES
from edition.collation.settings import CollationSettings, read_collation
from edition.diagnostics import Diagnostic, SourceProblem
from edition.fields import FieldReader, suggest
from edition.model import (
    ESSAY_ROLES,
    ApparatusSeries,
    EssayRole,
    LineNumbering,
    Metadata,
    Origin,
    Person,
    SourceWitness,
    Style,
)
from edition.textfile import as_named_in_config, read_text_file
from edition.typography import RULES
from edition.yamlload import YMap, YScalar, YSeq, load_yaml_file

CONFIG_FILE = "edition.yaml"

TOP_KEYS = (
    "title",
    "subtitle",
    "authors",
    "editors",
    "language",
    "date",
    "rights",
    "identifier",
    "publisher",
    "subject",
    "description",
    "witnesses",
    "style",
    "front_matter",
    "text",
    "apparatus",
    "bibliography",
    "further_reading",
    "normalisations",
    "typography",
    "labels",
    "collation",
)
PERSON_KEYS = ("name", "role", "note")
WITNESS_KEYS = ("siglum", "description", "title", "periodical", "issue", "date", "url")
STYLE_KEYS = (
    "trim",
    "bleed",
    "font",
    "font_package",
    "font_size",
    "csl",
    "pdf_variant",
    "stylesheet",
    "line_numbers",
    "note_keys",
    "series",
)
SERIES_KEYS = ("name", "contents", "place")
SERIES_CONTENTS = ("emendations", "variants")
SERIES_PLACES = ("foot", "back")
LINE_NUMBER_KEYS = ("interval", "side", "restart")
LINE_NUMBER_CHOICES = {"side": ("inner", "outer"), "restart": ("page", "section", "none")}
NOTE_KEYS = ("page", "page.line")
TRIM_KEYS = ("width", "height")
FRONT_KEYS = ("title", "file", "role")
# Exactly the variants the pinned WeasyPrint (70.0) writes (a test holds this list against its own); "pdf/a-4"
# alone is not one of them (WeasyPrint names its conformance levels a-4e, a-4f and a-4u).
PDF_VARIANTS = (
    "none",
    "pdf/a-1a",
    "pdf/a-1b",
    "pdf/a-2a",
    "pdf/a-2b",
    "pdf/a-2u",
    "pdf/a-3a",
    "pdf/a-3b",
    "pdf/a-3u",
    "pdf/a-4e",
    "pdf/a-4f",
    "pdf/a-4u",
    "pdf/ua-1",
    "pdf/ua-2",
    "pdf/x-1a",
    "pdf/x-3",
    "pdf/x-4",
    "pdf/x-5g",
)
CSS_LENGTH = re.compile(r"^(?P<number>\d+(\.\d+)?)(?P<unit>in|mm|cm|pt|pc|px)$")
POINTS_PER_UNIT = {"in": 72.0, "mm": 72 / 25.4, "cm": 72 / 2.54, "pt": 1.0, "pc": 12.0, "px": 0.75}
# What a book page can be (documented in docs/format.md): the outer margin, 30 % of the width, must hold
# the margin notes; beyond these a value is a typo (0pt, 600in), not a design.
RANGES_PT = {
    "trim.width": (3 * 72.0, 17 * 72.0, "3in to 17in"),
    "trim.height": (4 * 72.0, 24 * 72.0, "4in to 24in"),
    "bleed": (0.0, 0.5 * 72, "0 to 0.5in (printers ask for 3mm)"),
    "font_size": (5.0, 24.0, "5pt to 24pt"),
}


@dataclass(frozen=True, slots=True)
class FileRef:
    path: str
    origin: Origin


@dataclass(frozen=True, slots=True)
class FrontMatterRef:
    title: str
    path: str
    origin: Origin
    role: EssayRole | None = None


@dataclass(frozen=True, slots=True)
class KeyRef:
    key: str
    origin: Origin


@dataclass(frozen=True, slots=True)
class EditionConfig:
    root: Path
    name: str
    metadata: Metadata
    style: Style
    front_matter: tuple[FrontMatterRef, ...]
    text: tuple[FileRef, ...]
    apparatus: tuple[FileRef, ...]
    bibliography: FileRef | None
    further_reading: tuple[KeyRef, ...]
    normalisations: tuple[str, ...]
    typography: tuple[str, ...]
    labels: tuple[tuple[str, str], ...] = ()  # the book's own words, replaced (edition/book/labels.py)
    collation: CollationSettings = field(default_factory=CollationSettings)  # what `edition collate` ignores


def read_config(root: Path, problems: list[Diagnostic]) -> EditionConfig | None:
    """Read edition.yaml; problems are appended. Returns None if it cannot be read at all."""
    try:
        node = load_yaml_file(root, CONFIG_FILE)
    except SourceProblem as problem:
        problems.extend(problem.diagnostics)
        return None
    if not isinstance(node, YMap):
        problems.append(
            Diagnostic.at(
                node.origin,
                "error",
                "wrong-type",
                "edition.yaml must be a mapping of keys to values",
                "start with 'title: …' on the first line",
            )
        )
        return None
    fields = FieldReader(problems, "edition.yaml", TOP_KEYS)
    fields.check_keys(node)
    metadata = Metadata(
        title=fields.text(node, "title", required=True) or "Untitled",
        subtitle=fields.text(node, "subtitle"),
        authors=_people(node, "authors", problems, required=True),
        editors=_people(node, "editors", problems, required=False),
        language=fields.text(node, "language", required=True) or "en",
        date=_date(node, fields, problems),
        rights=fields.text(node, "rights", required=True) or "",
        identifier=fields.text(node, "identifier", required=True) or "",
        publisher=fields.text(node, "publisher"),
        subject=tuple(value for value, _ in fields.text_list(node, "subject")),
        description=fields.text(node, "description"),
        witnesses=_witnesses(node, problems),
    )
    return EditionConfig(
        root=root,
        name=root.resolve().name,
        metadata=metadata,
        style=_style(root, node, problems),
        front_matter=_front_matter(node, problems),
        text=_text_files(node, fields),
        apparatus=tuple(FileRef(p, o) for p, o in fields.text_list(node, "apparatus")),
        bibliography=_single_file(node, fields, "bibliography"),
        further_reading=tuple(KeyRef(k, o) for k, o in fields.text_list(node, "further_reading")),
        normalisations=tuple(value for value, _ in fields.text_list(node, "normalisations")),
        typography=_typography(fields.text_list(node, "typography"), problems),
        labels=_labels(node, problems),
        collation=read_collation(node, problems),
    )


def _labels(node: YMap, problems: list[Diagnostic]) -> tuple[tuple[str, str], ...]:
    """``labels:``: label name -> the text the book prints instead (``textual_notes: Emendations``)."""
    found = node.get("labels")
    if found is None or (isinstance(found, YScalar) and found.value is None):
        return ()
    names = tuple(sorted(LABEL_NAMES))
    fields = FieldReader(problems, "labels of edition.yaml", names)
    if not isinstance(found, YMap):
        fields.wrong_type(found, "labels", "a mapping of label names to text")
        return ()
    fields.check_keys(found)
    out = []
    for key, _ in found.items:
        if key.name in LABEL_NAMES:
            value = fields.text(found, key.name)
            if value:
                out.append((key.name, value))
    return tuple(out)


def _typography(names: tuple[tuple[str, Origin], ...], problems: list[Diagnostic]) -> tuple[str, ...]:
    known = tuple(RULES)
    valid = []
    for name, origin in names:
        if name in RULES:
            valid.append(name)
            continue
        near = suggest(name, known)
        problems.append(
            Diagnostic.at(
                origin,
                "error",
                "bad-value",
                f"unknown typography rule '{name}'",
                f"did you mean '{near}'?" if near else f"the rules are: {', '.join(known)}",
            )
        )
    return tuple(valid)


def _text_files(node: YMap, fields: FieldReader) -> tuple[FileRef, ...]:
    refs = tuple(FileRef(p, o) for p, o in fields.text_list(node, "text", required=True))
    named = node.get("text")
    if not refs and isinstance(named, YSeq) and not named.items:
        fields.problems.append(
            Diagnostic.at(
                named.origin,
                "error",
                "missing-field",
                "'text' in edition.yaml names no file",
                "list the copy-text files, e.g. text: [text/article.md]",
            )
        )
    return refs


def _single_file(node: YMap, fields: FieldReader, name: str) -> FileRef | None:
    value = fields.text(node, name)
    if value is None:
        return None
    found = node.get(name)
    assert found is not None
    return FileRef(value, found.origin)


def _date(node: YMap, fields: FieldReader, problems: list[Diagnostic]) -> str:
    value = fields.text(node, "date", required=True)
    if value is None:
        return "1970-01-01"
    if not is_date(value):
        found = node.get("date")
        assert found is not None
        problems.append(
            Diagnostic.at(
                found.origin,
                "error",
                "bad-date",
                f"'{value}' is not a date",
                "write a date that exists as YYYY-MM-DD (quoted or not)",
            )
        )
        return "1970-01-01"
    return value


def _people(node: YMap, name: str, problems: list[Diagnostic], *, required: bool) -> tuple[Person, ...]:
    fields = FieldReader(problems, f"'{name}' of edition.yaml", PERSON_KEYS)
    people = []
    for entry in fields.mapping_list(node, name, required=required):
        fields.check_keys(entry)
        person_name = fields.text(entry, "name", required=True)
        if person_name:
            people.append(Person(person_name, fields.text(entry, "role"), fields.text(entry, "note")))
    return tuple(people)


def _witnesses(node: YMap, problems: list[Diagnostic]) -> tuple[SourceWitness, ...]:
    fields = FieldReader(problems, "a witness of edition.yaml", WITNESS_KEYS)
    witnesses = []
    for entry in fields.mapping_list(node, "witnesses", required=True):
        fields.check_keys(entry)
        siglum = fields.text(entry, "siglum", required=True)
        description = fields.text(entry, "description", required=True)
        if siglum and description:
            witnesses.append(
                SourceWitness(
                    siglum=siglum,
                    description=description,
                    title=fields.text(entry, "title"),
                    periodical=fields.text(entry, "periodical"),
                    issue=fields.text(entry, "issue"),
                    date=fields.text(entry, "date"),
                    url=fields.text(entry, "url"),
                )
            )
    return tuple(witnesses)


def _style(root: Path, node: YMap, problems: list[Diagnostic]) -> Style:
    style_node = node.get("style")
    default = Style()
    if style_node is None:
        return default
    fields = FieldReader(problems, "'style' of edition.yaml", STYLE_KEYS)
    if not isinstance(style_node, YMap):
        fields.wrong_type(style_node, "style", "a mapping")
        return default
    fields.check_keys(style_node)
    width, height = default.trim_width, default.trim_height
    origins = [(key.name, value.origin) for key, value in style_node.items]
    trim = style_node.get("trim")
    if isinstance(trim, YMap):
        trim_fields = FieldReader(problems, "'style.trim' of edition.yaml", TRIM_KEYS)
        trim_fields.check_keys(trim)
        origins += [(f"trim.{key.name}", value.origin) for key, value in trim.items]
        width = _length(trim, "width", trim_fields, problems, "trim.width") or width
        height = _length(trim, "height", trim_fields, problems, "trim.height") or height
    elif trim is not None:
        fields.wrong_type(trim, "trim", "a mapping such as {width: 6in, height: 9in}")
    variant = fields.text(style_node, "pdf_variant") or default.pdf_variant
    if variant.lower() not in PDF_VARIANTS:
        found = style_node.get("pdf_variant")
        assert found is not None
        problems.append(
            Diagnostic.at(
                found.origin,
                "error",
                "bad-value",
                f"unknown PDF variant '{variant}'",
                f"choose one of: {', '.join(PDF_VARIANTS)}",
            )
        )
        variant = default.pdf_variant
    font = fields.text(style_node, "font") or default.font
    note_keys = cast(
        Literal["page", "page.line"],
        _choice(style_node, "note_keys", NOTE_KEYS, fields, problems) or default.note_keys,
    )
    line_numbers = _line_numbers(style_node, fields, problems)
    series = _series(style_node, fields, problems)
    keyed_by_line = note_keys == "page.line" or any(s.place == "foot" for s in series)
    if keyed_by_line and line_numbers is None and style_node.get("line_numbers") is None:
        line_numbers = LineNumbering()  # keys by line need numbers to look the line up by
    return Style(
        trim_width=width,
        trim_height=height,
        bleed=_length(style_node, "bleed", fields, problems, "bleed") or default.bleed,
        font=font,
        # The default font's package is known; another font's package must be named to be suggested.
        font_package=fields.text(style_node, "font_package")
        or (default.font_package if font == default.font else None),
        font_size=_length(style_node, "font_size", fields, problems, "font_size") or default.font_size,
        csl=fields.text(style_node, "csl") or default.csl,
        pdf_variant=variant.lower(),
        stylesheet=_stylesheet(root, style_node, fields),
        line_numbers=line_numbers,
        note_keys=note_keys,
        series=series,
        origins=tuple(origins),
    )


def _line_numbers(style_node: YMap, fields: FieldReader, problems: list[Diagnostic]) -> LineNumbering | None:
    """``line_numbers: true`` (every 5th line, inner margin, per page), a mapping of settings, or off."""
    node = style_node.get("line_numbers")
    if node is None:
        return None
    if isinstance(node, YScalar) and isinstance(node.value, bool):
        return LineNumbering() if node.value else None
    if not isinstance(node, YMap):
        fields.wrong_type(node, "line_numbers", "true, false, or a mapping like {interval: 5, side: inner}")
        return None
    reader = FieldReader(problems, "'style.line_numbers' of edition.yaml", LINE_NUMBER_KEYS)
    reader.check_keys(node)
    default = LineNumbering()
    side = _choice(node, "side", LINE_NUMBER_CHOICES["side"], reader, problems) or default.side
    restart = _choice(node, "restart", LINE_NUMBER_CHOICES["restart"], reader, problems) or default.restart
    return LineNumbering(
        interval=reader.integer(node, "interval") or default.interval,
        side=cast(Literal["inner", "outer"], side),  # checked against the choices above
        restart=cast(Literal["page", "section", "none"], restart),
    )


def _series(style_node: YMap, fields: FieldReader, problems: list[Diagnostic]) -> tuple[ApparatusSeries, ...]:
    """The apparatus series: ``[{name: A, contents: [variants], place: foot}, …]``, each kind in one."""
    found: list[ApparatusSeries] = []
    placed: dict[str, str] = {}
    for node in fields.mapping_list(style_node, "series"):
        reader = FieldReader(problems, "an apparatus series in 'style.series'", SERIES_KEYS)
        reader.check_keys(node)
        name = reader.text(node, "name", required=True)
        place = _choice(node, "place", SERIES_PLACES, reader, problems) or "back"
        contents: list[str] = []
        for kind, origin in reader.text_list(node, "contents", required=True):
            if kind not in SERIES_CONTENTS:
                problems.append(
                    Diagnostic.at(
                        origin, "error", "bad-value", f"'{kind}' is not a kind of apparatus entry",
                        f"choose from: {', '.join(SERIES_CONTENTS)}",
                    )
                )
            elif kind in placed:
                problems.append(
                    Diagnostic.at(
                        origin, "error", "duplicate-series", f"{kind} are already in series {placed[kind]}",
                        "each kind of entry is printed in one series",
                    )
                )
            else:
                placed[kind] = name or "?"
                contents.append(kind)
        if name:
            found.append(
                ApparatusSeries(
                    name,
                    cast(tuple[Literal["emendations", "variants"], ...], tuple(contents)),
                    cast(Literal["foot", "back"], place),
                    node.origin,
                )
            )
    return tuple(found)


def _choice(
    node: YMap, name: str, choices: tuple[str, ...], fields: FieldReader, problems: list[Diagnostic]
) -> str | None:
    """A text value that must be one of ``choices``; anything else is a located ``bad-value``."""
    value = fields.text(node, name)
    if value is None or value in choices:
        return value
    found = node.get(name)
    assert found is not None
    problems.append(
        Diagnostic.at(
            found.origin,
            "error",
            "bad-value",
            f"'{value}' is not a value of style {name}",
            f"choose one of: {', '.join(choices)}",
        )
    )
    return None


def _stylesheet(root: Path, style_node: YMap, fields: FieldReader) -> str | None:
    """The edition's own stylesheet: a regular text file inside the folder, checked before any build."""
    relpath = fields.text(style_node, "stylesheet")
    if relpath is None:
        return None
    try:
        read_text_file(root, relpath)
    except SourceProblem as problem:
        named_at = style_node.get("stylesheet")
        assert named_at is not None
        fields.problems.extend(as_named_in_config(d, relpath, named_at.origin) for d in problem.diagnostics)
        return None
    return relpath


def _length(node: YMap, name: str, fields: FieldReader, problems: list[Diagnostic], key: str) -> str | None:
    """A CSS length within the range a book page can use (``RANGES_PT[key]``)."""
    value = fields.text(node, name)
    if value is None:
        return None
    found = node.get(name)
    assert isinstance(found, YScalar)
    match = CSS_LENGTH.match(value.strip())
    if match is None:
        problems.append(
            Diagnostic.at(
                found.origin,
                "error",
                "bad-value",
                f"'{value}' is not a length",
                "write a number with a unit: in, mm, cm, pt (e.g. 6in, 3mm)",
            )
        )
        return None
    low, high, allowed = RANGES_PT[key]
    points = float(match["number"]) * POINTS_PER_UNIT[match["unit"]]
    if not low <= points <= high:
        problems.append(
            Diagnostic.at(
                found.origin,
                "error",
                "out-of-range",
                f"style {key} {value.strip()} is out of range ({allowed})",
                "a page or type size outside this range is not a book; check the number and its unit",
            )
        )
        return None
    return value.strip()


def _front_matter(node: YMap, problems: list[Diagnostic]) -> tuple[FrontMatterRef, ...]:
    fields = FieldReader(problems, "a front_matter entry of edition.yaml", FRONT_KEYS)
    refs = []
    for entry in fields.mapping_list(node, "front_matter"):
        fields.check_keys(entry)
        title = fields.text(entry, "title", required=True)
        path = fields.text(entry, "file", required=True)
        role = _essay_role(entry, fields, problems)
        if title and path:
            refs.append(FrontMatterRef(title, path, entry.origin, role))
    return tuple(refs)


def _essay_role(entry: YMap, fields: FieldReader, problems: list[Diagnostic]) -> EssayRole | None:
    """``role:`` of a front_matter entry: what the essay is for the book (introduction, note-on-the-text)."""
    value = fields.text(entry, "role")
    if value is None:
        return None
    for role in ESSAY_ROLES:
        if value == role:
            return role
    found = entry.get("role")
    problems.append(
        Diagnostic.at(
            found.origin if found is not None else entry.origin,
            "error",
            "bad-role",
            f"'{value}' is not a role of a front_matter essay",
            "write one of: " + ", ".join(ESSAY_ROLES),
        )
    )
    return None
