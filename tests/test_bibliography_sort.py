"""The bibliography in the order the CSL style prescribes (Chicago: contributors, issued, title)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from edition.bibliography import CslItem, Formatter, find_style
from edition.model import Origin, plain_text


def item(key: str, **data: Any) -> CslItem:
    return CslItem(key, {"type": "book", **data}, Origin("bibliography.yaml"))


def person(family: str, given: str) -> dict[str, str]:
    return {"family": family, "given": given}


def order(*items: CslItem) -> list[str]:
    style = find_style(Path("."), "chicago-author-date-16th-edition")
    assert style is not None
    formatter = Formatter(style, items)
    return list(formatter.entries([i.key for i in items]))


def test_a_single_author_comes_before_the_same_author_with_others() -> None:
    # Printed, "Smith, John, and Ann Jones. 1990" sorts before "Smith, John. 2001" (',' < '.'); by the
    # style's keys the sole author comes first, as author-date lists have it.
    joint = item("joint", author=[person("Smith", "John"), person("Jones", "Ann")], title="Joint",
                 issued={"date-parts": [[1990]]})  # fmt: skip
    alone = item("alone", author=[person("Smith", "John")], title="Alone", issued={"date-parts": [[2001]]})
    assert order(joint, alone) == ["alone", "joint"]


def test_one_authors_works_are_in_date_order_not_title_order() -> None:
    marx = [person("Marx", "Karl")]
    late = item("late", author=marx, title="A Late Work", issued={"date-parts": [[1867]]})
    early = item("early", author=marx, title="Zur Kritik", issued={"date-parts": [[1859]]})
    assert order(late, early) == ["early", "late"]


def test_accents_do_not_send_a_name_to_the_end() -> None:
    zola = item("zola", author=[person("Zola", "Émile")], title="Germinal", issued={"date-parts": [[1885]]})
    ecole = item("ecole", author=[person("Élie", "Marc")], title="Études", issued={"date-parts": [[1900]]})
    assert order(zola, ecole) == ["ecole", "zola"]


def test_a_work_without_author_sorts_by_its_title_not_by_its_markup() -> None:
    anon = item("anon", title="Manifest der Kommunistischen Partei", issued={"date-parts": [[1848]]})
    adams = item("adams", author=[person("Adams", "Ann")], title="Zed", issued={"date-parts": [[1900]]})
    zeta = item("zeta", author=[person("Zetkin", "Clara")], title="A", issued={"date-parts": [[1900]]})
    assert order(zeta, anon, adams) == ["adams", "anon", "zeta"]


def test_an_undated_work_comes_after_the_dated_works_of_its_author() -> None:
    undated = item("undated", author=[person("Trotsky", "Leon")], title="A")
    dated = item("dated", author=[person("Trotsky", "Leon")], title="B", issued={"date-parts": [[1937]]})
    texts = order(undated, dated)
    assert texts == ["dated", "undated"]


def test_the_printed_entries_match_the_order() -> None:
    style = find_style(Path("."), "chicago-author-date-16th-edition")
    assert style is not None
    items = (
        item("b", author=[person("Smith", "John"), person("Jones", "Ann")], title="Joint",
             issued={"date-parts": [[1990]]}),
        item("a", author=[person("Smith", "John")], title="Alone", issued={"date-parts": [[2001]]}),
    )  # fmt: skip
    entries = Formatter(style, items).entries(["b", "a"])
    assert plain_text(entries["a"]).startswith("Smith, John. 2001")
    assert plain_text(entries["b"]).startswith("Smith, John, and Ann Jones. 1990")


# -- what citeproc-py gets wrong, checked against the Chicago author-date layout the style encodes ----------


def entries_of(*items: CslItem) -> dict[str, str]:
    style = find_style(Path("."), "chicago-author-date-16th-edition")
    assert style is not None
    formatted = Formatter(style, items).entries([i.key for i in items])
    return {key: plain_text(content) for key, content in formatted.items()}


def test_a_chapter_puts_the_period_inside_the_quotation_marks() -> None:
    chapter = item(
        "ch",
        type="chapter",
        author=[person("Hallas", "Duncan")],
        title="The Permanent Revolution",
        **{"container-title": "Essays", "publisher-place": "London"},
        editor=[person("Smith", "Ann")],
        publisher="Pluto Press",
        page="12-30",
        issued={"date-parts": [[1979]]},
    )
    assert entries_of(chapter)["ch"] == (
        "Hallas, Duncan. 1979. “The Permanent Revolution.” In Essays, edited by Ann Smith, 12–30. "
        "London: Pluto Press."
    )


def test_an_edited_book_names_its_editors_once() -> None:
    edited = item(
        "ed",
        editor=[person("Woods", "Alan"), person("Grant", "Ted")],
        title="Reason in Revolt",
        publisher="Wellred",
        **{"publisher-place": "London"},
        issued={"date-parts": [[1995]]},
    )
    expected = "Woods, Alan, and Ted Grant, eds. 1995. Reason in Revolt. London: Wellred."
    assert entries_of(edited)["ed"] == expected


def test_a_book_with_an_author_keeps_its_editor() -> None:
    book = item("b", author=[person("Marx", "Karl")], editor=[person("Engels", "Friedrich")], title="Kapital",
                issued={"date-parts": [[1894]]})  # fmt: skip
    assert entries_of(book)["b"] == "Marx, Karl. 1894. Kapital. Edited by Friedrich Engels."


def test_a_pamphlet_is_printed_as_the_style_says_with_a_quoted_title() -> None:
    pamphlet = item(
        "p",
        type="pamphlet",
        author=[person("Engels", "Frederick")],
        title="Socialism: Utopian and Scientific",
        publisher="Swan Sonnenschein",
        **{"publisher-place": "London"},
        issued={"date-parts": [[1892]]},
    )
    assert entries_of(pamphlet)["p"] == (
        "Engels, Frederick. 1892. “Socialism: Utopian and Scientific.” London: Swan Sonnenschein."
    )
