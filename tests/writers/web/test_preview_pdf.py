"""``edition preview --pdf``: the PDF rebuilt in a child process after each good check, one at a time."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from edition.check_cache import CheckCache
from edition.preview.pdf import PdfBuilds, PdfOutcome, PdfStatus
from tests.conftest import copy_mini

from .browser import DESKTOP, chromium, open_page
from .test_preview import GLOSS, Running, free_port


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def first_event(url: str) -> dict[str, object]:
    with urllib.request.urlopen(url + "_preview/events", timeout=10) as events:
        for raw in events:
            line = raw.decode("utf-8")
            if line.startswith("data: "):
                data: dict[str, object] = json.loads(line.removeprefix("data: "))
                return data
    raise AssertionError("no state event")


@pytest.fixture
def preview_pdf(tmp_path: Path) -> Iterator[Running]:
    edition = copy_mini(tmp_path)
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "edition.cli", "preview", str(edition), "--port", str(port),
         "--build-dir", str(tmp_path / "build"), "--pdf"],
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    running = Running(process, f"http://127.0.0.1:{port}/")

    def read() -> None:
        assert process.stderr is not None
        for line in process.stderr:
            running.lines.append(line.rstrip("\n"))

    threading.Thread(target=read, daemon=True).start()
    try:
        running.wait_for_line(r"serving http://127\.0\.0\.1:\d+/", timeout=30)
        yield running
    finally:
        process.terminate()
        process.wait(timeout=10)


def count(running: Running, words: str) -> int:
    return sum(words in line for line in list(running.lines))


def wait_for_count(running: Running, words: str, n: int, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while count(running, words) < n:
        assert time.monotonic() < deadline, f"fewer than {n} lines with {words!r} in {running.lines}"
        time.sleep(0.1)


@pytest.mark.slow
def test_after_a_save_the_pdf_is_rebuilt_and_a_failing_check_starts_no_build(
    preview_pdf: Running, tmp_path: Path
):
    built = "preview: PDF: up to date"
    pdf = tmp_path / "build" / "mini.pdf"
    wait_for_count(preview_pdf, built, 1)
    assert " ".join(GLOSS.split()[:3]) in " ".join(pdf_text(pdf).split())
    assert (tmp_path / "build" / "mini-screen.pdf").is_file()
    # The page is told: up to date, with links the server answers with the PDFs themselves.
    state = first_event(preview_pdf.url)
    shown = state["pdf"]
    assert isinstance(shown, dict) and shown["state"] == "ready" and "up to date" in shown["text"]
    hrefs = [link["href"] for link in shown["links"]]
    assert hrefs == ["/_preview/pdf/mini.pdf", "/_preview/pdf/mini-screen.pdf"]
    with urllib.request.urlopen(preview_pdf.url.rstrip("/") + hrefs[0], timeout=10) as response:
        assert response.headers["Content-Type"] == "application/pdf"
        assert response.read() == pdf.read_bytes()
    with chromium() as browser, open_page(browser, preview_pdf.url + "sec-1.html", DESKTOP) as opened:
        box = opened.page.locator("#edition-preview-pdf")
        expect(box).to_contain_text("PDF up to date", timeout=10000)
        expect(box).to_have_attribute("data-state", "ready")
        links = box.locator("a")
        assert [links.nth(i).get_attribute("href") for i in range(links.count())] == hrefs
        assert opened.problems == []

    glosses = tmp_path / "mini" / "apparatus" / "glosses.yaml"
    original = glosses.read_text(encoding="utf-8")
    glosses.write_text(original.replace(GLOSS, "A NEWLY SAVED GLOSS"), encoding="utf-8")
    wait_for_count(preview_pdf, built, 2)
    text = " ".join(pdf_text(pdf).split())
    assert "A NEWLY SAVED GLOSS" in text
    assert GLOSS.split(",")[0] not in text

    # Broken YAML: the check fails and no PDF build starts; the PDF stays the last good one.
    glosses.write_text("glosses:\n  - lemma: [\n", encoding="utf-8")
    preview_pdf.wait_for_line(r"not rebuilt \(errors above\)", timeout=30)
    glosses.write_text(original.replace(GLOSS, "SAVED AGAIN"), encoding="utf-8")
    wait_for_count(preview_pdf, built, 3)
    assert count(preview_pdf, "preview: PDF: building") == 3  # one per good check, none for the bad one
    assert "SAVED AGAIN" in " ".join(pdf_text(pdf).split())
    assert not [p for p in (tmp_path / "build").iterdir() if p.name.endswith(".tmp")]


# -- one build at a time: a builder that waits for a gate, run in the real worker process ------------------


def gated_build(edition_dir: Path, build_dir: Path, cache: CheckCache) -> PdfOutcome:
    """Wait until ``build_dir/open`` exists, then log this build and remove the gate."""
    gate = build_dir / "open"
    while not gate.exists():
        time.sleep(0.02)
    with (build_dir / "log").open("a", encoding="utf-8") as log:
        log.write("built\n")
    gate.unlink()
    return PdfOutcome((str(build_dir / "x.pdf"),), 1, (), 0.0)


def dying_build(edition_dir: Path, build_dir: Path, cache: CheckCache) -> PdfOutcome:
    if not (build_dir / "died").exists():
        (build_dir / "died").touch()
        os._exit(3)
    return PdfOutcome((str(build_dir / "x.pdf"),), 1, (), 0.0)


class Statuses:
    def __init__(self) -> None:
        self.seen: list[PdfStatus] = []
        self.changed = threading.Condition()

    def __call__(self, status: PdfStatus) -> None:
        with self.changed:
            self.seen.append(status)
            self.changed.notify_all()

    def wait(self, state: str, n: int) -> None:
        with self.changed:
            assert self.changed.wait_for(lambda: self.states().count(state) >= n, timeout=60), self.states()

    def states(self) -> list[str]:
        return [s.state for s in self.seen]


def test_saves_during_a_build_make_one_more_build_not_a_queue(tmp_path: Path):
    statuses = Statuses()
    builds = PdfBuilds(tmp_path, tmp_path, statuses, build=gated_build)
    try:
        builds.request()
        statuses.wait("building", 1)
        for _ in range(3):  # three saves while the first build runs
            builds.request()
        (tmp_path / "open").touch()
        statuses.wait("building", 2)
        (tmp_path / "open").touch()
        statuses.wait("ready", 2)
        assert builds.builds == 2
        assert (tmp_path / "log").read_text().splitlines() == ["built", "built"]
        assert statuses.states() == ["building", "ready", "building", "ready"]
    finally:
        builds.close()


def test_a_worker_that_dies_is_a_failed_build_and_the_next_request_starts_a_new_one(tmp_path: Path):
    statuses = Statuses()
    builds = PdfBuilds(tmp_path, tmp_path, statuses, build=dying_build)
    try:
        builds.request()
        statuses.wait("failed", 1)
        failed = statuses.seen[-1].outcome
        assert failed is not None and [p.code for p in failed.problems] == ["pdf-build-stopped"]
        assert "exit code 3" in failed.problems[0].message
        builds.request()
        statuses.wait("ready", 1)
    finally:
        builds.close()
