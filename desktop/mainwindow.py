"""The main window: wires the document, the background scorer, the views and the file actions.

Views emit signals (an edit typed, a problem double-clicked) and the window acts: an edit becomes
an undoable command that changes the document and schedules a rescoring; a finished scoring
refreshes every view at once. The window asks the user through `self.prompts` only, so tests can
answer for the user.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
    QShowEvent,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from calc import fmt
from calc.errors import MaalscoreError
from calc.grid import CellValue, parse_a1
from desktop import settings
from desktop.batch import BatchDialog
from desktop.departement import DepartementWindow
from desktop.dialogs import Conflict, Prompts, Unsaved
from desktop.document import CellKey, Document, parse_input
from desktop.followup import FollowUpMode, evaluator_for
from desktop.goalmodel import Col, GoalTableModel, ResultDelegate
from desktop.loading import load_with_progress
from desktop.panels import ExplanationPanel, ProblemsPanel, goal_result, row_issues
from desktop.paypanel import PayPanel
from desktop.report import build_email, export_pdf, integrity_stamp, write_email
from desktop.summary import SummaryPanel
from desktop.worker import Rescorer, Scored

TAB_GOALS, TAB_SUMMARY, TAB_PAY = 0, 1, 2


class EditCommand(QUndoCommand):
    """One cell edit; undo puts the previous value back (and rescoring follows either way)."""

    def __init__(
        self, window: MainWindow, key: CellKey, old: CellValue, new: CellValue, text: str
    ) -> None:
        super().__init__(text)
        self.window = window
        self.key, self.old, self.new = key, old, new

    def redo(self) -> None:
        self.window.apply_value(self.key, self.new)

    def undo(self) -> None:
        self.window.apply_value(self.key, self.old)


class MainWindow(QMainWindow):
    evaluated = Signal()  # a scoring result is on screen
    saved = Signal(object)  # Path

    def __init__(self) -> None:
        super().__init__()
        self.doc: Document | None = None
        self.scored: Scored | None = None
        self.prompts = Prompts(self)
        self.open_url: Callable[[QUrl], bool] = QDesktopServices.openUrl
        self.batch: BatchDialog | None = None
        self.departement: DepartementWindow | None = None
        self.read_only = False  # opened from the Departement view: look, never write
        self.shown_as = ""  # where a read-only workbook came from (an e-mail attachment)
        self._shown_once = False
        self.rescorer = Rescorer(self)
        self.rescorer.scored.connect(self._on_scored)
        self.rescorer.failed.connect(self._on_failed)
        self.undo = QUndoStack(self)
        self.undo.cleanChanged.connect(self._update_title)
        self.setAcceptDrops(True)
        self._build_views()
        self._build_actions()
        self._build_menus()
        self.followup = FollowUpMode(self)  # period selector, follow-up view, Nyt år …
        self._restore_window()
        self._refresh()

    # --- building ------------------------------------------------------------------------

    def _build_views(self) -> None:
        self.goal_model = GoalTableModel(self)
        self.goal_model.editRequested.connect(self._edit_requested)
        self.goal_view = QTableView()
        self.goal_view.setObjectName("goalTable")
        self.goal_view.setModel(self.goal_model)
        self.delegate = ResultDelegate(self.goal_view)
        self.goal_view.setItemDelegateForColumn(Col.RESULT, self.delegate)
        self.goal_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.goal_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.goal_view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.goal_view.setWordWrap(False)
        self.goal_view.setAlternatingRowColors(False)
        self.goal_view.verticalHeader().setVisible(False)
        self.goal_view.verticalHeader().setDefaultSectionSize(24)
        header = self.goal_view.horizontalHeader()
        widths = {
            Col.NR: 64,
            Col.WEIGHT: 56,
            Col.TYPE: 80,
            Col.TARGET: 88,
            Col.RESULT: 104,
            Col.FULFILMENT: 84,
            Col.POINTS: 60,
            Col.STATUS: 136,
        }
        for col, width in widths.items():
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, width)
        header.setSectionResizeMode(Col.GOAL, QHeaderView.ResizeMode.Stretch)
        self.goal_view.selectionModel().selectionChanged.connect(self._selection_changed)

        self.summary = SummaryPanel()
        self.pay_panel = PayPanel()
        self.pay_panel.model.editRequested.connect(self._edit_requested)
        self.tabs = QTabWidget()
        self.goal_stack = QStackedWidget()  # the goals, or the follow-up at a date
        self.goal_stack.addWidget(self.goal_view)
        self.tabs.addTab(self.goal_stack, self.tr("Mål"))
        self.tabs.addTab(self.summary, self.tr("Oversigt"))
        self.tabs.addTab(self.pay_panel, self.tr("Resultatløn"))

        self.explanation = ExplanationPanel()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.tabs)
        splitter.addWidget(self.explanation)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([960, 320])
        self.splitter = splitter

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 4, 6, 0)
        layout.addWidget(self._build_header())
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)

        self.problems = ProblemsPanel()
        self.problems.jumpRequested.connect(self.jump_to)
        self.problems_dock = QDockWidget(self.tr("Problemer"), self)
        self.problems_dock.setObjectName("problemsDock")
        self.problems_dock.setWidget(self.problems)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.problems_dock)
        self.resizeDocks([self.problems_dock], [130], Qt.Orientation.Vertical)

    def _build_header(self) -> QWidget:
        frame = QFrame()
        frame.setObjectName("header")
        frame.setStyleSheet("#header { background: #F4F6F8; border-radius: 4px; }")
        self.title_label = QLabel()
        self.title_label.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.file_label = QLabel()
        self.file_label.setStyleSheet("color: #555;")
        self.score_label = QLabel()
        self.score_label.setObjectName("scoreLabel")
        self.score_label.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.busy_label = QLabel()
        self.busy_label.setStyleSheet("color: #555;")
        left = QVBoxLayout()
        left.setSpacing(0)
        left.addWidget(self.title_label)
        left.addWidget(self.file_label)
        right = QVBoxLayout()
        right.setSpacing(0)
        right.addWidget(self.score_label, 0, Qt.AlignmentFlag.AlignRight)
        right.addWidget(self.busy_label, 0, Qt.AlignmentFlag.AlignRight)
        row = QHBoxLayout(frame)
        self.header_layout = row
        row.setContentsMargins(10, 4, 10, 4)
        row.addLayout(left, 1)
        row.addLayout(right)
        return frame

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        icon: QStyle.StandardPixmap | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        sp = QStyle.StandardPixmap
        self.open_action = self._action(
            self.tr("&Åbn …"),
            self.choose_file,
            QKeySequence.StandardKey.Open,
            sp.SP_DialogOpenButton,
        )
        self.folder_action = self._action(
            self.tr("Åbn &mappe …"), self.choose_folder, "Ctrl+Shift+O", sp.SP_DirOpenIcon
        )
        self.save_action = self._action(
            self.tr("&Gem"), self.save, QKeySequence.StandardKey.Save, sp.SP_DialogSaveButton
        )
        self.save_as_action = self._action(self.tr("Gem &som …"), self.save_as, "Ctrl+Shift+S")
        self.calc_action = self._action(
            self.tr("&Beregn"), self.recalculate, "F9", sp.SP_BrowserReload
        )
        self.report_action = self._action(
            self.tr("&Eksportér rapport …"),
            self.export_report,
            "Ctrl+E",
            sp.SP_FileDialogDetailedView,
        )
        self.send_action = self._action(
            self.tr("Send til &departement …"),
            self.send_to_ministry,
            "Ctrl+Shift+E",
            sp.SP_ArrowForward,
        )
        self.departement_action = self._action(
            self.tr("&Departement …"), self.open_departement, "Ctrl+D", sp.SP_FileDialogListView
        )
        self.quit_action = self._action(
            self.tr("&Afslut"), self.close, QKeySequence.StandardKey.Quit
        )
        self.undo_action = self.undo.createUndoAction(self, self.tr("&Fortryd"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo.createRedoAction(self, self.tr("&Gentag"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = self.file_menu = bar.addMenu(self.tr("&Filer"))
        file_menu.addAction(self.open_action)
        file_menu.addAction(self.folder_action)
        self.recent_menu = QMenu(self.tr("Seneste &filer"), self)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        file_menu.addActions([self.save_action, self.save_as_action])
        file_menu.addSeparator()
        file_menu.addActions([self.report_action, self.send_action])
        file_menu.addSeparator()
        file_menu.addAction(self.departement_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu(self.tr("&Rediger"))
        edit_menu.addActions([self.undo_action, self.redo_action])
        calc_menu = bar.addMenu(self.tr("&Beregning"))
        calc_menu.addAction(self.calc_action)
        view_menu = bar.addMenu(self.tr("&Vis"))
        view_menu.addAction(self.problems_dock.toggleViewAction())
        language_menu = view_menu.addMenu(self.tr("&Sprog"))
        for code, name in (("da", "Dansk"), ("sv", "Svenska")):
            action = language_menu.addAction(name)
            action.setCheckable(True)
            action.setChecked((settings.language() or "da") == code)
            action.triggered.connect(lambda _c=False, c=code: self._set_language(c))
        help_menu = bar.addMenu(self.tr("&Hjælp"))
        help_menu.addAction(self._action(self.tr("&Om Målscore"), self._about))
        toolbar = self.addToolBar(self.tr("Værktøjslinje"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addActions([self.open_action, self.save_action, self.calc_action])
        toolbar.addSeparator()
        toolbar.addActions([self.undo_action, self.redo_action])
        toolbar.addSeparator()
        toolbar.addActions([self.report_action, self.send_action])

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            if settings.window_state()[1] is None:
                self.resizeDocks([self.problems_dock], [120], Qt.Orientation.Vertical)

    def _restore_window(self) -> None:
        geometry, state = settings.window_state()
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self._default_size()
        if state is not None:
            self.restoreState(state)

    def _default_size(self) -> None:
        """Fit a 1366×768 laptop: use most of the screen, never more than it."""
        self.setWindowTitle(self.tr("Målscore"))
        screen = QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(1280, 720)
            return
        free = screen.availableGeometry()
        self.resize(min(1280, free.width() - 40), min(720, free.height() - 40))

    # --- opening ---------------------------------------------------------------------------

    def choose_file(self) -> None:
        path = self.prompts.open_file(settings.last_folder())
        if path is not None:
            self.open_path(path)

    def choose_folder(self) -> None:
        folder = self.prompts.folder(settings.last_folder())
        if folder is not None:
            self.open_folder(folder)

    def open_path(self, path: Path, read_only: bool = False, shown_as: str = "") -> bool:
        """Open a workbook (asking first if the open one has unsaved edits). `read_only`: to
        look at only (from the Departement view): no edits, no saving, not a recent file;
        `shown_as` names where it came from (`post.eml › fil.xlsx`) instead of its path."""
        if not self._may_discard():
            return False
        try:
            grids = load_with_progress(self, Path(path))  # cancellable when case data is large
            if grids is None:
                return False
            doc = Document(Path(path), grids)
        except (MaalscoreError, OSError) as exc:
            self.prompts.error(
                self.tr("Kan ikke åbne projektmappen"),
                self.tr("'%1' kan ikke åbnes.").replace("%1", Path(path).name),
                str(exc),
            )
            return False
        self.doc = doc
        self.scored = None
        self.rescorer.fn = evaluator_for(doc.path)  # with last year's workbook, if named
        self.undo.clear()
        self.read_only = read_only
        self.shown_as = shown_as if read_only else ""
        triggers = QAbstractItemView.EditTrigger
        editing = (
            triggers.NoEditTriggers
            if read_only
            else triggers.DoubleClicked | triggers.EditKeyPressed | triggers.AnyKeyPressed
        )
        self.goal_view.setEditTriggers(editing)
        self.pay_panel.view.setEditTriggers(editing)
        if not read_only:
            settings.add_recent(doc.path.resolve())
            settings.set_last_folder(doc.path.resolve().parent)
        self.explanation.show_nothing()
        self._refresh()
        self.rescore()
        return True

    def open_folder(self, folder: Path) -> BatchDialog:
        settings.set_last_folder(folder)
        if self.batch is None:
            self.batch = BatchDialog(self)
            self.batch.openRequested.connect(self.open_path)
        self.batch.show()
        self.batch.raise_()
        self.batch.start(folder)
        return self.batch

    def open_departement(self, sources: list[Path] | None = None) -> DepartementWindow:
        """The Departement view: check and compare many agencies' workbooks."""
        if self.departement is None:
            self.departement = DepartementWindow(self.prompts)
            self.departement.openRequested.connect(
                lambda path, label: self.open_path(path, read_only=True, shown_as=label)
            )
        self.departement.show()
        self.departement.raise_()
        if sources:
            self.departement.add_sources(sources)
        return self.departement

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        files = settings.recent_files()
        if not files:
            empty = self.recent_menu.addAction(self.tr("(ingen)"))
            empty.setEnabled(False)
        for path in files:
            action = self.recent_menu.addAction(str(path))
            action.triggered.connect(lambda _c=False, p=path: self.open_path(p))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _dropped_path(event.mimeData().urls()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = _dropped_path(event.mimeData().urls())
        if path is None:
            return
        event.acceptProposedAction()
        if path.is_dir():
            self.open_folder(path)
        else:
            self.open_path(path)

    # --- editing and scoring ---------------------------------------------------------------

    def _edit_requested(self, key: CellKey, text: str, as_text: bool) -> None:
        if self.doc is None:
            return
        if self.read_only:
            self.statusBar().showMessage(
                self.tr("Projektmappen er åbnet skrivebeskyttet og kan ikke rettes her."), 8000
            )
            return
        new: CellValue = (
            (text.strip() or None)
            if as_text
            else parse_input(text, percent_cell=self.doc.is_percent_cell(key))
        )
        old = self.doc.value(key)
        if new == old and type(new) is type(old):
            return
        self.undo.push(EditCommand(self, key, old, new, self.tr("Ret %1").replace("%1", key[0])))

    def apply_value(self, key: CellKey, value: CellValue) -> None:
        """Put a value in the document and rescore (called by the undo commands)."""
        if self.doc is None:
            return
        self.doc.set(key, value)
        self._refresh()
        self.rescore()

    def rescore(self) -> None:
        if self.doc is None:
            return
        self.busy_label.setText(self.tr("Beregner …"))
        self.rescorer.schedule(self.doc.grids)

    def recalculate(self) -> None:
        """F9: score again (the file is not re-read; edits stay)."""
        self.rescore()

    def _on_scored(self, scored: Scored) -> None:
        self.scored = scored
        self._refresh()
        self.evaluated.emit()

    def _on_failed(self, details: str) -> None:
        self.busy_label.setText("")
        self.prompts.error(
            self.tr("Uventet fejl"),
            self.tr("Beregningen stoppede med en uventet fejl. Dine ændringer er ikke tabt."),
            details,
        )

    # --- showing ---------------------------------------------------------------------------

    def _refresh(self) -> None:
        evaluation = self.scored.evaluation if self.scored else None
        plan = evaluation.plan if evaluation else None
        card = evaluation.scorecard if evaluation else None
        self.delegate.lang = plan.lang if plan else "da"
        self.goal_model.refresh(plan, card, self.doc)
        self.summary.set_card(card)
        self.pay_panel.refresh(evaluation, self.doc)
        self.problems.set_issues(evaluation.issues if evaluation else ())
        self._show_header()
        self._show_problem_count()
        self._selection_changed()
        self._update_title()
        has_doc = self.doc is not None
        self.calc_action.setEnabled(has_doc)
        for action in (self.save_action, self.save_as_action):
            action.setEnabled(has_doc and not self.read_only)
        ready = card is not None
        self.report_action.setEnabled(ready)
        self.send_action.setEnabled(ready and not self.read_only)

    def _show_header(self) -> None:
        evaluation = self.scored.evaluation if self.scored else None
        plan = evaluation.plan if evaluation else None
        card = evaluation.scorecard if evaluation else None
        if self.doc is None:
            self.title_label.setText(self.tr("Ingen projektmappe åben"))
            self.file_label.setText(
                self.tr("Åbn en projektmappe med Ctrl+O, eller træk den ind i vinduet.")
            )
            self.score_label.setText("")
            self.busy_label.setText("")
            return
        if plan is not None:
            title = f"{plan.institution} – {plan.year or ''}".strip(" –")
            self.title_label.setText(title or self.doc.path.name)
        else:
            self.title_label.setText(self.doc.path.name)
        where = self.shown_as or str(self.doc.path)
        if self.read_only:
            where += " · " + self.tr("skrivebeskyttet: tallene er Målscores nye beregning")
        self.file_label.setText(where)
        if card is not None:
            self.score_label.setText(
                self.tr("Målopfyldelse %1 · %2 af %3 point")
                .replace("%1", fmt.pct(card.score_pct))
                .replace("%2", fmt.points(card.total_points))
                .replace("%3", fmt.points(card.max_points))
            )
            trend = evaluation.trend if evaluation is not None else None
            if trend is not None and trend.last_score_pct is not None:
                self.score_label.setText(
                    self.score_label.text()
                    + " · "
                    + self.tr("sidste år %1").replace("%1", fmt.pct(trend.last_score_pct))
                )
        elif evaluation is not None:
            self.score_label.setText(self.tr("Kan ikke beregnes – se Problemer"))
        if self.rescorer.is_current() and self.scored is not None:
            text = self.tr("Beregnet %1").replace(
                "%1", self.scored.computed_at.strftime("%H:%M:%S")
            )
            if self.doc.dirty:
                text += " · " + self.tr("%1 ændrede celler er ikke gemt").replace(
                    "%1", str(len(self.doc.edits))
                )
            self.busy_label.setText(text)

    def _show_problem_count(self) -> None:
        errors, warnings = self.problems.counts()
        title = (
            self.tr("Problemer (%1 fejl, 1 advarsel)")
            if warnings == 1
            else self.tr("Problemer (%1 fejl, %2 advarsler)")
        )
        self.problems_dock.setWindowTitle(
            title.replace("%1", str(errors)).replace("%2", str(warnings))
        )
        if errors:
            self.problems_dock.show()
            self.problems_dock.raise_()

    def _update_title(self, *_args: object) -> None:
        name = self.doc.path.name if self.doc else ""
        dirty = "*" if self.doc is not None and self.doc.dirty else ""
        if name and self.read_only:
            name += " " + self.tr("(skrivebeskyttet)")
        self.setWindowTitle(f"{name}{dirty} – Målscore" if name else "Målscore")

    def _selection_changed(self, *_args: QItemSelection) -> None:
        index = self.goal_view.currentIndex()
        row = self.goal_model.row_cache(index.row()) if index.isValid() else None
        evaluation = self.scored.evaluation if self.scored else None
        plan = evaluation.plan if evaluation else None
        if row is None or plan is None or row.kind == "area":
            self.explanation.show_nothing()
            return
        issues = row_issues(evaluation.issues, row.sheet, row.sheet_row) if evaluation else ()
        if row.kind == "milestone":
            m = next((m for m in plan.milestones if m.row == row.sheet_row), None)
            if m is not None:
                self.explanation.show_milestone(plan, m, self.doc, issues)
            return
        goal = plan.goal(row.goal_id)
        if goal is not None:
            card = evaluation.scorecard if evaluation else None
            result = goal_result(card, goal.id)
            trend = evaluation.trend.goal(goal.id) if evaluation and evaluation.trend else None
            self.explanation.show_goal(plan, goal, result, self.doc, issues, trend)

    def jump_to(self, sheet: str, cell: str) -> bool:
        """Show the row a problem points at (goals, milestones or pay); False if none."""
        evaluation = self.scored.evaluation if self.scored else None
        plan = evaluation.plan if evaluation else None
        try:
            sheet_row = parse_a1(cell.split(":")[0])[0] if cell else -1
        except ValueError:
            sheet_row = -1
        if plan is not None and plan.pay_layout is not None and sheet == plan.pay_layout.sheet:
            self.tabs.setCurrentIndex(TAB_PAY)
            self.pay_panel.select_sheet_row(sheet_row)
            return True
        row = self.goal_model.find_row(sheet, sheet_row)
        if row < 0:
            self.statusBar().showMessage(
                self.tr("%1!%2 vises ikke i tabellen; åbn projektmappen i Excel for at rette den.")
                .replace("%1", sheet)
                .replace("%2", cell),
                8000,
            )
            return False
        self.followup.selector.choose(None)  # problems are shown on the year's goal table
        self.tabs.setCurrentIndex(TAB_GOALS)
        index = self.goal_model.index(row, Col.RESULT)
        self.goal_view.setCurrentIndex(index)
        self.goal_view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        self.goal_view.setFocus()
        return True

    def select_goal(self, goal_id: str) -> QModelIndex:
        """Select a goal's row (used by tests and the explanation of a jump)."""
        for r in range(self.goal_model.rowCount()):
            cache = self.goal_model.row_cache(r)
            if cache is not None and cache.kind == "goal" and cache.goal_id == goal_id:
                index = self.goal_model.index(r, Col.RESULT)
                self.goal_view.setCurrentIndex(index)
                return index
        return QModelIndex()

    # --- saving ----------------------------------------------------------------------------

    def _current(self) -> Scored | None:
        """The result for exactly the grids on screen (scored now if a job is still running)."""
        if self.doc is None:
            return None
        if not self.rescorer.is_current() or self.scored is None:
            self._on_scored(self.rescorer.score_now(self.doc.grids))
        return self.scored

    def _refuse_errors(self, scored: Scored, doing: str) -> bool:
        """True (and a clear message) when the workbook has errors, so nothing is written."""
        evaluation = scored.evaluation
        if evaluation.ok:
            return False
        missing = sorted(
            p.name
            for p in self.pay_panel.model.people
            if p.row in self.pay_panel.model.missing_reason
        )
        if missing:
            self.tabs.setCurrentIndex(TAB_PAY)
            text = self.tr(
                "Et skøn over resultatlønnen kræver en skriftlig begrundelse. "
                "Skriv begrundelsen for %1 i fanen Resultatløn, og prøv igen."
            ).replace("%1", ", ".join(missing))
        else:
            errors = sum(1 for i in evaluation.issues if i.is_error)
            text = self.tr(
                "Projektmappen har %1 fejl. Ret dem (se listen Problemer), og prøv igen."
            ).replace("%1", str(errors))
        self.problems_dock.show()
        self.prompts.error(doing, text + "\n\n" + self.tr("Intet er gemt."))
        return True

    def save(self) -> bool:
        return self._save_to(None)

    def save_as(self) -> bool:
        if self.doc is None:
            return False
        dst = self.prompts.save_file(
            self.doc.path, self.tr("Gem projektmappen som"), self.tr("Excel-projektmappe (*.xlsx)")
        )
        return dst is not None and self._save_to(dst)

    def _save_to(self, dst: Path | None) -> bool:
        scored = self._current()
        if self.doc is None or scored is None:
            return False
        if self._refuse_errors(scored, self.tr("Kan ikke gemme")):
            return False
        if dst is None and self.doc.changed_on_disk():
            choice = self.prompts.conflict(self.doc.path.name)
            if choice is Conflict.RELOAD:
                self._reload()
                return False
            if choice is Conflict.CANCEL:
                return False
        try:
            self.doc.save(scored.evaluation, dst)
        except (MaalscoreError, OSError) as exc:
            self.prompts.error(
                self.tr("Kan ikke gemme"),
                self.tr("Projektmappen blev ikke gemt; filen er uændret."),
                str(exc),
            )
            return False
        self.undo.setClean()
        settings.add_recent(self.doc.path.resolve())
        self.statusBar().showMessage(self.tr("Gemt i %1").replace("%1", str(self.doc.path)), 8000)
        self._refresh()
        self.rescore()
        self.saved.emit(self.doc.path)
        return True

    def _reload(self) -> None:
        if self.doc is None:
            return
        try:
            self.doc.reload()
        except (MaalscoreError, OSError) as exc:
            self.prompts.error(self.tr("Kan ikke genindlæse"), str(exc))
            return
        self.undo.clear()
        self._refresh()
        self.rescore()

    def _may_discard(self) -> bool:
        """Before the open document is replaced or closed: ask about unsaved edits."""
        if self.doc is None or not self.doc.dirty:
            return True
        choice = self.prompts.unsaved(self.doc.path.name)
        if choice is Unsaved.SAVE:
            return self.save()
        return choice is Unsaved.DISCARD

    # --- report and e-mail -----------------------------------------------------------------

    def export_report(self, path: Path | None = None) -> Path | None:
        scored = self._current()
        if self.doc is None or scored is None or scored.evaluation.scorecard is None:
            return None
        if path is None:
            path = self.prompts.save_file(
                self.doc.path.with_name(f"{self.doc.path.stem} - rapport.pdf"),
                self.tr("Eksportér rapport"),
                self.tr("PDF-dokument (*.pdf)"),
            )
            if path is None:
                return None
        return self._write_report(scored, path)

    def _write_report(self, scored: Scored, path: Path) -> Path | None:
        assert self.doc is not None
        stamp = integrity_stamp(self.doc.path, self.doc.grids)
        try:
            export_pdf(scored.evaluation, scored.computed_at, stamp, path)
        except (OSError, ValueError) as exc:
            self.prompts.error(self.tr("Kan ikke skrive rapporten"), str(exc))
            return None
        if not path.exists():
            self.prompts.error(
                self.tr("Kan ikke skrive rapporten"),
                self.tr("PDF-filen kunne ikke oprettes: %1").replace("%1", str(path)),
            )
            return None
        self.statusBar().showMessage(self.tr("Rapport gemt i %1").replace("%1", str(path)), 8000)
        return path

    def send_to_ministry(self) -> Path | None:
        """Save, write the PDF next to the workbook, build the .eml and open it."""
        if self.doc is None:
            return None
        if self.doc.dirty:
            choice = self.prompts.unsaved(self.doc.path.name)
            if choice is not Unsaved.SAVE or not self.save():
                return None
        scored = self._current()
        if scored is None or self._refuse_errors(scored, self.tr("Kan ikke sende")):
            return None
        pdf = self._write_report(
            scored, self.doc.path.with_name(f"{self.doc.path.stem} - rapport.pdf")
        )
        if pdf is None:
            return None
        eml = self.doc.path.with_name(f"{self.doc.path.stem}.eml")
        try:
            write_email(build_email(scored.evaluation, self.doc.path, pdf), eml)
        except (OSError, ValueError) as exc:
            self.prompts.error(self.tr("Kan ikke lave e-mailen"), str(exc))
            return None
        if not self.open_url(QUrl.fromLocalFile(str(eml))):
            self.prompts.info(
                self.tr("Send til departement"),
                self.tr("E-mailen er gemt i %1. Åbn den i dit mailprogram.").replace(
                    "%1", str(eml)
                ),
            )
        return eml

    # --- closing ---------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._may_discard():
            event.ignore()
            return
        if self.batch is not None:
            self.batch.cancel()
        if self.departement is not None:
            self.departement.close()
        settings.save_window_state(self.saveGeometry(), self.saveState())
        event.accept()

    def _set_language(self, code: str) -> None:
        settings.set_language(code)
        self.prompts.info(
            self.tr("Sprog"), self.tr("Sproget skifter, næste gang Målscore startes.")
        )

    def _about(self) -> None:
        from calc import __version__

        self.prompts.info(
            self.tr("Om Målscore"),
            self.tr(
                "Målscore %1\n\nBeregner målopfyldelse, point og resultatløn i en mål- og "
                "resultatplan. Alle tal beregnes af Målscores kerne og kan forklares mål for mål."
            ).replace("%1", __version__),
        )


def _dropped_path(urls: list[QUrl]) -> Path | None:
    for url in urls:
        if url.isLocalFile():
            path = Path(url.toLocalFile())
            if path.is_dir() or path.suffix.lower() in {".xlsx", ".xlsm"}:
                return path
    return None
