"""The Jinja environment the XHTML (EPUB) and HTML (web) writers share: the same macros' helpers.

Both render the model's nodes through templates that dispatch on ``kind(node)`` and stop the build with
``fail(message)`` on anything they cannot render; only the error type (the writer's own) differs.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NoReturn

import jinja2

from edition.writers.html.flow import unnest
from edition.writers.html.walk import gloss_ref_id, textual_note_id, variant_reading_id

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
_WEB = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def is_web(href: str) -> bool:
    """Only absolute URLs become links: a relative href would point into the book or site at nothing."""
    return bool(_WEB.match(href))


def markup_environment(error: type[Exception]) -> jinja2.Environment:
    """A fresh environment over edition/templates whose ``fail`` raises ``error``."""

    def fail(message: str) -> NoReturn:
        raise error(message)

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals.update(
        kind=lambda node: type(node).__name__,
        fail=fail,
        is_web=is_web,
        unnest=unnest,
        gloss_ref_id=gloss_ref_id,
        textual_note_id=textual_note_id,
        variant_reading_id=variant_reading_id,
    )
    return env
