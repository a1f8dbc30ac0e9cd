"""One test per diagnostic code: the message, the position, and the hint an editor sees."""

from __future__ import annotations

from pathlib import Path

import pytest

from edition.diagnostics import Diagnostic
from edition.resolve import check_edition


def problems_of(root: Path) -> list[Diagnostic]:
    return list(check_edition(root).diagnostics)


def only(root: Path, code: str) -> Diagnostic:
    found = [d for d in problems_of(root) if d.code == code]
    assert len(found) == 1, problems_of(root)
    return found[0]


def write(root: Path, relpath: str, text: str) -> None:
    (root / relpath).write_text(text, encoding="utf-8")


def test_mini_fixture_is_clean(mini: Path) -> None:
    result = check_edition(mini)
    assert result.diagnostics == ()
    assert result.edition is not None


def test_yaml_syntax_error_has_position(mini: Path) -> None:
    write(mini, "apparatus/glosses.yaml", "glosses:\n  - id: a\n    lemma: [unclosed\n")
    d = only(mini, "yaml-syntax")
    assert (d.path, d.line) == ("apparatus/glosses.yaml", 4)
    assert "YAML syntax error" in d.message


def test_yaml_alias_is_refused_not_expanded(mini: Path) -> None:
    bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n'
    bomb += "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
    write(mini, "apparatus/glosses.yaml", bomb)
    d = only(mini, "yaml-alias")
    assert (d.line, d.column) == (1, 4)
    assert "aliases" in d.message


def test_duplicate_yaml_key(mini: Path) -> None:
    write(
        mini,
        "apparatus/glosses.yaml",
        "glosses:\n  - id: a\n    lemma: Stalin\n    lemma: Trotsky\n    note: x\n",
    )
    d = only(mini, "duplicate-key")
    assert (d.line, d.column) == (4, 5)
    assert "first at line 3" in d.message


def test_unknown_key_suggests_near_spelling(mini: Path) -> None:
    write(
        mini,
        "apparatus/glosses.yaml",
        "glosses:\n  - id: a\n    lemma: Left Opposition\n    noet: The faction.\n    note: x\n",
    )
    d = only(mini, "unknown-key")
    assert (d.line, d.column) == (4, 5)
    assert d.message == "unknown key 'noet' in gloss"
    assert d.hint == "did you mean 'note'?"


def test_wrong_type(mini: Path) -> None:
    write(
        mini,
        "apparatus/glosses.yaml",
        "glosses:\n  - id: a\n    lemma: Left Opposition\n    occurrence: first\n    note: x\n",
    )
    d = only(mini, "wrong-type")
    assert (d.line, d.column) == (4, 17)
    assert d.message == "'occurrence' in gloss must be a whole number, not text"


def test_missing_required_field(mini: Path) -> None:
    write(mini, "apparatus/glosses.yaml", "glosses:\n  - id: a\n    lemma: Left Opposition\n")
    d = only(mini, "missing-field")
    assert (d.line, d.column) == (2, 5)
    assert d.message == "gloss is missing the required field 'note'"


def test_duplicate_id_across_files(mini: Path) -> None:
    with (mini / "apparatus/other.yaml").open("a", encoding="utf-8") as f:
        f.write("  - id: stalin\n    heading: Stalin again\n    forms: [Stalin]\n")
    d = only(mini, "duplicate-id")
    assert d.path == "apparatus/other.yaml"
    assert "the id 'stalin' is used twice (first at apparatus/glosses.yaml:" in d.message


def test_lemma_not_found_shows_nearest_passages(mini: Path) -> None:
    write(mini, "apparatus/glosses.yaml", "glosses:\n  - id: a\n    lemma: Left Oposition\n    note: x\n")
    d = only(mini, "lemma-not-found")
    assert (d.path, d.line, d.column) == ("apparatus/glosses.yaml", 3, 12)
    assert d.message == "gloss 'a': 'Left Oposition' does not occur in the text"
    assert d.hint is not None and "§ 1: “Left Opposition”" in d.hint


def test_a_lemma_running_on_into_the_next_paragraph_is_told_to_quote_from_and_to(mini: Path) -> None:
    """The last words of § 2 and the first of § 3 (the block quote): not a spelling mistake, and a gloss
    may quote such a passage with 'from:' and 'to:' instead."""
    with (mini / "apparatus/glosses.yaml").open("a", encoding="utf-8") as out:
        out.write("  - id: run-on\n    lemma: keeping order. When the lines\n    note: x.\n")
    d = only(mini, "lemma-spans-paragraphs")
    assert (d.severity, d.path) == ("error", "apparatus/glosses.yaml")
    assert d.line == len((mini / "apparatus/glosses.yaml").read_text().splitlines()) - 1  # the lemma's line
    assert "§ 2" in d.message and "§ 3" in d.message and "cannot cross a paragraph break" in d.message
    assert "spelling" not in (d.hint or "") and "'from:'" in (d.hint or "") and "'to:'" in (d.hint or "")


def test_ambiguous_lemma_lists_each_occurrence_with_the_line_to_add(mini: Path) -> None:
    write(mini, "apparatus/glosses.yaml", "glosses:\n  - id: a\n    lemma: policeman\n    note: x\n")
    d = only(mini, "lemma-ambiguous")
    assert d.message == "gloss 'a': 'policeman' occurs 3 times; say which one"
    assert d.hint is not None
    lines = d.hint.splitlines()
    assert lines[0].startswith("§ 2: ") and lines[0].endswith("→ add 'occurrence: 1'")
    assert lines[1].startswith("§ 3: ") and lines[1].endswith("→ add 'occurrence: 2'")
    assert lines[2].startswith("§ 5: ") and lines[2].endswith("→ add 'occurrence: 3'")


def test_occurrence_out_of_range(mini: Path) -> None:
    write(
        mini,
        "apparatus/glosses.yaml",
        "glosses:\n  - id: a\n    lemma: policeman\n    occurrence: 4\n    note: x\n",
    )
    d = only(mini, "occurrence-out-of-range")
    assert d.message == "gloss 'a' asks for occurrence 4 of 'policeman', but it occurs 3 times"


def test_overlapping_emendations(mini: Path) -> None:
    with (mini / "apparatus/other.yaml").open("a", encoding="utf-8") as f:
        f.write("emendations2: []\n")
    text = (mini / "apparatus/other.yaml").read_text().replace("emendations2: []\n", "")
    text = text.replace(
        "    note: A homophone error.\n",
        "    note: A homophone error.\n  - id: state\n    lemma: state surfs\n    reading: x\n",
    )
    write(mini, "apparatus/other.yaml", text)
    d = only(mini, "overlapping-emendations")
    assert "overlaps emendation" in d.message


def test_unknown_cross_reference_target(mini: Path) -> None:
    text = (mini / "apparatus/other.yaml").read_text().replace("target: policeman", "target: policemen")
    write(mini, "apparatus/other.yaml", text)
    d = only(mini, "unknown-target")
    assert d.message == "cross-reference to unknown target 'policemen'"
    assert d.hint == "did you mean 'policeman'?"


def test_unknown_target_in_note(mini: Path) -> None:
    write(
        mini,
        "apparatus/glosses.yaml",
        "glosses:\n  - id: a\n    lemma: Left Opposition\n    note: See [[§99]].\n",
    )
    d = only(mini, "unknown-target")
    assert d.line == 4
    assert d.hint == "the text has § 1 to § 6"


def test_unknown_citation_key(mini: Path) -> None:
    write(
        mini,
        "apparatus/glosses.yaml",
        "glosses:\n  - id: a\n    lemma: Left Opposition\n    note: |\n      Line one.\n"
        "      As argued [@trotsky-1973, 5].\n",
    )
    found = [d for d in problems_of(mini) if d.code == "unknown-citation-key"]
    assert len(found) == 1
    assert found[0].message == "citation of unknown bibliography key 'trotsky-1973'"
    assert found[0].hint == "did you mean 'trotsky-1937'?"
    assert found[0].line == 5


def test_unused_bibliography_entry_is_a_warning(mini: Path) -> None:
    text = (mini / "edition.yaml").read_text().replace("further_reading: [cliff-1974]\n", "")
    write(mini, "edition.yaml", text)
    result = check_edition(mini)
    d = only(mini, "unused-bibliography-entry")
    assert d.severity == "warning"
    assert d.message == "bibliography entry 'cliff-1974' is never cited"
    assert result.edition is not None


def test_not_utf8(mini: Path) -> None:
    (mini / "text/article.md").write_bytes("Line one\nCaf\xe9 au lait\n".encode("latin-1"))
    d = only(mini, "not-utf8")
    assert (d.path, d.line, d.column) == ("text/article.md", 2, 4)


def test_binary_file(mini: Path) -> None:
    (mini / "apparatus/glosses.yaml").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    d = only(mini, "binary-file")
    assert d.path == "apparatus/glosses.yaml"


def test_empty_file(mini: Path) -> None:
    write(mini, "front/note.md", "  \n")
    d = only(mini, "empty-file")
    assert d.path == "front/note.md"


def test_missing_file_named_in_edition_yaml(mini: Path) -> None:
    (mini / "front/note.md").unlink()
    d = only(mini, "missing-file")
    assert d.path == "edition.yaml"
    assert d.message == "'front/note.md' named in edition.yaml does not exist"


def test_text_file_named_twice(mini: Path) -> None:
    """Named twice, a file would be printed twice with two § numbers for each paragraph."""
    config = (mini / "edition.yaml").read_text()
    write(
        mini,
        "edition.yaml",
        config.replace("text: [text/article.md]", "text: [text/article.md, text/article.md]"),
    )
    d = only(mini, "duplicate-text-file")
    assert (d.path, d.line, d.column) == ("edition.yaml", 21, 25)
    assert d.message == "the text file 'text/article.md' is named twice (first at edition.yaml:21:8)"
    assert check_edition(mini).edition is None


def test_index_form_not_found(mini: Path) -> None:
    text = (mini / "apparatus/other.yaml").read_text().replace("forms: [bureaucracy]", "forms: [bureacracy]")
    write(mini, "apparatus/other.yaml", text)
    d = only(mini, "index-form-not-found")
    assert d.message == "index form 'bureacracy' of 'bureaucracy' does not occur in the text"


def test_unknown_witness(mini: Path) -> None:
    text = (
        (mini / "apparatus/other.yaml")
        .read_text()
        .replace("reading: serfs", "reading: serfs\n    witness: B")
    )
    write(mini, "apparatus/other.yaml", text)
    d = only(mini, "unknown-witness")
    assert d.message == "unknown witness siglum 'B'"


def test_bad_id(mini: Path) -> None:
    write(
        mini,
        "apparatus/glosses.yaml",
        "glosses:\n  - id: 1st note\n    lemma: Left Opposition\n    note: x\n",
    )
    d = only(mini, "bad-id")
    assert (d.line, d.column) == (2, 9)


def test_bad_date(mini: Path) -> None:
    text = (mini / "edition.yaml").read_text().replace('date: "2026-11-26"', "date: next spring")
    write(mini, "edition.yaml", text)
    d = only(mini, "bad-date")
    assert d.path == "edition.yaml"


def test_bad_value_pdf_variant(mini: Path) -> None:
    with (mini / "edition.yaml").open("a", encoding="utf-8") as f:
        f.write("style:\n  pdf_variant: pdf/z-9\n")
    d = only(mini, "bad-value")
    assert d.message == "unknown PDF variant 'pdf/z-9'"


def test_conflicting_selector(mini: Path) -> None:
    write(
        mini,
        "apparatus/glosses.yaml",
        "glosses:\n  - id: a\n    lemma: Left Opposition\n    from: Left\n    to: Opposition\n    note: x\n",
    )
    d = only(mini, "conflicting-selector")
    assert d.line == 4


def test_unknown_csl_style(mini: Path) -> None:
    with (mini / "edition.yaml").open("a", encoding="utf-8") as f:
        f.write("style:\n  csl: chicago-fantasy\n")
    d = only(mini, "unknown-csl-style")
    assert d.message == "CSL style 'chicago-fantasy' not found"


def test_file_outside_edition_folder(mini: Path) -> None:
    text = (mini / "edition.yaml").read_text().replace("apparatus/other.yaml]", "../outside.yaml]")
    write(mini, "edition.yaml", text)
    (mini.parent / "outside.yaml").write_text("glosses: []\n")
    d = only(mini, "outside-edition")
    # Reported where edition.yaml names it: "apparatus: [apparatus/glosses.yaml, ../outside.yaml]", line 22.
    assert (d.path, d.line, d.column) == ("edition.yaml", 22, len("apparatus: [apparatus/glosses.yaml, ") + 1)
    assert d.message == "'../outside.yaml' named in edition.yaml is outside the edition folder"


def test_raw_html_is_a_warning(mini: Path) -> None:
    with (mini / "text/article.md").open("a", encoding="utf-8") as f:
        f.write("\n<div>raw</div>\n")
    d = only(mini, "raw-html")
    assert d.severity == "warning"


@pytest.mark.parametrize("code", ["yaml-syntax", "lemma-not-found", "unknown-key"])
def test_every_problem_is_reported_in_one_run(mini: Path, code: str) -> None:
    write(
        mini,
        "apparatus/glosses.yaml",
        "glosses:\n  - id: a\n    lemma: Left Oposition\n    noet: x\n    note: x\n",
    )
    write(mini, "front/note.md", "ok\n")
    (mini / "apparatus/other.yaml").write_text("index: [\n")
    codes = {d.code for d in problems_of(mini)}
    assert {"yaml-syntax", "lemma-not-found", "unknown-key"} <= codes


def test_every_code_the_checker_can_emit_is_in_the_catalogue() -> None:
    import re

    root = Path(__file__).parent.parent
    catalogue = (root / "docs" / "diagnostics.md").read_text(encoding="utf-8")
    sources = [p.read_text(encoding="utf-8") for p in (root / "edition").glob("*.py")]
    emitted = set()
    for source in sources:
        emitted |= set(re.findall(r'"(?:error|warning)",\s*"([a-z0-9-]+)"', source))
    emitted -= {"error", "warning"}  # the Severity type itself, not a code
    assert len(emitted) >= 25
    missing = sorted(code for code in emitted if f"`{code}`" not in catalogue)
    assert missing == []


def test_missing_apparatus_file_is_reported_where_edition_yaml_names_it(mini: Path) -> None:
    (mini / "apparatus/other.yaml").unlink()
    d = only(mini, "missing-file")
    assert d.path == "edition.yaml"
    assert (d.line, d.column) == (22, 37)  # the list item naming it
    assert d.message == "'apparatus/other.yaml' named in edition.yaml does not exist"


def test_cross_reference_with_words_links_them_and_adds_the_pointer(mini: Path) -> None:
    from edition.model import PageRef, Reference, Text
    from edition.resolve import load_edition

    write(
        mini,
        "apparatus/glosses.yaml",
        "glosses:\n  - id: a\n    lemma: Left Opposition\n"
        "    note: See the [[policeman|policeman passage]].\n",
    )
    edition = load_edition(mini)
    body = edition.glosses[0].body[0].content
    target = edition.anchors[0]
    assert body[1] == Reference(body[1].target, (Text("policeman passage"),))
    assert body[1].target.element_id == target.element_id == "a-policeman"
    assert body[2:4] == (Text(" ("), PageRef(body[1].target))


def test_image_in_the_text_is_a_warning(mini: Path) -> None:
    with (mini / "text/article.md").open("a", encoding="utf-8") as f:
        f.write("\nA figure ![a map of Europe](map.png) here.\n")
    d = only(mini, "image-unsupported")
    assert d.severity == "warning"
    assert d.path == "text/article.md"


def _break_bibliography(mini: Path, old: str, new: str) -> None:
    text = (mini / "bibliography.yaml").read_text(encoding="utf-8")
    assert old in text
    write(mini, "bibliography.yaml", text.replace(old, new))


def test_csl_names_must_be_a_list_of_name_parts(mini: Path) -> None:
    _break_bibliography(mini, "author: [{family: Trotsky, given: Leon}]", "author: Leon Trotsky")
    problems = problems_of(mini)
    assert [(d.code, d.line, d.column) for d in problems] == [("wrong-type", 5, 13)]
    assert problems[0].message.startswith(
        "'author' in bibliography entry 'trotsky-1937' must be a list of names"
    )


def test_csl_dates_must_be_dates(mini: Path) -> None:
    _break_bibliography(mini, "issued: 1937\n  - id: cliff", "issued: sometime in 1937\n  - id: cliff")
    problems = problems_of(mini)
    assert [(d.code, d.line) for d in problems] == [("bad-value", 9)]
    assert problems[0].message == "'issued' of bibliography entry 'trotsky-1937' is not a date"


def test_csl_plain_fields_must_be_single_values(mini: Path) -> None:
    _break_bibliography(mini, "title: The Revolution Betrayed", "title: [The Revolution, Betrayed]")
    problems = problems_of(mini)
    assert [(d.code, d.line, d.column) for d in problems] == [("wrong-type", 4, 12)]


def test_a_wrong_style_value_is_reported_once(mini: Path) -> None:
    with (mini / "edition.yaml").open("a", encoding="utf-8") as f:
        f.write("style:\n  font: [EB Garamond]\n")
    d = only(mini, "wrong-type")
    assert d.message == "'font' in 'style' of edition.yaml must be text, not a list"


def test_crop_marks_are_off_unless_asked_for_and_must_be_true_or_false(mini: Path) -> None:
    result = check_edition(mini)
    assert result.edition is not None and result.edition.style.crop_marks is False
    with (mini / "edition.yaml").open("a", encoding="utf-8") as f:
        f.write("style:\n  crop_marks: sometimes\n")
    d = only(mini, "wrong-type")
    assert "crop_marks" in d.message and d.line > 1


def test_crop_marks_can_be_asked_for(mini: Path) -> None:
    with (mini / "edition.yaml").open("a", encoding="utf-8") as f:
        f.write("style:\n  crop_marks: true\n")
    result = check_edition(mini)
    assert result.edition is not None and result.edition.style.crop_marks is True
