"""Web editions built once per session (the writer is deterministic): the mini fixture and the default."""

from __future__ import annotations

from pathlib import Path

import pytest

from edition.model import Edition
from edition.resolve import check_edition
from edition.writers.web import WebBuildResult, build_web
from tests.conftest import DEFAULT_EDITION, MINI


def resolved(root: Path) -> Edition:
    result = check_edition(root)
    assert result.edition is not None, result.diagnostics
    return result.edition


@pytest.fixture(scope="session")
def mini_edition() -> Edition:
    return resolved(MINI)


@pytest.fixture(scope="session")
def mini_site(mini_edition: Edition, tmp_path_factory: pytest.TempPathFactory) -> WebBuildResult:
    return build_web(mini_edition, tmp_path_factory.mktemp("web"))


@pytest.fixture(scope="session")
def default_edition() -> Edition:
    return resolved(DEFAULT_EDITION)


@pytest.fixture(scope="session")
def default_site(default_edition: Edition, tmp_path_factory: pytest.TempPathFactory) -> WebBuildResult:
    return build_web(default_edition, tmp_path_factory.mktemp("web"))
