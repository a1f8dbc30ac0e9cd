"""The XHTML drawn by headless Chromium in light and dark mode: the page follows the mode, no link turns blue.

The colour tests compute contrast from the stylesheet; this draws the real files, so a rule that never
applies (a wrong selector, a colour the browser adds by default) shows up. Chromium is installed by
``scripts/setup-system``; run as root, it needs ``--no-sandbox``.
"""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from .ace import CHROMIUM

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--window-size=700,1000",
]
DARK = ["--force-dark-mode", "--blink-settings=preferredColorScheme=0"]


def screenshot(page: Path, out: Path, dark: bool) -> Image.Image:
    command = [str(CHROMIUM), *FLAGS, *(DARK if dark else []), f"--user-data-dir={out.parent / 'profile'}"]
    subprocess.run(
        [*command, f"--screenshot={out}", page.as_uri()], capture_output=True, check=True, timeout=120
    )
    return Image.open(out).convert("RGB")


def pixels(image: Image.Image) -> list[tuple[int, int, int]]:
    data = image.tobytes()
    return list(zip(data[0::3], data[1::3], data[2::3], strict=True))


def bluish(image: Image.Image) -> int:
    """Pixels where blue clearly dominates: the default link colours (#0000ee, #551a8b) and their blends."""
    return sum(1 for r, g, b in pixels(image) if b > r + 60 and b > g + 60)


@pytest.fixture(scope="module")
def section(sample_build, tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not CHROMIUM.exists():
        pytest.fail("chromium is missing: scripts/setup-system installs it")
    out = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(sample_build.path) as archive:
        archive.extractall(out)
    return out / "EPUB" / "sec-1.xhtml"  # glosses, an author's note, § numbers, links


@pytest.mark.slow
@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_section_page_follows_the_mode_and_has_no_blue_links(section: Path, tmp_path: Path, dark: bool):
    image = screenshot(section, tmp_path / "page.png", dark)
    background = image.getpixel((2, image.size[1] - 2))
    assert (max(background) < 40) if dark else (min(background) > 240), background
    assert bluish(image) == 0
    text = [p for p in pixels(image) if abs(sum(p) - sum(background)) > 300]
    assert len(text) > 1000, "the text is drawn, in a colour far from the page's"
