"""The multi-witness edition in source/gettysburg: clean, its apparatus answers the witnesses, it builds."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from edition.cli import main
from edition.collation.command import collate
from edition.resolve import check_edition

SOURCE = Path(__file__).parent.parent / "source" / "gettysburg"


def test_checks_clean_with_three_witnesses() -> None:
    result = check_edition(SOURCE)
    assert result.diagnostics == ()
    assert result.edition is not None
    assert [w.siglum for w in result.edition.metadata.witnesses] == ["Bl", "N", "H"]
    variants = result.edition.variants
    assert len(variants) >= 20
    cited = {s for v in variants for r in v.readings for s in r.witnesses}
    assert cited == {"N", "H"}
    under_god = next(v for v in variants if v.lemma.text == "under God")
    assert [(r.witnesses, r.text) for r in under_god.readings] == [(("N", "H"), "")]


def test_recollating_hay_adds_nothing(tmp_path: Path) -> None:
    root = tmp_path / "gettysburg"
    shutil.copytree(SOURCE, root)
    before = (root / "apparatus" / "variants.yaml").read_text(encoding="utf-8")
    report = collate(root, root / "witnesses" / "hay.txt", "H")
    assert (report.merge.added, report.merge.changed, report.merge.stale) == ((), (), ())
    assert (root / "apparatus" / "variants.yaml").read_text(encoding="utf-8") == before


def test_recollating_nicolay_adds_nothing(tmp_path: Path) -> None:
    """The transcription's line-end hyphens ("rest- ing", "dedica-ted") are declared insignificant."""
    root = tmp_path / "gettysburg"
    shutil.copytree(SOURCE, root)
    before = (root / "apparatus" / "variants.yaml").read_text(encoding="utf-8")
    report = collate(root, root / "witnesses" / "nicolay.txt", "N")
    assert (report.merge.added, report.merge.changed, report.merge.stale) == ((), (), ())
    assert len(report.merge.kept) >= 15
    assert (root / "apparatus" / "variants.yaml").read_text(encoding="utf-8") == before


def test_without_the_hyphen_setting_the_line_end_hyphens_come_back(tmp_path: Path) -> None:
    root = tmp_path / "gettysburg"
    shutil.copytree(SOURCE, root)
    config = root / "edition.yaml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("[punctuation, line-end-hyphens]", "[punctuation]"), "utf-8")
    report = collate(root, root / "witnesses" / "nicolay.txt", "N")
    assert sorted(p.reading for p in report.merge.added) == [
        "de-votion",
        "free-dom",
        "in-creased",
        "per-ish",
        "rest- ing",
    ]
    assert [p.reading for p, _entry in report.merge.changed] == ["dedica-ted"]


@pytest.mark.slow
def test_builds_pdf_and_epub(tmp_path: Path) -> None:
    assert main(["build", str(SOURCE), "--build-dir", str(tmp_path), "-q"]) == 0
    assert {p.name for p in tmp_path.iterdir()} >= {"gettysburg.pdf", "gettysburg.epub"}
