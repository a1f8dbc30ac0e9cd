"""BCP 47 language tags: is a tag one the outputs can carry, and what to say when it is not."""

from __future__ import annotations

import re

import langcodes

# RFC 5646 well-formedness, loosely: letters and digits in subtags of 1-8, joined by hyphens.
_SHAPE = re.compile(r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")


def language_problem(tag: str) -> tuple[str, str] | None:
    """None for a valid tag; else (message, hint) for a diagnostic.

    A tag must be well formed and its subtags registered (IANA language subtag registry, via langcodes):
    a hyphenation dictionary, a screen reader's voice and the EPUB's ``xml:lang`` are all chosen by it.
    """
    if not _SHAPE.match(tag):
        return (
            f"'{tag}' is not a BCP 47 language tag",
            "write a language code such as de, fr, en-GB or grc",
        )
    if not langcodes.tag_is_valid(tag):
        return (
            f"'{tag}' is not a registered BCP 47 language tag",
            "check the code in the IANA language subtag registry (de, fr, en-GB, grc …)",
        )
    return None
