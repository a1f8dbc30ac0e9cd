"""Build progress: one rewritten line on a terminal, nothing at all otherwise."""

from __future__ import annotations

import io

from edition.progress import Progress


def test_disabled_progress_writes_nothing() -> None:
    stream = io.StringIO()
    progress = Progress(enabled=False, stream=stream)
    progress("layout", "38")
    progress.done()
    assert stream.getvalue() == ""


def test_enabled_progress_rewrites_one_line_and_clears_it() -> None:
    stream = io.StringIO()
    progress = Progress(enabled=True, stream=stream)
    progress("layout", "38")
    progress("notes", "55 glosses")
    progress.done()
    out = stream.getvalue()
    assert "layout: 38" in out and "notes: 55 glosses" in out
    assert "\n" not in out
    assert out.endswith("\r\x1b[2K")
