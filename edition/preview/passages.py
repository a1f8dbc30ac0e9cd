"""Where in the text a problem is: the passage the preview shows it beside.

A problem is located in a source file (``apparatus/glosses.yaml:12:9``). When it lies in an apparatus entry
the last good build knew, the entry's lemma gives the passage; when it lies in the copy-text, the paragraph
that begins at or above its line does. An entry is recognised by where it begins: the list item (``- …``) the
problem's line belongs to, in the file as it is now, must begin on the line where the entry began in the
last good build. After lines were added above it, or for an entry that never built, there is no passage and
the problem is shown only at the top of the page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from edition.diagnostics import Diagnostic
from edition.model import Edition, LemmaSpan, Origin, iter_paragraphs

_ITEM = re.compile(r"^\s*- ")


@dataclass(frozen=True, slots=True)
class Passage:
    href: str  # page#paragraph-id
    label: str  # "§ 12"


def passage_of(
    problem: Diagnostic,
    edition: Edition,
    locations: Mapping[str, str],
    paragraph_sign: str,
) -> Passage | None:
    """The paragraph ``problem`` concerns in the last good build (``edition``, ``locations``), if known."""
    paragraphs = {p.number: p for p in iter_paragraphs(edition.sections) if p.number is not None}
    if problem.path.endswith((".yaml", ".yml")):
        start = _item_start(Path(edition.root) / problem.path, problem.line)
        lemma = next(
            (
                lemma
                for origin, lemma in _entries(edition)
                if origin.path == problem.path and origin.line == start
            ),
            None,
        )
        paragraph = paragraphs.get(lemma.paragraph) if lemma is not None else None
    else:
        above = [
            p for p in paragraphs.values() if p.origin.path == problem.path and p.origin.line <= problem.line
        ]
        paragraph = max(above, key=lambda p: p.origin.line, default=None)
    if paragraph is None or paragraph.element_id is None or paragraph.element_id not in locations:
        return None
    page = locations[paragraph.element_id].partition("#")[0]
    return Passage(f"{page}#{paragraph.element_id}", f"{paragraph_sign}\u00a0{paragraph.number}")


def _entries(edition: Edition) -> Iterator[tuple[Origin, LemmaSpan]]:
    for kind in (
        edition.glosses,
        edition.emendations,
        edition.variants,
        edition.cross_references,
        edition.anchors,
    ):
        for entry in kind:
            yield entry.origin, entry.lemma


def _item_start(path: Path, line: int) -> int | None:
    """The line (1-based) on which the YAML list item holding ``line`` begins, in the file as it is now."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    for number in range(min(line, len(lines)), 0, -1):
        if _ITEM.match(lines[number - 1]):
            return number
    return None
