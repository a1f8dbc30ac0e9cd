"""bench/peer.py without TeX: where it looks for the peer, and how it reads the peer's result row."""

from __future__ import annotations

from pathlib import Path

import pytest

# A row as the peer's run.sh prints it (its format string: scale, rep, pages, passes A, passes F,
# seconds of each pass, total s A, ms/page A, total s F, ms/page F).
RUN_SH_OUTPUT = """
scale rep pages  A  F  per-pass s                     tot A s ms/pg A tot F s ms/pg F
    4   1    56  3  4  1.71/1.69/1.70/1.75               5.10    91.1    6.85   122.3

pass verdicts (last rep): asks-rerun aux-changed | aux-stable
"""


def test_the_peer_row_gives_pages_passes_and_both_totals(bench):
    row = bench("peer").PEER_ROW.search(RUN_SH_OUTPUT)
    assert row is not None
    assert row.groups() == ("56", "3", "4", "5.10", "6.85")


def test_a_missing_peer_folder_is_named_in_the_error(bench, tmp_path: Path):
    with pytest.raises(SystemExit) as stopped:
        bench("peer").peer_folder(tmp_path / "nowhere")
    assert str(tmp_path / "nowhere") in str(stopped.value)


def test_the_peer_env_var_overrides_the_default(bench, tmp_path: Path, monkeypatch):
    (tmp_path / "run.sh").write_text("#!/bin/sh\n", encoding="utf-8")
    monkeypatch.setenv("PEER", str(tmp_path))
    assert bench("peer").peer_folder(None) == tmp_path
