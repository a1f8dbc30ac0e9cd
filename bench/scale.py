"""Write a real edition folder N times the size of another, so that anyone can time the command-line tool.

The copy-text is repeated N times (copy k of ``text/article.md`` is ``text/article-c<k>.md``, its headings
marked "(copy k)") and every apparatus entry with it, so the book grows as a longer edition would: more
sections, glosses, textual notes, links and index references. Front matter, bibliography and index entries
are kept once (an index entry's forms mark every copy, so each heading simply gathers N times the pages).

Kept unambiguous and unique: copy k (k ≥ 2) renames every entry id, anchor and cross-reference ``x`` to
``x-c<k>`` and renumbers the author's footnotes after the earlier copies' (1, 2 → 3, 4 …). The ``[[id]]``
references in notes and the ``target:`` of cross-references follow their copy, § numbers included (the text's
paragraphs are counted first, then the notes'). Copies are identical text, so each lemma is told apart by
``occurrence:``, computed with the tool's own matcher on the source: an entry that quotes the m-th of its
t candidates in the text becomes occurrence (k − 1)·t + m in copy k; candidates in the author's notes come
after all copies of the text, as the § numbers do. ``bench/scale.py 1 OUT`` gives the source edition back.

Run: .venv/bin/python bench/scale.py N OUT [--edition source/revolution-betrayed]
     .venv/bin/edition check --strict OUT && time .venv/bin/edition build OUT --build-dir OUT-build
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from edition.anchoring import Selector, TextIndex  # noqa: E402
from edition.blocks import raw_paragraphs  # noqa: E402
from edition.markdown import RawDocument, parse_markdown  # noqa: E402
from edition.model import Origin  # noqa: E402

DEFAULT = ROOT / "source" / "revolution-betrayed"
KEPT_ONCE = frozenset({"index"})
FOOTNOTE = re.compile(r"\[\^([^\]\s]+)\]")
HEADING = re.compile(r"^(#{1,6}[ \t]+.*?)[ \t]*$", re.MULTILINE)
NOTE_REFERENCE = re.compile(r"\[\[([^\]\s|]+)(\|[^\]]+)?\]\]")
PARAGRAPH_TARGET = re.compile(r"(§ ?|p-)(\d+)")


class _NoAliases(yaml.SafeDumper):
    """The tool refuses YAML aliases, so repeated values are written out in full."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _dump(data: Any) -> str:
    return yaml.dump(data, Dumper=_NoAliases, sort_keys=False, allow_unicode=True, width=110)


@dataclass(frozen=True)
class Source:
    """What the copies are made from: the source folder's config, texts, apparatus and paragraph counts."""

    folder: Path
    config: dict[str, Any]
    texts: dict[str, str]
    apparatus: dict[str, dict[str, list[dict[str, Any]]]]
    text_paragraphs: int
    note_paragraphs: int
    footnotes: tuple[str, ...]
    index: TextIndex

    @classmethod
    def read(cls, folder: Path) -> Source:
        config = yaml.safe_load((folder / "edition.yaml").read_text(encoding="utf-8"))
        texts = {name: (folder / name).read_text(encoding="utf-8") for name in config["text"]}
        documents: list[RawDocument] = [parse_markdown(text, name) for name, text in texts.items()]
        text = [p.text for doc in documents for p in raw_paragraphs(doc.blocks)]
        notes = [p.text for doc in documents for fn in doc.footnotes for p in raw_paragraphs(fn.blocks)]
        apparatus = {
            name: yaml.safe_load((folder / name).read_text(encoding="utf-8")) or {}
            for name in config.get("apparatus", [])
        }
        return cls(
            folder=folder,
            config=config,
            texts=texts,
            apparatus=apparatus,
            text_paragraphs=len(text),
            note_paragraphs=len(notes),
            footnotes=tuple(fn.label for doc in documents for fn in doc.footnotes),
            index=TextIndex(list(enumerate(text + notes, 1))),
        )

    def entry_ids(self) -> frozenset[str]:
        """Ids that each copy renames: every entry's except the index's (kept once)."""
        return frozenset(
            entry["id"]
            for entries in self.apparatus.values()
            for kind, items in entries.items()
            if kind not in KEPT_ONCE
            for entry in items
            if "id" in entry
        )

    def candidates(self, entry: dict[str, Any]) -> tuple[int, int]:
        """How many passages the entry's words (and before/after) match in the text, and in the notes."""
        selector = Selector(
            entry.get("lemma"),
            entry.get("from"),
            entry.get("to"),
            None,
            entry.get("before"),
            entry.get("after"),
            Origin("scale"),
        )
        spans = self.index.candidates(selector)
        in_text = sum(1 for start, _ in spans if self.index.paragraph_of(start) < self.text_paragraphs)
        return in_text, len(spans) - in_text


@dataclass(frozen=True)
class Copy:
    """Copy ``number`` (1-based) of ``copies``: how its names, numbers and lemmas differ from the source's."""

    source: Source
    number: int
    copies: int
    ids: frozenset[str]

    @property
    def suffix(self) -> str:
        return "" if self.number == 1 else f"-c{self.number}"

    def path(self, name: str) -> str:
        """Copy 1 keeps the source's file names; copy k is ``<stem>-c<k><suffix>`` beside it."""
        stem, dot, extension = name.rpartition(".")
        return name if self.number == 1 else f"{stem}{self.suffix}{dot}{extension}"

    def footnote(self, label: str) -> str:
        numeric = [int(x) for x in self.source.footnotes if x.isdigit()]
        if self.number == 1:
            return label
        if label.isdigit():
            return str(int(label) + (self.number - 1) * max(numeric, default=0))
        return label + self.suffix

    def paragraph(self, number: int) -> int:
        """The § of the source's paragraph ``number`` here: every copy of the text first, then the notes."""
        text, notes = self.source.text_paragraphs, self.source.note_paragraphs
        if number <= text:
            return (self.number - 1) * text + number
        return self.copies * text + (self.number - 1) * notes + number - text

    def occurrence(self, entry: dict[str, Any]) -> int | None:
        in_text, in_notes = self.source.candidates(entry)
        if self.copies * (in_text + in_notes) <= 1:
            return entry.get("occurrence")
        m = entry.get("occurrence", 1)
        if m <= in_text:
            return (self.number - 1) * in_text + m
        return self.copies * in_text + (self.number - 1) * in_notes + m - in_text

    def target(self, name: str) -> str:
        """An entry id, a footnote (``fn-1``) or a paragraph (``§31``, ``p-31``), as this copy names it."""
        if name in self.ids:
            return name + self.suffix
        if name.startswith("fn-") and name[3:] in self.source.footnotes:
            return f"fn-{self.footnote(name[3:])}"
        match = PARAGRAPH_TARGET.fullmatch(name)
        if match:
            return f"{match.group(1)}{self.paragraph(int(match.group(2)))}"
        return name

    def note(self, markdown: str) -> str:
        return NOTE_REFERENCE.sub(lambda m: f"[[{self.target(m.group(1))}{m.group(2) or ''}]]", markdown)

    def text(self, markdown: str) -> str:
        markdown = FOOTNOTE.sub(lambda m: f"[^{self.footnote(m.group(1))}]", markdown)
        if self.number == 1:
            return markdown
        return HEADING.sub(lambda m: f"{m.group(1)} (copy {self.number})", markdown)

    def entry(self, entry: dict[str, Any]) -> dict[str, Any]:
        changed = dict(entry)
        if "id" in entry:
            changed["id"] = self.target(entry["id"])
        if "target" in entry:
            changed["target"] = self.target(str(entry["target"]))
        if isinstance(entry.get("note"), str):
            changed["note"] = self.note(entry["note"])
        occurrence = self.occurrence(entry)
        if occurrence is not None:
            changed["occurrence"] = occurrence
        return changed


def scale(source_folder: Path, copies: int, out: Path) -> None:
    """Write the edition at ``source_folder`` repeated ``copies`` times into the new folder ``out``."""
    source = Source.read(source_folder)
    ids = source.entry_ids()
    made = [Copy(source, k, copies, ids) for k in range(1, copies + 1)]
    shutil.copytree(source_folder, out)
    for name in source.texts:
        (out / name).unlink()
    for copy in made:
        for name, text in source.texts.items():
            (out / copy.path(name)).write_text(copy.text(text), encoding="utf-8")
    for name, entries in source.apparatus.items():
        scaled = {
            kind: items if kind in KEPT_ONCE else [copy.entry(item) for copy in made for item in items]
            for kind, items in entries.items()
        }
        (out / name).write_text(_dump(scaled), encoding="utf-8")
    config = dict(source.config, text=[copy.path(name) for copy in made for name in source.texts])
    (out / "edition.yaml").write_text(_dump(config), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("copies", type=int, help="how many times to repeat the text and its apparatus")
    parser.add_argument("out", type=Path, help="the edition folder to write (must not exist)")
    parser.add_argument("--edition", type=Path, default=DEFAULT, help="the source edition folder")
    args = parser.parse_args(argv)
    if args.copies < 1:
        parser.error("copies must be 1 or more")
    if args.out.exists():
        parser.error(f"{args.out} exists: name a new folder")
    scale(args.edition, args.copies, args.out)
    print(f"{args.out}: {args.edition.name} ×{args.copies}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
