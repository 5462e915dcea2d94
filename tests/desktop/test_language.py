"""Swedish at once (issue 18, 6): switching retranslates every window without a restart, one
language is ticked, goal types, statuses and milestones are Swedish, dates are written the
Swedish way, and Qt's own dialogs and buttons follow (qtbase_sv / qtbase_da)."""

from __future__ import annotations

import shutil

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QStyle

from desktop import settings
from desktop.goalmodel import Col
from desktop.mainwindow import MainWindow
from tests.desktop.conftest import EXAMPLE_002, open_scored


def _texts(window: MainWindow, row: int) -> list[str]:
    model = window.goal_model
    return [str(model.data(model.index(row, c))) for c in Col]


def _language_action(window: MainWindow, name: str):  # type: ignore[no-untyped-def]
    return next(a for a in window.language_menu.actions() if a.text() == name)


def test_switching_to_swedish_takes_effect_at_once(qtbot, window, tmp_path):
    path = tmp_path / "siri.xlsx"
    shutil.copy2(EXAMPLE_002, path)
    open_scored(qtbot, window, path)
    milestone = next(
        r
        for r in range(window.goal_model.rowCount())
        if window.goal_model.row_cache(r).kind == "milestone"
    )
    assert _texts(window, milestone)[Col.TYPE] == "milepæl"
    danish_date = _texts(window, milestone)[Col.RESULT]
    assert danish_date[2] == "-" and danish_date[5] == "-"  # 12-04-2024

    _language_action(window, "Svenska").trigger()

    assert settings.language() == "sv"
    ticked = [a.text() for a in window.language_menu.actions() if a.isChecked()]
    assert ticked == ["Svenska"]
    assert window.save_action.text() == "&Spara"
    assert [window.tabs.tabText(i) for i in range(3)] == ["&Mål", "&Översikt", "Resultat&lön"]
    # A tab not chosen is not moved down: Fusion cut the dots off its Ö ("Oversikt").
    shift = QStyle.PixelMetric.PM_TabBarTabShiftVertical
    assert window.tabs.tabBar().style().pixelMetric(shift, None, window.tabs.tabBar()) == 0
    assert [m.title() for m in window.menus.values()] == [
        "&Arkiv",
        "&Redigera",
        "&Beräkning",
        "&Visa",
        "&Hjälp",
    ]
    header = window.goal_model.headerData(Col.FULFILMENT, Qt.Orientation.Horizontal, 0)
    assert header == "Uppfyllelse"
    swedish = _texts(window, milestone)
    assert swedish[Col.TYPE] == "milstolpe"
    assert swedish[Col.RESULT] == "-".join(reversed(danish_date.split("-")))  # 2024-04-12
    assert swedish[Col.STATUS] in ("I tid", "Ej i tid", "Ej levererad", "Okänd tidsgräns")
    goal_types = {
        str(window.goal_model.data(window.goal_model.index(r, Col.TYPE)))
        for r in range(window.goal_model.rowCount())
        if window.goal_model.row_cache(r).kind == "goal"
    }
    assert goal_types & {"milstolpar", "minst", "högst"} and not goal_types & {"mindst", "højst"}
    statuses = {
        str(window.goal_model.data(window.goal_model.index(r, Col.STATUS)))
        for r in range(window.goal_model.rowCount())
        if window.goal_model.row_cache(r).kind == "goal"
    }
    assert statuses <= {"Uppfyllt", "Delvis uppfyllt", "Ej uppfyllt", "Resultat saknas"}
    assert "Måluppfyllelse" in window.score_label.text()
    selector = window.followup.selector  # the period selector of the follow-up, too
    assert selector.label.text() == "&Period:"
    assert selector.combo.itemText(1) == "Uppföljning K1"
    assert selector.date_edit.displayFormat() == "yyyy-MM-dd"
    assert window.problems.summary.text().startswith(("Inga problem", "0 fel"))
    window.select_goal("6")
    assert "Utfall" in window.explanation.toPlainText()
    assert "från milstolpar" in window.explanation.toPlainText()

    # Qt's own texts (file dialogs, standard buttons) follow the language too.
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Avbryt"
    assert QCoreApplication.translate("QFileDialog", "&Open") == "&Öppna"

    _language_action(window, "Dansk").trigger()
    assert window.save_action.text() == "&Gem"
    assert selector.label.text() == "&Periode:" and selector.date_edit.displayFormat() == (
        "dd-MM-yyyy"
    )
    assert _texts(window, milestone)[Col.RESULT] == danish_date
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuller"
    assert [a.text() for a in window.language_menu.actions() if a.isChecked()] == ["Dansk"]


def test_a_second_window_follows_the_switch_too(qtbot, window, qapp):
    other = MainWindow()
    qtbot.addWidget(other)
    window.set_language("sv")
    assert other.open_action.text() == "&Öppna …"
    assert other.tabs.tabText(1) == "&Översikt"
