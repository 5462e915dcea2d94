"""Notice when the open workbook changes on disk, so the screen never shows another file.

Excel (and Målscore's own write-back) saves by writing a new file and renaming it over the old
one, which ends a watch on the file itself; so the folder is watched too, and the file is
watched again after every change. Bursts of events (a save touches the folder several times)
become one `changed` signal after a short pause. Whether the content really changed is the
document's question (`Document.changed_on_disk`), not the watcher's.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

SETTLE_MS = 300  # Excel writes, renames and deletes a temporary file in one save


class FileWatcher(QObject):
    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path: Path | None = None
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._poke)
        self._watcher.directoryChanged.connect(self._poke)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SETTLE_MS)
        self._timer.timeout.connect(self._settled)

    def watch(self, path: Path | None) -> None:
        """Watch `path` (and its folder) instead of what was watched; None stops watching."""
        old = self._watcher.files() + self._watcher.directories()
        if old:
            self._watcher.removePaths(old)
        self.path = path
        if path is not None:
            self._add()

    def _add(self) -> None:
        if self.path is None:
            return
        wanted = [str(self.path.parent)]
        if self.path.exists():
            wanted.append(str(self.path))
        missing = [
            p for p in wanted if p not in self._watcher.files() + self._watcher.directories()
        ]
        if missing:
            self._watcher.addPaths(missing)

    def _poke(self, _path: str = "") -> None:
        self._timer.start()

    def _settled(self) -> None:
        self._add()  # a replaced file has to be watched again
        self.changed.emit()
