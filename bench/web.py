"""The web edition: whole-process build time next to the EPUB's, and the live preview's save-to-page time.

For the default edition at ×1 and ×16 (``bench/scale.py`` writes the ×16 folder): ``edition build --format
web`` and ``--format epub`` as processes (start-up, reading and checking included, as the editor runs them),
``RUNS`` runs each, alternating, median and spread printed; the site's page count. Then ``edition preview``
in a subprocess with the page open in chromium (Playwright, Debian's chromium): a gloss is changed on disk
``SAVES`` times and the time until the open page shows the new words is measured (poll, check, build, event,
reload). These machines are noisy: compare the numbers of one run with each other.

With ``--baseline TREE`` (another checkout of the project, e.g. ``git worktree add /tmp/base main``) only
the preview is measured, the baseline's and this tree's alternately, ``--runs`` rounds of ``SAVES`` saves
each, on the same edition folders: under a changing machine load that is the fair comparison.

Run: .venv/bin/python bench/web.py [--copies 16] [--runs 3] [--baseline TREE]
"""

from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "source" / "revolution-betrayed"
EDITION = [sys.executable, "-m", "edition.cli"]
SAVES = 5
NAVIGATION_READY = (
    "performance.timeOrigin + performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd"
)


def timed(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
    return time.perf_counter() - started


def builds(folder: Path, out: Path, runs: int) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {"web": [], "epub": []}
    for _ in range(runs):
        for fmt in times:
            times[fmt].append(
                timed([*EDITION, "build", str(folder), "--format", fmt, "--build-dir", str(out), "-q"])
            )
    return times


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def with_marker(text: str, gloss: str, marker: str) -> str:
    """The glosses file with ``marker`` at the start of gloss ``gloss``'s note (rewritten by PyYAML)."""
    data = yaml.safe_load(text)
    entry = next(item for item in data["glosses"] if item.get("id") == gloss)
    entry["note"] = f"{marker} {entry['note']}"
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


def preview_latency(folder: Path, out: Path, tree: Path = ROOT) -> list[float]:
    """Seconds from each save to the reloaded page, for the preview of the project in ``tree``."""
    from playwright.sync_api import expect, sync_playwright

    glosses = folder / "apparatus" / "glosses.yaml"
    original = glosses.read_text(encoding="utf-8")
    port = free_port()
    process = subprocess.Popen(
        [*EDITION, "preview", str(folder), "--port", str(port), "--build-dir", str(out)],
        cwd=tree, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    ready = threading.Event()

    def read() -> None:
        assert process.stderr is not None
        for line in process.stderr:
            if "serving" in line:
                ready.set()

    threading.Thread(target=read, daemon=True).start()
    latencies = []
    try:
        if not ready.wait(120):
            raise SystemExit("the preview did not start")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(f"http://127.0.0.1:{port}/sec-1.html")
            first = page.locator(".sidenote").first
            note_id = first.get_attribute("id")
            page.wait_for_timeout(500)
            gloss = (note_id or "").removeprefix("gloss-")
            for n in range(SAVES):
                marker = f"SAVED{n}Z{time.time_ns()}"  # no hyphen: typography makes 0-1 an en dash
                glosses.write_text(with_marker(original, gloss, marker), encoding="utf-8")
                saved = time.time()
                expect(page.locator(f"[id='{note_id}']")).to_contain_text(marker, timeout=30000)
                # When the reloaded page's content was ready, on the same (wall) clock as the save: the
                # browser's own record, not the moment this script's polling noticed.
                ready = page.evaluate(NAVIGATION_READY)
                latencies.append(ready / 1000 - saved)
                page.wait_for_timeout(300)
            browser.close()
    finally:
        glosses.write_text(original, encoding="utf-8")
        process.terminate()
        process.wait(timeout=10)
    return latencies


def row(name: str, values: list[float]) -> str:
    median = statistics.median(values)
    return f"{name:<28} median {median:6.2f} s   min {min(values):6.2f}   max {max(values):6.2f}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=16)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--baseline", type=Path, help="another checkout: compare its preview with this one's")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        tmp = Path(temporary)
        sizes = [(1, tmp / "revolution-betrayed")]
        subprocess.run([sys.executable, "bench/scale.py", "1", str(sizes[0][1])], check=True, cwd=ROOT)
        if args.copies > 1:
            big = tmp / f"x{args.copies}" / "revolution-betrayed"
            big.parent.mkdir()
            subprocess.run(
                [sys.executable, "bench/scale.py", str(args.copies), str(big)], check=True, cwd=ROOT
            )
            sizes.append((args.copies, big))
        if args.baseline is not None:
            compare_previews(sizes, tmp, args.baseline.resolve(), args.runs)
            return
        for copies, folder in sizes:
            out = tmp / f"build-{copies}"
            times = builds(folder, out, args.runs)
            site = out / f"{folder.name}-web"
            pages = len(list(site.glob("*.html")))
            print(f"×{copies}: web site of {pages} pages, {len(list(site.iterdir()))} files")
            print(row("  build --format web", times["web"]))
            print(row("  build --format epub", times["epub"]))
            ratio = statistics.median(times["web"]) / statistics.median(times["epub"])
            print(f"  web / epub (medians)       {ratio:.2f}")
            latencies = preview_latency(folder, tmp / f"preview-{copies}")
            print(row("  preview: save → page", latencies))


def compare_previews(sizes: list[tuple[int, Path]], tmp: Path, baseline: Path, runs: int) -> None:
    for copies, folder in sizes:
        latencies: dict[str, list[float]] = {"baseline": [], "this tree": []}
        for _ in range(runs):
            for name, tree in (("baseline", baseline), ("this tree", ROOT)):
                latencies[name] += preview_latency(folder, tmp / f"preview-{copies}-{len(name)}", tree)
        print(f"×{copies}: preview save → page, {runs} rounds of {SAVES} saves, alternating")
        for name, values in latencies.items():
            print(row(f"  {name}", values))


if __name__ == "__main__":
    main()
