"""The web edition: a static site, one page per division, side notes in the margin, offline search.

``build_web`` plans the pages (``site``: the shared plan's division of the book into files, renamed), places
the print page markers when a page map is known (``pagemap``, the shared ``paginate``), renders every page
from Jinja2 templates (``render``), writes the search index (``search``) and stages the whole folder at once
(``edition.outputs``: written under a temporary name, swapped in on commit), so a failed build leaves the
previous site as it was. No page needs JavaScript to be read; only the search does.
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
from edition.writers.errors import book_for_writer
from edition.writers.html.errors import reported_as
from edition.writers.html.language import direction
from edition.writers.html.links import Linker
from edition.writers.html.markup_templates import TEMPLATES
from edition.writers.html.page_markers import place_page_markers
from edition.writers.html.pages import NO_PAGES, Pagination, paginate
from edition.writers.web.cache import PageCache
from edition.writers.web.errors import WebError
from edition.writers.web.page_markup import WebPageMarkup
from edition.writers.web.pagemap import load_page_labels
from edition.writers.web.render import SiteView, render_pages
from edition.writers.web.search import INDEX_FILE, index_script, search_entries
from edition.writers.web.site import SEARCH, plan_site, web_href

STYLESHEET = Path(__file__).resolve().parents[2] / "styles" / "web.css"  # package data: edition/styles
SCRIPTS = TEMPLATES / "web" / "static"
PREVIEW_SCRIPT = "preview.js"

__all__ = ["PageCache", "WebBuildResult", "WebError", "build_web", "site_folder"]


@dataclass(frozen=True, slots=True)
class WebBuildResult:
    path: Path  # the site's folder
    page_count: int  # HTML pages
    file_count: int  # every file of the site
    has_print_pages: bool
    seconds: float
    locations: Mapping[str, str]  # element id -> page: where the preview finds a passage
    # The page words the last PDF build saved, when neither they nor a page map came from this run.
    saved_pages: SavedPrintPages | None = None
    warnings: tuple[Diagnostic, ...] = ()


def site_folder(edition: Edition, build_dir: Path, *, preview: bool = False) -> Path:
    return Path(build_dir) / f"{edition.name}-{'preview' if preview else 'web'}"


@reported_as(WebError)
def build_web(
    edition: Edition,
    build_dir: Path,
    *,
    progress: Callable[[str, str], None] | None = None,
    page_map: Mapping[str, str] | None = None,
    print_pages: Sequence[PrintPage] | None = None,
    outputs: OutputTransaction | None = None,
    preview: bool = False,
    cache: PageCache | None = None,
) -> WebBuildResult:
    """Write ``build_dir/<name>-web/`` (``<name>-preview/`` for the live preview, whose pages reload
    themselves). ``print_pages`` (the words of every print page, from a PDF built in the same run) places
    each print page's marker at the word where the page begins, as in the EPUB. Without them or a
    ``page_map``, the page words the last PDF build saved in ``build_dir`` do the same if they still hold
    for this edition (``edition.book.saved_print_pages``). Otherwise the markers go before the first
    element printed on each page, by ``page_map`` (element id -> print page label, from the same run), or
    else by the page map the last PDF build left in ``build_dir``, if there is one.
    With ``outputs`` the folder is only staged there. ``cache`` (the preview's, kept between builds) spares
    rendering pages whose inputs did not change. Raises :class:`WebError` for an inconsistent model.
    """
    started = time.perf_counter()

    def report(message: str) -> None:
        if progress is not None:
            progress("web", message)

    saved = None
    if print_pages is None and page_map is None:
        saved = load_print_pages(edition, Path(build_dir))
        print_pages = saved.pages
    book = book_for_writer(edition, WebError)
    labels = book.labels
    report("planning the site")
    strings = book.site_strings
    plan = plan_site(book, search_title=strings.search_page)
    if print_pages:
        pages = NO_PAGES  # placed at the word after rendering
    else:
        if page_map is None:
            page_map = load_page_labels(Path(build_dir) / f"{edition.name}-pages.json")
        flow = tuple((element_id, web_href(href)) for element_id, href in plan.book_plan.flow)
        pages = paginate(flow, page_map)
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
    language = edition.metadata.language
    shows_pages = bool(print_pages or pages.pages)
    site = SiteView(edition, edition.metadata, language, direction(language), strings, shows_pages, preview)
    report(f"rendering {len(plan.pages)} pages")
    files = list(render_pages(site, plan, linker, pages, labels, cache))
    page_count = len(files)
    if print_pages:
        markup = WebPageMarkup(strings.print_page, labels.page_abbreviation)
        reading = [(href, data) for href, data in files if href != SEARCH]
        placed = place_page_markers(reading, print_pages, markup)
        files = [(href, placed.documents.get(href, data)) for href, data in files]
        pages = Pagination(pages=placed.pages)
    entries = search_entries(plan, edition.footnotes, labels)
    files += [
        (INDEX_FILE, index_script(entries)),
        ("web.css", STYLESHEET.read_bytes()),
        ("search.js", (SCRIPTS / "search.js").read_bytes()),
    ]
    if preview:
        files.append((PREVIEW_SCRIPT, (SCRIPTS / PREVIEW_SCRIPT).read_bytes()))
    folder = site_folder(edition, build_dir, preview=preview)
    report(f"writing {folder}")
    folder.parent.mkdir(parents=True, exist_ok=True)
    if outputs is None:
        with OutputTransaction() as own:
            own.stage_folder(folder, files)
            own.commit()
    else:
        outputs.stage_folder(folder, files)
    seconds = time.perf_counter() - started
    warnings = (saved.warning,) if saved is not None and saved.warning is not None else ()
    return WebBuildResult(
        folder, page_count, len(files), bool(pages.pages), seconds, plan.locations, saved, warnings
    )
