"""Typographic rules: applied to the printed text after anchoring, declared in the Note on the Text."""

from __future__ import annotations

from pathlib import Path

from edition.model import Emendation, Emended, LemmaSpan, Origin, Styled, Text, iter_paragraphs, plain_text
from edition.resolve import check_edition, load_edition
from edition.typography import RULES, apply_rules

ALL = tuple(RULES.values())


def test_curly_quotes_use_context_across_nodes() -> None:
    tree = (Text('He said "no" and '), Styled("em", (Text('"yes,"'),)), Text(' it\'s "true."'))
    assert apply_rules(tree, (RULES["curly-quotes"],)) == (
        Text("He said “no” and "),
        Styled("em", (Text("“yes,”"),)),
        Text(" it’s “true.”"),
    )


def test_a_closing_quote_after_markup_closes() -> None:
    tree = (Styled("em", (Text("Pravda"),)), Text('" said'))
    assert apply_rules(tree, (RULES["curly-quotes"],))[1] == Text("” said")


def test_range_and_word_dashes() -> None:
    tree = (Text("pages 52—53, years 1918-1923, Marxism–workers’ and 1940/1940-tu.htm"),)
    assert apply_rules(tree, ALL) == (
        Text("pages 52–53, years 1918–1923, Marxism—workers’ and 1940/1940-tu.htm"),
    )


def test_two_typed_hyphens_are_an_em_dash_and_other_runs_are_left() -> None:
    tree = (Text("dedicate -- we can not--consecrate; a ---- rule, a well-known word"),)
    assert apply_rules(tree, (RULES["double-hyphens"],)) == (
        Text("dedicate — we can not—consecrate; a ---- rule, a well-known word"),
    )


def test_the_gettysburg_text_prints_its_typed_dashes_as_em_dashes() -> None:
    edition = load_edition(Path(__file__).parent.parent / "source" / "gettysburg")
    printed = " ".join(plain_text(p.content) for p in iter_paragraphs(edition.sections))
    assert "--" not in printed
    assert "we can not dedicate — we can not consecrate — we can not hallow — this ground" in printed
    assert "A dash typed as two hyphens (--) is printed as an em dash." in edition.normalisations


def test_emended_readings_are_left_as_the_editor_wrote_them() -> None:
    em = Emendation("em-x", 1, LemmaSpan(1, 0, 3, "a-b"), "a-b", '"x"', "A", False, (), Origin("a.yaml"))
    node = Emended(em, (Text('"x"'),))
    assert apply_rules((node,), ALL) == (node,)


def test_rules_named_in_edition_yaml_apply_and_are_declared(mini: Path) -> None:
    with (mini / "edition.yaml").open("a", encoding="utf-8") as f:
        f.write("typography: [curly-quotes]\n")
    edition = load_edition(mini)
    texts = [n.text for p in iter_paragraphs(edition.sections) for n in p.content if isinstance(n, Text)]
    assert any("“totalitarian.”" in t for t in texts)
    assert edition.normalisations[0] == RULES["curly-quotes"].description
    # lemmas are still matched against the copy-text as written (straight quotes in the file)
    assert edition.emendations[0].original == "surfs"


def test_unknown_rule_is_an_error_with_a_suggestion(mini: Path) -> None:
    with (mini / "edition.yaml").open("a", encoding="utf-8") as f:
        f.write("typography: [curly-quote]\n")
    found = [d for d in check_edition(mini).diagnostics if d.code == "bad-value"]
    assert len(found) == 1
    assert found[0].hint == "did you mean 'curly-quotes'?"


def test_rules_apply_to_notes_and_front_matter_too(mini: Path) -> None:
    (mini / "apparatus/glosses.yaml").write_text(
        "glosses:\n  - id: a\n    lemma: Left Opposition\n"
        "    note: |\n      Engels's \"withers away\", 1918-23.\n",
        encoding="utf-8",
    )
    (mini / "front/note.md").write_text('The "copy-text".\n', encoding="utf-8")
    with (mini / "edition.yaml").open("a", encoding="utf-8") as f:
        f.write("typography: [curly-quotes, range-dashes]\n")
    edition = load_edition(mini)
    assert edition.glosses[0].body[0].content == (Text("Engels’s “withers away”, 1918–23."),)
    assert edition.front_matter[1].blocks[0].content == (Text("The “copy-text”."),)


def test_section_titles_are_printed_with_the_typography_too(mini: Path) -> None:
    text = (mini / "text/article.md").read_text(encoding="utf-8").replace(
        "## A second section", '## The "second" section'
    )
    (mini / "text/article.md").write_text(text, encoding="utf-8")
    with (mini / "edition.yaml").open("a", encoding="utf-8") as f:
        f.write("typography: [curly-quotes]\n")
    assert load_edition(mini).sections[-1].title == "The “second” section"
