"""``edition collate``: align one witness with the copy-text and add draft variants to an apparatus file."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from edition import apparatus as app
from edition.anchoring import TextIndex
from edition.blocks import raw_paragraphs
from edition.collation.align import Proposal, align
from edition.collation.merge import Merge, merge
from edition.collation.selectors import selector_for
from edition.collation.tokens import Keys, join_line_end_hyphens, tokenize
from edition.collation.yamlwrite import DraftEntry, add_entries
from edition.config import EditionConfig, read_config
from edition.diagnostics import Diagnostic, EditionError, SourceProblem, has_errors
from edition.markdown import parse_markdown
from edition.model import Origin
from edition.resolution.anchored import Placed
from edition.textfile import read_text_file

DEFAULT_INTO = "apparatus/variants.yaml"


@dataclass(frozen=True, slots=True)
class CollateReport:
    into: str
    merge: Merge
    unanchored: tuple[Proposal, ...]
    warnings: tuple[Diagnostic, ...]


def copy_text_index(config: EditionConfig, problems: list[Diagnostic]) -> TextIndex:
    """The copy-text's paragraphs numbered as ``edition check`` numbers them (text, then authorial notes)."""
    texts: list[str] = []
    notes: list[str] = []
    for ref in config.text:
        try:
            source = read_text_file(config.root, ref.path)
        except SourceProblem as problem:
            problems.extend(problem.diagnostics)
            continue
        document = parse_markdown(source, ref.path, note_markup=False, problems=problems)
        texts.extend(p.text for p in raw_paragraphs(document.blocks))
        for footnote in document.footnotes:
            notes.extend(p.text for p in raw_paragraphs(footnote.blocks))
    return TextIndex(list(enumerate([*texts, *notes], 1)))


def witness_paragraphs(path: Path, problems: list[Diagnostic]) -> list[str]:
    """A witness file's paragraphs: Markdown (``.md``) is parsed; plain text is split at blank lines."""
    try:
        source = read_text_file(path.parent, path.name)
    except SourceProblem as problem:
        problems.extend(problem.diagnostics)
        return []
    if path.suffix.lower() in (".md", ".markdown"):
        document = parse_markdown(source, str(path), note_markup=False, problems=problems)
        texts = [p.text for p in raw_paragraphs(document.blocks)]
        for footnote in document.footnotes:
            texts.extend(p.text for p in raw_paragraphs(footnote.blocks))
        return texts
    return [" ".join(block.split()) for block in source.split("\n\n") if block.strip()]


def collate(root: Path, witness: Path, siglum: str, into: str = DEFAULT_INTO) -> CollateReport:
    """Collate and write; raise EditionError (nothing written) on any error."""
    problems: list[Diagnostic] = []
    config = read_config(root, problems)
    if config is None or has_errors(problems):
        raise EditionError(tuple(problems))
    sigla = [w.siglum for w in config.metadata.witnesses]
    if siglum not in sigla[1:]:
        problems.append(
            Diagnostic(
                "edition.yaml",
                1,
                1,
                "error",
                "unknown-witness",
                f"'{siglum}' is the copy-text's siglum"
                if sigla and siglum == sigla[0]
                else f"unknown witness siglum '{siglum}'",
                f"declare the witness under 'witnesses:' (after the copy-text); declared: {', '.join(sigla)}",
            )
        )
    index = copy_text_index(config, problems)
    witness_texts = witness_paragraphs(witness, problems)
    target = (root / into).resolve()
    if not target.is_relative_to(root.resolve()):
        problems.append(
            Diagnostic(
                "edition.yaml", 1, 1, "error", "outside-edition", f"'{into}' is outside the edition", None
            )
        )
    existing_text = target.read_text(encoding="utf-8") if target.is_file() else None
    existing = app.read_apparatus(root, [(into, Origin("edition.yaml"))], problems) if existing_text else None
    if has_errors(problems):
        raise EditionError(tuple(problems))

    keys = Keys(config.collation)
    copy_tokens = tokenize(index.originals, config.collation)
    if config.collation.ignore_line_end_hyphens:
        witness_texts = join_line_end_hyphens(witness_texts, index.originals)
    witness_tokens = tokenize(witness_texts, config.collation)
    proposals = align(copy_tokens, index.originals, witness_tokens, witness_texts, keys)

    entries = existing.variants if existing else ()
    ignored: list[Diagnostic] = []  # an entry that no longer resolves is reported as stale, not as an error
    placed = [Placed(entry, index.resolve(entry.selector, "variants entry", ignored)) for entry in entries]
    merged = merge(proposals, placed, siglum)

    drafts, unanchored = [], []
    for proposal in merged.added:
        drafted = selector_for(index, proposal.span)
        if drafted is None:
            unanchored.append(proposal)
        else:
            drafts.append(DraftEntry(drafted, proposal.type, siglum, proposal.reading))
    comment = f"drafted by edition collate from {witness.name} ({siglum}): curate these entries"
    new_text = add_entries(existing_text, into, drafts, comment)
    if drafts:
        _write_atomically(target, new_text)
    in_config = any(ref.path == into for ref in config.apparatus)
    warnings = [] if in_config or not drafts else [_not_listed(into)]
    warnings += [_changed(p, e, siglum) for p, e in merged.changed]
    warnings += [_stale(e, siglum) for e in merged.stale]
    return CollateReport(into, merged, tuple(unanchored), tuple(warnings))


def _write_atomically(target: Path, text: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _not_listed(into: str) -> Diagnostic:
    return Diagnostic(
        "edition.yaml",
        1,
        1,
        "warning",
        "collate-file-not-listed",
        f"'{into}' is not listed under 'apparatus:', so edition check does not read it",
        f"add '{into}' to the apparatus list in edition.yaml",
    )


def _changed(proposal: Proposal, entry: app.VariantsEntry, siglum: str) -> Diagnostic:
    return Diagnostic.at(
        entry.selector.origin,
        "warning",
        "collate-changed",
        f"the witness {siglum} now reads '{proposal.reading}' here; the entry is left as it is",
        "update the reading if the witness's file is right",
    )


def _stale(entry: app.VariantsEntry, siglum: str) -> Diagnostic:
    return Diagnostic.at(
        entry.selector.origin,
        "warning",
        "collate-stale",
        f"the witness {siglum} no longer differs from the copy-text at '{entry.selector.quoted}' "
        "(or the lemma no longer resolves); the entry is left as it is",
        "remove the reading of this witness if the collation is right",
    )
