"""The print page words saved beside the PDFs, so an EPUB or web build without a PDF in its run can use them.

The PDF build writes ``<name>-print-pages.json`` together with the PDFs (one output transaction): the words
of every page (``edition.book.print_pages``) and what those words depend on, recorded so that a later build
can tell whether they still hold:

- ``edition``: a digest of the resolved edition as the print layout saw it (every text node, apparatus
  entry, metadata and style value; not the source positions, which change when a line is added above an
  entry without changing what is printed), with the digest of the program itself (every file of the
  ``edition`` package, its templates and stylesheets included, the versions of WeasyPrint and the Python
  libraries that lay out text, and those of the system's Pango, HarfBuzz and Fontconfig), since a new
  version may break lines differently;
- ``files``: the SHA-256 of every file the layout read besides those: the edition's own stylesheet and what
  it pulls in (images), and the font files; a file it asked for and did not find is recorded as absent
  (``null``), so adding it later makes the words stale too.

A build uses the saved words only when all of them agree with its own; otherwise they are *stale* (the
text, the style, a file or the program changed since the PDF was built) and ignored: the EPUB then has no
page list, the web edition falls back to the page map. A file that cannot be read, is not what this module
writes, or whose checksum (over all of the above) does not match is *unreadable*: ignored too, with a
warning. The checksum catches damage, not a forger (anyone who can write the build folder can write the
outputs too); markers are placed only where the saved words are found in the rendered text.
"""

from __future__ import annotations

import ctypes
import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields, is_dataclass
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Literal

from edition.book.print_pages import PrintPage, words
from edition.diagnostics import Diagnostic
from edition.model import Edition, Origin

FORMAT = "edition-print-pages/1"
SUFFIX = "-print-pages.json"
MAX_BYTES = 64 * 1024 * 1024  # far above any book's words; a bigger file is not ours
# What the layout of text depends on besides our own code (their versions).
LAYOUT_LIBRARIES = ("weasyprint", "pydyf", "pyphen", "tinycss2", "cssselect2", "fonttools", "pillow")
# The system libraries WeasyPrint lays text out with (the names it loads them by), and how each gives its
# version; one not found is recorded as "-" (the same on both sides unless the system changed).
NATIVE_LIBRARIES = (
    ("pango", ("libpango-1.0.so.0", "libpango-1.0.dylib", "libpango-1.0-0.dll"), "pango_version_string"),
    ("harfbuzz", ("libharfbuzz.so.0", "libharfbuzz.0.dylib", "libharfbuzz-0.dll"), "hb_version_string"),
    ("fontconfig", ("libfontconfig.so.1", "libfontconfig.1.dylib", "libfontconfig-1.dll"), "FcGetVersion"),
)
# Fields that say where something was written, not what is printed.
_POSITIONS = frozenset({"origin", "origins", "title_origin", "root"})
_LABEL = re.compile(r"[0-9a-z]{1,12}")
PACKAGE = Path(__file__).resolve().parents[1]

CHANGED = "the edition (its text, apparatus or style) or the program changed"
State = Literal["none", "used", "stale", "unreadable"]


@dataclass(frozen=True, slots=True)
class SavedPrintPages:
    """The outcome of looking for saved page words: the words when they hold, else why not."""

    state: State
    pages: tuple[PrintPage, ...] = ()  # only when ``state == "used"``
    reason: str = ""  # why stale or unreadable
    warning: Diagnostic | None = None  # set when unreadable

    def describe(self) -> str:
        """For a build's report line (empty when there was no file)."""
        if self.state == "used":
            return "print pages from the last PDF build"
        if self.state == "stale":
            return f"print pages not used: {self.reason} since the last PDF build"
        if self.state == "unreadable":
            return "print pages not used: their file is unreadable"
        return ""


def saved_path(build_dir: Path, name: str) -> Path:
    return Path(build_dir) / f"{name}{SUFFIX}"


def dump_print_pages(
    edition: Edition, pages: Sequence[PrintPage], files: Mapping[Path, str | None], root: Path
) -> bytes:
    """The saved file: ``pages`` with what they depend on; ``files`` maps each file the layout asked for to
    its SHA-256 (None: it was not there)."""
    body = {
        "format": FORMAT,
        "name": edition.name,
        "edition": edition_digest(edition),
        "files": {_shown(path, root): digest for path, digest in sorted(files.items())},
        "pages": [{"label": page.label, "words": list(page.words)} for page in pages],
    }
    record = {**body, "checksum": _checksum(body)}
    return (json.dumps(record, ensure_ascii=False, indent=0, sort_keys=True) + "\n").encode()


def load_print_pages(edition: Edition, build_dir: Path) -> SavedPrintPages:
    """The saved page words of ``edition`` in ``build_dir``, if they hold for it now (never raises)."""
    path = saved_path(build_dir, edition.name)
    try:
        if not path.is_file():
            return SavedPrintPages("none")
        if path.stat().st_size > MAX_BYTES:
            return _unreadable(path, "it is far too large to be a page list")
        record = json.loads(path.read_bytes().decode("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as error:
        return _unreadable(path, f"it is not readable JSON ({_why(error)})")
    try:
        pages, recorded, files = _parse(record, edition.name)
    except _Malformed as error:
        return _unreadable(path, str(error))
    except RecursionError:  # nested too deep to be checked: not what this module writes
        return _unreadable(path, f"it is not a print page file of this program (format {FORMAT})")
    if recorded != edition_digest(edition):
        return SavedPrintPages("stale", reason=CHANGED)
    root = Path(edition.root).resolve()
    for shown, digest in files.items():
        now = _file_digest(_located(shown, root))
        if now != digest:
            what = "appeared" if digest is None else "is gone" if now is None else "changed"
            return SavedPrintPages("stale", reason=f"{shown} {what}")
    return SavedPrintPages("used", pages)


def file_digest(path: Path) -> str:
    """The SHA-256 of a file's bytes (what ``files`` records)."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def edition_digest(edition: Edition) -> str:
    """What the page words depend on in the model and the program, as one SHA-256."""
    model = json.dumps(_plain(edition), ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(f"{program_digest()}\n{model}".encode()).hexdigest()


@cache
def program_digest() -> str:
    """Every file of the ``edition`` package (code, templates, styles) and the layout libraries' versions.

    Computed once per process: the program does not change under a running build.
    """
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    for library in LAYOUT_LIBRARIES:
        try:
            version = metadata.version(library)
        except metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"{library}={version}\0".encode())
    for library, names, function in NATIVE_LIBRARIES:
        digest.update(f"{library}={native_version(names, function)}\0".encode())
    return digest.hexdigest()


def native_version(names: Sequence[str], function: str) -> str:
    """The version a system library reports (a string, or Fontconfig's number), "-" if none loads.

    Loaded with ctypes by the names WeasyPrint uses: an EPUB or web build does not import WeasyPrint.
    """
    for name in names:
        try:
            library = ctypes.CDLL(name)
            get = getattr(library, function)
        except (OSError, AttributeError):
            continue
        if function == "FcGetVersion":
            get.restype = ctypes.c_int
            return str(get())
        get.restype = ctypes.c_char_p
        version = get()
        return version.decode("ascii", "replace") if isinstance(version, bytes) else "-"
    return "-"


def _plain(value: object) -> object:
    """The model as JSON values, fields named and types tagged, source positions left out."""
    if isinstance(value, Origin):
        return None
    if is_dataclass(value) and not isinstance(value, type):
        return [
            type(value).__name__,
            {f.name: _plain(getattr(value, f.name)) for f in fields(value) if f.name not in _POSITIONS},
        ]
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    if isinstance(value, Mapping):
        # By key alone: values of different types are never compared (keys are unique as text in practice;
        # were two alike, the mapping's own order, which is the sources', would decide).
        return sorted(((str(key), _plain(item)) for key, item in value.items()), key=lambda pair: pair[0])
    if isinstance(value, frozenset | set):
        return sorted(json.dumps(_plain(item), sort_keys=True) for item in value)
    if value is None or isinstance(value, str | int | float | bool):
        return value
    # A type the model does not hold today: its repr may differ between runs, which only makes the saved
    # words stale (never wrongly valid).
    return [type(value).__name__, repr(value)]


class _Malformed(Exception):
    """The file is not one this module wrote (or it was damaged)."""


def _parse(record: object, name: str) -> tuple[tuple[PrintPage, ...], str, dict[str, str | None]]:
    if not isinstance(record, dict) or record.get("format") != FORMAT:
        raise _Malformed(f"it is not a print page file of this program (format {FORMAT})")
    body = {key: value for key, value in record.items() if key != "checksum"}
    if record.get("checksum") != _checksum(body):
        raise _Malformed("its checksum does not match its content (it was damaged or edited)")
    if body.get("name") != name:
        raise _Malformed(f"it belongs to another edition ({str(body.get('name'))[:40]!r})")
    recorded, files, entries = body.get("edition"), body.get("files"), body.get("pages")
    if not isinstance(recorded, str) or not isinstance(files, dict) or not isinstance(entries, list):
        raise _Malformed("it lacks the edition digest, the files or the pages")
    if not all(isinstance(k, str) and (v is None or isinstance(v, str)) for k, v in files.items()):
        raise _Malformed("its file digests are not text")
    pages = []
    for entry in entries:
        if not isinstance(entry, dict) or set(entry) != {"label", "words"}:
            raise _Malformed("a page is not a label and its words")
        label, page_words = entry["label"], entry["words"]
        if not isinstance(label, str) or not _LABEL.fullmatch(label):
            raise _Malformed(f"a page label is not a page number ({str(label)[:20]!r})")
        if not isinstance(page_words, list) or not all(
            isinstance(word, str) and words(word) == [word] for word in page_words
        ):
            raise _Malformed(f"the words of page {label} are not words as the layout gives them")
        pages.append(PrintPage(label, tuple(page_words)))
    return tuple(pages), recorded, files


def _checksum(body: Mapping[str, object]) -> str:
    return hashlib.sha256(json.dumps(body, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def _file_digest(path: Path) -> str | None:
    """None for a file that is gone or is not a regular file (a device or a pipe is never read)."""
    try:
        return file_digest(path) if path.is_file() else None
    except OSError:
        return None


def _shown(path: Path, root: Path) -> str:
    """A path inside the edition folder relative to it (the folder may move), any other absolute."""
    resolved = Path(path).resolve()
    return resolved.relative_to(root).as_posix() if resolved.is_relative_to(root) else str(resolved)


def _located(shown: str, root: Path) -> Path:
    path = Path(shown)
    return path if path.is_absolute() else root / path


def _unreadable(path: Path, why: str) -> SavedPrintPages:
    warning = Diagnostic(
        str(path),
        1,
        1,
        "warning",
        "print-pages-unreadable",
        f"the saved print pages are ignored: {why}",
        "build the PDF again (edition build --format pdf) to write them anew",
    )
    return SavedPrintPages("unreadable", reason=why, warning=warning)


def _why(error: Exception) -> str:
    return getattr(error, "strerror", None) or str(error).split("\n")[0][:80]
