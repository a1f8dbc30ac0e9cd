"""The read pass: every file the edition names, read and parsed once, its problems collected."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from edition import apparatus as app
from edition.bibliography import CslItem
from edition.check_cache import Reads
from edition.config import EditionConfig
from edition.diagnostics import Diagnostic, SourceProblem, has_errors
from edition.markdown import RawBlock, RawDocument, RawFootnote
from edition.model import Origin
from edition.textfile import as_named_in_config, read_text_file


@dataclass(frozen=True, slots=True)
class BibliographyInput:
    items: Mapping[str, CslItem]  # by key, in file order
    # The file could not be read as a whole: its error is the cause, and every citation would only repeat
    # it, so citations of keys it lacks are not reported.
    unread: bool


@dataclass(frozen=True, slots=True)
class Inputs:
    documents: tuple[RawDocument | None, ...]  # one per copy-text file; None where it could not be read
    apparatus: app.Apparatus
    bibliography: BibliographyInput | None  # None: the edition names no bibliography

    @property
    def text_blocks(self) -> tuple[RawBlock, ...]:
        return tuple(block for doc in self.documents if doc for block in doc.blocks)

    @property
    def footnotes(self) -> tuple[RawFootnote, ...]:
        return tuple(fn for doc in self.documents if doc for fn in doc.footnotes)

    @property
    def text_complete(self) -> bool:
        """Every copy-text file was read: only then is a lemma that is not found worth reporting."""
        return all(doc is not None for doc in self.documents)


def read_inputs(config: EditionConfig, problems: list[Diagnostic], reads: Reads) -> Inputs:
    documents = tuple(
        _copy_text(config.root, ref.path, ref.origin, n, problems, reads)
        for n, ref in enumerate(config.text, 1)
    )
    apparatus = reads.read_apparatus(
        config.root, [(ref.path, ref.origin) for ref in config.apparatus], problems
    )
    bibliography = None
    if config.bibliography is not None:
        first = len(problems)
        items = reads.read_bibliography(
            config.root, config.bibliography.path, config.bibliography.origin, problems
        )
        unread = not items and has_errors(problems[first:])
        if unread:
            annotate(problems, first, "citations are checked once the bibliography can be read")
        bibliography = BibliographyInput({item.key: item for item in items}, unread)
    return Inputs(documents, apparatus, bibliography)


def read_markdown(
    root: Path,
    relpath: str,
    origin: Origin,
    problems: list[Diagnostic],
    *,
    note_markup: bool,
    footnote_prefix: str = "fn-",
    reads: Reads,
) -> RawDocument | None:
    """A Markdown file named in edition.yaml at ``origin``; None (and its problems) if it cannot be read."""
    try:
        text = read_text_file(root, relpath)
    except SourceProblem as problem:
        problems.extend(as_named_in_config(d, relpath, origin) for d in problem.diagnostics)
        return None
    return reads.parse_markdown(
        text, relpath, note_markup=note_markup, problems=problems, footnote_prefix=footnote_prefix
    )


def annotate(problems: list[Diagnostic], first: int, note: str) -> None:
    """Add ``note`` to the hints of the diagnostics from ``first`` on (what waits for them)."""
    problems[first:] = [
        replace(d, hint=f"{d.hint}\n({note})" if d.hint else f"({note})") for d in problems[first:]
    ]


def _copy_text(
    root: Path, relpath: str, origin: Origin, number: int, problems: list[Diagnostic], reads: Reads
) -> RawDocument | None:
    """The ``number``-th copy-text file; if it cannot be read, its diagnostics say the lemmas wait for it.

    Its footnote labels are its own: the first file's notes are ``fn-1`` …, the second's ``fn-2-1`` …
    """
    first = len(problems)
    prefix = "fn-" if number == 1 else f"fn-{number}-"
    document = read_markdown(
        root, relpath, origin, problems, note_markup=False, footnote_prefix=prefix, reads=reads
    )
    if document is None:
        annotate(problems, first, "lemmas are checked against the text once it can be read")
    return document
