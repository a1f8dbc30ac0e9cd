"""``edition preview --pdf``: the print PDF kept up to date in the background, in a child process.

After every good check the preview asks for a PDF (``PdfBuilds.request``). One build runs at a time, in a
worker process of its own (WeasyPrint sets process-wide state and takes seconds: never in the server's
process); a request during a build is kept, once, and built when the build ends, so a burst of saves costs
one more build, not a queue. The worker checks the edition folder itself, with its own ``CheckCache``
(handing it the preview's model would cost more: pickling the model of a ×16 edition takes 2 s), so it
builds the files as they are when its build begins, and reports their problems if they no longer check.

It writes ``<name>.pdf`` and ``<name>-screen.pdf`` into the build folder as ``edition build --format pdf``
does, both at once (staged, then renamed), so a reader never opens half a file. Each build is a full build:
there is no section cache yet, so it takes as long as ``edition build --format pdf`` (≈2 s for the 38 pages
of the default edition, ≈28 s for the 304 pages at ×16: docs/performance.md). The worker stays alive
between builds (WeasyPrint is imported once); if it dies, that build is reported failed and the next
request starts a new worker.
"""

from __future__ import annotations

import multiprocessing
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Literal

from edition import diagnostics as diag
from edition.check_cache import CheckCache

PdfState = Literal["building", "ready", "failed"]
Builder = Callable[[Path, Path, CheckCache], "PdfOutcome"]

__all__ = ["PdfBuilds", "PdfOutcome", "PdfStatus", "build_in_worker"]


@dataclass(frozen=True, slots=True)
class PdfOutcome:
    """What one build in the worker gave: the files and their pages, or the problems that stopped it."""

    paths: tuple[str, ...]
    pages: int
    problems: tuple[diag.Diagnostic, ...]  # warnings when it worked, the errors when it did not
    seconds: float

    @property
    def built(self) -> bool:
        return bool(self.paths)


@dataclass(frozen=True, slots=True)
class PdfStatus:
    """What the page shows of the PDF: building, up to date (``ready``) or failed, with the last outcome."""

    state: PdfState
    outcome: PdfOutcome | None = None  # the last build that finished


def build_in_worker(edition_dir: Path, build_dir: Path, cache: CheckCache) -> PdfOutcome:
    """Check the edition and build its PDFs (print and screen, staged and committed together), in full;
    run in the worker process."""
    from edition.outputs import OutputError, OutputTransaction, write_failure
    from edition.resolve import check_edition
    from edition.writers.errors import WriterError
    from edition.writers.pdf import build_pdf

    started = time.perf_counter()
    checked = check_edition(edition_dir, cache=cache)
    problems = tuple(diag.sort_diagnostics(checked.diagnostics))
    if checked.edition is None or diag.has_errors(problems):
        return PdfOutcome((), 0, problems, time.perf_counter() - started)
    edition = checked.edition
    try:
        with OutputTransaction() as staged:
            result = build_pdf(edition, build_dir, outputs=staged)
            staged.commit()
    except WriterError as error:
        return PdfOutcome((), 0, (*problems, *error.diagnostics), time.perf_counter() - started)
    except OutputError as error:
        failure = write_failure(build_dir, error)
        return PdfOutcome((), 0, (*problems, failure), time.perf_counter() - started)
    return PdfOutcome(
        tuple(str(path) for path in result.paths),
        result.page_count,
        (*problems, *result.warnings),
        time.perf_counter() - started,
    )


def _serve(connection: Connection, build: Builder) -> None:
    """The worker's loop: (edition folder, build folder) in, an outcome out, until told to stop (None).

    SIGTERM (the preview stopping) ends a build as an exception would, so its staged files are removed.
    """
    signal.signal(signal.SIGTERM, _stop)
    cache = CheckCache()
    while True:
        try:
            job = connection.recv()
        except EOFError:
            return
        if job is None:
            return
        edition_dir, build_dir = job
        outcome = build(edition_dir, build_dir, cache)
        try:
            connection.send(outcome)
        except OSError:  # the preview ended without stopping us (killed): nobody to tell
            return


def _stop(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


class PdfBuilds:
    """The background PDF builds of one preview session.

    ``publish`` is called with every new status (from the builds' thread). ``build`` is the function the
    worker runs (a module-level function, so the worker process can import it).
    """

    def __init__(
        self,
        edition_dir: Path,
        build_dir: Path,
        publish: Callable[[PdfStatus], None],
        build: Builder = build_in_worker,
    ) -> None:
        self.edition_dir = Path(edition_dir)
        self.build_dir = Path(build_dir)
        self._publish = publish
        self._build = build
        self._wanted = False
        self._closed = False
        self._changed = threading.Condition()
        self._worker: BaseProcess | None = None
        self._connection: Connection | None = None
        self.builds = 0  # builds started, for the terminal and the tests
        self._last: PdfOutcome | None = None
        self._thread = threading.Thread(target=self._run, name="preview-pdf", daemon=True)
        self._thread.start()

    def request(self) -> None:
        """Build the PDF as soon as no build is running (once, however often asked meanwhile)."""
        with self._changed:
            self._wanted = True
            self._changed.notify_all()

    def close(self) -> None:
        """Stop: a build under way is abandoned (its staged files are never committed)."""
        with self._changed:
            self._closed = True
            self._changed.notify_all()
        self._stop_worker()
        self._thread.join(timeout=5)

    def _run(self) -> None:
        while True:
            with self._changed:
                self._changed.wait_for(lambda: self._closed or self._wanted)
                if self._closed:
                    return
                self._wanted = False
                self.builds += 1
            self._publish(PdfStatus("building", self._last))
            outcome = self._in_worker()
            if outcome is None:  # closing
                return
            self._last = outcome
            self._publish(PdfStatus("ready" if outcome.built else "failed", outcome))

    def _in_worker(self) -> PdfOutcome | None:
        started = time.perf_counter()
        connection = self._connect()
        try:
            connection.send((self.edition_dir, self.build_dir))
            outcome: PdfOutcome = connection.recv()
        except (EOFError, OSError):
            with self._changed:
                if self._closed:
                    return None
            worker = self._worker
            if worker is not None:
                worker.join(timeout=5)
            code = worker.exitcode if worker is not None else None
            self._stop_worker()
            problem = diag.Diagnostic(
                str(self.build_dir),
                1,
                1,
                "error",
                "pdf-build-stopped",
                f"the PDF build stopped before it finished (its process ended, exit code {code})",
                "the preview starts a new one on the next save; `edition build --format pdf` shows the cause",
            )
            return PdfOutcome((), 0, (problem,), time.perf_counter() - started)
        return outcome

    def _connect(self) -> Connection:
        if self._connection is not None and self._worker is not None and self._worker.is_alive():
            return self._connection
        self._stop_worker()
        context = multiprocessing.get_context("spawn")  # a fresh interpreter: no server threads, no locks
        ours, theirs = context.Pipe()
        worker = context.Process(target=_serve, args=(theirs, self._build), name="edition-preview-pdf")
        worker.daemon = True
        worker.start()
        theirs.close()
        self._worker, self._connection = worker, ours
        return ours

    def _stop_worker(self) -> None:
        worker, connection = self._worker, self._connection
        self._worker = self._connection = None
        if connection is not None:
            connection.close()
        if worker is not None:
            if worker.is_alive():
                worker.terminate()
            worker.join(timeout=5)
