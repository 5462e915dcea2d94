"""Render the Departement view with a folder checked, on a real X display, and save a PNG.

Run by test_departement.py in a subprocess under Xvfb:
`python -m tests.desktop.shoot_departement FOLDER OUT.png CONFIG`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtGui import QGuiApplication

from desktop.app import create_app
from desktop.mainwindow import MainWindow


def main(folder: Path, out: Path, config: Path) -> int:
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(config))
    app = create_app(["shoot"])
    window = MainWindow()
    departement = window.open_departement()
    departement.setGeometry(QGuiApplication.primaryScreen().availableGeometry())
    loop = QEventLoop()
    departement.finished_run.connect(loop.quit)
    QTimer.singleShot(60_000, loop.quit)
    departement.add_sources([folder])
    loop.exec()
    if departement.running or departement.proxy.rowCount() == 0:
        print("not finished", file=sys.stderr)
        return 1
    departement.view.selectRow(0)
    settle = QEventLoop()
    QTimer.singleShot(300, settle.quit)
    settle.exec()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not departement.grab().save(str(out)):
        return 1
    print(f"{departement.width()}x{departement.height()} {departement.proxy.rowCount()} rows")
    departement.close()
    window.close()
    app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])))
