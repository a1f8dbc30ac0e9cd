"""Two note marks side by side are kept apart: author's note 1 after gloss 4 must not print as "41"."""

from __future__ import annotations

import re

import pytest

from edition.cli import main
from tests.conftest import copy_mini

ADJACENT = """  - id: adjacent
    lemma: was "totalitarian."
    note: A gloss whose marker sits beside the author's note mark.
"""


@pytest.fixture(scope="module")
def page_html(tmp_path_factory: pytest.TempPathFactory) -> str:
    root = copy_mini(tmp_path_factory.mktemp("marks"), more_glosses=ADJACENT)
    build_dir = root.parent / "build"
    assert (
        main(["build", str(root), "--build-dir", str(build_dir), "--format", "pdf", "--keep-html", "-q"]) == 0
    )
    return (build_dir / "mini-print.html").read_text(encoding="utf-8")


def test_a_gloss_mark_and_an_authors_note_mark_are_separated(page_html: str) -> None:
    # The gloss's mark is followed by its (absolutely positioned) margin note, then the separator.
    after_gloss = re.search(
        r'id="glossref-(\d+)" href="#gloss-adjacent">.*?(<[^>]+class="(mark-sep|fn-ref)")',
        page_html,
        re.DOTALL,
    )
    assert after_gloss is not None and after_gloss.group(3) == "mark-sep"


def test_a_lone_mark_has_no_separator(page_html: str) -> None:
    assert page_html.count('class="mark-sep"') == 1
