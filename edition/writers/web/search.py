"""The search index, written at build time: every paragraph and every note with its text and link.

The site searches offline, with no server: ``search-index.js`` holds the entries as JSON (loaded by a
``<script>`` element, which works from ``file://`` too, where ``fetch`` is refused) and ``search.js``
filters them in the browser. Text comes from the model (``plain_text``), not from the rendered pages.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from edition.book.labels import Labels
from edition.book.places import lemma_place
from edition.model import Block, BlockQuote, Footnote, Heading, ListBlock, Paragraph, plain_text
from edition.writers.html.walk import textual_note_id, variant_reading_id
from edition.writers.web.site import SitePlan

INDEX_FILE = "search-index.js"
INDEX_GLOBAL = "editionSearchIndex"


@dataclass(frozen=True, slots=True)
class SearchEntry:
    href: str  # page#id
    page: str  # the page's title
    label: str  # "§ 12", "Note 3", …
    text: str


def search_entries(plan: SitePlan, footnotes: tuple[Footnote, ...], labels: Labels) -> Iterator[SearchEntry]:
    """Every paragraph of the essays and the text, then every note and apparatus entry, in reading order."""
    locations = plan.locations

    def at(element_id: str) -> str:
        return f"{locations[element_id].partition('#')[0]}#{element_id}"

    for page in plan.pages:
        doc = page.doc
        if doc is None:
            continue
        if doc.essay is not None:
            yield from _blocks(doc.essay.blocks, doc.essay.element_id, page.title, page.href, labels)
        if doc.section is not None:
            yield from _blocks(doc.section.blocks, doc.section.element_id, page.title, page.href, labels)
        for gloss in doc.glosses:
            text = f"{gloss.lemma.text}: {_text(gloss.body)}"
            yield SearchEntry(at(gloss.element_id), page.title, f"{labels.gloss} {gloss.number}", text)
    book_plan = plan.book_plan
    for footnote in footnotes:
        label = f"{labels.author_note} {footnote.label}"
        yield SearchEntry(at(footnote.element_id), labels.author_notes, label, _text(footnote.blocks))
    for emendation in book_plan.textual_notes:
        note_id = textual_note_id(emendation.element_id)
        text = f"{emendation.reading} ] {emendation.original} {emendation.witness} {_text(emendation.note)}"
        label = f"{labels.textual_note} {lemma_place(emendation.lemma, labels)}"
        yield SearchEntry(at(note_id), labels.textual_notes, label, text.strip())
    for variant in plan.variants:
        readings = "; ".join(f"{r.text} {' '.join(r.witnesses)}" for r in variant.readings)
        text = f"{variant.lemma.text} ] {readings} {_text(variant.note)}"
        label = lemma_place(variant.lemma, labels)
        yield SearchEntry(
            at(variant_reading_id(variant.element_id)), labels.variant_readings, label, text.strip()
        )
    listed = {entry.element_id: entry for entry in (*book_plan.works_cited, *book_plan.further_reading)}
    for entry in listed.values():  # an entry both cited and recommended once
        if entry.element_id in locations:
            yield SearchEntry(at(entry.element_id), labels.bibliography, "", plain_text(entry.content))


def index_script(entries: Iterable[SearchEntry]) -> bytes:
    """The index as a script that sets one global: a JSON array of [href, page, label, text]."""
    rows = [[e.href, e.page, e.label, e.text] for e in entries if e.text.strip()]
    data = json.dumps(rows, ensure_ascii=False, separators=(",", ":"))
    # "</" cannot end the script early when the text quotes HTML.
    safe = data.replace("</", "<\\/")
    return f"window.{INDEX_GLOBAL} = {safe};\n".encode()


def _blocks(
    blocks: tuple[Block, ...], container: str, title: str, href: str, labels: Labels
) -> Iterator[SearchEntry]:
    for block in blocks:
        if isinstance(block, Paragraph):
            label = f"{labels.paragraph_sign}\u00a0{block.number}" if block.number is not None else ""
            target = f"{href}#{block.element_id or container}"
            yield SearchEntry(target, title, label, plain_text(block.content))
        elif isinstance(block, Heading):
            yield SearchEntry(f"{href}#{block.element_id}", title, "", plain_text(block.content))
        elif isinstance(block, BlockQuote):
            yield from _blocks(block.blocks, container, title, href, labels)
        elif isinstance(block, ListBlock):
            for item in block.items:
                yield from _blocks(item, container, title, href, labels)


def _text(blocks: tuple[Block, ...]) -> str:
    parts: list[str] = []
    for block in blocks:
        if isinstance(block, Paragraph | Heading):
            parts.append(plain_text(block.content))
        elif isinstance(block, BlockQuote):
            parts.append(_text(block.blocks))
        elif isinstance(block, ListBlock):
            parts.extend(_text(item) for item in block.items)
    return " ".join(part for part in parts if part)
