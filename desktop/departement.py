"""The Departement view: check and compare many agencies' workbooks, as `maalscore samle` does.

Open a folder, add files or drop them (workbooks, folders, saved e-mails); a background job
(`ConsolidateJob`, a QRunnable on the window's own thread pool) finds the sources and runs
`calc.collect.examine` on one file at a time, so the table fills as it goes and Afbryd stops
between two files. The table is sortable and shows each verdict as an icon whose shape alone
tells it (tick, dash, triangle, diamond, cross) beside its word. A double-click asks the main
window to open that workbook read-only (an e-mail attachment from a private temporary copy);
Eksportér oversigt writes the same overview workbook as `samle --ud`. Nothing is ever written
to a source.
"""

from __future__ import annotations

import tempfile
import threading
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QRunnable,
    QSortFilterProxyModel,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QIcon,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from calc import fmt
from calc.collect import Examined, examine, find_sources, split_attachment
from calc.consolidate import AgencyRecord, Verdict, consolidate, failed
from calc.errors import Issue

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1

# Okabe–Ito colours, each with its own shape, so neither colour nor shape is needed alone.
VERDICT_COLOURS = {
    Verdict.APPROVED: "#009E73",  # bluish green, a tick
    Verdict.NOT_CALCULATED: "#0072B2",  # blue, a dash in a ring
    Verdict.CHANGED: "#E69F00",  # orange, a triangle with !
    Verdict.DIFFERS: "#CC79A7",  # reddish purple, a diamond with ≠
    Verdict.FAILED: "#D55E00",  # vermillion, a cross
}
# Most serious first when sorting by verdict.
VERDICT_ORDER = [
    Verdict.FAILED,
    Verdict.CHANGED,
    Verdict.DIFFERS,
    Verdict.NOT_CALCULATED,
    Verdict.APPROVED,
]


def verdict_text(verdict: Verdict) -> str:
    translate = QCoreApplication.translate
    return {
        Verdict.APPROVED: translate("Verdict", "godkendt"),
        Verdict.CHANGED: translate("Verdict", "ændret"),
        Verdict.NOT_CALCULATED: translate("Verdict", "ikke beregnet"),
        Verdict.DIFFERS: translate("Verdict", "afviger"),
        Verdict.FAILED: translate("Verdict", "fejl"),
    }[verdict]


@cache
def verdict_icon(verdict: Verdict, size: int = 16) -> QIcon:
    return QIcon(verdict_pixmap(verdict, size))


def verdict_pixmap(verdict: Verdict, size: int = 16) -> QPixmap:
    """The verdict's shape in its colour, with a white mark: the shape tells it alone."""
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(VERDICT_COLOURS[verdict])
    s = float(size)
    white = QPen(QColor("white"), max(1.5, s / 8))
    white.setCapStyle(Qt.PenCapStyle.RoundCap)
    p.setPen(QPen(colour.darker(130), 1))
    p.setBrush(colour)
    if verdict is Verdict.APPROVED:
        p.drawEllipse(QRectF(1, 1, s - 2, s - 2))
        path = QPainterPath(QPointF(s * 0.28, s * 0.52))
        path.lineTo(QPointF(s * 0.44, s * 0.68))
        path.lineTo(QPointF(s * 0.73, s * 0.34))
        p.setPen(white)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(path)
    elif verdict is Verdict.NOT_CALCULATED:
        p.setBrush(QColor("white"))
        p.setPen(QPen(colour, max(1.5, s / 8)))
        p.drawEllipse(QRectF(2, 2, s - 4, s - 4))
        p.drawLine(QPointF(s * 0.32, s * 0.5), QPointF(s * 0.68, s * 0.5))
    elif verdict is Verdict.CHANGED:
        p.drawPolygon(QPolygonF([QPointF(s / 2, 1), QPointF(s - 1, s - 1), QPointF(1, s - 1)]))
        p.setPen(white)
        p.drawLine(QPointF(s / 2, s * 0.4), QPointF(s / 2, s * 0.66))
        p.drawPoint(QPointF(s / 2, s * 0.83))
    elif verdict is Verdict.DIFFERS:
        diamond = [
            QPointF(s / 2, 1),
            QPointF(s - 1, s / 2),
            QPointF(s / 2, s - 1),
            QPointF(1, s / 2),
        ]
        p.drawPolygon(QPolygonF(diamond))
        p.setPen(QPen(QColor("white"), max(1.0, s / 12)))
        p.drawLine(QPointF(s * 0.33, s * 0.42), QPointF(s * 0.67, s * 0.42))
        p.drawLine(QPointF(s * 0.33, s * 0.58), QPointF(s * 0.67, s * 0.58))
        p.drawLine(QPointF(s * 0.58, s * 0.3), QPointF(s * 0.42, s * 0.7))
    else:
        p.drawEllipse(QRectF(1, 1, s - 2, s - 2))
        p.setPen(white)
        p.drawLine(QPointF(s * 0.32, s * 0.32), QPointF(s * 0.68, s * 0.68))
        p.drawLine(QPointF(s * 0.68, s * 0.32), QPointF(s * 0.32, s * 0.68))
    p.end()
    return pix


# --- the table ------------------------------------------------------------------------------


class AgencyModel(QAbstractTableModel):
    """One row per agency workbook; texts are computed once per row (a row cache)."""

    VERDICT, INSTITUTION, YEAR, SCORE, POINTS, GOALS, PAY, FILE, REASON = range(9)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.records: list[AgencyRecord] = []
        self._texts: list[list[str]] = []
        self.headers: list[str] = []
        self.retranslate()

    def retranslate(self) -> None:
        """Headers and row texts in the interface's language (after a language switch)."""
        self.headers = [
            self.tr("Vurdering"),
            self.tr("Institution"),
            self.tr("År"),
            self.tr("Målopfyldelse"),
            self.tr("Point"),
            self.tr("Opfyldt / delvist / ikke / mangler"),
            self.tr("Resultatløn"),
            self.tr("Fil"),
            self.tr("Begrundelse"),
        ]
        self._texts = [self._row_texts(r) for r in self.records]
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.headers) - 1)
        if self.records:
            last = self.index(len(self.records) - 1, len(self.headers) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def add(self, records: Sequence[AgencyRecord]) -> None:
        if not records:
            return
        first = len(self.records)
        self.beginInsertRows(QModelIndex(), first, first + len(records) - 1)
        self.records.extend(records)
        self._texts.extend(self._row_texts(r) for r in records)
        self.endInsertRows()

    def clear(self) -> None:
        self.beginResetModel()
        self.records, self._texts = [], []
        self.endResetModel()

    def _row_texts(self, r: AgencyRecord) -> list[str]:
        n = r.counts
        points = (
            self.tr("%1 af %2")
            .replace("%1", fmt.points(r.total_points))
            .replace("%2", fmt.points(r.max_points))
            if r.total_points is not None and r.max_points is not None
            else ""
        )
        return [
            verdict_text(r.verdict),
            r.institution,
            str(r.year) if r.year is not None else "",
            fmt.pct(r.score_pct) if r.score_pct is not None else "",
            points,
            f"{n.met} / {n.partly} / {n.not_met} / {n.missing}" if n else "",
            fmt.kroner(r.payout_total) if r.payout_total is not None else "",
            r.source,
            r.reason,
        ]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r, c = index.row(), index.column()
        record = self.records[r]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts[r][c]
        if role == Qt.ItemDataRole.DecorationRole and c == self.VERDICT:
            return verdict_icon(record.verdict)
        if role == Qt.ItemDataRole.ToolTipRole:
            return record.reason if c in (self.VERDICT, self.REASON) else record.path
        if role == Qt.ItemDataRole.TextAlignmentRole and c in (self.SCORE, self.POINTS, self.PAY):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == SORT_ROLE:
            return self._sort_key(r, c)
        return None

    def _sort_key(self, row: int, c: int) -> Any:
        """Numbers sort as numbers, an empty value first when ascending (-1)."""
        r = self.records[row]
        if c == self.VERDICT:
            return VERDICT_ORDER.index(r.verdict)
        if c == self.YEAR:
            return r.year if r.year is not None else -1
        if c == self.SCORE:
            return float(r.score_pct) if r.score_pct is not None else -1.0
        if c == self.POINTS:
            return float(r.total_points) if r.total_points is not None else -1.0
        if c == self.GOALS:
            return r.counts.met if r.counts else -1
        if c == self.PAY:
            return float(r.payout_total) if r.payout_total is not None else -1.0
        return self._texts[row][c].casefold()


# --- the background job ----------------------------------------------------------------------


class _Signals(QObject):
    started = Signal(int, object)  # number of files, records of sources that gave none
    progress = Signal(int, int, object)  # done, total, Examined
    finished = Signal(bool)  # cancelled


class ConsolidateJob(QRunnable):
    """Finds the sources and examines them one file at a time until done or cancelled."""

    def __init__(
        self, sources: Sequence[Path], examine_fn: Callable[[Path], Examined] = examine
    ) -> None:
        super().__init__()
        self.sources = tuple(sources)
        self.examine = examine_fn
        self.cancel_event = threading.Event()
        self.signals = _Signals()
        self.setAutoDelete(False)

    def cancel(self) -> None:
        self.cancel_event.set()

    def run(self) -> None:
        files, bad = find_sources(self.sources)
        self.signals.started.emit(len(files), bad)
        for i, path in enumerate(files):
            if self.cancel_event.is_set():
                break
            try:
                found = self.examine(path)
            except Exception as exc:  # examine never raises; if it does, only this file fails
                found = Examined((failed(path.name, str(path), f"{type(exc).__name__}: {exc}"),))
            self.signals.progress.emit(i + 1, len(files), found)
        self.signals.finished.emit(self.cancel_event.is_set())


# --- the window -------------------------------------------------------------------------------


class Prompts(Protocol):
    def folder(self, start: Path) -> Path | None: ...
    def save_file(self, suggested: Path, title: str, file_filter: str) -> Path | None: ...
    def error(self, title: str, text: str, details: str = "") -> None: ...


class DepartementWindow(QMainWindow):
    openRequested = Signal(object, str)  # Path, where it came from: open read-only
    finished_run = Signal(bool)  # cancelled
    exported = Signal(object)  # Path

    def __init__(self, prompts: Prompts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("departement")
        self.setWindowTitle(self.tr("Departement – Målscore"))
        self.resize(1200, 640)
        self.setAcceptDrops(True)
        self.prompts = prompts
        self.ask_files: Callable[[], list[Path]] = self._ask_files
        self.examine_fn: Callable[[Path], Examined] = examine
        self.pool = QThreadPool(self)  # its own thread: never delays rescoring in the main window
        self.pool.setMaxThreadCount(1)
        self.job: ConsolidateJob | None = None
        self.pending: list[Path] = []
        self.notes: list[Issue] = []
        self.seen: set[str] = set()
        self.total = 0
        self._attachments = tempfile.TemporaryDirectory(prefix="maalscore-departement-")

        self.model = AgencyModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.view = QTableView()
        self.view.setObjectName("agencyTable")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(AgencyModel.INSTITUTION, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(24)
        header = self.view.horizontalHeader()
        widths = {0: 130, 1: 260, 2: 50, 3: 100, 4: 110, 5: 210, 6: 110, 7: 200}
        for col, width in widths.items():
            header.resizeSection(col, width)
        header.setSectionResizeMode(AgencyModel.REASON, QHeaderView.ResizeMode.Stretch)
        self.view.doubleClicked.connect(self._double_clicked)

        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.cancel_button = QPushButton()
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.status = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(self.progress, 1)
        bar.addWidget(self.cancel_button)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.heading)
        layout.addLayout(bar)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)
        self.hint = QLabel()
        self.hint.setStyleSheet("color: #555;")
        layout.addWidget(self.hint)
        self.setCentralWidget(central)

        self.folder_action = self._action("", self.choose_folder)
        self.files_action = self._action("", self.choose_files)
        self.export_action = self._action("", self.export)
        self.clear_action = self._action("", self.clear)
        self.toolbar = self.addToolBar("")
        self.toolbar.setObjectName("departementToolbar")
        self.toolbar.addActions(
            [self.folder_action, self.files_action, self.export_action, self.clear_action]
        )
        self.last_run: bool | None = None  # the last run was cancelled; None: none yet
        self.retranslate()
        self._update_actions()

    def retranslate(self) -> None:
        """Every text of the window in the current language (also on LanguageChange)."""
        self.setWindowTitle(self.tr("Departement – Målscore"))
        self.heading.setText(
            self.tr(
                "Åbn en mappe, eller træk projektmapper, mapper og gemte e-mails (.eml) hertil. "
                "Kilderne ændres aldrig."
            )
        )
        self.cancel_button.setText(self.tr("Afbryd"))
        self.hint.setText(
            self.tr("Dobbeltklik på en række for at se projektmappen (skrivebeskyttet).")
        )
        self.folder_action.setText(self.tr("Åbn &mappe …"))
        self.files_action.setText(self.tr("Tilføj &filer …"))
        self.export_action.setText(self.tr("&Eksportér oversigt …"))
        self.clear_action.setText(self.tr("&Ryd"))
        self.toolbar.setWindowTitle(self.tr("Departement"))
        self.model.retranslate()
        if self.job is None and self.last_run is not None:
            self._tell_finished(self.last_run)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _action(self, text: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    # --- sources --------------------------------------------------------------------------

    def choose_folder(self) -> None:
        folder = self.prompts.folder(Path.home())
        if folder is not None:
            self.add_sources([folder])

    def _ask_files(self) -> list[Path]:
        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Tilføj projektmapper og e-mails"),
            str(Path.home()),
            self.tr("Projektmapper og e-mails (*.xlsx *.xlsm *.xls *.xlsb *.eml)"),
        )
        return [Path(n) for n in names]

    def choose_files(self) -> None:
        files = self.ask_files()
        if files:
            self.add_sources(files)

    def add_sources(self, sources: Sequence[Path]) -> None:
        """Check and calculate these sources in the background (after a run in progress)."""
        if self.job is not None:
            self.pending.extend(sources)
            return
        self.job = ConsolidateJob(sources, self.examine_fn)
        self.job.signals.started.connect(self._started)
        self.job.signals.progress.connect(self._progress)
        self.job.signals.finished.connect(self._finished)
        self.cancel_button.setEnabled(True)
        self.status.setText(self.tr("Søger efter projektmapper …"))
        self._update_actions()
        self.pool.start(self.job)

    def cancel(self) -> None:
        self.pending.clear()
        if self.job is not None:
            self.job.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Afbryder …"))

    @property
    def running(self) -> bool:
        return self.job is not None

    def clear(self) -> None:
        if self.running:
            return
        self.model.clear()
        self.notes, self.seen = [], set()
        self.last_run = None
        self.status.setText("")
        self.progress.setValue(0)
        self._update_actions()

    def _add(self, records: Sequence[AgencyRecord]) -> None:
        new = [r for r in records if r.path not in self.seen]
        self.seen.update(r.path for r in new)
        self.model.add(new)

    def _started(self, total: int, bad: list[AgencyRecord]) -> None:
        self.total = total
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(0)
        self._add(bad)
        self.status.setText(self.tr("Kontrollerer %1 filer …").replace("%1", str(total)))

    def _progress(self, done: int, total: int, found: Examined) -> None:
        self.progress.setValue(done)
        self._add(found.records)
        self.notes.extend(found.notes)
        self.status.setText(
            self.tr("Kontrolleret %1 af %2 filer …")
            .replace("%1", str(done))
            .replace("%2", str(total))
        )

    def _finished(self, cancelled: bool) -> None:
        self.job = None
        self.cancel_button.setEnabled(False)
        self.last_run = cancelled
        self._tell_finished(cancelled)
        self._update_actions()
        self.finished_run.emit(cancelled)
        if self.pending:
            more, self.pending = self.pending, []
            self.add_sources(more)

    def _tell_finished(self, cancelled: bool) -> None:
        counts = {v: 0 for v in Verdict}
        for r in self.model.records:
            counts[r.verdict] += 1
        tally = ", ".join(f"{n} {verdict_text(v)}" for v, n in counts.items() if n)
        if cancelled:
            self.status.setText(self.tr("Afbrudt. %1").replace("%1", tally))
        else:
            self.status.setText(self.tr("Færdig: %1.").replace("%1", tally or self.tr("ingen")))

    def _update_actions(self) -> None:
        idle = self.job is None
        self.export_action.setEnabled(idle and bool(self.model.records))
        self.clear_action.setEnabled(idle and bool(self.model.records))

    # --- drop, open, export ---------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.add_sources(paths)

    def record_at(self, row: int) -> AgencyRecord:
        """The record shown in view row `row` (after sorting)."""
        return self.model.records[self.proxy.mapToSource(self.proxy.index(row, 0)).row()]

    def _double_clicked(self, index: QModelIndex) -> None:
        self.open_record(self.record_at(index.row()))

    def open_record(self, record: AgencyRecord) -> Path | None:
        """Ask the main window to show the workbook read-only (an attachment from a copy)."""
        from calc.collect import save_attachment
        from calc.errors import MaalscoreError

        attached = split_attachment(record.path)
        path = Path(record.path)
        if attached is not None:
            mail, name = attached
            base = Path(self._attachments.name)
            folder = Path(tempfile.mkdtemp(dir=base))  # one folder per opening
            try:
                path = save_attachment(mail, name, folder)
            except (MaalscoreError, OSError) as exc:
                self.prompts.error(self.tr("Kan ikke åbne vedhæftningen"), str(exc))
                return None
        self.openRequested.emit(path, record.path)
        return path

    def export(self, path: Path | None = None) -> Path | None:
        """Write the overview workbook, as `maalscore samle --ud` does."""
        from calc.collect import OverviewError, write_overview

        if not self.model.records or self.running:
            return None
        if path is None:
            path = self.prompts.save_file(
                Path.home() / self.tr("oversigt.xlsx"),
                self.tr("Eksportér oversigt"),
                self.tr("Excel-projektmappe (*.xlsx)"),
            )
            if path is None:
                return None
        try:
            write_overview(path, consolidate(self.model.records, self.notes))
        except (OverviewError, OSError) as exc:
            self.prompts.error(self.tr("Kan ikke eksportere oversigten"), str(exc))
            return None
        self.statusBar().showMessage(
            self.tr("Oversigten er gemt i %1").replace("%1", str(path)), 8000
        )
        self.exported.emit(path)
        return path

    def closeEvent(self, event: QCloseEvent) -> None:
        self.cancel()
        self.pool.waitForDone(10_000)
        super().closeEvent(event)
