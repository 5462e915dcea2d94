"""Render the main window with a workbook on a real X display and save PNGs.

Run by test_screenshot.py in a subprocess under Xvfb: `python -m tests.desktop.shoot FILE DIR`.
Writes main.png (the goals with the selected goal explained), summary.png and pay.png.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtGui import QGuiApplication

from desktop.app import create_app
from desktop.mainwindow import TAB_PAY, TAB_SUMMARY, MainWindow


def _settle(ms: int = 300) -> None:
    """Let the window manager-less X server map and paint the window."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main(workbook: Path, out: Path, config: Path) -> int:
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(config))
    app = create_app(["shoot"])
    window = MainWindow()
    screen = QGuiApplication.primaryScreen().availableGeometry()
    window.setGeometry(screen)
    window.show()
    loop = QEventLoop()
    window.evaluated.connect(loop.quit)
    QTimer.singleShot(15_000, loop.quit)
    window.open_path(workbook)
    loop.exec()
    if window.scored is None:
        print("not scored", file=sys.stderr)
        return 1
    window.select_goal("1.d")
    _settle()
    out.mkdir(parents=True, exist_ok=True)
    shots = {"main.png": None, "summary.png": TAB_SUMMARY, "pay.png": TAB_PAY}
    for name, tab in shots.items():
        if tab is not None:
            window.tabs.setCurrentIndex(tab)
            _settle(150)
        if not window.grab().save(str(out / name)):
            return 1
    print(f"{screen.width()}x{screen.height()}")
    window.close()
    app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])))
