"""The divisions of the book and their roles: which essay is the introduction, which the Note on the Text.

An essay's role comes from edition.yaml (``role: note-on-the-text`` on its ``front_matter`` entry). When no
essay declares a role, the title decides, as a fallback for editions written before roles existed: a title
whose words, leading "a"/"the" left out, are exactly "note on the text" (or "introduction"). "A Note on the
Text" is therefore the Note on the Text; "Notes on the Text and its Sources" is not. Every writer asks here,
so print and EPUB can never disagree about which essay receives the generated sigla and normalisations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from edition.model import ESSAY_ROLES, Edition, Essay, EssayRole

_ARTICLES = frozenset({"a", "an", "the"})
_ROLE_WORDS: dict[str, EssayRole] = {role.replace("-", " "): role for role in ESSAY_ROLES}


@dataclass(frozen=True, slots=True)
class FrontEssay:
    """An essay of the front matter with the role the book gives it (None: an essay like any other)."""

    essay: Essay
    role: EssayRole | None


@dataclass(frozen=True, slots=True)
class NoteOnText:
    """Where the generated list of sigla and normalisations goes.

    ``essay`` is the editor's Note on the Text when there is one; otherwise, if there is something to list
    (``needed``), the book adds a Note on the Text of its own (``generated``).
    """

    essay: Essay | None
    needed: bool

    @property
    def generated(self) -> bool:
        return self.essay is None and self.needed

    @property
    def receives_list(self) -> str | None:
        """The element id of the editor's essay that the list follows, if it gets one."""
        return self.essay.element_id if self.essay is not None and self.needed else None


def front_essays(essays: tuple[Essay, ...]) -> tuple[FrontEssay, ...]:
    """Each essay with its role: declared roles first; titles decide only where no essay declares one.

    A role is given once: a second essay claiming it (by declaration or title) keeps no role.
    """
    declared = any(essay.role is not None for essay in essays)
    taken: set[EssayRole] = set()
    out: list[FrontEssay] = []
    for essay in essays:
        role = essay.role if declared else role_from_title(essay.title)
        if role is not None and role in taken:
            role = None
        if role is not None:
            taken.add(role)
        out.append(FrontEssay(essay, role))
    return tuple(out)


def role_from_title(title: str) -> EssayRole | None:
    """The fallback: the role a title names, leading articles and punctuation ignored."""
    words = re.findall(r"\w+", title.casefold())
    while words and words[0] in _ARTICLES:
        words = words[1:]
    return _ROLE_WORDS.get(" ".join(words))


def note_on_text(edition: Edition, essays: tuple[FrontEssay, ...]) -> NoteOnText:
    essay = next((item.essay for item in essays if item.role == "note-on-the-text"), None)
    return NoteOnText(essay, bool(edition.metadata.witnesses or edition.normalisations))
