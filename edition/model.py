"""The resolved edition: one typed, immutable model between reading and writing.

Readers and the resolver build it; writers (HTML, PDF, EPUB) only walk it. Every element carries an
``origin`` (file, line, column) so that a layout warning can name the apparatus entry that caused it.
Apparatus entries are already merged into the text as inline nodes: a writer never searches for a lemma.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal, Protocol


@dataclass(frozen=True, slots=True)
class Origin:
    """Where something came from: a path relative to the edition folder, 1-based line and column."""

    path: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


# --------------------------------------------------------------------------------------------------
# Inline nodes
# --------------------------------------------------------------------------------------------------

TargetKind = Literal["paragraph", "gloss", "emendation", "anchor", "footnote", "section", "citation", "index"]


@dataclass(frozen=True, slots=True)
class Target:
    """A resolved cross-reference target.

    ``element_id`` is the id the element carries in every output (``p-31``, ``gloss-nep`` …);
    ``paragraph`` is the § number it lives in, so an output without pages can still say where it is;
    ``last_paragraph`` the § a passage over paragraphs (a gloss's or named anchor's) ends in.
    """

    element_id: str
    kind: TargetKind
    paragraph: int | None
    label: str
    last_paragraph: int | None = None


@dataclass(frozen=True, slots=True)
class Text:
    text: str


@dataclass(frozen=True, slots=True)
class Styled:
    """Markup from the copy-text or a note: emphasis, strong, code, small caps."""

    style: Literal["em", "strong", "code", "smallcaps"]
    children: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class LanguageSpan:
    """Words in another language than the text around them (``[Weltanschauung]{lang=de}``).

    ``language`` is a well-formed BCP 47 tag; outputs tag the words with it, so they are hyphenated with
    that language's patterns and read aloud in it, and typography follows it (its quotation marks).
    """

    language: str
    children: tuple[Inline, ...]
    origin: Origin


@dataclass(frozen=True, slots=True)
class ExternalLink:
    href: str
    children: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class LineBreak:
    pass


@dataclass(frozen=True, slots=True)
class FootnoteRef:
    """The reference mark of an authorial note (the author's own numbering)."""

    footnote_id: str
    label: str


@dataclass(frozen=True, slots=True)
class Anchor:
    """An empty target at a point in the text: lemma starts, named anchors, index marks."""

    element_id: str


@dataclass(frozen=True, slots=True)
class GlossRef:
    """The note marker at the end of a gloss's lemma (the lemma's start carries ``gloss.lemma_id``)."""

    gloss: Gloss


@dataclass(frozen=True, slots=True)
class Emended:
    """The edition's reading in place of the copy-text's; ``emendation`` holds both readings."""

    emendation: Emendation
    children: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class VariantLemma:
    """The copy-text words a variant entry is about, as one node around them.

    Outermost over markup (an italic word inside a lemma splits the italics, not the lemma), so a writer
    that nests the readings with the lemma (TEI's ``<app><lem>``) finds each lemma whole, in one place.
    """

    variant: Variant
    children: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class Reference:
    """Text (a lemma, or link text in a note) that links to a cross-reference target."""

    target: Target
    children: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class PageRef:
    """A printed pointer to a target: "p. 12" in print, "§ 31" or a link where there are no pages."""

    target: Target


@dataclass(frozen=True, slots=True)
class CitationLink:
    """Copy-text words (e.g. a parenthetical page reference "(11)") linked to a bibliography entry."""

    citation: Citation
    children: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class CitationRef:
    """A citation written in a note as ``[@key, 51]``; ``text`` is formatted by the CSL style."""

    citation: Citation


@dataclass(frozen=True, slots=True)
class IndexMark:
    element_id: str
    entry_id: str


Inline = (
    Text
    | Styled
    | LanguageSpan
    | ExternalLink
    | LineBreak
    | FootnoteRef
    | Anchor
    | GlossRef
    | Emended
    | VariantLemma
    | Reference
    | PageRef
    | CitationLink
    | CitationRef
    | IndexMark
)


# --------------------------------------------------------------------------------------------------
# Blocks
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph. ``number`` is its § number in the copy-text (None in notes and front matter)."""

    element_id: str | None
    number: int | None
    content: tuple[Inline, ...]
    origin: Origin


@dataclass(frozen=True, slots=True)
class Heading:
    element_id: str
    level: int
    content: tuple[Inline, ...]
    origin: Origin


@dataclass(frozen=True, slots=True)
class BlockQuote:
    blocks: tuple[Block, ...]
    origin: Origin


@dataclass(frozen=True, slots=True)
class ListBlock:
    ordered: bool
    items: tuple[tuple[Block, ...], ...]
    origin: Origin


@dataclass(frozen=True, slots=True)
class ThematicBreak:
    origin: Origin


Block = Paragraph | Heading | BlockQuote | ListBlock | ThematicBreak


@dataclass(frozen=True, slots=True)
class Signed:
    """Who signed a section (an author's preface) and where and when: printed at its end, not numbered.

    ``date`` is ISO (YYYY, YYYY-MM or YYYY-MM-DD) for the outputs' metadata; ``dateline`` is the place and
    date as the source prints them ("London, 30th January, 1888"); ``signature`` the name as signed.
    """

    author: str | None
    date: str | None
    dateline: str | None
    signature: str | None
    origin: Origin


@dataclass(frozen=True, slots=True)
class Section:
    """A division of the copy-text: an optional heading and the blocks up to the next heading.

    ``title`` is the heading as plain text (no note marks or markup); ``short_title`` the running head
    the author gave (``{short_title="…"}`` before the heading); ``signed`` its own author and signature.
    """

    element_id: str
    title: str | None
    heading: Heading | None
    blocks: tuple[Block, ...]
    origin: Origin
    short_title: str | None = None
    signed: Signed | None = None

    @property
    def running_head(self) -> str:
        """What the running head prints: the short title, else the title."""
        return self.short_title or self.title or ""


EssayRole = Literal["introduction", "note-on-the-text"]
ESSAY_ROLES: tuple[EssayRole, ...] = ("introduction", "note-on-the-text")


@dataclass(frozen=True, slots=True)
class Essay:
    """Editorial front matter written in Markdown (introduction, note on the text).

    ``role`` is what edition.yaml declares (``role: note-on-the-text``); None when it declares none (the
    book layer then falls back to the title, see ``edition/book/divisions.py``).
    """

    element_id: str
    title: str
    blocks: tuple[Block, ...]
    origin: Origin
    role: EssayRole | None = None


# --------------------------------------------------------------------------------------------------
# Apparatus
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LemmaSpan:
    """Where a lemma resolved: § number, character offsets in that paragraph's text, the words.

    ``heading`` is set when the lemma is in a heading of the copy-text: the heading's number (1-based, in
    reading order); the offsets are then in the heading's text, and ``paragraph`` is the § the heading
    stands before (the first paragraph after it), which orders the entry and keys it where there are no
    pages ("heading before § 31"; docs/format.md).

    ``last_paragraph`` is set for a passage over paragraphs (a gloss or a named anchor only): the § it
    ends in; ``end`` is then an offset in that paragraph, and ``text`` cites it "from words … to words".
    """

    paragraph: int
    start: int
    end: int
    text: str
    heading: int | None = None
    last_paragraph: int | None = None

    @property
    def in_heading(self) -> bool:
        return self.heading is not None


@dataclass(frozen=True, slots=True)
class Gloss:
    """An explanatory note. ``number`` is its sequence number, shared by every output."""

    element_id: str
    lemma_id: str
    number: int
    lemma: LemmaSpan
    body: tuple[Block, ...]
    origin: Origin


@dataclass(frozen=True, slots=True)
class Emendation:
    """A correction: ``original`` is the copy-text's reading, ``reading`` what the edition prints."""

    element_id: str
    number: int
    lemma: LemmaSpan
    original: str
    reading: str
    witness: str
    conjecture: bool
    note: tuple[Block, ...]
    origin: Origin


@dataclass(frozen=True, slots=True)
class Reading:
    """What some witnesses read in place of a variant's lemma; ``text`` is "" when they omit it."""

    witnesses: tuple[str, ...]
    text: str
    origin: Origin


@dataclass(frozen=True, slots=True)
class Variant:
    """The readings of other witnesses at a lemma of the copy-text (a positive apparatus entry).

    ``lemma_witnesses`` are the declared witnesses not cited in any reading: by the editor's silence they
    agree with the copy-text (so a TEI ``<lem wit>`` or a positive apparatus can name them).
    """

    element_id: str
    number: int
    lemma: LemmaSpan
    readings: tuple[Reading, ...]
    lemma_witnesses: tuple[str, ...]
    type: str | None
    note: tuple[Block, ...]
    origin: Origin


@dataclass(frozen=True, slots=True)
class CrossReference:
    element_id: str
    lemma: LemmaSpan
    target: Target
    origin: Origin


@dataclass(frozen=True, slots=True)
class NamedAnchor:
    element_id: str
    lemma: LemmaSpan
    origin: Origin


@dataclass(frozen=True, slots=True)
class Citation:
    """A citation of a bibliography entry, from the copy-text (lemma) or a note (``[@key, 51]``)."""

    element_id: str
    key: str
    locator: str | None
    text: str
    bib_id: str
    origin: Origin


@dataclass(frozen=True, slots=True)
class Footnote:
    """An authorial note, kept as the source had it."""

    element_id: str
    ref_id: str
    label: str
    blocks: tuple[Block, ...]
    origin: Origin


@dataclass(frozen=True, slots=True)
class IndexLocation:
    """One occurrence of an index entry: the mark's element id and the § it is in."""

    element_id: str
    paragraph: int


@dataclass(frozen=True, slots=True)
class IndexEntry:
    element_id: str
    heading: str
    kind: str
    sort_key: str
    locations: tuple[IndexLocation, ...]
    see: tuple[str, ...]
    origin: Origin


@dataclass(frozen=True, slots=True)
class BibEntry:
    """A bibliography entry, formatted by the CSL style. ``cited`` is False for further reading."""

    key: str
    element_id: str
    content: tuple[Inline, ...]
    cited: bool
    further_reading: bool
    origin: Origin


# --------------------------------------------------------------------------------------------------
# The edition
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Person:
    """A contributor. ``role`` is free text printed after the name; ``relator`` the MARC relator code of
    what the person did for the book (``aut``, ``trl``, ``edt``, ``aui`` …; edition/roles.py)."""

    name: str
    role: str | None = None
    relator: str | None = None


@dataclass(frozen=True, slots=True)
class ContributorNote:
    """A note on a person of the book (edition.yaml's ``note:``), Markdown rendered like any note; ``relator``
    says who they are to the book (``aut`` for an author, ``edt``, ``trl`` …)."""

    name: str
    relator: str | None
    blocks: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class SourceWitness:
    """The copy-text's source, with the siglum the apparatus uses for it."""

    siglum: str
    description: str
    title: str | None = None
    periodical: str | None = None
    issue: str | None = None
    date: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Metadata:
    title: str
    subtitle: str | None
    authors: tuple[Person, ...]
    editors: tuple[Person, ...]
    language: str
    date: str
    rights: str
    identifier: str
    publisher: str | None
    subject: tuple[str, ...]
    description: str | None
    witnesses: tuple[SourceWitness, ...]
    # Everyone else the book names: translators, authors of an introduction … (edition.yaml ``contributors``)
    contributors: tuple[Person, ...] = ()
    title_origin: Origin | None = None  # where edition.yaml gives the title (a layout warning points there)


@dataclass(frozen=True, slots=True)
class LineNumbering:
    """Line numbers beside the copy-text in print: every ``interval``-th line, counted per page,
    per section or through the whole text, printed in the inner or the outer margin."""

    interval: int = 5
    side: Literal["inner", "outer"] = "inner"
    restart: Literal["page", "section", "none"] = "page"


@dataclass(frozen=True, slots=True)
class ApparatusSeries:
    """A series of the apparatus (A: variants, B: textual notes …) and where print sets it."""

    name: str
    contents: tuple[Literal["emendations", "variants"], ...]
    place: Literal["foot", "back"] = "back"
    origin: Origin | None = None


@dataclass(frozen=True, slots=True)
class Style:
    """Book design settings from edition.yaml (CSS lengths kept as strings, e.g. ``"6in"``)."""

    trim_width: str = "6in"
    trim_height: str = "9in"
    bleed: str = "0.125in"  # what 6×9 print-on-demand printers ask for
    font: str = "EB Garamond"
    font_package: str | None = "fonts-ebgaramond"
    font_size: str = "10.5pt"
    csl: str = "chicago-author-date-16th-edition"
    pdf_variant: str = "pdf/x-4"
    crop_marks: bool = False  # print-on-demand printers reject them
    stylesheet: str | None = None
    line_numbers: LineNumbering | None = None  # None: no line numbers
    # How print keys textual notes: by page ("p. 12 § 31") or by page and line ("12.17").
    note_keys: Literal["page", "page.line"] = "page"
    series: tuple[ApparatusSeries, ...] = ()  # none declared: textual notes at the back
    # The deepest heading level listed in the contents, bookmarks and EPUB nav (2 sections, 3 ###, 4 ####).
    contents_depth: int = 3
    # A negative apparatus names only the witnesses that differ ("on] upon N H"); a positive one names the
    # lemma's witnesses too ("on Bl] upon N H").
    apparatus_form: Literal["negative", "positive"] = "negative"
    # Where each value was written ("font", "trim.width" …), so a writer's error points at its line.
    origins: tuple[tuple[str, Origin], ...] = ()

    def origin_of(self, key: str, default: Origin) -> Origin:
        return next((origin for name, origin in self.origins if name == key), default)


@dataclass(frozen=True, slots=True)
class Edition:
    """A fully resolved edition: everything a writer needs, nothing it has to look up."""

    name: str
    root: str
    metadata: Metadata
    style: Style
    front_matter: tuple[Essay, ...]
    sections: tuple[Section, ...]
    footnotes: tuple[Footnote, ...]
    glosses: tuple[Gloss, ...]
    emendations: tuple[Emendation, ...]
    cross_references: tuple[CrossReference, ...]
    anchors: tuple[NamedAnchor, ...]
    citations: tuple[Citation, ...]
    index: tuple[IndexEntry, ...]
    bibliography: tuple[BibEntry, ...]
    normalisations: tuple[str, ...] = field(default=())
    origin: Origin = field(default=Origin("edition.yaml"))
    # The other witnesses' readings, in text order; each lemma is also in the text, as a VariantLemma node.
    variants: tuple[Variant, ...] = field(default=())
    # edition.yaml's ``labels:`` (label name, text): the book's own words replaced (edition/book/labels.py).
    labels: tuple[tuple[str, str], ...] = field(default=())
    # The notes on the authors, editors and contributors, in edition.yaml's order.
    contributor_notes: tuple[ContributorNote, ...] = field(default=())

    @property
    def paragraph_count(self) -> int:
        return sum(1 for _ in iter_paragraphs(self.sections))


def iter_paragraphs(sections: tuple[Section, ...]) -> Iterator[Paragraph]:
    """Yield every numbered paragraph of the copy-text in reading order."""
    for section in sections:
        yield from _numbered(section.blocks)


def _numbered(blocks: tuple[Block, ...]) -> Iterator[Paragraph]:
    for block in blocks:
        if isinstance(block, Paragraph) and block.number is not None:
            yield block
        elif isinstance(block, BlockQuote):
            yield from _numbered(block.blocks)
        elif isinstance(block, ListBlock):
            for item in block.items:
                yield from _numbered(item)


class _Located(Protocol):
    """A lemma (``LemmaSpan``) or a resolved span (``anchoring.Span``): where each starts."""

    @property
    def paragraph(self) -> int: ...
    @property
    def heading(self) -> int | None: ...
    @property
    def start(self) -> int: ...


def start_order(where: _Located) -> tuple[int, bool, int, int]:
    """Sort key in reading order by where a lemma or mark starts: a heading's before those of the
    paragraph it stands before, then by offset."""
    return (where.paragraph, where.heading is None, where.heading or 0, where.start)


def plain_text(nodes: tuple[Inline, ...]) -> str:
    """The text of an inline tree, without markup or apparatus markers."""
    parts: list[str] = []
    for node in nodes:
        if isinstance(node, Text):
            parts.append(node.text)
        elif isinstance(
            node, Styled | LanguageSpan | ExternalLink | Emended | VariantLemma | Reference | CitationLink
        ):
            parts.append(plain_text(node.children))
        elif isinstance(node, LineBreak):
            parts.append(" ")
    return "".join(parts)
