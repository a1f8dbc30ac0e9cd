"""The edition's dates: one parser for YYYY, YYYY-MM and YYYY-MM-DD, used by the checker and every writer.

``edition check`` accepts exactly what :func:`parse_date` accepts, so a date that passes the check can be
turned into a timestamp (EPUB, zip entries, font subsets) and printed ("26 November 2026") without failing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

_DATE = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?")
# The same shape as a JSON Schema pattern (edition schema): YYYY, YYYY-MM or YYYY-MM-DD.
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
# The earliest instant tools that stamp files with SOURCE_DATE_EPOCH accept (it is an unsigned count).
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class DateError(ValueError):
    """Text that is not a calendar date written as YYYY, YYYY-MM or YYYY-MM-DD."""


@dataclass(frozen=True, slots=True)
class EditionDate:
    """A date with optional month and day, as editions write them ("2004", "2004-07", "2026-11-26")."""

    year: int
    month: int | None = None
    day: int | None = None

    def midnight(self) -> datetime:
        """Midnight UTC of the date's first day (a missing month or day counts as 1)."""
        return datetime(self.year, self.month or 1, self.day or 1, tzinfo=UTC)

    def epoch_seconds(self) -> int:
        """Seconds since 1970 of :meth:`midnight`, never negative (a date before 1970 gives 0).

        SOURCE_DATE_EPOCH must be a non-negative integer; an edition dated 1850 still builds.
        """
        return max(0, int((self.midnight() - _EPOCH).total_seconds()))

    def long(self, months: tuple[str, ...]) -> str:
        """The date as a book prints it with ``months`` (January …): "26 November 2026", "July 2004"."""
        parts = [
            str(self.day) if self.day is not None else None,
            months[self.month - 1] if self.month is not None else None,
            str(self.year),
        ]
        return " ".join(part for part in parts if part)


def parse_date(text: str) -> EditionDate:
    """Read a date; raises :class:`DateError` for any other text, or a day that does not exist."""
    match = _DATE.fullmatch(text)
    if match is None:
        raise DateError(f"{text!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    year = int(match["year"])
    month = int(match["month"]) if match["month"] else None
    day = int(match["day"]) if match["day"] else None
    try:
        datetime(year, month or 1, day or 1)
    except ValueError as problem:
        raise DateError(f"{text!r} is not a real date: {problem}") from None
    return EditionDate(year, month, day)


def is_date(text: str) -> bool:
    """Whether :func:`parse_date` reads ``text``."""
    try:
        parse_date(text)
    except DateError:
        return False
    return True


def is_date_parts(parts: Sequence[int]) -> bool:
    """Whether CSL ``date-parts`` ([year], [year, month] or [year, month, day]) name a day that exists."""
    if not 1 <= len(parts) <= 3:
        return False
    year, month, day = (*parts, 1, 1)[:3]
    try:
        datetime(year, month, day)
    except (ValueError, OverflowError):
        return False
    return True


def date_parts(text: str) -> tuple[int, ...] | None:
    """The date's parts as CSL ``date-parts`` want them ((2004, 7)), or None for text that is no date."""
    try:
        date = parse_date(text)
    except DateError:
        return None
    return tuple(part for part in (date.year, date.month, date.day) if part is not None)
