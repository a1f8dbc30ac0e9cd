"""Pages rendered before, kept by everything they were rendered from: the preview re-renders what changed.

A page of the text or of an essay is rendered from its own part of the model (the section or essay, with
its glosses), its neighbours' titles, and a few things every page shares: the metadata, the labels, where
every id lives (a link from this page to any other), the print pages and the variants. All of these are
frozen values, so together they make a dictionary key; a save that changes one gloss changes one section
and one key. The other pages (contents, index, apparatus lists) draw on the whole book and are always
rendered. ``tests/writers/web/test_web_cache.py`` checks that a build with the cache equals one without.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable


class PageCache:
    """Rendered pages by key, from the last build only (a key that no build asks for again is dropped)."""

    def __init__(self) -> None:
        self._pages: dict[Hashable, bytes] = {}
        self._wanted: dict[Hashable, bytes] = {}
        self._shared: Hashable = None
        self.rendered = 0  # pages rendered in the last build (the others came from the cache)

    def shared(self, inputs: Hashable) -> Hashable:
        """``inputs`` shared by every page, as the same object as last build's when they are equal: then a
        key holding it compares by identity, not item by item for every page (16,000 ids at ×16)."""
        if inputs != self._shared:
            self._shared = inputs
        return self._shared

    def page(self, key: Hashable, render: Callable[[], bytes]) -> bytes:
        data = self._pages.get(key)
        if data is None:
            data = render()
            self.rendered += 1
        self._wanted[key] = data
        return data

    def start(self) -> None:
        """A new build begins: what the previous build asked for is what may be reused."""
        self._pages, self._wanted = self._wanted or self._pages, {}
        self.rendered = 0
