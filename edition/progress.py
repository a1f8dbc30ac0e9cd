"""Build progress on a terminal: one line rewritten in place, silent when output is not a terminal."""

from __future__ import annotations

import sys
import time
from typing import TextIO

from edition.diagnostics import visible


class Progress:
    """Callable ``progress(phase, detail)`` that writers report to; the CLI owns it."""

    def __init__(self, *, enabled: bool, stream: TextIO | None = None):
        self.enabled = enabled
        self.stream = stream or sys.stderr
        self.started = time.perf_counter()
        self._shown = False

    def __call__(self, phase: str, detail: str = "") -> None:
        if not self.enabled:
            return
        elapsed = time.perf_counter() - self.started
        line = visible(f"[{elapsed:5.1f}s] {phase}" + (f": {detail}" if detail else ""))
        self.stream.write("\r\x1b[2K" + line[:120])
        self.stream.flush()
        self._shown = True

    def done(self) -> None:
        if self.enabled and self._shown:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
            self._shown = False
