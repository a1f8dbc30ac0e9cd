"""The preview's page cache: a build that reuses pages equals, byte for byte, one that renders them all."""

from __future__ import annotations

from pathlib import Path

import pytest

from edition.model import iter_paragraphs
from edition.writers.web import PageCache, build_web
from tests.conftest import DEFAULT_EDITION

from .conftest import resolved


def files(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


@pytest.fixture
def edition_copy(tmp_path: Path) -> Path:
    import shutil

    target = tmp_path / "revolution-betrayed"
    shutil.copytree(DEFAULT_EDITION, target)
    return target


def build_both(root: Path, tmp_path: Path, cache: PageCache, name: str) -> tuple[dict[str, bytes], int]:
    edition = resolved(root)
    cached = build_web(edition, tmp_path / f"{name}-cached", cache=cache)
    fresh = build_web(edition, tmp_path / f"{name}-fresh")
    assert files(cached.path) == files(fresh.path), name
    return files(cached.path), cache.rendered


def test_cached_builds_equal_fresh_ones_after_each_kind_of_edit(edition_copy: Path, tmp_path: Path):
    glosses = edition_copy / "apparatus" / "glosses.yaml"
    cache = PageCache()
    first, rendered = build_both(edition_copy, tmp_path, cache, "first")
    sections = sum(1 for name in first if name.startswith(("sec-", "front-")))
    assert rendered == sections  # nothing to reuse yet

    _, rendered = build_both(edition_copy, tmp_path, cache, "same")
    assert rendered == 0

    text = glosses.read_text(encoding="utf-8")
    glosses.write_text(text.replace("25 October 1917", "25 October (old style) 1917", 1), encoding="utf-8")
    changed, rendered = build_both(edition_copy, tmp_path, cache, "gloss")
    assert rendered == 1 and b"(old style)" in changed["sec-1.html"]

    glosses.write_text(text + "  - id: added\n    lemma: Moscow Trials\n    note: An added note.\n")
    _, rendered = build_both(edition_copy, tmp_path, cache, "added")  # new ids: every link may move
    assert rendered >= 1

    # A new section before § 46: that paragraph and those after it move to another page, so the links to
    # them from other pages (sec-1 has one) change while those pages' own text does not.
    edition = resolved(edition_copy)
    moved = next(p for p in iter_paragraphs(edition.sections) if p.number == 46)
    article = edition_copy / moved.origin.path
    lines = article.read_text(encoding="utf-8").splitlines(keepends=True)
    lines.insert(moved.origin.line - 1, "## An inserted part\n\n")
    article.write_text("".join(lines), encoding="utf-8")
    before = first["sec-1.html"]
    after, rendered = build_both(edition_copy, tmp_path, cache, "moved")
    assert after["sec-1.html"] != before and rendered >= 2

    config = edition_copy / "edition.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("Classics of", "Classic of", 1))
    last, rendered = build_both(edition_copy, tmp_path, cache, "title")
    assert rendered == sum(1 for name in last if name.startswith(("sec-", "front-")))  # the title: on each
