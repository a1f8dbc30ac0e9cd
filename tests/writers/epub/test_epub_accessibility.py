"""DAISY Ace on the built books: no violation of any impact, minor ones included.

Ace reads the book as a screen reader's user would meet it (ARIA roles, headings, alternative text, page
list, metadata) by running axe in Chromium on every XHTML file. It takes a few seconds a book.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from edition.resolve import load_edition
from edition.writers.epub import build_epub

from .ace import missing_tools, run_ace, violations
from .sample_edition import sample_edition, sample_page_map

REPO = Path(__file__).resolve().parents[3]
MINI = REPO / "tests" / "fixtures" / "mini"
DEFAULT = REPO / "source" / "revolution-betrayed"


def test_violations_are_read_from_a_failing_report():
    """The reader of Ace's report finds a failure where Ace puts one (the shape of Ace 1.4's JSON)."""
    report = {
        "assertions": [
            {"earl:testSubject": {"url": "/EPUB/ok.xhtml"}, "assertions": []},
            {
                "earl:testSubject": {"url": "/EPUB/titlepage.xhtml"},
                "assertions": [
                    {
                        "earl:result": {
                            "earl:outcome": "fail",
                            "dct:description": "Element has no ARIA role matching its epub:type",
                            "earl:pointer": {"css": [".subtitle"]},
                        },
                        "earl:test": {"earl:impact": "moderate", "dct:title": "epub-type-has-matching-role"},
                    }
                ],
            },
        ]
    }
    found = violations(report)
    assert [(v.document, v.rule, v.impact, v.where) for v in found] == [
        ("/EPUB/titlepage.xhtml", "epub-type-has-matching-role", "moderate", (".subtitle",))
    ]


@pytest.fixture(scope="module")
def books(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("ace-books")
    mini = out / "mini-source"
    shutil.copytree(MINI, mini)
    built = {
        "mini": build_epub(load_edition(mini), out).path,
        "sample-paged": build_epub(sample_edition("sample-paged"), out, page_map=sample_page_map()).path,
    }
    if DEFAULT.is_dir():
        built["default"] = build_epub(load_edition(DEFAULT), out).path
    return built


@pytest.mark.slow
@pytest.mark.parametrize("name", ["mini", "sample-paged", "default"])
def test_ace_finds_no_violation(name: str, books: dict[str, Path], tmp_path: Path):
    assert missing_tools() == [], "Ace runs in every test run: make setup installs it"
    if name not in books:
        pytest.skip("the default edition is not in this tree")
    report = run_ace(books[name], tmp_path / "ace")
    assert report["earl:assertedBy"]["doap:name"] == "DAISY Ace"
    assert [str(v) for v in violations(report)] == []
    assert report["earl:result"]["earl:outcome"] == "pass"
