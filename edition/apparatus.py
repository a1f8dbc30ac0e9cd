"""Reading apparatus YAML files into unresolved entries (selectors not yet matched against the text)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from edition.anchoring import Selector
from edition.diagnostics import Diagnostic, SourceProblem
from edition.fields import FieldReader, suggest
from edition.model import Origin
from edition.shapes import Field, Shape
from edition.textfile import as_named_in_config
from edition.yamlload import YMap, YNode, YScalar, load_yaml_file

INDEX_KINDS = ("person", "term", "place", "work", "other")
# What kind of difference a variant records (docs/format.md#variants): a closed list, so that an apparatus
# can be filtered or styled by type and a typo ("ommission") is caught.
VARIANT_TYPES = (
    "addition",
    "omission",
    "substitution",
    "transposition",
    "spelling",
    "punctuation",
    "capitalisation",
)
# Where a selector may look instead of the paragraphs (``in: heading``; edition/heading_lemmas.py).
WITHIN = ("heading",)
_QUOTED = ("the words occur in the copy-text (lemma normalisation rules, docs/format.md)",)
SELECTOR = Shape(
    "selector",
    "The words of the copy-text an entry belongs to: 'lemma', or 'from' + 'to' for a long span.",
    (
        Field("lemma", "text", "The exact words, quoted from one paragraph.", checked=_QUOTED),
        Field("from", "text", "The first words of a long span (with 'to').", checked=_QUOTED),
        Field("to", "text", "The last words of a long span: the first 'to' after 'from'.", checked=_QUOTED),
        Field(
            "occurrence",
            "integer",
            "Which occurrence (1 = the first, in reading order) when the words occur more than once.",
            minimum=1,
            checked=("the words occur at least this many times",),
        ),
        Field("before", "text", "Words immediately before the lemma, to single it out."),
        Field("after", "text", "Words immediately after the lemma, to single it out."),
        Field(
            "in",
            "choice",
            "'heading': look for the words in the copy-text's headings only (by default a heading is "
            "searched only when no paragraph has the words).",
            choices=WITHIN,
        ),
    ),
    checked=("the selector names exactly one place in the copy-text",),
    one_of=(("lemma",), ("from", "to")),
)
SELECTOR_KEYS = SELECTOR.keys
_UNIQUE = ("unique across the edition",)
_ID = Field("id", "identifier", "The entry's id: letters, digits, '-', '_'.", required=True, checked=_UNIQUE)
_OPTIONAL_ID = Field("id", "identifier", "An optional id, to refer to this entry.", checked=_UNIQUE)
GLOSS = SELECTOR.extended(
    "gloss",
    "An explanatory note, printed in the margin beside its lemma.",
    _ID,
    Field(
        "note",
        "markdown",
        "The note, Markdown: [@key, 51] cites, [[id]] or [[id|words]] cross-refers.",
        required=True,
        checked=("cited keys and cross-referenced ids exist",),
    ),
)
EMENDATION = SELECTOR.extended(
    "emendation",
    "A textual note: the edition prints 'reading' where the copy-text has the lemma.",
    _ID,
    Field("reading", "text", "What the edition prints.", required=True),
    Field(
        "witness",
        "text",
        "The siglum of the witness with the lemma's reading (default: the first witness).",
        checked=("a siglum from edition.yaml's witnesses",),
    ),
    Field("conjecture", "boolean", "True when the reading is the editor's conjecture."),
    Field("note", "markdown", "A note on the emendation, Markdown."),
    checked=("emendations do not overlap",),
)
READING = Shape(
    "reading",
    "What some witnesses read in place of the lemma.",
    (
        Field(
            "witness",
            "texts",
            "The siglum, or a list of sigla, of the witnesses with this reading.",
            required=True,
            non_empty=True,
            checked=("sigla of edition.yaml's witnesses other than the copy-text, each once per lemma",),
        ),
        Field("text", "text", "The witnesses' words; empty or absent when they omit the lemma."),
    ),
)
VARIANTS = SELECTOR.extended(
    "variants entry",
    "The readings of other witnesses at a lemma of the copy-text.",
    _OPTIONAL_ID,
    Field("readings", "entries", "The readings, at least one.", required=True, non_empty=True, shape=READING),
    Field("type", "choice", "The kind of difference.", choices=VARIANT_TYPES),
    Field("note", "markdown", "A note on the variant, Markdown."),
    checked=("variant lemmas nest or do not overlap", "no reading is the lemma itself"),
)
CROSS_REFERENCE = SELECTOR.extended(
    "cross-reference",
    "A link from the lemma to another place, printed with its page (print) or § (EPUB).",
    _OPTIONAL_ID,
    Field(
        "target",
        "text",
        "An entry id, a named anchor id, or a paragraph: §31.",
        required=True,
        checked=("the target exists",),
    ),
)
ANCHOR = SELECTOR.extended("anchor", "A named passage that cross-references can point to.", _ID)
CITATION = SELECTOR.extended(
    "citation",
    "Copy-text words that cite a work; they become a link to its bibliography entry.",
    _OPTIONAL_ID,
    Field("cite", "text", "A bibliography key.", required=True, checked=("a key of the bibliography",)),
    Field("locator", "text", "The page(s) cited."),
)
INDEX_ENTRY = Shape(
    "index entry",
    "A person, term, place or work; every whole-word occurrence of a form is an index mark.",
    (
        _ID,
        Field("heading", "text", "The heading as printed (e.g. Stalin, Joseph).", required=True),
        Field("kind", "choice", "What the entry is (default: term).", choices=INDEX_KINDS),
        Field(
            "forms",
            "texts",
            "The words to index, matched on whole words with the lemma normalisations.",
            required=True,
            non_empty=True,
            checked=("each form occurs in the copy-text",),
        ),
        Field("sort", "text", "The sort key (default: the heading, case- and accent-folded)."),
        Field("see", "texts", "Other index entry ids ('see also').", checked=("each an index entry id",)),
    ),
)
# The entry kinds, by the key that lists them in an apparatus file. The schema of apparatus files is made
# from this mapping: a kind added here (with its reader in _READERS) needs no other declaration.
KINDS: dict[str, Shape] = {
    "glosses": GLOSS,
    "emendations": EMENDATION,
    "variants": VARIANTS,
    "cross_references": CROSS_REFERENCE,
    "anchors": ANCHOR,
    "citations": CITATION,
    "index": INDEX_ENTRY,
}
SECTIONS = tuple(KINDS)


def apparatus_file() -> Shape:
    """An apparatus file: a list of entries under each kind's key (made from KINDS when asked)."""
    return Shape(
        "apparatus file",
        "Standoff apparatus: lists of entries, each anchored to the copy-text by quoting it.",
        tuple(Field(name, "entries", shape.description, shape=shape) for name, shape in KINDS.items()),
    )


@dataclass(frozen=True, slots=True)
class NoteText:
    """Markdown written inside YAML, with where its first line sits in the file."""

    text: str
    origin: Origin
    line_offset: int


@dataclass(frozen=True, slots=True)
class GlossEntry:
    id: str
    selector: Selector
    note: NoteText
    origin: Origin


@dataclass(frozen=True, slots=True)
class EmendationEntry:
    id: str
    selector: Selector
    reading: str
    witness: str | None
    witness_origin: Origin
    conjecture: bool
    note: NoteText | None
    origin: Origin


@dataclass(frozen=True, slots=True)
class ReadingEntry:
    """One reading of a variant: the witnesses that have it (with where each siglum is written) and its
    text ("" for an omission)."""

    witnesses: tuple[tuple[str, Origin], ...]
    text: str
    origin: Origin


@dataclass(frozen=True, slots=True)
class VariantsEntry:
    id: str | None
    selector: Selector
    readings: tuple[ReadingEntry, ...]
    type: str | None
    note: NoteText | None
    origin: Origin


@dataclass(frozen=True, slots=True)
class CrossReferenceEntry:
    id: str | None
    selector: Selector
    target: str
    target_origin: Origin
    origin: Origin


@dataclass(frozen=True, slots=True)
class AnchorEntry:
    id: str
    selector: Selector
    origin: Origin


@dataclass(frozen=True, slots=True)
class CitationEntry:
    id: str | None
    selector: Selector
    key: str
    key_origin: Origin
    locator: str | None
    origin: Origin


@dataclass(frozen=True, slots=True)
class IndexEntryRaw:
    id: str
    heading: str
    kind: str
    forms: tuple[tuple[str, Origin], ...]
    sort: str | None
    see: tuple[tuple[str, Origin], ...]
    origin: Origin


@dataclass(frozen=True, slots=True)
class Apparatus:
    glosses: tuple[GlossEntry, ...] = ()
    emendations: tuple[EmendationEntry, ...] = ()
    variants: tuple[VariantsEntry, ...] = ()
    cross_references: tuple[CrossReferenceEntry, ...] = ()
    anchors: tuple[AnchorEntry, ...] = ()
    citations: tuple[CitationEntry, ...] = ()
    index: tuple[IndexEntryRaw, ...] = ()


def read_apparatus(root: Path, files: list[tuple[str, Origin]], problems: list[Diagnostic]) -> Apparatus:
    """Read every apparatus file; entries keep file order, files keep edition.yaml order."""
    collected: dict[str, list[object]] = {name: [] for name in KINDS}
    for relpath, named_at in files:
        try:
            node = load_yaml_file(root, relpath)
        except SourceProblem as problem:
            problems.extend(as_named_in_config(d, relpath, named_at) for d in problem.diagnostics)
            continue
        if not isinstance(node, YMap):
            problems.append(
                Diagnostic.at(
                    node.origin,
                    "error",
                    "wrong-type",
                    "an apparatus file must be a mapping such as 'glosses: [...]'",
                    f"start the file with one of: {', '.join(KINDS)}",
                )
            )
            continue
        file_fields = FieldReader(problems, f"apparatus file {relpath}", shape=apparatus_file())
        file_fields.check_keys(node)
        for name, reader in _READERS.items():
            for entry in file_fields.mapping_list(node, name):
                parsed = reader(entry, problems)
                if parsed is not None:
                    collected[name].append(parsed)
    # Each list holds what its section's reader returns (_READERS), so the types match Apparatus's fields.
    return Apparatus(**{name: tuple(entries) for name, entries in collected.items()})  # type: ignore[arg-type]


def _selector(entry: YMap, fields: FieldReader, what: str) -> Selector | None:
    lemma = fields.text(entry, "lemma")
    start = fields.text(entry, "from")
    end = fields.text(entry, "to")
    occurrence = fields.integer(entry, "occurrence")
    before = fields.text(entry, "before")
    after = fields.text(entry, "after")
    problems = fields.problems
    within = fields.text(entry, "in")
    if within is not None and within not in WITHIN:
        fields.bad_value(
            entry,
            "in",
            f"'in: {within}' is not a place a lemma can be looked for",
            "write 'in: heading' for words in a heading, or leave 'in' out (paragraphs first)",
        )
        return None
    if lemma is not None and (start is not None or end is not None):
        problems.append(
            Diagnostic.at(
                entry.key_origin("from" if start is not None else "to"),
                "error",
                "conflicting-selector",
                f"{what} has both 'lemma' and 'from'/'to'",
                "use 'lemma' for a short quotation, 'from' + 'to' for a long one",
            )
        )
        return None
    if lemma is None and (start is None) != (end is None):
        missing = "to" if end is None else "from"
        problems.append(
            Diagnostic.at(
                entry.origin,
                "error",
                "missing-field",
                f"{what} has '{'from' if missing == 'to' else 'to'}' but no '{missing}'",
                f"add '{missing}: …' (the {'last' if missing == 'to' else 'first'} words)",
            )
        )
        return None
    if lemma is None and start is None:
        problems.append(
            Diagnostic.at(
                entry.origin,
                "error",
                "missing-field",
                f"{what} does not say which words it belongs to",
                "add 'lemma: …' (the exact words) or 'from: …' and 'to: …'",
            )
        )
        return None
    for name, value in (("lemma", lemma), ("from", start), ("to", end)):
        if value is not None and not value.strip():
            problems.append(
                Diagnostic.at(
                    entry.key_origin(name),
                    "error",
                    "missing-field",
                    f"'{name}' of {what} is empty",
                    "quote the words from the text",
                )
            )
            return None
    origin_node = entry.get("lemma") or entry.get("from")
    origin = origin_node.origin if origin_node is not None else entry.origin
    return Selector(lemma, start, end, occurrence, before, after, origin, within)


def note_text(entry: YMap, fields: FieldReader, name: str) -> NoteText | None:
    """A Markdown field of a YAML entry, with where it starts, so its problems are located in the file."""
    text = fields.text(entry, name)
    node = entry.get(name)
    if text is None or node is None:
        return None
    assert isinstance(node, YScalar)
    # A block scalar ('|' or '>') starts on the line after its indicator.
    offset = node.origin.line if node.block_style else node.origin.line - 1
    column = entry.origin.column + 2 if node.block_style else node.origin.column
    return NoteText(text, Origin(node.origin.path, offset + 1, column), offset)


def _gloss(entry: YMap, problems: list[Diagnostic]) -> GlossEntry | None:
    fields = FieldReader(problems, "gloss", shape=GLOSS)
    fields.check_keys(entry)
    entry_id = fields.identifier(entry)
    selector = _selector(entry, fields, f"gloss '{entry_id}'")
    note = note_text(entry, fields, "note")
    if entry_id is None or selector is None or note is None:
        return None
    return GlossEntry(entry_id, selector, note, entry.origin)


def _emendation(entry: YMap, problems: list[Diagnostic]) -> EmendationEntry | None:
    fields = FieldReader(problems, "emendation", shape=EMENDATION)
    fields.check_keys(entry)
    entry_id = fields.identifier(entry)
    selector = _selector(entry, fields, f"emendation '{entry_id}'")
    reading = fields.text(entry, "reading")
    witness = fields.text(entry, "witness")
    conjecture = fields.boolean(entry, "conjecture")
    note = note_text(entry, fields, "note")
    if entry_id is None or selector is None or reading is None:
        return None
    return EmendationEntry(
        entry_id, selector, reading, witness, entry.key_origin("witness"), conjecture, note, entry.origin
    )


def _variants(entry: YMap, problems: list[Diagnostic]) -> VariantsEntry | None:
    fields = FieldReader(problems, "variants entry", shape=VARIANTS)
    fields.check_keys(entry)
    entry_id = fields.identifier(entry)
    label = f"variants entry '{entry_id}'" if entry_id else "variants entry"
    selector = _selector(entry, fields, label)
    variant_type = fields.text(entry, "type")
    if variant_type is not None and variant_type not in VARIANT_TYPES:
        near = suggest(variant_type, VARIANT_TYPES)
        fields.bad_value(
            entry,
            "type",
            f"unknown variant type '{variant_type}'",
            f"did you mean '{near}'?" if near else f"choose one of: {', '.join(VARIANT_TYPES)}",
        )
        variant_type = None
    note = note_text(entry, fields, "note")
    items = fields.mapping_list(entry, "readings")
    readings = tuple(reading for item in items if (reading := _reading(item, problems)) is not None)
    if selector is None or not readings:
        return None
    return VariantsEntry(entry_id, selector, readings, variant_type, note, entry.origin)


def _reading(entry: YMap, problems: list[Diagnostic]) -> ReadingEntry | None:
    """A reading; its ``text`` empty or absent is an omission (the witnesses lack the lemma)."""
    fields = FieldReader(problems, "reading", shape=READING)
    fields.check_keys(entry)
    witnesses = fields.text_list(entry, "witness")
    text = fields.text(entry, "text")
    if not witnesses or (text is None and entry.get("text") is not None and not _is_null(entry.get("text"))):
        return None
    return ReadingEntry(witnesses, text or "", entry.origin)


def _is_null(node: YNode | None) -> bool:
    return isinstance(node, YScalar) and node.value is None


def _cross_reference(entry: YMap, problems: list[Diagnostic]) -> CrossReferenceEntry | None:
    fields = FieldReader(problems, "cross-reference", shape=CROSS_REFERENCE)
    fields.check_keys(entry)
    entry_id = fields.identifier(entry)
    selector = _selector(entry, fields, "cross-reference")
    target = fields.text(entry, "target")
    if selector is None or target is None:
        return None
    target_node = entry.get("target")
    assert target_node is not None
    return CrossReferenceEntry(entry_id, selector, target.strip(), target_node.origin, entry.origin)


def _anchor(entry: YMap, problems: list[Diagnostic]) -> AnchorEntry | None:
    fields = FieldReader(problems, "anchor", shape=ANCHOR)
    fields.check_keys(entry)
    entry_id = fields.identifier(entry)
    selector = _selector(entry, fields, f"anchor '{entry_id}'")
    if entry_id is None or selector is None:
        return None
    return AnchorEntry(entry_id, selector, entry.origin)


def _citation(entry: YMap, problems: list[Diagnostic]) -> CitationEntry | None:
    fields = FieldReader(problems, "citation", shape=CITATION)
    fields.check_keys(entry)
    entry_id = fields.identifier(entry)
    selector = _selector(entry, fields, "citation")
    key = fields.text(entry, "cite")
    locator = fields.text(entry, "locator")
    if selector is None or key is None:
        return None
    key_node = entry.get("cite")
    assert key_node is not None
    return CitationEntry(entry_id, selector, key, key_node.origin, locator, entry.origin)


def _index(entry: YMap, problems: list[Diagnostic]) -> IndexEntryRaw | None:
    fields = FieldReader(problems, "index entry", shape=INDEX_ENTRY)
    fields.check_keys(entry)
    entry_id = fields.identifier(entry)
    heading = fields.text(entry, "heading")
    kind = fields.text(entry, "kind") or "term"
    if kind not in INDEX_KINDS:
        fields.bad_value(
            entry, "kind", f"unknown index kind '{kind}'", f"choose one of: {', '.join(INDEX_KINDS)}"
        )
    forms = fields.text_list(entry, "forms")
    if entry_id is None or heading is None or not forms:
        return None
    return IndexEntryRaw(
        entry_id,
        heading,
        kind,
        forms,
        fields.text(entry, "sort"),
        fields.text_list(entry, "see"),
        entry.origin,
    )


_READERS = {
    "glosses": _gloss,
    "emendations": _emendation,
    "variants": _variants,
    "cross_references": _cross_reference,
    "anchors": _anchor,
    "citations": _citation,
    "index": _index,
}
