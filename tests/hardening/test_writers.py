"""Writer errors point at the edition.yaml key that caused them; an SVG cannot smuggle in outside files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from edition.model import Origin, Style
from edition.resolve import load_edition
from edition.writers.pdf import build_pdf
from edition.writers.pdf.design import design_from_style
from edition.writers.pdf.errors import PdfBuildError
from edition.writers.pdf.fetcher import EditionFetcher, OutsideResourceError
from edition.writers.pdf.fonts import find_font

CONFIG = Origin("edition.yaml")
SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="9" height="9">'
    '<image xlink:href="file:///etc/hostname" width="9" height="9"/></svg>\n'
)


def test_design_errors_point_at_their_key() -> None:
    at = {key: Origin("edition.yaml", line, 9) for line, key in enumerate(("font", "pdf_variant"), 30)}
    style = Style(font='Bad"Font', pdf_variant="pdf/z-9", origins=tuple(at.items()))
    with pytest.raises(PdfBuildError) as raised:
        design_from_style(style, CONFIG)
    found = {d.code: (d.line, d.column) for d in raised.value.diagnostics}
    assert found == {"pdf-style-font": (30, 9), "pdf-variant": (31, 9)}


def test_a_missing_font_points_at_the_font_key(mini: Path) -> None:
    with (mini / "edition.yaml").open("a", encoding="utf-8") as out:
        out.write("style:\n  font: No Such Font Anywhere\n")
    edition = load_edition(mini)
    with pytest.raises(PdfBuildError) as raised:
        find_font(edition.style, edition.style.origin_of("font", edition.origin))
    [problem] = raised.value.diagnostics
    lines = (mini / "edition.yaml").read_text(encoding="utf-8").splitlines()
    assert (problem.code, problem.line, problem.column) == ("pdf-font-missing", len(lines), 9)


def test_the_fetcher_remembers_what_it_refused(tmp_path: Path) -> None:
    fetcher = EditionFetcher(roots=(tmp_path,), files=(), generated={})
    with pytest.raises(OutsideResourceError):
        fetcher.fetch("file:///etc/hostname")
    assert [str(e.path) for e in fetcher.refused] == ["/etc/hostname"]
    with pytest.raises(OutsideResourceError):
        fetcher.raise_refused()


@pytest.mark.slow
def test_an_svg_reaching_outside_stops_the_build(mini: Path, tmp_path: Path) -> None:
    (mini / "picture.svg").write_text(SVG, encoding="utf-8")
    (mini / "extra.css").write_text("h2 { background: url(picture.svg) }\n", encoding="utf-8")
    with (mini / "edition.yaml").open("a", encoding="utf-8") as out:
        out.write("style:\n  stylesheet: extra.css\n")
    edition = load_edition(mini)
    out_dir = tmp_path / "out"
    with pytest.raises(PdfBuildError) as raised:
        build_pdf(edition, out_dir)
    [problem] = raised.value.diagnostics
    lines = (mini / "edition.yaml").read_text(encoding="utf-8").splitlines()
    assert (problem.code, problem.line, problem.column) == ("pdf-resource-outside", len(lines), 15)
    assert "/etc/hostname" in problem.message
    assert not any(out_dir.glob("*.pdf"))


@pytest.mark.slow
def test_a_resource_that_is_a_named_pipe_does_not_hang_the_build(mini: Path, tmp_path: Path) -> None:
    os.mkfifo(mini / "picture.svg")
    (mini / "extra.css").write_text("h2 { background: url(picture.svg) }\n", encoding="utf-8")
    with (mini / "edition.yaml").open("a", encoding="utf-8") as out:
        out.write("style:\n  stylesheet: extra.css\n")
    result = build_pdf(load_edition(mini), tmp_path / "out")
    assert any("picture.svg is not a regular file" in w.message for w in result.warnings)
