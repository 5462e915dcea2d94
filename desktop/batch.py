"""Several workbooks at once: score every workbook in a folder, with progress and cancel.

A ministry scoring all its agencies, or one agency's years. Nothing is written; the table shows
institution, year, score and pay, sorts by any column (numbers as numbers), exports to a CSV that
Danish Excel opens as it is, and Enter or a double-click opens that workbook in the main window.
It is a window of its own, so it does not stay on top of the main window.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, Qt, QThreadPool, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
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

PATH_ROLE = Qt.ItemDataRole.UserRole + 1  # the workbook a row stands for
SORT_ROLE = Qt.ItemDataRole.UserRole + 2  # what the column sorts by


class _Asks(Protocol):
    def save_file(self, suggested: Path, title: str, file_filter: str) -> Path | None: ...

    def error(self, title: str, text: str, details: str = "") -> None: ...


class SortItem(QTableWidgetItem):
    """A cell that sorts by its SORT_ROLE value (a number for numbers), not by its text."""

    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine, theirs = self.data(SORT_ROLE), other.data(SORT_ROLE)
        if mine is None or theirs is None:  # empty cells after the others
            return theirs is None and mine is not None
        if isinstance(mine, str) or isinstance(theirs, str):
            return str(mine).casefold() < str(theirs).casefold()
        return bool(mine < theirs)


class BatchDialog(QWidget):
    openRequested = Signal(object)  # Path
    finished_run = Signal(bool)  # cancelled

    def __init__(
        self, parent: QWidget | None = None, score: Callable[[Path], BatchRow] = score_path
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("batchWindow")
        self.resize(960, 520)
        self.score = score
        self.prompts: _Asks | None = None
        self.job: BatchJob | None = None
        # its own single thread, so a long folder run never delays rescoring in the window
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.rows: list[BatchRow] = []
        self.folder: Path | None = None
        self.heading = QLabel()
        self.progress = QProgressBar()
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.cancel)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self.export)
        self.export_button.setEnabled(False)
        self.status = QLabel()
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("batchTable")
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.setSortingEnabled(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.cellDoubleClicked.connect(self._activated)
        self.table.cellActivated.connect(self._activated)  # Enter on a row
        bar = QHBoxLayout()
        bar.addWidget(self.progress, 1)
        bar.addWidget(self.cancel_button)
        bar.addWidget(self.export_button)
        self.hint = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(bar)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.hint)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Flere projektmapper"))
        self.cancel_button.setText(self.tr("Afbryd"))
        self.export_button.setText(self.tr("&Eksportér …"))
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
        self.hint.setText(
            self.tr(
                "Enter eller dobbeltklik åbner projektmappen. Klik på en kolonne for at sortere."
            )
        )

    def changeEvent(self, event: Any) -> None:
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def start(self, folder: Path) -> int:
        """Start scoring the folder's workbooks; returns how many there are."""
        paths = workbooks_in(folder)
        self.folder = folder
        self.heading.setText(self.tr("Mappe: %1").replace("%1", str(folder)))
        self.rows = []
        self.table.setSortingEnabled(False)
        self.table.setRowCount(0)
        self.export_button.setEnabled(False)
        self.progress.setRange(0, max(1, len(paths)))
        self.progress.setValue(0)
        if not paths:
            self.status.setText(self.tr("Mappen indeholder ingen projektmapper (.xlsx)."))
            self.cancel_button.setEnabled(False)
            self.table.setSortingEnabled(True)
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
        sorting = self.table.isSortingEnabled()
        self.table.setSortingEnabled(False)  # rows are filled in place, then sorted again
        r = self.table.rowCount()
        self.table.insertRow(r)
        for c, (text, key) in enumerate(zip(_cells(row), _sort_keys(row), strict=True)):
            item = SortItem(text)
            item.setData(SORT_ROLE, key)
            item.setData(PATH_ROLE, str(row.path))
            if c in (1, 2, 3):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if row.failure:
                item.setToolTip(row.failure)
            self.table.setItem(r, c, item)
        self.table.setSortingEnabled(sorting)

    def _finished(self, cancelled: bool) -> None:
        total = len(self.job.paths) if self.job else 0
        self.job = None
        self.cancel_button.setEnabled(False)
        self.export_button.setEnabled(bool(self.rows))
        self.table.setSortingEnabled(True)
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

    def row_path(self, table_row: int) -> Path | None:
        item = self.table.item(table_row, 0)
        value = item.data(PATH_ROLE) if item is not None else None
        return Path(value) if value else None

    def _activated(self, row: int, _col: int) -> None:
        path = self.row_path(row)
        if path is not None:
            self.openRequested.emit(path)

    def export(self, path: Path | None = None) -> Path | None:
        """The table as shown (sorted) as a CSV for Danish Excel: `;`, decimal comma, UTF-8
        with BOM. Returns where it went, or None."""
        if path is None:
            if self.prompts is None:
                return None
            suggested = (self.folder or Path.home()) / self.tr("oversigt.csv")
            path = self.prompts.save_file(
                suggested, self.tr("Eksportér oversigten"), self.tr("CSV-fil (*.csv)")
            )
            if path is None:
                return None
            if path.suffix.lower() != ".csv":
                path = path.with_name(path.name + ".csv")
        try:
            path.write_bytes(("\ufeff" + self.csv_text()).encode("utf-8"))
        except OSError as exc:
            if self.prompts is not None:
                self.prompts.error(self.tr("Kan ikke eksportere"), str(exc))
            return None
        return path

    def csv_text(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
        headers = [
            item.text() if (item := self.table.horizontalHeaderItem(c)) is not None else ""
            for c in range(self.table.columnCount())
        ]
        writer.writerow([*headers[:3], self.tr("Point i alt"), *headers[3:]])
        by_path = {str(r.path): r for r in self.rows}
        for r in range(self.table.rowCount()):
            path = self.row_path(r)
            row = by_path.get(str(path)) if path is not None else None
            if row is not None:
                writer.writerow(_csv_cells(row))
        return out.getvalue()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.cancel()
        super().closeEvent(event)


def _problems(row: BatchRow) -> str:
    translate = QCoreApplication.translate
    if row.failure:
        return row.failure
    problems = []
    if row.no_goals:
        problems.append(translate("BatchDialog", "ingen mål at beregne"))
    if row.errors:
        problems.append(translate("BatchDialog", "%1 fejl").replace("%1", str(row.errors)))
    if row.warnings == 1:
        problems.append(translate("BatchDialog", "1 advarsel"))
    elif row.warnings:
        problems.append(translate("BatchDialog", "%1 advarsler").replace("%1", str(row.warnings)))
    return ", ".join(problems)


def _cells(row: BatchRow) -> list[str]:
    if row.failure:
        return ["", "", "", "", row.failure, row.path.name]
    return [
        row.institution or "–",
        str(row.year or ""),
        fmt.pct(row.score_pct) if row.score_pct is not None else "–",
        fmt.kroner(row.payout) if row.payout is not None else "",
        _problems(row),
        row.path.name,
    ]


def _sort_keys(row: BatchRow) -> list[object]:
    return [
        row.institution or None,
        row.year,
        float(row.score_pct) if row.score_pct is not None else None,
        float(row.payout) if row.payout is not None else None,
        float(row.errors * 10_000 + row.warnings) if not row.failure else float(10**9),
        row.path.name,
    ]


def _plain(value: Fraction | Decimal | None, decimals: int) -> str:
    """A number for Danish Excel: decimal comma, no thousands separator, rounded by the rule."""
    if value is None:
        return ""
    return fmt.plain(fmt.round_half_up(value, decimals))


def _csv_cells(row: BatchRow) -> list[str]:
    return [
        row.institution,
        str(row.year or ""),
        _plain(row.score_pct, fmt.PCT_DECIMALS),
        _plain(row.total_points, fmt.POINT_DECIMALS),
        _plain(row.payout, fmt.MONEY_DECIMALS),
        _problems(row),
        row.path.name,
    ]
