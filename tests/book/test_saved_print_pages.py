"""The saved print page words: used only while what they depend on holds, never trusted when damaged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from edition.book.print_pages import PrintPage, words
from edition.book.saved_print_pages import (
    _checksum,
    dump_print_pages,
    edition_digest,
    file_digest,
    load_print_pages,
    saved_path,
)
from edition.model import Edition
from edition.resolve import check_edition
from tests.conftest import copy_mini

PAGES = (
    PrintPage("i", ()),
    PrintPage("1", tuple(words("THE OPENING paragraph names The Revolution"))),
    PrintPage("2", tuple(words("Betrayed and the Left Opposition"))),
)


def _resolved(root: Path) -> Edition:
    result = check_edition(root)
    assert result.edition is not None, result.diagnostics
    return result.edition


@pytest.fixture
def edition_dir(tmp_path: Path) -> Path:
    return copy_mini(tmp_path)


def _save(edition_dir: Path, build_dir: Path, files: dict[Path, str] | None = None) -> Path:
    edition = _resolved(edition_dir)
    build_dir.mkdir(exist_ok=True)
    path = saved_path(build_dir, edition.name)
    path.write_bytes(dump_print_pages(edition, PAGES, files or {}, edition_dir.resolve()))
    return path


def _rewrite(path: Path, change: dict[str, object], *, checksum: bool = True) -> None:
    """Change the saved record's fields, keeping its checksum consistent when ``checksum`` (as a forger)."""
    record = json.loads(path.read_text(encoding="utf-8"))
    record.update(change)
    if checksum:
        record["checksum"] = _checksum({k: v for k, v in record.items() if k != "checksum"})
    path.write_text(json.dumps(record), encoding="utf-8")


def test_saved_words_are_used_for_the_same_edition(edition_dir: Path, tmp_path: Path) -> None:
    _save(edition_dir, tmp_path / "build")
    saved = load_print_pages(_resolved(edition_dir), tmp_path / "build")
    assert saved.state == "used" and saved.pages == PAGES and saved.warning is None


def test_no_file_is_no_page_words_and_no_warning(edition_dir: Path, tmp_path: Path) -> None:
    saved = load_print_pages(_resolved(edition_dir), tmp_path)
    assert (saved.state, saved.pages, saved.warning, saved.describe()) == ("none", (), None, "")


def test_the_digest_leaves_out_source_positions_only(edition_dir: Path) -> None:
    before = edition_digest(_resolved(edition_dir))
    glosses = edition_dir / "apparatus" / "glosses.yaml"
    # A comment line above every entry moves every origin, and prints nothing.
    glosses.write_text("# moved down a line\n" + glosses.read_text(encoding="utf-8"), encoding="utf-8")
    moved = _resolved(edition_dir)
    assert edition_digest(moved) == before
    article = edition_dir / "text" / "article.md"
    article.write_text(article.read_text(encoding="utf-8").replace("Stalin rose", "Stalin climbed"))
    assert edition_digest(_resolved(edition_dir)) != before


@pytest.mark.parametrize(
    ("path", "old", "new"),
    [
        ("text/article.md", "Stalin rose to power.", "Stalin rose to power, slowly."),
        ("edition.yaml", "language: en\n", "language: en\nstyle:\n  font_size: 12pt\n"),
    ],
)
def test_a_changed_text_or_style_makes_the_words_stale(
    edition_dir: Path, tmp_path: Path, path: str, old: str, new: str
) -> None:
    _save(edition_dir, tmp_path / "build")
    target = edition_dir / path
    text = target.read_text(encoding="utf-8")
    assert old in text
    target.write_text(text.replace(old, new), encoding="utf-8")
    saved = load_print_pages(_resolved(edition_dir), tmp_path / "build")
    assert saved.state == "stale" and saved.pages == () and saved.warning is None
    assert "changed since the last PDF build" in saved.describe()


def test_a_changed_file_the_layout_read_makes_the_words_stale(edition_dir: Path, tmp_path: Path) -> None:
    stylesheet = edition_dir / "extra.css"
    stylesheet.write_text("p { margin: 0 }\n", encoding="utf-8")
    _save(edition_dir, tmp_path / "build", {stylesheet: file_digest(stylesheet)})
    edition = _resolved(edition_dir)
    assert load_print_pages(edition, tmp_path / "build").state == "used"
    stylesheet.write_text("p { margin: 1em 0 }\n", encoding="utf-8")
    saved = load_print_pages(edition, tmp_path / "build")
    assert (saved.state, saved.reason) == ("stale", "extra.css changed")
    stylesheet.unlink()
    assert load_print_pages(edition, tmp_path / "build").state == "stale"


def test_a_file_the_layout_did_not_find_makes_the_words_stale_once_it_is_there(
    edition_dir: Path, tmp_path: Path
) -> None:
    image = edition_dir / "ornament.png"
    _save(edition_dir, tmp_path / "build", {image: None})
    edition = _resolved(edition_dir)
    assert load_print_pages(edition, tmp_path / "build").state == "used"
    image.write_bytes(b"PNG")
    saved = load_print_pages(edition, tmp_path / "build")
    assert (saved.state, saved.reason) == ("stale", "ornament.png appeared")


def test_the_program_digest_holds_the_system_layout_libraries(monkeypatch: pytest.MonkeyPatch) -> None:
    """A new Pango, HarfBuzz or Fontconfig may break lines differently: it changes the program's digest."""
    import edition.book.saved_print_pages as saved

    found = {library: saved.native_version(names, call) for library, names, call in saved.NATIVE_LIBRARIES}
    assert "-" not in found.values(), found  # WeasyPrint cannot run without them
    assert found["pango"].startswith("1.") and found["fontconfig"].isdigit()
    before = saved.program_digest()
    try:
        monkeypatch.setattr(saved, "native_version", lambda names, function: "0.0.0")
        saved.program_digest.cache_clear()
        assert saved.program_digest() != before
    finally:
        saved.program_digest.cache_clear()


def test_a_recorded_device_is_never_read(edition_dir: Path, tmp_path: Path) -> None:
    path = _save(edition_dir, tmp_path / "build")
    _rewrite(path, {"files": {"/dev/zero": "0" * 64}})
    assert load_print_pages(_resolved(edition_dir), tmp_path / "build").state == "stale"


@pytest.mark.parametrize(
    ("damage", "why"),
    [
        (b"{not json", "not readable JSON"),
        (b"\xff\xfe", "not readable JSON"),
        (b"[]", "not a print page file"),
        (b'{"format": "edition-print-pages/1"}', "checksum does not match"),
        (b"[" * 100_000 + b"]" * 100_000, "not readable JSON"),  # nested past the parser's depth
    ],
)
def test_a_corrupt_file_is_ignored_with_a_warning(
    edition_dir: Path, tmp_path: Path, damage: bytes, why: str
) -> None:
    path = _save(edition_dir, tmp_path / "build")
    path.write_bytes(damage)
    saved = load_print_pages(_resolved(edition_dir), tmp_path / "build")
    assert saved.state == "unreadable" and saved.pages == ()
    assert saved.warning is not None and saved.warning.severity == "warning"
    assert saved.warning.code == "print-pages-unreadable" and why in saved.warning.message
    assert saved.warning.path == str(path)


def test_an_edited_word_breaks_the_checksum(edition_dir: Path, tmp_path: Path) -> None:
    path = _save(edition_dir, tmp_path / "build")
    path.write_text(path.read_text(encoding="utf-8").replace('"opposition"', '"opposed"'), encoding="utf-8")
    saved = load_print_pages(_resolved(edition_dir), tmp_path / "build")
    assert saved.state == "unreadable" and "checksum" in saved.reason


@pytest.mark.parametrize(
    "change",
    [
        {"pages": [{"label": "1", "words": ["<b>bold</b>"]}]},
        {"pages": [{"label": "<script>", "words": []}]},
        {"pages": [{"label": "1"}]},
        {"pages": "1 2 3"},
        {"files": {"a.css": 3}},
        {"name": "another-edition"},
    ],
)
def test_a_well_formed_file_with_impossible_content_is_not_trusted(
    edition_dir: Path, tmp_path: Path, change: dict[str, object]
) -> None:
    path = _save(edition_dir, tmp_path / "build")
    _rewrite(path, change)
    saved = load_print_pages(_resolved(edition_dir), tmp_path / "build")
    assert saved.state == "unreadable" and saved.pages == () and saved.warning is not None
