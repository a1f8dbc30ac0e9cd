"""What the open pages are told: the number of the last good build, the problems of the last check, and
(with ``--pdf``) how the background PDF build stands.

Shared between the watcher (which writes it after every rebuild) and the server's event streams (which
wait for it to change). One lock and one condition; the values themselves are immutable.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, replace


@dataclass(frozen=True, slots=True)
class Problem:
    text: str  # as the terminal prints it
    href: str | None = None  # the passage it concerns (page#id), when known
    where: str | None = None  # that passage's name ("§ 12")


@dataclass(frozen=True, slots=True)
class PdfView:
    """The PDF as the page shows it (``edition preview --pdf``): building, ready or failed."""

    state: str  # "building" | "ready" | "failed"
    text: str  # what the page says: "up to date: 18 pages, built in 3.1 s", or the problems
    links: tuple[tuple[str, str], ...] = ()  # (words, href) of the PDFs, once one was built


@dataclass(frozen=True, slots=True)
class Status:
    version: int  # increases with every build that worked: the pages reload when it changes
    problems: tuple[Problem, ...]  # the last check's diagnostics
    pdf: PdfView | None = None  # with --pdf: the background PDF build (a change reloads no page)

    def as_json(self) -> str:
        problems = [{"text": p.text, "href": p.href, "where": p.where} for p in self.problems]
        data: dict[str, object] = {"version": self.version, "problems": problems}
        if self.pdf is not None:
            links = [{"text": text, "href": href} for text, href in self.pdf.links]
            data["pdf"] = {"state": self.pdf.state, "text": self.pdf.text, "links": links}
        return json.dumps(data, ensure_ascii=False)


class PreviewState:
    def __init__(self) -> None:
        self._status = Status(0, ())
        self._changed = threading.Condition()
        self._closed = False

    @property
    def status(self) -> Status:
        with self._changed:
            return self._status

    def publish(self, *, built: bool, problems: tuple[Problem, ...]) -> Status:
        with self._changed:
            version = self._status.version + (1 if built else 0)
            self._status = Status(version, problems, self._status.pdf)
            self._changed.notify_all()
            return self._status

    def publish_pdf(self, pdf: PdfView) -> Status:
        with self._changed:
            self._status = replace(self._status, pdf=pdf)
            self._changed.notify_all()
            return self._status

    def wait(self, seen: Status, timeout: float) -> Status | None:
        """The status once it differs from ``seen`` (None on timeout or when closing)."""
        with self._changed:
            self._changed.wait_for(lambda: self._closed or self._status != seen, timeout)
            return None if self._closed or self._status == seen else self._status

    def close(self) -> None:
        with self._changed:
            self._closed = True
            self._changed.notify_all()

    @property
    def closed(self) -> bool:
        with self._changed:
            return self._closed
