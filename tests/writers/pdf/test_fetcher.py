"""The URL fetcher: only the edition folder, the styles and the font; never the network."""

from __future__ import annotations

from pathlib import Path

import pytest

from edition.writers.pdf.fetcher import EditionFetcher, OutsideResourceError


@pytest.fixture
def fetcher(tmp_path: Path) -> EditionFetcher:
    (tmp_path / "edition").mkdir()
    (tmp_path / "edition" / "img.png").write_bytes(b"PNG")
    (tmp_path / "styles").mkdir()
    (tmp_path / "secret.txt").write_text("secret")
    (tmp_path / "font.otf").write_bytes(b"OTTO")
    (tmp_path / "edition" / "link").symlink_to(tmp_path / "secret.txt")
    return EditionFetcher(
        roots=(tmp_path / "edition", tmp_path / "styles"),
        files=(tmp_path / "font.otf",),
        generated={"file:///virtual/book-print.css": b"p{}"},
    )


def test_files_inside_the_edition_folder_are_served(fetcher: EditionFetcher, tmp_path: Path) -> None:
    response = fetcher.fetch((tmp_path / "edition" / "img.png").as_uri())
    assert response.read() == b"PNG"
    assert response.content_type == "image/png"


def test_generated_stylesheets_are_served_from_memory(fetcher: EditionFetcher) -> None:
    response = fetcher.fetch("file:///virtual/book-print.css")
    assert response.read() == b"p{}"
    assert response.content_type == "text/css"


def test_the_font_file_is_allowed_by_name(fetcher: EditionFetcher, tmp_path: Path) -> None:
    assert fetcher.fetch((tmp_path / "font.otf").as_uri()).read() == b"OTTO"


@pytest.mark.parametrize("relative", ["secret.txt", "edition/../secret.txt", "edition/link"])
def test_files_outside_are_refused_naming_the_file(
    fetcher: EditionFetcher, tmp_path: Path, relative: str
) -> None:
    with pytest.raises(OutsideResourceError) as caught:
        fetcher.fetch(f"file://{tmp_path}/{relative}")
    assert caught.value.path == (tmp_path / "secret.txt").resolve()
    assert "secret.txt" in str(caught.value)


@pytest.mark.parametrize("url", ["https://example.org/x.css", "http://127.0.0.1/", "ftp://host/file"])
def test_network_urls_are_refused(fetcher: EditionFetcher, url: str) -> None:
    with pytest.raises(OutsideResourceError) as caught:
        fetcher.fetch(url)
    assert caught.value.url == url
    assert caught.value.path is None


def test_data_urls_need_no_fetch(fetcher: EditionFetcher) -> None:
    assert fetcher.fetch("data:text/plain,hello").read() == b"hello"


def test_refusal_stops_weasyprint(fetcher: EditionFetcher) -> None:
    assert not isinstance(OutsideResourceError("u", None), Exception)


def test_what_was_asked_for_is_recorded_a_missing_file_as_none(
    fetcher: EditionFetcher, tmp_path: Path
) -> None:
    """What the layout depended on, for the saved print pages: the files served, and those not there."""
    import hashlib

    fetcher.fetch((tmp_path / "edition" / "img.png").as_uri())
    with pytest.raises(FileNotFoundError):
        fetcher.fetch((tmp_path / "edition" / "later.png").as_uri())
    fetcher.fetch("file:///virtual/book-print.css")
    assert fetcher.read == {
        (tmp_path / "edition" / "img.png").resolve(): hashlib.sha256(b"PNG").hexdigest(),
        (tmp_path / "edition" / "later.png").resolve(): None,
    }
