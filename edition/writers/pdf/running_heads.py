"""Running heads that fit one line: one that wraps in its page's head is shortened, with a warning.

The heads are plain text (the book title on versos, a section's short title or title on rectos), set by
``string-set`` from attributes the print templates write. After a layout, every head box of more than
one line is found; its first line is what fits, so the head is cut to the words of that line and an
ellipsis (one word fewer if that still wraps), and the next layout prints the shorter head. The warning
names the heading (or edition.yaml's title) and suggests a ``short_title``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from weasyprint import Page
from weasyprint.formatting_structure import boxes

from edition.diagnostics import Diagnostic
from edition.model import Edition, Origin

BOOK_HEAD = "book"  # the key of the verso head (the book's title); a section's head is keyed by its id
ELLIPSIS = "\u2026"


@dataclass(frozen=True, slots=True)
class _HeadBox:
    lines: list[str]
    room: bool  # the first line leaves room for an ellipsis after its last word


@dataclass(frozen=True, slots=True)
class Shortened:
    key: str
    full: str
    printed: str


def running_heads(edition: Edition) -> dict[str, str]:
    """Every head the book can print, by key: the title, then each titled section's head."""
    heads = {BOOK_HEAD: edition.metadata.title}
    heads.update({s.element_id: s.running_head for s in edition.sections if s.heading is not None})
    return heads


def wrapped_heads(pages: Sequence[Page], edition: Edition, printed: Mapping[str, str]) -> list[Shortened]:
    """The heads printed on more than one line in this layout, each with a shorter text that fits."""
    heads = running_heads(edition)
    found: dict[str, Shortened] = {}
    for page in pages:
        recto = page._page_box.page_type.side == "right"
        for head in _head_lines(page):
            if len(head.lines) < 2:
                continue
            shown = " ".join(" ".join(head.lines).split())
            key = _key_of(shown, heads, printed, recto=recto)
            if key is None or key in found:
                continue
            found[key] = Shortened(key, heads[key], _cut(head.lines[0], printed.get(key), room=head.room))
    return list(found.values())


def shortened_warnings(edition: Edition, shortened: Mapping[str, Shortened]) -> list[Diagnostic]:
    """A located warning for every head printed shorter than its text."""
    by_id = {s.element_id: s for s in edition.sections}
    out = []
    for item in shortened.values():
        section = by_id.get(item.key)
        if section is not None and section.heading is not None:
            origin: Origin = section.heading.origin
            what = "the short title" if section.short_title else "the section's title"
            hint = (
                'give the section a shorter {short_title="…"} on the line before its heading'
                if not section.short_title
                else "shorten its short_title"
            )
        else:
            origin, what = edition.metadata.title_origin or edition.origin, "the book's title"
            hint = "shorten the title in edition.yaml"
        out.append(
            Diagnostic.at(
                origin,
                "warning",
                "running-head-too-long",
                f"{what} does not fit the running head on one line; printed as '{item.printed}'",
                hint,
            )
        )
    return out


def _key_of(shown: str, heads: Mapping[str, str], printed: Mapping[str, str], *, recto: bool) -> str | None:
    """Which head a page shows (the book's on versos, a section's on rectos), by its printed text."""
    keys = [key for key in heads if " ".join(printed.get(key, heads[key]).split()) == shown]
    preferred = [key for key in keys if (key == BOOK_HEAD) != recto]
    chosen = preferred or keys
    return chosen[0] if chosen else None


def _cut(first_line: str, before: str | None, *, room: bool) -> str:
    """The words of the first line and an ellipsis; one word fewer when the line has no room for it, or
    when that text was already printed and still wrapped."""
    words = first_line.removesuffix(ELLIPSIS).split()
    cut = " ".join(words).rstrip(",;:.—–-") + ELLIPSIS
    if (not room or (before is not None and len(cut) >= len(before))) and len(words) > 1:
        cut = " ".join(words[:-1]).rstrip(",;:.—–-") + ELLIPSIS
    return cut


def _head_lines(page: Page) -> Iterator[_HeadBox]:
    """Each of the page's top margin boxes: its lines' text, whether the first line has room for "…"."""
    for box in page._page_box.children:
        if isinstance(box, boxes.MarginBox) and box.at_keyword.startswith("@top"):
            lines = [line for line in box.children if isinstance(line, boxes.LineBox)]
            texts = ["".join(_texts(line)) for line in lines]
            room = True
            if lines:
                used = sum(child.margin_width() for child in lines[0].children)
                room = used + float(box.style["font_size"]) <= box.width  # an ellipsis is under 1em
            yield _HeadBox([text for text in texts if text.strip()], room)


def _texts(box: boxes.Box) -> Iterator[str]:
    if isinstance(box, boxes.TextBox):
        yield box.text
    for child in getattr(box, "children", ()):
        yield from _texts(child)
