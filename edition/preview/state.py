"""What the open pages are told: the number of the last good build and the problems of the last check.

Shared between the watcher (which writes it after every rebuild) and the server's event streams (which
wait for it to change). One lock and one condition; the values themselves are immutable.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    text: str  # as the terminal prints it
    href: str | None = None  # the passage it concerns (page#id), when known
    where: str | None = None  # that passage's name ("§ 12")


@dataclass(frozen=True, slots=True)
class Status:
    version: int  # increases with every build that worked: the pages reload when it changes
    problems: tuple[Problem, ...]  # the last check's diagnostics

    def as_json(self) -> str:
        problems = [{"text": p.text, "href": p.href, "where": p.where} for p in self.problems]
        return json.dumps({"version": self.version, "problems": problems}, ensure_ascii=False)


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
            self._status = Status(version, problems)
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
