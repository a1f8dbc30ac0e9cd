"""The command line: exit statuses, text and JSON output, --strict, and no tracebacks on bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from edition.cli import main


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "edition.cli", *args], capture_output=True, text=True, timeout=120
    )


def test_check_clean_edition_exits_zero(mini: Path, capsys) -> None:
    assert main(["check", str(mini)]) == 0
    assert "0 errors, 0 warnings" in capsys.readouterr().err


def test_check_reports_errors_with_position_and_exits_one(mini: Path) -> None:
    (mini / "apparatus/glosses.yaml").write_text(
        "glosses:\n  - id: a\n    lemma: nowhere at all\n    note: x\n"
    )
    result = run("check", str(mini))
    assert result.returncode == 1
    assert (
        "apparatus/glosses.yaml:3:12: error: gloss 'a': 'nowhere at all' does not occur in the text"
        " [lemma-not-found]" in result.stderr
    )
    assert "Traceback" not in result.stderr


def test_json_format_for_tools(mini: Path, capsys) -> None:
    (mini / "apparatus/glosses.yaml").write_text("glosses:\n  - id: a\n    lemma: policeman\n    note: x\n")
    assert main(["check", "--format", "json", str(mini)]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data[0]["code"] == "lemma-ambiguous"
    assert data[0]["line"] == 3 and data[0]["path"] == "apparatus/glosses.yaml"


def test_strict_fails_on_warnings(mini: Path) -> None:
    text = (mini / "edition.yaml").read_text().replace("further_reading: [cliff-1974]\n", "")
    (mini / "edition.yaml").write_text(text)
    assert main(["check", str(mini)]) == 0
    assert main(["check", "--strict", str(mini)]) == 1


def test_usage_errors_exit_two(tmp_path: Path) -> None:
    assert run("check", str(tmp_path / "missing")).returncode == 2
    assert run("frobnicate").returncode == 2


def test_folder_without_edition_yaml(tmp_path: Path) -> None:
    result = run("check", str(tmp_path))
    assert result.returncode == 1
    assert "edition.yaml:1:1: error: no edition.yaml in" in result.stderr


def test_build_with_errors_writes_nothing(mini: Path, tmp_path: Path) -> None:
    (mini / "apparatus/glosses.yaml").write_text("glosses: [\n")
    build_dir = tmp_path / "out"
    result = run("build", str(mini), "--build-dir", str(build_dir))
    assert result.returncode == 1
    assert "build stopped" in result.stderr
    assert not build_dir.exists() or not any(build_dir.iterdir())


def test_a_writer_error_is_reported_without_traceback(mini: Path, tmp_path: Path) -> None:
    with (mini / "edition.yaml").open("a", encoding="utf-8") as f:
        f.write("style:\n  font: No Such Font\n  font_package: fonts-nosuch\n")
    result = run("build", str(mini), "--format", "pdf", "--build-dir", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "[pdf-font-missing]" in result.stderr
    assert "fonts-nosuch" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out" / "mini.pdf").exists()
