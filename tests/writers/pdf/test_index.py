"""The printed index: merging pages, ranges, sorting, grouping by kind, see-also, lost marks."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from edition.book.index import index_groups
from edition.book.labels import ENGLISH
from edition.model import IndexEntry, IndexLocation, Origin
from edition.writers.pdf.index import build_index, page_runs
from edition.writers.pdf.pages import Numbering, PageMap, anchor_pages, dump_page_map, load_page_map


def entry(
    element_id: str, heading: str, kind: str, sort_key: str, marks: list[str], see: tuple[str, ...] = ()
) -> IndexEntry:
    return IndexEntry(
        element_id,
        heading,
        kind,
        sort_key,
        tuple(IndexLocation(mark, 1) for mark in marks),
        see,
        Origin("apparatus/index.yaml", 3, 5),
    )


def test_page_runs_merge_duplicates_and_consecutive_pages() -> None:
    assert page_runs([12, 13, 14, 14, 17, 3]) == ((3, 3), (12, 14), (17, 17))
    assert page_runs([]) == ()


@given(st.lists(st.integers(min_value=1, max_value=60)))
def test_page_runs_cover_exactly_the_pages(pages: list[int]) -> None:
    runs = page_runs(pages)
    covered = [page for start, end in runs for page in range(start, end + 1)]
    assert covered == sorted(set(pages))
    assert all(b[0] > a[1] + 1 for a, b in itertools.pairwise(runs))


def test_index_lines_print_merged_ranges_linked_to_the_first_mark_of_each_run() -> None:
    entries = (entry("index-a", "alpha", "term", "alpha", ["a1", "a2", "a3", "a4", "a5"]),)
    page_of = {"a1": 14, "a2": 12, "a3": 13, "a4": 13, "a5": 20}
    printed, warnings = build_index(index_groups(entries, ENGLISH), page_of, lambda index: index - 9)
    line = printed.groups[0].lines[0]
    assert [(loc.label, loc.href) for loc in line.locators] == [("3–5", "a2"), ("11", "a5")]
    assert warnings == ()


def test_groups_follow_kind_order_and_lines_sort_by_sort_key() -> None:
    entries = (
        entry("index-z", "Zeta", "term", "zeta", ["z"]),
        entry("index-b", "Beta, Bob", "person", "beta, bob", ["b"], see=("index-z", "index-missing")),
        entry("index-a", "Ábel", "person", "abel", ["a"]),
        entry("index-w", "A Work", "work", "work, a", ["w"]),
        entry("index-q", "Quux", "gadget", "quux", ["q"]),
    )
    printed, _ = build_index(index_groups(entries, ENGLISH), {m: 0 for m in "zbawq"}, lambda index: 1)
    assert [(g.kind, g.title) for g in printed.groups] == [
        ("person", "Persons"),
        ("term", "Terms"),
        ("work", "Works"),
        ("gadget", "Gadget"),
    ]
    assert [line.heading for line in printed.groups[0].lines] == ["Ábel", "Beta, Bob"]
    assert [(s.heading, s.href) for s in printed.groups[0].lines[1].see] == [("Zeta", "index-z")]


def test_a_mark_missing_from_the_layout_is_a_warning_with_the_entrys_origin() -> None:
    entries = (entry("index-a", "alpha", "term", "alpha", ["a1", "gone"]),)
    printed, warnings = build_index(index_groups(entries, ENGLISH), {"a1": 3}, lambda index: index)
    assert [loc.label for loc in printed.groups[0].lines[0].locators] == ["3"]
    assert [(w.path, w.line, w.code) for w in warnings] == [("apparatus/index.yaml", 3, "pdf-index-lost")]


def test_numbering_roman_front_arabic_text() -> None:
    numbering = Numbering(text_start=10)
    assert [numbering.label(i) for i in (0, 3, 8, 9, 10, 11)] == ["i", "iv", "ix", "x", "1", "2"]
    assert numbering.folio(25) == 16


def test_anchor_pages_keeps_the_first_page_of_an_id() -> None:
    class FakePage:
        def __init__(self, names: list[str]):
            self.anchors = {name: (0, 0, 0, 0) for name in names}

    assert anchor_pages([FakePage(["a"]), FakePage(["a", "b"])]) == {"a": 0, "b": 1}


def test_page_map_agreement_and_labels() -> None:
    first = PageMap(Numbering(2), {"a": 1, "b": 5})
    assert (first.label("a"), first.label("b"), first.label("missing")) == ("ii", "4", "00")
    assert first.agrees_with(PageMap(Numbering(2), {"a": 1, "b": 5, "c": 9}), ["a", "b"])
    assert not first.agrees_with(PageMap(Numbering(2), {"a": 1, "b": 6}), ["a", "b"])
    assert not first.agrees_with(PageMap(Numbering(3), {"a": 1, "b": 5}), ["b"])  # numbering moved
    assert not first.agrees_with(first, ["missing"])  # a placeholder was printed: never final


def test_page_map_round_trip_and_unreadable_files(tmp_path) -> None:
    path = tmp_path / "book-pages.json"
    pages = PageMap(Numbering(4), {"b": 7, "a": 5})
    path.write_bytes(dump_page_map(pages.restricted(["a"])))
    assert load_page_map(path) == PageMap(Numbering(4), {"a": 5})
    for junk in ("", "{", '{"page_of": []}', '{"text_start": "x", "page_of": {}}', "[]"):
        path.write_text(junk)
        assert load_page_map(path) is None
    assert load_page_map(tmp_path / "absent.json") is None
