"""Golden files: the sample EPUB (with a page list) unzipped, as readable text, compared file by file.

A change to the writer or its templates shows up here as a readable diff. After checking the new output is
right, regenerate with ``EDITION_REGEN_GOLDEN=1 .venv/bin/python -m pytest tests/writers/epub``. The
stylesheet is left out (it is copied, not generated), and so is the PNG cover (drawn from the SVG cover,
which is compared, and checked by its own test); nothing in the EPUB varies between runs, so nothing is
stripped.
"""

from __future__ import annotations

import os
import shutil
import zipfile
from pathlib import Path

from .epub_lint import Book

GOLDEN = Path(__file__).with_name("golden") / "sample-paged"
SKIP = ("EPUB/css/", "EPUB/images/cover.png")


def listing(book: Book) -> str:
    lines = ["# zip entries in order: method, name"]
    for info in book.infos:
        method = "stored" if info.compress_type == zipfile.ZIP_STORED else "deflated"
        lines.append(f"{method} {info.filename}")
    return "\n".join(lines) + "\n"


def expected_files(book: Book) -> dict[str, str]:
    files = {"LISTING.txt": listing(book)}
    for name, data in book.files.items():
        if name != "mimetype" and not name.startswith(SKIP):
            files[name] = data.decode("utf-8")
    return files


def test_sample_epub_matches_the_golden_files(paged: Book):
    files = expected_files(paged)
    if os.environ.get("EDITION_REGEN_GOLDEN"):
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for name, text in files.items():
            target = GOLDEN / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    stored = {
        str(path.relative_to(GOLDEN)): path.read_text(encoding="utf-8")
        for path in GOLDEN.rglob("*")
        if path.is_file()
    }
    assert sorted(stored) == sorted(files)
    for name, text in files.items():
        assert text == stored[name], f"{name} differs from its golden file"
