"""The one exception the PDF writer raises: the build cannot produce a correct print file."""

from __future__ import annotations

from collections.abc import Iterable

from edition.diagnostics import Diagnostic
from edition.writers.errors import WriterError


class PdfBuildError(WriterError):
    """A missing font, a resource outside the edition folder, a fallback font in the output …

    Carries every diagnostic so the CLI can print them like the reader's own.
    """

    def __init__(self, diagnostics: Iterable[Diagnostic]):
        diagnostics = tuple(diagnostics)
        super().__init__("; ".join(d.message for d in diagnostics) or "PDF build failed", diagnostics)
