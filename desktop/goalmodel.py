"""The goals table: one row per Område heading, goal, delmål and milestone, with a row cache.

The model shows what the core computed and the cells as the user typed them; it never changes
anything itself. An edit in the Resultat column is emitted as `editRequested(key, text)` and the
main window turns it into an undoable edit of the document, which then rescores and refreshes
this model through `refresh`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from calc import fmt
from calc.model import Goal, GoalType, Milestone, Plan
from calc.scoring import GoalResult, ScoreCard, Status, show
from desktop.document import CellKey, Document
from desktop.style import (
    AREA_BACKGROUND,
    EDITED_BACKGROUND,
    STATUS_COLOURS,
    cell_text,
    edit_text,
    status_icon,
    status_text,
)

Index = QModelIndex | QPersistentModelIndex

KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # the CellKey of an editable cell
EDITOR_ROLE = Qt.ItemDataRole.UserRole + 2  # which editor: "text", "level", "yesno", "date"
GOAL_ROLE = Qt.ItemDataRole.UserRole + 3  # the goal id (or "" for an area heading)


class Col(IntEnum):
    NR = 0
    GOAL = 1
    WEIGHT = 2
    TYPE = 3
    TARGET = 4
    RESULT = 5
    FULFILMENT = 6
    POINTS = 7
    STATUS = 8


NUMERIC = {Col.WEIGHT, Col.FULFILMENT, Col.POINTS}


@dataclass
class RowCache:
    """Everything a row shows, computed once per refresh."""

    kind: str  # "area", "goal", "milestone"
    goal_id: str
    sheet_row: int  # 0-based row on its sheet (-1 for an area heading)
    sheet: str
    depth: int = 0
    texts: dict[Col, str] = field(default_factory=dict)
    status: Status | None = None
    tooltip: str = ""
    key: CellKey | None = None  # the editable Resultat/Leveret cell
    editor: str = "text"
    placeholder: bool = False  # the Resultat column holds a note, not a value
    edit: str = ""  # the editable cell's exact value, for the editor


class GoalTableModel(QAbstractTableModel):
    editRequested = Signal(object, str, bool)  # CellKey, text typed, keep as text

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RowCache] = []
        self._edited: set[CellKey] = set()
        self._headers = [
            self.tr("Nr"),
            self.tr("Mål"),
            self.tr("Vægt"),
            self.tr("Type"),
            self.tr("Målværdi"),
            self.tr("Resultat"),
            self.tr("Opfyldelse"),
            self.tr("Point"),
            self.tr("Status"),
        ]

    # --- refresh ---------------------------------------------------------------------------

    def refresh(self, plan: Plan | None, card: ScoreCard | None, doc: Document | None) -> None:
        rows = self._build(plan, card, doc) if plan is not None and doc is not None else []
        self._edited = set(doc.edits) if doc is not None else set()
        same_shape = [(r.kind, r.goal_id, r.sheet_row) for r in rows] == [
            (r.kind, r.goal_id, r.sheet_row) for r in self._rows
        ]
        if same_shape and rows:
            self._rows = rows
            last = self.index(len(rows) - 1, len(Col) - 1)
            self.dataChanged.emit(self.index(0, 0), last)
        else:
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()

    def _build(self, plan: Plan, card: ScoreCard | None, doc: Document) -> list[RowCache]:
        results = {r.goal_id: r for r in card.goals} if card else {}
        rows: list[RowCache] = []
        areas: list[str] = []
        for g in plan.top_level():
            if g.area not in areas:
                areas.append(g.area)
        for area in areas:
            rows.append(self._area_row(area, card))
            for g in plan.top_level():
                if g.area == area:
                    self._add_goal(rows, plan, g, 0, results, card, doc)
        return rows

    def _area_row(self, area: str, card: ScoreCard | None) -> RowCache:
        row = RowCache("area", "", -1, "")
        row.texts[Col.GOAL] = area or self.tr("(uden område)")
        total = next((a for a in card.areas if a.area == area), None) if card else None
        if total is not None:
            row.texts[Col.WEIGHT] = fmt.points(total.max_points)
            row.texts[Col.POINTS] = fmt.points(total.points)
            if total.max_points:
                row.texts[Col.FULFILMENT] = fmt.pct(total.points / total.max_points * 100)
        return row

    def _add_goal(
        self,
        rows: list[RowCache],
        plan: Plan,
        goal: Goal,
        depth: int,
        results: dict[str, GoalResult],
        card: ScoreCard | None,
        doc: Document,
    ) -> None:
        rows.append(self._goal_row(plan, goal, depth, results.get(goal.id), doc))
        if goal.type is GoalType.MILESTONES:
            for m in plan.milestones:
                if m.goal_id == goal.id:
                    rows.append(self._milestone_row(plan, m, depth + 1, card, doc))
        for child in plan.children(goal.id):
            self._add_goal(rows, plan, child, depth + 1, results, card, doc)

    def _goal_row(
        self, plan: Plan, g: Goal, depth: int, result: GoalResult | None, doc: Document
    ) -> RowCache:
        layout = plan.goals_layout
        sheet = layout.sheet if layout else ""
        row = RowCache("goal", g.id, g.row, sheet, depth)
        row.texts[Col.NR] = g.id
        row.texts[Col.GOAL] = g.text
        row.texts[Col.TYPE] = g.type.value
        row.texts[Col.TARGET] = target_text(g, plan)
        if result is not None:
            row.texts[Col.WEIGHT] = fmt.points(result.weight)
            row.texts[Col.POINTS] = fmt.points(result.points)
            row.texts[Col.FULFILMENT] = (
                fmt.pct(result.fulfilment) if result.fulfilment is not None else "–"
            )
            row.texts[Col.STATUS] = status_text(result.status)
            row.status = result.status
            row.tooltip = result.explanation
        self._result_cell(row, plan, g, doc)
        return row

    def _result_cell(self, row: RowCache, plan: Plan, g: Goal, doc: Document) -> None:
        layout = plan.goals_layout
        if g.type is GoalType.SUBGOALS:
            row.texts[Col.RESULT], row.placeholder = self.tr("fra delmål"), True
        elif g.type is GoalType.MILESTONES:
            row.texts[Col.RESULT], row.placeholder = self.tr("fra milepæle"), True
        elif g.indicator is not None:
            row.texts[Col.RESULT], row.placeholder = self.tr("fra sagsdata"), True
        elif layout is not None and "result" in dict(layout.columns):
            row.key = (layout.sheet, g.row, layout.col("result"))
            value, percent = doc.value(row.key), doc.is_percent_cell(row.key)
            row.texts[Col.RESULT] = cell_text(value, percent, plan.lang)
            row.edit = edit_text(value, percent)
            row.editor = {GoalType.ASSESSMENT: "level", GoalType.YES_NO: "yesno"}.get(
                g.type, "text"
            )

    def _milestone_row(
        self, plan: Plan, m: Milestone, depth: int, card: ScoreCard | None, doc: Document
    ) -> RowCache:
        layout = plan.milestones_layout
        sheet = layout.sheet if layout else ""
        row = RowCache("milestone", m.goal_id, m.row, sheet, depth)
        row.texts[Col.GOAL] = m.name
        row.texts[Col.TYPE] = self.tr("milepæl")
        if m.weight is not None:
            row.texts[Col.WEIGHT] = fmt.plain(m.weight)
        cols = dict(layout.columns) if layout else {}
        if "deadline" in cols:
            row.texts[Col.TARGET] = cell_text(doc.value((sheet, m.row, cols["deadline"])))
        if "delivered" in cols:
            row.key = (sheet, m.row, cols["delivered"])
            row.texts[Col.RESULT] = cell_text(doc.value(row.key))
            row.edit = edit_text(doc.value(row.key))
            row.editor = "date"
        result = next((r for r in card.milestones if r.row == m.row), None) if card else None
        if result is not None:
            if not result.deadline_known:
                row.texts[Col.STATUS], row.status = self.tr("Ukendt frist"), Status.MISSING
            elif result.on_time is None:
                row.texts[Col.STATUS], row.status = self.tr("Ikke leveret"), Status.MISSING
            elif result.on_time:
                row.texts[Col.STATUS], row.status = self.tr("Rettidig"), Status.MET
            else:
                row.texts[Col.STATUS], row.status = self.tr("Ikke rettidig"), Status.NOT_MET
        return row

    # --- lookups ---------------------------------------------------------------------------

    def row_cache(self, row: int) -> RowCache | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def find_row(self, sheet: str, sheet_row: int) -> int:
        """The table row showing this sheet row, or -1."""
        for i, r in enumerate(self._rows):
            if r.sheet == sheet and r.sheet_row == sheet_row:
                return i
        return -1

    def row_for_key(self, key: CellKey) -> int:
        for i, r in enumerate(self._rows):
            if r.key == key:
                return i
        return -1

    # --- Qt model API ----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Col)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        row = self.row_cache(index.row())
        if row is not None and index.column() == Col.RESULT and row.key is not None:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_cache(index.row())
        if row is None:
            return None
        col = Col(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            text = row.texts.get(col, "")
            if col in (Col.NR, Col.GOAL) and row.depth:
                text = "    " * row.depth + text
            return text
        if role == Qt.ItemDataRole.EditRole:
            return row.edit if col == Col.RESULT else None
        return self._styling(row, col, role)

    def _styling(self, row: RowCache, col: Col, role: int) -> Any:
        edited = row.key is not None and col == Col.RESULT and row.key in self._edited
        if role == Qt.ItemDataRole.DecorationRole and col == Col.STATUS and row.status:
            return status_icon(row.status)
        if role == Qt.ItemDataRole.BackgroundRole:
            if edited:
                return QBrush(QColor(EDITED_BACKGROUND))
            if row.kind == "area":
                return QBrush(QColor(AREA_BACKGROUND))
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == Col.STATUS and row.status is not None:
                return QBrush(QColor(STATUS_COLOURS[row.status]).darker(125))
            if col == Col.RESULT and row.placeholder:
                return QBrush(QColor("#707070"))
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(row.kind == "area" or edited or (row.kind == "goal" and not row.depth))
            font.setItalic((col == Col.RESULT and row.placeholder) or row.kind == "milestone")
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col in NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if edited:
                return self.tr("Ændret – ikke gemt")
            if row.key is not None and col == Col.RESULT:
                return self.tr("Dobbeltklik eller tryk F2 for at skrive resultatet")
            return row.tooltip or None
        if role == KEY_ROLE:
            return row.key
        if role == EDITOR_ROLE:
            return row.editor
        if role == GOAL_ROLE:
            return row.goal_id
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        row = self.row_cache(index.row())
        if role != Qt.ItemDataRole.EditRole or row is None or row.key is None:
            return False
        self.editRequested.emit(row.key, str(value), False)
        return True


def target_text(g: Goal, plan: Plan) -> str:
    if g.target_range is not None:
        low, high = g.target_range
        return f"{show(low, g.unit, plan.lang)} – {show(high, g.unit, plan.lang)}"
    if g.target is not None:
        return show(g.target, g.unit, plan.lang)
    return ""


# --- editing --------------------------------------------------------------------------------

LEVEL_CHOICES: dict[str, tuple[tuple[str, str], ...]] = {
    # (shown, stored text): the numbers go in as numbers, the words as the workbook's words
    "da": (
        ("100 %", "100"),
        ("75 %", "75"),
        ("50 %", "50"),
        ("25 %", "25"),
        ("0 %", "0"),
        ("opfyldt", "opfyldt"),
        ("delvist", "delvist"),
        ("ikke opfyldt", "ikke opfyldt"),
    ),
    "sv": (
        ("100 %", "100"),
        ("75 %", "75"),
        ("50 %", "50"),
        ("25 %", "25"),
        ("0 %", "0"),
        ("uppfyllt", "uppfyllt"),
        ("delvis", "delvis"),
        ("ej uppfyllt", "ej uppfyllt"),
    ),
}


class StableEditorDelegate(QStyledItemDelegate):
    """Fills an editor once, when it opens.

    Qt refills open editors whenever the model signals a change, and every finished rescoring
    does; without this, text the user is typing would be replaced by the cell's old value.
    """

    LOADED = "maalscoreLoaded"

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if editor.property(self.LOADED):
            return
        editor.setProperty(self.LOADED, True)
        self.load_editor(editor, index)

    def load_editor(self, editor: QWidget, index: Index) -> None:
        super().setEditorData(editor, index)


class ResultDelegate(StableEditorDelegate):
    """A dropdown for assessment levels and Ja/Nej, a line edit for numbers and dates."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lang = "da"

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        kind = index.data(EDITOR_ROLE)
        if kind in ("level", "yesno"):
            box = QComboBox(parent)
            choices = (
                LEVEL_CHOICES.get(self.lang, LEVEL_CHOICES["da"])
                if kind == "level"
                else (("Ja", "Ja"), ("Nej", "Nej"))
            )
            for shown, stored in choices:
                box.addItem(shown, stored)
            box.setEditable(False)
            return box
        edit = QLineEdit(parent)
        if kind == "date":
            edit.setPlaceholderText(self.tr("dd-mm-åååå eller Ja/Nej"))
        else:
            edit.setPlaceholderText(self.tr("fx 96,4 eller 2.134"))
        return edit

    def load_editor(self, editor: QWidget, index: Index) -> None:
        current = str(index.data(Qt.ItemDataRole.EditRole) or "")
        if isinstance(editor, QComboBox):
            found = editor.findData(_level_key(current))
            if found < 0:
                found = editor.findText(current, Qt.MatchFlag.MatchFixedString)
            editor.setCurrentIndex(max(found, 0))
        elif isinstance(editor, QLineEdit):
            editor.setText(current)

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QLineEdit) and editor.text().strip() != str(
            index.data(Qt.ItemDataRole.EditRole) or ""
        ):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)


def _level_key(text: str) -> str:
    return text.replace("%", "").strip()


__all__ = ["Col", "GoalTableModel", "ResultDelegate", "StableEditorDelegate"]
