"""The book's own words in English, German, French, Spanish, Italian and Russian.

One flat table per language (primary BCP 47 subtag → label name → text). The label names are the field
names of ``edition.book.labels.Labels``; ``about_authors_plural`` and ``about_contributors_plural`` are the
headings for more than one person (labels follow the count, ``counted_label``). ``MONTHS`` holds the month
names as a date prints them (Russian in the genitive: «2 декабря 2026»).

The apparatus abbreviations ``conj.`` and ``om.`` stay Latin in every language: critical apparatuses print
them so whatever the language of the edition. Terms chosen where usage varies are listed in docs/format.md.
"""

from __future__ import annotations

from collections.abc import Mapping

NBSP = "\u00a0"
NNBSP = "\u202f"  # French: a narrow no-break space before ; ! ?

ENGLISH: Mapping[str, str] = {
    "cover": "Cover",
    "title_page": "Title Page",
    "imprint": "Imprint",
    "contents": "Contents",
    "note_on_the_text": "Note on the Text",
    "author_notes": "Notes",
    "gloss_endnotes": "Editorial Notes",
    "gloss_endnotes_intro": "These notes were too long for the margin of their page.",
    "textual_notes": "Textual Notes",
    "bibliography": "Bibliography",
    "works_cited": "Works Cited",
    "further_reading": "Further Reading",
    "index": "Index",
    "index_persons": "Persons",
    "index_terms": "Terms",
    "index_places": "Places",
    "index_works": "Works",
    "index_other": "Other",
    "see_also": "See also",
    "edited_by": "Edited by",
    "translated_by": "Translated by",
    "about_authors": "About the Author",
    "about_authors_plural": "About the Authors",
    "about_contributors": "About the Contributor",
    "about_contributors_plural": "About the Contributors",
    "copy_text": "Copy-text",
    "published_by": "Published by",
    "this_edition": "This edition",
    "rights": "Rights",
    "identifier": "Identifier",
    "published": "Published",
    "edition_date": "Edition date",
    "sigla": "Sigla",
    "witnesses": "Witnesses",
    "copy_text_marker": "copy-text",
    "normalisations": "Normalisations",
    "normalisations_intro": "These changes are made silently throughout the text:",
    "textual_notes_key": (
        "Each note gives the paragraph (§), the reading this edition prints, a bracket, then the reading of "
        "the copy-text and the siglum of its witness; conj. marks the editor’s conjecture."
    ),
    "conjecture": "conj.",
    "omitted": "om.",
    "variant_readings": "Variant Readings",
    "variant_readings_key": (
        "Each entry gives the paragraph (§), the words of the copy-text, a bracket, then what the other "
        "witnesses read, each reading followed by their sigla; om. marks an omission."
    ),
    "variant_reading": "Variant reading",
    "paragraph_sign": "§",
    "page_abbreviation": "p.",
    "heading": "heading",
    "heading_before": "heading before",
    "landmarks": "Landmarks",
    "page_list": "Print Page List",
    "print_edition": "Print edition (PDF)",
    "start_of_text": "Start of the Text",
    "notes_section": "Notes",
    "gloss": "Gloss",
    "author_note": "Author’s note",
    "textual_note": "Textual note",
    "back_to_text": "back to the text",
}

GERMAN: Mapping[str, str] = {
    "cover": "Umschlag",
    "title_page": "Titelblatt",
    "imprint": "Impressum",
    "contents": "Inhalt",
    "note_on_the_text": "Editorische Notiz",
    "author_notes": "Anmerkungen",
    "gloss_endnotes": "Erläuterungen",
    "gloss_endnotes_intro": "Diese Erläuterungen waren für den Rand ihrer Seite zu lang.",
    "textual_notes": "Textkritische Anmerkungen",
    "bibliography": "Literaturverzeichnis",
    "works_cited": "Zitierte Literatur",
    "further_reading": "Weiterführende Literatur",
    "index": "Register",
    "index_persons": "Personen",
    "index_terms": "Begriffe",
    "index_places": "Orte",
    "index_works": "Werke",
    "index_other": "Sonstiges",
    "see_also": "Siehe auch",
    "edited_by": "Herausgegeben von",
    "translated_by": "Übersetzt von",
    "about_authors": "Über den Autor",
    "about_authors_plural": "Über die Autoren",
    "about_contributors": "Zu den Beteiligten",
    "about_contributors_plural": "Zu den Beteiligten",
    "copy_text": "Textgrundlage",
    "published_by": "Verlag",
    "this_edition": "Diese Ausgabe",
    "rights": "Rechte",
    "identifier": "Kennung",
    "published": "Erschienen",
    "edition_date": "Datum der Ausgabe",
    "sigla": "Siglen",
    "witnesses": "Textzeugen",
    "copy_text_marker": "Textgrundlage",
    "normalisations": "Normalisierungen",
    "normalisations_intro": "Folgende Eingriffe sind im ganzen Text stillschweigend vorgenommen:",
    "textual_notes_key": (
        "Jede Anmerkung nennt den Absatz (§), die Lesart dieser Ausgabe, eine eckige Klammer, dann die "
        "Lesart der Textgrundlage und die Sigle ihres Textzeugen; conj. bezeichnet eine Konjektur des "
        "Herausgebers."
    ),
    "conjecture": "conj.",
    "omitted": "om.",
    "variant_readings": "Lesarten",
    "variant_readings_key": (
        "Jeder Eintrag nennt den Absatz (§), die Worte der Textgrundlage, eine eckige Klammer, dann die "
        "Lesarten der anderen Textzeugen, jede mit ihren Siglen; om. bezeichnet eine Auslassung."
    ),
    "variant_reading": "Lesart",
    "paragraph_sign": "§",
    "page_abbreviation": "S.",
    "heading": "Überschrift",
    "heading_before": "Überschrift vor",
    "landmarks": "Orientierungspunkte",
    "page_list": "Seiten der Druckausgabe",
    "print_edition": "Druckausgabe (PDF)",
    "start_of_text": "Beginn des Textes",
    "notes_section": "Anmerkungen",
    "gloss": "Erläuterung",
    "author_note": "Anmerkung des Autors",
    "textual_note": "Textkritische Anmerkung",
    "back_to_text": "zurück zum Text",
}

FRENCH: Mapping[str, str] = {
    "cover": "Couverture",
    "title_page": "Page de titre",
    "imprint": "Mentions légales",
    "contents": "Table des matières",
    "note_on_the_text": "Note sur le texte",
    "author_notes": "Notes",
    "gloss_endnotes": "Notes de l’éditeur",
    "gloss_endnotes_intro": "Ces notes étaient trop longues pour la marge de leur page.",
    "textual_notes": "Notes critiques",
    "bibliography": "Bibliographie",
    "works_cited": "Ouvrages cités",
    "further_reading": "Lectures complémentaires",
    "index": "Index",
    "index_persons": "Personnes",
    "index_terms": "Notions",
    "index_places": "Lieux",
    "index_works": "Œuvres",
    "index_other": "Divers",
    "see_also": "Voir aussi",
    "edited_by": "Édition établie par",
    "translated_by": "Traduit par",
    "about_authors": "À propos de l’auteur",
    "about_authors_plural": "À propos des auteurs",
    "about_contributors": "À propos du contributeur",
    "about_contributors_plural": "À propos des contributeurs",
    "copy_text": "Texte de base",
    "published_by": "Éditeur",
    "this_edition": "Cette édition",
    "rights": "Droits",
    "identifier": "Identifiant",
    "published": "Publié",
    "edition_date": "Date de l’édition",
    "sigla": "Sigles",
    "witnesses": "Témoins",
    "copy_text_marker": "texte de base",
    "normalisations": "Normalisations",
    "normalisations_intro": f"Ces modifications sont faites tacitement dans tout le texte{NBSP}:",
    "textual_notes_key": (
        "Chaque note donne le paragraphe (§), la leçon que cette édition imprime, un crochet, puis la leçon "
        f"du texte de base et le sigle de son témoin{NNBSP}; conj. signale une conjecture de l’éditeur."
    ),
    "conjecture": "conj.",
    "omitted": "om.",
    "variant_readings": "Variantes",
    "variant_readings_key": (
        f"Chaque entrée donne le paragraphe (§), les mots du texte de base, un crochet, puis les leçons des "
        f"autres témoins, chacune suivie de leurs sigles{NNBSP}; om. signale une omission."
    ),
    "variant_reading": "Variante",
    "paragraph_sign": "§",
    "page_abbreviation": "p.",
    "heading": "titre",
    "heading_before": "titre avant le",
    "landmarks": "Repères",
    "page_list": "Pages de l’édition imprimée",
    "print_edition": "Édition imprimée (PDF)",
    "start_of_text": "Début du texte",
    "notes_section": "Notes",
    "gloss": "Note de l’éditeur",
    "author_note": "Note de l’auteur",
    "textual_note": "Note critique",
    "back_to_text": "retour au texte",
}

SPANISH: Mapping[str, str] = {
    "cover": "Cubierta",
    "title_page": "Portada",
    "imprint": "Créditos",
    "contents": "Índice",
    "note_on_the_text": "Nota sobre el texto",
    "author_notes": "Notas",
    "gloss_endnotes": "Notas del editor",
    "gloss_endnotes_intro": "Estas notas eran demasiado largas para el margen de su página.",
    "textual_notes": "Notas textuales",
    "bibliography": "Bibliografía",
    "works_cited": "Obras citadas",
    "further_reading": "Lecturas complementarias",
    "index": "Índice analítico",
    "index_persons": "Nombres",
    "index_terms": "Materias",
    "index_places": "Lugares",
    "index_works": "Obras",
    "index_other": "Otros",
    "see_also": "Véase también",
    "edited_by": "Edición a cargo de",
    "translated_by": "Traducción de",
    "about_authors": "Sobre el autor",
    "about_authors_plural": "Sobre los autores",
    "about_contributors": "Sobre el colaborador",
    "about_contributors_plural": "Sobre los colaboradores",
    "copy_text": "Texto base",
    "published_by": "Editorial",
    "this_edition": "Esta edición",
    "rights": "Derechos",
    "identifier": "Identificador",
    "published": "Publicado",
    "edition_date": "Fecha de la edición",
    "sigla": "Siglas",
    "witnesses": "Testimonios",
    "copy_text_marker": "texto base",
    "normalisations": "Normalizaciones",
    "normalisations_intro": "Estos cambios se hacen tácitamente en todo el texto:",
    "textual_notes_key": (
        "Cada nota da el párrafo (§), la lectura que imprime esta edición, un corchete, luego la lectura del "
        "texto base y la sigla de su testimonio; conj. señala una conjetura del editor."
    ),
    "conjecture": "conj.",
    "omitted": "om.",
    "variant_readings": "Variantes",
    "variant_readings_key": (
        "Cada entrada da el párrafo (§), las palabras del texto base, un corchete, luego las lecturas de los "
        "otros testimonios, cada una seguida de sus siglas; om. señala una omisión."
    ),
    "variant_reading": "Variante",
    "paragraph_sign": "§",
    "page_abbreviation": "p.",
    "heading": "título",
    "heading_before": "título antes del",
    "landmarks": "Puntos de referencia",
    "page_list": "Páginas de la edición impresa",
    "print_edition": "Edición impresa (PDF)",
    "start_of_text": "Comienzo del texto",
    "notes_section": "Notas",
    "gloss": "Nota del editor",
    "author_note": "Nota del autor",
    "textual_note": "Nota textual",
    "back_to_text": "volver al texto",
}

ITALIAN: Mapping[str, str] = {
    "cover": "Copertina",
    "title_page": "Frontespizio",
    "imprint": "Colophon",
    "contents": "Indice",
    "note_on_the_text": "Nota al testo",
    "author_notes": "Note",
    "gloss_endnotes": "Note del curatore",
    "gloss_endnotes_intro": "Queste note erano troppo lunghe per il margine della loro pagina.",
    "textual_notes": "Apparato critico",
    "bibliography": "Bibliografia",
    "works_cited": "Opere citate",
    "further_reading": "Letture consigliate",
    "index": "Indice analitico",
    "index_persons": "Nomi",
    "index_terms": "Argomenti",
    "index_places": "Luoghi",
    "index_works": "Opere",
    "index_other": "Altro",
    "see_also": "Vedi anche",
    "edited_by": "A cura di",
    "translated_by": "Traduzione di",
    "about_authors": "L’autore",
    "about_authors_plural": "Gli autori",
    "about_contributors": "Il collaboratore",
    "about_contributors_plural": "I collaboratori",
    "copy_text": "Testo base",
    "published_by": "Editore",
    "this_edition": "Questa edizione",
    "rights": "Diritti",
    "identifier": "Identificativo",
    "published": "Pubblicato",
    "edition_date": "Data dell’edizione",
    "sigla": "Sigle",
    "witnesses": "Testimoni",
    "copy_text_marker": "testo base",
    "normalisations": "Normalizzazioni",
    "normalisations_intro": "Queste modifiche sono apportate tacitamente in tutto il testo:",
    "textual_notes_key": (
        "Ogni nota indica il paragrafo (§), la lezione stampata da questa edizione, una parentesi quadra, "
        "poi la lezione del testo base e la sigla del suo testimone; conj. indica una congettura del "
        "curatore."
    ),
    "conjecture": "conj.",
    "omitted": "om.",
    "variant_readings": "Varianti",
    "variant_readings_key": (
        "Ogni voce indica il paragrafo (§), le parole del testo base, una parentesi quadra, poi le lezioni "
        "degli altri testimoni, ciascuna seguita dalle loro sigle; om. indica un’omissione."
    ),
    "variant_reading": "Variante",
    "paragraph_sign": "§",
    "page_abbreviation": "p.",
    "heading": "titolo",
    "heading_before": "titolo prima del",
    "landmarks": "Punti di riferimento",
    "page_list": "Pagine dell’edizione a stampa",
    "print_edition": "Edizione a stampa (PDF)",
    "start_of_text": "Inizio del testo",
    "notes_section": "Note",
    "gloss": "Nota del curatore",
    "author_note": "Nota dell’autore",
    "textual_note": "Nota critica",
    "back_to_text": "torna al testo",
}

RUSSIAN: Mapping[str, str] = {
    "cover": "Обложка",
    "title_page": "Титульный лист",
    "imprint": "Выходные данные",
    "contents": "Содержание",
    "note_on_the_text": "О принципах издания",
    "author_notes": "Примечания",
    "gloss_endnotes": "Комментарии",
    "gloss_endnotes_intro": "Эти комментарии оказались слишком длинными для поля своей страницы.",
    "textual_notes": "Текстологические примечания",
    "bibliography": "Библиография",
    "works_cited": "Цитируемая литература",
    "further_reading": "Рекомендуемая литература",
    "index": "Указатель",
    "index_persons": "Имена",
    "index_terms": "Понятия",
    "index_places": "Места",
    "index_works": "Произведения",
    "index_other": "Прочее",
    "see_also": "См. также",
    "edited_by": "Под редакцией",
    "translated_by": "Перевод",
    "about_authors": "Об авторе",
    "about_authors_plural": "Об авторах",
    "about_contributors": "Об участнике",
    "about_contributors_plural": "Об участниках",
    "copy_text": "Основной источник текста",
    "published_by": "Издатель",
    "this_edition": "Настоящее издание",
    "rights": "Права",
    "identifier": "Идентификатор",
    "published": "Опубликовано",
    "edition_date": "Дата издания",
    "sigla": "Сиглы",
    "witnesses": "Источники текста",
    "copy_text_marker": "основной источник",
    "normalisations": "Нормализация",
    "normalisations_intro": "Эти изменения внесены во весь текст без оговорок:",
    "textual_notes_key": (
        "Каждое примечание указывает абзац (§), чтение настоящего издания, квадратную скобку, затем чтение "
        "основного источника и его сиглу; conj. обозначает конъектуру редактора."
    ),
    "conjecture": "conj.",
    "omitted": "om.",
    "variant_readings": "Разночтения",
    "variant_readings_key": (
        "Каждая запись указывает абзац (§), слова основного источника, квадратную скобку, затем чтения "
        "других источников, каждое с их сиглами; om. обозначает пропуск."
    ),
    "variant_reading": "Разночтение",
    "paragraph_sign": "§",
    "page_abbreviation": "с.",
    "heading": "заголовок",
    "heading_before": "заголовок перед",
    "landmarks": "Ориентиры",
    "page_list": "Страницы печатного издания",
    "print_edition": "Печатное издание (PDF)",
    "start_of_text": "Начало текста",
    "notes_section": "Примечания",
    "gloss": "Комментарий",
    "author_note": "Примечание автора",
    "textual_note": "Текстологическое примечание",
    "back_to_text": "назад к тексту",
}

LABEL_TABLES: Mapping[str, Mapping[str, str]] = {
    "en": ENGLISH,
    "de": GERMAN,
    "fr": FRENCH,
    "es": SPANISH,
    "it": ITALIAN,
    "ru": RUSSIAN,
}
LABEL_NAMES = frozenset(ENGLISH)

MONTHS: Mapping[str, tuple[str, ...]] = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"),
    "de": ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
           "November", "Dezember"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
           "novembre", "décembre"),
    "es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
           "octubre", "noviembre", "diciembre"),
    "it": ("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre",
           "ottobre", "novembre", "dicembre"),
    "ru": ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
           "октября", "ноября", "декабря"),
}  # fmt: skip

# Labels whose text depends on how many there are: name → the name used for more than one.
COUNTED: Mapping[str, str] = {
    "about_authors": "about_authors_plural",
    "about_contributors": "about_contributors_plural",
}


def primary_language(language: str) -> str:
    """``en-GB`` → ``en``: the tables are per language, not per region."""
    return language.strip().lower().replace("_", "-").split("-")[0]


def label_table(language: str) -> Mapping[str, str]:
    """The table for a BCP 47 tag; English for a language without one."""
    return LABEL_TABLES.get(primary_language(language), ENGLISH)


def counted_name(name: str, count: int) -> str:
    """The name of the label to print for ``count`` of something: ``about_authors`` for one,
    ``about_authors_plural`` for two."""
    plural = COUNTED.get(name)
    return plural if plural is not None and count != 1 else name


def counted_label(table: Mapping[str, str], name: str, count: int) -> str:
    """A label that follows the count: "About the Author" for one, "About the Authors" for two."""
    return table[counted_name(name, count)]
