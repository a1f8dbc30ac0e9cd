"""Contributors' roles and their MARC relator codes, which EPUB reading systems and library records read.

The codes are those of the Library of Congress MARC Code List for Relators (id.loc.gov/vocabulary/relators).
"""

from __future__ import annotations

from collections.abc import Mapping

# role as edition.yaml names it -> MARC relator code
RELATORS: Mapping[str, str] = {
    "author": "aut",
    "translator": "trl",
    "editor": "edt",
    "author-of-introduction": "aui",
    "author-of-afterword": "aft",
    "annotator": "ann",
    "commentator": "cwt",  # commentator for written text
    "compiler": "com",
    "illustrator": "ill",
    "contributor": "ctb",
}
