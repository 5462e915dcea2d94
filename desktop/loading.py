"""Opening a workbook without freezing the window: large case data takes time.

A workbook whose case data is a file of millions of rows, or a query in the agency's database,
can take seconds or minutes to read. `load_with_progress` reads it on a worker thread; from one
second on it shows a busy progress dialog with a cancel button (a quick open shows
nothing). Cancel returns at once: the abandoned read ends on
its own in the background and its result is dropped.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

from calc.engine import FileOptions, load_grids
from calc.grid import WorkbookGrids

SHOW_AFTER_MS = 1000


def _load(path: Path) -> WorkbookGrids:
    return load_grids(path, FileOptions())


def load_with_progress(
    parent: QWidget | None, path: Path, load: Callable[[Path], WorkbookGrids] = _load
) -> WorkbookGrids | None:
    """The workbook's grids, or None when the user cancelled; the reader's exception (e.g. a
    `MaalscoreError` with a Danish message) is raised here, in the caller's thread."""
    result: list[WorkbookGrids] = []
    error: list[BaseException] = []

    def work() -> None:
        try:
            result.append(load(path))
        except BaseException as exc:  # handed to the caller's thread
            error.append(exc)

    thread = threading.Thread(target=work, daemon=True, name=f"open {path.name}")
    thread.start()
    text = QCoreApplication.translate("Loading", "Læser %1 og dens sagsdata …")
    cancel = QCoreApplication.translate("Loading", "Annullér")
    dialog = QProgressDialog(text.replace("%1", path.name), cancel, 0, 0, parent)
    dialog.setWindowTitle(QCoreApplication.translate("Loading", "Åbner projektmappe"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.hide()
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(30)
    shown = QTimer()
    shown.setSingleShot(True)

    def show() -> None:
        if thread.is_alive():
            dialog.show()

    shown.timeout.connect(show)

    def poll() -> None:
        if not thread.is_alive() or dialog.wasCanceled():
            loop.quit()

    timer.timeout.connect(poll)
    timer.start()
    shown.start(SHOW_AFTER_MS)
    if thread.is_alive():
        loop.exec()
    timer.stop()
    shown.stop()
    cancelled = dialog.wasCanceled() and thread.is_alive()
    dialog.close()
    dialog.deleteLater()
    if cancelled:
        return None
    thread.join()
    if error:
        raise error[0]
    return result[0]
