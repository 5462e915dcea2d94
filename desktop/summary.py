"""The summary tab: total points of the possible, score in %, per Område, and a points chart.

The chart is a plain QPainter widget (PySide6-Essentials has no QtCharts): one bar per top-level
goal, the possible points as the outline and the earned points filled in the status colour, with
the status shape at the end so the chart reads without colour too.
"""

from __future__ import annotations

from fractions import Fraction

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from calc import fmt
from calc.scoring import ScoreCard, Status
from desktop.shown import Shown
from desktop.style import STATUS_COLOURS, status_pixmap


class PointsChart(QWidget):
    """Points earned vs possible per top-level goal, as horizontal bars."""

    ROW = 22

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: list[tuple[str, Fraction, Fraction, Status]] = []
        self.setMinimumHeight(60)

    def set_card(self, card: ScoreCard | None) -> None:
        """One bar per top-level goal; a goal waiting for a correction has only its outline."""
        self.bars = (
            [(g.goal_id, g.points, g.weight, g.status) for g in card.goals if g.is_top_level]
            if card
            else []
        )
        self.setMinimumHeight(max(60, self.ROW * len(self.bars) + 30))
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(480, self.ROW * len(self.bars) + 30)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("white"))
        if not self.bars:
            p.end()
            return
        label_w, value_w = 60, 110
        width = max(40, self.width() - label_w - value_w - 30)
        biggest = max(float(w) for _, _, w, _ in self.bars) or 1.0
        metrics = p.fontMetrics()
        for i, (goal_id, points, weight, status) in enumerate(self.bars):
            y = 8 + i * self.ROW
            h = self.ROW - 8
            p.setPen(QColor("#333"))
            p.drawText(QRectF(4, y, label_w - 8, h), Qt.AlignmentFlag.AlignVCenter, goal_id)
            full = width * float(weight) / biggest
            got = 0.0 if status is Status.BLOCKED else width * float(points) / biggest
            p.setPen(QPen(QColor("#9AA5B1"), 1))
            p.setBrush(QColor("#EEF1F4"))
            p.drawRect(QRectF(label_w, y, full, h))
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(STATUS_COLOURS[status]))
            p.drawRect(QRectF(label_w, y, got, h))
            p.drawPixmap(int(label_w + full + 4), int(y), status_pixmap(status, h))
            p.setPen(QColor("#333"))
            text = f"{fmt.points(points)} / {fmt.points(weight)}"
            if status is Status.BLOCKED:
                text = self.tr("afventer rettelse")
            p.drawText(
                QRectF(label_w + full + h + 8, y, value_w, h),
                Qt.AlignmentFlag.AlignVCenter,
                metrics.elidedText(text, Qt.TextElideMode.ElideRight, value_w),
            )
        p.end()


class SummaryPanel(QWidget):
    """Total, score, per Område, and the chart."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.total = QLabel()
        self.total.setObjectName("summaryTotal")
        self.total.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.score = QLabel()
        self.score.setStyleSheet("font-size: 12pt;")
        self.score.setWordWrap(True)
        self.areas = QTableWidget(0, 4)
        self.areas.setObjectName("areasTable")
        self.areas.setTabKeyNavigation(False)
        self.areas.verticalHeader().setVisible(False)
        self.areas.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.areas.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.areas.verticalHeader().setDefaultSectionSize(26)
        self.chart = PointsChart()
        scroll = QScrollArea()
        scroll.setObjectName("chartScroll")
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.chart)
        self.chart_box = QGroupBox()
        QVBoxLayout(self.chart_box).addWidget(scroll)
        top = QGridLayout()
        top.addWidget(self.total, 0, 0)
        top.addWidget(self.score, 1, 0)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.areas)
        layout.addWidget(self.chart_box, 1)
        self.shown = Shown()
        self.retranslate()

    def retranslate(self) -> None:
        self.areas.setHorizontalHeaderLabels(
            [self.tr("Område"), self.tr("Point"), self.tr("Mulige point"), self.tr("Opfyldelse")]
        )
        self.chart_box.setTitle(self.tr("Point pr. mål: opnået af mulige"))
        self.set_shown(self.shown)

    def set_card(self, card: ScoreCard | None) -> None:
        self.set_shown(Shown(card=card))

    def set_shown(self, shown: Shown) -> None:
        self.shown = shown
        card = shown.card
        self.chart.set_card(card)
        if card is None:
            self.total.setText(self.tr("Ingen beregning"))
            self.score.setText("")
            self.areas.setRowCount(0)
            return
        if shown.blocking.total is not None:
            self.total.setText(self.tr("Afventer rettelse"))
            self.score.setText(
                self.tr(
                    "Point i alt og målopfyldelse vises, når fejlene i listen Problemer er "
                    "rettet. Målene uden fejl står med deres tal."
                )
            )
        else:
            self.total.setText(
                self.tr("%1 af %2 point")
                .replace("%1", fmt.points(card.total_points))
                .replace("%2", fmt.points(card.max_points))
            )
            self.score.setText(
                self.tr("Målopfyldelse i alt: %1").replace("%1", fmt.pct(card.score_pct))
            )
        self.areas.setRowCount(len(card.areas))
        header_h = self.areas.horizontalHeader().sizeHint().height()
        self.areas.setFixedHeight(header_h + 26 * len(card.areas) + 4)
        for r, area in enumerate(card.areas):
            pct = area.points / area.max_points * 100 if area.max_points else Fraction(0)
            name = area.area or self.tr("(uden område)")
            if shown.blocking.area(area.area) is not None:
                waiting = self.tr("afventer rettelse")
                cells = [name, waiting, "", ""]
            else:
                cells = [name, fmt.points(area.points), fmt.points(area.max_points), fmt.pct(pct)]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.areas.setItem(r, c, item)
