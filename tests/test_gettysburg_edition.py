"""The multi-witness edition in source/gettysburg: clean, its apparatus answers the witnesses, it builds."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from edition.cli import main
from edition.collation.command import collate
from edition.resolve import check_edition
from tests.writers.epub.epub_lint import epubcheck, epubcheck_problems

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
def test_builds_and_the_epub_lists_the_variants_the_print_sets_at_the_foot(tmp_path: Path) -> None:
    """Print has the variants at the foot of the page; the EPUB, without pages, lists every one at the end."""
    assert main(["build", str(SOURCE), "--build-dir", str(tmp_path), "-q"]) == 0
    names = {p.name for p in tmp_path.iterdir()}
    assert names >= {"gettysburg.pdf", "gettysburg-screen.pdf", "gettysburg.epub", "gettysburg.tei.xml"}
    edition = check_edition(SOURCE).edition
    assert edition is not None
    with zipfile.ZipFile(tmp_path / "gettysburg.epub") as book:
        listing = book.read("EPUB/variant-readings.xhtml").decode("utf-8")
        nav = book.read("EPUB/nav.xhtml").decode("utf-8")
    assert listing.count("<li ") == len(edition.variants)
    assert 'href="variant-readings.xhtml"' in nav
    printed = "".join(_pdf_text(tmp_path / "gettysburg.pdf").split()).casefold()  # letter-spaced titles too
    assert "variantreadings" not in printed and "noteonthetext" in printed  # no division at the back
    assert epubcheck_problems(epubcheck(tmp_path / "gettysburg.epub")) == []


def _pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
