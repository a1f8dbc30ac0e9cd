"""The error every writer raises when it cannot produce its output (the CLI reports its diagnostics)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from edition.book.dates import DateError
from edition.diagnostics import Diagnostic

if TYPE_CHECKING:
    from edition.book import Book
    from edition.model import Edition


class WriterError(Exception):
    """A build that cannot finish: a missing font, a resource outside the edition folder…"""

    def __init__(self, message: str, diagnostics: Iterable[Diagnostic] = ()):
        super().__init__(message)
        self.diagnostics = tuple(diagnostics)


def book_for_writer(edition: Edition, error: type[WriterError]) -> Book:
    """The book of ``edition`` for a writer; a date that was never checked (a model made without
    ``edition check``) stops the writer with a located ``bad-date`` error of its own type."""
    from edition.book import book_of  # the book layer imports this module's neighbours: import late

    try:
        return book_of(edition)
    except DateError as problem:
        message = f"edition date {problem}"
        raise error(message, [Diagnostic.at(edition.origin, "error", "bad-date", message)]) from None
