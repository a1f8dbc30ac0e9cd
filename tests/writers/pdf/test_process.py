"""The process-wide state of a PDF build is set for the build only and restored, also after an error."""

from __future__ import annotations

import gc
import logging
import os

import pytest

from edition.model import Origin
from edition.writers.pdf.process import EPOCH_VARIABLE, WEASYPRINT_LOGGER, pdf_process_state

ORIGIN = Origin("edition.yaml")


class Boom(RuntimeError):
    pass


def _state() -> tuple[str | None, bool, tuple[logging.Handler, ...]]:
    return (
        os.environ.get(EPOCH_VARIABLE),
        gc.isenabled(),
        tuple(logging.getLogger(WEASYPRINT_LOGGER).handlers),
    )


def test_inside_the_epoch_is_set_the_collector_paused_and_warnings_collected(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(EPOCH_VARIABLE, raising=False)
    before = _state()
    with pdf_process_state(ORIGIN, 1764115200) as collected:
        assert os.environ[EPOCH_VARIABLE] == "1764115200"
        assert not gc.isenabled()
        logging.getLogger("weasyprint").warning("Anchor defined twice: x")
        logging.getLogger("weasyprint").warning("Using fontTools instead of HarfBuzz-Subset")
    assert [(d.code, d.message) for d in collected] == [("pdf-layout", "Anchor defined twice: x")]
    assert _state() == before
    assert EPOCH_VARIABLE not in os.environ


@pytest.mark.parametrize("previous", [None, "1000", "not a number"])
def test_everything_is_restored_after_an_exception(
    monkeypatch: pytest.MonkeyPatch, previous: str | None
) -> None:
    if previous is None:
        monkeypatch.delenv(EPOCH_VARIABLE, raising=False)
    else:
        monkeypatch.setenv(EPOCH_VARIABLE, previous)
    before = _state()
    with pytest.raises(Boom), pdf_process_state(ORIGIN, 5):
        assert os.environ[EPOCH_VARIABLE] == ("1000" if previous == "1000" else "5")
        raise Boom
    assert _state() == before
    assert os.environ.get(EPOCH_VARIABLE) == previous


def test_a_paused_collector_stays_paused(monkeypatch: pytest.MonkeyPatch) -> None:
    gc.disable()
    try:
        with pdf_process_state(ORIGIN, 0):
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_date_before_1970_gives_epoch_zero(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(EPOCH_VARIABLE, raising=False)
    with pdf_process_state(ORIGIN, -3786825600):
        assert os.environ[EPOCH_VARIABLE] == "0"
