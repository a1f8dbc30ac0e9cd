"""WeasyPrint on one kept print HTML laid out whole, or cut into N documents laid out one after another in
one process: what laying sections out as documents of their own could save, before any of it is built.

The text's sections are cut into N runs of consecutive sections (the front matter goes with the first, the
back matter with the last); each run is rendered and written as a document of its own, in turn, in one
process, and dropped before the next. Every configuration runs as a process of its own (start-up and
imports included, as whole-process timings are), the configurations in turn, ``--reps`` rounds; peak memory
is the process's high-water mark (``os.wait4``). The pages differ slightly from the book's (page counters
restart, a part starts on a new page): the measure is WeasyPrint's cost, not a finished book.

With ``--merge`` every part is kept and their pages are written as one PDF (``Document.copy``), as a build
that appends the documents it lays out must do; without it each part is written and dropped at once.

Run: .venv/bin/python bench/chunks.py BUILD/NAME-print.html [--parts 1 4 16] [--reps 2] [--merge]
"""

from __future__ import annotations

import argparse
import copy
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from lxml import html as lxml_html


def parts_of(source: Path, count: int, into: Path) -> list[Path]:
    """Write ``count`` HTML files into ``into`` (beside ``source``, so that its stylesheet and fonts
    resolve), each with a run of consecutive text sections."""
    tree = lxml_html.parse(str(source))
    main = tree.getroot().body.find(".//main")
    if main is None:
        raise SystemExit(f"{source}: no <main> (not a print HTML kept with --keep-html)")
    sections = list(main)
    runs = [sections[len(sections) * k // count : len(sections) * (k + 1) // count] for k in range(count)]
    paths = []
    for k, run in enumerate(runs):
        part = copy.deepcopy(tree)
        body = part.getroot().body
        part_main = body.find(".//main")
        assert part_main is not None
        keep = {id(section) for section in run}
        for original, section in zip(sections, list(part_main), strict=True):
            if id(original) not in keep:
                part_main.remove(section)
        before = True
        for element in list(body):
            if element is part_main:
                before = False
            elif (before and k > 0) or (not before and k < count - 1):
                body.remove(element)
        path = into / f"{source.stem}.part{count}-{k}.html"
        part.write(str(path), method="html", encoding="utf-8")
        paths.append(path)
    return paths


def render_parts(paths: list[str], merge: bool) -> None:
    """The child process: each part rendered and written in turn (or, with ``merge``, every part kept and
    their pages written as one PDF, as a build that appends documents does); prints pages and seconds."""
    import weasyprint

    pages = 0
    started = time.perf_counter()
    kept = []
    for path in paths:
        document = weasyprint.HTML(filename=path).render()
        pages += len(document.pages)
        if merge:
            kept.append(document)
        else:
            document.write_pdf(os.devnull)
        del document
    if kept:
        kept[0].copy([page for document in kept for page in document.pages]).write_pdf(os.devnull)
    print(f"{pages} {time.perf_counter() - started:.3f}")


def _run(paths: list[Path], merge: bool) -> tuple[float, int, float]:
    """(whole-process seconds, pages, peak MB) of one child."""
    started = time.perf_counter()
    mode = "--child-merge" if merge else "--child"
    child = subprocess.Popen(
        [sys.executable, __file__, mode, *map(str, paths)], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    out = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"a part failed to render (status {status})")
    return elapsed, int(out.split()[0]), usage.ru_maxrss / 1024


def main(argv: list[str]) -> int:
    if argv and argv[0] in ("--child", "--child-merge"):
        render_parts(argv[1:], merge=argv[0] == "--child-merge")
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("html", type=Path)
    parser.add_argument("--parts", type=int, nargs="+", default=[1, 4, 16])
    parser.add_argument("--reps", type=int, default=2)
    parser.add_argument("--merge", action="store_true", help="keep every part and write one PDF of all")
    args = parser.parse_args(argv)
    files = {n: parts_of(args.html, n, args.html.parent) for n in args.parts}
    try:
        runs: dict[int, list[tuple[float, int, float]]] = {n: [] for n in args.parts}
        for _ in range(args.reps):
            for n in args.parts:
                runs[n].append(_run(files[n], args.merge))
    finally:
        for paths in files.values():
            for path in paths:
                path.unlink(missing_ok=True)
    whole = statistics.median(s for s, _, _ in runs[args.parts[0]])
    how = "parts kept, one PDF written" if args.merge else "each part written and dropped"
    print(f"{args.html.name}, {how}, medians of {args.reps} (whole processes, one run)")
    print("| parts | pages | s | ÷ first row | ms/page | peak MB |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    for n in args.parts:
        seconds = statistics.median(s for s, _, _ in runs[n])
        pages = runs[n][0][1]
        peak = max(m for _, _, m in runs[n])
        per_page = 1000 * seconds / pages
        print(f"| {n} | {pages} | {seconds:.2f} | {seconds / whole:.2f} | {per_page:.0f} | {peak:.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
