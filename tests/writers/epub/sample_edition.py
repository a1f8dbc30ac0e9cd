"""A small hand-built ``Edition`` that uses every inline and block node type of ``edition.model``.

The words are placeholders written for the tests (no real work, person or date is described), so nothing
here is a scholarly claim. Ids follow the resolver's conventions (``p-N``, ``gloss-…``, ``fn-…``, ``bib-…``).
"""

from __future__ import annotations

from edition.model import (
    Anchor,
    BibEntry,
    BlockQuote,
    Citation,
    CitationLink,
    CitationRef,
    ContributorNote,
    CrossReference,
    Edition,
    Emendation,
    Emended,
    Essay,
    ExternalLink,
    Footnote,
    FootnoteRef,
    Gloss,
    GlossRef,
    Heading,
    IndexEntry,
    IndexLocation,
    IndexMark,
    LemmaSpan,
    LineBreak,
    ListBlock,
    Metadata,
    NamedAnchor,
    Origin,
    PageRef,
    Paragraph,
    Person,
    Reference,
    Section,
    SourceWitness,
    Style,
    Styled,
    Target,
    Text,
    ThematicBreak,
)

TEXT = "text/sample.md"
APP = "apparatus/sample.yaml"


def _o(path: str, line: int) -> Origin:
    return Origin(path, line, 1)


def _p(number: int, *content, line: int = 1) -> Paragraph:
    return Paragraph(f"p-{number}", number, tuple(content), _o(TEXT, line))


def _note(*content, path: str = APP, line: int = 1) -> Paragraph:
    return Paragraph(None, None, tuple(content), _o(path, line))


def sample_edition(name: str = "sample") -> Edition:
    """Build the sample edition (a fresh object each call; the model is immutable anyway)."""
    bib_cited = BibEntry(
        key="author-1999",
        element_id="bib-author-1999",
        content=(
            Text("Author, Example. 1999. "),
            Styled("em", (Text("A Sample Book"),)),
            Text(". Example Press."),
        ),
        cited=True,
        further_reading=False,
        origin=_o("bibliography.yaml", 2),
    )
    bib_further = BibEntry(
        key="writer-2001",
        element_id="bib-writer-2001",
        content=(Text("Writer, Placeholder. 2001. "), Styled("em", (Text("Further Pages"),)), Text(".")),
        cited=False,
        further_reading=True,
        origin=_o("bibliography.yaml", 9),
    )
    cite_text = Citation("cite-1", "author-1999", "11", "(11)", "bib-author-1999", _o(APP, 40))
    cite_note = Citation("cite-2", "author-1999", "51", "Author 1999, 51", "bib-author-1999", _o(APP, 12))

    target_p2 = Target("p-2", "paragraph", 2, "§ 2")
    target_anchor = Target("anchor-lines", "anchor", 7, "§ 7")

    gloss_market = Gloss(
        element_id="gloss-market",
        lemma_id="lemma-gloss-market",
        number=1,
        lemma=LemmaSpan(1, 4, 17, "market & town"),
        body=(
            _note(
                Text("A placeholder note explaining the "),
                Styled("em", (Text("market"),)),
                Text(" for the tests; see "),
                CitationRef(cite_note),
                Text("."),
                line=10,
            ),
        ),
        origin=_o(APP, 9),
    )
    gloss_order = Gloss(
        element_id="gloss-order",
        lemma_id="lemma-gloss-order",
        number=3,
        lemma=LemmaSpan(6, 0, 11, "keep order"),
        body=(
            _note(
                Text("A second note, with a cross-reference to "),
                Reference(target_p2, (Text("the quotation"),)),
                Text(" "),
                PageRef(target_p2),
                Text(" and to the "),
                Reference(Target("gloss-market", "gloss", 1, "note 1"), (Text("first note"),)),
                Text("."),
                line=16,
            ),
            _note(Text("It has a second paragraph <with> characters that need escaping & care."), line=18),
        ),
        origin=_o(APP, 15),
    )
    gloss_quote = Gloss(
        element_id="gloss-quote",
        lemma_id="lemma-gloss-quote",
        number=2,
        lemma=LemmaSpan(2, 0, 5, "Quote"),
        body=(_note(Text("A note inside a block quotation."), line=22),),
        origin=_o(APP, 21),
    )

    em_surfs = Emendation(
        element_id="em-serfs",
        number=1,
        lemma=LemmaSpan(5, 10, 15, "surfs"),
        original="surfs",
        reading="serfs",
        witness="SRC",
        conjecture=False,
        note=(),
        origin=_o(APP, 30),
    )
    em_conj = Emendation(
        element_id="em-their",
        number=2,
        lemma=LemmaSpan(7, 0, 5, "there"),
        original="there",
        reading="their",
        witness="SRC",
        conjecture=True,
        note=(_note(Text("The editor's conjecture; the source's reading makes no sense here."), line=36),),
        origin=_o(APP, 34),
    )

    footnote_1 = Footnote(
        "fn-1",
        "fnref-1",
        "1",
        (Paragraph(None, None, (Text("The author's own note, kept as the source had it."),), _o(TEXT, 40)),),
        _o(TEXT, 40),
    )
    footnote_2 = Footnote(
        "fn-2",
        "fnref-2",
        "2",
        (
            Paragraph(
                None,
                None,
                (Text("A second authorial note with "), Styled("em", (Text("emphasis"),)), Text(".")),
                _o(TEXT, 41),
            ),
        ),
        _o(TEXT, 41),
    )

    idx_market = IndexEntry(
        "idx-market",
        "market",
        "term",
        "market",
        (IndexLocation("idx-market-1", 1), IndexLocation("idx-market-2", 6)),
        ("idx-town",),
        _o(APP, 50),
    )
    idx_town = IndexEntry(
        "idx-town", "town", "place", "town", (IndexLocation("idx-town-1", 1),), (), _o(APP, 55)
    )
    idx_author = IndexEntry(
        "idx-author",
        "Author, Example",
        "person",
        "author example",
        (IndexLocation("idx-author-1", 5),),
        (),
        _o(APP, 58),
    )

    section_1 = Section(
        element_id="sec-1",
        title=None,
        heading=None,
        blocks=(
            _p(
                1,
                Text("The "),
                Anchor("lemma-gloss-market"),
                IndexMark("idx-market-1", "idx-market"),
                Text("market & "),
                IndexMark("idx-town-1", "idx-town"),
                Text("town"),
                GlossRef(gloss_market),
                Text(" opened early, as the author noted."),
                FootnoteRef("fn-1", "1"),
                Text(" “Curly quotes” and an ellipsis…"),
                line=3,
            ),
            BlockQuote(
                (
                    _p(
                        2,
                        Anchor("lemma-gloss-quote"),
                        Text("Quote"),
                        GlossRef(gloss_quote),
                        Text(" from a source, with its page "),
                        CitationLink(cite_text, (Text("(11)"),)),
                        Text("."),
                        line=5,
                    ),
                ),
                _o(TEXT, 5),
            ),
            ListBlock(
                False,
                (
                    (_p(3, Text("A first list item."), line=7),),
                    (_p(4, Text("A second list item."), FootnoteRef("fn-2", "2"), line=8),),
                ),
                _o(TEXT, 7),
            ),
        ),
        origin=_o(TEXT, 1),
    )
    heading_2 = Heading("h-second-part", 2, (Text("Second "), Styled("em", (Text("part"),))), _o(TEXT, 10))
    section_2 = Section(
        element_id="sec-second-part",
        title="Second part",
        heading=heading_2,
        blocks=(
            _p(
                5,
                Text("Peasants and "),
                Emended(em_surfs, (Text("serfs"),)),
                Text(" met "),
                IndexMark("idx-author-1", "idx-author"),
                Text("the author, "),
                Reference(target_anchor, (Text("as below"),)),
                PageRef(target_anchor),
                Text(". "),
                Styled("strong", (Text("Strong"),)),
                Text(", "),
                Styled("code", (Text("code"),)),
                Text(", "),
                Styled("smallcaps", (Text("Small Caps"),)),
                Text(", a "),
                ExternalLink("https://example.org/a?b=1&c=2", (Text("web link"),)),
                Text(","),
                LineBreak(),
                Text("and a line break."),
                line=12,
            ),
            ThematicBreak(_o(TEXT, 14)),
            # A cross-reference whose lemma contains a gloss marker and italics: links must not nest.
            _p(
                6,
                Reference(
                    target_p2,
                    (
                        Text("Police "),
                        Anchor("lemma-gloss-order"),
                        Styled("em", (Text("keep "),)),
                        IndexMark("idx-market-2", "idx-market"),
                        Text("order"),
                        GlossRef(gloss_order),
                    ),
                ),
                PageRef(target_p2),
                Text(", and "),
                Reference(Target("x-unmarked", "anchor", 3, "§ 3"), (Text("a target no element carries"),)),
                Text("."),
                line=16,
            ),
            Heading("h-a-subsection", 3, (Text("A subsection"),), _o(TEXT, 18)),
            ListBlock(
                True,
                (
                    (
                        _p(
                            7,
                            Anchor("anchor-lines"),
                            Emended(em_conj, (Text("their"),)),
                            Text(" lines were very long."),
                            line=20,
                        ),
                    ),
                ),
                _o(TEXT, 20),
            ),
        ),
        origin=_o(TEXT, 10),
    )

    introduction = Essay(
        element_id="introduction",
        title="Introduction",
        blocks=(
            Paragraph(
                None,
                None,
                (
                    Text("An editor's introduction, citing "),
                    CitationRef(
                        Citation(
                            "cite-3",
                            "author-1999",
                            None,
                            "Author 1999",
                            "bib-author-1999",
                            _o("front/intro.md", 3),
                        )
                    ),
                    Text(" and pointing to "),
                    Reference(Target("p-5", "paragraph", 5, "§ 5"), (Text("§ 5"),)),
                    Text("."),
                ),
                _o("front/intro.md", 3),
            ),
            Heading("h-intro-sub", 2, (Text("Why this edition"),), _o("front/intro.md", 5)),
            Paragraph(None, None, (Text("A second paragraph."),), _o("front/intro.md", 7)),
        ),
        origin=_o("front/intro.md", 1),
    )
    note_on_text = Essay(
        element_id="note-on-the-text",
        title="Note on the Text",
        blocks=(
            Paragraph(
                None, None, (Text("The copy-text is the source named below."),), _o("front/note.md", 3)
            ),
        ),
        origin=_o("front/note.md", 1),
    )

    metadata = Metadata(
        title="A Sample Study Edition",
        subtitle="With every kind of note",
        authors=(Person("Example Author", relator="aut"),),
        editors=(Person("Example Editor"),),
        language="en",
        date="2026-11-26",
        rights="Text and apparatus: placeholder rights statement for tests.",
        identifier="urn:uuid:00000000-0000-4000-8000-000000000001",
        publisher="Example Press",
        subject=("Testing", "Editions"),
        description="A placeholder edition used by the EPUB writer's tests.",
        witnesses=(
            SourceWitness("SRC", "The placeholder source text", url="https://example.org/source"),
            SourceWitness("ALT", "A second placeholder witness"),
        ),
    )
    return Edition(
        name=name,
        root="tests/writers/epub",
        metadata=metadata,
        style=Style(),
        front_matter=(introduction, note_on_text),
        sections=(section_1, section_2),
        footnotes=(footnote_1, footnote_2),
        glosses=(gloss_market, gloss_order, gloss_quote),
        emendations=(em_surfs, em_conj),
        cross_references=(
            CrossReference("xref-below", LemmaSpan(5, 20, 28, "as below"), target_anchor, _o(APP, 44)),
        ),
        anchors=(NamedAnchor("anchor-lines", LemmaSpan(7, 0, 20, "their lines were very"), _o(APP, 46)),),
        citations=(cite_text, cite_note),
        index=(idx_author, idx_market, idx_town),
        bibliography=(bib_cited, bib_further),
        normalisations=(
            "Straight quotation marks are printed as curly ones.",
            "Spaced hyphens are printed as dashes.",
        ),
        contributor_notes=(
            ContributorNote(
                "Example Author",
                "aut",
                (Paragraph(None, None, (Text("Example Author is a placeholder."),), _o("edition.yaml", 5)),),
            ),
        ),
    )


def sample_page_map() -> dict[str, str]:
    """A made-up print pagination for the sample: ids of the text mapped to page labels (pages 1–4)."""
    return {
        "introduction": "1",
        "p-1": "3",
        "lemma-gloss-market": "3",
        "p-2": "3",
        "p-3": "4",
        "p-4": "4",
        "h-second-part": "6",  # page 5 holds nothing with an id: its marker is filled in before page 6
        "p-5": "6",
        "p-6": "6",
        "p-7": "7",
        "anchor-lines": "7",
        "gloss-market": "3",
        "not-in-the-epub": "9",
    }
