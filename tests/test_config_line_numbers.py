"""The print style's line-number and note-key settings: defaults, the one-line switch, bad values."""

from __future__ import annotations

from pathlib import Path

from edition.model import LineNumbering
from edition.resolve import check_edition


def copy_of(root: Path) -> Path:
    from tests.conftest import copy_mini

    return copy_mini(root.parent / "second")


def with_style(root: Path, lines: str) -> Path:
    config = root / "edition.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "style:\n" + lines, encoding="utf-8")
    return root


def test_no_line_numbers_unless_asked(mini: Path) -> None:
    edition = check_edition(mini).edition
    assert edition is not None
    assert edition.style.line_numbers is None and edition.style.note_keys == "page"


def test_keys_by_line_turn_line_numbers_on(mini: Path) -> None:
    edition = check_edition(with_style(mini, "  note_keys: page.line\n")).edition
    assert edition is not None
    assert edition.style.note_keys == "page.line"
    assert edition.style.line_numbers == LineNumbering(interval=5, side="inner", restart="page")


def test_line_number_settings(mini: Path) -> None:
    root = with_style(mini, "  line_numbers: {interval: 10, side: outer, restart: section}\n")
    edition = check_edition(root).edition
    assert edition is not None
    assert edition.style.line_numbers == LineNumbering(interval=10, side="outer", restart="section")


def test_empty_line_numbers_mean_the_defaults(mini: Path) -> None:
    edition = check_edition(with_style(mini, "  line_numbers: {}\n")).edition
    assert edition is not None
    assert edition.style.line_numbers == LineNumbering()


def test_line_numbers_must_be_a_mapping(mini: Path) -> None:
    codes = [d.code for d in check_edition(with_style(mini, "  line_numbers: yes\n")).diagnostics]
    assert codes == ["wrong-type"]


def test_series_are_read_and_checked(mini: Path) -> None:
    root = with_style(
        mini,
        "  series:\n"
        "    - {name: A, contents: [variants], place: foot}\n"
        "    - {name: B, contents: [emendations, variants, glosses]}\n",
    )
    problems = check_edition(root).diagnostics
    assert sorted(d.code for d in problems) == ["bad-value", "duplicate-series"]
    root2 = with_style(copy_of(mini), "  series: [{name: A, contents: [emendations], place: foot}]\n")
    edition = check_edition(root2).edition
    assert edition is not None
    assert [(s.name, s.contents, s.place) for s in edition.style.series] == [("A", ("emendations",), "foot")]
    assert edition.style.line_numbers == LineNumbering()  # a foot apparatus is keyed by line


def test_bad_side_is_located_with_the_choices(mini: Path) -> None:
    root = with_style(mini, "  line_numbers: {side: left}\n")
    [problem] = [d for d in check_edition(root).diagnostics if d.code == "bad-value"]
    assert "'left'" in problem.message and "inner, outer" in (problem.hint or "")
    assert problem.path.endswith("edition.yaml") and problem.line > 1 and problem.column > 1


def test_unknown_line_number_key_and_bad_note_keys(mini: Path) -> None:
    root = with_style(mini, "  line_numbers: {intervall: 5}\n  note_keys: line\n")
    codes = sorted(d.code for d in check_edition(root).diagnostics)
    assert codes == ["bad-value", "unknown-key"]


def test_apparatus_form_is_negative_unless_positive_is_asked(mini: Path) -> None:
    edition = check_edition(mini).edition
    assert edition is not None and edition.style.apparatus_form == "negative"
    edition = check_edition(with_style(mini, "  apparatus_form: positive\n")).edition
    assert edition is not None and edition.style.apparatus_form == "positive"


def test_a_misspelt_apparatus_form_is_a_located_error(mini: Path) -> None:
    result = check_edition(with_style(mini, "  apparatus_form: positiv\n"))
    errors = [d for d in result.diagnostics if d.severity == "error"]
    assert [(d.code, d.path) for d in errors] == [("bad-value", "edition.yaml")]
    assert "positiv" in errors[0].message and "negative, positive" in errors[0].hint
    assert errors[0].line == len((mini / "edition.yaml").read_text(encoding="utf-8").splitlines())
