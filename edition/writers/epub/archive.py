"""The EPUB container: a zip written by the project, byte for byte the same for the same input.

``mimetype`` comes first and is stored uncompressed (the OCF rule that lets tools sniff the type); every entry
gets the edition's date as its timestamp and fixed permissions, so nothing about the build machine or the
clock leaks into the file. The file is written beside its destination and moved into place in one step.
"""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from edition.outputs import OutputTransaction

MIMETYPE = b"application/epub+zip"
_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can record
_ZIP_LAST = (2107, 12, 31, 23, 59, 58)  # and the latest (an edition may be dated 9999)


def zip_bytes_to(handle: BinaryIO, files: Sequence[tuple[str, bytes]], timestamp: datetime) -> None:
    """Write the container to an open binary file: mimetype first and stored, then ``files`` in order."""
    stamp = min(max(_ZIP_EPOCH, timestamp.timetuple()[:6]), _ZIP_LAST)
    with zipfile.ZipFile(handle, "w") as archive:
        archive.writestr(_entry("mimetype", stamp, zipfile.ZIP_STORED), MIMETYPE)
        for name, data in files:
            archive.writestr(_entry(name, stamp, zipfile.ZIP_DEFLATED), data, compresslevel=9)


def write_atomically(
    path: Path,
    files: Sequence[tuple[str, bytes]],
    timestamp: datetime,
    outputs: OutputTransaction | None = None,
) -> None:
    """Write the EPUB to ``path``; on any failure the previous file stays as it was and no temp file stays.

    With ``outputs`` the EPUB is only staged there, to be renamed into place with the other outputs.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    if outputs is not None:
        with outputs.open(path) as handle:
            zip_bytes_to(handle, files, timestamp)
        return
    with OutputTransaction() as own:
        with own.open(path) as handle:
            zip_bytes_to(handle, files, timestamp)
        own.commit()


def _entry(name: str, stamp: tuple[int, ...], compression: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=stamp)  # type: ignore[arg-type]
    info.compress_type = compression
    info.create_system = 3  # Unix, whatever machine builds it
    info.external_attr = 0o100644 << 16
    return info
