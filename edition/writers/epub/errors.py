"""The EPUB writer's error: a model it cannot write (a duplicate id, a link to nothing)."""

from __future__ import annotations

from edition.writers.errors import WriterError


class EpubError(WriterError):
    """The edition cannot be written as an EPUB: an inconsistent model, which means a bug upstream."""
