"""Diagnostics: what is wrong, where, and how to fix it.

The library collects diagnostics and raises :class:`EditionError` with all of them at once; the CLI decides
how to print them and which exit status to use. Codes are stable and documented in docs/diagnostics.md.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Literal

from edition.model import Origin

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Diagnostic:
    path: str
    line: int
    column: int
    severity: Severity
    code: str
    message: str
    hint: str | None = None

    @classmethod
    def at(
        cls, origin: Origin, severity: Severity, code: str, message: str, hint: str | None = None
    ) -> Diagnostic:
        return cls(origin.path, origin.line, origin.column, severity, code, message, hint)

    def format(self) -> str:
        head = visible(
            f"{self.path}:{self.line}:{self.column}: {self.severity}: {self.message} [{self.code}]"
        )
        if not self.hint:
            return head
        hint_lines = [visible(line) for line in self.hint.splitlines()]
        return "\n".join([head, *(f"  hint: {hint_lines[0]}",), *(f"        {h}" for h in hint_lines[1:])])


class EditionError(Exception):
    """Raised when an edition cannot be read or resolved; carries every diagnostic found."""

    def __init__(self, diagnostics: Iterable[Diagnostic]):
        self.diagnostics = tuple(sort_diagnostics(diagnostics))
        shown = "\n".join(d.format() for d in self.diagnostics[:5])
        super().__init__(f"{len(self.diagnostics)} problem(s) in the edition:\n{shown}")


def sort_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """File order, then position: the order an editor fixes things in."""
    return sorted(diagnostics, key=lambda d: (d.path, d.line, d.column, d.code, d.message))


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    return any(d.severity == "error" for d in diagnostics)


def format_text(diagnostics: Iterable[Diagnostic]) -> str:
    return "\n".join(d.format() for d in diagnostics)


def format_json(diagnostics: Iterable[Diagnostic]) -> str:
    shown = [{k: visible(v) if isinstance(v, str) else v for k, v in asdict(d).items()} for d in diagnostics]
    return json.dumps(shown, ensure_ascii=False, indent=2)


# Characters a terminal would act on or hide: controls (ESC starts escape sequences), bidi overrides and
# isolates (which reorder what follows), zero-width and other invisible format characters.
INVISIBLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ud800-\udfff"
    "\ufeff\ufff9-\ufffb\ufffe\uffff]"
)


def visible(text: str) -> str:
    """``text`` with every invisible or control character shown as its code point (``U+200B``)."""
    return INVISIBLE.sub(lambda m: f"U+{ord(m.group()):04X}", text)


def summary(diagnostics: Iterable[Diagnostic]) -> str:
    items = list(diagnostics)
    errors = sum(1 for d in items if d.severity == "error")
    warnings = len(items) - errors
    return f"{errors} error{'s' if errors != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''}"


class SourceProblem(Exception):
    """One file that cannot be read or parsed at all; carries its diagnostics (at least one)."""

    def __init__(self, diagnostic: Diagnostic, *more: Diagnostic):
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic
        self.diagnostics = (diagnostic, *more)
