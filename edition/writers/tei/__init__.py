"""TEI P5: the edition as a TEI document (parallel segmentation), for TEI Publisher, EVT and archives.

The same ids as the PDF and the EPUB (``p-31`` for § 31, the glosses', variants' and emendations' ids), so
a citation of one output finds its place in the others.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from edition.model import Edition
from edition.outputs import OutputTransaction
from edition.writers.errors import WriterError, book_for_writer
from edition.writers.tei.document import tei_document

__all__ = ["TeiBuildResult", "build_tei", "tei_bytes"]


@dataclass(frozen=True, slots=True)
class TeiBuildResult:
    path: Path


def tei_bytes(edition: Edition) -> bytes:
    """The TEI document of ``edition``, UTF-8, with an XML declaration; the same edition, the same bytes."""
    book = book_for_writer(edition, WriterError)
    return etree.tostring(tei_document(book), xml_declaration=True, encoding="UTF-8") + b"\n"


def build_tei(edition: Edition, build_dir: Path, outputs: OutputTransaction | None = None) -> TeiBuildResult:
    """Write ``build_dir/<edition.name>.tei.xml`` (staged in ``outputs`` when given)."""
    path = Path(build_dir) / f"{edition.name}.tei.xml"
    data = tei_bytes(edition)
    if outputs is not None:
        outputs.stage(path, data)
    else:
        with OutputTransaction() as own:
            own.stage(path, data)
            own.commit()
    return TeiBuildResult(path)
