"""What line numbers and a foot apparatus add to a PDF build, measured in one run.

Three builds of the same edition, each a cold ``edition build --format pdf`` in a fresh build folder,
taken in turn (A B C A B C …) so the machine's drift touches all three alike:

- plain: the edition as it is;
- page.line: ``note_keys: page.line`` (line numbers drawn after layout, textual notes keyed by line);
- foot: its emendations as a foot series (``series: [{name: A, contents: [emendations], place: foot}]``).

It prints the median seconds, the ratio to the plain build and the layouts each build reported.

    python bench/apparatus.py [EDITION_DIR] [--runs N]
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from measure import run_timed

ROOT = Path(__file__).resolve().parent.parent
VARIANTS = {
    "plain": "",
    "page.line": "  note_keys: page.line\n",
    "foot": "  series: [{name: A, contents: [emendations], place: foot}]\n",
}
LAYOUTS = re.compile(r"\((\d+) layouts?\)")


def variant_folder(source: Path, parent: Path, name: str, style_lines: str) -> Path:
    """A copy of ``source`` with ``style_lines`` added at the top of its ``style:`` mapping."""
    target = parent / name.replace(".", "-")
    shutil.copytree(source, target)
    config = target / "edition.yaml"
    text = config.read_text(encoding="utf-8")
    if style_lines:
        if "\nstyle:\n" not in text:
            raise SystemExit(f"{config}: the benchmark adds to an existing 'style:' mapping")
        text = text.replace("\nstyle:\n", "\nstyle:\n" + style_lines, 1)
    config.write_text(text, encoding="utf-8")
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("edition", nargs="?", type=Path, default=ROOT / "source" / "revolution-betrayed")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    command = str(ROOT / ".venv" / "bin" / "edition")
    with tempfile.TemporaryDirectory() as scratch:
        folders = {
            name: variant_folder(args.edition, Path(scratch), name, lines) for name, lines in VARIANTS.items()
        }
        seconds: dict[str, list[float]] = {name: [] for name in VARIANTS}
        layouts: dict[str, str] = {}
        for _ in range(args.runs):
            for name, folder in folders.items():
                out = Path(scratch) / f"build-{name}"
                shutil.rmtree(out, ignore_errors=True)
                run = run_timed([command, "build", str(folder), "--format", "pdf", "--build-dir", str(out)])
                seconds[name].append(run.seconds)
                found = LAYOUTS.search(run.output)
                layouts[name] = found.group(1) if found else "?"
    plain = statistics.median(seconds["plain"])
    print(f"{args.edition.name}, {args.runs} runs each, cold builds taken in turn")
    print("| build | median s | ÷ plain | layouts |")
    print("| --- | ---: | ---: | ---: |")
    for name in VARIANTS:
        median = statistics.median(seconds[name])
        print(f"| {name} | {median:.2f} | {median / plain:.2f} | {layouts[name]} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
