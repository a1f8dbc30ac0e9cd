"""Benchmark the EPUB writer against pandoc's markdown→EPUB of the same text, at two sizes.

Sizes: the default edition (``source/revolution-betrayed``, or the test sample when it does not resolve) and a
×16 synthetic edition (text and apparatus repeated, see ``tests/writers/epub/synthetic.py``). One run each,
as a table. Our time is ``build_epub`` on the resolved model (reading and resolving are not included: they
are the same for every writer); pandoc's is the ``pandoc`` process, markdown in, EPUB 3 out, including its
start-up, given the copy-text and front matter but no apparatus (it has none).

Needs the optional ``bench`` dependency: ``.venv/bin/pip install -e '.[bench]'`` (pypandoc-binary).
Run: .venv/bin/python bench/epub.py
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from edition.diagnostics import EditionError  # noqa: E402
from edition.model import Edition  # noqa: E402
from edition.resolve import load_edition  # noqa: E402
from edition.writers.epub import build_epub  # noqa: E402

DEFAULT = ROOT / "source" / "revolution-betrayed"
COPIES = 16
FOOTNOTE_LABEL = re.compile(r"\[\^([^\]\s]+)\]")


def _load_module(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules[name] = module
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def _test_helpers():
    """The synthetic multiplier and the sample live with the EPUB tests (a package with relative imports)."""
    package = ROOT / "tests" / "writers" / "epub"
    _load_module("epub_bench_tests", package / "__init__.py")
    synthetic = _load_module("epub_bench_tests.synthetic", package / "synthetic.py")
    sample = _load_module("epub_bench_tests.sample_edition", package / "sample_edition.py")
    return synthetic.multiply, sample.sample_edition


def markdown_of(folder: Path | None, copies: int) -> str:
    """The edition's front matter and copy-text as one Markdown file; footnote labels renamed per copy."""
    if folder is None:
        body = "Placeholder text for the pandoc run.\n\n" * 20
        return "\n\n".join(body for _ in range(copies))
    config = yaml.safe_load((folder / "edition.yaml").read_text(encoding="utf-8"))
    front = [
        f"# {item['title']}\n\n" + (folder / item["file"]).read_text(encoding="utf-8")
        for item in config.get("front_matter", [])
    ]
    text = "\n\n".join((folder / name).read_text(encoding="utf-8") for name in config["text"])
    copies_text = [FOOTNOTE_LABEL.sub(lambda m, k=k: f"[^{m.group(1)}-c{k}]", text) for k in range(copies)]
    return "\n\n".join(front + [f"# {config['title']}\n\n" + copy for copy in copies_text])


def time_pandoc(markdown: str, title: str, workdir: Path) -> float:
    import pypandoc

    source = workdir / "input.md"
    source.write_text(markdown, encoding="utf-8")
    command = [
        pypandoc.get_pandoc_path(),
        "-f",
        "markdown",
        "-t",
        "epub3",
        "--metadata",
        f"title={title}",
        "-o",
        str(workdir / "pandoc.epub"),
        str(source),
    ]
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - started


def time_ours(edition: Edition, workdir: Path) -> tuple[float, int]:
    started = time.perf_counter()
    result = build_epub(edition, workdir)
    return time.perf_counter() - started, result.path.stat().st_size


def main() -> None:
    multiply, sample_edition = _test_helpers()
    folder: Path | None = DEFAULT
    try:
        base = load_edition(DEFAULT)
    except (EditionError, FileNotFoundError) as problem:
        print(f"default edition does not resolve ({problem}); using the test sample", file=sys.stderr)
        base, folder = sample_edition(), None
    rows = []
    with tempfile.TemporaryDirectory() as temp:
        workdir = Path(temp)
        for copies in (1, COPIES):
            edition = base if copies == 1 else multiply(base, copies)
            ours, size = time_ours(edition, workdir)
            pandoc = time_pandoc(markdown_of(folder, copies), edition.metadata.title, workdir)
            notes = len(edition.glosses) + len(edition.footnotes) + len(edition.emendations)
            rows.append((f"×{copies}", edition.paragraph_count, notes, ours, pandoc, size))
    print(f"EPUB build, one run each ({base.name}); pandoc: markdown → EPUB 3, no apparatus\n")
    print("| size | § paragraphs | notes | edition (s) | pandoc (s) | pandoc ÷ edition | EPUB bytes |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for label, paragraphs, notes, ours, pandoc, size in rows:
        print(
            f"| {label} | {paragraphs} | {notes} | {ours:.3f} | {pandoc:.3f} | {pandoc / ours:.1f}× "
            f"| {size} |"
        )


if __name__ == "__main__":
    main()
