"""``role:`` on a front_matter entry of edition.yaml reaches the model and decides the Note on the Text."""

from __future__ import annotations

from pathlib import Path

from edition.book import book_of
from edition.resolve import check_edition, load_edition


def _front_matter(mini: Path, entries: str) -> None:
    config = mini / "edition.yaml"
    text = config.read_text(encoding="utf-8")
    old = (
        "  - {title: Introduction, file: front/introduction.md}\n"
        "  - {title: Note on the Text, file: front/note.md}\n"
    )
    assert old in text
    config.write_text(text.replace(old, entries), encoding="utf-8")


def test_a_declared_role_names_the_note_whatever_its_title(mini: Path) -> None:
    _front_matter(
        mini,
        "  - {title: Introduction, file: front/introduction.md}\n"
        "  - {title: About this Edition, file: front/note.md, role: note-on-the-text}\n",
    )
    edition = load_edition(mini)
    assert [essay.role for essay in edition.front_matter] == [None, "note-on-the-text"]
    book = book_of(edition)
    assert book.note_on_text.receives_list == edition.front_matter[1].element_id
    assert not book.note_on_text.generated


def test_the_title_fallback_without_roles(mini: Path) -> None:
    _front_matter(mini, "  - {title: A Note on the Text, file: front/note.md}\n")
    book = book_of(load_edition(mini))
    assert book.note_on_text.receives_list == "front-1"


def test_an_unknown_role_is_a_located_error(mini: Path) -> None:
    _front_matter(mini, "  - {title: Notes, file: front/note.md, role: notes}\n")
    result = check_edition(mini)
    (problem,) = [d for d in result.diagnostics if d.code == "bad-role"]
    assert (problem.path, problem.severity) == ("edition.yaml", "error")
    assert problem.line == 19 and problem.column > 1
    assert "notes" in problem.message and "note-on-the-text" in (problem.hint or "")


def _append(mini: Path, yaml: str) -> None:
    with (mini / "edition.yaml").open("a", encoding="utf-8") as out:
        out.write(yaml)


def test_labels_in_edition_yaml_replace_the_books_words(mini: Path) -> None:
    _append(mini, "labels:\n  textual_notes: Emendations\n  see_also: Cf.\n")
    book = book_of(load_edition(mini))
    labels = book.labels
    assert (labels.textual_notes, labels.see_also, labels.index) == ("Emendations", "Cf.", "Index")
    assert ("textual-notes", "Emendations") in [(e.kind, e.title) for e in book.contents()]


def test_an_unknown_label_is_an_unknown_key_with_a_suggestion(mini: Path) -> None:
    _append(mini, "labels:\n  textual_note: Emendation\n  textual_nots: Emendations\n")
    problems = [d for d in check_edition(mini).diagnostics if d.severity == "error"]
    assert [(d.code, d.message) for d in problems] == [
        ("unknown-key", "unknown key 'textual_nots' in labels of edition.yaml")
    ]
    assert problems[0].hint == "did you mean 'textual_notes'?"
