"""The screen and the file never disagree: changes on disk are read in, F9 reads a changed
file, and a save writes results computed from exactly the inputs it writes.

The reproduction of issue 18 (1): Resultat of goal 1.1.2 (1.1's samlet tilfredshed, ≥ 75) is
changed in the file from 77 to 50 behind the app's back, then the user saves from the app; the
file must pass `tjek` and hold the numbers the screen shows.
"""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from calc import fmt
from calc.check import check_file
from calc.engine import evaluate
from calc.grid import CellUpdate, a1
from calc.scoring import with_unit
from calc.xlsx.reader import read_workbook
from calc.xlsx.writeback import write_back
from desktop.dialogs import Conflict, Reload
from desktop.goalmodel import Col
from desktop.mainwindow import MainWindow
from desktop.style import cell_text, is_number, status_text
from tests.conftest import WORKBOOKS
from tests.desktop.conftest import goal_row, open_scored, shown

EXAMPLE_004 = WORKBOOKS / "eksempel-004-statsforvaltningen-2017.xlsx"


@pytest.fixture
def plan004(tmp_path: Path) -> Path:
    dst = tmp_path / "statsforvaltningen.xlsx"
    shutil.copy2(EXAMPLE_004, dst)
    return dst


def _result_cell(window: MainWindow, goal_id: str) -> tuple[str, str]:
    plan = window.shown.plan
    layout = plan.goals_layout
    return layout.sheet, a1(plan.goal(goal_id).row, layout.col("result"))


def _text(window: MainWindow, goal_id: str, col: Col) -> str:
    return str(shown(window, goal_id, col))


def behind_the_back(path: Path, sheet: str, cell: str, value: object) -> None:
    """Someone edits and saves the workbook in Excel while the app has it open."""
    write_back(path, [CellUpdate(sheet, cell, value)])  # type: ignore[arg-type]


def assert_screen_is_file(window: MainWindow, path: Path) -> None:
    """Every goal's Resultat, Opfyldelse, Point and Status on screen is what the file holds, and
    the header's total is the file's; and the file passes the ministry's check."""
    assert not window.doc.dirty
    grids = read_workbook(path)
    plan = window.shown.plan
    layout = plan.goals_layout
    sheet = grids.find(layout.sheet)
    for goal in plan.goals:

        def cell(key: str, g=goal) -> object:
            return sheet.value(g.row, layout.col(key))

        if goal.indicator is None and goal.type.value not in ("milepæle", "delmål"):
            typed = cell("result")
            written = cell_text(typed)  # as typed, with the goal's unit after a number
            if is_number(typed) and goal.type.value not in ("vurdering", "ja/nej"):
                written = with_unit(written, goal.unit)
            assert _text(window, goal.id, Col.RESULT) == written, goal.id
        assert _text(window, goal.id, Col.STATUS) == cell("status"), goal.id
        assert _text(window, goal.id, Col.POINTS) == fmt.points(cell("points")), goal.id
    summary = {row[0]: row[1] for row in grids.find("Resultat").rows if len(row) > 1}
    total = window.shown.total
    assert total is not None and fmt.points(total.total_points) == fmt.points(
        summary["Point i alt"]
    )
    assert fmt.points(summary["Point i alt"]) in window.score_label.text()
    result = check_file(path)
    assert result.ok, result.message()


def test_a_save_after_an_outside_edit_writes_what_the_screen_shows(qtbot, window, plan004):
    """Issue 18 (1): 77 → 50 in Excel, then Ctrl+S in the app."""
    open_scored(qtbot, window, plan004)
    window.watcher.watch(None)  # the change is not noticed before the save (a network drive)
    assert _text(window, "1.1.2", Col.STATUS) == "Opfyldt"  # 77 ≥ 75
    sheet, cell = _result_cell(window, "1.1.2")
    behind_the_back(plan004, sheet, cell, Decimal(50))

    window.prompts.conflict_answer = Conflict.SAVE
    assert window.save()

    assert window.prompts.asked == ["conflict"]
    assert read_workbook(plan004).find(sheet).value(3, 18) == Decimal(50)
    assert _text(window, "1.1.2", Col.RESULT) == "50 %"
    assert _text(window, "1.1.2", Col.STATUS) == "Ikke opfyldt"  # 50 < 75
    assert _text(window, "1.1", Col.STATUS) == "Ikke opfyldt"  # alle delelementer
    assert_screen_is_file(window, plan004)


def test_genindlaes_is_the_default_and_saves_nothing(qtbot, window, plan004):
    open_scored(qtbot, window, plan004)
    window.watcher.watch(None)
    sheet, cell = _result_cell(window, "1.1.2")
    behind_the_back(plan004, sheet, cell, Decimal(50))
    before = plan004.read_bytes()
    assert not window.save()  # Annuller: nothing happens
    assert window.prompts.asked == ["conflict"] and _text(window, "1.1.2", Col.RESULT) == "77 %"
    window.prompts.conflict_answer = Conflict.RELOAD  # what Enter chooses
    with qtbot.waitSignal(window.evaluated, timeout=10_000):
        assert not window.save()
    assert plan004.read_bytes() == before
    assert _text(window, "1.1.2", Col.STATUS) == "Ikke opfyldt"  # the file's numbers, shown


def test_the_dialogs_default_button_is_genindlaes(qtbot, window):
    from desktop.dialogs import Prompts

    prompts = Prompts(window)
    box, answers = prompts.conflict_box("plan.xlsx")
    assert answers[box.defaultButton()] is Conflict.RELOAD
    assert "går tabt" not in box.informativeText()
    box, answers = prompts.file_changed_box("plan.xlsx", 2)
    assert answers[box.defaultButton()] is Reload.KEEP_MINE
    assert "2 ændringer" in box.text()


def test_f9_reads_a_changed_file_before_scoring(qtbot, window, plan004):
    open_scored(qtbot, window, plan004)
    window.watcher.watch(None)
    before = window.shown.total.total_points
    sheet, cell = _result_cell(window, "1.1.2")
    behind_the_back(plan004, sheet, cell, Decimal(50))
    with qtbot.waitSignal(window.evaluated, timeout=10_000):
        qtbot.keyClick(window.goal_view, Qt.Key.Key_F9)
    assert _text(window, "1.1.2", Col.RESULT) == "50 %"
    assert window.shown.total.total_points < before
    assert (
        window.shown.total.total_points == evaluate(read_workbook(plan004)).scorecard.total_points
    )


def test_the_watcher_reads_a_changed_file_when_there_are_no_edits(qtbot, window, plan004):
    open_scored(qtbot, window, plan004)
    sheet, cell = _result_cell(window, "1.1.2")
    with qtbot.waitSignal(window.evaluated, timeout=10_000):
        behind_the_back(plan004, sheet, cell, Decimal(50))
    assert window.prompts.asked == []  # nothing to lose: read without asking
    assert _text(window, "1.1.2", Col.RESULT) == "50 %"
    assert "indlæst igen" in window.statusBar().currentMessage()


def test_the_watcher_keeps_my_edits_on_top_and_says_which_collided(qtbot, window, plan004):
    open_scored(qtbot, window, plan004)
    sheet, cell_11 = _result_cell(window, "1.1.2")
    model = window.goal_model
    with qtbot.waitSignal(window.evaluated, timeout=10_000):
        model.setData(model.index(goal_row(window, "1.1.2"), Col.RESULT), "80")
    with qtbot.waitSignal(window.evaluated, timeout=10_000):
        model.setData(model.index(goal_row(window, "1.4.1"), Col.RESULT), "95")
    window.prompts.reload_answer = Reload.KEEP_MINE
    with qtbot.waitSignal(window.reloaded, timeout=10_000):
        # Excel changes 1.1.2 (which I edited too) and 2.1's Kilde (which I did not)
        write_back(
            plan004,
            [CellUpdate(sheet, cell_11, Decimal(50)), CellUpdate(sheet, "T15", "Excel")],
        )
    qtbot.waitUntil(lambda: window.rescorer.is_current() and not window.rescorer.busy)
    assert window.prompts.asked == ["file_changed"]
    assert _text(window, "1.1.2", Col.RESULT) == "50 %"  # collided: the file's value wins
    assert _text(window, "1.4.1", Col.RESULT) == "95 %"  # mine, on top of the file's new content
    assert window.doc.value(("Mål", 14, 19)) == "Excel"
    _title, text = window.prompts.infos[-1]
    assert f"{sheet}!{cell_11}" in text and "'80'" in text and "'50'" in text

    assert window.save()
    assert_screen_is_file(window, plan004)
    assert read_workbook(plan004).find(sheet).value(14, 19) == "Excel"


def test_a_save_recomputes_from_exactly_the_inputs_it_writes(plan004):
    """The document level: edits plus the file's current content, whatever was read before."""
    from desktop.document import Document

    doc = Document(plan004)
    doc.set(("Mål", 11, 18), Decimal(95))  # 1.4.1
    behind_the_back(plan004, "Mål", "S4", Decimal(50))  # 1.1.2, changed after the doc was read
    written = doc.save()
    assert written.ok
    saved = read_workbook(plan004)
    assert saved.find("Mål").value(3, 18) == Decimal(50)
    assert saved.find("Mål").value(3, 22) == "Ikke opfyldt"  # 50 < 75
    assert saved.find("Mål").value(1, 22) == "Ikke opfyldt"  # 1.1: alle delelementer
    assert saved.find("Mål").value(11, 18) == Decimal(95)
    assert check_file(plan004).ok
    again = evaluate(saved)
    assert again.scorecard.total_points == written.scorecard.total_points
    assert not doc.dirty and doc.value(("Mål", 3, 18)) == Decimal(50)


def test_a_save_that_would_write_errors_writes_nothing(qtbot, window, plan004):
    open_scored(qtbot, window, plan004)
    window.watcher.watch(None)
    model = window.goal_model
    with qtbot.waitSignal(window.evaluated, timeout=10_000):
        model.setData(model.index(goal_row(window, "1.4.1"), Col.RESULT), "95")
    behind_the_back(plan004, "Mål", "F2", "otte")  # Excel breaks 1.1's Vægt meanwhile
    before = plan004.read_bytes()
    window.prompts.conflict_answer = Conflict.SAVE
    assert not window.save()
    assert plan004.read_bytes() == before
    assert "Intet er gemt" in window.prompts.errors[-1][1]
    assert _text(window, "1.1", Col.WEIGHT) == "otte"  # what Excel's user typed, on red
    assert window.doc.dirty  # my edit is still there


def test_status_words_on_screen_match_the_file(qtbot, window, plan004):
    open_scored(qtbot, window, plan004)
    statuses = {status_text(r.status) for r in window.shown.card.goals}
    assert statuses <= {"Opfyldt", "Delvist opfyldt", "Ikke opfyldt", "Mangler resultat"}
