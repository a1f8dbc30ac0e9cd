"""The print and screen PDF build: HTML → layout → margin notes → PDF → screen PDF.

One layout serves both PDFs (the screen PDF is the print PDF cropped to the trim), so they have the same
pages by construction. The book is laid out once and its page numbers are written in afterwards (see
``layout.py`` and ``slots.py``); glosses that no margin can hold are printed as endnotes, which takes one
more layout.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from urllib.parse import quote

import weasyprint
from weasyprint.text.fonts import FontConfiguration

from edition.book.dates import DateError, EditionDate, parse_date
from edition.book.print_pages import PrintPage
from edition.book.saved_print_pages import dump_print_pages, file_digest, saved_path
from edition.diagnostics import Diagnostic
from edition.model import Edition, Origin
from edition.outputs import OutputTransaction
from edition.writers.pdf.design import Design, design_from_style
from edition.writers.pdf.errors import PdfBuildError
from edition.writers.pdf.fetcher import EditionFetcher, OutsideResourceError
from edition.writers.pdf.finish import PrintFinisher, print_file, screen_from_print
from edition.writers.pdf.fonts import InstalledFont, find_font
from edition.writers.pdf.layout import BookLayout, LayoutInputs, lay_out_book
from edition.writers.pdf.margins import MarginNoteError, PlacementReport
from edition.writers.pdf.page_text import print_pages
from edition.writers.pdf.pages import dump_page_map, load_page_map
from edition.writers.pdf.process import environment_epoch, pdf_process_state
from edition.writers.pdf.templates import environment

STYLES_DIR = Path(__file__).resolve().parents[2] / "styles"  # package data: edition/styles
STYLESHEETS = ("print.css", "margin-notes.css")
Progress = Callable[[str, str], None]


@dataclass(frozen=True, slots=True)
class Timings:
    """Seconds spent in each phase of one build."""

    html: float = 0.0
    layout: float = 0.0
    notes: float = 0.0
    write: float = 0.0
    finish: float = 0.0

    @property
    def total(self) -> float:
        return self.html + self.layout + self.notes + self.write + self.finish


@dataclass(frozen=True, slots=True)
class PdfBuildResult:
    """What one build produced: the print PDF first, then the screen PDF."""

    paths: tuple[Path, ...]
    page_count: int
    note_count: int
    warnings: tuple[Diagnostic, ...]
    timings: Timings
    layouts: int = 1  # how many times the book was laid out (1 unless a prediction or a margin failed)
    # Element id -> printed page label, for the EPUB's print page list.
    page_labels: Mapping[str, str] = field(default_factory=dict)
    # The words of every page with text, to place the EPUB's page markers at the word.
    print_pages: tuple[PrintPage, ...] = ()


@dataclass(frozen=True, slots=True)
class _Setup:
    """What laying out and writing the print PDF needs besides the edition."""

    created: str
    design: Design
    sources: _Sources
    options: dict[str, object]
    map_path: Path
    font: InstalledFont


@dataclass(frozen=True, slots=True)
class _Sources:
    """The HTML's location and everything the fetcher may serve for it."""

    base_url: str
    css_name: str
    css: bytes
    stylesheets: tuple[str, ...]
    fetcher: EditionFetcher


def build_pdf(
    edition: Edition,
    build_dir: Path,
    *,
    keep_html: bool = False,
    progress: Progress | None = None,
    outputs: OutputTransaction | None = None,
) -> PdfBuildResult:
    """Write ``<name>.pdf`` (print: bleed, crop marks) and ``<name>-screen.pdf`` into ``build_dir``.

    Both files are replaced atomically, and only when both are complete; ``<name>-pages.json`` (the page
    map that makes the next build faster) is written beside them. With ``outputs`` the files are only
    staged there, for the caller to commit together with the other outputs. Raises PdfBuildError.
    """
    report = progress or _quiet
    clock = _Clock()
    root = Path(edition.root).resolve()
    build_dir = Path(build_dir)
    build_dir.mkdir(parents=True, exist_ok=True)
    font = find_font(edition.style, edition.style.origin_of("font", edition.origin))
    design = design_from_style(edition.style, edition.origin)
    sources = _sources(edition, root, build_dir.resolve(), design, font.files)
    options = _pdf_options(design)
    map_path = build_dir / f"{edition.name}-pages.json"

    book_date = _book_date(edition)
    created = _created(edition)
    with pdf_process_state(edition.origin, book_date.epoch_seconds()) as layout_warnings:
        print_pdf, layout = _lay_out_and_write(
            edition, _Setup(created, design, sources, options, map_path, font), report, clock
        )
        report("finish", "screen PDF")
        with clock.phase("finish"):
            screen_pdf = screen_from_print(print_pdf)
            print_pdf = print_file(print_pdf, design.pdf_variant)
            paths = (build_dir / f"{edition.name}.pdf", build_dir / f"{edition.name}-screen.pdf")
            pages_words = print_pages(layout.document.pages, layout.pages.numbering.label)
            read = {**sources.fetcher.read, **{path: file_digest(path) for path in font.files}}
            files = [
                (paths[0], print_pdf),
                (paths[1], screen_pdf),
                (map_path, dump_page_map(layout.pages.restricted(layout.view.printed_ids))),
                # The page words, for an EPUB or web build without a PDF in its run (book/saved_print_pages).
                (saved_path(build_dir, edition.name), dump_print_pages(edition, pages_words, read, root)),
            ]
            if keep_html:
                html = environment().get_template("book.html.j2").render(view=layout.view, foot=layout.foot)
                files += [
                    (build_dir / f"{edition.name}-print.html", html.encode()),
                    (build_dir / sources.css_name, sources.css),
                ]
            if outputs is None:
                with OutputTransaction() as own:
                    _stage(own, files)
                    own.commit()
            else:
                _stage(outputs, files)

    # A warning WeasyPrint logged in every round is reported once.
    warnings = dict.fromkeys((*layout.warnings, *layout_warnings))
    return PdfBuildResult(
        paths=paths,
        page_count=len(layout.document.pages),
        layouts=layout.layouts,
        note_count=len(edition.glosses),
        warnings=tuple(warnings),
        timings=clock.timings(),
        page_labels={element_id: layout.pages.label(element_id) for element_id in layout.pages.page_of},
        print_pages=pages_words,
    )


def _lay_out_and_write(
    edition: Edition, setup: _Setup, report: Progress, clock: _Clock
) -> tuple[bytes, BookLayout]:
    """Lay the book out and write the print PDF; raises PdfBuildError with a located diagnostic."""
    design, sources, options, font = setup.design, setup.sources, setup.options, setup.font
    try:
        font_config = FontConfiguration()
        inputs = LayoutInputs(
            sources.stylesheets,
            setup.created,
            design,
            lambda html: _render(html, sources, options, font_config),
            partial(_placement_diagnostics, {gloss.number: gloss.origin for gloss in edition.glosses}),
        )
        layout = lay_out_book(edition, inputs, load_page_map(setup.map_path), report, clock.phase)
        report("write", f"{len(layout.document.pages)} pages")
        with clock.phase("write"):
            finisher = PrintFinisher(
                edition.style,
                edition.style.origin_of("font", edition.origin),
                layout.pages.numbering.text_start,
                design.bleed_pt,
                edition.metadata.identifier,
                font.names,
            )
            print_pdf = layout.document.write_pdf(finisher=finisher, **options)
        sources.fetcher.raise_refused()
    except OutsideResourceError as outside:
        raise PdfBuildError([_outside_diagnostic(edition, outside)]) from None
    except MarginNoteError as broken:
        # Our own templates keep the contract; an edition stylesheet restyling .margin-note can break it.
        raise PdfBuildError(
            [
                Diagnostic.at(
                    edition.style.origin_of("stylesheet", edition.origin),
                    "error",
                    "pdf-margin-notes",
                    f"margin notes cannot be placed: {broken}",
                    "the edition's stylesheet must leave .margin-note absolutely positioned and unsplit",
                )
            ]
        ) from None
    return print_pdf, layout


def _render(
    html: str, sources: _Sources, options: dict[str, object], font_config: FontConfiguration
) -> weasyprint.Document:
    source = weasyprint.HTML(string=html, base_url=sources.base_url, url_fetcher=sources.fetcher)
    return source.render(font_config=font_config, **options)


def _sources(
    edition: Edition, root: Path, build_dir: Path, design: Design, font_files: tuple[Path, ...]
) -> _Sources:
    """The stylesheets (ours combined and served from memory, then the edition's own) and the fetcher."""
    css_name = f"{edition.name}-print.css"
    css = "\n".join(
        [
            *(
                f"/* ---- {name} ---- */\n{(STYLES_DIR / name).read_text(encoding='utf-8')}"
                for name in STYLESHEETS
            ),
            "/* ---- generated from edition.yaml ---- */",
            environment().get_template("design.css.j2").render(d=design),
        ]
    ).encode()
    hrefs = [quote(css_name)]
    if edition.style.stylesheet:
        custom = (root / edition.style.stylesheet).resolve()
        if not custom.is_relative_to(root):
            raise PdfBuildError(
                [
                    Diagnostic.at(
                        edition.style.origin_of("stylesheet", edition.origin),
                        "error",
                        "pdf-resource-outside",
                        f"the stylesheet {edition.style.stylesheet} is outside the edition folder",
                        "keep the edition's stylesheet inside its folder; name it relative to edition.yaml",
                    )
                ]
            )
        hrefs.append(quote(os.path.relpath(custom, build_dir).replace(os.sep, "/")))
    base_url = (build_dir / f"{edition.name}-print.html").as_uri()
    css_url = (build_dir / css_name).as_uri()
    profiles = (design.cmyk_profile,) if design.cmyk_profile is not None else ()
    fetcher = EditionFetcher(
        roots=(root, STYLES_DIR), files=(*font_files, *profiles), generated={css_url: css}
    )
    return _Sources(base_url, css_name, css, tuple(hrefs), fetcher)


def _pdf_options(design: Design) -> dict[str, object]:
    # Tagged whatever the variant: the screen PDF is derived from this one write (finish.py).
    return {"pdf_variant": design.pdf_variant, "pdf_identifier": True, "pdf_tags": True}


def _created(edition: Edition) -> str:
    """The PDF's creation date: SOURCE_DATE_EPOCH when the environment sets it, else the edition's date."""
    epoch = environment_epoch()
    if epoch is not None:
        return datetime.fromtimestamp(epoch, tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return edition.metadata.date


def _book_date(edition: Edition) -> EditionDate:
    """The edition's date; a model whose date was never checked is refused with a located error."""
    try:
        return parse_date(edition.metadata.date)
    except DateError as problem:
        raise PdfBuildError(
            [Diagnostic.at(edition.origin, "error", "bad-date", f"the edition date {problem}")]
        ) from None


def _stage(outputs: OutputTransaction, files: list[tuple[Path, bytes]]) -> None:
    for target, data in files:
        outputs.stage(target, data)


def _outside_diagnostic(edition: Edition, error: OutsideResourceError) -> Diagnostic:
    where = str(error.path) if error.path is not None else error.url
    return Diagnostic.at(
        edition.style.origin_of("stylesheet", edition.origin),
        "error",
        "pdf-resource-outside",
        f"{where} is referenced by the edition's stylesheet or text but is outside the edition folder",
        "copy the file into the edition folder and refer to it with a relative path (no network, no "
        "absolute paths)",
    )


def _placement_diagnostics(origins: Mapping[int, Origin], placement: PlacementReport) -> list[Diagnostic]:
    """Each placement warning at its gloss's entry (every note on the page is a gloss of the edition)."""
    return [
        Diagnostic.at(origins[warning.number], "warning", warning.code, warning.message)
        for warning in placement.warnings
    ]


def _quiet(phase: str, detail: str) -> None:
    """The default progress callback: report nothing."""


class _Clock:
    """Accumulates wall time per phase (a phase may run more than once, e.g. layout for the index)."""

    def __init__(self) -> None:
        self._seconds: dict[str, float] = {}

    @contextmanager
    def phase(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self._seconds[name] = self._seconds.get(name, 0.0) + time.perf_counter() - start

    def timings(self) -> Timings:
        return Timings(**self._seconds)
