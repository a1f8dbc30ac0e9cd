"""Shared fixtures: a small real edition folder that tests copy and break in one place at a time."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
MINI = FIXTURES / "mini"
DEFAULT_EDITION = Path(__file__).parent.parent / "source" / "revolution-betrayed"


def copy_mini(parent: Path, *, more_glosses: str = "") -> Path:
    """A copy of the mini fixture edition in ``parent``, with ``more_glosses`` (YAML list items) appended to
    its glosses."""
    target = parent / "mini"
    shutil.copytree(MINI, target)
    if more_glosses:
        add_glosses(target, more_glosses)
    return target


def add_glosses(root: Path, items: str) -> None:
    """Append ``items`` (YAML list items) to the edition's apparatus/glosses.yaml (it ends in its glosses)."""
    with (root / "apparatus" / "glosses.yaml").open("a", encoding="utf-8") as out:
        out.write(items)


def replace_in(path: Path, old: str, new: str) -> None:
    """Replace ``old`` (which must be there: a test that edits nothing proves nothing) in a fixture file."""
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A fresh copy of the mini fixture edition."""
    return copy_mini(tmp_path)
