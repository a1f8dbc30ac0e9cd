"""Benchmark `edition check`: the default edition, and synthetic editions at two sizes.

Prints a table. Linearity is judged by ratios measured in this one run (ms per 1,000 entries and per MB at
both sizes), never by absolute thresholds: these machines are noisy.
Run: .venv/bin/python bench/check.py
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from edition.resolve import check_edition  # noqa: E402

VOCABULARY = [
    "the",
    "state",
    "workers",
    "bureaucracy",
    "revolution",
    "of",
    "and",
    "a",
    "in",
    "to",
    "party",
    "class",
    "power",
    "Soviet",
    "economy",
    "planned",
    "property",
    "Trotsky",
    "Stalin",
    "October",
    "peasants",
    "industry",
    "wages",
]


def synthetic_edition(folder: Path, megabytes: float, glosses: int, seed: int = 7) -> Path:
    """An edition of about ``megabytes`` of text with ``glosses`` glosses on unique lemmas."""
    rng = random.Random(seed)
    paragraphs = []
    size = 0
    n = 0
    while size < megabytes * 1_000_000:
        words = [rng.choice(VOCABULARY) for _ in range(120)]
        words[rng.randrange(1, 119)] = f"mark{n}x"
        text = " ".join(words).capitalize() + "."
        paragraphs.append(text)
        size += len(text) + 2
        n += 1
    (folder / "text").mkdir(parents=True)
    (folder / "apparatus").mkdir()
    (folder / "text/body.md").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    # Every paragraph's marker can carry only one gloss lemma as written; further glosses quote the marker
    # with the word after it so that lemmas stay unique.
    lines = ["glosses:"]
    for g in range(glosses):
        p = g % n
        words = paragraphs[p].rstrip(".").split(" ")
        at = next(i for i, w in enumerate(words) if w == f"mark{p}x")
        extent = g // n
        lemma = " ".join(words[at : at + 1 + extent]) if at + 1 + extent <= len(words) else words[at]
        lines += [f"  - id: g{g}", f'    lemma: "{lemma}"', f"    note: Note {g} on *mark {p}*."]
    (folder / "apparatus/glosses.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "edition.yaml").write_text(
        'title: Synthetic\nauthors: [{name: Bench}]\nlanguage: en\ndate: "2026-11-26"\nrights: none\n'
        'identifier: "urn:uuid:00000000-0000-4000-8000-000000000000"\n'
        "witnesses: [{siglum: S, description: synthetic}]\ntext: [text/body.md]\n"
        "apparatus: [apparatus/glosses.yaml]\n",
        encoding="utf-8",
    )
    return folder


def timed_check(folder: Path) -> tuple[float, int]:
    started = time.perf_counter()
    result = check_edition(folder)
    seconds = time.perf_counter() - started
    errors = [d for d in result.diagnostics if d.severity == "error"]
    if errors:
        raise SystemExit(f"{folder}: {errors[0].format()}")
    assert result.edition is not None
    return seconds, len(result.edition.glosses)


def main() -> None:
    rows = []
    default = ROOT / "source" / "revolution-betrayed"
    if default.is_dir() and not any(d.severity == "error" for d in check_edition(default).diagnostics):
        seconds, notes = timed_check(default)
        size = sum(p.stat().st_size for p in (default / "text").glob("*.md"))
        rows.append(("default edition", size / 1e6, notes, seconds))
    with tempfile.TemporaryDirectory() as tmp:
        for megabytes, glosses in ((0.25, 2500), (1.0, 10000)):
            folder = synthetic_edition(Path(tmp) / f"s{glosses}", megabytes, glosses)
            seconds, notes = timed_check(folder)
            rows.append((f"synthetic {megabytes:g} MB", megabytes, notes, seconds))
    print(f"{'edition':<22}{'text MB':>9}{'glosses':>9}{'check s':>9}{'ms/1k entries':>15}{'s/MB':>8}")
    for name, megabytes, notes, seconds in rows:
        per_k = seconds * 1000 / max(notes, 1) * 1000
        print(
            f"{name:<22}{megabytes:>9.2f}{notes:>9}{seconds:>9.2f}{per_k:>15.1f}{seconds / megabytes:>8.2f}"
        )
    small, large = rows[-2], rows[-1]
    ratio = (large[3] / large[2]) / (small[3] / small[2])
    print(f"\nper-entry cost, 1 MB / 0.25 MB: {ratio:.2f}× (1.0 = perfectly linear)")


if __name__ == "__main__":
    main()
