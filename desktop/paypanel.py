"""The pay panel: each person's computed pay, the discretionary adjustment with its written
reason, and the payout.

Skøn and Begrundelse are edited here and saved into the Resultatløn sheet's own cells (found via
`plan.pay_layout`). The core reports a Skøn without a Begrundelse as an error; the panel marks the
empty reason cell in red so the user sees where to write, and the window refuses to save.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelection,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from calc import fmt
from calc.model import Person
from calc.pay import PayResult
from desktop.document import CellKey, Document
from desktop.goalmodel import StableEditorDelegate
from desktop.shown import Shown
from desktop.style import EDITED_BACKGROUND, ERROR_COLOUR, cell_text, edit_text

Index = QModelIndex | QPersistentModelIndex

COLUMNS = ("name", "title", "maximum", "computed", "adjustment", "reason", "withheld", "payout")
EDITABLE = {"adjustment", "reason"}


class PayTableModel(QAbstractTableModel):
    # CellKey, text typed, how to read it ("value", "text", "amount"), what it is
    editRequested = Signal(object, str, str, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.people: tuple[Person, ...] = ()
        self.results: dict[int, PayResult] = {}
        self.blocked: dict[int, str] = {}  # sheet row → why the pay waits for a correction
        self.before: dict[int, PayResult] = {}  # blocked rows whose payout alone waits
        self.doc: Document | None = None
        self.sheet = ""
        self.cols: dict[str, int] = {}
        self.missing_reason: set[int] = set()  # rows (sheet) whose Begrundelse is required
        self._headers: list[str] = []
        self.retranslate()

    def retranslate(self) -> None:
        self._headers = [
            self.tr("Navn"),
            self.tr("Stilling"),
            self.tr("Maksimum"),
            self.tr("Beregnet"),
            self.tr("Skøn"),
            self.tr("Begrundelse"),
            self.tr("Bortfald"),
            self.tr("Udbetaling"),
        ]
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)

    def refresh(self, shown: Shown, doc: Document | None) -> None:
        """New numbers for the same people only signal a change, so an open editor (someone
        typing a Begrundelse while the score is recomputed) is not closed."""
        plan = shown.plan
        people = plan.people if plan else ()
        if people and [p.row for p in people] == [p.row for p in self.people]:
            self._load(shown, doc)
            last = self.index(len(people) - 1, len(COLUMNS) - 1)
            self.dataChanged.emit(self.index(0, 0), last)
            return
        self.beginResetModel()
        self._load(shown, doc)
        self.endResetModel()

    def _load(self, shown: Shown, doc: Document | None) -> None:
        plan = shown.plan
        self.doc = doc
        self.people = plan.people if plan else ()
        self.results = {p.row: p for p in shown.pay}
        self.before = {p.row: p for p in shown.before}  # the payout waits; the rest is known
        self.blocked = {
            p.row: b.reason(shown.lang)
            for p in self.people
            if (b := shown.blocking.person(p.row)) is not None
        }
        layout = plan.pay_layout if plan else None
        self.sheet = layout.sheet if layout else ""
        self.cols = dict(layout.columns) if layout else {}
        self.missing_reason = self._missing_reasons(shown)

    def _missing_reasons(self, shown: Shown) -> set[int]:
        """Rows where the core reports a missing Begrundelse (an error on that sheet and row)."""
        if shown.plan is None or "reason" not in self.cols:
            return set()
        from calc.grid import parse_a1

        rows = set()
        for issue in shown.issues:
            if issue.is_error and issue.sheet == self.sheet and issue.cell:
                try:
                    r, c = parse_a1(issue.cell)
                except ValueError:
                    continue
                if c in (self.cols["reason"], self.cols.get("adjustment", -1)):
                    rows.add(r)
        for p in self.people:
            if (p.adjustment or p.withheld) and not p.reason.strip():
                rows.add(p.row)
        return rows

    def key(self, row: int, name: str) -> CellKey | None:
        if name not in self.cols or not (0 <= row < len(self.people)):
            return None
        return (self.sheet, self.people[row].row, self.cols[name])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.people)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        name = COLUMNS[index.column()]
        if name in EDITABLE and self.key(index.row(), name) is not None:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.doc is None:
            return None
        person = self.people[index.row()]
        name = COLUMNS[index.column()]
        key = self.key(index.row(), name)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(person, name, key)
        if role == Qt.ItemDataRole.EditRole and key is not None:
            return edit_text(self.doc.value(key))
        edited = key is not None and key in self.doc.edits
        missing = name == "reason" and person.row in self.missing_reason
        if role == Qt.ItemDataRole.BackgroundRole:
            if missing:
                return QBrush(QColor("#FBE3D6"))
            if edited:
                return QBrush(QColor(EDITED_BACKGROUND))
        if role == Qt.ItemDataRole.ForegroundRole and missing:
            return QBrush(QColor(ERROR_COLOUR))
        if role == Qt.ItemDataRole.FontRole and (edited or name == "payout"):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if missing:
                return self.tr("Et skøn eller bortfald kræver en skriftlig begrundelse.")
            if edited:
                return self.tr("Ændret – ikke gemt")
            if person.row in self.blocked:
                return self.blocked[person.row]
            result = self.results.get(person.row)
            return result.explanation if result else None
        if role == Qt.ItemDataRole.TextAlignmentRole and name in {
            "maximum",
            "computed",
            "adjustment",
            "payout",
        }:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, person: Person, name: str, key: CellKey | None) -> str:
        result = self.results.get(person.row)
        if name == "name":
            return person.name
        if name == "title":
            return person.title
        if name in ("maximum", "computed") and person.row in self.before:
            return fmt.kroner(getattr(self.before[person.row], name))
        if name in ("computed", "payout") and person.row in self.blocked:
            return self.tr("afventer rettelse")
        if name in ("maximum", "computed", "payout"):
            return fmt.kroner(getattr(result, name)) if result else "–"
        if name == "withheld":
            return self.tr("Ja") if person.withheld else ""
        if key is not None and self.doc is not None:
            if name == "reason" and person.row in self.missing_reason:
                return cell_text(self.doc.value(key)) or self.tr("(mangler – skal udfyldes)")
            return cell_text(self.doc.value(key))
        return ""

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        name = COLUMNS[index.column()]
        key = self.key(index.row(), name)
        if role != Qt.ItemDataRole.EditRole or key is None or self.doc is None:
            return False
        if str(value).strip() == edit_text(self.doc.value(key)).strip():
            return False
        mode = "text" if name == "reason" else "amount"
        label = self.tr("%1 for %2").replace("%1", self._headers[index.column()])
        self.editRequested.emit(
            key, str(value), mode, label.replace("%2", self.people[index.row()].name)
        )
        return True


class PayPanel(QWidget):
    """The pay table and, below it, the selected person's explanation."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = PayTableModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("payTable")
        self.view.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.view.setModel(self.model)
        self.view.setItemDelegate(StableEditorDelegate(self.view))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().setVisible(False)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setMinimumSectionSize(90)
        header.setSectionResizeMode(COLUMNS.index("reason"), QHeaderView.ResizeMode.Stretch)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.explanation)
        self.view.selectionModel().selectionChanged.connect(self._selected)
        self.retranslate()

    def retranslate(self) -> None:
        self.model.retranslate()
        self.hint.setText(
            self.tr(
                "Skøn skrives i kroner (fx -5.000 kr.) eller i procentpoint af maksimum "
                "(fx -10 %). Et skøn kræver altid en skriftlig begrundelse."
            )
        )

    def refresh(self, shown: Shown, doc: Document | None) -> None:
        current = self.view.currentIndex().row()
        self.model.refresh(shown, doc)
        if current < 0 and self.model.rowCount():
            self.view.selectRow(0)  # show the first person's explanation from the start
        self._show(max(current, 0))

    def _selected(self, _new: QItemSelection, _old: QItemSelection) -> None:
        self._show(self.view.currentIndex().row())

    def _show(self, row: int) -> None:
        if 0 <= row < len(self.model.people):
            sheet_row = self.model.people[row].row
            result = self.model.results.get(sheet_row)
            why = self.model.blocked.get(sheet_row, "")
            self.explanation.setText(result.explanation if result else why)
        else:
            self.explanation.setText("")

    def select_sheet_row(self, sheet_row: int) -> None:
        for i, p in enumerate(self.model.people):
            if p.row == sheet_row:
                self.view.selectRow(i)
                return
