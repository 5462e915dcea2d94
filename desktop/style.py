"""Status colours and icons that also work for colour-blind readers, and number display.

Colours are from the Okabe–Ito palette (distinguishable with the common colour-vision
deficiencies), and every status also has its own shape — a tick, a half-filled circle, a cross,
a question mark — and its word, so colour is never the only signal.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from functools import cache

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleOption, QWidget

from calc import fmt
from calc.grid import CellValue
from calc.scoring import Status

STATUS_COLOURS: dict[Status, str] = {
    Status.MET: "#009E73",  # bluish green
    Status.PARTLY: "#E69F00",  # orange
    Status.NOT_MET: "#D55E00",  # vermillion
    Status.MISSING: "#6E6E6E",  # grey
    Status.BLOCKED: "#CC79A7",  # reddish purple: waiting for a correction
    Status.EXCLUDED: "#56B4E9",  # sky blue: out of the total (Forudsætning not met)
}

EDITED_BACKGROUND = "#FFF1B8"  # a changed cell, until saved
AREA_BACKGROUND = "#E8EEF4"
ERROR_COLOUR = "#D55E00"
WARNING_COLOUR = "#E69F00"


def status_text(status: Status) -> str:
    """The status word shown in the app (Danish source text, translatable)."""
    translate = QCoreApplication.translate
    return {
        Status.MET: translate("Status", "Opfyldt"),
        Status.PARTLY: translate("Status", "Delvist opfyldt"),
        Status.NOT_MET: translate("Status", "Ikke opfyldt"),
        Status.MISSING: translate("Status", "Mangler resultat"),
        Status.BLOCKED: translate("Status", "Afventer rettelse"),
        Status.EXCLUDED: translate("Status", "Udgår"),
    }[status]


@cache
def status_icon(status: Status, size: int = 16) -> QIcon:
    return QIcon(status_pixmap(status, size))


def status_pixmap(status: Status, size: int = 16) -> QPixmap:
    """A filled circle in the status colour with a white shape that tells the status alone."""
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(STATUS_COLOURS[status])
    r = QRectF(1, 1, size - 2, size - 2)
    p.setPen(QPen(colour.darker(130), 1))
    p.setBrush(colour if status is not Status.PARTLY else QColor("white"))
    p.drawEllipse(r)
    white = QPen(QColor("white"), max(1.5, size / 8))
    white.setCapStyle(Qt.PenCapStyle.RoundCap)
    s = size
    if status is Status.MET:
        p.setPen(white)
        path = QPainterPath(QPointF(s * 0.28, s * 0.52))
        path.lineTo(QPointF(s * 0.44, s * 0.68))
        path.lineTo(QPointF(s * 0.73, s * 0.34))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(path)
    elif status is Status.PARTLY:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colour)
        p.drawPie(r, 90 * 16, 180 * 16)  # left half filled
    elif status is Status.NOT_MET:
        p.setPen(white)
        p.drawLine(QPointF(s * 0.32, s * 0.32), QPointF(s * 0.68, s * 0.68))
        p.drawLine(QPointF(s * 0.68, s * 0.32), QPointF(s * 0.32, s * 0.68))
    elif status is Status.EXCLUDED:
        p.setPen(white)
        p.drawLine(QPointF(s * 0.28, s * 0.5), QPointF(s * 0.72, s * 0.5))
    else:
        p.setPen(QPen(QColor("white")))
        font = p.font()
        font.setPixelSize(int(s * 0.75))
        font.setBold(True)
        p.setFont(font)
        p.drawText(r, Qt.AlignmentFlag.AlignCenter, "?")
    p.end()
    return pix


def date_text(value: date) -> str:
    """A date as the interface's language writes it: 17-03-2025 (da), 2025-03-17 (sv)."""
    return value.strftime(QCoreApplication.translate("Format", "%d-%m-%Y"))


def qt_date_format() -> str:
    """The interface's date format for Qt's date editors (`dd-MM-yyyy`, `yyyy-MM-dd`)."""
    form = QCoreApplication.translate("Format", "%d-%m-%Y")
    return form.replace("%d", "dd").replace("%m", "MM").replace("%Y", "yyyy")


def is_number(value: CellValue) -> bool:
    """A number cell (not Ja/Nej, which the reader may give as a bool)."""
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def cell_text(value: CellValue, percent: bool = False, lang: str = "da") -> str:
    """An input cell's value as the user typed it: numbers in the workbook's style, dates in
    the interface's (dd-mm-åååå in Danish, åååå-mm-dd in Swedish)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Ja" if value else "Nej"
    if isinstance(value, datetime | date):
        return date_text(value)
    if isinstance(value, int | float | Decimal):
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        if percent:
            return fmt.number(number * 100, 6, lang) + " %"
        return fmt.number(number, 6, lang)
    return str(value)


def edit_text(value: CellValue, percent: bool = False) -> str:
    """An input cell's value for the editor: exact, without thousands separators."""
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        return fmt.plain(number * 100 if percent else number)
    return cell_text(value, percent)


class TabBarStyle(QProxyStyle):
    """The application's style, except that a tab not chosen is drawn at the same height as
    the chosen one: Fusion moves it 2 px down and cuts off what stands above the letters,
    so "Översikt" read "Oversikt"."""

    def pixelMetric(
        self,
        metric: QStyle.PixelMetric,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> int:
        if metric == QStyle.PixelMetric.PM_TabBarTabShiftVertical:
            return 0
        return super().pixelMetric(metric, option, widget)
