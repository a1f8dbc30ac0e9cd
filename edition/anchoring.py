"""Standoff anchoring: finding the exact span of the copy-text an apparatus entry quotes.

Like the W3C TextQuoteSelector: the editor quotes words (``lemma`` or ``from``/``to``) and, when they occur
more than once, says which (``occurrence``, ``before``, ``after``). Nothing is anchored to a guess: no match
and an ambiguous match are errors whose hints show the candidates.

All paragraphs are normalised once and indexed by word, so each lemma costs time proportional to the
occurrences of its rarest word, not to the length of the text: anchoring grows linearly with text + apparatus.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from edition.diagnostics import Diagnostic
from edition.model import Origin
from edition.normalize import NormalText, normalize, normalize_lemma

WORD = re.compile(r"\w+")
# Characters that print nothing but make two quotations differ: zero-width, joiners, bidi marks and controls.
INVISIBLE_FORMAT = re.compile(
    "[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)
SEPARATOR = "\x00"


def _wordish(char: str) -> bool:
    return char.isalnum() or char == "_"


def _first_bounded(text: str, needle: str, position: int) -> int | None:
    """The first whole-word occurrence of ``needle`` in ``text`` at or after ``position``."""
    if not needle:
        return None
    found = text.find(needle, position)
    while found != -1:
        end = found + len(needle)
        starts_clean = not (_wordish(needle[0]) and found > 0 and _wordish(text[found - 1]))
        ends_clean = not (_wordish(needle[-1]) and end < len(text) and _wordish(text[end]))
        if starts_clean and ends_clean:
            return found
        found = text.find(needle, found + 1)
    return None


@dataclass(frozen=True, slots=True)
class Selector:
    """How an entry names its text. Exactly one of ``lemma`` or ``start``+``end`` is set."""

    lemma: str | None
    start: str | None
    end: str | None
    occurrence: int | None
    before: str | None
    after: str | None
    origin: Origin
    # "heading": the words are looked for in the copy-text's headings only (``in: heading``); None: in
    # its paragraphs, and in its headings only if no paragraph has them (edition/heading_lemmas.py).
    within: str | None = None

    @property
    def quoted(self) -> str:
        return self.lemma if self.lemma is not None else f"{self.start} … {self.end}"


@dataclass(frozen=True, slots=True)
class RunOn:
    """Where a passage that runs on over paragraphs ends: its last paragraph (0-based, in reading order;
    ``Span.end`` is then an offset in it), and where its quoted ``from`` words end in the first paragraph
    and its ``to`` words start in the last (so the passage can be cited as "from … to")."""

    last: int
    head_end: int
    tail_start: int


@dataclass(frozen=True, slots=True)
class Span:
    """A resolved span: paragraph index (0-based, in reading order) and original character offsets.

    ``heading`` is set for a span in a heading of the copy-text: the heading's index (0-based, in reading
    order); ``start`` and ``end`` are then offsets in the heading's text and ``paragraph`` is the paragraph
    the heading stands before (what orders and keys it).
    """

    paragraph: int
    start: int
    end: int
    heading: int | None = None
    runs_on: RunOn | None = None  # set for a passage that ends in a later paragraph

    @property
    def last_paragraph(self) -> int:
        """The paragraph the span ends in."""
        return self.paragraph if self.runs_on is None else self.runs_on.last


class TextIndex:
    """The copy-text's paragraphs, normalised and indexed by word for fast lemma lookup.

    ``names`` say how a diagnostic names each passage (default "§ N"); ``scope`` what "not found" was
    looked for in ("the text"; "any heading" for the headings' own index, which has no paragraph breaks
    to report a lemma spanning).
    """

    def __init__(
        self,
        paragraphs: list[tuple[int, str]],
        *,
        names: list[str] | None = None,
        scope: str = "the text",
    ):
        self.numbers = [number for number, _ in paragraphs]
        self.names = names if names is not None else [f"§ {number}" for number, _ in paragraphs]
        self.scope = scope
        self.originals = [text for _, text in paragraphs]
        self.normals: list[NormalText] = [normalize(text) for text in self.originals]
        starts = []
        position = 0
        for normal in self.normals:
            starts.append(position)
            position += len(normal.text) + 1
        self.starts = starts
        self.big = SEPARATOR.join(normal.text for normal in self.normals)
        words: dict[str, list[int]] = defaultdict(list)
        for match in WORD.finditer(self.big):
            words[match.group()].append(match.start())
        self.words = words

    # -- low-level search --------------------------------------------------------------------------

    def _bounded(self, start: int, end: int, needle: str) -> bool:
        """A match must not start or end inside a word (a lemma quotes whole words)."""
        big = self.big
        if _wordish(needle[0]) and start > 0 and _wordish(big[start - 1]):
            return False
        return not (_wordish(needle[-1]) and end < len(big) and _wordish(big[end]))

    def find_all(self, needle: str) -> list[int]:
        """Start offsets (in the joined normal text) of every whole-word occurrence of ``needle``."""
        if not needle:
            return []
        words = [(m.group(), m.start()) for m in WORD.finditer(needle)]
        found: list[int] = []
        if words:
            word, at = min(words, key=lambda item: len(self.words.get(item[0], ())))
            for position in self.words.get(word, ()):
                start = position - at
                if (
                    start >= 0
                    and self.big.startswith(needle, start)
                    and self._bounded(start, start + len(needle), needle)
                ):
                    found.append(start)
            return found
        position = self.big.find(needle)
        while position != -1:
            if self._bounded(position, position + len(needle), needle):
                found.append(position)
            position = self.big.find(needle, position + 1)
        return found

    def find_after(self, needle: str, position: int) -> int | None:
        """First whole-word occurrence of ``needle`` at or after ``position`` in the same paragraph."""
        limit = self.big.find(SEPARATOR, position)
        limit = len(self.big) if limit == -1 else limit
        found = self.big.find(needle, position, limit)
        while found != -1:
            if self._bounded(found, found + len(needle), needle):
                return found
            found = self.big.find(needle, found + 1, limit)
        return None

    def paragraph_of(self, position: int) -> int:
        return bisect.bisect_right(self.starts, position) - 1

    def to_span(self, start: int, end: int, selector: Selector | None = None) -> Span:
        """The span of ``start``–``end`` in the joined normal text, in original offsets. A passage that
        ends in a later paragraph needs its ``selector`` (where its ``from`` words end, its ``to`` words
        start)."""
        index = self.paragraph_of(start)
        last = self.paragraph_of(end - 1)
        normal = self.normals[index]
        original_start = normal.to_original_start(start - self.starts[index])
        if last == index:
            return Span(index, original_start, normal.to_original_end(end - self.starts[index]))
        if selector is None or selector.start is None or selector.end is None:
            raise ValueError("a passage over paragraphs is quoted with 'from' and 'to'")
        head, tail = len(normalize_lemma(selector.start)), len(normalize_lemma(selector.end))
        last_normal = self.normals[last]
        run_on = RunOn(
            last,
            normal.to_original_end(start - self.starts[index] + head),
            last_normal.to_original_start(end - tail - self.starts[last]),
        )
        return Span(index, original_start, last_normal.to_original_end(end - self.starts[last]), None, run_on)

    def name(self, span: Span) -> str:
        """How a diagnostic names where a span is: "§ 12", or "§ 12–14" for a passage over paragraphs."""
        if span.runs_on is None:
            return self.names[span.paragraph]
        return f"{self.names[span.paragraph]}–{self.numbers[span.runs_on.last]}"

    def passage(self, span: Span) -> str:
        """The words at ``span`` as written; a passage over paragraphs cited "from words … to words"."""
        first = self.originals[span.paragraph]
        if span.runs_on is None:
            return first[span.start : span.end]
        last = self.originals[span.runs_on.last]
        return f"{first[span.start : span.runs_on.head_end]} … {last[span.runs_on.tail_start : span.end]}"

    def context(self, span: Span, width: int = 30) -> str:
        left = self.originals[span.paragraph][max(0, span.start - width) : span.start]
        right = self.originals[span.last_paragraph][span.end : span.end + width]
        return f"…{left}[{self.passage(span)}]{right}…".replace("\n", " ")

    # -- resolution ---------------------------------------------------------------------------------

    def candidates(self, selector: Selector) -> list[tuple[int, int]]:
        """Every (start, end) in the joined normal text that the selector's words and context allow."""
        spans: list[tuple[int, int]] = []
        if selector.lemma is not None:
            needle = normalize_lemma(selector.lemma)
            spans = [(s, s + len(needle)) for s in self.find_all(needle)]
        elif selector.start is not None and selector.end is not None:
            head = normalize_lemma(selector.start)
            tail = normalize_lemma(selector.end)
            for s in self.find_all(head):
                t = self.find_after(tail, s + len(head))
                if t is not None:
                    spans.append((s, t + len(tail)))
        return self._in_context(selector, spans)

    def running_candidates(self, selector: Selector, ends: Sequence[int]) -> list[tuple[int, int]]:
        """Passages over paragraphs: from each ``from`` whose own paragraph has no later ``to``, to the
        first ``to`` in the following paragraphs up to ``ends[i]``, the last one a passage starting in
        paragraph i may reach (docs/format.md: not across a heading, a text file, or into the notes)."""
        if selector.start is None or selector.end is None:
            return []
        head, tail = normalize_lemma(selector.start), normalize_lemma(selector.end)
        spans: list[tuple[int, int]] = []
        for s in self.find_all(head):
            first = self.paragraph_of(s)
            if ends[first] == first or self.find_after(tail, s + len(head)) is not None:
                continue
            limit = self.starts[ends[first]] + len(self.normals[ends[first]].text)
            found = self.big.find(tail, self.starts[first + 1], limit)
            while found != -1 and not self._bounded(found, found + len(tail), tail):
                found = self.big.find(tail, found + 1, limit)
            if found != -1:
                spans.append((s, found + len(tail)))
        return self._in_context(selector, spans)

    def _in_context(self, selector: Selector, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """The spans the selector's ``before`` and ``after`` words allow."""
        before = normalize_lemma(selector.before) if selector.before else None
        after = normalize_lemma(selector.after) if selector.after else None
        if before:
            spans = [
                (s, e)
                for s, e in spans
                if self.big[max(0, s - len(before) - 1) : s].rstrip(" ").endswith(before)
            ]
        if after:
            spans = [
                (s, e) for s, e in spans if self.big[e : e + len(after) + 1].lstrip(" ").startswith(after)
            ]
        return spans

    def resolve(
        self,
        selector: Selector,
        what: str,
        problems: list[Diagnostic],
        passage_ends: Sequence[int] | None = None,
    ) -> Span | None:
        """The one span ``selector`` names, or None with a diagnostic explaining why. With
        ``passage_ends`` (glosses and named anchors) a ``from`` … ``to`` no paragraph holds whole may run
        on into the following paragraphs (:meth:`running_candidates`)."""
        spans = self.candidates(selector)
        if not spans and passage_ends is not None:
            spans = self.running_candidates(selector, passage_ends)
        if selector.occurrence is not None:
            if selector.occurrence <= len(spans):
                start, end = spans[selector.occurrence - 1]
                return self.to_span(start, end, selector)
            problems.append(self._out_of_range(selector, what, spans))
            return None
        if len(spans) == 1:
            return self.to_span(*spans[0], selector)
        if not spans:
            problems.append(self._not_found(selector, what, passage_ends))
        else:
            problems.append(self._ambiguous(selector, what, spans))
        return None

    def _out_of_range(self, selector: Selector, what: str, spans: list[tuple[int, int]]) -> Diagnostic:
        return Diagnostic.at(
            selector.origin,
            "error",
            "occurrence-out-of-range",
            f"{what} asks for occurrence {selector.occurrence} of '{selector.quoted}', "
            f"but it occurs {len(spans)} time{'s' if len(spans) != 1 else ''}",
            "\n".join(self._listing(selector, spans)) or "check the lemma's wording",
        )

    def _ambiguous(self, selector: Selector, what: str, spans: list[tuple[int, int]]) -> Diagnostic:
        return Diagnostic.at(
            selector.origin,
            "error",
            "lemma-ambiguous",
            f"{what}: '{selector.quoted}' occurs {len(spans)} times; say which one",
            "\n".join(self._listing(selector, spans))
            + "\n(or add 'before:' / 'after:' words that single it out)",
        )

    def _listing(self, selector: Selector, spans: list[tuple[int, int]]) -> list[str]:
        lines = []
        for n, (start, end) in enumerate(spans, 1):
            span = self.to_span(start, end, selector)
            lines.append(f"{self.name(span)}: {self.context(span)}  → add 'occurrence: {n}'")
        return lines

    def _not_found(
        self, selector: Selector, what: str, passage_ends: Sequence[int] | None = None
    ) -> Diagnostic:
        words_only = Selector(selector.lemma, selector.start, selector.end, None, None, None, selector.origin)
        plain = self.candidates(words_only)
        if not plain and passage_ends is not None:
            plain = self.running_candidates(words_only, passage_ends)
        may_span = passage_ends is not None
        across = None if plain or self.scope != "the text" else self.across_paragraphs(selector)
        if across is not None:
            return self._spans_paragraphs(selector, what, *across, may_span=may_span)
        near = self.nearest(selector)
        if plain and (selector.before or selector.after):
            message = (
                f"{what}: '{selector.quoted}' occurs {len(plain)} time(s) but never with the "
                f"given before/after words"
            )
        else:
            message = f"{what}: '{selector.quoted}' does not occur in {self.scope}"
        hint = "nearest passages:\n" + "\n".join(near) if near else "check the spelling against the copy-text"
        invisible = self._invisible_only(selector)
        if invisible:
            hint = f"{invisible}\n{hint}"
        return Diagnostic.at(selector.origin, "error", "lemma-not-found", message, hint)

    def across_paragraphs(self, selector: Selector) -> tuple[int, int] | None:
        """The § numbers of the first and last paragraph of a passage that matches the selector only
        across a paragraph break (a lemma's words run on into the next paragraph, or ``to:`` is in a
        later one); None if there is none. Anchors do not span paragraphs (yet): this says so."""
        joined = self.big.replace(SEPARATOR, " ")
        if selector.lemma is not None:
            needle = normalize_lemma(selector.lemma)
            start = _first_bounded(joined, needle, 0)
            while start is not None:
                first, last = self.paragraph_of(start), self.paragraph_of(start + len(needle) - 1)
                if first != last:
                    return self.numbers[first], self.numbers[last]
                start = _first_bounded(joined, needle, start + 1)
            return None
        if selector.start is None or selector.end is None:
            return None
        head, tail = normalize_lemma(selector.start), normalize_lemma(selector.end)
        for start in self.find_all(head):
            end = _first_bounded(joined, tail, start + len(head))
            if end is not None:
                first, last = self.paragraph_of(start), self.paragraph_of(end + len(tail) - 1)
                if first != last:
                    return self.numbers[first], self.numbers[last]
        return None

    def _spans_paragraphs(
        self, selector: Selector, what: str, first: int, last: int, *, may_span: bool
    ) -> Diagnostic:
        where = f"{what}: '{selector.quoted}' runs from § {first} into § {last}"
        if selector.lemma is not None and may_span:
            message = f"{where}; a lemma's words cannot cross a paragraph break"
            hint = (
                "for a passage of several paragraphs, quote its first words as 'from:' and its last as 'to:'"
            )
        elif may_span:
            message = (
                f"{where}; a passage may run on over paragraphs, but not across a heading, into another "
                "text file, or between the text and the author's notes"
            )
            hint = "check the 'to' words, or gloss the passage in two parts"
        else:
            message = (
                f"{where}; its words cannot cross a paragraph break (only glosses and named anchors "
                "can quote a passage of several paragraphs)"
            )
            hint = "anchor it on words within one paragraph"
        return Diagnostic.at(selector.origin, "error", "lemma-spans-paragraphs", message, hint)

    def _invisible_only(self, selector: Selector) -> str | None:
        """Why the words would match but for an invisible character (zero-width space, bidi mark …)."""
        words = [w for w in (selector.lemma, selector.start, selector.end) if w]
        found = sorted({c for w in words for c in INVISIBLE_FORMAT.findall(w)})
        if found:
            parts = (selector.lemma, selector.start, selector.end)
            lemma, start, end = (INVISIBLE_FORMAT.sub("", w) if w else w for w in parts)
            cleaned = Selector(
                lemma,
                start,
                end,
                None,
                selector.before,
                selector.after,
                selector.origin,
            )
            if self.candidates(cleaned):
                codes = ", ".join(f"U+{ord(c):04X}" for c in found)
                return f"the quotation contains the invisible character {codes}; without it the words occur"
        needle = normalize_lemma(INVISIBLE_FORMAT.sub("", selector.lemma or selector.start or ""))
        for index, original in enumerate(self.originals):
            hidden = INVISIBLE_FORMAT.findall(original)
            if needle and hidden and needle in normalize(INVISIBLE_FORMAT.sub("", original)).text:
                codes = ", ".join(sorted({f"U+{ord(c):04X}" for c in hidden}))
                return (
                    f"{self.names[index]} has these words with the invisible character {codes} "
                    "inside them; delete it from the copy-text"
                )
        return None

    def nearest(self, selector: Selector, limit: int = 3) -> list[str]:
        """The passages most like the lemma (fuzzy), with their § numbers, for a 'not found' hint."""
        needle = normalize_lemma((selector.start if selector.lemma is None else selector.lemma) or "")
        if not needle:
            return []
        scored = []
        for index, normal in enumerate(self.normals):
            alignment = fuzz.partial_ratio_alignment(needle, normal.text, score_cutoff=50)
            if alignment is not None:
                scored.append((alignment.score, index, alignment.dest_start, alignment.dest_end))
        scored.sort(key=lambda item: -item[0])
        lines = []
        for score, index, start, end in scored[:limit]:
            normal = self.normals[index]
            original = self.originals[index]
            left, right = normal.to_original_start(start), normal.to_original_end(end)
            while left > 0 and _wordish(original[left - 1]):
                left -= 1
            while right < len(original) and _wordish(original[right]):
                right += 1
            text = original[left:right]
            lines.append(f"{self.names[index]}: “{text}” ({score:.0f}% alike)")
        return lines
