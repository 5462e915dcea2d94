"""The real main window, driven as a user would: open, edit, see the score change, save."""

from __future__ import annotations

import hashlib
import shutil
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit

from calc import fmt
from calc.engine import evaluate
from calc.grid import CellUpdate, a1, parse_a1
from calc.template import MAAL
from calc.xlsx.reader import read_workbook
from calc.xlsx.writeback import backup_path, write_back
from desktop import settings
from desktop.dialogs import Conflict, Unsaved
from desktop.document import set_cell
from desktop.goalmodel import Col
from desktop.mainwindow import TAB_GOALS, TAB_PAY, MainWindow
from desktop.style import EDITED_BACKGROUND
from tests.desktop.conftest import EXAMPLE_003, FakePrompts, goal_row, open_scored, type_in


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


_row_of = goal_row


def _cell(window: MainWindow, goal_id: str, col: Col, role: int = 0) -> object:
    model = window.goal_model
    return model.data(model.index(_row_of(window, goal_id), col), role)


def _type_result(qtbot, window: MainWindow, goal_id: str, text: str) -> None:  # type: ignore[no-untyped-def]
    type_in(qtbot, window, goal_id, Col.RESULT, text)


def _score_text(window: MainWindow) -> str:
    return window.score_label.text()


def test_open_shows_the_scored_plan_grouped_by_area(qtbot, window, example):
    open_scored(qtbot, window, example)
    assert "Hjemrejsestyrelsen" in window.title_label.text()
    assert "2025" in window.title_label.text()
    card = evaluate(read_workbook(example)).scorecard
    assert card is not None
    assert fmt.pct(card.score_pct) in _score_text(window)
    model = window.goal_model
    first = model.row_cache(0)
    assert first is not None and first.kind == "area" and first.texts[Col.GOAL] == "Faglige mål"
    # delmål sit indented under their goal, right after it
    parent = _row_of(window, "1.a")
    child = model.row_cache(parent + 1)
    assert child is not None and child.goal_id == "1.a.1" and child.depth == 1
    assert model.data(model.index(parent + 1, Col.NR)).startswith("    1.a.1")
    # every column the issue asks for is filled from the core's result
    result = card.result("1.d")
    assert _cell(window, "1.d", Col.WEIGHT) == fmt.points(result.weight)
    assert _cell(window, "1.d", Col.POINTS) == fmt.points(result.points)
    assert _cell(window, "1.d", Col.STATUS) == "Ikke opfyldt"
    assert _cell(window, "1.d", Col.RESULT) == "88 %"  # as typed, with the target's unit
    assert _cell(window, "1.d", Col.TYPE) == "mindst"
    assert _cell(window, "1.d", Col.STATUS, Qt.ItemDataRole.DecorationRole) is not None
    assert window.windowTitle().startswith("hjemrejsestyrelsen.xlsx")


def test_selecting_a_goal_explains_it(qtbot, window, example):
    open_scored(qtbot, window, example)
    window.select_goal("1.d")
    html = window.explanation.toPlainText()
    card = window.scored.evaluation.scorecard
    assert card.result("1.d").explanation in html
    goal, layout = (
        window.scored.evaluation.plan.goal("1.d"),
        window.scored.evaluation.plan.goals_layout,
    )
    assert f"Mål!{a1(goal.row, layout.col('result'))}" in html  # the result cell


def test_edit_rescores_marks_the_cell_and_save_writes_inputs_and_results(qtbot, window, example):
    open_scored(qtbot, window, example)
    before = window.scored.evaluation.scorecard.total_points

    _type_result(qtbot, window, "1.d", "91")

    card = window.scored.evaluation.scorecard
    assert card.total_points == before + 5  # 1.d (5 point) is now met
    assert _cell(window, "1.d", Col.STATUS) == "Opfyldt"
    assert fmt.points(card.total_points) in _score_text(window)
    background = _cell(window, "1.d", Col.RESULT, Qt.ItemDataRole.BackgroundRole)
    assert isinstance(background, QBrush) and background.color().name().upper() == EDITED_BACKGROUND
    assert window.doc.dirty and window.windowTitle().startswith("hjemrejsestyrelsen.xlsx*")
    original = example.read_bytes()

    assert window.save()

    assert backup_path(example).read_bytes() == original
    saved = evaluate(read_workbook(example))
    plan = saved.plan
    goal = plan.goal("1.d")
    layout = plan.goals_layout
    grid = read_workbook(example).find(layout.sheet)
    assert grid.value(goal.row, layout.col("result")) == Decimal(91)
    assert grid.value(goal.row, layout.col("status")) == "Opfyldt"
    assert grid.value(goal.row, layout.col("points")) == Decimal(5)
    assert saved.scorecard.total_points == card.total_points
    assert not window.doc.dirty
    assert _cell(window, "1.d", Col.RESULT, Qt.ItemDataRole.BackgroundRole) is None


def test_undo_and_redo_an_edit(qtbot, window, example):
    open_scored(qtbot, window, example)
    before = window.scored.evaluation.scorecard.total_points
    _type_result(qtbot, window, "1.d", "91")
    assert window.scored.evaluation.scorecard.total_points == before + 5

    with qtbot.waitSignal(window.evaluated, timeout=10_000):
        window.undo_action.trigger()
    assert window.scored.evaluation.scorecard.total_points == before
    assert not window.doc.dirty

    with qtbot.waitSignal(window.evaluated, timeout=10_000):
        window.redo_action.trigger()
    assert window.scored.evaluation.scorecard.total_points == before + 5
    assert window.doc.dirty


def test_assessment_levels_come_from_a_dropdown(qtbot, window, example):
    # The seed plans assess whether a goal is met (ja/nej); a graded `vurdering` is made here.
    type_col, result_col = MAAL.letter("Type"), MAAL.letter("Resultat")
    write_back(
        example,
        [
            CellUpdate("Mål", f"{type_col}17", "vurdering"),
            CellUpdate("Mål", f"{result_col}17", "delvist"),
        ],
    )  # row 17: goal 2.2 of example 000
    open_scored(qtbot, window, example)
    assert _cell(window, "2.2", Col.STATUS) == "Delvist opfyldt"
    index = window.goal_model.index(_row_of(window, "2.2"), Col.RESULT)
    window.goal_view.setCurrentIndex(index)
    window.goal_view.setFocus()
    qtbot.keyClick(window.goal_view, Qt.Key.Key_F2)
    box = QApplication.focusWidget()
    assert isinstance(box, QComboBox)
    texts = [box.itemText(i) for i in range(box.count())]
    assert texts == ["100 %", "75 %", "50 %", "25 %", "0 %", "opfyldt", "delvist", "ikke opfyldt"]
    assert box.currentText() == "delvist"  # the workbook's own word
    box.setCurrentIndex(texts.index("100 %"))
    with qtbot.waitSignal(window.evaluated, timeout=10_000):
        qtbot.keyClick(box, Qt.Key.Key_Return)
    assert _cell(window, "2.2", Col.STATUS) == "Opfyldt"
    assert _cell(window, "2.2", Col.RESULT) == "100"


def test_pay_adjustment_without_reason_is_refused(qtbot, window, example):
    open_scored(qtbot, window, example)
    window.tabs.setCurrentIndex(TAB_PAY)
    pay = window.pay_panel.model
    skon = pay.index(0, 4)
    with qtbot.waitSignal(window.evaluated, timeout=10_000):
        assert pay.setData(skon, "5.000")
    assert not window.scored.evaluation.ok
    assert pay.data(pay.index(0, 5)) == "(mangler – skal udfyldes)"
    untouched = _sha(example)

    assert not window.save()

    assert _sha(example) == untouched
    _title, text, _ = window.prompts.errors[-1]
    assert "begrundelse" in text and "Karsten Bøgh Andersen" in text and "Intet er gemt" in text

    with qtbot.waitSignal(window.evaluated, timeout=10_000):
        assert pay.setData(pay.index(0, 5), "Ekstraordinær indsats i 2025.")
    assert window.scored.evaluation.ok
    payout = window.scored.evaluation.pay[0].payout
    assert pay.data(pay.index(0, 7)) == fmt.kroner(payout)
    assert window.save()
    layout = window.scored.evaluation.plan.pay_layout
    grid = read_workbook(example).find(layout.sheet)
    assert grid.value(1, layout.col("adjustment")) == Decimal(5000)
    assert grid.value(1, layout.col("reason")) == "Ekstraordinær indsats i 2025."
    assert grid.value(1, layout.col("payout")) == payout


def test_workbook_with_errors_shows_the_problems_and_jumps_to_the_row(qtbot, window, example):
    grids = read_workbook(example)
    plan = evaluate(grids).plan
    goal, layout = plan.goal("1.b"), plan.goals_layout
    write_back(example, [CellUpdate(layout.sheet, a1(goal.row, layout.col("weight")), "ti")])

    open_scored(qtbot, window, example)

    assert not window.scored.evaluation.ok
    problems = window.problems
    assert problems.table.rowCount() >= 1
    assert problems.table.item(0, 0).text() == "Fejl"
    assert problems.table.item(0, 1).text() == f"Mål!{a1(goal.row, layout.col('weight'))}"
    assert "ikke et tal" in problems.table.item(0, 2).text()
    assert "1 fejl" in window.problems_dock.windowTitle()
    assert window.problems_dock.isVisible()
    assert "Problemer" in _score_text(window)
    assert not window.report_action.isEnabled()

    window.tabs.setCurrentIndex(TAB_PAY)
    problems.activate(0)  # as a double-click
    assert window.tabs.currentIndex() == TAB_GOALS
    assert window.goal_view.currentIndex().row() == _row_of(window, "1.b")
    assert "ikke et tal" in window.explanation.toPlainText()  # the row's own problem

    assert not window.save()
    assert "fejl" in window.prompts.errors[-1][1]


def test_an_info_line_is_listed_but_not_counted_as_a_warning(qtbot, window, tmp_path):
    path = tmp_path / "mv.xlsx"
    shutil.copy2(EXAMPLE_003, path)  # no performance pay: one info line and nothing else
    open_scored(qtbot, window, path)
    assert window.scored.evaluation.ok
    problems = window.problems
    assert problems.table.rowCount() == 1
    assert problems.table.item(0, 0).text() == "Info"
    assert problems.table.item(0, 2).text() == (
        "Inga personer på bladet: ingen resultatlön att beräkna."
    )
    assert problems.counts() == (0, 0)
    assert "0 fejl, 0 advarsler" in window.problems_dock.windowTitle()


def test_double_click_on_a_milestone_problem_selects_the_milestone(qtbot, window, tmp_path):
    path = tmp_path / "mv.xlsx"
    shutil.copy2(EXAMPLE_003, path)
    write_back(path, [CellUpdate("Handlingsplan", "E15", "Höst 2008")])  # no day: an error
    open_scored(qtbot, window, path)
    issues = window.problems.issues
    row = next(i for i, issue in enumerate(issues) if issue.sheet == "Handlingsplan")
    window.problems.table.cellDoubleClicked.emit(row, 2)
    selected = window.goal_model.row_cache(window.goal_view.currentIndex().row())
    assert selected is not None and selected.kind == "milestone"
    assert selected.sheet_row == parse_a1(issues[row].cell)[0]


def test_file_changed_on_disk_is_detected_before_saving(qtbot, window, example):
    open_scored(qtbot, window, example)
    window.watcher.watch(None)  # as on a network drive that reports no changes
    _type_result(qtbot, window, "1.d", "91")
    # someone edits the workbook in Excel meanwhile
    write_back(example, [CellUpdate("Plan", "D1", "ændret i Excel")])
    theirs = _sha(example)

    window.prompts.conflict_answer = Conflict.CANCEL
    assert not window.save()
    assert window.prompts.asked == ["conflict"]
    assert _sha(example) == theirs and window.doc.dirty

    window.prompts.conflict_answer = Conflict.SAVE
    assert window.save()
    grid = read_workbook(example).find("Plan")
    assert grid.value(0, 3) == "ændret i Excel"  # their edit survives, and so does mine
    assert evaluate(read_workbook(example)).plan.goal("1.d").result == 91


def test_reload_takes_the_file_from_disk_and_keeps_my_edits_on_top(qtbot, window, example):
    open_scored(qtbot, window, example)
    window.watcher.watch(None)
    _type_result(qtbot, window, "1.d", "91")
    plan = window.scored.evaluation.plan
    goal, layout = plan.goal("1.e"), plan.goals_layout
    write_back(example, [CellUpdate(layout.sheet, a1(goal.row, layout.col("result")), "12")])
    theirs = _sha(example)
    window.prompts.conflict_answer = Conflict.RELOAD
    with qtbot.waitSignal(window.evaluated, timeout=10_000):
        assert not window.save()  # Genindlæs shows the new numbers first; nothing is saved
    assert _sha(example) == theirs
    assert window.doc.dirty and list(window.doc.edits) == [
        window.goal_model.row_cache(_row_of(window, "1.d")).key
    ]
    assert _cell(window, "1.e", Col.RESULT) == "12"  # written as text in the file: shown as it is
    assert _cell(window, "1.d", Col.RESULT) == "91 %"


def test_save_as_writes_a_copy_and_keeps_the_original(qtbot, window, example, tmp_path):
    open_scored(qtbot, window, example)
    _type_result(qtbot, window, "1.d", "91")
    original = _sha(example)
    window.prompts.save_path = tmp_path / "kopi.xlsx"
    assert window.save_as()
    assert _sha(example) == original
    assert window.doc.path == tmp_path / "kopi.xlsx"
    assert evaluate(read_workbook(tmp_path / "kopi.xlsx")).plan.goal("1.d").result == 91


def test_closing_with_unsaved_changes_asks(qtbot, window, example):
    open_scored(qtbot, window, example)
    _type_result(qtbot, window, "1.d", "91")
    window.prompts.unsaved_answer = Unsaved.CANCEL
    assert not window.close()
    assert window.isVisible() and window.prompts.asked == ["unsaved"]
    window.prompts.unsaved_answer = Unsaved.DISCARD
    untouched = _sha(example)
    assert window.close()
    assert _sha(example) == untouched


def test_recent_files_and_last_folder_go_to_the_isolated_settings(
    qtbot, window, example, isolated_settings
):
    open_scored(qtbot, window, example)
    assert settings.recent_files()[0] == example.resolve()
    assert settings.last_folder() == example.resolve().parent
    files = list(isolated_settings.rglob("*.ini"))
    assert files and all(isolated_settings in f.parents for f in files)


def test_unreadable_file_gives_an_error_not_a_crash(qtbot, window, tmp_path):
    bad = tmp_path / "ikke-excel.xlsx"
    bad.write_text("dette er ikke en projektmappe")
    assert not window.open_path(bad)
    assert window.doc is None
    assert "kan ikke åbnes" in window.prompts.errors[-1][1]


def test_f9_and_ctrl_s_are_the_shortcuts(window):
    assert window.calc_action.shortcut().toString() == "F9"
    assert window.save_action.shortcut().toString() == "Ctrl+S"
    assert window.open_action.shortcut().toString() == "Ctrl+O"


def test_the_core_not_the_app_computes(qtbot, window, example):
    """After an edit the window shows exactly what calc.engine.evaluate gives for those grids."""
    open_scored(qtbot, window, example)
    _type_result(qtbot, window, "1.e", "94")
    plan = window.scored.evaluation.plan
    layout = plan.goals_layout
    key = (layout.sheet, plan.goal("1.e").row, layout.col("result"))
    expected = evaluate(set_cell(read_workbook(example), key, Decimal(94))).scorecard
    assert window.scored.evaluation.scorecard.total_points == expected.total_points


def test_fake_prompts_answer_everything(prompts: FakePrompts):
    # guard: a new question added to Prompts must be scripted here too
    from desktop.dialogs import Prompts

    public = {
        n
        for n, v in vars(Prompts).items()
        if callable(v) and not n.startswith("_") and not n.endswith("_box")
    }
    assert public <= set(dir(prompts))


def test_a_milestone_delivery_date_is_edited_in_place(qtbot, window, tmp_path):
    from tests.desktop.conftest import EXAMPLE_002

    path = tmp_path / "siri.xlsx"
    shutil.copy2(EXAMPLE_002, path)
    open_scored(qtbot, window, path)
    model = window.goal_model
    row = model.find_row("Milepæle", 3)  # goal 6's first milestone, delivered late
    assert model.data(model.index(row, Col.STATUS)) == "Ikke rettidig"
    assert model.data(model.index(row, Col.RESULT)) == "12-04-2024"
    index = model.index(row, Col.RESULT)
    window.goal_view.setCurrentIndex(index)
    window.goal_view.setFocus()
    qtbot.keyClick(window.goal_view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.placeholderText().startswith("dd-mm")
    editor.selectAll()
    qtbot.keyClicks(editor, "28-03-2024")
    with qtbot.waitSignal(window.evaluated, timeout=10_000):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert model.data(model.index(row, Col.STATUS)) == "Rettidig"
    assert _cell(window, "6", Col.STATUS) == "Opfyldt"
    assert window.save()
    assert read_workbook(path).find("Milepæle").value(3, 5) == "28-03-2024"
    assert evaluate(read_workbook(path)).scorecard.result("6").fulfilment == 100


def test_dropping_a_workbook_on_the_window_opens_it(qtbot, window, example):
    from PySide6.QtCore import QMimeData, QPoint, QPointF, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(example))])
    enter = QDragEnterEvent(
        QPoint(10, 10),  # a QPoint in Qt 6's signature (6.12's binding also takes a QPointF)
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.evaluated, timeout=10_000):
        window.dropEvent(drop)
    assert window.doc is not None and window.doc.path == example


def test_window_state_is_remembered(qtbot, window, example):
    assert settings.window_state() == (None, None)
    window.close()
    geometry, state = settings.window_state()
    assert geometry is not None and state is not None


def test_the_window_fits_a_laptop_screen(window):
    screen = window.screen().availableGeometry()
    assert window.width() <= max(1280, screen.width())
    assert window.height() <= max(720, screen.height())
    assert window.minimumSizeHint().width() <= 1366 and window.minimumSizeHint().height() <= 768


def test_the_ui_can_be_swedish(qtbot, qapp, example):
    from PySide6.QtCore import QTranslator

    from desktop.app import install_translator
    from desktop.mainwindow import MainWindow

    assert install_translator(qapp, "sv") == "sv"
    try:
        w = MainWindow()
        qtbot.addWidget(w)
        assert w.save_action.text() == "&Spara"
        assert w.tabs.tabText(0) == "&Mål" and w.tabs.tabText(1) == "&Översikt"
        assert w.goal_model.headerData(6, Qt.Orientation.Horizontal, 0) == "Uppfyllelse"
    finally:
        for translator in qapp.findChildren(QTranslator):
            qapp.removeTranslator(translator)


def test_a_finished_rescoring_does_not_close_an_open_editor(qtbot, window, example):
    open_scored(qtbot, window, example)
    window.tabs.setCurrentIndex(TAB_PAY)
    view = window.pay_panel.view
    view.setCurrentIndex(window.pay_panel.model.index(0, 5))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, "Halvfærdig begrund")
    with qtbot.waitSignal(window.evaluated, timeout=10_000):
        window.rescore()
    assert view.state() == view.State.EditingState
    qtbot.keyClicks(editor, "else")
    with qtbot.waitSignal(window.evaluated, timeout=10_000):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    key = window.pay_panel.model.key(0, "reason")
    assert window.doc.value(key) == "Halvfærdig begrundelse"


def test_typing_a_result_survives_a_rescoring(qtbot, window, example):
    open_scored(qtbot, window, example)
    index = window.goal_model.index(_row_of(window, "1.e"), Col.RESULT)
    window.goal_view.setCurrentIndex(index)
    window.goal_view.setFocus()
    qtbot.keyClick(window.goal_view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "9")
    with qtbot.waitSignal(window.evaluated, timeout=10_000):
        window.rescore()
    qtbot.keyClicks(editor, "4")
    with qtbot.waitSignal(window.evaluated, timeout=10_000):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert _cell(window, "1.e", Col.RESULT) == "94 %"
