"""Timing a command as a child process: its wall time and the peak memory of its largest process.

``os.wait4`` gives the resources of that one child (and of the descendants it waited for), so a benchmark
that runs two tools in turn reads each one's peak apart; ``RUSAGE_CHILDREN`` would mix them.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mb: float  # the largest resident set (10⁶ bytes) of the command or of any process it waited for
    output: str  # stdout and stderr, interleaved


def run_timed(
    command: Sequence[str], *, cwd: Path | None = None, env: Mapping[str, str] | None = None
) -> Run:
    """Run ``command`` to the end; raise CalledProcessError (with its output) if it fails."""
    with tempfile.TemporaryFile() as log:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        output = log.read().decode("utf-8", errors="replace")
    if process.returncode != 0:
        raise subprocess.CalledProcessError(process.returncode, list(command), output)
    return Run(seconds, usage.ru_maxrss * 1024 / 1e6, output)  # Linux gives ru_maxrss in KiB
