"""Rendering the site's pages from Jinja2 templates (autoescaped, undefined variables are errors).

Every page gets the same frozen values: the book, the site plan, a linker bound to that page, the print
pagination and the id walker; nothing is accumulated while rendering. The inline and block walk is the
one the EPUB uses (``edition.writers.html``: ``unnest`` cuts nested links, ``IdWalker`` names the ids), so the
two writers put every id in the same place and a § or note link means the same thing in both.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import jinja2

from edition.book.labels import Labels
from edition.book.site_strings import SiteStrings
from edition.model import Edition, Metadata
from edition.writers.html.links import Linker
from edition.writers.html.markup_templates import markup_environment
from edition.writers.html.pages import Pagination
from edition.writers.web.cache import PageCache
from edition.writers.web.errors import WebError
from edition.writers.web.site import Page, SitePlan


@dataclass(frozen=True, slots=True)
class SiteView:
    """What every template may read about the site as a whole."""

    edition: Edition
    metadata: Metadata
    language: str
    direction: str
    strings: SiteStrings
    has_pages: bool  # print page numbers are shown
    preview: bool  # the editor's live preview: the page loads the reload script


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    return markup_environment(WebError)


def render_pages(
    site: SiteView,
    plan: SitePlan,
    linker: Linker,
    pages: Pagination,
    labels: Labels,
    cache: PageCache | None = None,
) -> Iterator[tuple[str, bytes]]:
    """Yield (file name, bytes) for every page, in reading order; with ``cache``, pages of the text and of
    the essays whose inputs are unchanged since the last build are not rendered again."""
    env = environment()
    shared = cache.shared(_shared_inputs(site, plan, linker, pages, labels)) if cache is not None else None
    if cache is not None:
        cache.start()
    for page in plan.pages:

        def render(page: Page = page) -> bytes:
            return _render(env, page, site, plan, linker, pages, labels)

        if cache is None or page.kind not in _CACHED:
            yield page.href, render()
        else:
            # Of its neighbours a page shows only the title and the link.
            around = tuple((p.href, p.title) if p is not None else None for p in plan.neighbours(page))
            yield page.href, cache.page((page, around, shared), render)


_CACHED = frozenset({"section", "essay"})


def _shared_inputs(
    site: SiteView, plan: SitePlan, linker: Linker, pages: Pagination, labels: Labels
) -> Hashable:
    """Everything outside its own division that a page of the text or an essay is rendered from."""
    return (
        site.metadata,
        site.language,
        site.direction,
        site.strings,
        site.has_pages,
        site.preview,
        site.edition.normalisations,  # the Note on the Text lists them
        labels,
        plan.variants,
        frozenset(plan.locations.items()),
        frozenset(linker.gloss_lemmas.items()),
        frozenset(linker.paragraphs.items()),
        frozenset(plan.book_plan.walker.footnote_refs.items()),
        frozenset(pages.breaks.items()),
    )


def _render(
    env: jinja2.Environment,
    page: Page,
    site: SiteView,
    plan: SitePlan,
    linker: Linker,
    pages: Pagination,
    labels: Labels,
) -> bytes:
    previous, following = plan.neighbours(page)
    text = env.get_template(f"web/{page.kind}.html.j2").render(
        site=site,
        plan=plan,
        book_plan=plan.book_plan,
        page=page,
        doc=page.doc,
        previous=previous,
        following=following,
        link=linker.at(page.href),
        pages=pages,
        ids=plan.book_plan.walker,
        labels=labels,
        s=site.strings,
    )
    return text.encode("utf-8")
