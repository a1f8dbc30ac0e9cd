"""Running DAISY Ace, the EPUB accessibility checker, and reading its JSON report.

Ace is installed by ``make setup`` into ``tools/ace`` from the npm registry without its own browser
download; it drives the system's Chromium through Puppeteer (its ``ace-puppeteer`` command launches it with
``--no-sandbox``, which headless Chromium needs when run as root).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
ACE = REPO / "tools" / "ace" / "node_modules" / ".bin" / "ace-puppeteer"
CHROMIUM = Path("/usr/bin/chromium")


@dataclass(frozen=True)
class Violation:
    """One failed Ace assertion: which rule, how bad, where."""

    document: str
    rule: str
    impact: str
    where: tuple[str, ...]
    description: str

    def __str__(self) -> str:
        return f"{self.document}: {self.impact} {self.rule} at {', '.join(self.where)}: {self.description}"


def missing_tools() -> list[str]:
    """What is not installed (``make setup`` installs both)."""
    missing = [] if ACE.exists() else [f"{ACE} (run make setup)"]
    if not CHROMIUM.exists() and shutil.which("chromium") is None:
        missing.append("chromium (scripts/setup-system installs it)")
    return missing


def run_ace(epub: Path, out_dir: Path) -> dict:
    """Check ``epub`` and return Ace's report (``report.json``)."""
    env = dict(os.environ, PUPPETEER_EXECUTABLE_PATH=str(CHROMIUM if CHROMIUM.exists() else "chromium"))
    completed = subprocess.run(
        [str(ACE), "--force", "--silent", "--outdir", str(out_dir), str(epub)],
        capture_output=True,
        check=False,
        env=env,
        timeout=600,
    )
    report = out_dir / "report.json"
    if completed.returncode != 0 or not report.exists():
        raise AssertionError(
            f"Ace did not finish on {epub.name} (exit {completed.returncode}): "
            + completed.stderr.decode("utf-8", "replace")[-2000:]
        )
    return json.loads(report.read_text(encoding="utf-8"))


def violations(report: dict) -> list[Violation]:
    """Every failed assertion, whatever its impact (minor and moderate ones count too)."""
    found = []
    for document in report["assertions"]:
        for assertion in document["assertions"]:
            result = assertion["earl:result"]
            if result["earl:outcome"] != "fail":
                continue
            found.append(
                Violation(
                    document["earl:testSubject"]["url"],
                    assertion["earl:test"]["dct:title"],
                    assertion["earl:test"]["earl:impact"],
                    tuple(result.get("earl:pointer", {}).get("css", ())),
                    result.get("dct:description", ""),
                )
            )
    return found
