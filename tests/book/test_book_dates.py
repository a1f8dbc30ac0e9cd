"""One date parser for checker and writers; every date the checker accepts builds in every format."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from edition.book.dates import DateError, EditionDate, date_parts, is_date, parse_date
from edition.book.labels import ENGLISH


def test_the_three_forms_are_read() -> None:
    assert parse_date("2026-11-26") == EditionDate(2026, 11, 26)
    assert parse_date("2004-07") == EditionDate(2004, 7)
    assert parse_date("1936") == EditionDate(1936)


@pytest.mark.parametrize(
    "text", ["26 Nov 2026", "2026-02-30", "2026-13", "0000", "2026-1-5", " 2026", "2026\n", ""]
)
def test_anything_else_is_refused(text: str) -> None:
    with pytest.raises(DateError):
        parse_date(text)
    assert not is_date(text)


def test_long_form_as_a_book_prints_it() -> None:
    assert parse_date("2026-11-26").long(ENGLISH.months) == "26 November 2026"
    assert parse_date("2004-07").long(ENGLISH.months) == "July 2004"
    assert parse_date("2004").long(ENGLISH.months) == "2004"


def test_epoch_seconds_are_never_negative() -> None:
    assert parse_date("1970-01-02").epoch_seconds() == 86400
    assert parse_date("1850").epoch_seconds() == 0
    assert parse_date("2026-11-26").epoch_seconds() == 1795651200  # date -u -d 2026-11-26 +%s


def test_csl_date_parts() -> None:
    assert date_parts("2004-07") == (2004, 7)
    assert date_parts("summer") is None


def _edition(mini: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "edition.cli", *args], capture_output=True, text=True, check=False, cwd=mini
    )


@pytest.mark.slow
@pytest.mark.parametrize("date", ["0001-01-01", "1850-07", "9999-12-31"])
def test_a_date_the_check_accepts_builds_pdf_and_epub(mini: Path, tmp_path: Path, date: str) -> None:
    config = mini / "edition.yaml"
    config.write_text(
        config.read_text(encoding="utf-8").replace('date: "2026-11-26"', f'date: "{date}"'), encoding="utf-8"
    )
    checked = _edition(mini, "check", str(mini))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    built = _edition(mini, "build", str(mini), "--build-dir", str(tmp_path / "out"))
    assert built.returncode == 0, built.stdout + built.stderr
    assert "Traceback" not in built.stderr
    assert {p.name for p in (tmp_path / "out").iterdir()} >= {"mini.pdf", "mini-screen.pdf", "mini.epub"}


def test_csl_date_parts_name_a_real_day() -> None:
    from edition.book.dates import is_date_parts

    assert is_date_parts([2004]) and is_date_parts([2004, 7]) and is_date_parts([1937, 2, 28])
    assert not is_date_parts([1937, 2, 30])
    assert not is_date_parts([0])
    assert not is_date_parts([])
    assert not is_date_parts([2004, 1, 1, 1])
