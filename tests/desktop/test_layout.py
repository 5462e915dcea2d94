"""Room for the goals (issue 18, 4, and the smaller items of 8): the explanation shows only for
a selected goal and can be closed (remembered), tooltips give the full title, an empty problem
list is one line, the first window follows the screen, undo names what it undoes."""

from __future__ import annotations

import csv
import shutil

from PySide6.QtCore import Qt

from calc import fmt
from desktop import settings
from desktop.goalmodel import Col
from desktop.mainwindow import TAB_GOALS, TAB_PAY, TAB_SUMMARY, MainWindow, first_window_size
from tests.conftest import WORKBOOKS
from tests.desktop.conftest import EXAMPLE_003, goal_row, open_scored


def test_the_explanation_shows_only_for_a_selected_goal(qtbot, window, example):
    open_scored(qtbot, window, example)
    assert not window.explanation.isVisible()  # nothing selected: all width to the goals
    window.select_goal("1.d")
    assert window.explanation.isVisible()
    assert window.splitter.sizes()[1] >= 280
    window.goal_view.clearSelection()
    window.goal_view.setCurrentIndex(window.goal_model.index(0, 0))  # an Område heading
    assert not window.explanation.isVisible()


def test_the_explanation_of_a_goal_is_not_beside_the_overview_or_the_pay(qtbot, window, example):
    open_scored(qtbot, window, example)
    window.select_goal("1.d")
    assert window.explanation.isVisible()
    for tab in (TAB_SUMMARY, TAB_PAY):
        window.tabs.setCurrentIndex(tab)  # a click on the tab
        assert not window.explanation.isVisible()
    window.tabs.setCurrentIndex(TAB_GOALS)
    assert window.explanation.isVisible() and "1.d" in window.explanation.toPlainText()


def test_the_explanation_can_be_closed_and_that_is_remembered(qtbot, window, example):
    open_scored(qtbot, window, example)
    window.select_goal("1.d")
    window.explain_action.trigger()  # Vis › Forklaring (Ctrl+I)
    assert not window.explanation.isVisible()
    assert settings.explanation_visible() is False
    again = MainWindow()
    qtbot.addWidget(again)
    assert not again.explain_action.isChecked()
    window.explain_action.trigger()
    assert window.explanation.isVisible() and settings.explanation_visible()


def test_the_goal_column_tooltip_is_the_full_title(qtbot, window, example):
    open_scored(qtbot, window, example)
    goal = window.shown.plan.goal("1.a")
    model = window.goal_model
    tip = model.data(model.index(goal_row(window, "1.a"), Col.GOAL), Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith(goal.text) and goal.requirement in tip
    status_tip = model.data(
        model.index(goal_row(window, "1.a"), Col.STATUS), Qt.ItemDataRole.ToolTipRole
    )
    assert status_tip == window.shown.card.result("1.a").explanation


def test_an_empty_problem_list_is_one_line(qtbot, window, example):
    open_scored(qtbot, window, example)
    assert window.problems.empty and not window.problems.table.isVisible()
    assert window.problems.height() <= window.problems.summary.sizeHint().height() + 2
    assert window.problems_dock.height() < 50
    assert window.problems.summary.text() == "Ingen problemer i projektmappen."


def test_info_lines_alone_are_told_in_the_one_line_bar(qtbot, window, tmp_path):
    """A Swedish plan without pay has one info line and nothing to fix: no list, one line."""
    path = tmp_path / "mv.xlsx"
    shutil.copy2(EXAMPLE_003, path)
    open_scored(qtbot, window, path)
    problems = window.problems
    assert problems.empty and not problems.table.isVisible()
    assert window.problems_dock.height() < 50
    info = "Resultatlön: Inga personer på bladet: ingen resultatlön att beräkna."
    assert problems.summary.text() == "Ingen fejl eller advarsler. Til orientering: " + info
    assert problems.summary.toolTip() == info
    assert window.width() <= 1366  # a long info line never widens the window
    window.focus_problems()  # F8 still lands somewhere: the bar
    assert problems.summary.hasFocus()


def test_the_first_window_follows_the_screen():
    assert first_window_size(1366, 768) == (1326, 728)
    assert first_window_size(1920, 1080) == (1728, 972)
    assert first_window_size(2560, 1440) == (2304, 1296)


def test_undo_says_what_it_undoes_and_the_toolbar_keeps_its_width(qtbot, window, example):
    open_scored(qtbot, window, example)
    model = window.goal_model
    width = window.toolbar.widgetForAction(window.undo_tool).sizeHint().width()
    with qtbot.waitSignal(window.evaluated, timeout=10_000):
        model.setData(model.index(goal_row(window, "1.d"), Col.RESULT), "91")
    assert window.undo_action.text() == "&Fortryd ændring af Resultat for 1.d"
    assert window.undo_tool.text() == "Fortryd"
    assert window.undo_tool.toolTip() == "Fortryd ændring af Resultat for 1.d"
    assert window.toolbar.widgetForAction(window.undo_tool).sizeHint().width() == width
    assert "1 ændret celle er ikke gemt" in window.busy_label.text()
    with qtbot.waitSignal(window.evaluated, timeout=10_000):
        model.setData(model.index(goal_row(window, "1.e"), Col.RESULT), "97")
    assert "2 ændrede celler er ikke gemt" in window.busy_label.text()


def test_the_batch_window_sorts_exports_and_does_not_stay_on_top(qtbot, window, tmp_path):
    folder = tmp_path / "mappe"
    folder.mkdir()
    for p in WORKBOOKS.glob("*.xlsx"):
        shutil.copy2(p, folder / p.name)
    batch = window.open_folder(folder)
    qtbot.addWidget(batch)
    with qtbot.waitSignal(batch.finished_run, timeout=60_000):
        pass
    assert batch.parent() is None  # a window of its own, not a dialog on top of the main one
    assert (
        batch.isWindow() and not batch.windowFlags() & Qt.WindowType.Dialog & ~Qt.WindowType.Window
    )
    template = next(r for r in batch.rows if r.path.name == "skabelon.xlsx")
    assert template.score_pct is None and template.no_goals
    cells = [batch.table.item(r, c).text() for r in range(batch.table.rowCount()) for c in (2, 4)]
    assert "0 %" not in cells and any(c.startswith("ingen mål at beregne") for c in cells)

    batch.table.sortItems(2, Qt.SortOrder.DescendingOrder)  # highest score first, as numbers
    scores = [batch.table.item(r, 2).text() for r in range(batch.table.rowCount())]
    numbers = [float(s.replace(" %", "").replace(",", ".")) for s in scores if s != "–"]
    assert numbers == sorted(numbers, reverse=True) and len(numbers) == 5

    out = batch.export(tmp_path / "oversigt.csv")
    assert out is not None
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: Danish Excel opens it as it is
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0][:4] == ["Institution", "År", "Målopfyldelse", "Point i alt"]
    shown = [batch.row_path(r).name for r in range(batch.table.rowCount())]
    assert [row[-1] for row in rows[1:]] == shown  # in the order on screen
    best = max(batch.rows, key=lambda r: r.score_pct or 0)
    line = next(row for row in rows if row[0] == best.institution)
    # tests/test_examples.py: 000 443/560 = 79,1 %, 001 73,5, 002 73, 003 72,11, 004 75
    assert line[2] == fmt.plain(fmt.round_half_up(best.score_pct, 1)) == "79,1"


def test_a_wide_window_gives_targets_and_results_room_a_laptop_keeps_it_for_titles(window):
    header = window.goal_view.horizontalHeader()
    window.resize(1326, 728)
    window.fit_columns()
    narrow = header.sectionSize(Col.TARGET), header.sectionSize(Col.RESULT)
    assert narrow == (120, 110)
    window.resize(1728, 972)
    window.fit_columns()
    assert (header.sectionSize(Col.TARGET), header.sectionSize(Col.RESULT)) == (180, 140)
