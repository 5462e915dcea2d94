"""Large case data does not freeze the app: opening shows progress after a second and can be
cancelled; a folder run can be cancelled in the middle of a long file."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog

from calc.engine import FileOptions, load_grids
from calc.errors import WorkbookReadError
from desktop import loading
from desktop.worker import BatchJob, BatchRow
from tests.desktop.conftest import EXAMPLE_000


def _dialogs() -> list[QProgressDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog)]


def test_a_slow_open_shows_progress_and_cancel_returns_at_once(qtbot, monkeypatch):
    monkeypatch.setattr(loading, "SHOW_AFTER_MS", 0)
    release = threading.Event()
    seen: list[str] = []

    def slow(path: Path):
        release.wait(30)
        return load_grids(path, FileOptions())

    def cancel() -> None:
        shown = [d for d in _dialogs() if d.isVisible()]
        seen.extend(d.labelText() for d in shown)
        for d in shown:
            d.cancel()

    QTimer.singleShot(300, cancel)
    started = time.monotonic()
    assert loading.load_with_progress(None, EXAMPLE_000, slow) is None
    assert time.monotonic() - started < 10  # did not wait for the read
    assert seen and EXAMPLE_000.name in seen[0] and "sagsdata" in seen[0]
    release.set()


def test_a_quick_open_returns_the_grids_and_errors_reach_the_caller(qtbot, tmp_path):
    grids = loading.load_with_progress(None, EXAMPLE_000)
    assert grids is not None and grids.find("Mål") is not None
    assert not [d for d in _dialogs() if d.isVisible()]
    with pytest.raises(WorkbookReadError):
        loading.load_with_progress(None, tmp_path / "findes-ikke.xlsx")


def test_a_folder_run_can_be_cancelled_in_the_middle_of_a_long_file(qtbot):
    release = threading.Event()

    def slow(path: Path) -> BatchRow:
        release.wait(30)
        return BatchRow(path)

    job = BatchJob([Path("a.xlsx"), Path("b.xlsx")], slow)
    started: list[object] = []
    job.signals.started.connect(lambda i, n, p: started.append(p))
    with qtbot.waitSignal(job.signals.finished, timeout=10_000) as blocker:
        runner = threading.Thread(target=job.run)
        runner.start()
        qtbot.waitUntil(lambda: bool(started), timeout=5_000)
        job.cancel()
    assert blocker.args == [True]
    assert started == [Path("a.xlsx")]
    release.set()
    runner.join(5)
