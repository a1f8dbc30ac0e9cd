"""The EPUB 3 study edition: glosses as pop-up notes, apparatus and index linked to the text, print page list.

``build_epub`` plans the files (``plan``), places print page markers (``pages``), renders XHTML and the
package document from Jinja2 templates (``render``, ``package``) and zips them reproducibly and atomically
(``archive``). The output depends only on the edition (and the page map): the same input gives the same bytes.

Where the pop-up notes go. A gloss's ``<aside epub:type="footnote">`` is placed at the end of the section
file that refers to it, after the text. Reading systems differ; by their own documentation (not tested on
devices here) this is where all three pop a note up: Thorium only for notes in the same file (its maintainer,
edrlab/thorium-reader#1606); Kobo for a link to an element that comes *after* the link and has under 5,000
characters (kobolabs/epub-spec README, "Footnotes/Endnotes"); Apple Books for ``noteref`` links to
``footnote`` asides, which it hides in the flow. Where asides are not hidden (Kobo), they read as the
section's notes. Standard Ebooks collect all notes in one endnotes file instead (their manual, "Endnotes"):
that suits the author's own notes, which are few and are kept there, but would cost Thorium its pop-ups.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from edition.book.print_pages import PrintPage
from edition.book.saved_print_pages import SavedPrintPages, load_print_pages
from edition.diagnostics import Diagnostic
from edition.model import Edition, iter_paragraphs
from edition.outputs import OutputTransaction
from edition.writers.epub.archive import write_atomically
from edition.writers.epub.cover import layout_cover
from edition.writers.epub.errors import EpubError
from edition.writers.epub.package import (
    COVER_HREF,
    COVER_RASTER_HREF,
    CSS_HREF,
    build_package,
)
from edition.writers.epub.page_markup import EPUB_MARKUP
from edition.writers.epub.render import (
    CONTENT_DIR,
    BookView,
    render_cover_image,
    render_documents,
    render_package,
)
from edition.writers.errors import book_for_writer
from edition.writers.html.errors import reported_as
from edition.writers.html.language import direction
from edition.writers.html.links import Linker
from edition.writers.html.page_markers import place_page_markers
from edition.writers.html.pages import NO_PAGES, Pagination, paginate
from edition.writers.html.plan import plan_book

STYLESHEET = Path(__file__).resolve().parents[2] / "styles" / "epub.css"  # package data: edition/styles

__all__ = ["EpubBuildResult", "EpubError", "build_epub"]


@dataclass(frozen=True, slots=True)
class EpubBuildResult:
    path: Path
    file_count: int  # entries in the zip, mimetype included
    note_count: int  # pop-up glosses + author's notes + textual notes
    seconds: float
    # The page words the last PDF build saved, when neither they nor a page map came from this run.
    saved_pages: SavedPrintPages | None = None
    warnings: tuple[Diagnostic, ...] = ()


@reported_as(EpubError)
def build_epub(
    edition: Edition,
    build_dir: Path,
    *,
    progress: Callable[[str, str], None] | None = None,
    page_map: Mapping[str, str] | None = None,
    print_pages: Sequence[PrintPage] | None = None,
    outputs: OutputTransaction | None = None,
) -> EpubBuildResult:
    """Write ``build_dir/<edition.name>.epub``; a failed build leaves any previous EPUB untouched.

    ``page_map`` (element id -> print page label, from the PDF build) adds page break markers and a page
    list; ``print_pages`` (the words of every print page, from the same layout) places each marker
    at the word where its page begins instead. Without either, the page words the last PDF build saved in
    ``build_dir`` are used if they still hold for this edition (``edition.book.saved_print_pages``); if
    not, the EPUB has no page list and claims none. With ``outputs`` the file is only staged there.
    Raises :class:`EpubError` for an inconsistent model.
    """
    started = time.perf_counter()

    def report(message: str) -> None:
        if progress is not None:
            progress("epub", message)

    saved = None
    if print_pages is None and page_map is None:
        saved = load_print_pages(edition, Path(build_dir))
        print_pages = saved.pages
    book_plan = book_for_writer(edition, EpubError)
    labels = book_plan.labels
    report("planning the book")
    plan = plan_book(book_plan)
    pages = NO_PAGES if print_pages else paginate(plan.flow, page_map)
    timestamp = book_plan.date.midnight()
    linker = Linker(
        plan.locations,
        {gloss.element_id: gloss.lemma_id for gloss in edition.glosses},
        {
            p.number: p.element_id
            for p in iter_paragraphs(edition.sections)
            if p.element_id and p.number is not None
        },
        labels,
    )
    cover = layout_cover(edition.metadata, labels)
    book = BookView(
        edition, edition.metadata, edition.metadata.language, direction(edition.metadata.language), cover
    )
    report(f"rendering {len(plan.documents)} documents")
    documents = dict(render_documents(book, plan, linker, pages, labels))
    if print_pages:
        # The page list in the navigation document is written from where the markers landed; it is
        # hidden and skipped when placing, so the second placement finds the same places.
        pages = Pagination(pages=place_page_markers(list(documents.items()), print_pages, EPUB_MARKUP).pages)
        documents = dict(render_documents(book, plan, linker, pages, labels))
        documents.update(place_page_markers(list(documents.items()), print_pages, EPUB_MARKUP).documents)
    package = build_package(edition, plan, pages, labels)
    nav_path = f"{CONTENT_DIR}/nav.xhtml"
    cover_svg = render_cover_image(cover)
    # Imported here: CairoSVG (and cairo with it) takes half a second to load, which nothing else the EPUB
    # build imports needs.
    from edition.writers.epub.raster import rasterise

    files = [
        *render_package(book, package),
        (nav_path, documents.pop(nav_path)),
        *documents.items(),
        (f"{CONTENT_DIR}/{CSS_HREF}", STYLESHEET.read_bytes()),
        (f"{CONTENT_DIR}/{COVER_HREF}", cover_svg),
        (f"{CONTENT_DIR}/{COVER_RASTER_HREF}", rasterise(cover_svg)),
    ]
    path = Path(build_dir) / f"{edition.name}.epub"
    report(f"writing {path}")
    write_atomically(path, files, timestamp, outputs)
    notes = len(edition.glosses) + len(edition.footnotes) + len(edition.emendations)
    warnings = (saved.warning,) if saved is not None and saved.warning is not None else ()
    return EpubBuildResult(path, len(files) + 1, notes, time.perf_counter() - started, saved, warnings)
