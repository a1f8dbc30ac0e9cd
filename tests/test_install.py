"""A plain (non-editable) ``pip install .`` gives a working ``edition``: templates, styles and data are
package data, nothing is read from the source checkout.

No network: the package is installed with ``--no-deps --no-index --no-build-isolation`` into a fresh
virtualenv whose dependencies (and build backend) come from this project's virtualenv, added as a plain
path (a ``.pth`` line: the project's editable install hook there is not run). Only the package's own
files are copied to the folder that is installed from, and the build runs outside the checkout.
"""

from __future__ import annotations

import shutil
import site
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MINI = ROOT / "tests" / "fixtures" / "mini"


def _run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, check=False, cwd=cwd)


@pytest.mark.slow
def test_pip_install_then_build_the_mini_edition(tmp_path: Path) -> None:
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(ROOT / "edition", source / "edition", ignore=shutil.ignore_patterns("__pycache__"))

    venv = tmp_path / "venv"
    made = _run(
        getattr(sys, "_base_executable", sys.executable), "-m", "venv", "--without-pip", venv, cwd=tmp_path
    )
    assert made.returncode == 0, made.stderr
    python = venv / "bin" / "python"
    purelib = Path(
        _run(
            python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=tmp_path
        ).stdout.strip()
    )
    project_site = Path(sysconfig.get_paths()["purelib"])
    assert project_site in map(Path, site.getsitepackages())
    (purelib / "project-dependencies.pth").write_text(f"{project_site}\n", encoding="utf-8")

    installed = _run(
        sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--disable-pip-version-check",
        "--no-deps", "--no-index", "--no-build-isolation", source, cwd=tmp_path,
    )  # fmt: skip
    assert installed.returncode == 0, installed.stdout + installed.stderr

    where = _run(python, "-c", "import edition; print(edition.__file__)", cwd=tmp_path)
    assert Path(where.stdout.strip()).is_relative_to(purelib), where.stdout + where.stderr
    assert (purelib / "edition" / "styles" / "print.css").is_file()

    edition_dir = tmp_path / "mini"
    shutil.copytree(MINI, edition_dir)
    built = _run(
        venv / "bin" / "edition", "build", edition_dir, "--build-dir", tmp_path / "out", cwd=tmp_path
    )
    assert built.returncode == 0, built.stdout + built.stderr
    outputs = {path.name for path in (tmp_path / "out").iterdir()}
    assert {"mini.pdf", "mini-screen.pdf", "mini.epub", "mini-web"} <= outputs
    for asset in ("index.html", "web.css", "search.js", "search-index.js"):  # package data of the site
        assert (tmp_path / "out" / "mini-web" / asset).is_file(), asset
