"""All of a build's outputs replace the previous ones together, or none does.

Writers *stage* their files here instead of renaming them into place themselves: each file is written in
full to a hidden temporary name beside its target. Only when every writer has finished does the CLI
``commit``, renaming all of them in one quick loop with the interrupt signal held back, so a Ctrl-C (or a
failure) can never leave new PDFs beside an old EPUB and page map. Anything not committed is deleted.
"""

from __future__ import annotations

import os
import shutil
import signal
import tempfile
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from edition.diagnostics import Diagnostic


class OutputError(Exception):
    """Staging or committing an output failed (a full disk, a folder made read-only meanwhile)."""

    def __init__(self, target: Path, error: OSError):
        super().__init__(f"{target}: {error.strerror or error}")
        self.target = target
        self.error = error


class OutputTransaction:
    """Staged output files (temporary path, target); use as a context manager that discards on exit."""

    def __init__(self) -> None:
        self._staged: list[tuple[Path, Path]] = []

    def __enter__(self) -> OutputTransaction:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.discard()

    @property
    def targets(self) -> tuple[Path, ...]:
        return tuple(target for _, target in self._staged)

    @contextmanager
    def open(self, target: Path) -> Iterator[BinaryIO]:
        """A binary file to write ``target``'s new content into; it is staged when the block ends."""
        target = Path(target)
        try:
            handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        except OSError as error:
            raise OutputError(target, error) from error
        temporary = Path(name)
        try:
            with os.fdopen(handle, "wb") as out:
                try:
                    yield out
                    out.flush()
                    os.fsync(out.fileno())
                except OSError as error:
                    raise OutputError(target, error) from error
            os.chmod(temporary, 0o666 & ~_umask())
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
        self._staged = [(t, p) for t, p in self._staged if p != target]
        self._staged.append((temporary, target))

    def stage(self, target: Path, data: bytes) -> None:
        """Stage ``data`` as the new content of ``target``."""
        with self.open(target) as out:
            out.write(data)

    def stage_folder(self, target: Path, files: Iterable[tuple[str, bytes]]) -> None:
        """Stage a whole folder (a static site): ``files`` are (path relative to ``target``, bytes).

        The folder is written in full under a hidden temporary name beside ``target``; ``commit`` swaps it
        in (the previous folder is moved aside, then deleted), so a reader never sees half of each.
        """
        target = Path(target)
        try:
            temporary = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"))
        except OSError as error:
            raise OutputError(target, error) from error
        try:
            for name, data in files:
                path = temporary / name
                if not path.resolve().is_relative_to(temporary.resolve()) or name.startswith("/"):
                    raise ValueError(f"{name!r} is not inside the folder")
                path.parent.mkdir(parents=True, exist_ok=True)
                try:
                    path.write_bytes(data)
                    os.chmod(path, 0o666 & ~_umask())
                except OSError as error:
                    raise OutputError(target, error) from error
            os.chmod(temporary, 0o777 & ~_umask())
        except BaseException:
            shutil.rmtree(temporary, ignore_errors=True)
            raise
        self._staged = [(t, p) for t, p in self._staged if p != target]
        self._staged.append((temporary, target))

    def commit(self) -> None:
        """Rename every staged file onto its target; an interrupt arriving meanwhile waits until the end."""
        replaced: list[Path] = []
        with _interrupts_held():
            for temporary, target in self._staged:
                try:
                    if temporary.is_dir() and target.is_dir() and not target.is_symlink():
                        # rename(2) cannot replace a non-empty folder: move the old one aside first.
                        aside = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.old."))
                        os.replace(target, aside / target.name)
                        replaced.append(aside)
                    os.replace(temporary, target)
                except OSError as error:
                    raise OutputError(target, error) from error
            self._staged = []
        for aside in replaced:
            shutil.rmtree(aside, ignore_errors=True)

    def discard(self) -> None:
        """Delete every staged file not committed (the previous outputs stay as they were)."""
        for temporary, _ in self._staged:
            if temporary.is_dir() and not temporary.is_symlink():
                shutil.rmtree(temporary, ignore_errors=True)
            else:
                temporary.unlink(missing_ok=True)
        self._staged = []


def build_folder_problem(build_dir: Path) -> Diagnostic | None:
    """Why the outputs cannot be written into ``build_dir`` (created if missing), or None if they can.

    Checked before any layout, so a build that could never be saved stops at once, with the reason.
    """
    if build_dir.exists() and not build_dir.is_dir():
        return _unusable(build_dir, "is a file, not a folder", "remove or rename it, or choose --build-dir")
    try:
        build_dir.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        return _unusable(build_dir, "cannot be created: part of its path is a file", "choose --build-dir")
    except OSError as error:
        return _unusable(build_dir, f"cannot be created ({error.strerror})", "choose --build-dir")
    try:
        handle, name = tempfile.mkstemp(dir=build_dir, prefix=".write-test.", suffix=".tmp")
    except OSError as error:
        return _unusable(build_dir, f"cannot be written ({error.strerror})", "check its permissions and disk")
    os.close(handle)
    os.unlink(name)
    return None


def write_failure(build_dir: Path, error: OutputError) -> Diagnostic:
    """An output that could not be written after all (a full disk …)."""
    return _unusable(
        build_dir,
        f"could not take the outputs ({error.error.strerror or error.error})",
        "free space or fix the folder, then build again",
    )


def _unusable(build_dir: Path, problem: str, hint: str) -> Diagnostic:
    return Diagnostic(str(build_dir), 1, 1, "error", "build-folder", f"the build folder {problem}", hint)


@contextmanager
def _interrupts_held() -> Iterator[None]:
    """Block SIGINT and SIGTERM for the block (main thread only); a pending one is delivered after it."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "pthread_sigmask"):
        yield
        return
    held = {signal.SIGINT, signal.SIGTERM}
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _umask() -> int:
    """The process umask (read by setting it, then restoring it): temporary files are created 0600."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
