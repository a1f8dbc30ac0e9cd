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


def test_recollating_nicolay_proposes_only_the_deleted_hyphenations(tmp_path: Path) -> None:
    """Deleted drafts are not remembered (docs/collation.md): exactly the five line-end hyphens return.

    N's "battle field" was added by hand (collation, ignoring punctuation, reads the hyphen as a space):
    collate reports it as stale, one it no longer proposes, and leaves it in the file.
    """
    root = tmp_path / "gettysburg"
    shutil.copytree(SOURCE, root)
    report = collate(root, root / "witnesses" / "nicolay.txt", "N")
    assert sorted(p.reading for p in report.merge.added) == [
        "de-votion",
        "free-dom",
        "in-creased",
        "per-ish",
        "rest- ing",
    ]
    assert report.merge.changed == ()
    assert [entry.selector.lemma for entry in report.merge.stale] == ["battle-field"]
    assert "battle field" in (root / "apparatus" / "variants.yaml").read_text(encoding="utf-8")


@pytest.mark.slow
def test_builds_pdf_and_epub(tmp_path: Path) -> None:
    assert main(["build", str(SOURCE), "--build-dir", str(tmp_path), "-q"]) == 0
    assert {p.name for p in tmp_path.iterdir()} >= {"gettysburg.pdf", "gettysburg.epub"}
