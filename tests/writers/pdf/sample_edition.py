"""A hand-built Edition covering every node type, for the PDF writer's tests.

Built without the reader so the writer's tests do not depend on it, and sized (``filler``) so that
references cross pages. The text is synthetic: no bibliographic fact in it is real.
"""

from __future__ import annotations

from pathlib import Path

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
    Inline,
    LemmaSpan,
    LineBreak,
    ListBlock,
    Metadata,
    NamedAnchor,
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
from edition.model import Origin as O

FILLER = (
    "The committee met again in the spring and argued about the order of business for most of the "
    "afternoon, until the chair proposed that the question of the budget be postponed to the next "
    "session and the members went home without a vote on any of the motions before them."
)
TEXT = "text/article.md"
GLOSSES = "apparatus/glosses.yaml"
OTHER = "apparatus/other.yaml"


def p(number: int | None, *content: Inline, line: int = 1, path: str = TEXT) -> Paragraph:
    return Paragraph(f"p-{number}" if number is not None else None, number, tuple(content), O(path, line, 1))


def sample_edition(
    root: Path,
    *,
    filler: int = 6,
    style: Style | None = None,
    extra_text: tuple[Inline, ...] = (),
    long_gloss: bool = False,
) -> Edition:
    """The sample edition rooted at ``root`` (a folder that exists; the build may read files there).

    ``filler`` paragraphs follow each section's content so the text runs over several pages;
    ``extra_text`` is appended to paragraph 1; ``long_gloss`` makes gloss 3 too tall for any margin.
    """
    root.mkdir(parents=True, exist_ok=True)
    n = 10 + max(filler, 1)  # the first paragraph of the second section
    cite_a = Citation("cite-1", "doe-1999", "12", "(Doe 1999, 12)", "bib-doe-1999", O(GLOSSES, 4, 7))
    cite_b = Citation("cite-2", "doe-1999", "7", "(Doe 1999, 7)", "bib-doe-1999", O(OTHER, 20, 5))
    cite_c = Citation("cite-3", "roe-2001", None, "(Roe 2001)", "bib-roe-2001", O(GLOSSES, 14, 7))
    to_quote = Target("a-quote", "anchor", 5, "§ 5")
    last_filler = 9 + max(filler, 1)
    to_late = Target(f"p-{last_filler}", "paragraph", last_filler, f"§ {last_filler}")
    to_gloss1 = Target("lemma-committee", "gloss", 1, "§ 1")
    to_emendation = Target("em-budget", "emendation", 9, "§ 9")
    to_section = Target("h-2", "section", None, "The second part")

    gloss1 = Gloss(
        "gloss-committee",
        "lemma-committee",
        1,
        LemmaSpan(1, 4, 13, "committee"),
        (
            p(
                None,
                Text("A body of members; see "),
                PageRef(to_late),
                Text(" for the vote "),
                CitationRef(cite_a),
                Text("."),
                path=GLOSSES,
            ),
            p(
                None,
                Text("A second paragraph of the gloss, with "),
                Styled("em", (Text("italics"),)),
                Text("."),
                path=GLOSSES,
            ),
        ),
        O(GLOSSES, 2, 5),
    )
    gloss2 = Gloss(
        "gloss-chair",
        "lemma-chair",
        2,
        LemmaSpan(2, 10, 15, "chair"),
        (p(None, Text("Who presides. Compare "), PageRef(to_gloss1), Text("."), path=GLOSSES),),
        O(GLOSSES, 8, 5),
    )
    gloss3_body = (p(None, Text("A note on the motion "), CitationRef(cite_c), Text("."), path=GLOSSES),)
    if long_gloss:
        gloss3_body = tuple(p(None, Text(FILLER), path=GLOSSES) for _ in range(14))
    gloss3 = Gloss(
        "gloss-motion", "lemma-motion", 3, LemmaSpan(n + 2, 0, 6, "motion"), gloss3_body, O(GLOSSES, 12, 5)
    )
    emendation = Emendation(
        "em-budget",
        1,
        LemmaSpan(9, 4, 10, "budjet"),
        "budjet",
        "budget",
        "S",
        False,
        (p(None, Text("A spelling slip."), path=OTHER),),
        O(OTHER, 2, 5),
    )
    conjecture = Emendation(
        "em-vote", 2, LemmaSpan(n + 3, 4, 8, "boat"), "boat", "vote", "S", True, (), O(OTHER, 7, 5)
    )
    footnote = Footnote(
        "fn-1",
        "fnref-1",
        "1",
        (p(None, Text("The author's own note, as printed."), line=40),),
        O(TEXT, 40, 1),
    )

    def filler_paragraphs(start: int, count: int, marks: dict[int, tuple[Inline, ...]]) -> list[Paragraph]:
        out = []
        for n in range(start, start + count):
            out.append(p(n, *marks.get(n, ()), Text(FILLER), line=n))
        return out

    section1 = Section(
        "sec-1",
        None,
        None,
        (
            p(
                1,
                Text("The "),
                Anchor("lemma-committee"),
                IndexMark("ix-committee-1", "index-committee"),
                Text("committee"),
                GlossRef(gloss1),
                Text(" opened with "),
                Styled("smallcaps", (Text("Small Caps"),)),
                Text(", "),
                Styled("strong", (Text("strong words"),)),
                Text(", "),
                Styled("code", (Text("code"),)),
                Text(" and a "),
                ExternalLink("https://example.org/", (Text("web link"),)),
                Text("."),
                FootnoteRef("fn-1", "1"),
                *extra_text,
            ),
            p(
                2,
                Text("The "),
                Anchor("lemma-chair"),
                Text("chair"),
                GlossRef(gloss2),
                Text(" spoke"),
                LineBreak(),
                Text("on a new line; see "),
                Reference(to_section, (Text("the second part"),)),
                PageRef(to_section),
                Text(" and "),
                CitationLink(cite_b, (Text("(7)"),)),
                Text(". <b>Not markup</b> & more."),
            ),
            *filler_paragraphs(
                3, 2, {3: (IndexMark("ix-committee-2", "index-committee"), Text("Committee. "))}
            ),
            BlockQuote(
                (p(5, Anchor("a-quote"), Text("A quoted passage that the apparatus names. "), Text(FILLER)),),
                O(TEXT, 5, 1),
            ),
            ListBlock(
                False, ((p(6, Text("An item in a list.")),), (p(7, Text("Another item.")),)), O(TEXT, 6, 1)
            ),
            ThematicBreak(O(TEXT, 8, 1)),
            p(
                8,
                IndexMark("ix-committee-3", "index-committee"),
                Text("Committee again. "),
                Text(FILLER),
                line=8,
            ),
            p(
                9,
                Text("The "),
                Emended(emendation, (Text("budget"),)),
                Text(" was postponed. "),
                Text(FILLER),
                line=9,
            ),
            *filler_paragraphs(10, max(filler, 1), {}),
        ),
        O(TEXT, 1, 1),
    )
    heading = Heading(
        "h-2", 2, (Text("The "), Styled("em", (Text("second"),)), Text(" part")), O(TEXT, 30, 1)
    )
    section2 = Section(
        "sec-2",
        "The second part",
        heading,
        (
            p(
                n,
                Text("As "),
                Reference(to_quote, (Text("quoted above"),)),
                PageRef(to_quote),
                Text(", and see the "),
                Reference(to_emendation, (Text("textual note"),)),
                PageRef(to_emendation),
                Text(". "),
                IndexMark("ix-chair-1", "index-chair"),
                Text("Chair. "),
                Text(FILLER),
                line=n,
            ),
            *filler_paragraphs(n + 1, 1, {}),
            p(
                n + 2,
                Anchor("lemma-motion"),
                Text("motion"),
                GlossRef(gloss3),
                Text(" carried. "),
                Text(FILLER),
                line=n + 2,
            ),
            p(
                n + 3,
                Text("The "),
                Emended(conjecture, (Text("vote"),)),
                Text(" was taken. "),
                Text(FILLER),
                line=n + 3,
            ),
            *filler_paragraphs(n + 4, 3, {}),
        ),
        O(TEXT, 30, 1),
    )
    sections = (section1, section2)

    intro = Essay(
        "front-1",
        "Introduction",
        (
            p(
                None,
                Text("This edition presents the text; see "),
                PageRef(to_quote),
                Text(" and "),
                CitationRef(
                    Citation(
                        "cite-4",
                        "doe-1999",
                        None,
                        "(Doe 1999)",
                        "bib-doe-1999",
                        O("front/introduction.md", 1, 1),
                    )
                ),
                Text("."),
                path="front/introduction.md",
            ),
            Heading(
                "front-1-h", 2, (Text("A heading in the introduction"),), O("front/introduction.md", 3, 1)
            ),
            p(None, Text(FILLER), path="front/introduction.md"),
        ),
        O("front/introduction.md", 1, 1),
    )
    note = Essay(
        "front-2",
        "Note on the Text",
        (p(None, Text("The copy-text is the only printing."), path="front/note.md"),),
        O("front/note.md", 1, 1),
    )

    bibliography = (
        BibEntry(
            "doe-1999",
            "bib-doe-1999",
            (Text("Doe, Jane. 1999. "), Styled("em", (Text("A Test Book"),)), Text(". Test Press.")),
            True,
            False,
            O("bibliography.yaml", 2, 5),
        ),
        BibEntry(
            "roe-2001",
            "bib-roe-2001",
            (Text("Roe, Rick. 2001. "), Styled("em", (Text("Another"),)), Text(".")),
            True,
            True,
            O("bibliography.yaml", 9, 5),
        ),
        BibEntry(
            "poe-2005",
            "bib-poe-2005",
            (Text("Poe, Pat. 2005. "), Styled("em", (Text("Further"),)), Text(".")),
            False,
            True,
            O("bibliography.yaml", 15, 5),
        ),
    )
    index = (
        IndexEntry(
            "index-committee",
            "committee",
            "term",
            "committee",
            (
                IndexLocation("ix-committee-1", 1),
                IndexLocation("ix-committee-2", 3),
                IndexLocation("ix-committee-3", 8),
            ),
            ("index-chair",),
            O(OTHER, 30, 5),
        ),
        IndexEntry(
            "index-chair",
            "Chair, The",
            "person",
            "chair, the",
            (IndexLocation("ix-chair-1", n),),
            (),
            O(OTHER, 34, 5),
        ),
    )
    metadata = Metadata(
        title="A Sample Edition",
        subtitle="For the PDF writer's tests",
        authors=(Person("Sam Author", relator="aut"),),
        editors=(Person("Ed Itor"),),
        language="en",
        date="2026-11-26",
        rights="Sample text, no rights reserved.",
        identifier="urn:uuid:00000000-0000-4000-8000-0000000000aa",
        publisher=None,
        subject=("Testing", "Typesetting"),
        description="A synthetic edition.",
        witnesses=(SourceWitness("S", "The sample printing"),),
    )
    return Edition(
        name="sample",
        root=str(root),
        metadata=metadata,
        style=style or Style(),
        front_matter=(intro, note),
        sections=sections,
        footnotes=(footnote,),
        glosses=(gloss1, gloss2, gloss3),
        emendations=(emendation, conjecture),
        cross_references=(
            CrossReference("x-quoted", LemmaSpan(n, 3, 15, "quoted above"), to_quote, O(OTHER, 12, 5)),
        ),
        anchors=(NamedAnchor("a-quote", LemmaSpan(5, 0, 10, "A quoted"), O(OTHER, 16, 5)),),
        citations=(cite_a, cite_b, cite_c),
        index=index,
        bibliography=bibliography,
        normalisations=("Straight quotation marks are printed as curly ones.",),
        contributor_notes=(
            ContributorNote(
                "Sam Author",
                "aut",
                (Paragraph(None, None, (Text("Sam Author writes sample texts."),), O("edition.yaml", 5)),),
            ),
        ),
    )
