"""A check with a kept ``CheckCache`` gives what a cold check gives, edit after edit, problems included."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from edition.check_cache import CheckCache
from edition.model import iter_paragraphs, plain_text
from edition.resolve import CheckResult, check_edition
from tests.conftest import DEFAULT_EDITION, MINI, copy_mini


def same_as_cold(root: Path, cache: CheckCache) -> CheckResult:
    """Check with ``cache`` and cold; assert they agree (model and every diagnostic, in order)."""
    cached = check_edition(root, cache=cache)
    cold = check_edition(root)
    assert cached.diagnostics == cold.diagnostics
    assert cached.edition == cold.edition
    assert (cached.edition is None) == (cold.edition is None)
    return cached


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def codes(result: CheckResult) -> list[str]:
    return [d.code for d in result.diagnostics]


def test_each_kind_of_file_edited_checks_as_a_cold_check_does(tmp_path: Path):
    root = copy_mini(tmp_path)
    cache = CheckCache()
    first = same_as_cold(root, cache)
    assert first.edition is not None

    # Nothing changed: nothing is read or parsed again, and the result is the same model.
    misses = cache.misses
    again = same_as_cold(root, cache)
    assert cache.misses == misses
    assert again.edition == first.edition

    edits = [  # one file of each kind, each in turn
        ("text/article.md", "Stalin rose to power.", 'Stalin rose to "power."'),
        ("front/introduction.md", "introduces the text", "introduces the 'whole' text"),
        (
            "apparatus/glosses.yaml",
            "written in 1936 [@trotsky-1937, 11]",
            "written in 1936 [@trotsky-1937, 12]",
        ),
        (
            "apparatus/glosses.yaml",
            "Joseph Stalin (1878–1953).",
            "Joseph Stalin (1878-1953), see [[policeman]].",
        ),
        ("apparatus/other.yaml", 'locator: "105"', 'locator: "104"'),
        ("apparatus/other.yaml", "reading: serfs", "reading: serf's"),
        ("bibliography.yaml", "title: State Capitalism in Russia", "title: State Capitalism"),
        ("edition.yaml", "title: Introduction", "title: An Introduction"),
    ]
    for relpath, old, new in edits:
        edit(root / relpath, old, new)
        result = same_as_cold(root, cache)
        assert result.edition is not None, (relpath, result.diagnostics)
        assert result.edition != first.edition
    assert cache.hits > 0


def test_the_same_words_in_other_places_are_not_taken_for_each_other(tmp_path: Path):
    """Typography depends on the character before a text (a quote after "(" opens), a lemma's search on
    its context: each is part of what is remembered, in one check as in the next."""
    more = """  - id: first-again
    lemma: again
    before: Stalin
    note: The first.
  - id: second-again
    lemma: again
    after: (11)
    note: The second.
"""
    root = copy_mini(tmp_path, more_glosses=more)
    edit(root / "edition.yaml", "further_reading:", "typography: [curly-quotes]\nfurther_reading:")
    with (root / "text" / "article.md").open("a", encoding="utf-8") as out:
        out.write('\nSee *one*"two" here.\n\nSee *one (*"two" here.\n')
    cache = CheckCache()
    for _ in range(2):
        result = same_as_cold(root, cache)
        assert result.edition is not None
        lemmas = {g.element_id: g.lemma for g in result.edition.glosses}
        assert lemmas["gloss-first-again"].start < lemmas["gloss-second-again"].start
        last = [plain_text(p.content) for p in iter_paragraphs(result.edition.sections)][-2:]
        assert last == ["See one\u201dtwo\u201d here.", "See one (\u201ctwo\u201d here."]


@pytest.mark.parametrize(
    ("relpath", "old", "broken", "code"),
    [
        ("apparatus/glosses.yaml", "  - id: stalin\n", "  - id: stalin\n   bad: [\n", "yaml-syntax"),
        ("apparatus/other.yaml", "lemma: surfs", "lemma: sorfs", "lemma-not-found"),
        ("text/article.md", "The state surfs were many", "The state was many", "lemma-not-found"),
        ("bibliography.yaml", "type: book\n", "type: bok\n", "bad-value"),
        ("front/introduction.md", "See the passage at [[policeman]].", "See [[nowhere]].", "unknown-target"),
    ],
)
def test_a_file_that_becomes_invalid_and_valid_again_is_reported_then_clean(
    tmp_path: Path, relpath: str, old: str, broken: str, code: str
):
    root = copy_mini(tmp_path)
    cache = CheckCache()
    good = same_as_cold(root, cache)
    path = root / relpath
    original = path.read_text(encoding="utf-8")
    edit(path, old, broken)
    for _ in range(2):  # the problem is reported on every check, not only on the one that read the file
        bad = same_as_cold(root, cache)
        assert bad.edition is None
        assert code in codes(bad)
    path.write_text(original, encoding="utf-8")
    again = same_as_cold(root, cache)
    assert again.edition == good.edition
    assert again.diagnostics == good.diagnostics


def test_warnings_of_files_read_from_the_cache_are_reported_on_every_check(tmp_path: Path):
    root = copy_mini(tmp_path)
    with (root / "bibliography.yaml").open("a", encoding="utf-8") as out:
        out.write("  - id: never-cited\n    type: book\n    title: Nobody Cites This\n")
    edit(root / "apparatus/glosses.yaml", "led from 1923.", "led from 1923 ([a link](javascript:x)).")
    cache = CheckCache()
    first = same_as_cold(root, cache)
    assert "unused-bibliography-entry" in codes(first)
    misses = cache.misses
    second = same_as_cold(root, cache)
    assert cache.misses == misses  # all of it from the cache …
    assert second.diagnostics == first.diagnostics  # … and every problem reported again
    assert len(first.diagnostics) >= 2
    # Lines added above the note: its problem moves with it (a note is remembered at its place).
    edit(root / "apparatus/glosses.yaml", "glosses:\n", "# a line above every note\nglosses:\n")
    moved = same_as_cold(root, cache)
    [link] = [d for d in first.diagnostics if d.path == "apparatus/glosses.yaml"]
    assert [d.line for d in moved.diagnostics if d.path == "apparatus/glosses.yaml"] == [link.line + 1]


def numbers(result: CheckResult) -> dict[str, set[str]]:
    """The number each cited work has in its citations ("[1, p. 3]" → "1")."""
    assert result.edition is not None
    found: dict[str, set[str]] = {}
    for citation in result.edition.citations:
        match = re.match(r"\[(\d+)", citation.text)
        assert match, citation.text
        found.setdefault(citation.key, set()).add(match[1])
    return found


def test_citations_reordered_in_a_numbered_style_are_numbered_as_a_cold_check_numbers_them(tmp_path: Path):
    root = copy_mini(tmp_path)
    edit(root / "edition.yaml", "further_reading:", "style:\n  csl: ieee\nfurther_reading:")
    edit(root / "apparatus/glosses.yaml", "[@trotsky-1937, 11]", "[@cliff-1974, 3]")
    cache = CheckCache()
    first = same_as_cold(root, cache)
    assert first.edition is not None
    assert numbers(first) == {"cliff-1974": {"1"}, "trotsky-1937": {"2"}}
    # The note that cited Cliff first now cites Trotsky: the numbers swap, in the cached check as cold.
    edit(root / "apparatus/glosses.yaml", "[@cliff-1974, 3]", "[@trotsky-1937, 3]")
    edit(
        root / "apparatus/other.yaml",
        'cite: trotsky-1937\n    locator: "105"',
        'cite: cliff-1974\n    locator: "105"',
    )
    second = same_as_cold(root, cache)
    assert second.edition is not None
    assert numbers(second) == {"trotsky-1937": {"1"}, "cliff-1974": {"2"}}
    # And back: the first sequence again, remembered or not, numbered as cold.
    edit(root / "apparatus/glosses.yaml", "[@trotsky-1937, 3]", "[@cliff-1974, 3]")
    edit(root / "apparatus/other.yaml", "cite: cliff-1974", "cite: trotsky-1937")
    assert numbers(same_as_cold(root, cache)) == numbers(first)


def test_the_default_edition_edited_checks_as_a_cold_check_does(tmp_path: Path):
    root = tmp_path / "edition"
    shutil.copytree(DEFAULT_EDITION, root)
    cache = CheckCache()
    assert same_as_cold(root, cache).edition is not None
    edit(root / "apparatus" / "glosses.yaml", "overthrew the Provisional", 'overthrew "the" Provisional')
    with (root / "text" / "article.md").open("a", encoding="utf-8") as out:
        out.write('\nA paragraph "added" at the end.\n')
    result = same_as_cold(root, cache)
    assert result.edition is not None


def test_a_file_named_twice_is_read_as_two_files(tmp_path: Path):
    """A file named twice gives two objects, as cold: the same parsed entries are never handed out twice."""
    root = copy_mini(tmp_path)
    edit(
        root / "edition.yaml",
        "apparatus: [apparatus/glosses.yaml,",
        "apparatus: [apparatus/glosses.yaml, apparatus/glosses.yaml,",
    )
    cache = CheckCache()
    for _ in range(2):
        result = same_as_cold(root, cache)
        assert result.diagnostics


FILES = (
    "text/article.md",
    "front/introduction.md",
    "apparatus/glosses.yaml",
    "apparatus/other.yaml",
    "bibliography.yaml",
    "edition.yaml",
)
PIECES = (
    "",
    " ",
    "\n",
    '"',
    "'",
    "-",
    ":",
    "[",
    "]",
    "x",
    "Stalin",
    "  - ",
    "[@cliff-1974]",
    "[[policeman]]",
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(st.tuples(st.sampled_from(FILES), st.floats(0, 1), st.integers(0, 3), st.sampled_from(PIECES)))
)
def test_any_sequence_of_small_edits_checks_as_a_cold_check_does(
    tmp_path: Path, edits: list[tuple[str, float, int, str]]
):
    """One cache across many random edits (a few characters replaced anywhere in any file), some of which
    break a file and some mend it: every check equals the cold one."""
    root = tmp_path / "random"
    shutil.rmtree(root, ignore_errors=True)  # the same tmp_path serves every example
    shutil.copytree(MINI, root)
    cache = CheckCache()
    same_as_cold(root, cache)
    for relpath, where, cut, piece in edits:
        path = root / relpath
        text = path.read_text(encoding="utf-8")
        at = int(where * len(text))
        path.write_text(text[:at] + piece + text[at + cut :], encoding="utf-8")
        same_as_cold(root, cache)
