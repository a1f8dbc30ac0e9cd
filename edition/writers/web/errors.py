"""The web writer's error: a model it cannot write (a node kind the templates do not know, a broken link)."""

from __future__ import annotations

from edition.writers.errors import WriterError


class WebError(WriterError):
    """The edition cannot be written as a web site: an inconsistent model, which means a bug upstream."""
