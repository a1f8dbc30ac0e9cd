"""Random YAML and Markdown thrown at `edition check`: exit 0 or 1, no traceback, every problem located.

Each example replaces one file of the mini fixture with generated text: the fixture's own YAML with one
value replaced by an awkward one, well-formed YAML made of the format's keys, the fixture's Markdown with
fragments spliced in, or a soup of YAML / Markdown fragments (tags, anchors, impossible dates, control and
invisible characters, raw HTML, unsafe links). Most runs are in-process through the CLI's ``main``; a few
go through a subprocess to see exactly what a terminal would.
"""

from __future__ import annotations

import contextlib
import io
import json
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from edition.cli import main
from tests.hardening.corpus import MINI

# fmt: off
KEYS = (
    "title", "authors", "name", "language", "date", "rights", "identifier", "witnesses", "siglum",
    "description", "style", "trim", "width", "height", "font_size", "bleed", "csl", "text", "apparatus",
    "bibliography", "front_matter", "file", "glosses", "emendations", "anchors", "cross_references",
    "citations", "index", "id", "lemma", "note", "from", "to", "occurrence", "before", "after", "reading",
    "witness", "target", "cite", "locator", "heading", "kind", "forms", "see", "references", "type",
    "issued", "author", "family", "given",
)
AWKWARD = (
    "2026-02-30", "1937-13", "0000-00-00", "1.50", "010", "0x1F", "12:30", "yes", "~", "null", ".inf", "-0",
    "0in", "0pt", "-6in", "900in", "10.5pt", "../outside.yaml", "/etc/passwd", "text", "text/article.md",
    "apparatus/glosses.yaml", "Stalin", "Left Opposition", "policeman", "(11)", "\u200bStalin", "\u202eabc",
    "<script>alert(1)</script>", "[x](javascript:alert(1))", "[[policeman]]", "[@trotsky-1937, 11]", "",
    "9" * 60, "pdf/x-4", "trotsky-1937", "A", "book",
)
YAML_BITS = (
    "key: ", "- ", "  ", "    ", "\n", "\n", ": ", "!!int ", "!!float ", "!!bool ", "!!binary ", "!!set ",
    "!!python/object:os.system ", "!foo ", "&a ", "*a", "{", "}", "[", "]", "'", '"', ", ", "? ", "|\n",
    ">\n", "---\n", "...\n", "#", "%YAML 1.1\n", "\t", "\\x1b", "\\uFFFF", "\\a", "\u200b", "\x85", "\ufeff",
    *(f"{key}: " for key in KEYS), *AWKWARD,
)
MARKDOWN_BITS = (
    "*", "_", "**", "`", "[", "](", ")", "<script>", "</script>", "<style>", "<b>", "</b>", "<!-- c -->",
    "&#12;", "&#x1b;", "&#0;", "&amp;", "&#xFFFF;", "[^1]", "[^1]: ", "\n", "\n\n", "# ", "## ", "> ", "- ",
    "1. ", "    ", "```", "~~~", "javascript:", "file:///etc/passwd", "http://x.org", "<", ">", "\\", "|",
    "---", "![alt](x.png)", "<javascript:alert(1)>", "\u200b", "\u202e", "\u00ad", "\t", "Stalin",
    "Left Opposition", "policeman", " ", "word", "[[policeman]]", "[@trotsky-1937]",
)
# fmt: on
YAML_FILES = ("edition.yaml", "apparatus/glosses.yaml", "apparatus/other.yaml", "bibliography.yaml")
MARKDOWN_FILES = ("text/article.md", "front/introduction.md", "front/note.md")

scalars = st.one_of(
    st.sampled_from(AWKWARD),
    st.text(max_size=30),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True),
    st.booleans(),
    st.none(),
)
documents = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=8), inner, max_size=5),
    ),
    max_leaves=25,
)


def dumped(value: object) -> str:
    return yaml.safe_dump(value, allow_unicode=True, sort_keys=False)


def _paths(value: object, prefix: tuple = ()) -> list[tuple]:
    """Every place in a loaded YAML document (a key or an index at each level)."""
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*prefix, index))
    return found


def _replaced(document: object, path: tuple, new: object) -> object:
    if not path:
        return new
    head, *rest = path
    if isinstance(document, dict):
        return {k: _replaced(v, tuple(rest), new) if k == head else v for k, v in document.items()}
    assert isinstance(document, list)
    return [_replaced(v, tuple(rest), new) if i == head else v for i, v in enumerate(document)]


@st.composite
def mutated_fixture_yaml(draw: st.DrawFn) -> tuple[str, str]:
    """One of the fixture's YAML files with the value at one place replaced by a random one."""
    relpath = draw(st.sampled_from(YAML_FILES))
    document = yaml.safe_load((MINI / relpath).read_text(encoding="utf-8"))
    path = draw(st.sampled_from(_paths(document)))
    return relpath, dumped(_replaced(document, path, draw(documents)))


@st.composite
def spliced_fixture_markdown(draw: st.DrawFn) -> tuple[str, str]:
    """One of the fixture's Markdown files with random fragments spliced in at a random place."""
    relpath = draw(st.sampled_from(MARKDOWN_FILES))
    text = (MINI / relpath).read_text(encoding="utf-8")
    at = draw(st.integers(min_value=0, max_value=len(text)))
    return relpath, text[:at] + draw(markdown_texts) + text[at:]


yaml_soup = st.lists(st.sampled_from(YAML_BITS), max_size=40).map("".join)
markdown_texts = st.lists(st.sampled_from(MARKDOWN_BITS) | st.text(max_size=6), max_size=60).map("".join)
# A note is Markdown inside YAML: it travels through both readers.
note_texts = markdown_texts.map(lambda md: dumped({"glosses": [{"id": "n", "lemma": "Stalin", "note": md}]}))

inputs = st.one_of(
    mutated_fixture_yaml(),
    spliced_fixture_markdown(),
    st.tuples(st.sampled_from(YAML_FILES), documents.map(dumped) | yaml_soup),
    st.tuples(st.sampled_from(MARKDOWN_FILES), markdown_texts),
    st.tuples(st.just("apparatus/glosses.yaml"), note_texts),
)


def assert_located(root: Path, diagnostics: list[dict]) -> None:
    for d in diagnostics:
        path = Path(d["path"])
        assert not path.is_absolute(), d
        assert (root / path).resolve().is_relative_to(root.resolve()), d
        assert d["line"] >= 1 and d["column"] >= 1, d
        assert d["severity"] in ("error", "warning"), d


def edition_with(parent: Path, relpath: str, text: str) -> Path:
    root = parent / "mini"
    shutil.copytree(MINI, root)
    (root / relpath).write_text(text, encoding="utf-8", errors="surrogatepass")
    return root


@settings(max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(inputs)
def test_check_survives_random_input(case: tuple[str, str]) -> None:
    relpath, text = case
    with tempfile.TemporaryDirectory() as parent:
        root = edition_with(Path(parent), relpath, text)
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = main(["check", "--format", "json", str(root)])
        assert status in (0, 1), err.getvalue()
        diagnostics = json.loads(out.getvalue())
        assert (status == 1) == any(d["severity"] == "error" for d in diagnostics)
        assert_located(root, diagnostics)


@settings(max_examples=4, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(inputs)
def test_check_survives_random_input_as_a_subprocess(case: tuple[str, str]) -> None:
    relpath, text = case
    with tempfile.TemporaryDirectory() as parent:
        root = edition_with(Path(parent), relpath, text)
        result = subprocess.run(
            [sys.executable, "-m", "edition.cli", "check", str(root)],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode in (0, 1), result.stderr
        assert "Traceback" not in result.stderr
        # Nothing a terminal would act on or hide: no escape sequences, no bidi or zero-width characters.
        assert not any(c in result.stderr for c in "\x1b\u202e\u200b\x07")


@settings(max_examples=25, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(inputs)
def test_an_epub_built_from_random_input_is_well_formed(case: tuple[str, str]) -> None:
    """No build writes an invalid file and exits 0: every XML file of a built EPUB parses."""
    relpath, text = case
    with tempfile.TemporaryDirectory() as parent:
        root = edition_with(Path(parent), relpath, text)
        out = Path(parent) / "out"
        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            status = main(["build", str(root), "--format", "epub", "--build-dir", str(out), "-q"])
        assert status in (0, 1), err.getvalue()
        if status == 1:
            assert not (out / "mini.epub").exists()
            return
        with zipfile.ZipFile(out / "mini.epub") as epub:
            for name in epub.namelist():
                if name.endswith((".xhtml", ".opf", ".xml", ".svg")):
                    etree.fromstring(epub.read(name))  # raises on anything not well-formed
