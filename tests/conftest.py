"""Shared fixtures: a small real edition folder that tests copy and break in one place at a time."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
MINI = FIXTURES / "mini"
DEFAULT_EDITION = Path(__file__).parent.parent / "source" / "revolution-betrayed"


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A fresh copy of the mini fixture edition."""
    target = tmp_path / "mini"
    shutil.copytree(MINI, target)
    return target
