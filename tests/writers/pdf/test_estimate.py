"""The first guess at page numbers: divisions open new pages (rectos where the book wants them), text
fills pages in order, margin notes take no room."""

from __future__ import annotations

from edition.writers.pdf.estimate import estimate_page_map

GEOMETRY = {"width_pt": 260.0, "height_pt": 520.0, "font_pt": 10.0}


def _book(paragraphs_per_section: int, note: str = "") -> str:
    words = "word " * 60
    sections = "".join(
        f'<section class="text-section" id="s{k}">'
        + "".join(f'<p id="s{k}p{i}">{words}{note}</p>' for i in range(paragraphs_per_section))
        + "</section>"
        for k in range(3)
    )
    return (
        '<html><body><section class="title-page" id="title"><p>Title</p></section>'
        f'<div class="text" id="ed-text">{sections}</div>'
        '<section class="back" id="notes"><p>Notes</p></section></body></html>'
    )


def test_sections_open_pages_and_text_fills_them_in_order() -> None:
    ids = [f"s{k}p{i}" for k in range(3) for i in range(40)] + ["s0", "s1", "s2", "notes"]
    pages = estimate_page_map(_book(40), ids, "ed-text", **GEOMETRY).page_of
    order = [pages[f"s{k}p{i}"] for k in range(3) for i in range(40)]
    assert order == sorted(order)
    assert pages["s0p39"] > pages["s0p0"]  # 40 paragraphs of 300 characters do not fit one page
    assert pages["s1"] == pages["s0p39"] + 1 and pages["s2"] == pages["s1p39"] + 1
    assert pages["notes"] % 2 == 0 and pages["notes"] > pages["s2p39"]  # back matter opens on a recto


def test_margin_notes_take_no_room() -> None:
    note = '<span class="margin-note">' + "long note " * 200 + "</span>"
    ids = ["s2p9"]
    plain = estimate_page_map(_book(10), ids, "ed-text", **GEOMETRY).page_of["s2p9"]
    noted = estimate_page_map(_book(10, note), ids, "ed-text", **GEOMETRY).page_of["s2p9"]
    assert noted == plain


def test_an_appended_division_opens_on_the_recto_after_the_last_page() -> None:
    pages = estimate_page_map(_book(40), ["notes", "index"], "ed-text", **GEOMETRY, appended=["index"])
    assert pages.page_of["index"] % 2 == 0 and pages.page_of["index"] > pages.page_of["notes"]
