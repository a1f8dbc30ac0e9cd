"""A model whose date was never checked stops every writer with a located error, not a traceback."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from edition.resolve import load_edition
from edition.writers.epub import build_epub
from edition.writers.errors import WriterError
from edition.writers.tei import build_tei
from edition.writers.web import build_web
from tests.conftest import MINI


@pytest.mark.parametrize("write", [build_epub, build_web, build_tei], ids=["epub", "web", "tei"])
def test_an_impossible_date_is_a_located_bad_date_error(write, tmp_path: Path) -> None:
    edition = load_edition(MINI)
    broken = replace(edition, metadata=replace(edition.metadata, date="2026-13-45"))
    with pytest.raises(WriterError) as caught:
        write(broken, tmp_path)
    (problem,) = caught.value.diagnostics
    assert (problem.path, problem.code, problem.severity) == ("edition.yaml", "bad-date", "error")
    assert "2026-13-45" in problem.message
    assert list(tmp_path.iterdir()) == []  # nothing written
