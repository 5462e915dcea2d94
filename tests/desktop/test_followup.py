"""Follow-up mode in the app: the period selector, the traffic lights and comments, the chart
across periods, Nyt år …, and a screenshot under Xvfb."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from calc.model import Forecast
from desktop.followup import COMMENT, NR, forecast_pixmap
from desktop.followup import FORECAST as FORECAST_COL
from desktop.newyear import NewYearChoice, suggested_path
from tests.conftest import REPO, WORKBOOKS
from tests.desktop.conftest import open_scored
from tests.desktop.test_screenshot import HEIGHT, WIDTH, xvfb  # noqa: F401 - the fixture

SIRI = WORKBOOKS / "eksempel-002-siri-2024.xlsx"  # Opfølgning rows for Q1–Q3


@pytest.fixture
def siri(tmp_path: Path) -> Path:
    path = tmp_path / "siri-2024.xlsx"
    shutil.copy2(SIRI, path)
    return path


def follow(qtbot, window, period):  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.followup.shown, timeout=20_000) as blocker:
        window.followup.selector.choose(period)
    return blocker.args[0]


def cell(window, goal_id: str, col: int, role=Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
    model = window.followup.view.model
    for r in range(model.rowCount()):
        if model.index(r, NR).data().strip() == goal_id:
            return model.index(r, col).data(role)
    raise KeyError(goal_id)


def test_a_quarter_switches_the_goal_table_to_the_followup(qtbot, window, siri) -> None:
    open_scored(qtbot, window, siri)
    assert window.goal_stack.currentWidget() is window.goal_view
    data = follow(qtbot, window, 3)
    assert data.current.as_of == date(2024, 9, 30)
    assert window.goal_stack.currentWidget() is window.followup.view
    assert window.followup.view.model.rowCount() == 12  # goals 1–10 with 7.1 and 7.2
    # 7.2: Nej for Q3 with a person's "risiko" and the reason, shown beside it
    assert cell(window, "7.2", FORECAST_COL) == "risiko"
    assert cell(window, "7.2", COMMENT).startswith("Logning af adgange mangler")
    assert cell(window, "8", FORECAST_COL) == "forventes opfyldt"  # the Q2 report on time
    assert cell(window, "7.2", FORECAST_COL, Qt.ItemDataRole.DecorationRole) is not None
    summary = window.followup.view.summary.text()
    assert "Opfølgning pr. 30-09-2024" in summary and "Forventet ved årets udgang" in summary
    with qtbot.waitSignal(window.followup.selector.periodChanged):
        window.followup.selector.choose(None)
    assert window.goal_stack.currentWidget() is window.goal_view


def test_the_followup_follows_a_language_switch(qtbot, window, siri) -> None:
    open_scored(qtbot, window, siri)
    follow(qtbot, window, 3)
    window.set_language("sv")
    view = window.followup.view
    assert "Uppföljning per 2024-09-30" in view.summary.text()
    header = view.model.headerData(FORECAST_COL, Qt.Orientation.Horizontal, 0)
    assert header == "Förväntan"
    assert window.followup.selector.combo.currentText() == "Uppföljning K3"
    window.set_language("da")
    assert "Opfølgning pr. 30-09-2024" in view.summary.text()


def test_the_chart_shows_the_goal_across_the_periods(qtbot, window, siri) -> None:
    open_scored(qtbot, window, siri)
    follow(qtbot, window, 3)
    view = window.followup.view
    assert view.select_goal("7.2")
    chart = view.chart
    # the quarters up to 30-09-2024, each with the Opfølgning row's Ja/Nej: Nej, Ja, Nej
    assert [p.day for p in chart.points] == [
        date(2024, 3, 31),
        date(2024, 6, 30),
        date(2024, 9, 30),
    ]
    assert [p.to_date for p in chart.points] == [0, 100, 0]
    assert "Q3: 0 %" in chart.toolTip()
    # Nej so far is "risiko" by the rule too: the same as computed
    assert "Beregnet prognose: risiko" not in view.detail.toPlainText()
    assert "Logning af adgange" in view.detail.toPlainText()


def test_a_date_of_ones_own(qtbot, window, siri) -> None:
    open_scored(qtbot, window, siri)
    data = follow(qtbot, window, date(2024, 8, 15))
    assert data.current.as_of == date(2024, 8, 15)
    assert window.followup.selector.date_edit.isVisible()
    assert "Opfølgning pr. 15-08-2024" in window.followup.view.summary.text()
    # 15-08 is no period end: the chart has Q1, Q2 and the date
    assert [p.day for p in data.history["1"]] == [
        date(2024, 3, 31),
        date(2024, 6, 30),
        date(2024, 8, 15),
    ]


def test_the_traffic_lights_differ_in_shape_not_only_in_colour() -> None:
    def grey(forecast: Forecast) -> bytes:
        image = (
            forecast_pixmap(forecast, 24).toImage().convertToFormat(QImage.Format.Format_Grayscale8)
        )
        return bytes(image.constBits())

    shapes = {f: grey(f) for f in Forecast}
    assert len(set(shapes.values())) == len(Forecast)


def test_nyt_aar_makes_and_opens_next_years_plan(qtbot, window, prompts, siri, tmp_path) -> None:
    open_scored(qtbot, window, siri)
    target = tmp_path / "siri-2025.xlsx"
    assert suggested_path(siri, 2024, 2025) == target
    prompts.new_year_answer = NewYearChoice(target, 2025, move_dates=True, open_after=True)
    action = window.followup.new_year.action
    assert action in window.file_menu.actions()
    with qtbot.waitSignal(window.evaluated, timeout=30_000):  # the new plan, opened and scored
        action.trigger()
    assert target.is_file() and "new_year" in prompts.asked
    assert prompts.infos[-1][1].startswith(f"Planen for 2025 er gemt i {target}.")
    assert window.doc is not None and window.doc.path == target
    assert "2025" in window.title_label.text()
    # last year's 73 % (tests/test_examples.py, EX002) beside this year's 0 %
    assert "sidste år 73 %" in window.score_label.text()


def test_nyt_aar_with_errors_says_so_and_writes_nothing(qtbot, window, prompts, siri, tmp_path):
    from calc.grid import CellUpdate
    from calc.xlsx.writeback import write_back

    write_back(siri, [CellUpdate("Mål", "F2", "tyve")])  # a weight that is not a number
    open_scored(qtbot, window, siri)
    target = tmp_path / "ny.xlsx"
    prompts.new_year_answer = NewYearChoice(target, 2025)
    with qtbot.waitSignal(window.followup.new_year.finished, timeout=30_000):
        window.followup.new_year.action.trigger()
    assert prompts.errors[-1][0] == "Nyt år" and "Mål!F2" in prompts.errors[-1][2]
    assert not target.exists()


def test_followup_screenshot(xvfb, tmp_path, capsys) -> None:  # noqa: F811 - the fixture
    out = Path(os.environ.get("MAALSCORE_SCREENSHOTS") or tmp_path / "screenshots")
    workbook = tmp_path / SIRI.name
    shutil.copy2(SIRI, workbook)
    env = dict(os.environ, DISPLAY=xvfb, QT_QPA_PLATFORM="xcb", PYTHONPATH=str(REPO))
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.desktop.shoot_followup",
            str(workbook),
            str(out),
            str(tmp_path),
        ],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )
    output = result.stderr + result.stdout
    if result.returncode != 0 and "platform plugin" in output and "xcb" in output:
        pytest.skip("Qt's xcb platform plugin cannot load: " + output[-300:])
    assert result.returncode == 0, output
    for name in ("followup.png", "followup-sv.png"):
        image = QImage(str(out / name))
        assert not image.isNull(), name
        assert WIDTH - 50 <= image.width() <= WIDTH and HEIGHT - 100 <= image.height() <= HEIGHT
    with capsys.disabled():
        print(f"\nscreenshots of the follow-up: {out}")
