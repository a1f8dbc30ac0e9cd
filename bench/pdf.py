"""Benchmark the print PDF build against its floor, at ×1, ×4 and ×16 the default edition.

The floor is what WeasyPrint alone costs for the same book: one ``render()`` and one ``write_pdf()`` of the
final print HTML that ``build_pdf(keep_html=True)`` leaves in the build folder. Everything the build does
beyond that (the Jinja HTML, laying out again when page numbers moved, moving the margin notes, the
finisher, the screen PDF with pypdf) is overhead measured against it. Goals: build ≤ 1.3 × floor at
every size, and ms/page at ×16 within 1.2 × of ×1. Because ×1 is half front and back matter (display
pages and blank versos cost almost nothing) and ×16 is nearly all text, the table also gives the cost of
each page added between two sizes, which compares like with like.

Each size is built twice into the same folder: "cold" (no page map from an earlier build: the page numbers
are predicted by an estimate) and "warm" (the editor's loop: predicted from the map the cold build left).
Both lay the book out once when the predictions have the right widths, and produce the same bytes.

Scaling: the resolved edition's text and apparatus are repeated (``tests/writers/epub/synthetic.py``, shared
with the EPUB benchmark), so read + resolve is timed on the folder at ×1 only. The peer column, when
pypandoc is installed (optional dependency ``pypandoc-binary``), is pandoc markdown → HTML of the same
copy-text (×N) then WeasyPrint → PDF, plain, no apparatus. One run per size, printed as a table; these
machines are noisy (±30 %), so read the ratios, not the absolute times.

Run: .venv/bin/python bench/pdf.py [edition-folder]
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import weasyprint  # noqa: E402

from edition.model import Edition  # noqa: E402
from edition.resolve import load_edition  # noqa: E402
from edition.writers.pdf import PdfBuildResult, build_pdf  # noqa: E402

DEFAULT = ROOT / "source" / "revolution-betrayed"
SIZES = (1, 4, 16)
BUILD_GOAL = 1.3
LINEARITY_GOAL = 1.2


def multiplier():
    """``multiply(edition, copies)`` from the EPUB tests' synthetic helper (one scaling for both benches)."""
    path = ROOT / "tests" / "writers" / "epub" / "synthetic.py"
    spec = importlib.util.spec_from_file_location("bench_synthetic", path)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module.multiply


def time_floor(html: Path) -> tuple[float, int]:
    """One WeasyPrint render + write of the kept print HTML (its default fetcher reads the kept CSS)."""
    started = time.perf_counter()
    document = weasyprint.HTML(filename=html).render()
    document.write_pdf(html.with_suffix(".floor.pdf"))
    return time.perf_counter() - started, len(document.pages)


def time_pandoc(folder: Path, copies: int, workdir: Path) -> float | None:
    """pandoc markdown → standalone HTML, then WeasyPrint → PDF, of the copy-text ``copies`` times."""
    try:
        import pypandoc
    except ImportError:
        return None
    import yaml

    config = yaml.safe_load((folder / "edition.yaml").read_text(encoding="utf-8"))
    text = "\n\n".join((folder / name).read_text(encoding="utf-8") for name in config["text"])
    source = workdir / "pandoc.md"
    source.write_text("\n\n".join(text.replace("[^", f"[^c{k}-") for k in range(copies)), encoding="utf-8")
    started = time.perf_counter()
    html = subprocess.run(
        [
            pypandoc.get_pandoc_path(),
            "-f",
            "markdown",
            "-t",
            "html5",
            "--standalone",
            "--metadata",
            f"title={config['title']}",
            str(source),
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    weasyprint.HTML(string=html, base_url=str(workdir)).write_pdf(workdir / "pandoc.pdf")
    return time.perf_counter() - started


def build(edition: Edition, workdir: Path) -> tuple[PdfBuildResult, float]:
    started = time.perf_counter()
    result = build_pdf(edition, workdir, keep_html=True)
    return result, time.perf_counter() - started


def row(label: str, result: PdfBuildResult, total: float, floor: float, pandoc: float | None) -> str:
    t = result.timings
    pages = result.page_count
    peer = f"{pandoc:.2f}" if pandoc is not None else "—"
    phases = f"{t.html:.2f} | {t.layout:.2f} | {t.notes:.2f} | {t.write:.2f} | {t.finish:.2f}"
    per_page = f"{total / pages * 1000:.0f} | {floor / pages * 1000:.0f}"
    cells = f"{total:.2f} | {floor:.2f} | {total / floor:.2f} | {per_page} | {peer}"
    return f"| {label} | {pages} | {phases} | {cells} |"


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    started = time.perf_counter()
    base = load_edition(folder)
    read_resolve = time.perf_counter() - started
    multiply = multiplier()
    rows = []
    with tempfile.TemporaryDirectory() as temp:
        for copies in SIZES:
            workdir = Path(temp) / f"x{copies}"
            edition = base if copies == 1 else multiply(base, copies, name=base.name)
            cold, cold_total = build(edition, workdir)
            warm, warm_total = build(edition, workdir)
            assert (workdir / f"{edition.name}.pdf").read_bytes() == warm.paths[0].read_bytes()
            floor, floor_pages = time_floor(workdir / f"{edition.name}-print.html")
            assert floor_pages == warm.page_count, (floor_pages, warm.page_count)
            pandoc = time_pandoc(folder, copies, workdir)
            rows.append((copies, cold, cold_total, warm, warm_total, floor, pandoc))
            done = f"×{copies}: {warm.page_count} pages, cold {cold_total:.1f} s, warm {warm_total:.1f} s"
            print(f"{done}, floor {floor:.1f} s", file=sys.stderr)

    print(
        f"Print PDF build of {base.name} vs the floor (WeasyPrint render + write of the kept HTML), one run"
    )
    print(f"read + resolve of the folder (×1): {read_resolve:.2f} s\n")
    print(
        "| build | pages | html | layout | notes | write | pypdf | build s | floor s | build ÷ floor "
        "| ms/page | floor ms/page | pandoc+WeasyPrint s |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for copies, cold, cold_total, warm, warm_total, floor, pandoc in rows:
        print(row(f"×{copies} cold", cold, cold_total, floor, pandoc))
        print(row(f"×{copies} warm", warm, warm_total, floor, pandoc))
    first, middle, last = rows[0], rows[1], rows[-1]
    for name, result_at, total_at in (("warm", 3, 4), ("cold", 1, 2)):
        worst = max(r[total_at] / r[5] for r in rows)
        verdict = "met" if worst <= BUILD_GOAL else "NOT met"
        print(f"\n{name}: worst build ÷ floor {worst:.2f} (goal ≤ {BUILD_GOAL}) — {verdict}")
        per_page = [r[total_at] / r[result_at].page_count for r in rows]
        linearity = per_page[-1] / per_page[0]
        verdict = "met" if linearity <= LINEARITY_GOAL else "NOT met"
        print(f"  ms/page ×{last[0]} ÷ ×{first[0]}: {linearity:.2f} (goal ≤ {LINEARITY_GOAL}) — {verdict}")
        # ×1 has about as many front- and back-matter pages (display pages, blank versos: cheap) as text
        # pages, ×16 is nearly all text: the cost of the pages added between two sizes is like for like.
        added = [
            (b[total_at] - a[total_at]) / (b[result_at].page_count - a[result_at].page_count) * 1000
            for a, b in ((first, middle), (middle, last))
        ]
        ratio = added[1] / added[0]
        print(
            f"  cost of each added page, ×{first[0]}→×{middle[0]}: {added[0]:.0f} ms, "
            f"×{middle[0]}→×{last[0]}: {added[1]:.0f} ms (ratio {ratio:.2f}; 1.0 = linear)"
        )


if __name__ == "__main__":
    main()
