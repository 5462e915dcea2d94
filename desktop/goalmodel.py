"""The goals table: one row per Område heading, goal, delmål and milestone, with a row cache.

The model shows what the core computed and the cells as the user typed them; it never changes
anything itself. An edit in the Vægt, Målværdi or Resultat column is emitted as
`editRequested(key, text, mode, label)` and the main window turns it into an undoable edit of
the document, which then rescores and refreshes this model through `refresh`. While the
workbook has errors, the goals an error blocks say "Afventer rettelse" with the reason, and the
cell with the error shows what was typed, on red.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
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
from calc.errors import Issue
from calc.grid import Pos
from calc.model import Goal, GoalType, Milestone, Plan
from calc.scoring import GoalResult, Status, show, with_unit
from desktop.document import CellKey, Document
from desktop.shown import Shown
from desktop.style import (
    AREA_BACKGROUND,
    EDITED_BACKGROUND,
    ERROR_COLOUR,
    STATUS_COLOURS,
    cell_text,
    edit_text,
    is_number,
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
# The input columns the user may type in, and the workbook column each one edits.
EDITABLE = {Col.WEIGHT: "weight", Col.TARGET: "target", Col.RESULT: "result"}
BAD_BACKGROUND = "#FBE3D6"  # a cell with an error: what the user typed, on red


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
    tooltip: str = ""  # the explanation (or why it waits for a correction)
    title: str = ""  # the goal's full text, for the tooltip of the Mål column
    keys: dict[Col, CellKey] = field(default_factory=dict)  # editable cells
    edits: dict[Col, str] = field(default_factory=dict)  # their exact values, for the editor
    editors: dict[Col, str] = field(default_factory=dict)  # "text", "level", "yesno", "date"
    bad: dict[Col, Issue] = field(default_factory=dict)  # cells with an error
    placeholder: bool = False  # the Resultat column holds a note or a computed value
    blocked: str = ""  # why this row's numbers wait for a correction

    @property
    def key(self) -> CellKey | None:
        """The Resultat (or Leveret) cell."""
        return self.keys.get(Col.RESULT)

    @property
    def edit(self) -> str:
        return self.edits.get(Col.RESULT, "")

    @property
    def editor(self) -> str:
        return self.editors.get(Col.RESULT, "text")


def goal_type_text(goal_type: GoalType) -> str:
    """The goal type in the interface's language (the workbook keeps its own words)."""
    translate = QCoreApplication.translate
    return {
        GoalType.YES_NO: translate("GoalType", "ja/nej"),
        GoalType.AT_LEAST: translate("GoalType", "mindst"),
        GoalType.AT_MOST: translate("GoalType", "højst"),
        GoalType.RANGE: translate("GoalType", "interval"),
        GoalType.REDUCTION: translate("GoalType", "reduktion"),
        GoalType.INCREASE: translate("GoalType", "stigning"),
        GoalType.MILESTONES: translate("GoalType", "milepæle"),
        GoalType.ASSESSMENT: translate("GoalType", "vurdering"),
        GoalType.SUBGOALS: translate("GoalType", "delmål"),
        GoalType.DEVIATION: translate("GoalType", "afvigelse"),
    }[goal_type]


class GoalTableModel(QAbstractTableModel):
    # CellKey, text typed, how to read it ("value", "text", "amount"), what it is ("Vægt for 1.d")
    editRequested = Signal(object, str, str, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RowCache] = []
        self._edited: set[CellKey] = set()
        self._headers: list[str] = []
        self.retranslate()

    def retranslate(self) -> None:
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
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Col) - 1)

    def column_name(self, col: Col) -> str:
        return self._headers[col]

    # --- refresh ---------------------------------------------------------------------------

    def refresh(self, shown: Shown, doc: Document | None) -> None:
        plan = shown.plan
        rows = self._build(plan, shown, doc) if plan is not None and doc is not None else []
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

    def _build(self, plan: Plan, shown: Shown, doc: Document) -> list[RowCache]:
        rows: list[RowCache] = []
        areas: list[str] = []
        for g in plan.top_level():
            if g.area not in areas:
                areas.append(g.area)
        bad_goals = shown.bad_cells(plan.goals_layout.sheet) if plan.goals_layout else {}
        bad_milestones = (
            shown.bad_cells(plan.milestones_layout.sheet) if plan.milestones_layout else {}
        )
        for area in areas:
            rows.append(self._area_row(area, shown))
            for g in plan.top_level():
                if g.area == area:
                    self._add_goal(rows, plan, g, 0, shown, doc, (bad_goals, bad_milestones))
        return rows

    def _area_row(self, area: str, shown: Shown) -> RowCache:
        row = RowCache("area", "", -1, "")
        row.texts[Col.GOAL] = area or self.tr("(uden område)")
        card = shown.card
        total = next((a for a in card.areas if a.area == area), None) if card else None
        blocked = shown.blocking.area(area)
        if blocked is not None:
            row.texts[Col.STATUS] = status_text(Status.BLOCKED)
            row.blocked = blocked.reason(shown.lang)
            row.tooltip = row.blocked
        elif total is not None:
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
        shown: Shown,
        doc: Document,
        bad: tuple[dict[Pos, Issue], dict[Pos, Issue]],
    ) -> None:
        rows.append(self._goal_row(plan, goal, depth, shown, doc, bad[0]))
        if goal.type is GoalType.MILESTONES:
            for m in plan.milestones:
                if m.goal_id == goal.id:
                    rows.append(self._milestone_row(plan, m, depth + 1, shown, doc, bad[1]))
        for child in plan.children(goal.id):
            self._add_goal(rows, plan, child, depth + 1, shown, doc, bad)

    def _goal_row(
        self,
        plan: Plan,
        g: Goal,
        depth: int,
        shown: Shown,
        doc: Document,
        bad: dict[Pos, Issue],
    ) -> RowCache:
        layout = plan.goals_layout
        sheet = layout.sheet if layout else ""
        row = RowCache("goal", g.id, g.row, sheet, depth)
        row.texts[Col.NR] = g.id
        row.texts[Col.GOAL] = g.text
        row.title = "\n".join(t for t in (g.text, g.requirement) if t)
        row.texts[Col.TYPE] = goal_type_text(g.type)
        row.texts[Col.TARGET] = target_text(g, plan)
        result = shown.goal(g.id)
        blocked = shown.blocked_goal(g.id)
        if blocked is not None:
            row.blocked = blocked.reason(plan.lang)
            row.tooltip = row.blocked
            row.texts[Col.STATUS] = status_text(Status.BLOCKED)
            row.status = Status.BLOCKED
        elif result is not None:
            row.texts[Col.WEIGHT] = fmt.points(result.weight)
            row.texts[Col.POINTS] = fmt.points(result.points)
            row.texts[Col.FULFILMENT] = (
                fmt.pct(result.fulfilment) if result.fulfilment is not None else "–"
            )
            row.texts[Col.STATUS] = status_text(result.status)
            row.status = result.status
            row.tooltip = result.explanation
        self._result_cell(row, plan, g, result, doc)
        if layout is not None:
            self._input_cells(row, plan, g, doc, bad, blocked is not None)
        return row

    def _input_cells(
        self,
        row: RowCache,
        plan: Plan,
        g: Goal,
        doc: Document,
        bad: dict[Pos, Issue],
        blocked: bool,
    ) -> None:
        """Vægt, Målværdi (and Resultat, see `_result_cell`) as editable cells; a cell with an
        error shows exactly what was typed, and so does Vægt while the goal is blocked."""
        layout = plan.goals_layout
        assert layout is not None
        cols = dict(layout.columns)
        for col, name in EDITABLE.items():
            if name not in cols or (col == Col.RESULT and Col.RESULT not in row.keys):
                continue
            no_target = g.type in (GoalType.MILESTONES, GoalType.SUBGOALS)
            if col == Col.TARGET and no_target and (g.row, cols[name]) not in bad:
                continue
            key = (layout.sheet, g.row, cols[name])
            value, percent = doc.value(key), doc.is_percent_cell(key)
            row.keys[col] = key
            row.edits[col] = edit_text(value, percent)
            row.editors.setdefault(col, "text")
            issue = bad.get((g.row, cols[name]))
            if issue is not None:
                row.bad[col] = issue
                row.texts[col] = cell_text(value, percent, plan.lang) or self.tr("(tom)")
            elif col == Col.WEIGHT and blocked:
                row.texts[col] = cell_text(value, percent, plan.lang)

    def _result_cell(
        self, row: RowCache, plan: Plan, g: Goal, result: GoalResult | None, doc: Document
    ) -> None:
        layout = plan.goals_layout
        if g.type is GoalType.SUBGOALS:
            row.texts[Col.RESULT], row.placeholder = self.tr("fra delmål"), True
        elif g.type is GoalType.MILESTONES:
            row.texts[Col.RESULT], row.placeholder = self.tr("fra milepæle"), True
        elif g.indicator is not None:
            measured = result.measured if result is not None else None
            if measured is not None:
                row.texts[Col.RESULT] = show(measured, g.unit, plan.lang)
            else:
                row.texts[Col.RESULT] = self.tr("fra sagsdata")
            row.placeholder = True
        elif layout is not None and "result" in dict(layout.columns):
            key = (layout.sheet, g.row, layout.col("result"))
            row.keys[Col.RESULT] = key
            value, percent = doc.value(key), doc.is_percent_cell(key)
            row.texts[Col.RESULT] = cell_text(value, percent, plan.lang)
            quantity = g.type not in (GoalType.ASSESSMENT, GoalType.YES_NO)
            if quantity and not percent and is_number(value):
                # as typed, with the unit the target shows beside it (88 %, 9,6 uger)
                row.texts[Col.RESULT] = with_unit(row.texts[Col.RESULT], g.unit)
            row.edits[Col.RESULT] = edit_text(value, percent)
            row.editors[Col.RESULT] = {
                GoalType.ASSESSMENT: "level",
                GoalType.YES_NO: "yesno",
            }.get(g.type, "text")

    def _milestone_row(
        self,
        plan: Plan,
        m: Milestone,
        depth: int,
        shown: Shown,
        doc: Document,
        bad: dict[Pos, Issue],
    ) -> RowCache:
        layout = plan.milestones_layout
        sheet = layout.sheet if layout else ""
        row = RowCache("milestone", m.goal_id, m.row, sheet, depth)
        row.texts[Col.GOAL] = m.name
        row.title = m.name
        row.texts[Col.TYPE] = self.tr("milepæl")
        if m.weight is not None:
            row.texts[Col.WEIGHT] = fmt.plain(m.weight)
        cols = dict(layout.columns) if layout else {}
        if "deadline" in cols:
            row.texts[Col.TARGET] = cell_text(doc.value((sheet, m.row, cols["deadline"])))
        if "delivered" in cols:
            key = (sheet, m.row, cols["delivered"])
            row.keys[Col.RESULT] = key
            row.texts[Col.RESULT] = cell_text(doc.value(key))
            row.edits[Col.RESULT] = edit_text(doc.value(key))
            row.editors[Col.RESULT] = "date"
            if (issue := bad.get((m.row, cols["delivered"]))) is not None:
                row.bad[Col.RESULT] = issue
                row.texts[Col.RESULT] = row.texts[Col.RESULT] or self.tr("(tom)")
        if "deadline" in cols and (issue := bad.get((m.row, cols["deadline"]))) is not None:
            row.bad[Col.TARGET] = issue
        card = shown.card
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

    def find_cell(self, sheet: str, sheet_row: int, sheet_col: int) -> QModelIndex:
        """The table cell showing this workbook cell (its row's Resultat column if none)."""
        row = self.find_row(sheet, sheet_row)
        if row < 0:
            return QModelIndex()
        cache = self._rows[row]
        for col, key in cache.keys.items():
            if key[2] == sheet_col:
                return self.index(row, col)
        return self.index(row, Col.RESULT)

    def row_for_key(self, key: CellKey) -> int:
        for i, r in enumerate(self._rows):
            if key in r.keys.values():
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
        if row is not None and index.column() in row.keys:
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
            return row.edits.get(col) if col in row.keys else None
        return self._styling(row, col, role)

    def _styling(self, row: RowCache, col: Col, role: int) -> Any:
        key = row.keys.get(col)
        edited = key is not None and key in self._edited
        bad = row.bad.get(col)
        if role == Qt.ItemDataRole.DecorationRole and col == Col.STATUS and row.status:
            return status_icon(row.status)
        if role == Qt.ItemDataRole.BackgroundRole:
            if bad is not None:
                return QBrush(QColor(BAD_BACKGROUND))
            if edited:
                return QBrush(QColor(EDITED_BACKGROUND))
            if row.kind == "area":
                return QBrush(QColor(AREA_BACKGROUND))
        if role == Qt.ItemDataRole.ForegroundRole:
            if bad is not None:
                return QBrush(QColor(ERROR_COLOUR).darker(130))
            if col == Col.STATUS and row.status is not None:
                return QBrush(QColor(STATUS_COLOURS[row.status]).darker(125))
            if (col == Col.RESULT and row.placeholder) or (col == Col.WEIGHT and row.blocked):
                return QBrush(QColor("#707070"))
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(row.kind == "area" or edited or (row.kind == "goal" and not row.depth))
            font.setItalic((col == Col.RESULT and row.placeholder) or row.kind == "milestone")
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col in NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, col, edited, bad)
        if role == KEY_ROLE:
            return key
        if role == EDITOR_ROLE:
            return row.editors.get(col, "text")
        if role == GOAL_ROLE:
            return row.goal_id
        return None

    def _tooltip(self, row: RowCache, col: Col, edited: bool, bad: Issue | None) -> str | None:
        if bad is not None:
            return f"{bad.location()}: {bad.message}"
        if edited:
            return self.tr("Ændret – ikke gemt")
        if col in (Col.NR, Col.GOAL):
            return row.title or row.texts.get(Col.GOAL) or None
        if col in row.keys:
            return self.tr("Dobbeltklik eller tryk F2 for at rette cellen")
        return row.tooltip or None

    def label(self, index: Index) -> str:
        """What an edit of this cell changes, for the undo list: `Resultat for 1.d`."""
        row = self.row_cache(index.row())
        if row is None:
            return ""
        column = self.column_name(Col(index.column()))
        if row.kind == "milestone":
            column = self.tr("Leveret")
            return (
                self.tr("%1 for %2").replace("%1", column).replace("%2", row.title or row.goal_id)
            )
        return self.tr("%1 for %2").replace("%1", column).replace("%2", row.goal_id)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        row = self.row_cache(index.row())
        key = row.keys.get(Col(index.column())) if row is not None else None
        if role != Qt.ItemDataRole.EditRole or key is None:
            return False
        self.editRequested.emit(key, str(value), "value", self.label(index))
        return True


def target_text(g: Goal, plan: Plan) -> str:
    """The target with its unit, and the baseline a reduction, increase or deviation is measured
    from (`−15 % ift. 412 dage`, `±2 %`)."""
    lang = plan.lang
    if g.target_range is not None:
        low, high = g.target_range
        return f"{show(low, g.unit, lang)} – {show(high, g.unit, lang)}"
    if g.target is None:
        return ""
    if g.type in (GoalType.REDUCTION, GoalType.INCREASE, GoalType.DEVIATION):
        # afvigelse: at most this far from Basis (or 0) either way
        sign = {GoalType.REDUCTION: "−", GoalType.INCREASE: "+"}.get(g.type, "±")
        amount = show(g.target, g.unit, lang) if g.type is GoalType.DEVIATION else None
        change = f"{sign}{amount or fmt.pct(g.target, lang)}"
        if g.baseline is None:
            return change
        translate = QCoreApplication.translate
        return (
            translate("Target", "%1 ift. %2")
            .replace("%1", change)
            .replace("%2", show(g.baseline, g.unit, lang))
        )
    return show(g.target, g.unit, lang)


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
        elif index.column() == Col.WEIGHT:
            edit.setPlaceholderText(self.tr("point, fx 10 eller 2,5"))
        elif index.column() == Col.TARGET:
            edit.setPlaceholderText(self.tr("fx 85 %, 30 eller 3-5"))
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
