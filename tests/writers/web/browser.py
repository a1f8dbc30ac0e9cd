"""Playwright driving Debian's chromium (Playwright's own browser download cannot work here).

Run as root, headless chromium needs ``--no-sandbox``. Every page opened through :func:`open_page` records
console errors, uncaught exceptions and failed requests, so a test can assert there were none.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
PHONE = 390
DESKTOP = 1280

try:
    from playwright.sync_api import Browser, Page, sync_playwright
except ImportError:  # pragma: no cover - the test extras install it
    sync_playwright = None  # type: ignore[assignment]


@dataclass
class Opened:
    page: Page
    problems: list[str] = field(default_factory=list)


@contextmanager
def chromium() -> Iterator[Browser]:
    if sync_playwright is None:
        pytest.fail("playwright is missing: pip install -e '.[test]'")
    if not CHROMIUM.exists():
        pytest.fail("chromium is missing: scripts/setup-system installs it")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def open_page(
    browser: Browser, url: str, width: int, *, javascript: bool = True, scheme: str = "light"
) -> Iterator[Opened]:
    context = browser.new_context(
        viewport={"width": width, "height": 900},
        java_script_enabled=javascript,
        color_scheme=scheme,  # type: ignore[arg-type]
    )
    page = context.new_page()
    opened = Opened(page)
    page.on("console", lambda m: opened.problems.append(f"console: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: opened.problems.append(f"exception: {e}"))
    page.on("requestfailed", lambda r: opened.problems.append(f"request failed: {r.url} {r.failure}"))
    try:
        page.goto(url)
        yield opened
    finally:
        context.close()


def boxes(page: Page, selector: str) -> list[dict[str, float]]:
    """The border boxes of every element matching ``selector``, in document coordinates."""
    return page.eval_on_selector_all(
        selector,
        """els => els.map(e => { const r = e.getBoundingClientRect();
            return {top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left, right: r.right,
                    width: r.width, height: r.height}; })""",
    )


def overlap(a: dict[str, float], b: dict[str, float]) -> bool:
    across = a["left"] < b["right"] and b["left"] < a["right"]
    return across and a["top"] < b["bottom"] and b["top"] < a["bottom"]
