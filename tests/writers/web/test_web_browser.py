"""The web edition in a real browser (Debian's chromium through Playwright), at phone and desktop widths.

Side notes: in the margin at 1280 px, none overlapping another or the text, none above its marker; at 390 px
closed until their number is followed, then open in place, with or without JavaScript. Links and search work,
no page logs an error, the keyboard reaches the text, light and dark mode keep 4.5:1 contrast. Screenshots
of each case are written to ``$WEB_SCREENSHOTS`` (default: a temporary folder) to be looked at.
"""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from edition.model import Edition
from edition.writers.web import WebBuildResult

from .browser import DESKTOP, PHONE, boxes, chromium, open_page, overlap

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as running:
        yield running


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = os.environ.get("WEB_SCREENSHOTS")
    folder = Path(where) if where else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def url(site: WebBuildResult, name: str) -> str:
    return (site.path / name).as_uri()


def section_pages(site: WebBuildResult) -> list[str]:
    return sorted((p.name for p in site.path.glob("sec-*.html")), key=lambda n: int(n[4:-5]))


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
def test_no_page_logs_an_error(browser: Browser, default_site: WebBuildResult, width: int):
    for page in sorted(p.name for p in default_site.path.glob("*.html")):
        with open_page(browser, url(default_site, page), width) as opened:
            opened.page.wait_for_load_state("load")
            assert opened.problems == [], page


def test_side_notes_sit_in_the_margin_and_never_overlap(
    browser: Browser, default_site: WebBuildResult, default_edition: Edition, shots: Path
):
    seen = 0
    for name in section_pages(default_site):
        with open_page(browser, url(default_site, name), DESKTOP) as opened:
            page = opened.page
            notes = boxes(page, ".sidenote")
            markers = boxes(page, ".gloss-ref")
            text = boxes(page, ".column p")
            page.screenshot(path=shots / f"desktop-{name}.png", full_page=True)
            assert len(notes) == len(markers)
            seen += len(notes)
            column_right = max(box["right"] for box in text)
            for note, marker in zip(notes, markers, strict=True):
                assert note["height"] > 10 and note["width"] > 150, "visible, and wide enough to read"
                assert note["left"] >= column_right + 8, "in the margin, clear of the text"
                assert note["right"] <= DESKTOP, "on the screen"
                assert note["top"] >= marker["top"] - 12, "never above its marker's line"
            for i, a in enumerate(notes):
                for b in notes[i + 1 :]:
                    assert not overlap(a, b), (name, a, b)
            for a, b in itertools.pairwise(notes):
                assert b["top"] >= a["bottom"], "stacked in text order"
    assert seen == len(default_edition.glosses)


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_on_a_phone_a_note_opens_in_place_and_closes_again(
    browser: Browser, default_site: WebBuildResult, shots: Path, javascript: bool
):
    with open_page(browser, url(default_site, "sec-2.html"), PHONE, javascript=javascript) as opened:
        page = opened.page
        notes = page.locator(".sidenote")
        assert notes.count() > 3
        for i in range(notes.count()):
            expect(notes.nth(i)).to_be_hidden()
        marker = page.locator(".gloss-ref").nth(1)
        marker.click()
        note = notes.nth(1)
        expect(note).to_be_visible()
        note_box, marker_box = note.bounding_box(), marker.bounding_box()
        assert note_box is not None and marker_box is not None
        assert note_box["y"] > marker_box["y"], "opens below its marker, in the text"
        assert note_box["x"] >= 0 and note_box["x"] + note_box["width"] <= PHONE
        expect(notes.nth(0)).to_be_hidden()
        page.screenshot(path=shots / f"phone-open-{'js' if javascript else 'nojs'}.png")
        note.locator(".note-number").click()
        expect(note).to_be_hidden()
        assert opened.problems == []


def test_cross_references_and_emendations_are_links_that_arrive(
    browser: Browser, default_site: WebBuildResult
):
    with open_page(browser, url(default_site, "sec-1.html"), DESKTOP) as opened:
        page = opened.page
        link = page.locator(".sidenote a.page-ref").first
        href = link.get_attribute("href")
        assert href is not None
        link.click()
        fragment = href.partition("#")[2]
        page.wait_for_url(re.compile(re.escape("#" + fragment) + "$"))
        expect(page.locator(f"[id='{fragment}']")).to_be_in_viewport()
    with open_page(browser, url(default_site, "textual-notes.html"), PHONE) as opened:
        page = opened.page
        back = page.locator("ol.apparatus .note-number").first
        target = (back.get_attribute("href") or "").partition("#")
        back.click()
        page.wait_for_url(re.compile(re.escape(target[0]) + "#"))
        expect(page.locator(f"[id='{target[2]}']")).to_be_in_viewport()
        emended = page.locator(f"[id='{target[2]}']")
        assert emended.get_attribute("class") == "emended"
        emended.click()
        page.wait_for_url(re.compile(r"textual-notes\.html#"))


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
def test_search_finds_text_and_notes_and_leads_there(
    browser: Browser, default_site: WebBuildResult, shots: Path, width: int
):
    with open_page(browser, url(default_site, "sec-3.html"), width) as opened:
        page = opened.page
        page.fill("#site-q", "Moscow Trials")
        page.press("#site-q", "Enter")
        page.wait_for_url(re.compile(r"search\.html\?q=Moscow\+Trials"))
        results = page.locator("#search-results li a")
        expect(results.first).to_be_visible()
        labels = results.all_inner_texts()
        assert any("§" in label for label in labels) and any("Gloss" in label for label in labels)
        page.screenshot(path=shots / f"search-{width}.png")
        note = next(i for i, label in enumerate(labels) if "Gloss" in label)
        href = results.nth(note).get_attribute("href") or ""
        results.nth(note).click()
        fragment = href.partition("#")[2]
        page.wait_for_url(re.compile(re.escape(fragment) + "$"))
        expect(page.locator(f"[id='{fragment}']")).to_be_visible()  # on a phone too: the note opens
        page.go_back()
        page.fill("#q", "xyzzy-not-in-the-book")
        expect(page.locator("#search-status")).to_have_text("Nothing found.")
        page.fill("#q", "bolsheviks")  # case and accents ignored
        expect(results.first).to_be_visible()
        assert opened.problems == []


def test_readable_without_javascript(browser: Browser, default_site: WebBuildResult, shots: Path):
    with open_page(browser, url(default_site, "sec-1.html"), PHONE, javascript=False) as opened:
        page = opened.page
        expect(page.locator("main p").first).to_be_visible()
        assert len(page.locator("main").inner_text()) > 1000
        page.screenshot(path=shots / "phone-nojs.png")
    with open_page(browser, url(default_site, "search.html"), DESKTOP, javascript=False) as opened:
        expect(opened.page.locator(".needs-js")).to_be_visible()


def test_the_keyboard_skips_to_the_text(browser: Browser, default_site: WebBuildResult):
    with open_page(browser, url(default_site, "sec-1.html"), DESKTOP) as opened:
        page = opened.page
        page.keyboard.press("Tab")
        skip = page.locator("a.skip")
        expect(skip).to_be_focused()
        expect(skip).to_be_in_viewport()
        page.keyboard.press("Enter")
        expect(page.locator("main")).to_be_focused()
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.closest('main') !== null")
        assert focused, "the next stop is in the text"
        assert page.locator("header.site").get_attribute("role") == "banner"
        assert page.locator("main").count() == 1 and page.locator("footer nav").count() == 1


def _luminance(rgb: tuple[float, ...]) -> float:
    def channel(c: float) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _rgb(css: str) -> tuple[float, ...]:
    values = tuple(float(v) for v in re.findall(r"[\d.]+", css))
    assert len(values) == 3 or values[3] == 1, f"opaque colours only: {css}"
    return values[:3]


def contrast(fg: str, bg: str) -> float:
    a, b = sorted((_luminance(_rgb(fg)), _luminance(_rgb(bg))), reverse=True)
    return (a + 0.05) / (b + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_kind_of_text_has_4_5_to_1_contrast(
    browser: Browser, default_site: WebBuildResult, shots: Path, scheme: str
):
    from edition.writers.web.render import environment  # noqa: F401 (the site is built by the fixture)

    selectors = [
        "main p", ".pnum", ".gloss-ref", ".sidenote", ".sidenote .lemma", ".note-number", "a.citation",
        "a.page-ref", ".emended", "header.site a", "footer.site a", "footer.site", "#site-q",
    ]  # fmt: skip
    with open_page(browser, url(default_site, "sec-1.html"), DESKTOP, scheme=scheme) as opened:
        page = opened.page
        background = page.evaluate("getComputedStyle(document.documentElement).backgroundColor")
        page.screenshot(path=shots / f"desktop-{scheme}.png")
        for selector in selectors:
            if page.locator(selector).count() == 0:
                continue
            colour = page.eval_on_selector(selector, "e => getComputedStyle(e).color")
            ratio = contrast(colour, background)
            assert ratio >= 4.5, (scheme, selector, colour, background, round(ratio, 2))
        if scheme == "dark":
            assert _luminance(_rgb(background)) < 0.05


AXE = Path(__file__).resolve().parents[3] / "tools/ace/node_modules/@daisy/axe-core-for-ace/axe.min.js"
AXE_RUN = """async () => {
    const result = await axe.run(document, {runOnly: {type: "tag",
        values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}});
    return result.violations.map(
        v => `${v.id} (${v.impact}): ${v.nodes.map(n => n.target.join(" ")).join(", ")}`);
}"""


def _axe(page) -> list[str]:
    if not AXE.exists():
        pytest.fail("axe-core is missing: make setup installs DAISY Ace (tools/ace), which bundles it")
    page.add_script_tag(path=str(AXE))
    return page.evaluate(AXE_RUN)


def test_axe_finds_nothing_on_any_page(browser: Browser, default_site: WebBuildResult):
    """axe-core (the copy DAISY Ace bundles): WCAG 2.1 A and AA rules and best practices, every page at
    1280 px in light mode, the text and apparatus pages at 390 px in dark mode too."""
    with open_page(browser, url(default_site, "sec-1.html"), DESKTOP) as opened:  # the harness can fail
        opened.page.evaluate("document.querySelector('main p').append(document.createElement('img'))")
        assert any(v.startswith("image-alt") for v in _axe(opened.page))
    cases = [(p.name, DESKTOP, "light") for p in sorted(default_site.path.glob("*.html"))]
    cases += [(name, PHONE, "dark") for name in ("sec-1.html", "textual-notes.html", "search.html")]
    for name, width, scheme in cases:
        with open_page(browser, url(default_site, name), width, scheme=scheme) as opened:
            assert _axe(opened.page) == [], (name, width, scheme)
