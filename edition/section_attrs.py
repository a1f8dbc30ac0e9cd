"""A section heading's attributes: its running head and its own author, date, dateline and signature.

Written on the line before the heading, as Markdown attribute lists are::

    {short_title="Preface" author="Frederick Engels" dateline="London, 30th January, 1888" date=1888-01-30}
    ## Preface to the English Edition of 1888

Only a heading that opens a section (``#`` or ``##``) takes them; every other key, or a subsection's
attributes, is a located diagnostic that says what is not supported. ``id="communists"`` names the section
for cross-references (``target: communists``); the resolver registers it before anything points at it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date as Date

from edition.diagnostics import Diagnostic
from edition.fields import ID_PATTERN
from edition.model import Origin, Signed

SECTION_KEYS = ("id", "short_title", "author", "date", "dateline", "signature")
_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@dataclass(frozen=True, slots=True)
class SectionAttributes:
    short_title: str | None
    signed: Signed | None


def section_attributes(
    attributes: tuple[tuple[str, str], ...],
    heading: Origin,
    problems: list[Diagnostic],
    *,
    opens_section: bool,
) -> SectionAttributes:
    """Read the attributes of the heading at ``heading`` (reported on the line before it)."""
    if not attributes:
        return SectionAttributes(None, None)
    where = Origin(heading.path, max(heading.line - 1, 1), 1)
    if not opens_section:
        problems.append(
            Diagnostic.at(
                where,
                "warning",
                "unsupported-attributes",
                "attributes on a ### or #### subsection are not supported; they are ignored",
                "short titles and signatures belong to a section's own heading (# or ##)",
            )
        )
        return SectionAttributes(None, None)
    values: dict[str, str] = {}
    for key, value in attributes:
        if key not in SECTION_KEYS:
            problems.append(
                Diagnostic.at(
                    where,
                    "error",
                    "unknown-key",
                    f"'{key}' is not an attribute a section heading supports",
                    f"use one of: {', '.join(SECTION_KEYS)}",
                )
            )
        elif not value.strip():
            problems.append(
                Diagnostic.at(
                    where, "error", "bad-value", f"'{key}' is empty", "write the text, or leave it out"
                )
            )
        elif key == "id" and not ID_PATTERN.match(value):
            problems.append(
                Diagnostic.at(
                    where,
                    "error",
                    "bad-id",
                    f"the section id '{value}' is not an id",
                    "start with a letter; then letters, digits, '-' or '_' (id=communists)",
                )
            )
        else:
            values[key] = " ".join(value.split())
    iso = values.get("date")
    if iso is not None and not _valid_date(iso):
        problems.append(
            Diagnostic.at(
                where,
                "error",
                "bad-date",
                f"the section's date '{iso}' is not YYYY, YYYY-MM or YYYY-MM-DD naming a day that exists",
                'write it as the calendar has it (date=1888-01-30); the printed form goes in dateline="…"',
            )
        )
        iso = None
    signed = None
    if any(key in values for key in ("author", "dateline", "signature")) or iso is not None:
        signed = Signed(values.get("author"), iso, values.get("dateline"), values.get("signature"), where)
    return SectionAttributes(values.get("short_title"), signed)


def section_id(attributes: tuple[tuple[str, str], ...]) -> str | None:
    """The ``id`` a section heading's attributes name, if it is a well-formed id (else None: reported
    by :func:`section_attributes`)."""
    value = next((value.strip() for key, value in attributes if key == "id"), None)
    return value if value is not None and ID_PATTERN.match(value) else None


def _valid_date(text: str) -> bool:
    match = _ISO.fullmatch(text)
    if match is None:
        return False
    year, month, day = (int(part) if part else 1 for part in match.groups())
    try:
        Date(year, month, day)
    except ValueError:
        return False
    return True
