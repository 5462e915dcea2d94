"""The keyboard reaches everything (issue 18, 3): Tab leaves the goals table and walks every
pane, Ctrl+Tab / Ctrl+PgDn switch tabs, Alt+M/O/L open them, F8 goes to the problems, Enter
opens a batch row, F5 is Beregn. Only key events drive these tests."""

from __future__ import annotations

import shutil

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from calc.grid import CellUpdate
from calc.xlsx.writeback import write_back
from desktop.mainwindow import TAB_GOALS, TAB_PAY, TAB_SUMMARY, MainWindow
from tests.desktop.conftest import EXAMPLE_002, open_scored

PANES = {
    "goalTable",
    "areasTable",
    "payTable",
    "explanationPanel",
    "problemsTable",
    "qt_tabwidget_tabbar",
}


def _focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def _name(widget: QWidget) -> str:
    return widget.objectName() or type(widget).__name__


def _press(qtbot, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> str:  # type: ignore[no-untyped-def]
    qtbot.keyClick(_focus(), key, modifier)
    return _name(_focus())


def _walk(qtbot, presses: int = 12) -> list[str]:  # type: ignore[no-untyped-def]
    return [_press(qtbot, Qt.Key.Key_Tab) for _ in range(presses)]


def _active(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)


def test_tab_walks_every_pane_and_ctrl_tab_switches_tabs(qtbot, window, tmp_path):
    path = tmp_path / "siri.xlsx"
    shutil.copy2(EXAMPLE_002, path)
    write_back(path, [CellUpdate("Mål", "F3", "ti")])  # one error, so the list has a row
    open_scored(qtbot, window, path)
    _active(qtbot, window)
    window.goal_view.setFocus(Qt.FocusReason.OtherFocusReason)
    seen: set[str] = set()

    # The goals table: arrows pick a goal, Tab leaves the table (it used to trap 160 presses).
    assert _press(qtbot, Qt.Key.Key_Down) == "goalTable"
    assert window.goal_view.currentIndex().isValid()
    walk = _walk(qtbot)
    print("Tab from the goals table:", " → ".join(walk))
    assert walk[0] != "goalTable"
    seen.update(walk)
    assert {"goalTable", "explanationPanel", "problemsTable", "qt_tabwidget_tabbar"} <= seen
    assert walk.count("goalTable") >= 2  # round and round: a chain, not a trap

    # Ctrl+Tab and Ctrl+PgDn go to the next tab, wherever the focus is; Tab walks there too.
    window.goal_view.setFocus()
    assert _press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier) == "areasTable"
    assert window.tabs.currentIndex() == TAB_SUMMARY
    seen.update(_walk(qtbot, 6))
    assert _press(qtbot, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier) == "payTable"
    assert window.tabs.currentIndex() == TAB_PAY
    seen.update(_walk(qtbot, 6))
    assert _press(qtbot, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier) == "areasTable"
    assert seen >= PANES, PANES - seen

    # F8: the problem list; Enter on a problem goes to its cell in the goals table.
    assert _press(qtbot, Qt.Key.Key_F8) == "problemsTable"
    assert _press(qtbot, Qt.Key.Key_Return) == "goalTable"
    assert window.tabs.currentIndex() == TAB_GOALS


def test_alt_mnemonics_open_the_tabs(qtbot, window, example):
    open_scored(qtbot, window, example)
    _active(qtbot, window)
    window.goal_view.setFocus()
    alt = Qt.KeyboardModifier.AltModifier
    _press(qtbot, Qt.Key.Key_O, alt)
    assert window.tabs.currentIndex() == TAB_SUMMARY
    _press(qtbot, Qt.Key.Key_L, alt)
    assert window.tabs.currentIndex() == TAB_PAY
    _press(qtbot, Qt.Key.Key_M, alt)
    assert window.tabs.currentIndex() == TAB_GOALS
    assert [window.tabs.tabText(i) for i in range(3)] == ["&Mål", "&Oversigt", "Resultat&løn"]


def test_f5_is_beregn_too(qtbot, window, example):
    open_scored(qtbot, window, example)
    _active(qtbot, window)
    window.goal_view.setFocus()
    with qtbot.waitSignal(window.evaluated, timeout=10_000):
        _press(qtbot, Qt.Key.Key_F5)
    assert [s.toString() for s in window.calc_action.shortcuts()] == ["F9", "F5"]


def test_the_problem_list_is_reachable_when_empty_too(qtbot, window, example):
    open_scored(qtbot, window, example)
    _active(qtbot, window)
    window.goal_view.setFocus()
    assert window.problems.empty
    assert _press(qtbot, Qt.Key.Key_F8) == "problemsSummary"


def test_enter_opens_a_row_of_the_batch_window(qtbot, window, tmp_path):
    from tests.conftest import WORKBOOKS

    folder = tmp_path / "mappe"
    folder.mkdir()
    for p in WORKBOOKS.glob("eksempel-00[02]*.xlsx"):
        shutil.copy2(p, folder / p.name)
    batch = window.open_folder(folder)
    with qtbot.waitSignal(batch.finished_run, timeout=30_000):
        pass
    batch.activateWindow()
    qtbot.waitUntil(batch.isActiveWindow, timeout=5_000)
    batch.table.setFocus()
    qtbot.keyClick(batch.table, Qt.Key.Key_Down)
    wanted = batch.row_path(batch.table.currentRow())
    with qtbot.waitSignal(window.evaluated, timeout=10_000):
        qtbot.keyClick(batch.table, Qt.Key.Key_Return)
    assert window.doc is not None and window.doc.path == wanted


def test_a_plan_without_pay_has_no_pay_tab_and_the_keys_skip_it(qtbot, window, tmp_path):
    """Issue 15 (4): a plan without pay shows no pay anywhere, the app's tab included."""
    from tests.desktop.conftest import EXAMPLE_000, EXAMPLE_003

    swedish, danish = tmp_path / "mv.xlsx", tmp_path / "hr.xlsx"
    shutil.copy2(EXAMPLE_003, swedish)
    shutil.copy2(EXAMPLE_000, danish)
    open_scored(qtbot, window, swedish)
    _active(qtbot, window)
    assert not window.tabs.isTabVisible(TAB_PAY)
    window.goal_view.setFocus()
    ctrl = Qt.KeyboardModifier.ControlModifier
    _press(qtbot, Qt.Key.Key_Tab, ctrl)
    assert window.tabs.currentIndex() == TAB_SUMMARY
    _press(qtbot, Qt.Key.Key_Tab, ctrl)
    assert window.tabs.currentIndex() == TAB_GOALS  # round past the hidden pay tab
    _press(qtbot, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    assert window.tabs.currentIndex() == TAB_GOALS  # Alt+L opens nothing hidden
    open_scored(qtbot, window, danish)
    assert window.tabs.isTabVisible(TAB_PAY)
    window.goal_view.setFocus()
    _press(qtbot, Qt.Key.Key_Tab, ctrl)
    _press(qtbot, Qt.Key.Key_Tab, ctrl)
    assert window.tabs.currentIndex() == TAB_PAY
