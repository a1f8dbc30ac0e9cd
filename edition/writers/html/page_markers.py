"""The print page markers at the word: each page's marker where the printed page's first word is.

The print layout gives the first words of every page (``edition.book.print_pages``). Here the rendered files
(the EPUB's XHTML, the site's HTML pages) are read in reading order as one stream of letters (what is out of
the reading order, such as pop-up or side notes, hidden navigation and the markers, left out; digits and
punctuation dropped, so "§ 31" against "p. 14" or a note number does not matter) and each page's words are
looked for from the previous page's place on: the place where most of the page's letters follow wins, so a
half-title and a title page that begin alike find their own text. A word hyphenated across the page break
gets its marker before the whole word. The marker never goes inside a heading (it goes before the heading,
and before a navigation list whose heading it is), and a page that begins a paragraph or list item gets its
marker at the block's start, before its number. A blank page, or one whose words the files do not have, gets
its marker just before the next page's (after the last page found, at the end of that page's file), so the
page list has no holes.

The placing is the same for every writer; how a file is read and written, what is out of the reading order
and what a marker looks like is the writer's own (a :class:`PageMarkup`: ``edition.writers.epub.page_markup``,
``edition.writers.web.page_markup``).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from lxml import etree

from edition.book.print_pages import PrintPage, words
from edition.writers.html.pages import PageBreak, unique_page_id

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
BLOCKS = frozenset(
    {"p", "li", "div", "section", "header", "footer", "blockquote", "dt", "dd", "figcaption", "td", "th"}
    | HEADINGS
)
INLINES = frozenset({"a", "em", "strong", "span", "i", "b", "cite", "small", "sup", "sub", "abbr", "code"})
LEAST = 8  # letters that must agree for a place to count as the page's (fewer when the page has fewer)
MOST_CANDIDATES = 64  # places kept per page: those where most of its letters agree


Skipped = Callable[[etree._Element], bool]


class PageMarkup(Protocol):
    """How one writer's files are read, which of their elements are read as text, and its markers."""

    def parse(self, data: bytes) -> etree._ElementTree:
        """The file's tree."""
        ...

    def serialise(self, tree: etree._ElementTree) -> bytes:
        """The file again, written as the writer's templates write it."""
        ...

    def reading(self, root: etree._Element) -> etree._Element | None:
        """The element holding the text that is read (the body, the main column), or None for none."""
        ...

    @property
    def in_headings(self) -> bool:
        """True to keep a marker inside the heading it falls in (at its start), False to put it before."""
        ...

    def skipped(self, element: etree._Element) -> bool:
        """True for an element out of the reading order (a pop-up or side note, hidden text, a marker)."""
        ...

    def marker(self, element_id: str, label: str) -> etree._Element:
        """A new page marker (its tail is set by the placing)."""
        ...

    def group(self, markers: list[etree._Element]) -> list[etree._Element]:
        """What is inserted for the markers of pages that begin at one place (each marker, or a wrapper)."""
        ...

    def href(self, path: str) -> str:
        """The link to a file from its path among the documents."""
        ...


@dataclass(frozen=True, slots=True)
class _Segment:
    """One text or tail string of the stream: the element holding it and which of the two it is."""

    document: int
    element: etree._Element
    tail: bool

    @property
    def text(self) -> str:
        return (self.element.tail if self.tail else self.element.text) or ""


@dataclass(frozen=True, slots=True)
class _Place:
    segment: int
    offset: int


@dataclass(frozen=True, slots=True)
class PlacedPages:
    """The files with markers (only those that changed) and the page list in reading order."""

    documents: dict[str, bytes]
    pages: tuple[PageBreak, ...]


def place_page_markers(
    documents: Sequence[tuple[str, bytes]], pages: Sequence[PrintPage], markup: PageMarkup
) -> PlacedPages:
    """Insert a marker for every page of ``pages`` into ``documents`` (path, bytes), in reading order."""
    trees = [markup.parse(data) for _, data in documents]
    segments = [seg for index, tree in enumerate(trees) for seg in _segments(index, tree.getroot(), markup)]
    stream, origin = _letters(segments)
    found: list[_Place | None] = []
    for at in _align(stream, [page.letters for page in pages]):
        if at is None:
            found.append(None)
            continue
        index, offset = origin[at]
        found.append(_Place(index, _word_start(segments[index].text, offset)))
    # A page not found goes with the next found one; after the last one, at the end of its file.
    following: _Place | None = None
    for index in range(len(found) - 1, -1, -1):
        found[index] = following = found[index] or following
    last = max((place.segment for place in found if place is not None), default=None)
    if last is not None:
        document = segments[last].document
        end = max(i for i, segment in enumerate(segments) if segment.document == document)
        found = [place or _Place(end, len(segments[end].text)) for place in found]
    used: set[str] = set()
    placed: list[PageBreak] = []
    changed: set[int] = set()
    inserted: dict[tuple[int, int], list[etree._Element]] = {}
    for page, place in zip(pages, found, strict=True):
        if place is None:
            continue
        segment = segments[place.segment]
        marker = markup.marker(unique_page_id(page.label, used), page.label)
        href = markup.href(documents[segment.document][0])
        placed.append(PageBreak(marker.get("id") or "", page.label, href))
        inserted.setdefault((place.segment, place.offset), []).append(marker)
        changed.add(segment.document)
    # Insert from the end of the stream, so earlier offsets stay valid.
    for (index, offset), markers in sorted(inserted.items(), reverse=True):
        _insert(segments[index], offset, markup.group(markers), markup)
    out = {documents[i][0]: markup.serialise(trees[i]) for i in sorted(changed)}
    return PlacedPages(out, tuple(placed))


def _align(stream: str, needles: Sequence[str]) -> list[int | None]:
    """A place in ``stream`` for each needle, in order (never backwards), or None where none fits.

    Every place where a needle's first letters occur is a candidate, scored by how many of the needle's
    letters follow it there. The places chosen are those with the highest total score whose order is the
    pages' order; a page sharing its place with the page before costs a little (a half-title and a title
    page do; an imprint that repeats the title should not), and among equals the earlier places win.
    """
    candidates = [_candidates(stream, needle) for needle in needles]
    places = sorted({at for options in candidates for at, _ in options})
    rank = {at: index for index, at in enumerate(places)}
    before = _PrefixBest(len(places))  # chains ending strictly before a place
    at_place: dict[int, tuple[_Value, int]] = {}  # the best chain ending exactly at a place
    back: dict[tuple[int, int], tuple[int, int] | None] = {}
    value_of: dict[tuple[int, int], _Value] = {}
    for page, options in enumerate(candidates):
        new: list[tuple[int, _Value, tuple[int, int]]] = []
        for option, (at, score) in enumerate(options):
            value: _Value = ((score, -at), None)
            earlier = before.best(rank[at])
            if earlier is not None and _plus(earlier, score, at, 0) > value[0]:
                value = (_plus(earlier, score, at, 0), earlier[1])
            same = at_place.get(at)
            if same is not None and _plus(same[0], score, at, 1) > value[0]:
                value = (_plus(same[0], score, at, 1), same[0][1])
            back[(page, option)] = value[1]
            new.append((at, value, (page, option)))
        for at, value, key in new:  # a page's own candidates never chain to each other
            chained: _Value = (value[0], key)
            value_of[key] = chained
            before.put(rank[at] + 1, chained)
            if at not in at_place or chained[0] > at_place[at][0][0]:
                at_place[at] = (chained, page)
    chosen: list[int | None] = [None] * len(needles)
    if not value_of:
        return chosen
    link: tuple[int, int] | None = max(value_of, key=lambda key: value_of[key][0])
    while link is not None:
        page, option = link
        chosen[page] = candidates[page][option][0]
        link = back[link]
    return chosen


_Score = tuple[int, int]  # (letters agreeing in the chain, minus the sum of its places)
_Value = tuple[_Score, tuple[int, int] | None]  # a chain's score and its last (page, option)


def _plus(chain: _Value, score: int, at: int, cost: int) -> _Score:
    (total, places), _ = chain
    return (total + score - cost, places - at)


class _PrefixBest:
    """The best chain among those ending at ranks below a given one (a Fenwick tree of maxima)."""

    def __init__(self, size: int) -> None:
        self._tree: list[_Value | None] = [None] * (size + 1)

    def put(self, index: int, value: _Value) -> None:
        """Record ``value`` for queries of ranks above ``index`` - 1 (``index`` is 1-based)."""
        while index < len(self._tree):
            current = self._tree[index]
            if current is None or value[0] > current[0]:
                self._tree[index] = value
            index += index & -index

    def best(self, rank: int) -> _Value | None:
        """The best value put at 1-based indices up to ``rank`` (places strictly before ``rank``'s)."""
        found: _Value | None = None
        while rank > 0:
            current = self._tree[rank]
            if current is not None and (found is None or current[0] > found[0]):
                found = current
            rank -= rank & -rank
        return found


def _candidates(stream: str, needle: str) -> list[tuple[int, int]]:
    """Every (place, letters agreeing) where at least the needle's first letters occur in ``stream``."""
    least = min(LEAST, len(needle))
    if least == 0:
        return []
    out = []
    at = stream.find(needle[:least])
    while at != -1:
        out.append((at, _common(stream, at, needle)))
        at = stream.find(needle[:least], at + 1)
    kept = sorted(out, key=lambda option: (-option[1], option[0]))[:MOST_CANDIDATES]
    return sorted(kept)


def _common(stream: str, at: int, needle: str) -> int:
    length = 0
    for a, b in zip(stream[at : at + len(needle)], needle, strict=False):
        if a != b:
            break
        length += 1
    return length


def _segments(document: int, root: etree._Element, markup: PageMarkup) -> Iterator[_Segment]:
    reading = markup.reading(root)
    if reading is not None:
        yield from _walk(document, reading, markup)


def _walk(document: int, element: etree._Element, markup: PageMarkup) -> Iterator[_Segment]:
    yield _Segment(document, element, False)
    for child in element:
        if isinstance(child.tag, str) and not markup.skipped(child):
            yield from _walk(document, child, markup)
        yield _Segment(document, child, True)


def _letters(segments: Sequence[_Segment]) -> tuple[str, list[tuple[int, int]]]:
    """The letters of the stream as :func:`words` compares them, each with where it comes from."""
    out: list[str] = []
    origin: list[tuple[int, int]] = []
    for index, segment in enumerate(segments):
        for offset, char in enumerate(segment.text):
            for letter in "".join(words(char)) if char.isalpha() else "":
                out.append(letter)
                origin.append((index, offset))
    return "".join(out), origin


def _word_start(text: str, offset: int) -> int:
    """Back to the start of the word holding ``offset`` (the page may begin with a word's second half)."""
    while offset > 0 and (text[offset - 1].isalpha() or unicodedata.category(text[offset - 1]) == "Mn"):
        offset -= 1
    return offset


def _insert(segment: _Segment, offset: int, markers: list[etree._Element], markup: PageMarkup) -> None:
    """Put ``markers`` at ``offset`` in the segment's string, hoisted out of headings and block starts."""
    text = segment.text
    if segment.tail:
        parent = segment.element.getparent()
        assert parent is not None  # a tail belongs to a child
        before, after = text[:offset], text[offset:]
        segment.element.tail = before
        index = parent.index(segment.element) + 1
        _put(parent, index, markers, after)
        _hoist(parent, markers, markup)
        return
    element = segment.element
    element.text = text[:offset]
    _put(element, 0, markers, text[offset:])
    _hoist(element, markers, markup)


def _put(parent: etree._Element, index: int, markers: list[etree._Element], after: str) -> None:
    for position, marker in enumerate(markers):
        marker.tail = None
        parent.insert(index + position, marker)
    markers[-1].tail = after or None


def _hoist(parent: etree._Element, markers: list[etree._Element], markup: PageMarkup) -> None:
    """Move markers with nothing read before them out to the start of their block, and out of headings
    (to a heading's start where the writer keeps them in headings)."""
    while True:
        name = etree.QName(parent).localname
        at_start = not _has_letters_before(parent, markers[0], markup.skipped)
        if name in HEADINGS and markup.in_headings:
            _move_to(parent, 0, markers)
            return
        if name in HEADINGS or (at_start and name in INLINES) or (at_start and name == "nav"):
            _move_before(parent, markers)
            grand = parent.getparent()
            if grand is None:
                return
            parent = grand
            continue
        if at_start and name in BLOCKS:
            _move_to(parent, 0, markers)
        return


def _has_letters_before(parent: etree._Element, first: etree._Element, skipped: Skipped) -> bool:
    """True when any letter is read in ``parent`` before ``first`` (its child)."""
    if any(c.isalpha() for c in parent.text or ""):
        return True
    for child in parent:
        if child is first:
            return False
        if not skipped(child) and any(c.isalpha() for text in child.itertext() for c in str(text)):
            return True
        if any(c.isalpha() for c in child.tail or ""):
            return True
    return False


def _detach(markers: list[etree._Element]) -> None:
    """Take the (adjacent) markers out, giving the text after them to what precedes them."""
    first = markers[0]
    parent = first.getparent()
    assert parent is not None
    rest = markers[-1].tail or ""
    previous = first.getprevious()
    for marker in markers:
        marker.tail = None  # lxml removes an element with its tail: the text was saved above
        parent.remove(marker)
    if previous is not None:
        previous.tail = (previous.tail or "") + rest or None
    else:
        parent.text = (parent.text or "") + rest or None


def _move_before(element: etree._Element, markers: list[etree._Element]) -> None:
    parent = element.getparent()
    assert parent is not None
    _detach(markers)
    index = parent.index(element)
    for position, marker in enumerate(markers):
        parent.insert(index + position, marker)
    markers[-1].tail = None  # between the previous node's tail and the element: no text of their own


def _move_to(parent: etree._Element, index: int, markers: list[etree._Element]) -> None:
    _detach(markers)
    lead = parent.text
    parent.text = None
    for position, marker in enumerate(markers):
        parent.insert(index + position, marker)
    markers[-1].tail = lead
