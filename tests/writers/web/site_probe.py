"""Reading a built site back: its pages parsed with lxml, the ids each holds, the links each makes."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import lxml.html
from lxml.html import HtmlElement


@dataclass(frozen=True)
class Site:
    root: Path
    pages: dict[str, HtmlElement]

    def ids(self, name: str) -> list[str]:
        return [str(e.get("id")) for e in self.pages[name].iter() if e.get("id") is not None]

    def internal_links(self) -> list[tuple[str, str, str]]:
        """(page, file, fragment) of every link that stays inside the site."""
        out = []
        for name, tree in self.pages.items():
            for a in tree.iter("a", "link"):
                href = a.get("href")
                if href is None or urlsplit(href).scheme:
                    continue
                file, _, fragment = href.partition("#")
                out.append((name, file or name, fragment))
        return out

    def search_index(self) -> list[list[str]]:
        text = (self.root / "search-index.js").read_text(encoding="utf-8")
        prefix = "window.editionSearchIndex = "
        assert text.startswith(prefix) and text.endswith(";\n")
        return json.loads(text[len(prefix) : -2])


def open_site(root: Path) -> Site:
    pages = {
        path.name: lxml.html.fromstring(path.read_bytes()) for path in sorted(root.glob("*.html"))
    }
    return Site(root, pages)
