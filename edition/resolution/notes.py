"""The editor's prose (notes in YAML, front matter): Markdown whose citations and cross-references
become model nodes."""

from __future__ import annotations

from collections.abc import Sequence

from edition import apparatus as app
from edition.blocks import to_blocks
from edition.check_cache import Reads
from edition.diagnostics import Diagnostic
from edition.markdown import NoteMarkup, PointAtom, RawDocument, RawParagraph
from edition.model import Block, CitationRef, Inline, PageRef, Reference, Text
from edition.overlay import build_inlines
from edition.resolution.citing import Citer
from edition.resolution.numbering import HeadingIds
from edition.targets import TargetTable
from edition.typography import Rule, apply_rules


class NoteRenderer:
    """Turns notes into blocks with the edition's typography; their paragraphs take no § numbers."""

    def __init__(
        self,
        *,
        targets: TargetTable,
        citer: Citer,
        rules: Sequence[Rule],
        language: str,
        heading_ids: HeadingIds,
        problems: list[Diagnostic],
        reads: Reads,
    ):
        self.reads = reads
        self.targets = targets
        self.citer = citer
        self.rules = tuple(rules)
        self.language = language
        self.heading_ids = heading_ids
        self.problems = problems

    def blocks(self, note: app.NoteText | None) -> tuple[Block, ...]:
        """A note written in an apparatus file, parsed at its real place in that file."""
        if note is None:
            return ()
        raw = self.reads.parse_markdown(
            note.text,
            note.origin.path,
            line_offset=note.line_offset,
            column=note.origin.column,
            note_markup=True,
            problems=self.problems,
        )
        return self.document(raw)

    def document(self, raw: RawDocument) -> tuple[Block, ...]:
        def inlines(paragraph: RawParagraph) -> tuple[Inline, ...]:
            return apply_rules(
                build_inlines(paragraph.atoms, convert_point=self._point), self.rules, self.language
            )

        return to_blocks(raw.blocks, inlines, lambda _p: None, self.heading_ids.next_id)

    def _point(self, atom: PointAtom) -> tuple[Inline, ...]:
        """``[[id]]`` prints a pointer ("p. 12" / "§ 31"); ``[[id|words]]`` links the words and adds the
        pointer in parentheses, so it can stand as a noun in a sentence ("the Red Army (p. 4)")."""
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
        citation = self.citer.cite(node.value, node.locator, node.origin)
        return (CitationRef(citation),) if citation else (Text(f"[@{node.value}]"),)
