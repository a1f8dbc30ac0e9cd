"""The print templates refuse a node kind they have no branch for, instead of leaving it out silently."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from sample_edition import sample_edition

from edition.model import Edition, Essay, Origin, Paragraph, Text
from edition.writers.pdf.templates import UnknownNodeError, environment
from edition.writers.pdf.view import book_view


@dataclass(frozen=True, slots=True)
class Sidebar:
    """A node kind the model does not have (yet)."""

    text: str


def _render(edition: Edition) -> str:
    view = book_view(edition, (), "2026-11-26")
    return environment().get_template("book.html.j2").render(view=view)


def _with_essay(edition: Edition, essay: Essay) -> Edition:
    return replace(edition, front_matter=(*edition.front_matter, essay))


def test_the_sample_renders(tmp_path: Path) -> None:
    assert "<html" in _render(sample_edition(tmp_path))


def test_an_unknown_block_is_an_error(tmp_path: Path) -> None:
    essay = Essay("front-9", "Appendix", (Sidebar("aside"),), Origin("front/x.md"))  # type: ignore[arg-type]
    with pytest.raises(UnknownNodeError, match="Sidebar"):
        _render(_with_essay(sample_edition(tmp_path), essay))


def test_an_unknown_inline_is_an_error(tmp_path: Path) -> None:
    paragraph = Paragraph(None, None, (Text("see "), Sidebar("aside")), Origin("front/x.md"))  # type: ignore[arg-type]
    essay = Essay("front-9", "Appendix", (paragraph,), Origin("front/x.md"))
    with pytest.raises(UnknownNodeError, match="Sidebar"):
        _render(_with_essay(sample_edition(tmp_path), essay))
