"""A build replaces all its outputs together or none: interrupts, failures and unusable build folders."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

import edition.writers.epub as epub_writer
import edition.writers.pdf as pdf_writer
from edition.cli import main
from edition.outputs import OutputTransaction, build_folder_problem

OLD = {
    "mini.pdf": b"old print",
    "mini-screen.pdf": b"old screen",
    "mini-pages.json": b"{}",
    "mini-print-pages.json": b"{}",
    "mini.epub": b"old",
    "mini.tei.xml": b"old tei",
    "mini-web": b"old site",  # a folder: its index.html
}


def previous_outputs(build_dir: Path) -> None:
    build_dir.mkdir(parents=True, exist_ok=True)
    for name, data in OLD.items():
        if name.endswith("-web"):
            (build_dir / name).mkdir()
            (build_dir / name / "index.html").write_bytes(data)
        else:
            (build_dir / name).write_bytes(data)


def contents(build_dir: Path) -> dict[str, bytes]:
    """Each output's bytes (a folder's: its index.html, and it must hold nothing left from before)."""
    out = {}
    for path in sorted(build_dir.iterdir()):
        out[path.name] = (path / "index.html").read_bytes() if path.is_dir() else path.read_bytes()
    return out


def fake_pdf(edition, build_dir, *, outputs, **_):
    """Stages the PDF outputs the way the real writer does, without a layout."""
    paths = (build_dir / f"{edition.name}.pdf", build_dir / f"{edition.name}-screen.pdf")
    maps = (build_dir / f"{edition.name}-pages.json", build_dir / f"{edition.name}-print-pages.json")
    for path in (*paths, *maps):
        outputs.stage(path, b"new " + path.name.encode())
    return SimpleNamespace(page_count=1, layouts=1, page_labels={}, print_pages=(), warnings=(), paths=paths)


def interrupted_epub(edition, build_dir, *, outputs, **_):
    with outputs.open(build_dir / f"{edition.name}.epub") as out:
        out.write(b"half an EPUB")
        raise KeyboardInterrupt


def test_an_interrupt_keeps_every_previous_output_and_leaves_no_temporary_file(
    mini: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    build_dir = tmp_path / "out"
    previous_outputs(build_dir)
    monkeypatch.setattr(pdf_writer, "build_pdf", fake_pdf)
    monkeypatch.setattr(epub_writer, "build_epub", interrupted_epub)
    assert main(["build", str(mini), "--build-dir", str(build_dir)]) == 130
    assert contents(build_dir) == OLD  # the new PDFs were staged, but nothing was committed
    err = capsys.readouterr().err
    assert err.strip().endswith("edition: interrupted") and "Traceback" not in err


def test_all_outputs_are_replaced_together(
    mini: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_dir = tmp_path / "out"
    previous_outputs(build_dir)
    monkeypatch.setattr(pdf_writer, "build_pdf", fake_pdf)
    assert main(["build", str(mini), "--build-dir", str(build_dir), "--format", "all", "-q"]) == 0
    after = contents(build_dir)
    assert sorted(after) == sorted(OLD)
    assert all(after[name] != OLD[name] for name in OLD)  # every one new, the real EPUB included
    assert after["mini.epub"].startswith(b"PK")
    assert after["mini-web"].startswith(b"<!DOCTYPE html>")
    assert after["mini.tei.xml"].startswith(b"<?xml")


def test_an_interrupt_in_the_web_build_keeps_the_previous_site_and_every_other_output(
    mini: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import edition.writers.web as web_writer

    def interrupted_web(edition, build_dir, *, outputs, **_):
        outputs.stage_folder(build_dir / f"{edition.name}-web", [("index.html", b"new")])
        raise KeyboardInterrupt

    build_dir = tmp_path / "out"
    previous_outputs(build_dir)
    monkeypatch.setattr(pdf_writer, "build_pdf", fake_pdf)
    monkeypatch.setattr(web_writer, "build_web", interrupted_web)
    assert main(["build", str(mini), "--build-dir", str(build_dir), "-q"]) == 130
    assert contents(build_dir) == OLD  # the staged folder was deleted, nothing was committed


def test_a_transaction_that_is_not_committed_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "book.pdf"
    target.write_bytes(b"old")
    with OutputTransaction() as staged:
        staged.stage(target, b"new")
        staged.stage(tmp_path / "other.epub", b"new")
        assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["book.pdf"]
    assert target.read_bytes() == b"old"


def test_a_committed_transaction_replaces_every_target(tmp_path: Path) -> None:
    (tmp_path / "a").write_bytes(b"old a")
    with OutputTransaction() as staged:
        staged.stage(tmp_path / "a", b"new a")
        staged.stage(tmp_path / "b", b"new b")
        staged.commit()
    assert contents(tmp_path) == {"a": b"new a", "b": b"new b"}


def test_the_build_folder_being_a_file_is_reported(mini: Path, tmp_path: Path, capsys) -> None:
    blocker = tmp_path / "build"
    blocker.write_text("not a folder")
    assert main(["build", str(mini), "--build-dir", str(blocker)]) == 1
    err = capsys.readouterr().err
    assert f"{blocker}:1:1: error: the build folder is a file, not a folder [build-folder]" in err
    assert blocker.read_text() == "not a folder"


def test_a_build_folder_below_a_file_is_reported(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    problem = build_folder_problem(tmp_path / "file" / "build")
    assert problem is not None and problem.code == "build-folder"
    assert "part of its path is a file" in problem.message


def test_a_build_folder_that_cannot_be_written_is_reported(tmp_path: Path, monkeypatch) -> None:
    # Tests run as root, for whom permissions never refuse a write: the refusal is simulated here, and
    # a real read-only file system is used in the next test where the machine allows it.
    def refuse(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("edition.outputs.tempfile.mkstemp", refuse)
    problem = build_folder_problem(tmp_path)
    assert problem is not None
    assert problem.message == "the build folder cannot be written (Permission denied)"


def test_a_read_only_build_folder_is_reported(mini: Path, tmp_path: Path) -> None:
    unshare, mount = shutil.which("unshare"), shutil.which("mount")
    if unshare is None or mount is None:
        pytest.skip("needs unshare(1) and mount(8)")
    target = tmp_path / "ro"
    target.mkdir()
    script = f"mount -t tmpfs -o ro tmpfs {target} && exec {sys.executable} -m edition.cli build {mini} "
    script += f"--format epub --build-dir {target}"
    result = subprocess.run(
        [unshare, "-m", "--propagation", "private", "sh", "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
    )
    if "mount" in result.stderr and "build-folder" not in result.stderr:
        pytest.skip(f"cannot mount a read-only file system here: {result.stderr.strip()}")
    assert result.returncode == 1, result.stderr
    assert f"{target}:1:1: error: the build folder cannot be written (Read-only file system)" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_interrupted_check_exits_130(mini: Path, monkeypatch, capsys) -> None:
    def interrupted(_root):
        raise KeyboardInterrupt

    monkeypatch.setattr("edition.resolve.check_edition", interrupted)
    assert main(["check", str(mini)]) == 130
    assert "edition: interrupted" in capsys.readouterr().err


def _interrupt_after(args: list[str], seconds: float) -> subprocess.CompletedProcess[str] | None:
    """Run the CLI, send it SIGINT after ``seconds``; None if it had already finished (nothing to test)."""
    process = subprocess.Popen(
        [sys.executable, "-m", "edition.cli", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=120)
        return subprocess.CompletedProcess(process.args, process.returncode, out, err)
    process.communicate()
    return None


@pytest.mark.slow
def test_ctrl_c_during_a_real_build_keeps_the_previous_outputs(mini: Path, tmp_path: Path) -> None:
    build_dir = tmp_path / "out"
    args = ["build", str(mini), "--build-dir", str(build_dir)]
    # On a loaded machine the interpreter may still be starting when the signal comes (it then dies
    # silently, before any of our code runs): wait longer and try again.
    for delay in (0.8, 1.6, 3.2):
        previous_outputs(build_dir)
        result = _interrupt_after(args, delay)
        if result is None:
            pytest.skip("the build finished before the interrupt arrived")
        after = contents(build_dir)
        assert sorted(after) == sorted(OLD)  # no temporary file left
        # All the previous outputs, or (when the signal came just after the commit) all new ones.
        assert after == OLD or all(after[name] != OLD[name] for name in OLD)
        if result.returncode == -signal.SIGINT and not result.stderr:
            continue
        assert result.returncode == 130, result.stderr
        assert result.stderr.strip().endswith("edition: interrupted")
        assert "Traceback" not in result.stderr
        return
    pytest.skip("the interpreter never got as far as the build before the interrupt")


def test_an_interrupt_arriving_between_the_renames_waits_until_all_are_done(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("a.pdf", "b.epub"):
        (tmp_path / name).write_bytes(b"old")
    real_replace = os.replace
    calls = []

    def replace_then_interrupt(source, target):
        real_replace(source, target)
        calls.append(Path(target).name)
        if len(calls) == 1:
            os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C right after the first rename

    monkeypatch.setattr("edition.outputs.os.replace", replace_then_interrupt)
    with pytest.raises(KeyboardInterrupt), OutputTransaction() as staged:
        staged.stage(tmp_path / "a.pdf", b"new")
        staged.stage(tmp_path / "b.epub", b"new")
        staged.commit()
    assert calls == ["a.pdf", "b.epub"]
    assert contents(tmp_path) == {"a.pdf": b"new", "b.epub": b"new"}


def test_a_full_disk_while_staging_is_reported_and_replaces_nothing(
    mini: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    build_dir = tmp_path / "out"
    previous_outputs(build_dir)

    def full(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pdf_writer, "build_pdf", fake_pdf)
    monkeypatch.setattr("edition.outputs.os.fsync", full)
    assert main(["build", str(mini), "--build-dir", str(build_dir)]) == 1
    err = capsys.readouterr().err
    assert "the build folder could not take the outputs (No space left on device) [build-folder]" in err
    assert "Traceback" not in err
    assert contents(build_dir) == OLD
