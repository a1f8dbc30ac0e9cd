"""The `edition` command: check an edition, or build its outputs.

The library logs and raises; this module decides what to print and the exit status:
0 clean, 1 errors (or warnings under --strict), 2 usage.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from edition import diagnostics as diag
from edition.outputs import OutputError, OutputTransaction, build_folder_problem, write_failure
from edition.progress import Progress
from edition.writers.errors import WriterError

if TYPE_CHECKING:
    from edition.book.saved_print_pages import SavedPrintPages

DEFAULT_EDITION = Path("source/revolution-betrayed")
FORMATS = ("pdf", "epub", "web", "tei", "all")
SCHEMAS = ("config", "apparatus", "bibliography")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="edition", description="Typeset a critical study edition.")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="check the edition and its apparatus; report every problem")
    check.add_argument("edition_dir", nargs="?", type=Path, default=DEFAULT_EDITION)
    check.add_argument("--format", choices=("text", "json"), default="text", dest="output_format")
    check.add_argument("--strict", action="store_true", help="fail on warnings too")
    build = commands.add_parser(
        "build", help="check, then build the PDF, EPUB, web edition and TEI into build/"
    )
    build.add_argument("edition_dir", nargs="?", type=Path, default=DEFAULT_EDITION)
    build.add_argument("--format", choices=FORMATS, default="all", dest="output_format")
    build.add_argument("--build-dir", type=Path, default=Path("build"))
    build.add_argument("--keep-html", action="store_true", help="leave the final print HTML in build/")
    build.add_argument("--strict", action="store_true", help="fail on warnings too")
    build.add_argument("-q", "--quiet", action="store_true", help="print only problems")
    collate = commands.add_parser(
        "collate", help="align a witness with the copy-text and draft variants entries for the editor"
    )
    collate.add_argument("edition_dir", type=Path)
    collate.add_argument("witness_file", type=Path)
    collate.add_argument("--siglum", required=True, help="the witness's siglum, declared in edition.yaml")
    collate.add_argument(
        "--into", default="apparatus/variants.yaml", help="the apparatus file (in the edition folder)"
    )
    schema = commands.add_parser("schema", help="print a JSON Schema: edition.yaml, apparatus, bibliography")
    schema.add_argument("schema_name", nargs="?", choices=SCHEMAS, default="config")
    new = commands.add_parser("new", help="make a new edition that checks clean and builds")
    new.add_argument("new_dir", type=Path)
    preview = commands.add_parser(
        "preview", help="serve the web edition on 127.0.0.1 and rebuild it on every save"
    )
    preview.add_argument("edition_dir", nargs="?", type=Path, default=DEFAULT_EDITION)
    preview.add_argument("--port", type=int, default=8000, help="0 picks a free port (default: 8000)")
    preview.add_argument("--build-dir", type=Path, default=Path("build"))
    preview.add_argument(
        "--pdf",
        action="store_true",
        help="also rebuild the print and screen PDFs in the background after every good check (a full "
        "build each time, as long as `edition build --format pdf`: ≈2 s for 38 pages, ≈28 s for 300)",
    )
    anchor = commands.add_parser("anchor", help="print the selector of each occurrence of some words")
    anchor.add_argument("edition_dir", type=Path)
    anchor.add_argument("words")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _run(argv)
    except KeyboardInterrupt:
        # Nothing was committed: the previous outputs are as they were and no temporary file is left.
        print("\nedition: interrupted", file=sys.stderr)
        return 130


def _run(argv: Sequence[str] | None) -> int:
    args = _parser().parse_args(argv)
    if args.command in _EDITING:
        return _EDITING[args.command](args)
    if not args.edition_dir.is_dir():
        print(f"edition: error: {diag.visible(str(args.edition_dir))} is not a folder", file=sys.stderr)
        return 2
    if args.command == "check":
        return _check(args)
    if args.command == "collate":
        return _collate(args)
    if args.command == "preview":
        return _preview(args)
    return _build(args)


def _readers() -> ModuleType:
    """The readers, imported only inside main's interrupt handling: a Ctrl-C while they load (most of a
    run's first half second) is an interrupt like any other, not a traceback."""
    from edition import resolve

    return resolve


def _report(problems: Sequence[diag.Diagnostic], output_format: str = "text") -> None:
    if output_format == "json":
        print(diag.format_json(problems))
    elif problems:
        print(diag.format_text(problems), file=sys.stderr)


def _failed(problems: Sequence[diag.Diagnostic], strict: bool) -> bool:
    return diag.has_errors(problems) or (strict and bool(problems))


def _check(args: argparse.Namespace) -> int:
    result = _readers().check_edition(args.edition_dir)
    problems = diag.sort_diagnostics(result.diagnostics)
    _report(problems, args.output_format)
    if args.output_format == "text":
        print(f"{diag.visible(str(args.edition_dir))}: {diag.summary(problems)}", file=sys.stderr)
    return 1 if _failed(problems, args.strict) else 0


def _collate(args: argparse.Namespace) -> int:
    from edition.collation.command import collate

    try:
        report = collate(args.edition_dir, args.witness_file, args.siglum, args.into)
    except diag.EditionError as error:
        _report(diag.sort_diagnostics(error.diagnostics))
        print("edition: collate stopped: nothing was written", file=sys.stderr)
        return 1
    _report(diag.sort_diagnostics(report.warnings))
    merged = report.merge
    added = len(merged.added) - len(report.unanchored)
    print(
        f"collate {args.siglum}: {added} added, {len(merged.kept)} kept, "
        f"{len(merged.changed)} changed, {len(merged.stale)} stale"
        + (f", {len(report.unanchored)} not anchorable" if report.unanchored else "")
        + f" ({diag.visible(report.into)})",
        file=sys.stderr,
    )
    return 0


def _build(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    progress = Progress(enabled=not args.quiet and sys.stderr.isatty())
    progress("resolve", str(args.edition_dir))
    result = _readers().check_edition(args.edition_dir)
    problems = diag.sort_diagnostics(result.diagnostics)
    if result.edition is None or _failed(problems, args.strict):
        progress.done()
        _report(problems)
        print(f"edition: build stopped: {diag.summary(problems)}", file=sys.stderr)
        return 1
    edition = result.edition
    build_dir: Path = args.build_dir
    unusable = build_folder_problem(build_dir)
    if unusable is not None:
        progress.done()
        _report([unusable])
        print("edition: build stopped: the build folder cannot be written", file=sys.stderr)
        return 1
    outputs: list[str] = []
    pages = 0
    layouts = ""
    page_labels = None
    print_pages = None
    warnings = list(problems)
    try:
        with OutputTransaction() as staged:
            if args.output_format in ("pdf", "all"):
                from edition.writers.pdf import build_pdf

                pdf = build_pdf(
                    edition, build_dir, keep_html=args.keep_html, progress=progress, outputs=staged
                )
                pages = pdf.page_count
                layouts = f" ({pdf.layouts} layout{'s' if pdf.layouts > 1 else ''})"
                page_labels = pdf.page_labels
                print_pages = pdf.print_pages
                warnings.extend(pdf.warnings)
                outputs.extend(str(p) for p in pdf.paths)
            if args.output_format in ("epub", "all"):
                from edition.writers.epub import build_epub

                # With the PDF built in the same run, the EPUB carries the print page list.
                epub = build_epub(
                    edition,
                    build_dir,
                    progress=progress,
                    page_map=page_labels,
                    print_pages=print_pages,
                    outputs=staged,
                )
                outputs.append(str(epub.path) + _saved_pages_note(epub.saved_pages))
                warnings.extend(epub.warnings)
            if args.output_format in ("web", "all"):
                from edition.writers.web import build_web

                # With the PDF built in the same run, its print pages are marked at the word, as in the EPUB.
                web = build_web(
                    edition,
                    build_dir,
                    progress=progress,
                    page_map=page_labels,
                    print_pages=print_pages,
                    outputs=staged,
                )
                note = _saved_pages_note(web.saved_pages, ", ")
                outputs.append(f"{web.path}/ ({web.page_count} pages{note})")
                warnings.extend(web.warnings)
            if args.output_format in ("tei", "all"):
                from edition.writers.tei import build_tei

                outputs.append(str(build_tei(edition, build_dir, outputs=staged).path))
            staged.commit()
    except WriterError as error:
        progress.done()
        _report(diag.sort_diagnostics(error.diagnostics))
        print(f"edition: build failed: {diag.visible(str(error))}", file=sys.stderr)
        return 1
    except OutputError as error:
        progress.done()
        _report([write_failure(build_dir, error)])
        print("edition: build failed: the outputs could not be written", file=sys.stderr)
        return 1
    finally:
        progress.done()
    _report(diag.sort_diagnostics(warnings))
    if not args.quiet:
        seconds = time.perf_counter() - started
        print(
            diag.visible(
                f"built {', '.join(outputs)}: "
                + (f"{pages} pages{layouts}, " if args.output_format in ("pdf", "all") else "")
                + f"{len(edition.glosses)} notes, "
                f"{len(warnings)} warnings, {seconds:.1f} s"
            ),
            file=sys.stderr,
        )
    return 1 if (args.strict and warnings) else 0


def _saved_pages_note(saved: SavedPrintPages | None, joiner: str = "") -> str:
    """Whether an EPUB or web build without a PDF in its run used the page words the last one saved."""
    described = saved.describe() if saved is not None else ""
    if not described:
        return ""
    return f"{joiner}{described}" if joiner else f" ({described})"


def _preview(args: argparse.Namespace) -> int:
    from edition.preview import Preview

    if not 0 <= args.port <= 65535:
        print(f"edition: error: --port {args.port} is not a port (0 to 65535)", file=sys.stderr)
        return 2
    unusable = build_folder_problem(args.build_dir)
    if unusable is not None:
        _report([unusable])
        return 1
    try:
        preview = Preview(args.edition_dir, args.build_dir, args.port, _print_now, pdf=args.pdf)
    except OSError as error:
        print(f"edition: error: cannot listen on 127.0.0.1:{args.port} ({error.strerror})", file=sys.stderr)
        return 1
    try:
        preview.run()
    except KeyboardInterrupt:
        print("\npreview: stopped", file=sys.stderr)
    return 0


def _print_now(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def _schema(args: argparse.Namespace) -> int:
    import json

    from edition.schema import schema

    print(json.dumps(schema(args.schema_name), indent=2, ensure_ascii=False))
    return 0


def _new(args: argparse.Namespace) -> int:
    from edition.scaffold import ScaffoldError, new_edition

    try:
        made = new_edition(args.new_dir)
    except ScaffoldError as error:
        _report([error.diagnostic])
        return 1
    shown = diag.visible(str(made.root))
    print(f"made {shown}: {', '.join(made.files)}", file=sys.stderr)
    print(f"next: edition check {shown} && edition build {shown}", file=sys.stderr)
    return 0


def _anchor(args: argparse.Namespace) -> int:
    from edition.anchor_lookup import as_yaml, find_occurrences

    if not args.edition_dir.is_dir():
        print(f"edition: error: {diag.visible(str(args.edition_dir))} is not a folder", file=sys.stderr)
        return 2
    if not args.words.strip() or "\n" in args.words:
        print("edition: error: give the words to find, on one line", file=sys.stderr)
        return 2
    result = find_occurrences(args.edition_dir, args.words.strip())
    problems = diag.sort_diagnostics(result.diagnostics)
    if diag.has_errors(problems):
        _report(problems)
        return 1
    count = len(result.occurrences)
    print(f"# '{diag.visible(args.words.strip())}' occurs {count} time{'s' if count != 1 else ''}")
    for occurrence in result.occurrences:
        print(diag.visible(as_yaml(occurrence)))
    return 0


_EDITING = {"schema": _schema, "new": _new, "anchor": _anchor}


if __name__ == "__main__":
    sys.exit(main())
