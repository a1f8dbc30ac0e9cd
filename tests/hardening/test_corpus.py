"""The broken-edition corpus: each mutation gives its diagnostic at its position, and nothing crashes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from edition.diagnostics import INVISIBLE, Diagnostic
from edition.resolve import check_edition
from tests.hardening.corpus import CASES, MINI, Case


def located_inside(root: Path, diagnostic: Diagnostic) -> bool:
    path = Path(diagnostic.path)
    return (
        not path.is_absolute()
        and (root / path).resolve().is_relative_to(root.resolve())
        and diagnostic.line >= 1
        and diagnostic.column >= 1
    )


def test_the_corpus_is_large_and_covers_every_class() -> None:
    assert len(CASES) >= 60
    codes = {case.code for case in CASES}
    for code in ("yaml-value", "yaml-tag", "illegal-character", "out-of-range", "not-a-file", "unsafe-link"):
        assert code in codes


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_broken_edition(case: Case, tmp_path: Path) -> None:
    root = tmp_path / "mini"
    shutil.copytree(MINI, root)
    case.mutate(root)
    diagnostics = check_edition(root).diagnostics
    found = [(d.code, d.path, d.line, d.column) for d in diagnostics]
    assert (case.code, case.path, case.line, case.column) in found, found
    assert not [d for d in diagnostics if d.code in case.absent], found
    assert all(located_inside(root, d) for d in diagnostics), found
    # What the terminal is shown carries no raw control, bidi or zero-width character.
    assert not any(INVISIBLE.search(d.format()) for d in diagnostics)
