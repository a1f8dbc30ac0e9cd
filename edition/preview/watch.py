"""Noticing saves: the edition folder's files by modification time and size, compared between polls.

Polling needs no dependency and sees every editor's way of saving (in place, or a new file renamed over the
old one). Hidden files and folders (``.git``, editors' swap files) and the build folder are left out.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

Snapshot = Mapping[str, tuple[int, int]]  # relative path -> (mtime in ns, size)


def snapshot(root: Path, *, skip: Path | None = None) -> Snapshot:
    """Every regular file under ``root`` (not following links into other folders) but ``skip``'s."""
    root = Path(root)
    skipped = Path(skip).resolve() if skip is not None else None
    found: dict[str, tuple[int, int]] = {}
    for folder, dirs, files in os.walk(root):
        here = Path(folder)
        dirs[:] = [d for d in dirs if not d.startswith(".") and (here / d).resolve() != skipped]
        for name in files:
            if name.startswith(".") or name.endswith("~"):
                continue
            path = here / name
            try:
                status = path.stat()
            except OSError:
                continue  # removed between the listing and the stat
            found[str(path.relative_to(root))] = (status.st_mtime_ns, status.st_size)
    return found


def changes(before: Snapshot, after: Snapshot) -> list[str]:
    """The files added, removed or changed between two snapshots, sorted."""
    names = set(before) | set(after)
    return sorted(name for name in names if before.get(name) != after.get(name))
