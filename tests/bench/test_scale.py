"""bench/scale.py: a scaled edition checks clean, and each copy's lemmas anchor where the source's do."""

from __future__ import annotations

from pathlib import Path

import pytest

from edition.model import Edition, Section, iter_paragraphs
from edition.resolve import check_edition, load_edition

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "source" / "revolution-betrayed"


@pytest.fixture(scope="module")
def source() -> Edition:
    return load_edition(SOURCE)


@pytest.fixture(scope="module")
def doubled(bench, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("scaled") / "x2"
    assert bench("scale").main(["2", str(out), "--edition", str(SOURCE)]) == 0
    return out


def _entries(edition: Edition) -> dict[str, object]:
    """Every anchored entry by element id: glosses, textual notes, named anchors, cross-references."""
    groups = (edition.glosses, edition.emendations, edition.anchors, edition.cross_references)
    return {entry.element_id: entry for group in groups for entry in group}


def _text_paragraphs(edition: Edition) -> int:
    return sum(1 for _ in iter_paragraphs(edition.sections))


def _note_paragraphs(edition: Edition) -> int:
    blocks = tuple(block for footnote in edition.footnotes for block in footnote.blocks)
    return sum(1 for _ in iter_paragraphs((Section("notes", None, None, blocks, edition.origin),)))


def test_scale_two_checks_clean_with_twice_the_text_and_apparatus(source: Edition, doubled: Path):
    result = check_edition(doubled)
    assert result.diagnostics == ()
    edition = result.edition
    assert edition is not None
    assert _text_paragraphs(edition) == 2 * _text_paragraphs(source)
    assert len(edition.glosses) == 2 * len(source.glosses)
    assert len(edition.emendations) == 2 * len(source.emendations)
    assert len(edition.footnotes) == 2 * len(source.footnotes)
    assert len(edition.index) == len(source.index)
    for kept, entry in zip(source.index, edition.index, strict=True):
        assert len(entry.locations) == 2 * len(kept.locations)


def test_each_copy_quotes_the_same_words_in_its_own_paragraph(source: Edition, doubled: Path):
    edition = load_edition(doubled)
    text, notes = _text_paragraphs(source), _note_paragraphs(source)
    assert notes > 0  # the default edition has lemmas in the author's notes: they must be placed too
    scaled = _entries(edition)
    for element_id, entry in _entries(source).items():
        paragraph = entry.lemma.paragraph
        # § numbers of a ×2 edition: both copies of the text, then both copies of the notes.
        first = paragraph if paragraph <= text else paragraph + text
        second = paragraph + text if paragraph <= text else paragraph + text + notes
        for copy_id, expected in ((element_id, first), (f"{element_id}-c2", second)):
            copy = scaled[copy_id].lemma
            assert (copy.paragraph, copy.start, copy.end, copy.text) == (
                expected,
                entry.lemma.start,
                entry.lemma.end,
                entry.lemma.text,
            ), copy_id
    assert len(scaled) == 2 * len(_entries(source))


def test_copies_are_told_apart_in_headings_and_footnote_numbers(source: Edition, doubled: Path):
    edition = load_edition(doubled)
    titles = [section.title for section in edition.sections if section.title]
    half = len(titles) // 2
    assert titles[half:] == [f"{title} (copy 2)" for title in titles[:half]]
    assert [fn.label for fn in edition.footnotes] == [str(n) for n in range(1, 2 * len(source.footnotes) + 1)]


def test_scale_one_gives_the_source_edition_back(bench, source: Edition, tmp_path: Path):
    out = tmp_path / "x1"
    bench("scale").main(["1", str(out), "--edition", str(SOURCE)])
    assert (out / "text" / "article.md").read_bytes() == (SOURCE / "text" / "article.md").read_bytes()
    lemmas = {key: entry.lemma for key, entry in _entries(load_edition(out)).items()}
    assert lemmas == {key: entry.lemma for key, entry in _entries(source).items()}
