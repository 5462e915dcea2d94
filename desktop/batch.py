"""Several workbooks at once: score every workbook in a folder, with progress and cancel.

A ministry scoring all its agencies, or one agency's years. Nothing is written; the table shows
institution, year, score and pay, and a double-click opens that workbook in the main window.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QThreadPool, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from calc import fmt
from desktop.worker import BatchJob, BatchRow, score_path, workbooks_in


class BatchDialog(QDialog):
    openRequested = Signal(object)  # Path
    finished_run = Signal(bool)  # cancelled

    def __init__(
        self, parent: QWidget | None = None, score: Callable[[Path], BatchRow] = score_path
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Flere projektmapper"))
        self.resize(900, 480)
        self.score = score
        self.job: BatchJob | None = None
        # its own single thread, so a long folder run never delays rescoring in the window
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.rows: list[BatchRow] = []
        self.heading = QLabel()
        self.progress = QProgressBar()
        self.cancel_button = QPushButton(self.tr("Afbryd"))
        self.cancel_button.clicked.connect(self.cancel)
        self.status = QLabel()
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Institution"),
                self.tr("År"),
                self.tr("Målopfyldelse"),
                self.tr("Resultatløn"),
                self.tr("Problemer"),
                self.tr("Fil"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSortingEnabled(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.cellDoubleClicked.connect(self._double_clicked)
        bar = QHBoxLayout()
        bar.addWidget(self.progress, 1)
        bar.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(bar)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        hint = QLabel(self.tr("Dobbeltklik på en række for at åbne projektmappen."))
        layout.addWidget(hint)

    def start(self, folder: Path) -> int:
        """Start scoring the folder's workbooks; returns how many there are."""
        paths = workbooks_in(folder)
        self.heading.setText(self.tr("Mappe: %1").replace("%1", str(folder)))
        self.rows = []
        self.table.setRowCount(0)
        self.progress.setRange(0, max(1, len(paths)))
        self.progress.setValue(0)
        if not paths:
            self.status.setText(self.tr("Mappen indeholder ingen projektmapper (.xlsx)."))
            self.cancel_button.setEnabled(False)
            self.finished_run.emit(False)
            return 0
        self.status.setText(self.tr("Beregner %1 projektmapper …").replace("%1", str(len(paths))))
        self.cancel_button.setEnabled(True)
        self.job = BatchJob(paths, self.score)
        self.job.signals.started.connect(self._started)
        self.job.signals.progress.connect(self._progress)
        self.job.signals.finished.connect(self._finished)
        self.pool.start(self.job)
        return len(paths)

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Afbryder …"))

    @property
    def running(self) -> bool:
        return self.job is not None

    def _started(self, index: int, total: int, path: Path) -> None:
        """Which file is being read: a file with millions of cases takes a while."""
        if self.job is not None and not self.job.cancel_event.is_set():
            self.status.setText(
                self.tr("Beregner %1 (%2 af %3) …")
                .replace("%1", path.name)
                .replace("%2", str(index + 1))
                .replace("%3", str(total))
            )

    def _progress(self, done: int, total: int, row: BatchRow) -> None:
        self.progress.setValue(done)
        self.rows.append(row)
        r = self.table.rowCount()
        self.table.insertRow(r)
        for c, text in enumerate(_cells(row)):
            item = QTableWidgetItem(text)
            if row.failure:
                item.setToolTip(row.failure)
            self.table.setItem(r, c, item)

    def _finished(self, cancelled: bool) -> None:
        total = len(self.job.paths) if self.job else 0
        self.job = None
        self.cancel_button.setEnabled(False)
        if cancelled:
            self.status.setText(
                self.tr("Afbrudt: %1 af %2 projektmapper er beregnet.")
                .replace("%1", str(len(self.rows)))
                .replace("%2", str(total))
            )
        else:
            self.status.setText(
                self.tr("Færdig: %1 projektmapper er beregnet.").replace("%1", str(len(self.rows)))
            )
        self.finished_run.emit(cancelled)

    def _double_clicked(self, row: int, _col: int) -> None:
        if 0 <= row < len(self.rows):
            self.openRequested.emit(self.rows[row].path)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.cancel()
        super().closeEvent(event)


def _cells(row: BatchRow) -> list[str]:
    if row.failure:
        return ["", "", "", "", row.failure, row.path.name]
    translate = QCoreApplication.translate
    problems = []
    if row.errors:
        problems.append(translate("BatchDialog", "%1 fejl").replace("%1", str(row.errors)))
    if row.warnings == 1:
        problems.append(translate("BatchDialog", "1 advarsel"))
    elif row.warnings:
        problems.append(translate("BatchDialog", "%1 advarsler").replace("%1", str(row.warnings)))
    return [
        row.institution,
        str(row.year or ""),
        fmt.pct(row.score_pct) if row.score_pct is not None else "–",
        fmt.kroner(row.payout) if row.payout is not None else "",
        ", ".join(problems),
        row.path.name,
    ]
