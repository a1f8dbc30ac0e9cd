"""Quotation marks by language: the curly-quotes rule follows the edition's language and its spans."""

from __future__ import annotations

import pytest

from edition.model import LanguageSpan, Origin, Text
from edition.quotes import quotes_for
from edition.typography import RULES, apply_rules

CURLY = (RULES["curly-quotes"],)
NBSP = "\u00a0"


def curly(text: str, language: str) -> str:
    result = apply_rules((Text(text),), CURLY, language)[0]
    assert isinstance(result, Text)
    return result.text


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "He said “no, ‘never’” and it’s true."),
        ("en-GB", "He said “no, ‘never’” and it’s true."),
        ("de", "He said „no, ‚never‘“ and it’s true."),
        ("de-AT", "He said „no, ‚never‘“ and it’s true."),
        ("de-CH", "He said «no, ‹never›» and it’s true."),
        ("fr", f"He said «{NBSP}no, “never”{NBSP}» and it’s true."),
        ("es", "He said «no, “never”» and it’s true."),
        ("it", "He said «no, “never”» and it’s true."),
        ("ru", "He said «no, „never“» and it’s true."),
    ],
)
def test_each_language_gets_its_own_marks(language: str, expected: str) -> None:
    assert curly("He said \"no, 'never'\" and it's true.", language) == expected


def test_french_guillemets_typed_in_the_file_get_one_no_break_space() -> None:
    assert curly("Il dit «non» et « oui ».", "fr") == f"Il dit «{NBSP}non{NBSP}» et «{NBSP}oui{NBSP}»."


def test_a_language_without_a_table_is_printed_with_english_marks() -> None:
    assert quotes_for("nl") == quotes_for("en")


def test_a_span_switches_the_marks_for_its_words_only() -> None:
    origin = Origin("text/a.md", 3)
    tree = (
        Text('The "word" '),
        LanguageSpan("de", (Text('"Wort"'),), origin),
        Text(' and "mot".'),
    )
    assert apply_rules(tree, CURLY, "en") == (
        Text("The “word” "),
        LanguageSpan("de", (Text("„Wort“"),), origin),
        Text(" and “mot”."),
    )


def test_a_french_span_in_a_german_text() -> None:
    origin = Origin("text/a.md", 3)
    tree = (Text('Er sagte "ja" und '), LanguageSpan("fr", (Text('"oui"'),), origin))
    assert apply_rules(tree, CURLY, "de") == (
        Text("Er sagte „ja“ und "),
        LanguageSpan("fr", (Text(f"«{NBSP}oui{NBSP}»"),), origin),
    )
