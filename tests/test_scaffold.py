"""`edition new`: a folder that checks clean under --strict, builds, and names its schemas for editors."""

from __future__ import annotations

import contextlib
import datetime
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from edition.cli import main
from edition.resolve import check_edition
from edition.scaffold import MODELINE, ScaffoldError, edition_files, modeline, new_edition
from edition.schema import schema
from edition.yamlload import load_yaml_file
from tests.test_schema import plain


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def test_a_new_edition_checks_clean_under_strict(tmp_path: Path) -> None:
    root = tmp_path / "my-edition"
    code, _, err = run("new", str(root))
    assert code == 0, err
    assert check_edition(root).diagnostics == ()
    assert run("check", "--strict", str(root))[0] == 0
    assert f"made {root}" in err


def test_every_yaml_file_names_a_schema_that_is_there_and_that_it_satisfies(tmp_path: Path) -> None:
    root = tmp_path / "e"
    made = new_edition(root)
    yaml_files = [name for name in made.files if name.endswith(".yaml")]
    assert sorted(yaml_files) == ["apparatus/glosses.yaml", "bibliography.yaml", "edition.yaml"]
    for relpath in yaml_files:
        first = (root / relpath).read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith(MODELINE)
        # The language server resolves the path from the YAML file's own folder.
        schema_path = ((root / relpath).parent / first.removeprefix(MODELINE)).resolve()
        assert schema_path.is_relative_to(root.resolve()) and schema_path.is_file()
        written = json.loads(schema_path.read_text(encoding="utf-8"))
        Draft202012Validator.check_schema(written)
        assert not list(Draft202012Validator(written).iter_errors(plain(load_yaml_file(root, relpath))))


def test_the_schemas_written_are_the_ones_edition_schema_prints(tmp_path: Path) -> None:
    root = tmp_path / "e"
    new_edition(root)
    pairs = (("config", "edition"), ("apparatus", "apparatus"), ("bibliography", "bibliography"))
    for name, file_name in pairs:
        written = json.loads((root / ".schema" / f"{file_name}.schema.json").read_text(encoding="utf-8"))
        code, out, _ = run("schema", name)
        assert code == 0 and written == json.loads(out) == schema(name)  # type: ignore[arg-type]


def test_modelines_climb_out_of_subfolders() -> None:
    assert modeline("edition.yaml", "config") == MODELINE + ".schema/edition.schema.json"
    assert modeline("apparatus/a.yaml", "apparatus") == MODELINE + "../.schema/apparatus.schema.json"


def test_the_edition_gets_its_date_and_a_fresh_identifier() -> None:
    files = edition_files("T", datetime.date(2026, 12, 2), "1234")
    assert 'date: "2026-12-02"' in files["edition.yaml"]
    assert 'identifier: "urn:uuid:1234"' in files["edition.yaml"]


def test_an_empty_folder_is_used(tmp_path: Path) -> None:
    root = tmp_path / "empty"
    root.mkdir()
    new_edition(root)
    assert (root / "edition.yaml").is_file()


def test_the_current_folder_can_be_the_new_edition(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    assert run("new", ".")[0] == 0
    assert Path.cwd() == here and (here / "edition.yaml").is_file()  # the shell's folder is still there
    assert check_edition(here).diagnostics == ()


def test_a_failed_write_into_an_empty_folder_leaves_it_empty(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "empty"
    root.mkdir()
    original = os.replace

    def fails_late(source: object, target: object) -> None:
        if str(target).endswith("text"):  # after edition.yaml, .schema and others have moved
            raise OSError(28, "No space left on device")
        original(source, target)  # type: ignore[arg-type]

    monkeypatch.setattr("edition.scaffold.os.replace", fails_late)
    with pytest.raises(ScaffoldError):
        new_edition(root)
    assert list(root.iterdir()) == []


def test_a_folder_with_files_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    root = tmp_path / "busy"
    root.mkdir()
    (root / "notes.txt").write_text("mine")
    code, out, err = run("new", str(root))
    assert code == 1 and out == ""
    assert err.splitlines()[0] == (
        f"{root}/notes.txt:1:1: error: {root} is not empty (it has notes.txt); a new edition is made only in "
        "an empty folder [folder-not-empty]"
    )
    assert sorted(p.name for p in root.iterdir()) == ["notes.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["busy"]  # no staging folder left


def test_a_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "file"
    path.write_text("x")
    with pytest.raises(ScaffoldError) as raised:
        new_edition(path)
    assert raised.value.diagnostic.code == "not-a-folder"
    assert path.read_text() == "x"


def test_an_unwritable_parent_is_a_located_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(*args: object, **kwargs: object) -> str:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("edition.scaffold.tempfile.mkdtemp", refused)  # as a read-only parent would
    code, _, err = run("new", str(tmp_path / "e"))
    assert code == 1
    assert err.startswith(f"{tmp_path / 'e'}:1:1: error: cannot write {tmp_path / 'e'}: Permission denied")
    assert "[write-failed]" in err


def test_a_failed_write_leaves_nothing_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full_disk(self: Path, *args: object, **kwargs: object) -> int:
        if self.name == "bibliography.yaml":
            raise OSError(28, "No space left on device")
        return original(self, *args, **kwargs)  # type: ignore[arg-type]

    original = Path.write_text
    monkeypatch.setattr(Path, "write_text", full_disk)
    with pytest.raises(ScaffoldError) as raised:
        new_edition(tmp_path / "e")
    assert raised.value.diagnostic.code == "write-failed"
    assert "No space left on device" in raised.value.diagnostic.message
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow
def test_a_new_edition_builds_every_output(tmp_path: Path) -> None:
    root = tmp_path / "fresh"
    new_edition(root)
    build = tmp_path / "build"
    result = subprocess.run(
        [sys.executable, "-m", "edition.cli", "build", str(root), "--build-dir", str(build), "--strict"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    for name in ("fresh.pdf", "fresh-screen.pdf", "fresh.epub"):
        assert (build / name).stat().st_size > 10_000
    qpdf = subprocess.run(["qpdf", "--check", str(build / "fresh.pdf")], capture_output=True, text=True)
    assert qpdf.returncode == 0, qpdf.stdout
    text = subprocess.run(
        ["pdftotext", str(build / "fresh-screen.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Replace this paragraph with the copy-text" in text and "Title of a Work" in text
