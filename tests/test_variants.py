"""Variants entries: reading, resolving, and one test per located error."""

from __future__ import annotations

from pathlib import Path

from edition.diagnostics import Diagnostic
from edition.model import Reading
from edition.resolve import check_edition

WITNESSES = """witnesses:
  - siglum: A
    description: The first printing (a fixture)
  - siglum: B
    description: A second printing
  - siglum: C
    description: A manuscript
  - siglum: D
    description: A later copy
"""


def with_witnesses(root: Path, variants: str) -> Path:
    """The mini edition with four witnesses and ``variants`` as a new apparatus file."""
    config = (root / "edition.yaml").read_text(encoding="utf-8")
    start = config.index("witnesses:")
    end = config.index("front_matter:")
    config = config[:start] + WITNESSES + config[end:]
    config = config.replace("apparatus/other.yaml]", "apparatus/other.yaml, apparatus/variants.yaml]")
    (root / "edition.yaml").write_text(config, encoding="utf-8")
    (root / "apparatus" / "variants.yaml").write_text(variants, encoding="utf-8")
    return root


def codes(root: Path) -> list[Diagnostic]:
    return [d for d in check_edition(root).diagnostics if d.severity == "error"]


def test_variants_resolve_with_lemma_witnesses(mini: Path) -> None:
    root = with_witnesses(
        mini,
        "variants:\n"
        "  - lemma: Stalin rose\n"
        "    type: substitution\n"
        "    readings:\n"
        "      - {witness: B, text: Stalin climbed}\n"
        "      - {witness: [C, D], text: ''}\n"
        "    note: Only *B* says so.\n",
    )
    result = check_edition(root)
    assert result.edition is not None, result.diagnostics
    (variant,) = result.edition.variants
    assert variant.lemma.text == "Stalin rose"
    assert variant.type == "substitution"
    assert [(r.witnesses, r.text) for r in variant.readings] == [(("B",), "Stalin climbed"), (("C", "D"), "")]
    assert variant.lemma_witnesses == ("A",)
    assert isinstance(variant.readings[0], Reading)
    assert variant.readings[0].origin.path == "apparatus/variants.yaml"
    assert variant.readings[0].origin.line == 5
    assert variant.note


def test_emendation_and_variant_may_share_a_lemma(mini: Path) -> None:
    root = with_witnesses(mini, "variants:\n  - lemma: surfs\n    readings: [{witness: B, text: serfs}]\n")
    result = check_edition(root)
    assert result.edition is not None, result.diagnostics
    assert result.edition.variants[0].lemma == result.edition.emendations[0].lemma


def test_nested_variants_are_allowed(mini: Path) -> None:
    root = with_witnesses(
        mini,
        "variants:\n"
        "  - lemma: The state surfs were many\n"
        "    readings: [{witness: B, text: The serfs were many}]\n"
        "  - lemma: surfs\n"
        "    readings: [{witness: C, text: serfs}]\n",
    )
    result = check_edition(root)
    assert result.edition is not None, result.diagnostics
    assert [v.lemma.text for v in result.edition.variants] == ["The state surfs were many", "surfs"]


def test_unknown_siglum_is_located_with_suggestion(mini: Path) -> None:
    root = with_witnesses(
        mini, "variants:\n  - lemma: Stalin rose\n    readings:\n      - {witness: [B, Q], text: x}\n"
    )
    (d,) = codes(root)
    assert d.code == "unknown-witness"
    assert (d.path, d.line, d.column) == ("apparatus/variants.yaml", 4, 23)
    assert "'Q'" in d.message


def test_witness_cited_twice_in_one_entry(mini: Path) -> None:
    root = with_witnesses(
        mini,
        "variants:\n  - lemma: Stalin rose\n    readings:\n"
        "      - {witness: B, text: x}\n      - {witness: [C, B], text: y}\n",
    )
    (d,) = codes(root)
    assert d.code == "witness-cited-twice"
    assert (d.line, d.column) == (5, 23)
    assert "first at apparatus/variants.yaml:4:" in d.message


def test_witness_cited_twice_across_entries_on_the_same_lemma(mini: Path) -> None:
    root = with_witnesses(
        mini,
        "variants:\n  - lemma: Stalin rose\n    readings: [{witness: B, text: x}]\n"
        "  - lemma: Stalin rose\n    readings: [{witness: B, text: y}]\n",
    )
    (d,) = codes(root)
    assert d.code == "witness-cited-twice"
    assert d.line == 5


def test_copy_text_siglum_is_not_a_variant(mini: Path) -> None:
    root = with_witnesses(mini, "variants:\n  - lemma: Stalin rose\n    readings: [{witness: A, text: x}]\n")
    (d,) = codes(root)
    assert d.code == "copy-text-as-variant"


def test_overlapping_variants_that_do_not_nest(mini: Path) -> None:
    root = with_witnesses(
        mini,
        "variants:\n"
        "  - lemma: state surfs\n"
        "    readings: [{witness: B, text: state serfs}]\n"
        "  - lemma: surfs were\n"
        "    readings: [{witness: C, text: serfs are}]\n",
    )
    (d,) = codes(root)
    assert d.code == "overlapping-variants"
    assert (d.line, d.column) == (4, 12)
    assert "apparatus/variants.yaml:2:12" in d.message


def test_reading_identical_to_lemma(mini: Path) -> None:
    root = with_witnesses(
        mini, "variants:\n  - lemma: Stalin rose\n    readings:\n      - {witness: B, text: Stalin  rose}\n"
    )
    (d,) = codes(root)
    assert d.code == "reading-same-as-lemma"
    assert d.line == 4


def test_unknown_type_suggests(mini: Path) -> None:
    root = with_witnesses(
        mini,
        "variants:\n  - lemma: Stalin rose\n    type: ommission\n    readings: [{witness: B, text: ''}]\n",
    )
    (d,) = codes(root)
    assert (d.code, d.line) == ("bad-value", 3)
    assert "omission" in d.hint


def test_reading_without_witness_or_readings(mini: Path) -> None:
    root = with_witnesses(
        mini, "variants:\n  - lemma: Stalin rose\n    readings:\n      - {witness: []}\n      - {text: x}\n"
    )
    found = sorted((d.code, d.line) for d in codes(root))
    assert found == [("missing-field", 4), ("missing-field", 5)]
    root = with_witnesses(mini, "variants:\n  - lemma: Stalin rose\n    readings: []\n")
    assert [(d.code, d.line) for d in codes(root)] == [("missing-field", 3)]


def test_reading_without_text_is_an_omission(mini: Path) -> None:
    root = with_witnesses(mini, "variants:\n  - lemma: Stalin rose\n    readings:\n      - {witness: B}\n")
    result = check_edition(root)
    assert result.edition is not None, result.diagnostics
    assert result.edition.variants[0].readings[0].text == ""


def test_variant_lemma_not_found_is_located(mini: Path) -> None:
    root = with_witnesses(mini, "variants:\n  - lemma: Stalin fell\n    readings: [{witness: B, text: x}]\n")
    (d,) = codes(root)
    assert (d.code, d.line) == ("lemma-not-found", 2)
    assert "variants entry" in d.message
