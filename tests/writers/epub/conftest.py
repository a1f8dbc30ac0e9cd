"""Built EPUBs shared by the EPUB tests (built once per session: the writer is deterministic)."""

from __future__ import annotations

import pytest

from edition.writers.epub import EpubBuildResult, build_epub

from .epub_lint import Book, open_book
from .sample_edition import sample_edition, sample_page_map


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory: pytest.TempPathFactory) -> EpubBuildResult:
    return build_epub(sample_edition(), tmp_path_factory.mktemp("epub"))


@pytest.fixture(scope="session")
def paged_build(tmp_path_factory: pytest.TempPathFactory) -> EpubBuildResult:
    return build_epub(
        sample_edition("sample-paged"), tmp_path_factory.mktemp("epub"), page_map=sample_page_map()
    )


@pytest.fixture(scope="session")
def sample(sample_build: EpubBuildResult) -> Book:
    return open_book(sample_build.path)


@pytest.fixture(scope="session")
def paged(paged_build: EpubBuildResult) -> Book:
    return open_book(paged_build.path)
