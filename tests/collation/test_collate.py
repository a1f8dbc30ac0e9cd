"""edition collate: drafts that resolve, nothing for an unchanged witness, merging without loss."""

from __future__ import annotations

from pathlib import Path

import pytest

from edition.cli import main
from edition.collation.command import collate, copy_text_index
from edition.config import read_config
from edition.diagnostics import EditionError
from edition.resolve import check_edition

ARTICLE = "text/article.md"


def two_witnesses(root: Path, *, listed: bool = True, collation: str = "") -> Path:
    config = (root / "edition.yaml").read_text(encoding="utf-8")
    config = config.replace(
        "front_matter:", "  - siglum: B\n    description: A second printing\nfront_matter:", 1
    )
    if listed:
        config = config.replace("apparatus/other.yaml]", "apparatus/other.yaml, apparatus/variants.yaml]")
    (root / "edition.yaml").write_text(config + collation, encoding="utf-8")
    return root


def witness(root: Path, *replacements: tuple[str, str], name: str = "b.md") -> Path:
    text = (root / ARTICLE).read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text
        text = text.replace(old, new)
    path = root.parent / name
    path.write_text(text, encoding="utf-8")
    return path


CHANGES = (
    ("Stalin rose to power", "Stalin came to power"),
    ("The state surfs were many", "The state serfs were many"),
    ("like a policeman keeping order", "like a policeman, keeping order"),
    ("Stalin again, and the bureaucracy again", "Stalin again, and again"),
)


def test_unchanged_witness_proposes_nothing(mini: Path) -> None:
    root = two_witnesses(mini, listed=False)
    report = collate(root, root / ARTICLE, "B")
    assert (report.merge.added, report.merge.kept, report.merge.stale) == ((), (), ())
    assert not (root / "apparatus" / "variants.yaml").exists()


def test_every_drafted_entry_resolves_to_its_span(mini: Path) -> None:
    root = two_witnesses(mini)
    report = collate(root, witness(root, *CHANGES), "B")
    added = report.merge.added
    assert [p.type for p in added] == ["substitution", "addition", "substitution", "omission"]
    result = check_edition(root)
    assert result.edition is not None, result.diagnostics
    variants = result.edition.variants
    index = copy_text_index(read_config(root, []) or pytest.fail("config"), [])
    assert len(variants) == len(added)
    for variant, proposal in zip(variants, added, strict=True):
        span = proposal.span
        assert (variant.lemma.paragraph, variant.lemma.start, variant.lemma.end) == (
            index.numbers[span.paragraph],
            span.start,
            span.end,
        )
        assert variant.readings[0].witnesses == ("B",)
    assert [(v.lemma.text, v.readings[0].text) for v in variants] == [
        ("rose", "came"),
        ("policeman", "policeman,"),
        ("surfs", "serfs"),
        ("the bureaucracy", ""),
    ]


def test_repeated_words_get_an_occurrence(mini: Path) -> None:
    root = two_witnesses(mini)
    collate(root, witness(root, ("Stalin again, and the", "Stalin again, and a")), "B")
    text = (root / "apparatus" / "variants.yaml").read_text(encoding="utf-8")
    assert 'lemma: "the"' in text and "occurrence:" in text
    result = check_edition(root)
    assert result.edition is not None, result.diagnostics
    assert result.edition.variants[0].readings[0].text == "a"


def test_rerun_after_curation_keeps_comments_order_and_entries(mini: Path) -> None:
    root = two_witnesses(mini)
    curated = (
        "# The editor's apparatus of B.\n"
        "variants:\n"
        "  # widened by the editor: the whole phrase\n"
        "  - lemma: Stalin rose to power\n"
        "    type: substitution\n"
        "    readings:\n"
        "      - {witness: B, text: Stalin came to power}\n"
        "    note: B's wording.\n"
        "\n"
        "# other sections follow\n"
        "anchors: []\n"
    )
    path = root / "apparatus" / "variants.yaml"
    path.write_text(curated, encoding="utf-8")
    report = collate(root, witness(root, *CHANGES), "B")
    assert len(report.merge.kept) == 1
    assert len(report.merge.added) == 3
    after = path.read_text(encoding="utf-8")
    # The editor's lines are untouched and in order; the drafts go at the end of the variants list.
    head, _, _rest = curated.partition("\n\n# other sections follow")
    drafted = after.index("  # drafted by edition collate")
    assert after[:drafted] == head + "\n"
    assert after.endswith("\n# other sections follow\nanchors: []\n")
    assert after.index("anchors: []") > after.index('lemma: "surfs"')
    assert check_edition(root).edition is not None
    again = collate(root, witness(root, *CHANGES), "B")
    assert (len(again.merge.added), len(again.merge.kept)) == (0, 4)
    assert path.read_text(encoding="utf-8") == after


def test_changed_and_stale_are_reported_not_rewritten(mini: Path) -> None:
    root = two_witnesses(mini)
    collate(root, witness(root, *CHANGES), "B")
    path = root / "apparatus" / "variants.yaml"
    before = path.read_text(encoding="utf-8")
    # The witness file is corrected: 'rose' now reads 'climbed', and 'surfs' agrees with the copy-text.
    report = collate(
        root,
        witness(root, ("Stalin rose", "Stalin climbed"), *CHANGES[2:], name="b2.md"),
        "B",
    )
    assert [p.reading for p, _ in report.merge.changed] == ["climbed"]
    assert [e.selector.lemma for e in report.merge.stale] == ["surfs"]
    assert {d.code for d in report.warnings} == {"collate-changed", "collate-stale"}
    assert path.read_text(encoding="utf-8") == before


def test_insignificant_differences_are_not_proposed(mini: Path) -> None:
    settings = "collation:\n  ignore: [case, punctuation]\n  spelling: [policeman/policemen]\n"
    root = two_witnesses(mini, collation=settings)
    changed = witness(
        root,
        ("Stalin rose to power.", "stalin rose to power;"),
        ("like a policeman keeping", "like a policemen, keeping"),
        ("Stalin's regime", "Stalin’s regime"),  # a lemma normalisation: quotes are one character
    )
    report = collate(root, changed, "B")
    assert report.merge.added == ()


def test_plain_text_witness_is_split_at_blank_lines(mini: Path) -> None:
    root = two_witnesses(mini)
    plain = witness(root, ("*The Revolution Betrayed*", "The Revolution Betrayed"), name="b.txt")
    text = plain.read_text(encoding="utf-8").replace("## ", "").replace("> ", "").replace("[^1]", "")
    plain.write_text(text.split("[^1]:")[0], encoding="utf-8")
    report = collate(root, plain, "B")
    # Only the section headings (not paragraphs of the copy-text) and the note differ.
    assert all(p.type in ("addition", "omission") for p in report.merge.added), report.merge.added


def test_unknown_siglum_writes_nothing(mini: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = two_witnesses(mini)
    with pytest.raises(EditionError) as error:
        collate(root, witness(root, *CHANGES), "Q")
    assert error.value.diagnostics[0].code == "unknown-witness"
    status = main(["collate", str(root), str(witness(root, *CHANGES)), "--siglum", "A"])
    assert status == 1
    assert "copy-text" in capsys.readouterr().err
    assert not (root / "apparatus" / "variants.yaml").exists()


def test_cli_reports_counts(mini: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = two_witnesses(mini)
    assert main(["collate", str(root), str(witness(root, *CHANGES)), "--siglum", "B"]) == 0
    assert "collate B: 4 added, 0 kept, 0 changed, 0 stale" in capsys.readouterr().err


def test_line_end_hyphens_are_joined_where_the_copy_text_has_the_whole_word() -> None:
    from edition.collation.tokens import join_line_end_hyphens

    copy_text = ["the last full measure of devotion on a great battle-field, resting"]
    witness = ["the last full measure of de-votion on a great battle-field, rest- ing", "a well-known word"]
    assert join_line_end_hyphens(witness, copy_text) == [
        "the last full measure of devotion on a great battle-field, resting",  # the compound stays
        "a well-known word",  # "wellknown" is not a word of the copy-text: left as written
    ]
