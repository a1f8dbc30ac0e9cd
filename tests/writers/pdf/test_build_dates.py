"""A model whose date was never checked is refused by the PDF writer with a located error, not a crash."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from sample_edition import sample_edition

from edition.writers.pdf.build import build_pdf
from edition.writers.pdf.errors import PdfBuildError


def test_an_unchecked_bad_date_is_a_located_error(tmp_path: Path) -> None:
    edition = sample_edition(tmp_path / "sample")
    edition = replace(edition, metadata=replace(edition.metadata, date="26 Nov 2026"))
    with pytest.raises(PdfBuildError) as raised:
        build_pdf(edition, tmp_path / "out")
    assert [(d.code, d.path) for d in raised.value.diagnostics] == [("bad-date", "edition.yaml")]
    assert not any((tmp_path / "out").glob("*.pdf"))
