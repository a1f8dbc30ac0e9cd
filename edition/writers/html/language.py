"""Writing direction from a BCP 47 language tag (the model records the language, not the direction)."""

from __future__ import annotations

from typing import Literal

# Languages written right to left by default, and scripts that are right to left whatever the language.
_RTL_LANGUAGES = frozenset(
    {"ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ps", "sd", "syr", "ug", "ur", "yi"}
)
_RTL_SCRIPTS = frozenset({"arab", "hebr", "syrc", "thaa", "nkoo", "adlm", "rohg", "mand", "samr"})
_LTR_SCRIPTS = frozenset({"latn", "cyrl", "grek"})


def direction(language: str) -> Literal["ltr", "rtl"]:
    """``rtl`` for Arabic, Hebrew … or any tag with a right-to-left script subtag (``az-Arab``)."""
    subtags = language.replace("_", "-").lower().split("-")
    scripts = [tag for tag in subtags[1:] if len(tag) == 4 and tag.isalpha()]
    if scripts:
        if scripts[0] in _RTL_SCRIPTS:
            return "rtl"
        if scripts[0] in _LTR_SCRIPTS:
            return "ltr"
    return "rtl" if subtags[0] in _RTL_LANGUAGES else "ltr"
