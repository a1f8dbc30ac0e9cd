"""The apparatus series: which kinds of entry each series holds, and which are printed at the foot.

A book-level decision (the contents, the back matter and the print layout all follow it), so it is made
here once: entries of a kind in a foot series have no division of their own at the back.
"""

from __future__ import annotations

from edition.model import ApparatusSeries, Edition


def foot_series(edition: Edition) -> tuple[ApparatusSeries, ...]:
    """The series printed at the foot of the page, in the order the edition declares them."""
    return tuple(s for s in edition.style.series if s.place == "foot")


def at_foot(edition: Edition, kind: str) -> bool:
    """True when entries of ``kind`` (emendations, variants) are printed at the foot of the page."""
    return any(kind in s.contents for s in foot_series(edition))
