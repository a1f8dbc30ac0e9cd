"""The label tables: six languages, the same names in each, English identical to the book's own table."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html as lxml_html

from edition.book.label_tables import (
    ENGLISH,
    LABEL_TABLES,
    MONTHS,
    counted_label,
    label_table,
    primary_language,
)
from edition.book.labels import ENGLISH as BOOK_ENGLISH
from edition.book.labels import LABEL_NAMES, labels_for
from edition.resolve import check_edition, load_edition
from edition.writers.pdf.templates import environment
from edition.writers.pdf.view import book_view


@pytest.mark.parametrize("language", sorted(LABEL_TABLES))
def test_every_table_names_every_label_and_twelve_months(language: str) -> None:
    table = LABEL_TABLES[language]
    assert set(table) == set(ENGLISH)
    assert all(text.strip() == text and text for text in table.values())
    assert len(set(MONTHS[language])) == 12


def test_the_english_table_is_the_books_english_and_covers_every_book_label() -> None:
    assert set(ENGLISH) >= LABEL_NAMES
    assert {name: getattr(BOOK_ENGLISH, name) for name in LABEL_NAMES} == {
        name: ENGLISH[name] for name in LABEL_NAMES
    }
    assert BOOK_ENGLISH.months == MONTHS["en"]


def test_other_languages_are_translated_not_copied() -> None:
    for language, table in LABEL_TABLES.items():
        if language == "en":
            continue
        same = {name for name in table if table[name] == ENGLISH[name]}
        # symbols, Latin apparatus abbreviations and words both languages spell alike
        alike = {"paragraph_sign", "conjecture", "omitted", "page_abbreviation", "index", "notes_section"}
        assert same <= alike | {"author_notes", "imprint", "normalisations"}, (language, same)


@pytest.mark.parametrize(
    ("tag", "contents", "index"),
    [
        ("en-US", "Contents", "Index"),
        ("en-GB", "Contents", "Index"),
        ("de-AT", "Inhalt", "Register"),
        ("fr", "Table des matières", "Index"),
        ("es-MX", "Índice", "Índice analítico"),
        ("it", "Indice", "Indice analitico"),
        ("ru", "Содержание", "Указатель"),
        ("nl", "Contents", "Index"),
    ],
)
def test_labels_for_a_tag_use_its_languages_table(tag: str, contents: str, index: str) -> None:
    labels = labels_for(tag, {})
    assert (labels.contents, labels.index) == (contents, index)
    assert label_table(tag)["contents"] == contents


def test_the_region_and_case_do_not_matter() -> None:
    assert primary_language("DE_ch") == "de"


def test_about_the_authors_follows_the_count() -> None:
    assert counted_label(ENGLISH, "about_authors", 1) == "About the Author"
    assert counted_label(ENGLISH, "about_authors", 2) == "About the Authors"
    assert counted_label(LABEL_TABLES["ru"], "about_authors", 3) == "Об авторах"
    assert counted_label(ENGLISH, "contents", 2) == "Contents"


def _german(mini: Path, extra: str = "") -> Path:
    config = mini / "edition.yaml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("language: en", "language: de") + extra, encoding="utf-8"
    )
    return mini


def test_a_german_edition_prints_german_labels_and_an_override(mini: Path) -> None:
    edition = load_edition(_german(mini, "labels:\n  bibliography: Quellen und Literatur\n"))
    html = environment().get_template("book.html.j2").render(view=book_view(edition, (), "2026-11-26"))
    titles = [h.text_content() for h in lxml_html.fromstring(html).find_class("division-title")]
    assert "Inhalt" in titles
    assert "Quellen und Literatur" in titles
    assert "Contents" not in titles and "Bibliography" not in titles


def test_an_unknown_label_name_is_a_located_error(mini: Path) -> None:
    found = [
        d
        for d in check_edition(_german(mini, "labels:\n  inhalt: Inhaltsverzeichnis\n")).diagnostics
        if d.severity == "error"
    ]
    assert [(d.code, d.path) for d in found] == [("unknown-key", "edition.yaml")]
    lines = (mini / "edition.yaml").read_text(encoding="utf-8").splitlines()
    assert lines[found[0].line - 1].strip().startswith("inhalt:")
