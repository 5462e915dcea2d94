"""Follow-up mode: a period selector that turns the goal table into the follow-up at a date.

`FollowUpMode` owns everything: the period selector (År / Q1–Q4 / a date) in the window's
header, the follow-up view that replaces the goal table while a period is chosen — each goal's
status so far, expected year end, a traffic-light forecast (a shape and a word as well as a
colour, so it never depends on colour vision) and the person's comment — a small chart of the
selected goal across the periods, and *Nyt år …* in the File menu. The main window only gives
it places to put them (`goal_stack`, `header_layout`, `file_menu`) and its `evaluated` signal.

All numbers come from the core (`calc.engine.evaluate_followup`), computed in a QRunnable on the
thread pool; a result older than the newest request is dropped, as in `desktop.worker`.
"""

from __future__ import annotations

import threading
import traceback
from dataclasses import dataclass
from datetime import date, datetime
from fractions import Fraction
from functools import cache
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QRunnable,
    QSize,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QIcon,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from calc import fmt
from calc.engine import (
    Evaluation,
    FileOptions,
    FollowUpEvaluation,
    evaluate,
    evaluate_followup,
    load_last_year,
)
from calc.followup import FollowUp, follow_up
from calc.grid import WorkbookGrids
from calc.model import Forecast, Plan
from calc.parser import parse_followup
from calc.periods import quarter_of
from calc.trend import LastYear
from desktop.panels import _problems
from desktop.style import date_text, qt_date_format
from desktop.worker import EvaluateFn

if TYPE_CHECKING:
    from desktop.mainwindow import MainWindow

Index = QModelIndex | QPersistentModelIndex

# Okabe–Ito colours, as desktop.style uses for the status.
FORECAST_COLOURS: dict[Forecast, str] = {
    Forecast.MET: "#009E73",  # bluish green
    Forecast.RISK: "#E69F00",  # orange
    Forecast.NOT_MET: "#D55E00",  # vermillion
    Forecast.UNKNOWN: "#6E6E6E",  # grey
}
BAR_COLOUR = "#0072B2"  # blue: the fulfilment so far
EXPECTED_COLOUR = "#E69F00"  # orange: the expected year end
LAST_YEAR_COLOUR = "#555555"


def forecast_text(forecast: Forecast) -> str:
    """The forecast in the app's language (Danish source text, translatable)."""
    from PySide6.QtCore import QCoreApplication

    translate = QCoreApplication.translate
    return {
        Forecast.MET: translate("Forecast", "forventes opfyldt"),
        Forecast.RISK: translate("Forecast", "risiko"),
        Forecast.NOT_MET: translate("Forecast", "forventes ikke opfyldt"),
        Forecast.UNKNOWN: translate("Forecast", "ukendt"),
    }[forecast]


@cache
def forecast_icon(forecast: Forecast, size: int = 16) -> QIcon:
    return QIcon(forecast_pixmap(forecast, size))


def forecast_pixmap(forecast: Forecast, size: int = 16) -> QPixmap:
    """A traffic light that tells the forecast by its shape alone: a circle with a tick (met),
    a triangle with an exclamation mark (risk), a square with a cross (not met), a circle with a
    question mark (unknown)."""
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(FORECAST_COLOURS[forecast])
    s = float(size)
    p.setPen(QPen(colour.darker(130), 1))
    p.setBrush(colour)
    white = QPen(QColor("white"), max(1.5, s / 8))
    white.setCapStyle(Qt.PenCapStyle.RoundCap)
    if forecast is Forecast.RISK:
        p.drawPolygon([QPointF(s / 2, 1), QPointF(s - 1, s - 1.5), QPointF(1, s - 1.5)])
        p.setPen(white)
        p.drawLine(QPointF(s / 2, s * 0.38), QPointF(s / 2, s * 0.64))
        p.drawPoint(QPointF(s / 2, s * 0.8))
    elif forecast is Forecast.NOT_MET:
        p.drawRoundedRect(QRectF(1.5, 1.5, s - 3, s - 3), 2, 2)
        p.setPen(white)
        p.drawLine(QPointF(s * 0.32, s * 0.32), QPointF(s * 0.68, s * 0.68))
        p.drawLine(QPointF(s * 0.68, s * 0.32), QPointF(s * 0.32, s * 0.68))
    else:
        p.drawEllipse(QRectF(1, 1, s - 2, s - 2))
        p.setPen(white)
        if forecast is Forecast.MET:
            p.drawPolyline(
                [
                    QPointF(s * 0.28, s * 0.52),
                    QPointF(s * 0.44, s * 0.68),
                    QPointF(s * 0.73, s * 0.34),
                ]
            )
        else:
            font = p.font()
            font.setPixelSize(int(s * 0.75))
            font.setBold(True)
            p.setFont(font)
            p.drawText(QRectF(1, 1, s - 2, s - 2), Qt.AlignmentFlag.AlignCenter, "?")
    p.end()
    return pix


# --- the computation, in the background ---------------------------------------------------


@dataclass(frozen=True)
class Point:
    """One goal at one period end: fulfilment so far and expected year end (0–100)."""

    day: date
    to_date: Fraction | None
    expected: Fraction | None


@dataclass(frozen=True)
class FollowUpData:
    """The follow-up at the chosen date, and each goal across the periods up to it."""

    generation: int
    current: FollowUpEvaluation
    history: dict[str, tuple[Point, ...]]
    last_year: LastYear | None


def periods_up_to(plan: Plan, as_of: date, ends: set[date]) -> list[date]:
    """The quarter ends of the plan's year up to the date, the periods filled in on the
    Opfølgning sheet up to it, and the date itself."""
    days = {as_of} | {d for d in ends if d <= as_of}
    if plan.year is not None:
        days |= {
            d
            for d in (date(plan.year, m, 31 if m in (3, 12) else 30) for m in (3, 6, 9, 12))
            if d <= as_of
        }
    return sorted(days)


def compute(grids: WorkbookGrids, as_of: date, path: Path | None, generation: int) -> FollowUpData:
    """The follow-up and its history; pure core calls only (runs in a worker thread)."""
    last: LastYear | None = None
    if path is not None:
        last, _ = load_last_year(path, grids, FileOptions())
    current = evaluate_followup(grids, as_of, last_year=last)
    history: dict[str, list[Point]] = {}
    plan = current.plan
    if current.ok and plan is not None and current.followup is not None:
        sheet, _ = parse_followup(grids, plan)
        ends = {r.period_end for r in sheet.rows} if sheet is not None else set()
        for day in periods_up_to(plan, as_of, ends):
            fu: FollowUp = current.followup if day == as_of else follow_up(plan, day, sheet)
            for g in fu.goals:
                history.setdefault(g.goal_id, []).append(Point(day, g.to_date, g.expected))
    return FollowUpData(generation, current, {k: tuple(v) for k, v in history.items()}, last)


class _Signals(QObject):
    done = Signal(object)  # FollowUpData
    failed = Signal(int, str)


class _Job(QRunnable):
    def __init__(self, generation: int, grids: WorkbookGrids, as_of: date, path: Path | None):
        super().__init__()
        self.generation, self.grids, self.as_of, self.path = generation, grids, as_of, path
        self.signals = _Signals()

    def run(self) -> None:
        try:
            data = compute(self.grids, self.as_of, self.path, self.generation)
        except Exception:  # shown to the user by the window
            self.signals.failed.emit(self.generation, traceback.format_exc())
            return
        self.signals.done.emit(data)


class FollowUpRunner(QObject):
    """Schedules `compute` for the newest request and emits only the newest result."""

    ready = Signal(object)  # FollowUpData
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.generation = 0
        self._running: dict[int, _Job] = {}

    def schedule(self, grids: WorkbookGrids, as_of: date, path: Path | None) -> int:
        self.generation += 1
        job = _Job(self.generation, grids, as_of, path)
        job.setAutoDelete(False)
        job.signals.done.connect(self._done)
        job.signals.failed.connect(self._failed)
        self._running[self.generation] = job
        QThreadPool.globalInstance().start(job)
        return self.generation

    def _done(self, data: FollowUpData) -> None:
        self._running.pop(data.generation, None)
        if data.generation == self.generation:
            self.ready.emit(data)

    def _failed(self, generation: int, details: str) -> None:
        self._running.pop(generation, None)
        if generation == self.generation:
            self.failed.emit(details)


# --- the period selector ------------------------------------------------------------------


class PeriodSelector(QWidget):
    """År (the year-end score) or a follow-up at Q1–Q4 or a date of the plan's year."""

    periodChanged = Signal(object)  # None: the year end; else the date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.year = date.today().year
        self.combo = QComboBox()
        self.combo.setObjectName("periodCombo")
        for _ in range(6):  # the year, four quarters, a date; texts in `retranslate`
            self.combo.addItem("")
        self.date_edit = QDateEdit()
        self.date_edit.setObjectName("periodDate")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setVisible(False)
        self.label = QLabel()
        self.label.setBuddy(self.combo)
        self.retranslate()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label)
        row.addWidget(self.combo)
        row.addWidget(self.date_edit)
        self.combo.currentIndexChanged.connect(self._changed)
        self.date_edit.dateChanged.connect(self._changed)
        self.set_year(self.year)

    def retranslate(self) -> None:
        quarters = [self.tr("Opfølgning Q%1").replace("%1", str(q)) for q in range(1, 5)]
        texts = [self.tr("År (årsresultat)"), *quarters, self.tr("Opfølgning pr. dato")]
        for index, text in enumerate(texts):
            self.combo.setItemText(index, text)
        self.combo.setAccessibleName(self.tr("Periode"))
        self.date_edit.setAccessibleName(self.tr("Opfølgningsdato"))
        self.date_edit.setDisplayFormat(qt_date_format())
        self.label.setText(self.tr("&Periode:"))

    def set_year(self, year: int | None) -> None:
        """The plan's year: the quarters and the dates one may pick."""
        self.year = year or date.today().year
        self.date_edit.blockSignals(True)
        self.date_edit.setDateRange(QDate(self.year, 1, 1), QDate(self.year, 12, 31))
        today = date.today()
        pick = today if today.year == self.year else date(self.year, 6, 30)
        self.date_edit.setDate(QDate(pick.year, pick.month, pick.day))
        self.date_edit.blockSignals(False)

    def period(self) -> date | None:
        i = self.combo.currentIndex()
        if i <= 0:
            return None
        if 1 <= i <= 4:
            month = 3 * i
            return date(self.year, month, 31 if month in (3, 12) else 30)
        d = self.date_edit.date()
        return date(d.year(), d.month(), d.day())

    def choose(self, period: date | int | None) -> None:
        """Select the year end (None), a quarter (1–4) or a date (for tests and the keyboard)."""
        if period is None:
            self.combo.setCurrentIndex(0)
        elif isinstance(period, int):
            self.combo.setCurrentIndex(period)
        else:
            self.date_edit.setDate(QDate(period.year, period.month, period.day))
            self.combo.setCurrentIndex(5)

    def _changed(self, *_args: object) -> None:
        self.date_edit.setVisible(self.combo.currentIndex() == 5)
        self.periodChanged.emit(self.period())


# --- the table ----------------------------------------------------------------------------

COLUMNS = 8
NR, GOAL, WEIGHT, SO_FAR, EXPECTED, FORECAST, LAST, COMMENT = range(COLUMNS)


@dataclass
class Row:
    goal_id: str
    depth: int
    texts: dict[int, str]
    forecast: Forecast
    tooltip: str


class FollowUpModel(QAbstractTableModel):
    """One row per goal: status so far, expected year end, forecast, last year, comment."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Row] = []
        self.headers: list[str] = []
        self.retranslate()

    def retranslate(self) -> None:
        self.headers = [
            self.tr("Nr"),
            self.tr("Mål"),
            self.tr("Vægt"),
            self.tr("Pr. dato"),
            self.tr("Forventet"),
            self.tr("Forventning"),
            self.tr("Sidste år"),
            self.tr("Kommentar"),
        ]
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMNS - 1)

    def refresh(self, data: FollowUpData | None) -> None:
        self.beginResetModel()
        self.rows = self._build(data) if data is not None else []
        self.endResetModel()

    def _build(self, data: FollowUpData) -> list[Row]:
        ev = data.current
        plan, fu = ev.plan, ev.followup
        if plan is None or fu is None:
            return []
        last = data.last_year
        rows = []
        for g in fu.goals:
            goal = plan.goal(g.goal_id)
            depth = 0
            while goal is not None and goal.parent is not None and depth < 5:
                depth += 1
                goal = plan.goal(goal.parent)
            this = plan.goal(g.goal_id)
            last_f = last.fulfilment.get(g.goal_id) if last is not None else None
            rows.append(
                Row(
                    g.goal_id,
                    depth,
                    {
                        NR: g.goal_id,
                        GOAL: this.text if this is not None else "",
                        WEIGHT: fmt.points(g.weight),
                        SO_FAR: fmt.pct(g.to_date) if g.to_date is not None else "–",
                        EXPECTED: fmt.pct(g.expected) if g.expected is not None else "–",
                        FORECAST: forecast_text(g.forecast),
                        LAST: fmt.pct(last_f) if last_f is not None else "",
                        COMMENT: g.comment,
                    },
                    g.forecast,
                    g.explanation,
                )
            )
        return rows

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, col = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            text = row.texts.get(col, "")
            return ("    " * row.depth + text) if col in (NR, GOAL) and row.depth else text
        if role == Qt.ItemDataRole.DecorationRole and col == FORECAST:
            return forecast_icon(row.forecast)
        if role == Qt.ItemDataRole.ForegroundRole and col == FORECAST:
            return QBrush(QColor(FORECAST_COLOURS[row.forecast]).darker(135))
        if role == Qt.ItemDataRole.FontRole and not row.depth:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.texts[COMMENT] if col == COMMENT and row.texts[COMMENT] else row.tooltip
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (WEIGHT, SO_FAR, EXPECTED, LAST):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def goal_at(self, row: int) -> str | None:
        return self.rows[row].goal_id if 0 <= row < len(self.rows) else None


# --- the chart ----------------------------------------------------------------------------


class TrendChart(QWidget):
    """One goal across the periods: the fulfilment so far (bars), the expected year end (a
    diamond) and last year's fulfilment (a dashed line), 0–100 %."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trendChart")
        self.setMinimumSize(240, 170)
        self.points: tuple[Point, ...] = ()
        self.last: Fraction | None = None
        self.title = ""

    def sizeHint(self) -> QSize:
        return QSize(300, 190)

    def show_goal(self, title: str, points: tuple[Point, ...], last: Fraction | None) -> None:
        self.title, self.points, self.last = title, points, last
        lines = [
            f"{_period_name(p.day)}: "
            + (fmt.pct(p.to_date) if p.to_date is not None else "–")
            + " / "
            + (fmt.pct(p.expected) if p.expected is not None else "–")
            for p in points
        ]
        self.setToolTip("\n".join(lines))
        self.setAccessibleDescription("; ".join(lines))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("white"))
        metrics = p.fontMetrics()
        line = metrics.height()
        p.setPen(QColor("#222"))
        p.drawText(QRectF(6, 2, self.width() - 12, line), self.title)
        left, top = 34.0, 6.0 + line * 1.3
        right, bottom = self.width() - 8.0, self.height() - 6.0 - line * 2.2
        height = max(bottom - top, 10.0)
        p.setPen(QColor("#BBB"))
        for pct in (0, 50, 100):
            y = bottom - height * pct / 100
            p.drawLine(QPointF(left, y), QPointF(right, y))
            p.drawText(
                QRectF(0, y - line / 2, left - 4, line), Qt.AlignmentFlag.AlignRight, f"{pct}"
            )
        if not self.points:
            p.setPen(QColor("#666"))
            p.drawText(
                QRectF(left, top, right - left, height),
                Qt.AlignmentFlag.AlignCenter,
                self.tr("Ingen perioder endnu"),
            )
            p.end()
            return
        slot = (right - left) / len(self.points)
        bar = min(slot * 0.55, 40.0)
        for i, point in enumerate(self.points):
            x = left + slot * i + (slot - bar) / 2
            if point.to_date is not None:
                h = height * float(point.to_date) / 100
                p.fillRect(QRectF(x, bottom - h, bar, h), QColor(BAR_COLOUR))
            if point.expected is not None:
                cx, cy = x + bar / 2, bottom - height * float(point.expected) / 100
                p.setPen(QPen(QColor(EXPECTED_COLOUR).darker(140), 1))
                p.setBrush(QColor(EXPECTED_COLOUR))
                p.drawPolygon(
                    [
                        QPointF(cx, cy - 5),
                        QPointF(cx + 5, cy),
                        QPointF(cx, cy + 5),
                        QPointF(cx - 5, cy),
                    ]
                )
            p.setPen(QColor("#222"))
            p.drawText(
                QRectF(left + slot * i, bottom + 2, slot, line), Qt.AlignmentFlag.AlignCenter,
                _period_name(point.day),
            )  # fmt: skip
        if self.last is not None:
            y = bottom - height * float(self.last) / 100
            pen = QPen(QColor(LAST_YEAR_COLOUR), 1.5, Qt.PenStyle.DashLine)
            p.setPen(pen)
            p.drawLine(QPointF(left, y), QPointF(right, y))
        self._legend(p, left, bottom + line * 1.1, line)
        p.end()

    def _legend(self, p: QPainter, x: float, y: float, line: float) -> None:
        items = [(BAR_COLOUR, self.tr("pr. dato")), (EXPECTED_COLOUR, self.tr("forventet"))]
        if self.last is not None:
            items.append((LAST_YEAR_COLOUR, self.tr("sidste år")))
        for colour, text in items:
            p.fillRect(QRectF(x, y + line * 0.3, 10, line * 0.5), QColor(colour))
            p.setPen(QColor("#222"))
            width = p.fontMetrics().horizontalAdvance(text)
            p.drawText(QRectF(x + 14, y, width + 4, line), text)
            x += width + 30


def _period_name(day: date) -> str:
    q = quarter_of(day)
    return f"Q{q}" if q is not None else day.strftime("%d-%m")


# --- the view -----------------------------------------------------------------------------


class FollowUpView(QWidget):
    """The follow-up at a date: the projected range, the goals, and the selected goal."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data: FollowUpData | None = None
        self.summary = QLabel()
        self.summary.setObjectName("followupSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.model = FollowUpModel(self)
        self.table = QTableView()
        self.table.setObjectName("followupTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        bold = QFont(self.table.font())
        bold.setBold(True)
        words = max(
            QFontMetrics(bold).horizontalAdvance(forecast_text(f)) for f in Forecast
        )  # the longest forecast, in bold, beside its 16-pixel light
        widths = {NR: 56, GOAL: 260, WEIGHT: 52, SO_FAR: 76, EXPECTED: 80, FORECAST: words + 40}
        widths |= {LAST: 80, COMMENT: 220}
        for col, width in widths.items():
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, width)
        header.setStretchLastSection(True)
        self.chart = TrendChart()
        self.detail = QTextBrowser()
        self.detail.setObjectName("followupDetail")
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.chart)
        side_layout.addWidget(self.detail, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.show_waiting()

    def show_waiting(self) -> None:
        self.summary.setText(escape(self.tr("Beregner opfølgningen …")))

    def retranslate(self) -> None:
        self.model.retranslate()
        if self.data is not None:
            self.show_data(self.data)

    def show_failure(self, text: str) -> None:
        self.summary.setText(f"<span style='color:#B03000'>{escape(text)}</span>")

    def show_data(self, data: FollowUpData) -> None:
        self.data = data
        selected = self.selected_goal()
        self.model.refresh(data)
        self.table.setColumnHidden(LAST, data.last_year is None)
        self.summary.setText(self._summary_html(data))
        if selected is not None:
            self.select_goal(selected)
        elif self.model.rows:
            self.table.selectRow(0)
        self._selected()

    def _summary_html(self, data: FollowUpData) -> str:
        ev = data.current
        fu, plan = ev.followup, ev.plan
        if fu is None or plan is None or ev.as_of is None:
            errors = sum(1 for i in ev.issues if i.is_error)
            return (
                "<span style='color:#B03000'>"
                + escape(
                    self.tr("Opfølgningen kan ikke beregnes: %1 fejl – se Problemer.").replace(
                        "%1", str(errors)
                    )
                )
                + "</span>"
            )
        p = fu.projected
        day = date_text(ev.as_of)  # 30-09-2024, in Swedish 2024-09-30
        parts = [
            "<b>"
            + escape(self.tr("Opfølgning pr. %1").replace("%1", day))
            + "</b> &nbsp; "
            + escape(
                self.tr("Forventet ved årets udgang: %1–%2 af %3 point (%4–%5)")
                .replace("%1", fmt.points(p.points_low))
                .replace("%2", fmt.points(p.points_high))
                .replace("%3", fmt.points(p.max_points))
                .replace("%4", fmt.pct(p.score_pct_low))
                .replace("%5", fmt.pct(p.score_pct_high))
            )
        ]
        for pay in fu.pay:
            parts.append(
                escape(
                    self.tr("Resultatløn %1: %2–%3")
                    .replace("%1", pay.name)
                    .replace("%2", fmt.kroner(pay.payout_low))
                    .replace("%3", fmt.kroner(pay.payout_high))
                )
            )
        if data.last_year is not None and data.last_year.total_points is not None:
            parts.append(
                escape(
                    self.tr("Sidste år: %1 point").replace(
                        "%1", fmt.points(data.last_year.total_points)
                    )
                )
            )
        if not ev.updates and ev.sheet is None:
            parts.append(
                "<i>"
                + escape(self.tr("Projektmappen har intet ark Opfølgning; intet skrives."))
                + "</i>"
            )
        return " &nbsp;·&nbsp; ".join(parts)

    def selected_goal(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.goal_at(index.row()) if index.isValid() else None

    def select_goal(self, goal_id: str) -> bool:
        for r, row in enumerate(self.model.rows):
            if row.goal_id == goal_id:
                self.table.selectRow(r)
                return True
        return False

    def _selected(self, *_args: object) -> None:
        goal_id = self.selected_goal()
        data = self.data
        if goal_id is None or data is None or data.current.followup is None:
            self.chart.show_goal("", (), None)
            self.detail.setHtml("")
            return
        g = data.current.followup.goal(goal_id)
        plan = data.current.plan
        goal = plan.goal(goal_id) if plan is not None else None
        title = f"{goal_id}  {goal.text if goal is not None else ''}".strip()
        last = data.last_year.fulfilment.get(goal_id) if data.last_year is not None else None
        self.chart.show_goal(title, data.history.get(goal_id, ()), last)
        colour = FORECAST_COLOURS[g.forecast]
        html = (
            f"<p><b style='color:{QColor(colour).darker(135).name()}'>"
            f"{escape(forecast_text(g.forecast))}</b></p>"
            f"<p style='background:#F4F6F8;padding:6px'>{escape(g.explanation)}</p>"
        )
        if g.comment:
            html += f"<p><b>{escape(self.tr('Kommentar'))}:</b> {escape(g.comment)}</p>"
        if g.forecast is not g.computed:
            html += (
                "<p style='color:#555'>"
                + escape(self.tr("Beregnet prognose: %1").replace("%1", forecast_text(g.computed)))
                + "</p>"
            )
        issues = data.current.issues  # cases that cannot be dated, no data for the period, …
        self.detail.setHtml(html + _problems(issues, self.tr("Opfølgningens advarsler")))


# --- the mode, wired into the window ------------------------------------------------------


class FollowUpMode(QObject):
    """Puts the period selector, the follow-up view and *Nyt år …* into the main window."""

    shown = Signal(object)  # FollowUpData on screen

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.selector = PeriodSelector()
        self.view = FollowUpView()
        self.runner = FollowUpRunner(self)
        self.runner.ready.connect(self._ready)
        self.runner.failed.connect(self._failed)
        window.header_layout.insertWidget(1, self.selector)
        window.goal_stack.addWidget(self.view)
        self.selector.periodChanged.connect(self._period_changed)
        window.evaluated.connect(self.refresh)
        window.languageChanged.connect(self._retranslate)
        from desktop.newyear import NewYearAction

        self.new_year = NewYearAction(window)
        window.file_menu.insertAction(window.report_action, self.new_year.action)
        window.file_menu.insertSeparator(window.report_action)

    @property
    def active(self) -> bool:
        return self.selector.period() is not None

    def _retranslate(self) -> None:
        self.selector.retranslate()
        self.view.retranslate()

    def _period_changed(self, period: date | None) -> None:
        self.window.goal_stack.setCurrentWidget(
            self.view if period is not None else self.window.goal_view
        )
        # the follow-up explains the selected goal itself, beside its chart
        self.window.show_explanation_pane()
        if period is not None:
            self.view.show_waiting()
            self.refresh()

    def refresh(self) -> None:
        """Follow up again on the document as it is now (after an edit or a period change)."""
        plan = self.window.scored.evaluation.plan if self.window.scored else None
        if plan is not None and plan.year is not None and plan.year != self.selector.year:
            self.selector.set_year(plan.year)  # the quarters of the plan's own year
        period = self.selector.period()
        doc = self.window.doc
        if period is None or doc is None:
            return
        self.runner.schedule(doc.grids, period, doc.path)

    def _ready(self, data: FollowUpData) -> None:
        self.view.show_data(data)
        self.shown.emit(data)

    def _failed(self, details: str) -> None:
        self.view.show_failure(self.tr("Opfølgningen stoppede med en uventet fejl."))
        self.window.prompts.error(
            self.tr("Uventet fejl"),
            self.tr("Opfølgningen stoppede med en uventet fejl. Dine ændringer er ikke tabt."),
            details,
        )


def evaluator_for(path: Path) -> EvaluateFn:
    """`evaluate` for the open workbook, with last year's workbook when the Plan sheet names
    one (scored once, on first use, in the worker thread)."""
    lock = threading.Lock()
    cache: list[LastYear | None] = []

    def run(grids: WorkbookGrids, *, now: datetime | None = None) -> Evaluation:
        with lock:
            if not cache:
                cache.append(load_last_year(path, grids, FileOptions())[0])
        return evaluate(grids, now=now, last_year=cache[0])

    return run
