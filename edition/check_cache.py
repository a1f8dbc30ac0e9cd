"""What one check can keep for the next: the reading and the pure steps of resolution, keyed by their inputs.

The preview checks the whole edition on every save, but a save changes one file: the other files' parsed
Markdown and YAML, the notes' Markdown, the typography of unchanged text, the text index and its lemma
searches, and the formatted citations are the same as last time. ``CheckCache`` keeps them for the process
that owns it (the preview passes one to every ``check_edition``). A check without one reads and resolves
directly (``Reads``), as it always did: the tests compare the two.

Correctness rests on three rules. Every entry is keyed by *all* the inputs of a pure function: the file's
text as read now (never its modification time), its path and the position it is named at; a note's text and
position; a citation sequence from its first request. Diagnostics a step reported are stored with its
result and reported again on every hit, so a cached file's problems are never lost. And a parsed object is
handed out at most once per check: a file named twice gets two objects, as it would cold, so no pass can
take one for the other. Entries not used by the last two checks are dropped: memory stays that of an edition.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Generic, Protocol, TypeVar

from edition import apparatus as app
from edition.anchoring import Selector, TextIndex
from edition.bibliography import CitationRequest, CslItem, Formatter, read_bibliography
from edition.diagnostics import Diagnostic, SourceProblem
from edition.markdown import RawDocument, parse_markdown
from edition.model import Inline, Origin
from edition.textfile import read_text_file
from edition.typography import Rule

__all__ = ["CheckCache", "CitationFormatter", "Reads"]

_V = TypeVar("_V")


class _Memo(Generic[_V]):
    """A table of results by key, in two generations: what this check used, and what the one before did."""

    def __init__(self, *, shared: bool = True) -> None:
        self.current: dict[Hashable, _V] = {}
        self.previous: dict[Hashable, _V] = {}
        self.shared = shared  # False: an object is given out once a check (see the module's docstring)
        self.given: set[Hashable] = set()
        self.hits = 0
        self.misses = 0

    def next_check(self) -> None:
        if self.current:  # a check that used nothing (edition.yaml unreadable) forgets nothing
            self.previous, self.current = self.current, {}
        self.given = set()

    def get(self, key: Hashable, compute: Callable[[], _V]) -> _V:
        if not self.shared and key in self.given:
            return compute()
        found = self.current.get(key, _MISSING)
        if found is _MISSING:
            found = self.previous.pop(key, _MISSING)
            if found is _MISSING:
                self.misses += 1
                found = compute()
            else:
                self.hits += 1
            self.current[key] = found  # type: ignore[assignment]
        else:
            self.hits += 1
        if not self.shared:
            self.given.add(key)
        return found  # type: ignore[return-value]

    def __len__(self) -> int:
        return len(self.current) + len(self.previous)


_MISSING = object()
_BRANCHES = 2  # sequences of citations remembered after a point where checks went different ways


@dataclass(frozen=True, slots=True)
class _Reported(Generic[_V]):
    """A step's result with the diagnostics it reported, in order."""

    value: _V
    problems: tuple[Diagnostic, ...]


def _recorded(step: Callable[[list[Diagnostic]], _V]) -> _Reported[_V]:
    found: list[Diagnostic] = []
    value = step(found)
    return _Reported(value, tuple(found))


class CitationFormatter(Protocol):
    """What resolution asks of a CSL formatter (``edition.bibliography.Formatter``)."""

    def cite(self, requests: Sequence[CitationRequest]) -> list[str]: ...

    def entries(self, keys: Sequence[str]) -> dict[str, tuple[Inline, ...]]: ...


class Reads:
    """How a check reads and does its pure steps: directly, every time (a check without a cache)."""

    def next_check(self) -> None:
        """A check begins."""

    def parse_markdown(
        self,
        text: str,
        relpath: str,
        *,
        line_offset: int = 0,
        column: int = 1,
        note_markup: bool = False,
        problems: list[Diagnostic],
        footnote_prefix: str = "fn-",
    ) -> RawDocument:
        return parse_markdown(
            text,
            relpath,
            line_offset=line_offset,
            column=column,
            note_markup=note_markup,
            problems=problems,
            footnote_prefix=footnote_prefix,
        )

    def read_apparatus(
        self, root: Path, files: list[tuple[str, Origin]], problems: list[Diagnostic]
    ) -> app.Apparatus:
        return app.read_apparatus(root, files, problems)

    def read_bibliography(
        self, root: Path, relpath: str, named_at: Origin, problems: list[Diagnostic]
    ) -> tuple[CslItem, ...]:
        return read_bibliography(root, relpath, named_at, problems)

    def text_index(self, paragraphs: list[tuple[int, str]]) -> TextIndex:
        return TextIndex(paragraphs)

    def rules(self, rules: tuple[Rule, ...]) -> tuple[Rule, ...]:
        return rules

    def formatter(self, style: Path, items: Sequence[CslItem]) -> CitationFormatter:
        return Formatter(style, items)


class CheckCache(Reads):
    """Results one check can reuse from the last, for one process (the preview's); see the module docstring.

    Call ``next_check()`` before each check (``check_edition`` does).
    """

    def __init__(self) -> None:
        self._markdown: _Memo[_Reported[RawDocument]] = _Memo(shared=False)
        self._apparatus: _Memo[_Reported[app.Apparatus]] = _Memo(shared=False)
        self._bibliography: _Memo[_Reported[tuple[CslItem, ...]]] = _Memo(shared=False)
        self._indexes: _Memo[_MemoTextIndex] = _Memo(shared=False)
        self._typography: _Memo[str] = _Memo()
        self._citations: _Memo[_Event] = _Memo()
        self.checks = 0

    def next_check(self) -> None:
        self.checks += 1
        for memo in self._memos():
            memo.next_check()

    def _memos(self) -> tuple[_Memo[object], ...]:
        return (  # type: ignore[return-value]
            self._markdown,
            self._apparatus,
            self._bibliography,
            self._indexes,
            self._typography,
            self._citations,
        )

    @property
    def hits(self) -> int:
        return sum(memo.hits for memo in self._memos())

    @property
    def misses(self) -> int:
        return sum(memo.misses for memo in self._memos())

    # -- reading ----------------------------------------------------------------------------------------

    def parse_markdown(
        self,
        text: str,
        relpath: str,
        *,
        line_offset: int = 0,
        column: int = 1,
        note_markup: bool = False,
        problems: list[Diagnostic],
        footnote_prefix: str = "fn-",
    ) -> RawDocument:
        """``edition.markdown.parse_markdown``, once for each text at each place (a file or a note)."""
        key = (text, relpath, line_offset, column, note_markup, footnote_prefix)
        reported = self._markdown.get(
            key,
            lambda: _recorded(
                lambda found: parse_markdown(
                    text,
                    relpath,
                    line_offset=line_offset,
                    column=column,
                    note_markup=note_markup,
                    problems=found,
                    footnote_prefix=footnote_prefix,
                )
            ),
        )
        problems.extend(reported.problems)
        return reported.value

    def read_apparatus(
        self, root: Path, files: list[tuple[str, Origin]], problems: list[Diagnostic]
    ) -> app.Apparatus:
        """``edition.apparatus.read_apparatus``, each file read again only when its text changed.

        The files are independent (no check spans two of them), so reading them one by one and joining
        the entries in file order is what reading them together gives.
        """
        parts = [
            self._file(
                self._apparatus, root, relpath, named_at, problems, app.read_apparatus, [(relpath, named_at)]
            )
            for relpath, named_at in files
        ]
        return app.Apparatus(
            **{name: tuple(e for part in parts for e in getattr(part, name)) for name in app.KINDS}
        )

    def read_bibliography(
        self, root: Path, relpath: str, named_at: Origin, problems: list[Diagnostic]
    ) -> tuple[CslItem, ...]:
        """``edition.bibliography.read_bibliography``, read again only when the file's text changed."""
        return self._file(
            self._bibliography, root, relpath, named_at, problems, read_bibliography, relpath, named_at
        )

    def _file(
        self,
        memo: _Memo[_Reported[_V]],
        root: Path,
        relpath: str,
        named_at: Origin,
        problems: list[Diagnostic],
        read: Callable[..., _V],
        *arguments: object,
    ) -> _V:
        """``read(root, *arguments, problems)`` for the file ``relpath``, kept by the file's text as read now.

        The reader reads the file itself: its result is kept only if the file still has the text the key
        was made from (a save between the two reads is seen by the next check, not stored under the old
        text). A file that cannot be read is not kept: the reader reports why.
        """
        try:
            text = read_text_file(root, relpath)
        except SourceProblem:
            return read(root, *arguments, problems)
        key = (relpath, named_at, text)

        def fresh() -> _Reported[_V]:
            return _recorded(lambda found: read(root, *arguments, found))

        before = memo.misses
        reported = memo.get(key, fresh)
        if memo.misses != before and _text_now(root, relpath) != text:
            memo.current.pop(key, None)
        problems.extend(reported.problems)
        return reported.value

    # -- the text index ---------------------------------------------------------------------------------

    def text_index(self, paragraphs: list[tuple[int, str]]) -> TextIndex:
        """The copy-text's index (``edition.anchoring.TextIndex``) and its lemma searches, while the text's
        paragraphs are the same."""
        return self._indexes.get(tuple(paragraphs), lambda: _MemoTextIndex(paragraphs))

    # -- typography -------------------------------------------------------------------------------------

    def rules(self, rules: tuple[Rule, ...]) -> tuple[Rule, ...]:
        """The typography rules, each remembering what it made of a text (in its context and language)."""
        return tuple(replace(rule, apply=self._remembering(rule)) for rule in rules)

    def _remembering(self, rule: Rule) -> Callable[[str, str, str], str]:
        name, apply, memo = rule.name, rule.apply, self._typography

        def remembered(text: str, previous: str, language: str) -> str:
            return memo.get((name, text, previous, language), lambda: apply(text, previous, language))

        return remembered

    # -- citations --------------------------------------------------------------------------------------

    def formatter(self, style: Path, items: Sequence[CslItem]) -> CitationFormatter:
        """A formatter for ``items`` in ``style`` that replays what earlier checks formatted.

        citeproc-py's output may depend on what was formatted before (numbering, disambiguation), so a result
        is kept under the whole sequence of requests that led to it, from the style's text and the items'
        data on: a check that asks the same things in the same order gets the same answers without
        citeproc-py; at the first difference a real formatter is made and the sequence replayed into it.
        """
        data = json.dumps([[item.key, item.data] for item in items], sort_keys=True, default=repr)
        root = self._citations.get((str(style), _bytes_of(style), data), _Event)
        return _ReplayingFormatter(root, lambda: Formatter(style, items))


def _text_now(root: Path, relpath: str) -> str | None:
    try:
        return read_text_file(root, relpath)
    except SourceProblem:
        return None


def _bytes_of(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None  # the formatter reports it, as without the cache


class _MemoTextIndex(TextIndex):
    """A text index that remembers each search's candidates: they depend only on the text and the words."""

    def __init__(self, paragraphs: list[tuple[int, str]]):
        super().__init__(paragraphs)
        self._candidates: dict[tuple[str | None, ...], list[tuple[int, int]]] = {}

    def candidates(self, selector: Selector) -> list[tuple[int, int]]:
        key = (selector.lemma, selector.start, selector.end, selector.before, selector.after)
        found = self._candidates.get(key)
        if found is None:
            found = self._candidates[key] = super().candidates(selector)
        return list(found)


@dataclass(eq=False, slots=True)
class _Event:
    """A point in a sequence of requests to a formatter: the answers given there, and what followed."""

    answer: object = None
    next: dict[Hashable, _Event] = field(default_factory=dict)


class _ReplayingFormatter:
    """One check's formatter: answers from the remembered sequence while it matches, then from citeproc-py."""

    def __init__(self, root: _Event, make: Callable[[], Formatter]):
        self._at = root
        self._make = make
        self._live: Formatter | None = None
        self._asked: list[tuple[str, tuple[object, ...]]] = []  # what was asked so far, to replay
        self._cited: dict[CitationRequest, str] = {}

    def cite(self, requests: Sequence[CitationRequest]) -> list[str]:
        out = []
        for request in requests:
            text = self._cited.get(request)  # a repeated request is formatted once (as Formatter does)
            if text is None:
                answer = self._ask("cite", (request,))
                assert isinstance(answer, str)
                text = self._cited[request] = answer
            out.append(text)
        return out

    def entries(self, keys: Sequence[str]) -> dict[str, tuple[Inline, ...]]:
        answer = self._ask("entries", tuple(keys))
        assert isinstance(answer, dict)
        return dict(answer)

    def _ask(self, what: str, arguments: tuple[object, ...]) -> object:
        key = (what, arguments)
        self._asked.append(key)
        following = self._at.next
        step = following.pop(key, None)
        if step is None:
            step = _Event(self._answer(what, arguments))
            while len(following) >= _BRANCHES:  # only the latest sequences are kept
                del following[next(iter(following))]
        following[key] = step  # the latest last
        self._at = step
        return step.answer

    def _answer(self, what: str, arguments: tuple[object, ...]) -> object:
        if self._live is None:
            self._live = self._make()
            for earlier, given in self._asked[:-1]:
                self._call(self._live, earlier, given)
        return self._call(self._live, what, arguments)

    @staticmethod
    def _call(formatter: Formatter, what: str, arguments: tuple[object, ...]) -> object:
        if what == "cite":
            request = arguments[0]
            assert isinstance(request, CitationRequest)
            return formatter.cite([request])[0]
        keys = [str(key) for key in arguments]
        return formatter.entries(keys)
