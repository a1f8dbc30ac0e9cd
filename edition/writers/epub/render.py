"""Rendering the book's files from Jinja2 templates (autoescaped, undefined variables are errors).

Each XHTML file gets the same small set of frozen values: the book, its plan, a linker bound to that file, the
pagination and the id walker. Nothing is accumulated while rendering, so files can be rendered in any order.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import jinja2

from edition.book.labels import Labels
from edition.model import Edition, Metadata
from edition.writers.epub.cover import Cover
from edition.writers.epub.errors import EpubError
from edition.writers.epub.package import PACKAGE_PATH, Package
from edition.writers.html.links import Linker
from edition.writers.html.markup_templates import markup_environment
from edition.writers.html.pages import Pagination
from edition.writers.html.plan import BookPlan, Document

CONTENT_DIR = "EPUB"


@dataclass(frozen=True, slots=True)
class BookView:
    """What every template may read about the book as a whole."""

    edition: Edition
    metadata: Metadata
    language: str
    direction: str
    cover: Cover


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    return markup_environment(EpubError)


def render_documents(
    book: BookView, plan: BookPlan, linker: Linker, pages: Pagination, labels: Labels
) -> Iterator[tuple[str, bytes]]:
    """Yield (path in the zip, bytes) for every XHTML file, in spine order."""
    env = environment()
    for doc in plan.documents:
        yield _content_path(doc.href), _render_document(env, doc, book, plan, linker, pages, labels)


def _render_document(
    env: jinja2.Environment,
    doc: Document,
    book: BookView,
    plan: BookPlan,
    linker: Linker,
    pages: Pagination,
    labels: Labels,
) -> bytes:
    template = env.get_template(f"epub/{doc.kind}.xhtml.j2")
    text = template.render(
        book=book, plan=plan, doc=doc, link=linker.at(doc.href), pages=pages, ids=plan.walker, labels=labels
    )
    return text.encode("utf-8")


def render_package(book: BookView, package: Package) -> Iterator[tuple[str, bytes]]:
    """Yield the container file and the package document."""
    env = environment()
    yield (
        "META-INF/container.xml",
        env.get_template("epub/container.xml.j2").render(package_path=PACKAGE_PATH).encode("utf-8"),
    )
    yield (
        PACKAGE_PATH,
        env.get_template("epub/package.opf.j2").render(package=package, meta=book.metadata).encode("utf-8"),
    )


def render_cover_image(cover: Cover) -> bytes:
    return environment().get_template("epub/cover.svg.j2").render(cover=cover).encode("utf-8")


def _content_path(href: str) -> str:
    return f"{CONTENT_DIR}/{href}"
