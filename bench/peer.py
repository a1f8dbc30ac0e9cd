"""Our cold print build beside the reledmac peer, at ×1, ×4 and ×16 the default edition, in one run.

For each size, the two alternate (ours, peer, ours, peer …, ``--reps`` times each) so that the machine's
drift falls on both. Ours is a cold ``edition build --format pdf`` (a fresh build folder: no page map) of
the folder ``bench/scale.py`` writes; the peer is ``run.sh N 1`` of ``../shared/peers/reledmac/`` (XeLaTeX,
reledmac, the same copy-text and glosses as side notes), whose own timing of the xelatex passes is read:
A = the passes LaTeX and reledmac ask for, F = passes until the auxiliary files stop changing. Times are
medians, wall clock; peak memory is the largest process of each command (``bench/measure.py``). Beside
them, the floor: WeasyPrint alone rendering and writing our final print HTML in a process of its own
(``bench/floor.py``), what any build that lays the book out with WeasyPrint in one process costs at least.
The peer installs its TeX Live packages on first use (minutes), so this is never part of ``make test``.

Run: .venv/bin/python bench/peer.py [--scales 1 4 16] [--reps 3] [--peer DIR]   (or PEER=DIR)
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from measure import run_timed
from scale import DEFAULT, ROOT, scale

PEER = ROOT.parent / "shared" / "peers" / "reledmac"
# run.sh's row: scale, repetition, pages, passes A and F, seconds a pass, total s and ms/page for A and F.
PEER_ROW = re.compile(r"^\s*\d+\s+1\s+(\d+)\s+(\d+)\s+(\d+)\s+[\d./]+\s+([\d.]+)\s+[\d.]+\s+([\d.]+)\s", re.M)
OUR_PAGES = re.compile(r": (\d+) pages[ ,]")
FLOOR_PAGES = re.compile(r"^floor: (\d+) pages$", re.M)
MEMORY_GOAL_MB = 250


@dataclass(frozen=True)
class OurBuild:
    pages: int
    seconds: float
    peak_mb: float


@dataclass(frozen=True)
class PeerBuild:
    pages: int
    passes_asked: int
    passes_fixed: int
    seconds_asked: float
    seconds_fixed: float
    peak_mb: float


@dataclass(frozen=True)
class Row:
    copies: int
    ours: tuple[OurBuild, ...]
    peer: tuple[PeerBuild, ...]
    floor: tuple[float, ...]  # seconds of bench/floor.py on our print HTML

    def ours_s(self) -> float:
        return statistics.median(build.seconds for build in self.ours)

    def peer_s(self, fixed: bool) -> float:
        return statistics.median(b.seconds_fixed if fixed else b.seconds_asked for b in self.peer)

    def floor_s(self) -> float:
        return statistics.median(self.floor)

    def cells(self) -> list[str]:
        ours, peer = self.ours[0], self.peer[0]
        our_s, peer_a, peer_f = self.ours_s(), self.peer_s(False), self.peer_s(True)
        floor = self.floor_s()
        return [
            f"×{self.copies}",
            str(ours.pages),
            f"{our_s:.2f}",
            f"{our_s / ours.pages * 1000:.0f}",
            f"{max(build.peak_mb for build in self.ours):.0f}",
            str(peer.pages),
            f"{peer.passes_asked}/{peer.passes_fixed}",
            f"{peer_a:.2f}",
            f"{peer_f:.2f}",
            f"{max(build.peak_mb for build in self.peer):.0f}",
            f"{our_s / peer_a:.2f}",
            f"{our_s / peer_f:.2f}",
            f"{floor:.2f}",
            f"{floor / peer_a:.2f}",
        ]


def peer_folder(given: Path | None) -> Path:
    folder = given or Path(os.environ.get("PEER") or PEER)
    if not (folder / "run.sh").is_file():
        sys.exit(
            f"peer.py: no reledmac peer at {folder} (its run.sh is missing); "
            "name its folder with --peer DIR or PEER=DIR"
        )
    return folder


def build_ours(edition: Path, build_dir: Path) -> OurBuild:
    """A cold build: a build folder of its own, so no page map from an earlier build."""
    command = [sys.executable, "-m", "edition.cli", "build", str(edition), "--format", "pdf"]
    run = run_timed([*command, "--build-dir", str(build_dir)], cwd=ROOT)
    shutil.rmtree(build_dir)
    pages = OUR_PAGES.search(run.output)
    if pages is None:
        sys.exit(f"peer.py: no page count in the build's report:\n{run.output}")
    return OurBuild(int(pages.group(1)), run.seconds, run.peak_mb)


def keep_html(edition: Path, build_dir: Path) -> Path:
    """Our final print HTML (and its CSS) for the floor, from one untimed build."""
    command = [sys.executable, "-m", "edition.cli", "build", str(edition), "--format", "pdf", "--keep-html"]
    run_timed([*command, "-q", "--build-dir", str(build_dir)], cwd=ROOT)
    return build_dir / f"{edition.name}-print.html"


def time_floor(html: Path, pages: int) -> float:
    run = run_timed(
        [sys.executable, str(ROOT / "bench" / "floor.py"), str(html), str(html.with_suffix(".pdf"))]
    )
    found = FLOOR_PAGES.search(run.output)
    if found is None or int(found.group(1)) != pages:
        sys.exit(f"peer.py: the floor laid out {found.group(1) if found else '?'} pages, the build {pages}")
    return run.seconds


def build_peer(peer: Path, copies: int, build_dir: Path) -> PeerBuild:
    """One cold build by the peer's own script, which times each xelatex pass."""
    env = dict(os.environ, PEER_BUILD=str(build_dir))
    run = run_timed(["bash", str(peer / "run.sh"), str(copies), "1"], env=env)
    row = PEER_ROW.search(run.output)
    if row is None:
        sys.exit(f"peer.py: no result row in run.sh's output:\n{run.output}")
    pages, asked, fixed, seconds_asked, seconds_fixed = row.groups()
    return PeerBuild(
        int(pages), int(asked), int(fixed), float(seconds_asked), float(seconds_fixed), run.peak_mb
    )


def measure(copies: int, reps: int, peer: Path, work: Path) -> Row:
    edition = work / f"x{copies}"
    scale(DEFAULT, copies, edition)
    html = keep_html(edition, work / f"html-x{copies}")
    ours, theirs, floors = [], [], []
    for rep in range(1, reps + 1):
        ours.append(build_ours(edition, work / f"build-x{copies}"))
        theirs.append(build_peer(peer, copies, work / "peer"))
        floors.append(time_floor(html, ours[-1].pages))
        mine, other = ours[-1], theirs[-1]
        print(
            f"×{copies} {rep}/{reps}: ours {mine.seconds:.1f} s ({mine.pages} pp, {mine.peak_mb:.0f} MB), "
            f"peer {other.seconds_asked:.1f} s A, {other.seconds_fixed:.1f} s F ({other.pages} pp), "
            f"floor {floors[-1]:.1f} s",
            file=sys.stderr,
        )
    return Row(copies, tuple(ours), tuple(theirs), tuple(floors))


def report(rows: list[Row], reps: int) -> None:
    print(f"Cold print PDF build vs the reledmac peer (XeLaTeX), medians of {reps}, alternating, one run\n")
    header = (
        "scale",
        "our pages",
        "our s",
        "our ms/page",
        "our peak MB",
        "peer pages",
        "peer passes A/F",
        "peer s (A)",
        "peer s (F)",
        "peer peak MB",
        "ours ÷ peer (A)",
        "ours ÷ peer (F)",
        "floor s",
        "floor ÷ peer (A)",
    )
    print("| " + " | ".join(header) + " |")
    print("| --- |" + " ---: |" * (len(header) - 1))
    for row in rows:
        print("| " + " | ".join(row.cells()) + " |")
    worst = max(row.ours_s() / row.peer_s(False) for row in rows)
    verdict = "met" if worst < 1 else "NOT met"
    print(f"\nfaster than the peer (A) at every size: worst ratio {worst:.2f} — {verdict}")
    floor = min(row.floor_s() / row.peer_s(False) for row in rows)
    print(f"WeasyPrint alone on our HTML ÷ the peer (A): at best {floor:.2f}")
    largest = rows[-1]
    peak = max(build.peak_mb for build in largest.ours)
    verdict = "met" if peak <= MEMORY_GOAL_MB else "NOT met"
    print(f"peak memory a process at ×{largest.copies}: {peak:.0f} MB (goal ≤ {MEMORY_GOAL_MB}) — {verdict}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--scales", type=int, nargs="+", default=[1, 4, 16], help="sizes (copies of the text)"
    )
    parser.add_argument("--reps", type=int, default=3, help="cold builds of each tool at each size")
    parser.add_argument("--peer", type=Path, help=f"the reledmac peer's folder (default: PEER or {PEER})")
    parser.add_argument(
        "--warm-up",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="build once with each tool at ×1, untimed, first (installs TeX Live, fills font caches)",
    )
    args = parser.parse_args(argv)
    if args.reps < 1 or min(args.scales) < 1:
        parser.error("--reps and --scales must be 1 or more")
    peer = peer_folder(args.peer)
    with tempfile.TemporaryDirectory(prefix="bench-peer-") as temp:
        work = Path(temp)
        if args.warm_up:
            measure(1, 1, peer, work / "warm-up")
        rows = [measure(copies, args.reps, peer, work) for copies in args.scales]
    report(rows, args.reps)
    return 0


if __name__ == "__main__":
    sys.exit(main())
