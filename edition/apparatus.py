"""Reading apparatus YAML files into unresolved entries (selectors not yet matched against the text)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from edition.anchoring import Selector
from edition.diagnostics import Diagnostic, SourceProblem
from edition.fields import FieldReader, suggest
from edition.model import Origin
from edition.textfile import as_named_in_config
from edition.yamlload import YMap, YScalar, load_yaml_file

SECTIONS = ("glosses", "emendations", "variants", "cross_references", "anchors", "citations", "index")
SELECTOR_KEYS = ("lemma", "from", "to", "occurrence", "before", "after")
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
    collected: dict[str, list[object]] = {name: [] for name in SECTIONS}
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
                    f"start the file with one of: {', '.join(SECTIONS)}",
                )
            )
            continue
        file_fields = FieldReader(problems, f"apparatus file {relpath}", SECTIONS)
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
    return Selector(lemma, start, end, occurrence, before, after, origin)


def _note(entry: YMap, fields: FieldReader, name: str, *, required: bool) -> NoteText | None:
    text = fields.text(entry, name, required=required)
    node = entry.get(name)
    if text is None or node is None:
        return None
    assert isinstance(node, YScalar)
    # A block scalar ('|' or '>') starts on the line after its indicator.
    offset = node.origin.line if node.block_style else node.origin.line - 1
    column = entry.origin.column + 2 if node.block_style else node.origin.column
    return NoteText(text, Origin(node.origin.path, offset + 1, column), offset)


def _gloss(entry: YMap, problems: list[Diagnostic]) -> GlossEntry | None:
    fields = FieldReader(problems, "gloss", ("id", "note", *SELECTOR_KEYS))
    fields.check_keys(entry)
    entry_id = fields.identifier(entry)
    selector = _selector(entry, fields, f"gloss '{entry_id}'")
    note = _note(entry, fields, "note", required=True)
    if entry_id is None or selector is None or note is None:
        return None
    return GlossEntry(entry_id, selector, note, entry.origin)


def _emendation(entry: YMap, problems: list[Diagnostic]) -> EmendationEntry | None:
    fields = FieldReader(
        problems, "emendation", ("id", "reading", "witness", "conjecture", "note", *SELECTOR_KEYS)
    )
    fields.check_keys(entry)
    entry_id = fields.identifier(entry)
    selector = _selector(entry, fields, f"emendation '{entry_id}'")
    reading = fields.text(entry, "reading", required=True)
    witness = fields.text(entry, "witness")
    conjecture = fields.boolean(entry, "conjecture")
    note = _note(entry, fields, "note", required=False)
    if entry_id is None or selector is None or reading is None:
        return None
    return EmendationEntry(
        entry_id, selector, reading, witness, entry.key_origin("witness"), conjecture, note, entry.origin
    )


def _variants(entry: YMap, problems: list[Diagnostic]) -> VariantsEntry | None:
    fields = FieldReader(problems, "variants entry", ("id", "readings", "type", "note", *SELECTOR_KEYS))
    fields.check_keys(entry)
    entry_id = fields.identifier(entry, required=False)
    label = f"variants entry '{entry_id}'" if entry_id else "variants entry"
    selector = _selector(entry, fields, label)
    variant_type = fields.text(entry, "type")
    if variant_type is not None and variant_type not in VARIANT_TYPES:
        node = entry.get("type")
        assert node is not None
        near = suggest(variant_type, VARIANT_TYPES)
        problems.append(
            Diagnostic.at(
                node.origin,
                "error",
                "bad-value",
                f"unknown variant type '{variant_type}'",
                f"did you mean '{near}'?" if near else f"choose one of: {', '.join(VARIANT_TYPES)}",
            )
        )
        variant_type = None
    note = _note(entry, fields, "note", required=False)
    readings = tuple(
        reading
        for item in fields.mapping_list(entry, "readings", required=True)
        if (reading := _reading(item, problems)) is not None
    )
    if selector is None or not readings:
        return None
    return VariantsEntry(entry_id, selector, readings, variant_type, note, entry.origin)


def _reading(entry: YMap, problems: list[Diagnostic]) -> ReadingEntry | None:
    fields = FieldReader(problems, "reading", ("witness", "text"))
    fields.check_keys(entry)
    witnesses = fields.text_list(entry, "witness", required=True)
    text_node = entry.get("text")
    if text_node is None:
        problems.append(
            Diagnostic.at(
                entry.origin,
                "error",
                "missing-field",
                "reading is missing the field 'text'",
                "add 'text: …' (the witness's words; text: \"\" when the witness omits the lemma)",
            )
        )
        return None
    if isinstance(text_node, YScalar) and text_node.value is None:
        text = ""
    else:
        found = fields.text(entry, "text")
        if found is None:
            return None
        text = found
    if not witnesses:
        return None
    return ReadingEntry(witnesses, text, entry.origin)


def _cross_reference(entry: YMap, problems: list[Diagnostic]) -> CrossReferenceEntry | None:
    fields = FieldReader(problems, "cross-reference", ("id", "target", *SELECTOR_KEYS))
    fields.check_keys(entry)
    entry_id = fields.identifier(entry, required=False)
    selector = _selector(entry, fields, "cross-reference")
    target = fields.text(entry, "target", required=True)
    if selector is None or target is None:
        return None
    target_node = entry.get("target")
    assert target_node is not None
    return CrossReferenceEntry(entry_id, selector, target.strip(), target_node.origin, entry.origin)


def _anchor(entry: YMap, problems: list[Diagnostic]) -> AnchorEntry | None:
    fields = FieldReader(problems, "anchor", ("id", *SELECTOR_KEYS))
    fields.check_keys(entry)
    entry_id = fields.identifier(entry)
    selector = _selector(entry, fields, f"anchor '{entry_id}'")
    if entry_id is None or selector is None:
        return None
    return AnchorEntry(entry_id, selector, entry.origin)


def _citation(entry: YMap, problems: list[Diagnostic]) -> CitationEntry | None:
    fields = FieldReader(problems, "citation", ("id", "cite", "locator", *SELECTOR_KEYS))
    fields.check_keys(entry)
    entry_id = fields.identifier(entry, required=False)
    selector = _selector(entry, fields, "citation")
    key = fields.text(entry, "cite", required=True)
    locator = fields.text(entry, "locator")
    if selector is None or key is None:
        return None
    key_node = entry.get("cite")
    assert key_node is not None
    return CitationEntry(entry_id, selector, key, key_node.origin, locator, entry.origin)


def _index(entry: YMap, problems: list[Diagnostic]) -> IndexEntryRaw | None:
    fields = FieldReader(problems, "index entry", ("id", "heading", "kind", "forms", "sort", "see"))
    fields.check_keys(entry)
    entry_id = fields.identifier(entry)
    heading = fields.text(entry, "heading", required=True)
    kind = fields.text(entry, "kind") or "term"
    if kind not in INDEX_KINDS:
        node = entry.get("kind")
        assert node is not None
        problems.append(
            Diagnostic.at(
                node.origin,
                "error",
                "bad-value",
                f"unknown index kind '{kind}'",
                f"choose one of: {', '.join(INDEX_KINDS)}",
            )
        )
    forms = fields.text_list(entry, "forms", required=True)
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
