"""The print page of each element id, read from the page map the last PDF build left in the build folder.

The PDF build writes ``<name>-pages.json`` beside the PDFs (``edition.writers.pdf.pages``): the 0-based page
index of every printed id and the page on which the text starts (front matter is numbered in roman, the text
in arabic from 1). Read here without importing the PDF writer (and WeasyPrint with it), so a web build stays
quick. The map is as fresh as the last PDF build: the web edition says whose pages it shows.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

_ROMAN = (
    ("m", 1000), ("cm", 900), ("d", 500), ("cd", 400), ("c", 100), ("xc", 90), ("l", 50),
    ("xl", 40), ("x", 10), ("ix", 9), ("v", 5), ("iv", 4), ("i", 1),
)  # fmt: skip


def load_page_labels(path: Path) -> Mapping[str, str] | None:
    """Element id -> printed page label, or None when there is no readable page map at ``path``."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        text_start = int(data["text_start"])
        page_of = {str(key): int(value) for key, value in data["page_of"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    return {key: page_label(index, text_start) for key, index in page_of.items()}


def page_label(index: int, text_start: int) -> str:
    """The printed label of the page at 0-based ``index``: roman before the text, arabic from 1 after."""
    if index >= text_start:
        return str(index - text_start + 1)
    number, out = index + 1, []
    for numeral, value in _ROMAN:
        count, number = divmod(number, value)
        out.append(numeral * count)
    return "".join(out)
