"""Builds shared by the PDF tests (each whole-edition build takes a few seconds, so they are reused)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from sample_edition import sample_edition

from edition.model import Edition
from edition.writers.pdf import PdfBuildResult, build_pdf


@dataclass(frozen=True)
class Built:
    edition: Edition
    result: PdfBuildResult
    phases: tuple[str, ...]

    @property
    def print_pdf(self) -> Path:
        return self.result.paths[0]

    @property
    def screen_pdf(self) -> Path:
        return self.result.paths[1]


def build(edition: Edition, build_dir: Path, keep_html: bool = False) -> Built:
    phases: list[str] = []
    result = build_pdf(
        edition, build_dir, keep_html=keep_html, progress=lambda phase, _: phases.append(phase)
    )
    return Built(edition, result, tuple(phases))


@pytest.fixture(scope="session")
def sample_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("sample-edition")


@pytest.fixture(scope="session")
def sample_built(sample_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build(sample_edition(sample_root), tmp_path_factory.mktemp("build-a"), keep_html=True)
