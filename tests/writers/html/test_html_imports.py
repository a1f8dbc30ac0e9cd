"""The shared HTML layer stands between the writers: web and EPUB use it, and neither uses the other.

Read from the modules' own ``import`` statements (``ast``), so a lazy import inside a function counts too.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import edition

PACKAGE = Path(edition.__file__).resolve().parent


def imported(module: Path) -> set[str]:
    """Every module name ``module`` imports, absolute, at any depth of its code."""
    names: set[str] = set()
    package = ".".join(module.relative_to(PACKAGE.parent).with_suffix("").parts[:-1])
    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1] + ([base] if base else []))
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def importers(folder: str, forbidden: str) -> list[str]:
    """The modules under ``edition/<folder>`` that import ``forbidden`` or anything inside it."""
    return sorted(
        f"{path.relative_to(PACKAGE.parent)} imports {name}"
        for path in (PACKAGE / folder).rglob("*.py")
        for name in imported(path)
        if name == forbidden or name.startswith(forbidden + ".")
    )


def test_the_web_writer_and_the_preview_do_not_import_the_epub_writer():
    assert importers("writers/web", "edition.writers.epub") == []
    assert importers("preview", "edition.writers.epub") == []


def test_the_shared_layer_imports_neither_writer():
    assert importers("writers/html", "edition.writers.epub") == []
    assert importers("writers/html", "edition.writers.web") == []


def test_the_check_sees_imports(tmp_path: Path):
    """The reader finds absolute, relative and function-level imports (else the tests above prove nothing)."""
    module = PACKAGE / "writers" / "web" / "render.py"
    assert "edition.writers.html.links" in imported(module)
    assert "edition.writers.html.links.Linker" in imported(module)
    epub = imported(PACKAGE / "writers" / "epub" / "__init__.py")
    assert "edition.writers.epub.raster" in epub  # imported inside build_epub
    assert importers("writers/epub", "edition.writers.html") != []


def test_loading_the_web_writer_loads_no_epub_module():
    """Indirectly either (through the book layer, say): what Python actually loads."""
    code = (
        "import sys, edition.writers.web, edition.preview; "
        "print(sorted(m for m in sys.modules if m.startswith('edition.writers.epub')))"
    )
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert loaded.stdout.strip() == "[]"
