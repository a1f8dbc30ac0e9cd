"""The shared HTML layer's error: a model it cannot lay out (a duplicate id, a link to nothing)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from edition.writers.errors import WriterError


class HtmlError(WriterError):
    """The book cannot be laid out as HTML files: an inconsistent model, which means a bug upstream."""


@contextmanager
def reported_as(error: type[WriterError]) -> Iterator[None]:
    """Within the block, an :class:`HtmlError` is raised again as the writer's own ``error``."""
    try:
        yield
    except HtmlError as problem:
        raise error(str(problem), problem.diagnostics) from None
