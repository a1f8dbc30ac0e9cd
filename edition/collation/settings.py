"""edition.yaml's ``collation:`` settings: the differences between witnesses the edition calls
insignificant, which ``edition collate`` never proposes as variants."""

from __future__ import annotations

from dataclasses import dataclass

from edition.diagnostics import Diagnostic
from edition.fields import FieldReader, suggest
from edition.yamlload import YMap, YScalar, YSeq

IGNORABLE = ("case", "punctuation")
COLLATION_KEYS = ("ignore", "spelling")


@dataclass(frozen=True, slots=True)
class CollationSettings:
    """``ignore``: kinds of difference left out; ``spelling``: groups of spellings counted as one word."""

    ignore: tuple[str, ...] = ()
    spelling: tuple[tuple[str, ...], ...] = ()

    @property
    def ignore_case(self) -> bool:
        return "case" in self.ignore

    @property
    def ignore_punctuation(self) -> bool:
        return "punctuation" in self.ignore


def read_collation(node: YMap, problems: list[Diagnostic]) -> CollationSettings:
    found = node.get("collation")
    if found is None or (isinstance(found, YScalar) and found.value is None):
        return CollationSettings()
    fields = FieldReader(problems, "collation in edition.yaml", COLLATION_KEYS)
    if not isinstance(found, YMap):
        fields.wrong_type(found, "collation", "a mapping with 'ignore' and 'spelling'")
        return CollationSettings()
    fields.check_keys(found)
    ignore = []
    for value, origin in fields.text_list(found, "ignore"):
        if value in IGNORABLE:
            ignore.append(value)
            continue
        near = suggest(value, IGNORABLE)
        problems.append(
            Diagnostic.at(
                origin,
                "error",
                "bad-value",
                f"collation cannot ignore '{value}'",
                f"did you mean '{near}'?" if near else f"choose from: {', '.join(IGNORABLE)}",
            )
        )
    groups = []
    spelling = found.get("spelling")
    if isinstance(spelling, YSeq):
        for item in spelling.items:
            if (
                isinstance(item, YSeq)
                and len(item.items) >= 2
                and all(isinstance(word, YScalar) and isinstance(word.value, str) for word in item.items)
            ):
                groups.append(tuple(str(word.value) for word in item.items if isinstance(word, YScalar)))
            else:
                fields.wrong_type(item, "spelling[]", "a list of two or more spellings, e.g. [honour, honor]")
    elif spelling is not None:
        fields.wrong_type(spelling, "spelling", "a list of spelling groups, e.g. [[honour, honor]]")
    return CollationSettings(tuple(ignore), tuple(groups))
