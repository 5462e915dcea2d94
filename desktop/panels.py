"""Side panels: why a goal scored what it did, and the workbook's problems.

Panels only display; they emit signals (`jumpRequested`) and the main window acts on them.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QTextOption
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from calc import fmt
from calc.errors import Issue, count
from calc.grid import a1, parse_a1
from calc.model import Goal, GoalType, Milestone, Plan, Scale
from calc.scoring import GoalResult, ScoreCard, Status, show
from calc.trend import GoalTrend
from desktop.document import Document
from desktop.goalmodel import goal_type_text, target_text
from desktop.shown import Shown
from desktop.style import STATUS_COLOURS, cell_text, status_text

SCALED = {GoalType.AT_LEAST, GoalType.AT_MOST, GoalType.REDUCTION, GoalType.INCREASE}


class ExplanationPanel(QTextBrowser):
    """The selected goal: its rule, the numbers, the points, the source and the cell."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("explanationPanel")
        self.setOpenLinks(False)
        self.setMinimumWidth(240)
        self.setTabChangesFocus(True)  # Tab moves on, it is not typed into a read-only text
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.showing = ""  # the goal id or milestone shown, "" for nothing
        self.show_nothing()

    def show_nothing(self) -> None:
        self.showing = ""
        self.setHtml(
            "<p style='color:#666'>"
            + escape(self.tr("Vælg et mål i tabellen for at se, hvordan det er beregnet."))
            + "</p>"
        )

    def show_goal(
        self,
        shown: Shown,
        goal: Goal,
        doc: Document | None,
        issues: tuple[Issue, ...] = (),
        last: GoalTrend | None = None,
    ) -> None:
        plan = shown.plan
        assert plan is not None
        result = shown.goal(goal.id)
        blocked = shown.blocked_goal(goal.id)
        if blocked is not None:
            result = None
        rows: list[tuple[str, str]] = [
            (self.tr("Område"), goal.area),
            (self.tr("Resultatkrav"), goal.requirement),
            (self.tr("Type"), goal_type_text(goal.type)),
            (self.tr("Målværdi"), target_text(goal, plan)),
        ]
        if goal.type in SCALED and goal.scale is not Scale.BINARY:
            rows.append((self.tr("Skala"), scale_text(goal.scale)))
            if goal.lower is not None:
                rows.append((self.tr("Nedre grænse"), show(goal.lower, goal.unit, plan.lang)))
        if goal.indicator is not None:
            rows.append(
                (
                    self.tr("Indikator"),
                    self.tr("%1 af sagsdata").replace("%1", goal.indicator.value),
                )
            )
        if goal.parent:
            rows.append((self.tr("Under mål"), goal.parent))
        rows.append((self.tr("Resultat"), _result_text(goal, result, plan)))
        if result is not None:
            rows += [
                (self.tr("Vægt"), self.tr("%1 point").replace("%1", fmt.points(result.weight))),
                (
                    self.tr("Målopfyldelse"),
                    fmt.pct(result.fulfilment) if result.fulfilment is not None else "–",
                ),
                (
                    self.tr("Point"),
                    self.tr("%1 af %2")
                    .replace("%1", fmt.points(result.points))
                    .replace("%2", fmt.points(result.possible)),
                ),
            ]
        if goal.precondition:
            met = {True: self.tr("opfyldt"), False: self.tr("ikke opfyldt"), None: ""}
            state = met[goal.precondition_met]
            rows.append(
                (
                    self.tr("Forudsætning"),
                    f"{goal.precondition} ({state})" if state else goal.precondition,
                )
            )
        if last is not None and last.last_fulfilment is not None:
            rows.append(
                (
                    self.tr("Sidste år"),
                    self.tr("%1 · %2 point")
                    .replace("%1", fmt.pct(last.last_fulfilment))
                    .replace("%2", fmt.points(last.last_points or 0)),
                )
            )
        if goal.source:
            rows.append((self.tr("Kilde"), goal.source))
        layout = plan.goals_layout
        if layout is not None:
            col = dict(layout.columns).get("result", 0)
            rows.append((self.tr("Celle"), f"{layout.sheet}!{a1(goal.row, col)}"))
        html = f"<h3>{escape(goal.id)} &nbsp;{escape(goal.text)}</h3>"
        if blocked is not None:
            colour = STATUS_COLOURS[Status.BLOCKED]
            html += (
                f"<p><b style='color:{colour}'>{escape(status_text(Status.BLOCKED))}</b></p>"
                f"<p style='background:#F4F6F8;padding:6px'>"
                f"{escape(blocked.reason(plan.lang))}</p>"
            )
        elif result is not None:
            colour = STATUS_COLOURS[result.status]
            html += (
                f"<p><b style='color:{colour}'>{escape(status_text(result.status))}</b></p>"
                f"<p style='background:#F4F6F8;padding:6px'>{escape(result.explanation)}</p>"
            )
        html += _table(rows) + _problems(issues, self.tr("Problemer i denne række"))
        self.showing = goal.id
        self.setHtml(html)

    def show_milestone(
        self, plan: Plan, m: Milestone, doc: Document | None, issues: tuple[Issue, ...] = ()
    ) -> None:
        layout = plan.milestones_layout
        rows = [(self.tr("Mål"), m.goal_id)]
        if layout is not None and doc is not None:
            cols = dict(layout.columns)
            for key, label in (
                ("deadline", self.tr("Frist")),
                ("delivered", self.tr("Leveret")),
                ("owner", self.tr("Ansvarlig")),
            ):
                if key in cols:
                    rows.append((label, cell_text(doc.value((layout.sheet, m.row, cols[key])))))
            rows.append((self.tr("Celle"), f"{layout.sheet}!{a1(m.row, 0)}"))
        html = f"<h3>{escape(self.tr('Milepæl'))}</h3><p>{escape(m.name)}</p>" + _table(rows)
        self.showing = f"{m.goal_id}/{m.row}"
        self.setHtml(html + _problems(issues, self.tr("Problemer i denne række")))


_COLOURS = {"error": "#B03000", "warning": "#8A5A00", "info": "#1F4E79"}


def scale_text(scale: Scale) -> str:
    translate = QCoreApplication.translate
    return {
        Scale.BINARY: translate("Scale", "binær"),
        Scale.LINEAR: translate("Scale", "lineær"),
        Scale.STEPS: translate("Scale", "trin"),
    }[scale]


def _result_text(goal: Goal, result: GoalResult | None, plan: Plan) -> str:
    """The result as typed, or as computed from case data with its unit (6,4 måneder)."""
    translate = QCoreApplication.translate
    if result is not None and result.measured is not None and goal.indicator is not None:
        return show(result.measured, goal.unit, plan.lang)
    if goal.type is GoalType.MILESTONES:
        return translate("ExplanationPanel", "fra milepæle")
    if goal.type is GoalType.SUBGOALS:
        return translate("ExplanationPanel", "fra delmål")
    if goal.indicator is not None:
        return translate("ExplanationPanel", "fra sagsdata")
    if result is not None and result.measured is not None:
        return show(result.measured, goal.unit, plan.lang)
    return goal.result_text or "–"


def _problems(issues: tuple[Issue, ...], heading: str) -> str:
    if not issues:
        return ""
    items = "".join(
        f"<li style='color:{_COLOURS[i.severity]}'>{escape(i.location())}: {escape(i.message)}</li>"
        for i in issues
    )
    return f"<p><b>{escape(heading)}</b></p><ul>{items}</ul>"


def row_issues(issues: tuple[Issue, ...], sheet: str, row: int) -> tuple[Issue, ...]:
    """The problems whose cell lies in this sheet row."""
    found = []
    for issue in issues:
        if issue.sheet != sheet or not issue.cell:
            continue
        try:
            r = parse_a1(issue.cell.split(":")[0])[0]
        except ValueError:
            continue
        if r == row:
            found.append(issue)
    return tuple(found)


def _table(rows: list[tuple[str, str]]) -> str:
    body = "".join(
        f"<tr><td style='color:#555;padding-right:8px'>{escape(k)}</td><td>{escape(v)}</td></tr>"
        for k, v in rows
        if v
    )
    return f"<table cellspacing='2'>{body}</table>"


class ProblemsPanel(QWidget):
    """Errors and warnings with sheet and cell; Enter or a double-click asks to jump to the row.

    With nothing to list it is one line ("Ingen problemer"), so the goals get the room.
    """

    jumpRequested = Signal(str, str)  # sheet, cell
    emptyChanged = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel()
        self.summary.setObjectName("problemsSummary")
        self.summary.setContentsMargins(6, 2, 6, 2)
        # a long info line is cut (its tooltip has it whole), never widening the window
        self.summary.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("problemsTable")
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.cellDoubleClicked.connect(self._double_clicked)
        self.table.cellActivated.connect(self._double_clicked)  # Enter on a row
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        self.issues: tuple[Issue, ...] = ()
        self._was_empty: bool | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([self.tr("Type"), self.tr("Celle"), self.tr("Besked")])
        self.set_issues(self.issues)

    @property
    def empty(self) -> bool:
        """Nothing to act on: no errors and no warnings (info lines are told in the bar)."""
        return all(i.severity == "info" for i in self.issues)

    def set_issues(self, issues: tuple[Issue, ...]) -> None:
        was_empty = self._was_empty
        rank = {"error": 0, "warning": 1, "info": 2}
        self.issues = tuple(sorted(issues, key=lambda i: (rank[i.severity], i.sheet)))
        self.table.setRowCount(len(self.issues))
        style = self.style()
        pixmaps = {
            "error": QStyle.StandardPixmap.SP_MessageBoxCritical,
            "warning": QStyle.StandardPixmap.SP_MessageBoxWarning,
            "info": QStyle.StandardPixmap.SP_MessageBoxInformation,
        }
        labels = {"error": self.tr("Fejl"), "warning": self.tr("Advarsel"), "info": self.tr("Info")}
        colours = {"error": "#B03000", "warning": "#8A5A00", "info": "#1F4E79"}
        for r, issue in enumerate(self.issues):
            icon = style.standardIcon(pixmaps[issue.severity])
            kind = QTableWidgetItem(icon, labels[issue.severity])
            kind.setForeground(QBrush(QColor(colours[issue.severity])))
            self.table.setItem(r, 0, kind)
            self.table.setItem(r, 1, QTableWidgetItem(issue.location()))
            message = QTableWidgetItem(issue.message)
            message.setToolTip(issue.message)
            self.table.setItem(r, 2, message)
        errors, warnings = self.counts()
        notes = " · ".join(f"{i.location()}: {i.message}" for i in self.issues)
        self.summary.setToolTip(notes)
        if not self.issues:
            self.summary.setText(self.tr("Ingen problemer i projektmappen."))
        elif self.empty:
            self.summary.setText(
                self.tr("Ingen fejl eller advarsler. Til orientering: %1").replace("%1", notes)
            )
        else:
            self.summary.setText(
                self.tr("%1 fejl og %2 advarsler. Tryk Enter på en række for at gå til cellen.")
                .replace("%1", str(errors))
                .replace("%2", str(warnings))
            )
        self.table.setVisible(not self.empty)
        # The focus chain needs a stop even when the table is hidden: the summary line.
        self.summary.setFocusPolicy(
            Qt.FocusPolicy.TabFocus if self.empty else Qt.FocusPolicy.NoFocus
        )
        self._was_empty = self.empty
        if was_empty is not None and was_empty != self._was_empty:
            self.emptyChanged.emit(self._was_empty)

    def counts(self) -> tuple[int, int]:
        """(errors, warnings); info lines are listed but counted as neither."""
        errors, warnings, _info = count(self.issues)
        return errors, warnings

    def focus_list(self) -> None:
        """Put the keyboard in the list, on the first problem."""
        if not self.empty:
            if self.table.currentRow() < 0:
                self.table.setCurrentCell(0, 0)
            self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        else:
            self.summary.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _double_clicked(self, row: int, _col: int) -> None:
        if 0 <= row < len(self.issues):
            issue = self.issues[row]
            self.jumpRequested.emit(issue.sheet, issue.cell)

    def activate(self, row: int) -> None:
        """Act as if the row was double-clicked (keyboard Enter, tests)."""
        self._double_clicked(row, 0)


def goal_result(card: ScoreCard | None, goal_id: str) -> GoalResult | None:
    if card is None:
        return None
    return next((r for r in card.goals if r.goal_id == goal_id), None)


__all__ = ["ExplanationPanel", "ProblemsPanel", "goal_result", "row_issues"]
