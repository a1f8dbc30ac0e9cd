"""Reading the edition's text files safely: UTF-8 only, regular files only, nothing outside the folder.

Only regular files are read (a named pipe or a device would block the run or never end), no larger than
``MAX_FILE_BYTES`` (so a run's memory stays bounded), and no file may carry a character that XML, and so
the EPUB and the PDF's HTML, cannot hold: those are refused here with their position, once for every reader.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from edition.diagnostics import Diagnostic, SourceProblem
from edition.model import Origin

# Per file. The largest apparatus file of a real edition is well under 1 MB; a 7.7 MB one (90,000 glosses)
# is checked in about 0.3 GB (docs/format.md, "Limits"), so the limit keeps a run far from exhausting memory.
MAX_FILE_BYTES = 8 * 1024 * 1024
# All the files edition.yaml names, together: a run's memory grows with the whole edition (about 35 times
# its size), so splitting one huge apparatus into many files must not get round the per-file limit.
MAX_EDITION_BYTES = 32 * 1024 * 1024
# Characters XML 1.0 cannot carry (C0 controls but tab and newline, U+FFFE, U+FFFF) and the other controls
# (DEL, C1) that YAML refuses and that print nothing: never meant as text.
ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")
_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)


def illegal_character(text: str) -> str | None:
    """The first character of ``text`` no output can carry, or None."""
    found = ILLEGAL.search(text)
    return found.group() if found else None


def _problem(
    relpath: str, code: str, message: str, hint: str | None, line: int = 1, column: int = 1
) -> SourceProblem:
    return SourceProblem(Diagnostic(relpath, line, column, "error", code, message, hint))


def _not_regular(mode: int) -> str | None:
    """What a file that is not a regular file is ("a folder", "a named pipe" …), or None."""
    if stat.S_ISREG(mode):
        return None
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def read_text_file(root: Path, relpath: str, *, allow_empty: bool = False) -> str:
    """Return the file's text (UTF-8, BOM stripped, newlines normalised) or raise SourceProblem."""
    path = (root / relpath).resolve()
    if not path.is_relative_to(root.resolve()):
        raise _problem(
            relpath,
            "outside-edition",
            "the file is outside the edition folder",
            "move it into the edition folder and name it by a relative path",
        )
    data = _read_bytes(path, relpath)
    if b"\x00" in data:
        line, column = _position_of(data, data.index(b"\x00"))
        raise _problem(
            relpath,
            "binary-file",
            "the file is binary (it contains a NUL byte), not text",
            "name a UTF-8 text file here",
            line,
            column,
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _position_of(data, exc.start)
        raise _problem(
            relpath,
            "not-utf8",
            f"the file is not valid UTF-8 (byte 0x{data[exc.start]:02x})",
            "re-save the file as UTF-8 (e.g. `iconv -f latin1 -t utf-8`)",
            line,
            column,
        ) from None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    _refuse_illegal(text, relpath)
    if not allow_empty and not text.strip():
        raise _problem(relpath, "empty-file", "the file is empty", "add the expected content")
    return text


def edition_too_large(root: Path, files: list[tuple[str, Origin]]) -> Diagnostic | None:
    """An error at the largest file's name in edition.yaml if the named files together are over the limit.

    Measured before anything is read; files that are missing, outside or not regular count for nothing here
    (they are reported when they are read).
    """
    sizes: list[tuple[int, str, Origin]] = []
    inside = root.resolve()
    for relpath, named_at in files:
        path = (root / relpath).resolve()
        if path.is_relative_to(inside) and path.is_file():
            sizes.append((path.stat().st_size, relpath, named_at))
    total = sum(size for size, _, _ in sizes)
    if total <= MAX_EDITION_BYTES:
        return None
    _, largest, named_at = max(sizes, key=lambda item: item[0])
    return Diagnostic.at(
        named_at,
        "error",
        "edition-too-large",
        f"the edition's files are {total / 2**20:.1f} MB together; an edition is limited to "
        f"{MAX_EDITION_BYTES // 2**20} MB (the largest is '{largest}')",
        "make the edition smaller, or divide it into several editions",
    )


def _read_bytes(path: Path, relpath: str) -> bytes:
    """The bytes of a regular file of bounded size; anything else is a SourceProblem, never a hang."""
    try:
        # Non-blocking: opening a named pipe with no writer must not wait (regular files are unaffected).
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except (FileNotFoundError, NotADirectoryError):
        raise _problem(
            relpath, "missing-file", "the file does not exist", "create it, or correct the name"
        ) from None
    except IsADirectoryError:
        raise _problem(relpath, "not-a-file", "this is a folder, not a file", "name a file") from None
    except PermissionError:
        raise _problem(
            relpath,
            "unreadable-file",
            "the file cannot be read (permission denied)",
            "check the file's permissions",
        ) from None
    except OSError as exc:
        raise _problem(
            relpath, "unreadable-file", f"the file cannot be read ({exc.strerror})", None
        ) from None
    try:
        info = os.fstat(handle)
        kind = _not_regular(info.st_mode)
        if kind is not None:
            raise _problem(relpath, "not-a-file", f"this is {kind}, not a file", "name a regular text file")
        if info.st_size > MAX_FILE_BYTES:
            raise _problem(
                relpath,
                "file-too-large",
                f"the file is {info.st_size / 2**20:.1f} MB; files of an edition are limited to "
                f"{MAX_FILE_BYTES // 2**20} MB",
                "split it into several files (edition.yaml lists any number of apparatus files)",
            )
        with os.fdopen(handle, "rb", closefd=False) as stream:
            data = stream.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        message = f"the file cannot be read ({exc.strerror})"
        raise _problem(relpath, "unreadable-file", message, None) from None
    finally:
        os.close(handle)
    if len(data) > MAX_FILE_BYTES:  # it grew while being read
        raise _problem(
            relpath, "file-too-large", f"the file is over {MAX_FILE_BYTES // 2**20} MB", "split it"
        )
    return data


def _refuse_illegal(text: str, relpath: str) -> None:
    found = ILLEGAL.search(text)
    if found is None:
        return
    before = text[: found.start()]
    line = before.count("\n") + 1
    column = found.start() - (before.rfind("\n") + 1) + 1
    count = len(ILLEGAL.findall(text))
    more = f" (and {count - 1} more in this file)" if count > 1 else ""
    raise _problem(
        relpath,
        "illegal-character",
        f"the control character U+{ord(found.group()):04X} cannot be printed or kept in XML{more}",
        "delete it: it was probably pasted in with the text and prints nothing",
        line,
        column,
    )


def _position_of(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters, decoding what comes before leniently) of a byte offset."""
    before = data[:offset]
    line = before.count(b"\n") + 1
    last_line = before[before.rfind(b"\n") + 1 :]
    return line, len(last_line.decode("utf-8", errors="replace")) + 1


def as_named_in_config(problem: Diagnostic, relpath: str, named_at: Origin) -> Diagnostic:
    """A file that is missing, outside or not a file is reported where edition.yaml names it: the line to fix.

    (It also keeps every diagnostic's path inside the edition folder.)
    """
    if problem.code == "missing-file":
        return Diagnostic.at(
            named_at,
            "error",
            "missing-file",
            f"'{relpath}' named in edition.yaml does not exist",
            "create the file, or correct its name",
        )
    if problem.code == "outside-edition":
        return Diagnostic.at(
            named_at,
            "error",
            "outside-edition",
            f"'{relpath}' named in edition.yaml is outside the edition folder",
            "move the file into the edition folder and name it by a relative path",
        )
    if problem.code == "not-a-file":
        return Diagnostic.at(
            named_at,
            "error",
            "not-a-file",
            f"'{relpath}' named in edition.yaml: {problem.message}",
            "name a regular text file",
        )
    return problem
