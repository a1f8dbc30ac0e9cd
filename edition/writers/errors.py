"""The error every writer raises when it cannot produce its output (the CLI reports its diagnostics)."""

from __future__ import annotations

from collections.abc import Iterable

from edition.diagnostics import Diagnostic


class WriterError(Exception):
    """A build that cannot finish: a missing font, a resource outside the edition folder…"""

    def __init__(self, message: str, diagnostics: Iterable[Diagnostic] = ()):
        super().__init__(message)
        self.diagnostics = tuple(diagnostics)
