"""Cross-reference targets: every id an entry or note may point at, and the lookup that reports typos."""

from __future__ import annotations

from dataclasses import dataclass, field

from edition.diagnostics import Diagnostic
from edition.fields import suggest
from edition.model import Origin, Target


@dataclass
class TargetTable:
    """Ids → targets for one resolution run; duplicate and unknown ids become diagnostics."""

    problems: list[Diagnostic]
    paragraph_count: int = 0
    targets: dict[str, Target] = field(default_factory=dict)
    origins: dict[str, Origin] = field(default_factory=dict)

    def add_paragraphs(self, count: int) -> None:
        """§1 … §count, reachable as ``§31``, ``§ 31`` or ``p-31``."""
        self.paragraph_count = count
        for n in range(1, count + 1):
            self.targets[f"§{n}"] = Target(f"p-{n}", "paragraph", n, f"§ {n}")

    def add_generated(self, key: str, target: Target) -> None:
        """A target the tool itself makes (author's notes): no editor wrote its id, so no clash to report."""
        self.targets[key] = target

    def add(self, key: str, target: Target, origin: Origin) -> None:
        if key in self.origins:
            self.problems.append(
                Diagnostic.at(
                    origin,
                    "error",
                    "duplicate-id",
                    f"the id '{key}' is used twice (first at {self.origins[key]})",
                    "ids must be unique across all apparatus files",
                )
            )
            return
        self.origins[key] = origin
        self.targets[key] = target

    def lookup(self, name: str, origin: Origin) -> Target | None:
        key = name.replace("§ ", "§").strip()
        if key.startswith("p-") and key[2:].isdigit():
            key = f"§{key[2:]}"
        target = self.targets.get(key)
        if target is None:
            near = suggest(key, [k for k in self.targets if not k.startswith("§")])
            if key.startswith("§"):
                hint = f"the text has § 1 to § {self.paragraph_count}"
            elif near:
                hint = f"did you mean '{near}'?"
            else:
                hint = "a target is an entry id, a named anchor, a section's id, or a paragraph such as §31"
            self.problems.append(
                Diagnostic.at(
                    origin, "error", "unknown-target", f"cross-reference to unknown target '{name}'", hint
                )
            )
        return target
