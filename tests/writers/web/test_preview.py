"""``edition preview``: a real server in a subprocess, a real page in chromium, a real save in the folder."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import expect

from edition.model import iter_paragraphs
from edition.preview.server import resolve_in
from edition.preview.watch import changes, snapshot
from tests.conftest import copy_mini

from .browser import DESKTOP, chromium, open_page

GLOSS = "Trotsky's analysis of the Soviet Union, written in 1936"


@dataclass
class Running:
    process: subprocess.Popen[str]
    url: str
    lines: list[str] = field(default_factory=list)

    def wait_for_line(self, pattern: str, timeout: float = 10) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in list(self.lines):
                if re.search(pattern, line):
                    return line
            time.sleep(0.05)
        raise AssertionError(f"no line matching {pattern!r} in {self.lines}")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[Running]:
    with _start(copy_mini(tmp_path), tmp_path) as running:
        yield running


@contextmanager
def _start(edition: Path, tmp_path: Path) -> Iterator[Running]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "edition.cli", "preview", str(edition), "--port", str(port),
         "--build-dir", str(tmp_path / "build")],
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


def status(url: str, host: str | None = None) -> int:
    request = urllib.request.Request(url, headers={"Host": host} if host else {})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


@pytest.mark.slow
def test_a_saved_gloss_shows_in_the_open_page_where_the_reader_was(preview: Running, tmp_path: Path):
    glosses = tmp_path / "mini" / "apparatus" / "glosses.yaml"
    with chromium() as browser, open_page(browser, preview.url + "sec-1.html", DESKTOP) as opened:
        page = opened.page
        page.set_viewport_size({"width": DESKTOP, "height": 250})  # short: there is room to scroll
        room = page.evaluate("document.documentElement.scrollHeight - innerHeight")
        assert room > 100
        page.evaluate(f"window.scrollTo(0, {room // 2})")
        page.wait_for_timeout(300)  # the event stream is open
        before = page.evaluate("window.scrollY")
        assert before == room // 2
        glosses.write_text(glosses.read_text().replace(GLOSS, "A NEW GLOSS, saved"), encoding="utf-8")
        saved = time.monotonic()
        note = page.locator("#gloss-revolution-betrayed")
        expect(note).to_contain_text("A NEW GLOSS", timeout=5000)
        expect(note).to_be_visible()
        seconds = time.monotonic() - saved
        page.wait_for_timeout(200)
        assert page.evaluate("window.scrollY") == before, "the page kept its place"
        preview.wait_for_line(r"apparatus/glosses\.yaml: rebuilt")
        print(f"save to page: {seconds:.2f} s")

        # A lemma that no longer matches: the problem is shown at the top and beside its passage.
        glosses.write_text(
            glosses.read_text().replace("lemma: The Revolution Betrayed", "lemma: The Revolution Betrayd")
        )
        here = page.locator(".edition-preview-here")
        expect(here).to_contain_text("[lemma-not-found]", timeout=5000)
        assert here.evaluate("e => e.nextElementSibling.id") == "p-1"
        expect(page.locator("#edition-preview-problems a")).to_have_attribute("href", "sec-1.html#p-1")

        glosses.write_text("glosses:\n  - lemma: [\n", encoding="utf-8")  # broken YAML
        banner = page.locator("#edition-preview-problems")
        expect(banner).to_contain_text("glosses.yaml", timeout=5000)
        expect(note).to_contain_text("A NEW GLOSS")  # the page keeps the last build that worked
        preview.wait_for_line(r"glosses\.yaml:\d+:\d+: error")
        preview.wait_for_line(r"not rebuilt")

        glosses.write_text((Path(__file__).parents[2] / "fixtures/mini/apparatus/glosses.yaml").read_text())
        expect(banner).to_have_count(0, timeout=5000)
        expect(page.locator("#gloss-revolution-betrayed")).to_contain_text(GLOSS)
        # Reloading ends the page's own event stream: the one failure that is expected.
        aborted = re.compile(r"request failed: \S+/_preview/events net::ERR_ABORTED$")
        assert [p for p in opened.problems if not aborted.match(p)] == []


@pytest.mark.slow
def test_the_server_serves_nothing_outside_the_build_and_only_to_127_0_0_1(preview: Running, tmp_path: Path):
    assert status(preview.url + "sec-1.html") == 200
    assert status(preview.url) == 200
    (tmp_path / "secret.txt").write_text("not for the web")
    for path in ("../secret.txt", "%2e%2e/secret.txt", "..%2fsecret.txt", "/etc/passwd", "build/",
                 "nothing.html", "%00"):  # fmt: skip
        assert status(preview.url + path) == 404, path
    assert status(preview.url + "sec-1.html", host="attacker.example") == 403


@pytest.mark.slow
def test_before_any_good_build_the_problems_are_served_until_the_edition_checks(tmp_path: Path):
    edition = copy_mini(tmp_path)
    glosses = edition / "apparatus" / "glosses.yaml"
    good = glosses.read_text()
    glosses.write_text("glosses: [\n")
    with _start(edition, tmp_path) as running:
        running.wait_for_line(r"glosses\.yaml:\d+:\d+: error")
        with urllib.request.urlopen(running.url, timeout=5) as response:
            page = response.read().decode()
        assert "No build yet" in page and "glosses.yaml" in page and 'http-equiv="refresh"' in page
        assert status(running.url + "sec-1.html") == 404
        glosses.write_text(good)
        running.wait_for_line(r"glosses\.yaml: rebuilt")
        with urllib.request.urlopen(running.url, timeout=5) as response:
            assert "ed.toc" in response.read().decode()  # the site's own home page


def test_a_problem_is_placed_at_the_passage_of_its_entry_in_the_last_good_build(tmp_path: Path):
    from edition.diagnostics import Diagnostic
    from edition.preview.passages import passage_of
    from edition.resolve import check_edition
    from edition.writers.web import build_web

    root = copy_mini(tmp_path)
    edition = check_edition(root).edition
    assert edition is not None
    locations = build_web(edition, tmp_path / "build").locations
    gloss = next(g for g in edition.glosses if g.element_id == "gloss-left-opposition")

    def at(path: str, line: int) -> str | None:
        problem = Diagnostic(path, line, 5, "error", "lemma-not-found", "…")
        passage = passage_of(problem, edition, locations, "§")
        return None if passage is None else f"{passage.href} {passage.label}"

    assert gloss.origin.path == "apparatus/glosses.yaml"
    paragraph = next(p for p in iter_paragraphs(edition.sections) if p.number == gloss.lemma.paragraph)
    expected = f"{locations[paragraph.element_id]}#{paragraph.element_id} §\u00a0{paragraph.number}"
    assert at("apparatus/glosses.yaml", gloss.origin.line + 1) == expected  # its lemma line
    assert at("apparatus/glosses.yaml", 1) is None  # "glosses:": no entry
    assert at("bibliography.yaml", 3) is None
    second = [p for p in iter_paragraphs(edition.sections)][1]
    text_problem = at(second.origin.path, second.origin.line)
    assert (
        text_problem is not None
        and text_problem.startswith("sec-")
        and f"#{second.element_id} " in text_problem
    )


def test_resolve_in_keeps_to_the_folder(tmp_path: Path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("home")
    (site / "a.css").write_text("a")
    (tmp_path / "outside.txt").write_text("no")
    (site / "link.txt").symlink_to(tmp_path / "outside.txt")
    assert resolve_in(site, "/") == (site / "index.html").resolve()
    assert resolve_in(site, "/a.css?v=1") == (site / "a.css").resolve()
    for path in ("/../outside.txt", "/%2E%2E/outside.txt", "/link.txt", "/missing", "/a.css%00", "/..\\x"):
        assert resolve_in(site, path) is None, path


def test_snapshot_sees_edits_additions_and_removals_but_not_hidden_files(tmp_path: Path):
    root = copy_mini(tmp_path)
    before = snapshot(root)
    assert "edition.yaml" in before and "apparatus/glosses.yaml" in before
    time.sleep(0.01)
    (root / "apparatus" / "glosses.yaml").write_text("glosses: []\n")
    (root / "new.md").write_text("x")
    (root / "text" / "article.md").unlink()
    (root / ".swap").write_text("editor")
    (root / ".git").mkdir()
    (root / ".git" / "HEAD").write_text("x")
    assert changes(before, snapshot(root)) == ["apparatus/glosses.yaml", "new.md", "text/article.md"]


def test_a_port_in_use_or_out_of_range_is_a_message_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    from edition.cli import main

    edition = copy_mini(tmp_path)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["preview", str(edition), "--port", str(port), "--build-dir", str(tmp_path / "b")]) == 1
    assert f"cannot listen on 127.0.0.1:{port}" in capsys.readouterr().err
    assert main(["preview", str(edition), "--port", "70000"]) == 2
    assert "is not a port" in capsys.readouterr().err
