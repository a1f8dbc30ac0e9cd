"""The package document's content: manifest, spine, dates and accessibility metadata.

Accessibility metadata must be true of the file actually written, so every claim is derived from what the
book contains (a page list only when page markers were placed, an index only when there is one).

The conformance claim (EPUB Accessibility 1.1, WCAG 2.2 Level AA) is what the writer's output is built and
tested to meet: DAISY Ace finds no violation, EPUBCheck no error or warning, the project's lints and colour
contrast checks pass (``tests/writers/epub``). EPUB Accessibility 1.1 (section 5.2) asks whoever claims
conformance to name themselves in ``a11y:certifiedBy``: the edition's publisher, or else its editors; a book
with neither makes no claim, since no one would stand behind it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from edition.book.dates import parse_date
from edition.book.labels import Labels
from edition.model import Edition
from edition.writers.html.language import direction
from edition.writers.html.pages import Pagination
from edition.writers.html.plan import BookPlan

PACKAGE_PATH = "EPUB/package.opf"
CSS_HREF = "css/epub.css"
COVER_HREF = "images/cover.svg"  # shown on the cover page: sharp at any size
COVER_RASTER_HREF = "images/cover.png"  # the package's cover image: Kobo and Kindle take only a raster one
COVER_ITEM = "cover-image"
CONFORMANCE = "EPUB Accessibility 1.1 - WCAG 2.2 Level AA"


@dataclass(frozen=True, slots=True)
class ManifestItem:
    item_id: str
    href: str
    media_type: str
    properties: str | None = None


@dataclass(frozen=True, slots=True)
class Accessibility:
    access_modes: tuple[str, ...]
    sufficient: tuple[str, ...]
    features: tuple[str, ...]
    hazards: tuple[str, ...]
    summary: str
    conforms_to: str | None = None
    certified_by: str | None = None


@dataclass(frozen=True, slots=True)
class Package:
    language: str
    direction: str
    modified: str
    items: tuple[ManifestItem, ...]
    spine: tuple[ManifestItem, ...]
    accessibility: Accessibility
    copy_text_source: str
    pagination_source: str | None
    cover_item: str = COVER_ITEM


def build_package(edition: Edition, plan: BookPlan, pages: Pagination, labels: Labels) -> Package:
    items = [
        ManifestItem(
            _item_id(doc.href), doc.href, "application/xhtml+xml", "nav" if doc.kind == "nav" else None
        )
        for doc in plan.documents
    ]
    spine = tuple(items)
    items.append(ManifestItem("css", CSS_HREF, "text/css"))
    items.append(ManifestItem("cover-svg", COVER_HREF, "image/svg+xml"))
    items.append(ManifestItem(COVER_ITEM, COVER_RASTER_HREF, "image/png", "cover-image"))
    meta = edition.metadata
    has_pages = bool(pages.pages)
    return Package(
        language=meta.language,
        direction=direction(meta.language),
        modified=parse_date(meta.date).midnight().strftime("%Y-%m-%dT%H:%M:%SZ"),
        items=tuple(items),
        spine=spine,
        accessibility=accessibility(edition, plan, has_pages),
        copy_text_source=meta.witnesses[0].description if meta.witnesses else meta.title,
        pagination_source=f"{labels.print_edition}: {meta.title} ({meta.identifier})" if has_pages else None,
    )


def accessibility(edition: Edition, plan: BookPlan, has_pages: bool) -> Accessibility:
    features = [
        "alternativeText",
        "ARIA",
        "readingOrder",
        "structuralNavigation",
        "tableOfContents",
        "unlocked",
    ]
    if edition.glosses or edition.emendations:
        features.append("annotations")
    if plan.document("index") is not None:
        features.append("index")
    if has_pages:
        features += ["pageBreakMarkers", "pageNavigation"]
    certifier = _certifier(edition)
    return Accessibility(
        access_modes=("textual", "visual"),
        sufficient=("textual",),
        features=tuple(sorted(features, key=str.casefold)),
        hazards=("none",),
        summary=_summary(edition, plan, has_pages, certifier is not None),
        conforms_to=CONFORMANCE if certifier else None,
        certified_by=certifier,
    )


def _certifier(edition: Edition) -> str | None:
    meta = edition.metadata
    if meta.publisher:
        return meta.publisher
    return ", ".join(person.name for person in meta.editors) or None


def _summary(edition: Edition, plan: BookPlan, has_pages: bool, conforms: bool) -> str:
    sentences = [
        "This publication is text; its only image is a generated cover (as SVG, and as PNG for reading "
        "systems that need a raster cover), which has a text alternative.",
        "Headings, a table of contents and landmarks give its structure, and every paragraph of the text "
        "shows its paragraph (§) number.",
    ]
    if edition.glosses:
        sentences.append(
            "Explanatory notes are marked up as footnotes (shown as pop-ups where the reading system "
            "supports them), each linked from its place in the text and linking back to it."
        )
    backs = [
        name
        for name, present in (
            ("the author’s notes", edition.footnotes),
            ("the textual notes", edition.emendations),
        )
        if present
    ]
    if backs:
        sentences.append(f"{' and '.join(backs).capitalize()} are lists at the end, linked both ways.")
    if edition.variants:
        sentences.append("The variant readings are a list at the end, each linked to its place in the text.")
    if edition.glosses or edition.footnotes:
        sentences.append("Each note link is named for screen readers by the kind of note and its number.")
    if plan.document("index") is not None:
        sentences.append("Index entries link to the paragraphs they refer to.")
    if has_pages:
        sentences.append("Page break markers and a page list give the page numbers of the print edition.")
    sentences.append(
        "Links take the colour of the text, and paragraph numbers keep a contrast of at least 4.5:1 on light "
        "and dark backgrounds; the reader’s own font and text size apply."
    )
    if conforms:
        sentences.append(
            "The book is made to meet EPUB Accessibility 1.1 at WCAG 2.2 Level AA: books made the same way "
            "are checked with DAISY Ace and EPUBCheck, which find no violations."
        )
    sentences.append("No known hazards.")
    return " ".join(sentences)


def _item_id(href: str) -> str:
    return "x-" + re.sub(r"[^A-Za-z0-9_-]+", "-", href.rsplit(".", 1)[0])
