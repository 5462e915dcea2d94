"""Render the follow-up mode on a real X display and save PNGs (Danish, then Swedish).

Run by test_followup.py in a subprocess under Xvfb:
`python -m tests.desktop.shoot_followup FILE DIR CONFIG`. Writes followup.png (SIRI 2024 at Q3,
goal 9 selected: its chart across the quarters and its comment) and followup-sv.png.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtGui import QGuiApplication

from desktop.app import create_app, install_translator
from desktop.mainwindow import MainWindow


def _wait(signal, ms: int = 20_000) -> None:  # type: ignore[no-untyped-def]
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def _settle(ms: int = 300) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def shoot(workbook: Path, png: Path) -> bool:
    window = MainWindow()
    window.setGeometry(QGuiApplication.primaryScreen().availableGeometry())
    window.show()
    loop = QEventLoop()
    window.evaluated.connect(loop.quit)
    QTimer.singleShot(15_000, loop.quit)
    window.open_path(workbook)
    loop.exec()
    if window.scored is None:
        print("not scored", file=sys.stderr)
        return False
    loop = QEventLoop()
    window.followup.shown.connect(loop.quit)
    QTimer.singleShot(20_000, loop.quit)
    window.followup.selector.choose(3)
    loop.exec()
    window.followup.view.select_goal("9")
    _settle()
    ok = window.grab().save(str(png))
    window.close()
    return ok


def main(workbook: Path, out: Path, config: Path) -> int:
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(config))
    app = create_app(["shoot"])
    out.mkdir(parents=True, exist_ok=True)
    if not shoot(workbook, out / "followup.png"):
        return 1
    install_translator(app, "sv")
    if not shoot(workbook, out / "followup-sv.png"):
        return 1
    screen = QGuiApplication.primaryScreen().availableGeometry()
    print(f"{screen.width()}x{screen.height()}")
    app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])))
