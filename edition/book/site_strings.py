"""The few words only the web edition prints (its navigation and search), in the edition's language.

The book's own words (division titles, "see also", "§") are :class:`~edition.book.labels.Labels`; these
site controls have their own tables here, for the same six languages (English for any other). Like the
labels, an edition replaces any of them by name in edition.yaml's ``labels:`` (``skip_link: Zum Text``):
``site_strings_for`` applies those and leaves the book's labels to ``labels_for``. "var." stays Latin, as
apparatus abbreviations do.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace

from edition.book.label_tables import primary_language


@dataclass(frozen=True, slots=True)
class SiteStrings:
    skip_link: str = "Skip to the text"
    search: str = "Search"
    search_label: str = "Search the text and notes"
    search_page: str = "Search"
    search_needs_js: str = (
        "Searching needs JavaScript. Without it, the index and the contents lead to every passage."
    )
    no_results: str = "Nothing found."
    results_found: str = "{count} found for “{query}”"  # filled in by search.js
    variants_mark: str = "var."  # after a paragraph: the link to its variants, with their number
    previous: str = "Previous"
    next: str = "Next"
    site_navigation: str = "The edition"
    page_navigation: str = "Previous and next page"
    print_page: str = "print page"
    pages_from: str = "Print page numbers are those of the PDF edition"
    close_note: str = "close"
    notes_in_margin: str = "Notes"


STRINGS = SiteStrings()
NBSP = "\u00a0"

_TABLES: Mapping[str, SiteStrings] = {
    "en": STRINGS,
    "de": replace(
        STRINGS,
        skip_link="Zum Text springen",
        search="Suchen",
        search_label="Text und Anmerkungen durchsuchen",
        search_page="Suche",
        search_needs_js=(
            "Die Suche braucht JavaScript. Ohne JavaScript führen das Register und das Inhaltsverzeichnis "
            "zu jeder Stelle."
        ),
        no_results="Nichts gefunden.",
        results_found="{count} Treffer für „{query}“",
        previous="Zurück",
        next="Weiter",
        site_navigation="Die Ausgabe",
        page_navigation="Vorige und nächste Seite",
        print_page="Druckseite",
        pages_from="Die Seitenzahlen sind die der PDF-Ausgabe",
        close_note="schließen",
        notes_in_margin="Anmerkungen",
    ),
    "fr": replace(
        STRINGS,
        skip_link="Aller au texte",
        search="Rechercher",
        search_label="Rechercher dans le texte et les notes",
        search_page="Recherche",
        search_needs_js=(
            "La recherche nécessite JavaScript. Sans lui, l’index et la table des matières mènent à chaque "
            "passage."
        ),
        no_results="Aucun résultat.",
        results_found=f"{{count}} résultat(s) pour «{NBSP}{{query}}{NBSP}»",
        previous="Précédent",
        next="Suivant",
        site_navigation="L’édition",
        page_navigation="Page précédente et suivante",
        print_page="page imprimée",
        pages_from="Les numéros de page sont ceux de l’édition PDF",
        close_note="fermer",
        notes_in_margin="Notes",
    ),
    "es": replace(
        STRINGS,
        skip_link="Saltar al texto",
        search="Buscar",
        search_label="Buscar en el texto y las notas",
        search_page="Búsqueda",
        search_needs_js=(
            "La búsqueda necesita JavaScript. Sin él, el índice y la tabla de contenidos llevan a cada "
            "pasaje."
        ),
        no_results="No se encontró nada.",
        results_found="{count} resultados para «{query}»",
        previous="Anterior",
        next="Siguiente",
        site_navigation="La edición",
        page_navigation="Página anterior y siguiente",
        print_page="página impresa",
        pages_from="Los números de página son los de la edición en PDF",
        close_note="cerrar",
        notes_in_margin="Notas",
    ),
    "it": replace(
        STRINGS,
        skip_link="Vai al testo",
        search="Cerca",
        search_label="Cerca nel testo e nelle note",
        search_page="Ricerca",
        search_needs_js="La ricerca richiede JavaScript. Senza, l’indice e il sommario portano a ogni passo.",
        no_results="Nessun risultato.",
        results_found="{count} risultati per «{query}»",
        previous="Precedente",
        next="Successiva",
        site_navigation="L’edizione",
        page_navigation="Pagina precedente e successiva",
        print_page="pagina a stampa",
        pages_from="I numeri di pagina sono quelli dell’edizione PDF",
        close_note="chiudi",
        notes_in_margin="Note",
    ),
    "ru": replace(
        STRINGS,
        skip_link="Перейти к тексту",
        search="Поиск",
        search_label="Поиск по тексту и примечаниям",
        search_page="Поиск",
        search_needs_js="Для поиска нужен JavaScript. Без него к каждому месту ведут указатель и оглавление.",
        no_results="Ничего не найдено.",
        results_found="Найдено: {count} — «{query}»",
        previous="Назад",
        next="Далее",
        site_navigation="Издание",
        page_navigation="Предыдущая и следующая страница",
        print_page="печатная страница",
        pages_from="Номера страниц — по PDF-изданию",
        close_note="закрыть",
        notes_in_margin="Примечания",
    ),
}


SITE_STRING_NAMES = frozenset(spec.name for spec in fields(SiteStrings))


def site_strings_for(language: str, overrides: Mapping[str, str]) -> SiteStrings:
    """The site's words for ``language`` (a BCP 47 tag; its primary subtag chooses), English otherwise,
    with those of ``overrides`` (edition.yaml's ``labels:``) that name a site word applied."""
    table = _TABLES.get(primary_language(language), STRINGS)
    own = {name: text for name, text in overrides.items() if name in SITE_STRING_NAMES}
    return replace(table, **own) if own else table
