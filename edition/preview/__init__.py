"""The editor's live preview: ``edition preview`` serves the web edition and rebuilds it on every save.

The loop: poll the edition folder (``watch``); on a change re-read and re-check the whole edition and, if it
has no errors, rebuild the preview site (``edition.writers.web`` with the reload script), atomically, so the
server never serves half a site; then tell the open pages (``state``, sent by ``server`` as server-sent
events), which reload where they were. Problems are printed in the terminal and shown at the top of the
page; after an error the page keeps showing the last build that worked.
Each save re-checks the whole edition, but from what the last check kept (``edition.check_cache``: the
files whose text did not change are not read again, nor unchanged notes, typography, lemma searches and
citations), and only the pages whose inputs changed are rendered again (``edition.writers.web.cache``).
With ``--pdf`` a good check also starts a full PDF build in a worker process (``pdf``), one at a time.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from edition import diagnostics as diag
from edition.book.labels import Labels
from edition.check_cache import CheckCache
from edition.model import Edition
from edition.preview.passages import passage_of
from edition.preview.pdf import PdfBuilds, PdfOutcome, PdfStatus
from edition.preview.server import PDF_PREFIX, PreviewServer
from edition.preview.state import PdfView, PreviewState, Problem
from edition.preview.watch import Snapshot, changes, snapshot
from edition.writers.web.cache import PageCache

POLL_SECONDS = 0.1
SETTLE_SECONDS = 0.03  # a change is built when the folder has not changed for this long …
SETTLE_MAX_SECONDS = 0.5  # … or after this, if it keeps changing

__all__ = ["Preview", "Rebuilt", "rebuild"]


@dataclass(frozen=True, slots=True)
class Rebuilt:
    built: bool
    problems: tuple[diag.Diagnostic, ...]
    seconds: float
    site: Site | None = None  # what was built (the edition and where each id went), when it worked


@dataclass(frozen=True, slots=True)
class Site:
    edition: Edition
    locations: Mapping[str, str]


def rebuild(
    edition_dir: Path,
    build_dir: Path,
    cache: PageCache | None = None,
    checks: CheckCache | None = None,
) -> Rebuilt:
    """Check the edition and, when it has no errors, rebuild its preview site (with ``cache``: rendering
    again only the pages whose inputs changed; with ``checks``: reusing what the last check kept)."""
    from edition.outputs import OutputError, write_failure
    from edition.resolve import check_edition
    from edition.writers.errors import WriterError
    from edition.writers.web import build_web

    started = time.perf_counter()
    result = check_edition(edition_dir, cache=checks)
    problems = tuple(diag.sort_diagnostics(result.diagnostics))
    if result.edition is None or diag.has_errors(problems):
        return Rebuilt(False, problems, time.perf_counter() - started)
    try:
        built = build_web(result.edition, build_dir, preview=True, cache=cache)
    except WriterError as error:
        return Rebuilt(False, (*problems, *error.diagnostics), time.perf_counter() - started)
    except OutputError as error:  # a full disk, a build folder made read-only: reported, the preview goes on
        failure = write_failure(build_dir, error)
        return Rebuilt(False, (*problems, failure), time.perf_counter() - started)
    site = Site(result.edition, built.locations)
    return Rebuilt(True, (*problems, *built.warnings), time.perf_counter() - started, site)


class Preview:
    """One preview session: the server, the state the pages follow, and the watch loop."""

    def __init__(
        self,
        edition_dir: Path,
        build_dir: Path,
        port: int,
        report: Callable[[str], None],
        *,
        pdf: bool = False,
    ) -> None:
        self.edition_dir = Path(edition_dir)
        self.build_dir = Path(build_dir)
        self.report = report
        self.state = PreviewState()
        self.site: Site | None = None  # the last build that worked
        self.cache = PageCache()
        self.checks = CheckCache()  # this process's, kept from one save to the next
        name = _name(self.edition_dir)
        site = self.build_dir / f"{name}-preview"
        self.pdf_files = {f"{name}.pdf": self.build_dir / f"{name}.pdf"} if pdf else {}
        if pdf:
            self.pdf_files[f"{name}-screen.pdf"] = self.build_dir / f"{name}-screen.pdf"
        self.server = PreviewServer(port, site, self.state, self._placeholder, self.pdf_files)
        self.pdf: PdfBuilds | None = None
        if pdf:
            self.pdf = PdfBuilds(self.edition_dir, self.build_dir, self._pdf_status)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.port}/"

    def run(self, *, stop: Callable[[], bool] = lambda: False) -> None:
        """Build once, serve, then rebuild on every change until interrupted (or ``stop()``)."""
        seen = snapshot(self.edition_dir, skip=self.build_dir)  # before: a save during the build counts
        self._rebuild([])
        self.server.start()
        self.report(f"preview: serving {self.url} (Ctrl-C to stop)")
        try:
            while not stop():
                time.sleep(POLL_SECONDS)
                now = snapshot(self.edition_dir, skip=self.build_dir)
                if changes(seen, now):
                    settled = self._settled(now)
                    self._rebuild(changes(seen, settled))
                    seen = settled
        finally:
            if self.pdf is not None:
                self.pdf.close()
            self.server.stop()

    def _settled(self, now: Snapshot) -> Snapshot:
        """The folder once a save is complete: an editor's write (truncate, then write) or a tool writing
        several files is seen as one change, not as one rebuild per step."""
        deadline = time.monotonic() + SETTLE_MAX_SECONDS
        while time.monotonic() < deadline:
            time.sleep(SETTLE_SECONDS)
            later = snapshot(self.edition_dir, skip=self.build_dir)
            if later == now:
                break
            now = later
        return now

    def _rebuild(self, changed: list[str]) -> None:
        outcome = rebuild(self.edition_dir, self.build_dir, self.cache, self.checks)
        if outcome.site is not None:
            self.site = outcome.site
        problems = tuple(self._problem(problem) for problem in outcome.problems)
        self.state.publish(built=outcome.built, problems=problems)
        if problems:
            self.report("\n".join(diag.visible(problem.text) for problem in problems))
        what = ", ".join(changed[:3]) + (" …" if len(changed) > 3 else "") if changed else "the edition"
        verdict = (
            f"rebuilt ({self.cache.rendered} pages rendered)"
            if outcome.built
            else "not rebuilt (errors above)"
        )
        self.report(
            diag.visible(
                f"preview: {what}: {verdict} in {outcome.seconds:.2f} s, {diag.summary(outcome.problems)}"
            )
        )
        if outcome.built and self.pdf is not None:  # a check with errors starts no PDF build
            self.pdf.request()

    def _pdf_status(self, status: PdfStatus) -> None:
        """A PDF build began or ended (called from the builds' thread): tell the pages and the terminal."""
        self.state.publish_pdf(pdf_view(status, self.pdf_files))
        outcome = status.outcome
        if status.state == "building":
            self.report("preview: PDF: building (a full build)")
        elif outcome is not None and outcome.built:
            self.report(diag.visible(f"preview: PDF: {pdf_summary(outcome)}: {', '.join(outcome.paths)}"))
        elif outcome is not None:
            text = diag.format_text(list(outcome.problems))
            self.report(diag.visible(f"{text}\npreview: PDF: not rebuilt (errors above)"))

    def _problem(self, problem: diag.Diagnostic) -> Problem:
        """The problem as the page shows it: with the passage it concerns, in the last good build."""
        text = diag.format_text([problem])
        if self.site is None:
            return Problem(text)
        sign = book_labels(self.site.edition).paragraph_sign
        passage = passage_of(problem, self.site.edition, self.site.locations, sign)
        return Problem(text) if passage is None else Problem(text, passage.href, passage.label)

    def _placeholder(self) -> bytes:
        from edition.writers.web.render import environment

        page = environment().get_template("web/preview-waiting.html.j2")
        return page.render(problems=[p.text for p in self.state.status.problems]).encode("utf-8")


def pdf_summary(outcome: PdfOutcome) -> str:
    return f"up to date: {outcome.pages} pages, built in {outcome.seconds:.1f} s"


def pdf_view(status: PdfStatus, files: Mapping[str, Path]) -> PdfView:
    """What the page shows of the PDF: its state, and links once a build has worked (the file stays)."""
    links = tuple(
        (("screen PDF" if name.endswith("-screen.pdf") else "print PDF"), f"{PDF_PREFIX}{name}")
        for name, path in files.items()
        if path.is_file()
    )
    outcome = status.outcome
    if status.state == "building":
        return PdfView("building", "PDF: building (a full build) …", links)
    if outcome is not None and outcome.built:
        return PdfView("ready", f"PDF {pdf_summary(outcome)}", links)
    text = diag.format_text(list(outcome.problems)) if outcome is not None else ""
    return PdfView("failed", f"PDF not rebuilt (the last one that worked is linked):\n{text}", links)


def book_labels(edition: Edition) -> Labels:
    from edition.book.labels import labels_for

    return labels_for(edition.metadata.language, dict(edition.labels))


def _name(edition_dir: Path) -> str:
    """The edition's name as the writers use it (``Edition.name``): its folder's name."""
    return Path(edition_dir).resolve().name
