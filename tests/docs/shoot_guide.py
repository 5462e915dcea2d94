"""Screenshots for docs/vejledning.md: the app at the steps of the guide, on a real X display.

Run by test_vejledning.py under Xvfb: `python -m tests.docs.shoot_guide OUT CONFIG WORK`.
Each picture is the main window (1366×768) at one step of the guide, made the way a person
gets there: a new template from `maalscore skabelon`, the Hjemrejsestyrelsen example, the same
example with a typing mistake in a weight, and the example with the saved copy checked.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import openpyxl
from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtGui import QGuiApplication

import calc.cli
from desktop.app import create_app
from desktop.mainwindow import TAB_PAY, TAB_SUMMARY, MainWindow
from tests.conftest import WORKBOOKS

EXAMPLE = WORKBOOKS / "eksempel-000-hjemrejsestyrelsen-2025.xlsx"
# Picture name -> what it shows (the guide refers to the names).
PICTURES = {
    "01-ny-skabelon.png": "a new, empty template opened in the app",
    "02-beregnet.png": "the example scored, goal 1.d selected with its explanation",
    "03-oversigt.png": "the Oversigt tab: points per area and per goal",
    "04-resultatloen.png": "the Resultatløn tab: the pay and how it was computed",
    "05-fejl.png": "a weight typed as text: the error names sheet and cell",
}


def _settle(ms: int = 300) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def _open(window: MainWindow, path: Path) -> None:
    loop = QEventLoop()
    window.evaluated.connect(loop.quit)
    QTimer.singleShot(15_000, loop.quit)
    window.open_path(path)
    loop.exec()
    window.evaluated.disconnect(loop.quit)
    _settle()


def _shoot(window: MainWindow, out: Path, name: str) -> None:
    assert name in PICTURES, name
    if not window.grab().save(str(out / name)):
        raise SystemExit(f"could not save {name}")


def main(out: Path, config: Path, work: Path) -> int:
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(config))
    app = create_app(["vejledning"])
    window = MainWindow()
    window.setGeometry(QGuiApplication.primaryScreen().availableGeometry())
    window.show()
    out.mkdir(parents=True, exist_ok=True)
    work.mkdir(parents=True, exist_ok=True)

    new = work / "Mål- og resultatplan 2026.xlsx"
    calc.cli.main(["skabelon", str(new), "--år", "2026", "--institution", "Styrelsen for X"])
    _open(window, new)
    _shoot(window, out, "01-ny-skabelon.png")

    example = work / EXAMPLE.name
    shutil.copyfile(EXAMPLE, example)
    _open(window, example)
    window.select_goal("1.d")
    _settle()
    _shoot(window, out, "02-beregnet.png")
    for name, tab in (("03-oversigt.png", TAB_SUMMARY), ("04-resultatloen.png", TAB_PAY)):
        window.tabs.setCurrentIndex(tab)
        _settle(150)
        _shoot(window, out, name)
    window.tabs.setCurrentIndex(0)

    wrong = work / "med fejl.xlsx"
    wb = openpyxl.load_workbook(EXAMPLE)
    wb["Mål"]["F2"] = "tyve"  # Vægt of goal 1.a typed as a word
    wb.save(wrong)
    _open(window, wrong)
    _shoot(window, out, "05-fejl.png")

    window.close()
    app.quit()
    print(" ".join(sorted(PICTURES)))
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])))
