"""One problem never blanks the year (issue 18, 2): the goals an error does not touch keep their
numbers on screen; the bad cell is red and shows what was typed; Vægt and Målværdi are edited
in the app like Resultat."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush

from calc import fmt
from calc.engine import evaluate
from calc.xlsx.reader import read_workbook
from desktop.goalmodel import BAD_BACKGROUND, Col
from desktop.mainwindow import TAB_PAY, MainWindow
from tests.desktop.conftest import goal_row, open_scored, shown, type_in


def _numbers(window: MainWindow) -> dict[str, tuple[object, object, object]]:
    return {
        g.goal_id: (
            shown(window, g.goal_id, Col.FULFILMENT),
            shown(window, g.goal_id, Col.POINTS),
            shown(window, g.goal_id, Col.STATUS),
        )
        for g in window.shown.card.goals
    }


def test_abc_in_one_result_blanks_only_that_goal_and_what_depends_on_it(qtbot, window, example):
    open_scored(qtbot, window, example)
    before = _numbers(window)

    type_in(qtbot, window, "1.a.2", Col.RESULT, "abc")

    after = _numbers(window)
    waiting = {g for g, (_f, _p, status) in after.items() if status == "Afventer rettelse"}
    assert waiting == {"1.a.2", "1.a"}  # the goal and its delmål parent
    for goal_id in set(before) - waiting:
        assert after[goal_id] == before[goal_id], goal_id
    assert after["1.a.2"][:2] == ("", "")
    assert shown(window, "1.a.2", Col.RESULT) == "abc"  # what was typed
    brush = shown(window, "1.a.2", Col.RESULT, Qt.ItemDataRole.BackgroundRole)
    assert isinstance(brush, QBrush) and brush.color().name().upper() == BAD_BACKGROUND
    tooltip = str(shown(window, "1.a.2", Col.STATUS, Qt.ItemDataRole.ToolTipRole))
    assert tooltip.startswith("Afventer rettelse: Mål!") and "Resultat for 1.a.2" in tooltip
    assert "Afventer rettelse af 1.a.2" in str(shown(window, "1.a", Col.STATUS, 3))
    assert "afventer rettelse af 1 fejl" in window.score_label.text()
    assert "Kan ikke beregnes" not in window.score_label.text()
    window.select_goal("1.a.2")
    assert "Afventer rettelse" in window.explanation.toPlainText()
    assert not window.save() and "Intet er gemt" in window.prompts.errors[-1][1]

    type_in(qtbot, window, "1.a.2", Col.RESULT, "743")
    assert _numbers(window) == before
    assert window.shown.ok


def test_a_skon_before_its_begrundelse_keeps_every_goal_and_the_total(qtbot, window, example):
    open_scored(qtbot, window, example)
    before = _numbers(window)
    total = window.score_label.text()
    window.tabs.setCurrentIndex(TAB_PAY)
    pay = window.pay_panel.model
    shown = [pay.data(pay.index(0, c)) for c in (2, 3)]  # Maksimum, Beregnet
    result = window.shown.pay[0]
    assert shown == [fmt.kroner(result.maximum), fmt.kroner(result.computed)]
    with qtbot.waitSignal(window.evaluated, timeout=10_000):
        assert pay.setData(pay.index(0, 4), "-5.000 kr.")
    assert _numbers(window) == before
    assert window.score_label.text() == total
    # the maximum and the pay before the Skøn do not wait for the Begrundelse; the payout does
    assert [pay.data(pay.index(0, c)) for c in (2, 3)] == shown
    assert pay.data(pay.index(0, 7)) == "afventer rettelse"
    assert pay.data(pay.index(0, 5)) == "(mangler – skal udfyldes)"
    assert "1 fejl – kan ikke gemmes" in window.busy_label.text()


def test_abc_in_a_weight_is_visible_named_and_fixable_in_the_app(qtbot, window, example):
    open_scored(qtbot, window, example)
    before = _numbers(window)
    assert window.goal_model.flags(window.goal_model.index(goal_row(window, "1.d"), Col.WEIGHT)) & (
        Qt.ItemFlag.ItemIsEditable
    )

    type_in(qtbot, window, "1.d", Col.WEIGHT, "abc")

    assert shown(window, "1.d", Col.WEIGHT) == "abc"
    brush = shown(window, "1.d", Col.WEIGHT, Qt.ItemDataRole.BackgroundRole)
    assert isinstance(brush, QBrush) and brush.color().name().upper() == BAD_BACKGROUND
    messages = [i.message for i in window.problems.issues if i.is_error]
    assert messages == ["Vægt for 1.d: 'abc' er ikke et tal. Skriv point, fx 10 eller 2,5."]
    assert not any("summer til" in i.message for i in window.problems.issues)
    assert window.problems.table.item(0, 1).text() == "Mål!F8"  # as in the issue
    after = _numbers(window)
    assert after["1.d"][2] == "Afventer rettelse"
    assert all(after[g] == before[g] for g in before if g != "1.d")

    window.problems.activate(0)  # Enter on the problem: the cursor goes to the Vægt cell
    assert window.goal_view.currentIndex().column() == Col.WEIGHT
    type_in(qtbot, window, "1.d", Col.WEIGHT, "5")
    assert _numbers(window) == before and window.shown.ok


def test_the_target_is_edited_in_the_app_and_saved(qtbot, window, example):
    open_scored(qtbot, window, example)
    assert shown(window, "1.d", Col.STATUS) == "Ikke opfyldt"  # 88 against 90 %
    type_in(qtbot, window, "1.d", Col.TARGET, "85")
    assert shown(window, "1.d", Col.STATUS) == "Opfyldt"
    assert "ændring af Målværdi for 1.d" in window.undo_action.text()
    assert window.save()
    saved = evaluate(read_workbook(example))
    assert saved.plan.goal("1.d").target == Decimal(85)
    assert saved.scorecard.result("1.d").fulfilment == 100
