"""Reading the edition's text files safely: UTF-8 only, no binaries, nothing outside the edition folder."""

from __future__ import annotations

from pathlib import Path

from edition.diagnostics import Diagnostic, SourceProblem
from edition.model import Origin


def read_text_file(root: Path, relpath: str, *, allow_empty: bool = False) -> str:
    """Return the file's text (UTF-8, BOM stripped, newlines normalised) or raise SourceProblem."""
    path = (root / relpath).resolve()
    if not path.is_relative_to(root.resolve()):
        raise SourceProblem(
            Diagnostic(
                relpath,
                1,
                1,
                "error",
                "outside-edition",
                "the file is outside the edition folder",
                "move it into the edition folder and name it by a relative path",
            )
        )
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise SourceProblem(
            Diagnostic(
                relpath,
                1,
                1,
                "error",
                "missing-file",
                "the file does not exist",
                "create it, or correct the name in edition.yaml",
            )
        ) from None
    except IsADirectoryError:
        raise SourceProblem(
            Diagnostic(relpath, 1, 1, "error", "missing-file", "this is a folder, not a file", "name a file")
        ) from None
    except PermissionError:
        raise SourceProblem(
            Diagnostic(
                relpath,
                1,
                1,
                "error",
                "unreadable-file",
                "the file cannot be read (permission denied)",
                "check the file's permissions",
            )
        ) from None
    if b"\x00" in data:
        line, column = _position_of(data, data.index(b"\x00"))
        raise SourceProblem(
            Diagnostic(
                relpath,
                line,
                column,
                "error",
                "binary-file",
                "the file is binary (it contains a NUL byte), not text",
                "name a UTF-8 text file here",
            )
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _position_of(data, exc.start)
        raise SourceProblem(
            Diagnostic(
                relpath,
                line,
                column,
                "error",
                "not-utf8",
                f"the file is not valid UTF-8 (byte 0x{data[exc.start]:02x})",
                "re-save the file as UTF-8 (e.g. `iconv -f latin1 -t utf-8`)",
            )
        ) from None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not allow_empty and not text.strip():
        raise SourceProblem(
            Diagnostic(relpath, 1, 1, "error", "empty-file", "the file is empty", "add the expected content")
        )
    return text


def _position_of(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters, decoding what comes before leniently) of a byte offset."""
    before = data[:offset]
    line = before.count(b"\n") + 1
    last_line = before[before.rfind(b"\n") + 1 :]
    return line, len(last_line.decode("utf-8", errors="replace")) + 1


def as_named_in_config(problem: Diagnostic, relpath: str, named_at: Origin) -> Diagnostic:
    """A missing file is reported where edition.yaml names it: that is the line the editor must fix."""
    if problem.code != "missing-file":
        return problem
    return Diagnostic.at(
        named_at,
        "error",
        "missing-file",
        f"'{relpath}' named in edition.yaml does not exist",
        "create the file, or correct its name",
    )
