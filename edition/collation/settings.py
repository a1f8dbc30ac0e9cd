"""edition.yaml's ``collation:`` settings: the differences between witnesses the edition calls
insignificant, which ``edition collate`` never proposes as variants."""

from __future__ import annotations

from dataclasses import dataclass

from edition.diagnostics import Diagnostic
from edition.fields import FieldReader, suggest
from edition.shapes import Field, Shape
from edition.yamlload import YMap

IGNORABLE = ("case", "punctuation", "line-end-hyphens")
COLLATION = Shape(
    "collation of edition.yaml",
    "What edition collate counts as no difference (besides the lemma normalisations).",
    (
        Field("ignore", "choices", "Kinds of difference left out.", choices=IGNORABLE),
        Field(
            "spelling",
            "texts",
            "Spellings counted as one word, each group written with slashes: honour/honor.",
            pattern=r"[^\s/][\s\S]*/[\s\S]*[^\s/]",  # two or more spellings: words on both sides of a slash
        ),
    ),
)


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

    @property
    def ignore_line_end_hyphens(self) -> bool:
        return "line-end-hyphens" in self.ignore


def read_collation(node: YMap, problems: list[Diagnostic]) -> CollationSettings:
    found = node.get("collation")
    if found is None:
        return CollationSettings()
    fields = FieldReader(problems, "collation in edition.yaml", shape=COLLATION)
    if not isinstance(found, YMap):
        problems.append(
            Diagnostic.at(
                found.origin,
                "error",
                "wrong-type",
                "'collation' in edition.yaml must be a mapping",
                "write 'collation:' with 'ignore: [...]' and/or 'spelling: [...]' under it",
            )
        )
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
    for value, origin in fields.text_list(found, "spelling"):
        group = tuple(word.strip() for word in value.split("/") if word.strip())
        if len(group) >= 2:
            groups.append(group)
        else:
            problems.append(
                Diagnostic.at(
                    origin,
                    "error",
                    "bad-value",
                    f"the spelling group '{value}' names fewer than two spellings",
                    "write the spellings of one word with slashes between them: honour/honor",
                )
            )
    return CollationSettings(tuple(ignore), tuple(groups))
