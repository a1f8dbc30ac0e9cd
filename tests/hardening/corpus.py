"""Broken editions made from the mini fixture by one small mutation each, with the diagnostic it must give.

Each case names the file it breaks, how, and the expected code and position. Positions are computed from
the fixture's own text (the line where the changed words stand, the column where the value starts), never
copied from the tool's output.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "mini"
Mutate = Callable[[Path], None]


@dataclass(frozen=True)
class Case:
    name: str
    mutate: Mutate
    code: str
    path: str
    line: int
    column: int
    # Codes that must not appear as well (a cascade the cause must suppress).
    absent: tuple[str, ...] = ()


def line_of(relpath: str, needle: str) -> int:
    """The 1-based line of the fixture file on which ``needle`` first stands."""
    for number, line in enumerate((MINI / relpath).read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} is not in {relpath}")


def column_of(relpath: str, needle: str) -> int:
    line = (MINI / relpath).read_text(encoding="utf-8").splitlines()[line_of(relpath, needle) - 1]
    return line.index(needle) + 1


def replace(relpath: str, old: str, new: str) -> Mutate:
    def mutate(root: Path) -> None:
        path = root / relpath
        text = path.read_text(encoding="utf-8")
        assert old in text, (relpath, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return mutate


def append(relpath: str, text: str) -> Mutate:
    def mutate(root: Path) -> None:
        with (root / relpath).open("a", encoding="utf-8") as out:
            out.write(text)

    return mutate


def write_bytes(relpath: str, data: bytes) -> Mutate:
    def mutate(root: Path) -> None:
        (root / relpath).write_bytes(data)

    return mutate


def both(*steps: Mutate) -> Mutate:
    def mutate(root: Path) -> None:
        for step in steps:
            step(root)

    return mutate


def fifo(relpath: str) -> Mutate:
    def mutate(root: Path) -> None:
        (root / relpath).unlink(missing_ok=True)
        os.mkfifo(root / relpath)

    return mutate


def folder(relpath: str) -> Mutate:
    def mutate(root: Path) -> None:
        (root / relpath).unlink(missing_ok=True)
        (root / relpath).mkdir()

    return mutate


def symlink(relpath: str, target: str) -> Mutate:
    def mutate(root: Path) -> None:
        (root / relpath).unlink(missing_ok=True)
        (root / relpath).symlink_to(target)

    return mutate


def lines_count(relpath: str) -> int:
    return len((MINI / relpath).read_text(encoding="utf-8").splitlines())


E = "edition.yaml"
G = "apparatus/glosses.yaml"
O = "apparatus/other.yaml"  # noqa: E741
B = "bibliography.yaml"
T = "text/article.md"
F = "front/introduction.md"
END_E = lines_count(E) + 1  # the line a value appended to edition.yaml stands on
END_T = lines_count(T) + 2  # a paragraph appended after a blank line
END_F = lines_count(F) + 2
NOT_FOUND = ("lemma-not-found", "index-form-not-found", "lemma-ambiguous", "occurrence-out-of-range")
DATE = 'date: "2026-11-26"'
TEXT_LIST = "text: [text/article.md]"
APPARATUS = "apparatus: [apparatus/glosses.yaml, apparatus/other.yaml]"
GLOSSES_AT = column_of(E, "apparatus/glosses.yaml")
TEXT_AT = column_of(E, "text/article.md")
OTHER_AT = column_of(E, "apparatus/other.yaml")
LEMMA = "lemma: Left Opposition"
L_LINE, L_COL = line_of(G, LEMMA), column_of(G, LEMMA) + len("lemma: ")
OCC = "occurrence: 1"
OCC_LINE, OCC_COL = line_of(G, OCC), column_of(G, OCC) + len("occurrence: ")
NOTE = "note: The faction Trotsky led from 1923. See [[revolution-betrayed]]."
NOTE_LINE, NOTE_COL = line_of(G, NOTE), column_of(G, NOTE) + len("note: ")
ISSUED = "issued: 1937"
ISSUED_LINE, ISSUED_COL = line_of(B, ISSUED), column_of(B, ISSUED) + len("issued: ")
TITLE = "title: The Revolution Betrayed"
TITLE_LINE, TITLE_COL = line_of(B, TITLE), column_of(B, TITLE) + len("title: ")


def style(key_line: str) -> Mutate:
    return append(E, f"style:\n  {key_line}\n")


def _cases() -> list[Case]:
    date_line = line_of(E, DATE)
    cases = [
        # -- YAML values that cannot be constructed ----------------------------------------------------
        Case("impossible-date", replace(E, DATE, "date: 2026-02-30"), "bad-date", E, date_line, 7),
        Case("quoted-impossible-date", replace(E, DATE, 'date: "2026-13-01"'), "bad-date", E, date_line, 7),
        Case("year-zero", replace(E, DATE, "date: 0000-01-01"), "bad-date", E, date_line, 7),
        Case("int-tag-on-word", append(E, "description: !!int one\n"), "yaml-value", E, END_E, 14),
        Case("float-tag-on-word", append(E, "publisher: !!float abc\n"), "yaml-value", E, END_E, 12),
        Case("bool-tag-on-word", append(E, "publisher: !!bool perhaps\n"), "yaml-value", E, END_E, 12),
        Case(
            "python-tag",
            append(E, "publisher: !!python/object/apply:os.system [ls]\n"),
            "yaml-tag",
            E,
            END_E,
            12,
        ),
        Case("python-name-tag", append(E, "publisher: !!python/name:os.system\n"), "yaml-tag", E, END_E, 12),
        Case("unknown-local-tag", append(E, "publisher: !secret x\n"), "yaml-tag", E, END_E, 12),
        Case("binary-tag", append(E, "publisher: !!binary aGVsbG8=\n"), "yaml-tag", E, END_E, 12),
        Case("set-tag", append(E, "subject: !!set {a, b}\n"), "yaml-tag", E, END_E, 10),
        Case("omap-tag", append(E, "subject: !!omap [a: 1]\n"), "yaml-tag", E, END_E, 10),
        Case("empty-int-tag", append(E, "description: !!int\n"), "yaml-value", E, END_E, 14),
        Case("second-document", append(E, "---\ntitle: again\n"), "yaml-syntax", E, END_E, 1),
        Case(
            "huge-integer", replace(G, OCC, "occurrence: " + "9" * 5000), "yaml-value", G, OCC_LINE, OCC_COL
        ),
        Case(
            "int-tag-occurrence",
            replace(G, OCC, "occurrence: !!int first"),
            "yaml-value",
            G,
            OCC_LINE,
            OCC_COL,
        ),
        Case(
            "python-tag-in-gloss", replace(G, LEMMA, "lemma: !!python/none x"), "yaml-tag", G, L_LINE, L_COL
        ),
        Case("tag-on-glosses-list", replace(G, "glosses:", "glosses: !list"), "yaml-tag", G, 1, 10),
        Case(
            "bib-date-impossible",
            replace(B, ISSUED, "issued: 1937-02-30"),
            "bad-value",
            B,
            ISSUED_LINE,
            ISSUED_COL,
        ),
        Case(
            "bib-month-13", replace(B, ISSUED, 'issued: "1937-13"'), "bad-value", B, ISSUED_LINE, ISSUED_COL
        ),
        Case(
            "bib-date-parts-impossible",
            replace(B, ISSUED, "issued: {date-parts: [[1937, 2, 30]]}"),
            "bad-value",
            B,
            ISSUED_LINE,
            ISSUED_COL,
        ),
        Case(
            "bib-python-tag", replace(B, TITLE, "title: !!python/str x"), "yaml-tag", B, TITLE_LINE, TITLE_COL
        ),
        Case("bib-int-tag", replace(B, TITLE, "title: !!int x"), "yaml-value", B, TITLE_LINE, TITLE_COL),
        Case(
            "bib-name-part-not-text",
            replace(B, "given: Leon}", "given: []}"),
            "wrong-type",
            B,
            line_of(B, "given: Leon}"),
            column_of(B, "author: [{family: Trotsky") + len("author: "),
        ),
        # -- characters no output can carry ---------------------------------------------------------------
        Case(
            "escape-in-quoted-value",
            append(E, 'publisher: "\\x1b[31mred"\n'),
            "illegal-character",
            E,
            END_E,
            12,
        ),
        Case(
            "uffff-in-quoted-value", append(E, 'publisher: "a\\uFFFF"\n'), "illegal-character", E, END_E, 12
        ),
        Case(
            "bell-in-note", replace(G, NOTE, 'note: "ring \\a"'), "illegal-character", G, NOTE_LINE, NOTE_COL
        ),
        Case("raw-escape-in-yaml", append(E, "publisher: a\x1bb\n"), "illegal-character", E, END_E, 13),
        Case("raw-form-feed-in-yaml", append(E, "publisher: a\x0cb\n"), "illegal-character", E, END_E, 13),
        Case("form-feed-in-text", append(T, "\nA page\x0cbreak.\n"), "illegal-character", T, END_T, 7),
        Case("escape-in-text", append(T, "\nColour \x1b[1m here.\n"), "illegal-character", T, END_T, 8),
        Case("uffff-in-text", append(T, "\nNon\uffffcharacter.\n"), "illegal-character", T, END_T, 4),
        Case("vertical-tab-in-front", append(F, "\nA\x0bB.\n"), "illegal-character", F, END_F, 2),
        Case("entity-form-feed-in-text", append(T, "\nA &#12; feed.\n"), "illegal-character", T, END_T, 1),
        Case("entity-form-feed-in-front", append(F, "\nAn &#12; feed.\n"), "illegal-character", F, END_F, 1),
        # -- style values out of range ----------------------------------------------------------------------
        Case("trim-width-zero", style("trim: {width: 0in, height: 9in}"), "out-of-range", E, END_E + 1, 17),
        Case(
            "trim-height-huge", style("trim: {width: 6in, height: 900in}"), "out-of-range", E, END_E + 1, 30
        ),
        Case("trim-width-negative", style("trim: {width: -6in, height: 9in}"), "bad-value", E, END_E + 1, 17),
        Case("font-size-zero", style("font_size: 0pt"), "out-of-range", E, END_E + 1, 14),
        Case("font-size-huge", style("font_size: 200pt"), "out-of-range", E, END_E + 1, 14),
        Case("font-size-number", style("font_size: 10.5"), "bad-value", E, END_E + 1, 14),
        Case("bleed-huge", style("bleed: 2in"), "out-of-range", E, END_E + 1, 10),
        Case("unknown-csl-at-key", style("csl: chicago-fantasy"), "unknown-csl-style", E, END_E + 1, 8),
        Case("unknown-pdf-variant", style("pdf_variant: pdf/z-9"), "bad-value", E, END_E + 1, 16),
        # -- files that are not regular files, or not where they should be ------------------------------
        Case(
            "text-names-a-folder",
            replace(E, TEXT_LIST, "text: [text]"),
            "not-a-file",
            E,
            line_of(E, TEXT_LIST),
            TEXT_AT,
        ),
        Case("copy-text-is-a-fifo", fifo(T), "not-a-file", E, line_of(E, TEXT_LIST), TEXT_AT, NOT_FOUND),
        Case("copy-text-is-a-folder", folder(T), "not-a-file", E, line_of(E, TEXT_LIST), TEXT_AT, NOT_FOUND),
        Case("apparatus-is-a-fifo", fifo(O), "not-a-file", E, line_of(E, APPARATUS), OTHER_AT),
        Case("bibliography-is-a-fifo", fifo(B), "not-a-file", E, line_of(E, "bibliography:"), 15),
        Case("front-is-a-fifo", fifo(F), "not-a-file", E, line_of(E, F), column_of(E, "{title: Intro")),
        Case(
            "copy-text-symlink-outside",
            symlink(T, "/etc/hostname"),
            "outside-edition",
            E,
            line_of(E, TEXT_LIST),
            TEXT_AT,
            NOT_FOUND,
        ),
        Case(
            "apparatus-outside",
            replace(E, "apparatus/other.yaml]", "../../other.yaml]"),
            "outside-edition",
            E,
            line_of(E, APPARATUS),
            OTHER_AT,
        ),
        Case(
            "bibliography-absolute",
            replace(E, "bibliography: bibliography.yaml", "bibliography: /dev/zero"),
            "outside-edition",
            E,
            line_of(E, "bibliography:"),
            15,
        ),
        Case("edition-yaml-is-a-fifo", fifo(E), "not-a-file", E, 1, 1),
        Case("edition-yaml-is-a-folder", folder(E), "not-a-file", E, 1, 1),
        Case(
            "stylesheet-is-a-fifo",
            both(style("stylesheet: x.css"), fifo("x.css")),
            "not-a-file",
            E,
            END_E + 1,
            15,
        ),
        Case("stylesheet-missing", style("stylesheet: none.css"), "missing-file", E, END_E + 1, 15),
        Case("stylesheet-outside", style("stylesheet: ../../x.css"), "outside-edition", E, END_E + 1, 15),
        # -- an unreadable copy-text: the cause, not a cascade of lemma errors -----------------------------
        Case("copy-text-not-utf8", write_bytes(T, b"Stalin caf\xe9\n"), "not-utf8", T, 1, 11, NOT_FOUND),
        Case("copy-text-binary", write_bytes(T, b"Sta\x00lin\n"), "binary-file", T, 1, 4, NOT_FOUND),
        Case(
            "copy-text-missing",
            replace(E, TEXT_LIST, "text: [text/missing.md]"),
            "missing-file",
            E,
            line_of(E, TEXT_LIST),
            TEXT_AT,
            NOT_FOUND,
        ),
        Case("copy-text-empty", write_bytes(T, b"\n\n"), "empty-file", T, 1, 1, NOT_FOUND),
        Case("copy-text-control", append(T, "\nBell \x07.\n"), "illegal-character", T, END_T, 6, NOT_FOUND),
        Case(
            "copy-text-too-large",
            write_bytes(T, b"Stalin.\n" * (9 * 2**20 // 8)),
            "file-too-large",
            T,
            1,
            1,
            NOT_FOUND,
        ),
        Case("apparatus-too-large", write_bytes(O, b"# x\n" * (9 * 2**20 // 4)), "file-too-large", O, 1, 1),
        Case(
            "edition-too-large",
            both(
                write_bytes(T, b"Stalin.\n" * 900_000),  # the largest: 7.2 MB
                *(write_bytes(name, b"# x\n" * 1_750_000) for name in (G, O, B, F)),  # 7 MB each
            ),
            "edition-too-large",
            E,
            line_of(E, TEXT_LIST),
            TEXT_AT,
            NOT_FOUND,
        ),
        Case(
            "text-list-empty",
            replace(E, TEXT_LIST, "text: []"),
            "missing-field",
            E,
            line_of(E, TEXT_LIST),
            TEXT_AT - 1,
            NOT_FOUND,
        ),
        Case(
            "bibliography-unparseable",
            write_bytes(B, b"references: [unclosed\n"),
            "yaml-syntax",
            B,
            2,
            1,
            ("unknown-citation-key",),
        ),
        # -- invisible characters --------------------------------------------------------------------------
        Case(
            "zero-width-space-in-lemma",
            replace(G, LEMMA, "lemma: Left\u200b Opposition"),
            "lemma-not-found",
            G,
            L_LINE,
            L_COL,
        ),
        Case(
            "bidi-override-in-lemma",
            replace(G, LEMMA, "lemma: \u202eLeft Opposition"),
            "lemma-not-found",
            G,
            L_LINE,
            L_COL,
        ),
        # -- silent losses ---------------------------------------------------------------------------------
        Case(
            "inline-script", append(T, "\nSee <script>alert('x')</script> here.\n"), "raw-html", T, END_T, 1
        ),
        Case("inline-style-in-front", append(F, "\nA <style>p{}</style> b.\n"), "raw-html", F, END_F, 1),
        Case(
            "javascript-link",
            append(T, "\nA [click](javascript:alert(1)) here.\n"),
            "unsafe-link",
            T,
            END_T,
            1,
        ),
        Case(
            "javascript-autolink", append(T, "\nA <javascript:alert(1)> here.\n"), "unsafe-link", T, END_T, 1
        ),
        Case("file-link", append(T, "\nA [file](file:///etc/passwd) here.\n"), "unsafe-link", T, END_T, 1),
        Case(
            "javascript-link-in-note",
            replace(G, NOTE, "note: See [this](javascript:alert(1))."),
            "unsafe-link",
            G,
            NOTE_LINE,
            NOTE_COL,
        ),
        Case(
            "script-in-note",
            replace(G, NOTE, "note: See <script>alert(1)</script>."),
            "raw-html",
            G,
            NOTE_LINE,
            NOTE_COL,
        ),
        # -- YAML structure ----------------------------------------------------------------------------------
        Case("alias", append(E, "publisher: &p x\n"), "yaml-alias", E, END_E, 12),
        Case(
            "duplicate-key",
            replace(G, LEMMA, LEMMA + "\n    lemma: Stalin"),
            "duplicate-key",
            G,
            L_LINE + 1,
            L_COL - len("lemma: "),
        ),
    ]
    return cases


CASES = _cases()
