"""Read → resolve: from an edition folder to one immutable ``Edition``, collecting every problem.

This is the only stage that looks things up (lemmas in the text, ids, citation keys, the CSL style); the
writers receive the finished model. The work is a sequence of passes (edition/resolution/), each taking
the results of the ones before; ``resolve`` runs them in order.
"""

from __future__ import annotations

import gc
import logging
from dataclasses import dataclass
from pathlib import Path

from edition.check_cache import CheckCache, Reads
from edition.config import EditionConfig, read_config
from edition.diagnostics import Diagnostic, EditionError, has_errors
from edition.heading_lemmas import CopyText, copy_text_headings
from edition.model import Edition, Origin
from edition.passages import passage_ends
from edition.resolution import back
from edition.resolution.anchored import anchor_apparatus
from edition.resolution.citing import Citer
from edition.resolution.entries import resolve_entries
from edition.resolution.inputs import read_inputs
from edition.resolution.notes import NoteRenderer
from edition.resolution.numbering import HeadingIds, number_paragraphs
from edition.resolution.overlays import CopyTextInlines, overlays_of
from edition.resolution.sections import build_footnotes, build_sections
from edition.resolution.targets import register_entry_targets, register_text_targets
from edition.targets import TargetTable
from edition.textfile import edition_too_large
from edition.typography import RULES

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class CheckResult:
    edition: Edition | None
    diagnostics: tuple[Diagnostic, ...]


def load_edition(root: Path) -> Edition:
    """Resolve the edition in ``root``; raise EditionError if there is any error (warnings are kept)."""
    result = check_edition(root)
    if result.edition is None:
        raise EditionError(result.diagnostics)
    return result.edition


def check_edition(root: Path, cache: CheckCache | None = None) -> CheckResult:
    """Read and resolve everything, reporting every problem found in one run.

    ``cache``, kept by the caller from one check to the next (the preview), spares re-reading and
    re-resolving what did not change (``edition.check_cache``); the result is the same without it.
    """
    # Resolution allocates many small immutable objects and frees none: the cyclic GC's repeated full
    # scans would make it superlinear, so it is paused for the run (reference counting still frees).
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _check(root, cache if cache is not None else Reads())
    finally:
        if enabled:
            gc.enable()


def _check(root: Path, reads: Reads) -> CheckResult:
    reads.next_check()
    problems: list[Diagnostic] = []
    config_path = root / "edition.yaml"
    if not (config_path.exists() or config_path.is_symlink()):  # anything else is reported when it is read
        problems.append(
            Diagnostic(
                "edition.yaml",
                1,
                1,
                "error",
                "missing-file",
                f"no edition.yaml in {root}",
                "name an edition folder (one that has edition.yaml)",
            )
        )
        return CheckResult(None, tuple(problems))
    config = read_config(root, problems)
    if config is None:
        return CheckResult(None, tuple(problems))
    too_large = edition_too_large(root, _named_files(config))
    if too_large is not None:
        return CheckResult(None, (*problems, too_large))
    edition = resolve(config, problems, reads)
    if has_errors(problems):
        return CheckResult(None, tuple(problems))
    return CheckResult(edition, tuple(problems))


def _named_files(config: EditionConfig) -> list[tuple[str, Origin]]:
    files = [(ref.path, ref.origin) for ref in (*config.text, *config.apparatus)]
    files += [(ref.path, ref.origin) for ref in config.front_matter]
    if config.bibliography is not None:
        files.append((config.bibliography.path, config.bibliography.origin))
    return files


def resolve(config: EditionConfig, problems: list[Diagnostic], reads: Reads | None = None) -> Edition:
    """Every pass in order; each problem found goes to ``problems`` (the Edition is only trusted when none
    of them is an error). ``reads`` reads the files and does the pure steps (a ``CheckCache`` remembers)."""
    reads = reads or Reads()
    inputs = read_inputs(config, problems, reads)
    citer = Citer(config, inputs.bibliography, problems, reads)
    text = inputs.text_blocks
    numbering = number_paragraphs(text, inputs.footnotes)
    copy_text = CopyText(
        numbering.text_index(reads),
        copy_text_headings(text, numbering.number_of),
        passage_ends(text, numbering.number_of, len(numbering.paragraphs)),
    )
    targets = TargetTable(problems)
    register_text_targets(targets, numbering, text, inputs.footnotes)

    # A copy-text file that could not be read would make every lemma in it "not found": report the
    # cause alone (it is already in problems) and one note of what was left unchecked.
    text_checked = inputs.text_complete and bool(config.text)
    lemma_problems: list[Diagnostic] = problems if text_checked else []
    anchored = anchor_apparatus(inputs.apparatus, copy_text, lemma_problems)
    register_entry_targets(targets, anchored)

    # The same typography for the copy-text and the editor's own prose (notes, front matter).
    rules = reads.rules(tuple(RULES[name] for name in config.typography))
    language = config.metadata.language  # the rules follow it (quotation marks), and spans switch it
    heading_ids = HeadingIds()
    notes = NoteRenderer(
        targets=targets,
        citer=citer,
        rules=rules,
        language=language,
        heading_ids=heading_ids,
        problems=problems,
        reads=reads,
    )
    entries = resolve_entries(
        anchored,
        copy_text,
        config.metadata.witnesses,
        notes=notes,
        citer=citer,
        targets=targets,
        problems=problems,
        index_problems=lemma_problems,
    )
    inlines = CopyTextInlines(numbering, copy_text, overlays_of(entries), rules, language)
    sections = build_sections(text, inlines, numbering, heading_ids, problems)
    footnotes = build_footnotes(inputs.footnotes, inlines, numbering, heading_ids)
    front = back.front_matter(config, notes, problems, reads)
    people = back.contributor_notes(config, notes)
    bibliography = back.bibliography(config, citer, problems)
    return Edition(
        name=config.name,
        root=str(config.root),
        metadata=config.metadata,
        style=config.style,
        front_matter=front,
        sections=sections,
        footnotes=footnotes,
        glosses=entries.glosses,
        emendations=entries.emendations,
        cross_references=entries.cross_references,
        anchors=entries.anchors,
        citations=citer.citations,
        index=entries.index,
        bibliography=bibliography,
        normalisations=tuple(rule.description for rule in rules) + config.normalisations,
        labels=config.labels,
        origin=Origin("edition.yaml"),
        variants=entries.variants,
        contributor_notes=people,
    )
