"""Background scoring: only the newest result is shown; a folder run can be cancelled."""

from __future__ import annotations

import shutil
import threading
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt

from calc.engine import Evaluation, evaluate
from calc.grid import WorkbookGrids
from calc.xlsx.reader import read_workbook
from desktop.batch import BatchDialog
from desktop.worker import BatchRow, Rescorer, Scored, score_path, workbooks_in
from tests.desktop.conftest import EXAMPLE_000


def test_a_stale_result_is_dropped(qtbot):
    """The first job finishes last; its result must never be emitted."""
    release_first = threading.Event()
    grids_old = read_workbook(EXAMPLE_000)
    grids_new = WorkbookGrids(grids_old.sheets, source="new")

    def slow_then_fast(grids: WorkbookGrids, *, now: datetime) -> Evaluation:
        if grids.source != "new":
            assert release_first.wait(10)
        return evaluate(grids, now=now)

    rescorer = Rescorer(fn=slow_then_fast)
    seen: list[Scored] = []
    rescorer.scored.connect(seen.append)
    first = rescorer.schedule(grids_old)
    second = rescorer.schedule(grids_new)
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=10_000)
    release_first.set()
    qtbot.waitUntil(lambda: not rescorer.busy, timeout=10_000)
    assert [s.generation for s in seen] == [second]
    assert first < second and rescorer.latest is seen[0]


def test_a_failing_scoring_reports_instead_of_crashing(qtbot):
    def broken(grids: WorkbookGrids, *, now: datetime) -> Evaluation:
        raise RuntimeError("boom")

    rescorer = Rescorer(fn=broken)
    with qtbot.waitSignal(rescorer.failed, timeout=10_000) as blocker:
        rescorer.schedule(read_workbook(EXAMPLE_000))
    assert "RuntimeError: boom" in blocker.args[0]


def test_score_path_reads_and_scores_without_writing(tmp_path: Path):
    path = tmp_path / "a.xlsx"
    shutil.copy2(EXAMPLE_000, path)
    before = path.read_bytes()
    row = score_path(path)
    assert row.institution == "Hjemrejsestyrelsen" and row.year == 2025
    assert row.score_pct == evaluate(read_workbook(path)).scorecard.score_pct
    assert path.read_bytes() == before
    bad = tmp_path / "b.xlsx"
    bad.write_text("nej")
    assert score_path(bad).failure


def _folder(tmp_path: Path, n: int) -> Path:
    folder = tmp_path / "mapper"
    folder.mkdir()
    for i in range(n):
        shutil.copy2(EXAMPLE_000, folder / f"plan-{i:02}.xlsx")
    (folder / "plan-00.bak.xlsx").write_bytes(b"")  # backups and lock files are skipped
    (folder / "~$plan-01.xlsx").write_bytes(b"")
    return folder


def test_workbooks_in_skips_backups_and_lock_files(tmp_path):
    assert [p.name for p in workbooks_in(_folder(tmp_path, 2))] == ["plan-00.xlsx", "plan-01.xlsx"]


def test_a_folder_run_shows_every_workbook_and_opens_one(qtbot, window, tmp_path):
    folder = _folder(tmp_path, 3)
    dialog = window.open_folder(folder)
    qtbot.waitUntil(lambda: not dialog.running, timeout=20_000)
    assert dialog.table.rowCount() == 3
    assert dialog.table.item(0, 0).text() == "Hjemrejsestyrelsen"
    assert dialog.table.item(0, 1).text() == "2025"
    assert dialog.table.item(0, 2).text().endswith("%")
    assert dialog.table.item(0, 3).text().endswith("kr.")
    assert dialog.progress.value() == 3
    assert "Færdig" in dialog.status.text()
    with qtbot.waitSignal(window.evaluated, timeout=10_000):
        dialog.table.cellDoubleClicked.emit(1, 0)
    assert window.doc is not None and window.doc.path == folder / "plan-01.xlsx"


def test_cancelling_a_folder_run_stops_it(qtbot, tmp_path):
    folder = _folder(tmp_path, 12)
    first_done = threading.Event()
    cancelled = threading.Event()

    def gated(path: Path) -> BatchRow:
        """The second file waits until the user has pressed Afbryd, so the cancel is seen."""
        if first_done.is_set():
            assert cancelled.wait(10)
        first_done.set()
        return score_path(path)

    dialog = BatchDialog(score=gated)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.start(folder) == 12
    qtbot.waitUntil(first_done.is_set, timeout=10_000)
    with qtbot.waitSignal(dialog.finished_run, timeout=10_000) as blocker:
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
        cancelled.set()
    assert blocker.args == [True]
    assert 1 <= dialog.table.rowCount() <= 2
    assert "Afbrudt" in dialog.status.text() and "af 12" in dialog.status.text()
    assert not dialog.cancel_button.isEnabled()
