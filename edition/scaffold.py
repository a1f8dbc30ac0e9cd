"""`edition new DIR`: a minimal edition that checks clean and builds, with the schemas its YAML files name.

The schemas are written into the edition (``.schema/*.json``) and named by relative paths in each YAML
file's first line (``# yaml-language-server: $schema=…``), so completion and validation work offline and
move with the folder. A new folder is written beside its destination and renamed into place at the end;
an existing empty folder (the current one, say) is filled from a staging folder inside it. A failure
leaves nothing behind.
"""

from __future__ import annotations

import datetime
import json
import os
import shutil
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from edition.diagnostics import Diagnostic
from edition.schema import FILE_NAMES, SchemaName, schema

SCHEMA_DIR = ".schema"
MODELINE = "# yaml-language-server: $schema="

TEXT = """\
Replace this paragraph with the copy-text. Every paragraph gets a § number, and an apparatus entry
finds its words by quoting them.
"""

GLOSSES = """\
glosses:
  - id: copy-text
    lemma: copy-text
    note: |
      The text being edited. A note is Markdown; it may cite a work [@example-work, 1]
      or point to another entry, as in [[copy-text]].
"""

BIBLIOGRAPHY = """\
references:
  - id: example-work
    type: book
    title: Title of a Work
    author: [{literal: Name of Its Author}]
"""


@dataclass(frozen=True, slots=True)
class ScaffoldResult:
    root: Path
    files: tuple[str, ...]


class ScaffoldError(Exception):
    """The folder cannot be made; carries the located diagnostic."""

    def __init__(self, diagnostic: Diagnostic):
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


def modeline(relpath: str, name: SchemaName) -> str:
    """The first line of the YAML file at ``relpath``: its schema, relative to the file itself."""
    depth = len(PurePosixPath(relpath).parts) - 1
    return MODELINE + "/".join([".."] * depth + [SCHEMA_DIR, FILE_NAMES[name]])


def edition_files(title: str, today: datetime.date, identifier: str) -> dict[str, str]:
    """Every file of a new edition, by path relative to its folder."""
    config = "\n".join(
        [
            modeline("edition.yaml", "config"),
            f"title: {json.dumps(title, ensure_ascii=False)}",
            "authors:",
            "  - name: Name of the Author",
            "language: en",
            f'date: "{today.isoformat()}"',
            'rights: "State the rights in the text and the licence of the apparatus."',
            f'identifier: "urn:uuid:{identifier}"',
            "witnesses:",
            "  - siglum: A",
            "    description: Describe the source of the copy-text.",
            "text: [text/text.md]",
            "apparatus: [apparatus/glosses.yaml]",
            "bibliography: bibliography.yaml",
            "",
        ]
    )
    files = {
        "edition.yaml": config,
        "text/text.md": TEXT,
        "apparatus/glosses.yaml": modeline("apparatus/glosses.yaml", "apparatus") + "\n" + GLOSSES,
        "bibliography.yaml": modeline("bibliography.yaml", "bibliography") + "\n" + BIBLIOGRAPHY,
    }
    for name, file_name in FILE_NAMES.items():
        files[f"{SCHEMA_DIR}/{file_name}"] = json.dumps(schema(name), indent=2, ensure_ascii=False) + "\n"
    return files


def new_edition(root: Path, *, today: datetime.date | None = None) -> ScaffoldResult:
    """Write a new edition into ``root``, which must not exist or be an empty folder."""
    _refuse_unusable(root)
    title = root.resolve().name.replace("-", " ").replace("_", " ").strip().capitalize() or "New edition"
    files = edition_files(title, today or datetime.datetime.now(datetime.UTC).date(), str(uuid.uuid4()))
    target = root.resolve()
    try:
        if target.is_dir():
            _fill_empty_folder(target, files)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
            try:
                _write(staging, files)
                staging.chmod(0o777 & ~_umask())
                os.replace(staging, target)  # the whole folder appears in one step
            except OSError:
                shutil.rmtree(staging, ignore_errors=True)
                raise
    except OSError as error:
        raise ScaffoldError(_cannot_write(root, error)) from None
    return ScaffoldResult(root, tuple(files))


def _write(folder: Path, files: dict[str, str]) -> None:
    for relpath, text in files.items():
        path = folder / relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _fill_empty_folder(target: Path, files: dict[str, str]) -> None:
    """Write into an existing empty folder (perhaps the current one): staged inside it, then moved up."""
    staging = Path(tempfile.mkdtemp(prefix=".edition-new-", dir=target))
    moved: list[Path] = []
    try:
        _write(staging, files)
        for entry in sorted(staging.iterdir()):
            os.replace(entry, target / entry.name)
            moved.append(target / entry.name)
    except OSError:
        for path in moved:
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink()
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _refuse_unusable(root: Path) -> None:
    if root.is_symlink() or (root.exists() and not root.is_dir()):
        raise ScaffoldError(
            Diagnostic(
                str(root),
                1,
                1,
                "error",
                "not-a-folder",
                f"{root} exists and is not a folder",
                "name a new folder for the edition",
            )
        )
    if root.is_dir():
        try:
            entries = sorted(entry.name for entry in root.iterdir())
        except OSError as error:
            raise ScaffoldError(_cannot_write(root, error)) from None
        if entries:
            shown = ", ".join(entries[:3]) + (" …" if len(entries) > 3 else "")
            raise ScaffoldError(
                Diagnostic(
                    str(root / entries[0]),
                    1,
                    1,
                    "error",
                    "folder-not-empty",
                    f"{root} is not empty (it has {shown}); a new edition is made only in an empty folder",
                    "name a new folder, or empty this one",
                )
            )


def _cannot_write(root: Path, error: OSError) -> Diagnostic:
    return Diagnostic(
        str(root),
        1,
        1,
        "error",
        "write-failed",
        f"cannot write {root}: {error.strerror or error}",
        "check that the parent folder exists and is writable",
    )


def _umask() -> int:
    """The process's umask (read by setting it, then restoring it at once)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask
