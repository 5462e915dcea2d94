"""The main window: wires the document, the background scorer, the views and the file actions.

Views emit signals (an edit typed, a problem activated) and the window acts: an edit becomes an
undoable command that changes the document and schedules a rescoring; a finished scoring
refreshes every view at once. The window asks the user through `self.prompts` only, so tests can
answer for the user.

The screen and the file never disagree: the open file is watched (`FileWatcher`), a change on
disk is read in (the user's edits kept on top where they do not collide), F9 reads a changed
file before scoring, and a save scores exactly the inputs it writes (`Document.save`).

Adding to the window (other views, menu entries): `self.menus[...]` holds the menus by name
(`file`, `edit`, `calc`, `view`, `help`) and `self.toolbar` the toolbar; create an action with
`self._action(slot, shortcut, icon)` and give it its text in an overridden `retranslate` (or
connect to `languageChanged`), so it follows a language switch like everything else.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, Qt, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
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
    QApplication,
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTableView,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from calc import fmt
from calc.engine import Evaluation
from calc.errors import MaalscoreError
from calc.grid import CellValue, a1, parse_a1
from calc.handin import (
    EXIT_NOT_READY,
    HandinError,
    Verified,
    draft_notes,
    hand_in,
    kind_of,
    one_address,
    report_bytes,
    verify,
    write_new,
)
from calc.mail import body as mail_body
from desktop import settings
from desktop.batch import BatchDialog
from desktop.departement import DepartementWindow
from desktop.dialogs import Conflict, Overwrite, Prompts, Reload, SendDetails, Unsaved
from desktop.document import CellKey, Document, parse_amount, parse_input
from desktop.followup import FollowUpMode, evaluator_for
from desktop.goalmodel import Col, GoalTableModel, ResultDelegate
from desktop.loading import load_with_progress
from desktop.panels import ExplanationPanel, ProblemsPanel, row_issues
from desktop.paypanel import PayPanel
from desktop.report import free_report_files, report_files
from desktop.shown import Shown
from desktop.style import TabBarStyle, cell_text
from desktop.summary import SummaryPanel
from desktop.watcher import FileWatcher
from desktop.worker import Rescorer, Scored

TAB_GOALS, TAB_SUMMARY, TAB_PAY = 0, 1, 2
WIDE_WINDOW = 1600  # px: a first window this wide widens the target and result columns


class EditCommand(QUndoCommand):
    """One cell edit; undo puts the previous value back (and rescoring follows either way)."""

    def __init__(
        self,
        window: MainWindow,
        key: CellKey,
        old: tuple[CellValue, str | None],
        new: tuple[CellValue, str | None],
        text: str,
    ) -> None:
        super().__init__(text)
        self.window = window
        self.key, self.old, self.new = key, old, new

    def redo(self) -> None:
        self.window.apply_value(self.key, *self.new)

    def undo(self) -> None:
        self.window.apply_value(self.key, *self.old)


class MainWindow(QMainWindow):
    evaluated = Signal()  # a scoring result is on screen
    saved = Signal(object)  # Path
    reloaded = Signal()  # the file was read again from disk
    languageChanged = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.doc: Document | None = None
        self.scored: Scored | None = None
        self.shown = Shown()
        self.prompts = Prompts(self)
        self.open_url: Callable[[QUrl], bool] = QDesktopServices.openUrl
        self.batch: BatchDialog | None = None
        self.departement: DepartementWindow | None = None
        self.read_only = False  # opened from the Departement view: look, never write
        self.shown_as = ""  # where a read-only workbook came from (an e-mail attachment)
        self._shown_once = False
        self._asking = False  # a question about the file on disk is open
        self._stale_on_disk = False  # the user chose to read a changed file later
        self.rescorer = Rescorer(self)
        self.rescorer.scored.connect(self._on_scored)
        self.rescorer.failed.connect(self._on_failed)
        self.undo = QUndoStack(self)
        self.undo.cleanChanged.connect(self._update_title)
        self.watcher = FileWatcher(self)
        self.watcher.changed.connect(self.file_changed_on_disk)
        self.setAcceptDrops(True)
        self._build_views()
        self._build_actions()
        self._build_menus()
        self.followup = FollowUpMode(self)  # period selector, follow-up view, Nyt år …
        self._build_focus_chain()
        self.retranslate()
        self._restore_window()
        self._refresh()

    # --- building ------------------------------------------------------------------------

    def _build_views(self) -> None:
        self.goal_model = GoalTableModel(self)
        self.goal_model.editRequested.connect(self._edit_requested)
        self.goal_view = QTableView()
        self.goal_view.setObjectName("goalTable")
        self.goal_view.setModel(self.goal_model)
        self.goal_view.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.delegate = ResultDelegate(self.goal_view)
        for col in (Col.WEIGHT, Col.TARGET, Col.RESULT):
            self.goal_view.setItemDelegateForColumn(col, self.delegate)
        self.goal_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.goal_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.goal_view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.goal_view.setWordWrap(False)
        self.goal_view.verticalHeader().setVisible(False)
        self.goal_view.verticalHeader().setDefaultSectionSize(24)
        header = self.goal_view.horizontalHeader()
        widths = {
            Col.NR: 60,
            Col.WEIGHT: 56,
            Col.TYPE: 84,
            Col.TARGET: 120,
            Col.RESULT: 110,
            Col.FULFILMENT: 84,
            Col.POINTS: 60,
            Col.STATUS: 150,
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
        self.tabs.setObjectName("tabs")
        self.goal_stack = QStackedWidget()  # the goals, or the follow-up at a date
        self.goal_stack.addWidget(self.goal_view)
        self.tabs.addTab(self.goal_stack, "")
        self.tabs.addTab(self.summary, "")
        self.tabs.addTab(self.pay_panel, "")
        self._tab_style = TabBarStyle()  # kept: a widget does not own the style it is given
        self.tabs.tabBar().setStyle(self._tab_style)
        # the explanation is of a goal: it shows on the goals tab only
        self.tabs.currentChanged.connect(lambda _index: self.show_explanation_pane())

        self.explanation = ExplanationPanel()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.tabs)
        splitter.addWidget(self.explanation)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setCollapsible(0, False)
        splitter.splitterMoved.connect(self._splitter_moved)
        self.splitter = splitter

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 4, 6, 0)
        layout.addWidget(self._build_header())
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)

        self.problems = ProblemsPanel()
        self.problems.jumpRequested.connect(self.jump_to)
        self.problems.emptyChanged.connect(lambda _empty: self._fit_problems())
        self.problems_dock = QDockWidget(self)
        self.problems_dock.setObjectName("problemsDock")
        self._no_title = QWidget(self.problems_dock)  # the dock's title bar while it is one line
        self.problems_dock.setWidget(self.problems)
        self.problems_dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.problems_dock)

    def _build_header(self) -> QWidget:
        frame = QFrame()
        frame.setObjectName("header")
        frame.setStyleSheet("#header { background: #F4F6F8; border-radius: 4px; }")
        self.title_label = QLabel()
        self.title_label.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.file_label = QLabel()
        self.file_label.setStyleSheet("color: #555;")
        # A long path or title may be cut rather than make the window wider than the screen.
        for label in (self.title_label, self.file_label):
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            label.setMinimumWidth(120)
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
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | list[str] | None = None,
        icon: QStyle.StandardPixmap | None = None,
    ) -> QAction:
        """An action of the window; its text is set in `retranslate`."""
        action = QAction(self)
        if isinstance(shortcut, list):
            action.setShortcuts([QKeySequence(s) for s in shortcut])
        elif shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        sp = QStyle.StandardPixmap
        key = QKeySequence.StandardKey
        self.open_action = self._action(self.choose_file, key.Open, sp.SP_DialogOpenButton)
        self.folder_action = self._action(self.choose_folder, "Ctrl+Shift+O", sp.SP_DirOpenIcon)
        self.save_action = self._action(self.save, key.Save, sp.SP_DialogSaveButton)
        self.save_as_action = self._action(self.save_as, "Ctrl+Shift+S")
        self.calc_action = self._action(self.recalculate, ["F9", "F5"], sp.SP_BrowserReload)
        self.report_action = self._action(
            self.export_report, "Ctrl+E", sp.SP_FileDialogDetailedView
        )
        self.send_action = self._action(self.send_to_ministry, "Ctrl+Shift+E", sp.SP_ArrowForward)
        self.departement_action = self._action(
            self.open_departement, "Ctrl+D", sp.SP_FileDialogListView
        )
        self.quit_action = self._action(self.close, key.Quit)
        # Undo in the menu names what it undoes; the toolbar's buttons keep one width.
        self.undo_action = self._action(self.undo.undo, key.Undo)
        self.redo_action = self._action(self.undo.redo, ["Ctrl+Y", "Ctrl+Shift+Z"])
        self.undo_tool = self._action(self.undo.undo, None, sp.SP_ArrowBack)
        self.redo_tool = self._action(self.undo.redo, None, sp.SP_ArrowForward)
        for action in (self.undo_action, self.undo_tool):
            action.setEnabled(False)
            self.undo.canUndoChanged.connect(action.setEnabled)
        for action in (self.redo_action, self.redo_tool):
            action.setEnabled(False)
            self.undo.canRedoChanged.connect(action.setEnabled)
        self.undo.undoTextChanged.connect(self._undo_text)
        self.undo.redoTextChanged.connect(self._redo_text)
        self.next_tab_action = self._action(lambda: self._step_tab(1), ["Ctrl+PgDown", "Ctrl+Tab"])
        self.prev_tab_action = self._action(
            lambda: self._step_tab(-1), ["Ctrl+PgUp", "Ctrl+Shift+Tab", "Ctrl+Backtab"]
        )
        for action in (self.next_tab_action, self.prev_tab_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.problems_action = self._action(self.focus_problems, "F8")
        self.explain_action = self._action(self._explanation_toggled, "Ctrl+I")
        self.explain_action.setCheckable(True)
        self.explain_action.setChecked(settings.explanation_visible())
        self.about_action = self._action(self._about)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.menus: dict[str, QMenu] = {
            name: bar.addMenu("") for name in ("file", "edit", "calc", "view", "help")
        }
        file_menu = self.file_menu = self.menus["file"]
        file_menu.addActions([self.open_action, self.folder_action])
        self.recent_menu = QMenu(self)
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
        self.menus["edit"].addActions([self.undo_action, self.redo_action])
        self.menus["calc"].addAction(self.calc_action)
        view = self.menus["view"]
        self.problems_toggle = self.problems_dock.toggleViewAction()
        view.addActions([self.explain_action, self.problems_toggle, self.problems_action])
        view.addSeparator()
        view.addActions([self.next_tab_action, self.prev_tab_action])
        view.addSeparator()
        self.language_menu = view.addMenu("")
        self.language_group = QActionGroup(self)
        self.language_group.setExclusive(True)
        self.language_actions: dict[str, QAction] = {}
        current = settings.language() or _installed_language()
        for code, name in (("da", "Dansk"), ("sv", "Svenska")):
            action = self.language_menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(current == code)
            self.language_group.addAction(action)
            action.triggered.connect(lambda _c=False, c=code: self.set_language(c))
            self.language_actions[code] = action
        self.menus["help"].addAction(self.about_action)
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(self.toolbar)
        self.toolbar.addActions([self.open_action, self.save_action, self.calc_action])
        self.toolbar.addSeparator()
        self.toolbar.addActions([self.undo_tool, self.redo_tool])
        self.toolbar.addSeparator()
        self.toolbar.addActions([self.report_action, self.send_action])

    def _build_focus_chain(self) -> None:
        """Tab visits every pane in reading order and comes round again; hidden ones (another
        tab's page, an empty problem list) are skipped by Qt."""
        chain: list[QWidget] = [
            self.tabs.tabBar(),
            self.goal_view,
            self.summary.areas,
            self.pay_panel.view,
            self.explanation,
            self.problems.table,
            self.problems.summary,
        ]
        self.tabs.tabBar().setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    # --- language -------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Every text of the window in the current language (also called on LanguageChange)."""
        texts = {
            self.open_action: self.tr("&Åbn …"),
            self.folder_action: self.tr("Åbn &mappe …"),
            self.save_action: self.tr("&Gem"),
            self.save_as_action: self.tr("Gem &som …"),
            self.calc_action: self.tr("&Beregn"),
            self.report_action: self.tr("&Eksportér rapport …"),
            self.send_action: self.tr("Send til &departement …"),
            self.departement_action: self.tr("&Departement …"),
            self.quit_action: self.tr("&Afslut"),
            self.next_tab_action: self.tr("&Næste fane"),
            self.prev_tab_action: self.tr("Forrige &fane"),
            self.problems_action: self.tr("Gå til &problemer"),
            self.explain_action: self.tr("&Forklaring"),
            self.about_action: self.tr("&Om Målscore"),
            self.undo_tool: self.tr("Fortryd"),
            self.redo_tool: self.tr("Gentag"),
        }
        for action, text in texts.items():
            action.setText(text)
        self.calc_action.setToolTip(self.tr("Beregn igen (F9 eller F5); en ændret fil læses først"))
        self.problems_toggle.setText(self.tr("Problem&liste"))
        titles = {
            "file": self.tr("&Filer"),
            "edit": self.tr("&Rediger"),
            "calc": self.tr("&Beregning"),
            "view": self.tr("&Vis"),
            "help": self.tr("&Hjælp"),
        }
        for name, title in titles.items():
            self.menus[name].setTitle(title)
        self.recent_menu.setTitle(self.tr("Seneste &filer"))
        self.language_menu.setTitle(self.tr("&Sprog"))
        self.toolbar.setWindowTitle(self.tr("Værktøjslinje"))
        # Alt+M, Alt+O, Alt+L open the tabs; the menus use F, R, B, V, H.
        for index, text in enumerate(
            (self.tr("&Mål"), self.tr("&Oversigt"), self.tr("Resultat&løn"))
        ):
            self.tabs.setTabText(index, text)
        self.goal_model.retranslate()
        self.pay_panel.retranslate()
        self.summary.retranslate()
        self.problems.retranslate()
        self._undo_texts()
        self._refresh()
        self.languageChanged.emit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_language(self, code: str) -> None:
        """Switch the interface's language now (and for the next start)."""
        from desktop.app import install_translator

        settings.set_language(code)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            install_translator(app, code)
        for name, action in self.language_actions.items():
            action.setChecked(name == code)

    def _undo_texts(self) -> None:
        self._undo_text(self.undo.undoText())
        self._redo_text(self.undo.redoText())

    def _undo_text(self, undo: str) -> None:
        """`Fortryd ændring af Resultat for 1.d` in the menu; the toolbar button keeps its
        width and says it in its tooltip."""
        self.undo_action.setText(self.tr("&Fortryd %1").replace("%1", undo).strip())
        self.undo_tool.setToolTip(self.tr("Fortryd %1").replace("%1", undo).strip())

    def _redo_text(self, redo: str) -> None:
        self.redo_action.setText(self.tr("&Gentag %1").replace("%1", redo).strip())
        self.redo_tool.setToolTip(self.tr("Gentag %1").replace("%1", redo).strip())

    # --- window size and panes -------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self._fit_problems()
            self.fit_columns()

    def fit_columns(self) -> None:
        """On a wide first window, Målværdi and Resultat get room for dates and words
        ("31 december 2008", "Höst 2008 (senast …)"); on a laptop the goal titles keep it."""
        if self.width() >= WIDE_WINDOW:
            header = self.goal_view.horizontalHeader()
            header.resizeSection(Col.TARGET, 180)
            header.resizeSection(Col.RESULT, 140)

    def _restore_window(self) -> None:
        geometry, state = settings.window_state()
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self._default_size()
        if state is not None:
            self.restoreState(state)

    def _default_size(self) -> None:
        """The first window follows the screen: nearly all of a laptop's, 90 % of a big one's."""
        screen = QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(1280, 720)
            return
        free = screen.availableGeometry()
        self.resize(*first_window_size(free.width(), free.height()))
        self.move(free.center() - self.rect().center())

    def _fit_problems(self) -> None:
        """A one-line bar when there is nothing to list (no title bar either); room for the
        list, under its title with the counts, when there is."""
        if self.problems.empty:
            self.problems_dock.setTitleBarWidget(self._no_title)
            self.problems.setMaximumHeight(self.problems.summary.sizeHint().height())
        else:
            self.problems_dock.setTitleBarWidget(None)  # type: ignore[arg-type]  # the default bar
            self.problems.setMaximumHeight(16_777_215)
            self.resizeDocks([self.problems_dock], [150], Qt.Orientation.Vertical)

    def _explanation_toggled(self) -> None:
        settings.set_explanation_visible(self.explain_action.isChecked())
        self.show_explanation_pane()

    def _splitter_moved(self, _pos: int, _index: int) -> None:
        if self.explanation.isVisible() and self.splitter.sizes()[1] == 0:
            self.explain_action.setChecked(False)
            settings.set_explanation_visible(False)
            self.explanation.hide()

    def show_explanation_pane(self) -> None:
        """The explanation shows only for a selected goal or milestone, and only if wanted
        (not while a follow-up period is chosen: that view explains its goals itself)."""
        wanted = self.explain_action.isChecked() and bool(self.explanation.showing)
        wanted = wanted and self.tabs.currentIndex() == TAB_GOALS
        followup = getattr(self, "followup", None)
        wanted = wanted and not (followup is not None and followup.active)
        if wanted and not self.explanation.isVisible():
            self.explanation.show()
            total = sum(self.splitter.sizes()) or self.width()
            side = max(280, total // 5)
            self.splitter.setSizes([total - side, side])
        elif not wanted and self.explanation.isVisible():
            self.explanation.hide()

    def _step_tab(self, step: int) -> None:
        index = self.tabs.currentIndex()
        for _ in range(self.tabs.count()):
            index = (index + step) % self.tabs.count()
            if self.tabs.isTabVisible(index):
                break
        self.tabs.setCurrentIndex(index)
        page = self.tabs.currentWidget()
        target = {TAB_SUMMARY: self.summary.areas, TAB_PAY: self.pay_panel.view}.get(
            self.tabs.currentIndex(), self.goal_view
        )
        (target if target.isVisible() else page).setFocus(Qt.FocusReason.TabFocusReason)
        self.show_explanation_pane()

    def focus_problems(self) -> None:
        """F8: the problem list, with the keyboard on its first row."""
        self.problems_dock.show()
        self.problems_dock.raise_()
        self.problems.focus_list()

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
        self._stale_on_disk = False
        self.rescorer.fn = evaluator_for(doc.path)  # with last year's workbook, if named
        self.undo.clear()
        self.watcher.watch(doc.path.resolve())
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
            self.batch = BatchDialog()  # a window of its own, not kept on top of this one
            self.batch.openRequested.connect(self._open_from_batch)
            self.batch.prompts = self.prompts
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

    def _open_from_batch(self, path: Path) -> None:
        if self.open_path(path):
            self.raise_()
            self.activateWindow()

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

    # --- the file on disk ------------------------------------------------------------------

    def file_changed_on_disk(self) -> None:
        """The watcher saw the file (or its folder) change: read it in, asking when there are
        unsaved edits (Genindlæs, keeping them on top, is the default)."""
        if self.doc is None or self._asking or not self.doc.changed_on_disk():
            return
        if not self.doc.path.exists():
            self._stale_on_disk = True
            self.statusBar().showMessage(
                self.tr("'%1' er flyttet eller slettet. Brug Gem som … for at gemme.").replace(
                    "%1", self.doc.path.name
                )
            )
            self._show_header()
            return
        if not self.doc.dirty:
            if self._read_from_disk():
                self.statusBar().showMessage(
                    self.tr("'%1' er ændret på disken og er indlæst igen.").replace(
                        "%1", self.doc.path.name
                    ),
                    10_000,
                )
            return
        self._asking = True
        try:
            choice = self.prompts.file_changed(self.doc.path.name, len(self.doc.edits))
        finally:
            self._asking = False
        if choice is Reload.KEEP_MINE:
            self._read_from_disk()
        elif choice is Reload.DISCARD_MINE:
            self._reload()
        else:
            self._stale_on_disk = True
            self._show_header()

    def _read_from_disk(self) -> bool:
        """Read the file again, the edits on top; say which edits the file's values replaced."""
        if self.doc is None:
            return False
        try:
            merge = self.doc.merge_from_disk()
        except (MaalscoreError, OSError) as exc:
            self.prompts.error(self.tr("Kan ikke genindlæse"), str(exc))
            return False
        self._stale_on_disk = False
        self.undo.clear()  # the commands remember values of the file as it was
        self._refresh()
        self.rescore()
        self.reloaded.emit()
        if merge.dropped:
            lines = [
                self.tr("%1: din ændring %2 er erstattet af filens nye værdi %3")
                .replace("%1", f"{key[0]}!{a1(key[1], key[2])}")
                .replace("%2", f"'{cell_text(mine)}'")
                .replace("%3", f"'{cell_text(theirs)}'")
                for key, mine, theirs in merge.dropped
            ]
            self.prompts.info(
                self.tr("Filen er indlæst igen"),
                self.tr("Filen var også ændret i de celler, du havde rettet:")
                + "\n"
                + "\n".join(lines),
            )
        return True

    def _reload(self) -> None:
        if self.doc is None:
            return
        try:
            self.doc.reload()
        except (MaalscoreError, OSError) as exc:
            self.prompts.error(self.tr("Kan ikke genindlæse"), str(exc))
            return
        self._stale_on_disk = False
        self.undo.clear()
        self._refresh()
        self.rescore()
        self.reloaded.emit()

    # --- editing and scoring ---------------------------------------------------------------

    def _edit_requested(self, key: CellKey, text: str, mode: str, label: str) -> None:
        if self.doc is None:
            return
        if self.read_only:
            self.statusBar().showMessage(
                self.tr("Projektmappen er åbnet skrivebeskyttet og kan ikke rettes her."), 8000
            )
            return
        percent = self.doc.is_percent_cell(key)
        number_format: str | None = None
        if mode == "text":
            new: CellValue = text.strip() or None
        elif mode == "amount":
            typed = parse_amount(text, percent_cell=percent)
            new, number_format = typed.value, typed.number_format
        else:
            new = parse_input(text, percent_cell=percent)
        old = self.doc.value(key)
        old_format = self.doc.formats.get(key)
        if new == old and type(new) is type(old) and number_format == old_format:
            return
        what = self.tr("ændring af %1").replace("%1", label) if label else self.tr("ændring")
        self.undo.push(EditCommand(self, key, (old, old_format), (new, number_format), what))

    def apply_value(self, key: CellKey, value: CellValue, number_format: str | None = None) -> None:
        """Put a value in the document and rescore (called by the undo commands)."""
        if self.doc is None:
            return
        self.doc.set(key, value, number_format)
        self._refresh()
        self.rescore()

    def rescore(self) -> None:
        if self.doc is None:
            return
        self.busy_label.setText(self.tr("Beregner …"))
        self.rescorer.schedule(self.doc.grids)

    def recalculate(self) -> None:
        """F9/F5: read the file again if it changed on disk (edits kept on top), then score."""
        if self.doc is not None and self.doc.changed_on_disk() and self.doc.path.exists():
            self._read_from_disk()  # also rescores
            return
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
        self.shown = Shown.of(self.scored.evaluation if self.scored else None)
        shown = self.shown
        self.delegate.lang = shown.lang
        self.goal_model.refresh(shown, self.doc)
        self.summary.set_shown(shown)
        self.pay_panel.refresh(shown, self.doc)
        self.problems.set_issues(shown.issues)
        self._show_pay_tab(shown.plan is None or bool(shown.plan.people))
        self._show_header()
        self._show_problem_count()
        self._selection_changed()
        self._update_title()
        has_doc = self.doc is not None
        self.calc_action.setEnabled(has_doc)
        for action in (self.save_action, self.save_as_action):
            action.setEnabled(has_doc and not self.read_only)
        ready = shown.ok and shown.card is not None
        self.report_action.setEnabled(ready)
        self.send_action.setEnabled(ready and not self.read_only)

    def _show_pay_tab(self, has_pay: bool) -> None:
        """A plan without pay (no one on a Resultatløn sheet, the normal Swedish case) shows
        no pay anywhere: its tab is hidden, and neither Alt+L nor Ctrl+Tab reaches it."""
        if self.tabs.isTabVisible(TAB_PAY) == has_pay:
            return
        if not has_pay and self.tabs.currentIndex() == TAB_PAY:
            self.tabs.setCurrentIndex(TAB_GOALS)
        self.tabs.setTabVisible(TAB_PAY, has_pay)
        self.tabs.setTabEnabled(TAB_PAY, has_pay)

    def _show_header(self) -> None:
        shown = self.shown
        plan, card = shown.plan, shown.card
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
        self.file_label.setToolTip(where)
        errors = sum(1 for i in shown.issues if i.is_error)
        if shown.total is not None:
            total = shown.total
            self.score_label.setText(
                self.tr("Målopfyldelse %1 · %2 af %3 point")
                .replace("%1", fmt.pct(total.score_pct))
                .replace("%2", fmt.points(total.total_points))
                .replace("%3", fmt.points(total.max_points))
            )
            trend = self.scored.evaluation.trend if self.scored is not None else None
            if trend is not None and trend.last_score_pct is not None:
                self.score_label.setText(
                    self.score_label.text()
                    + " · "
                    + self.tr("sidste år %1").replace("%1", fmt.pct(trend.last_score_pct))
                )
        elif card is not None:
            self.score_label.setText(
                self.tr("I alt afventer rettelse af %1 fejl – se Problemer (F8)").replace(
                    "%1", str(errors)
                )
            )
        elif self.scored is not None:
            self.score_label.setText(self.tr("Kan ikke beregnes – se Problemer (F8)"))
        if self.rescorer.is_current() and self.scored is not None:
            parts = [
                self.tr("Beregnet %1").replace("%1", self.scored.computed_at.strftime("%H:%M:%S"))
            ]
            if self.doc.dirty:
                n = len(self.doc.edits)
                parts.append(
                    self.tr("1 ændret celle er ikke gemt")
                    if n == 1
                    else self.tr("%1 ændrede celler er ikke gemt").replace("%1", str(n))
                )
            if errors and shown.total is not None:
                parts.append(self.tr("%1 fejl – kan ikke gemmes").replace("%1", str(errors)))
            if self._stale_on_disk:
                parts.append(self.tr("filen er ændret på disken – F9 indlæser den"))
            self.busy_label.setText(" · ".join(parts))

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
        self._fit_problems()

    def _update_title(self, *_args: object) -> None:
        name = self.doc.path.name if self.doc else ""
        dirty = "*" if self.doc is not None and self.doc.dirty else ""
        if name and self.read_only:
            name += " " + self.tr("(skrivebeskyttet)")
        self.setWindowTitle(f"{name}{dirty} – Målscore" if name else "Målscore")

    def _selection_changed(self, *_args: QItemSelection) -> None:
        index = self.goal_view.currentIndex()
        row = self.goal_model.row_cache(index.row()) if index.isValid() else None
        shown = self.shown
        plan = shown.plan
        if row is None or plan is None or row.kind == "area":
            self.explanation.show_nothing()
            self.show_explanation_pane()
            return
        issues = row_issues(shown.issues, row.sheet, row.sheet_row)
        if row.kind == "milestone":
            m = next((m for m in plan.milestones if m.row == row.sheet_row), None)
            if m is not None:
                self.explanation.show_milestone(plan, m, self.doc, issues)
        else:
            goal = plan.goal(row.goal_id)
            if goal is not None:
                evaluation = self.scored.evaluation if self.scored else None
                trend = evaluation.trend.goal(goal.id) if evaluation and evaluation.trend else None
                self.explanation.show_goal(shown, goal, self.doc, issues, trend)
        self.show_explanation_pane()

    def jump_to(self, sheet: str, cell: str) -> bool:
        """Show the cell a problem points at (goals, milestones or pay); False if none."""
        plan = self.shown.plan
        try:
            sheet_row, sheet_col = parse_a1(cell.split(":")[0]) if cell else (-1, -1)
        except ValueError:
            sheet_row, sheet_col = -1, -1
        if plan is not None and plan.pay_layout is not None and sheet == plan.pay_layout.sheet:
            self.tabs.setCurrentIndex(TAB_PAY)
            self.pay_panel.select_sheet_row(sheet_row)
            self.pay_panel.view.setFocus()
            return True
        index = self.goal_model.find_cell(sheet, sheet_row, sheet_col)
        if not index.isValid():
            self.statusBar().showMessage(
                self.tr("%1!%2 vises ikke i tabellen; åbn projektmappen i Excel for at rette den.")
                .replace("%1", sheet)
                .replace("%2", cell),
                8000,
            )
            return False
        self.followup.selector.choose(None)  # problems are shown on the year's goal table
        self.tabs.setCurrentIndex(TAB_GOALS)
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

    def _refuse_errors(self, evaluation: Evaluation, doing: str) -> bool:
        """True (and a clear message) when the workbook has errors, so nothing is written."""
        if evaluation.ok:
            return False
        plan = evaluation.plan
        missing = sorted(
            p.name
            for p in (plan.people if plan else ())
            if (p.adjustment or p.withheld) and not p.reason
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
                "Projektmappen har %1 fejl. Ret dem (se listen Problemer, F8), og prøv igen."
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
        if dst is None:
            return False
        if dst.suffix.lower() not in (".xlsx", ".xlsm"):
            dst = dst.with_name(dst.name + ".xlsx")  # "plan" and "plan.v2" become .xlsx files
        return self._save_to(dst)

    def _save_to(self, dst: Path | None) -> bool:
        """Save the file's current inputs plus the edits, with results computed from exactly
        those inputs; a file changed on disk is read in first (asking how)."""
        if self.doc is None:
            return False
        if self.doc.changed_on_disk() and self.doc.path.exists():
            choice = self.prompts.conflict(self.doc.path.name)
            if choice is Conflict.CANCEL or not self._read_from_disk():
                return False
            if choice is Conflict.RELOAD:
                return False  # the user looks at the new numbers first
        elif not self.doc.path.exists():
            self.prompts.error(
                self.tr("Kan ikke gemme"),
                self.tr(
                    "'%1' findes ikke længere. Brug Gem som … for at gemme et andet sted."
                ).replace("%1", self.doc.path.name),
            )
            return False
        now = datetime.now()
        try:
            written = self.doc.save(dst, now=now)
        except (MaalscoreError, OSError) as exc:
            self.prompts.error(
                self.tr("Kan ikke gemme"),
                self.tr("Projektmappen blev ikke gemt; filen er uændret."),
                str(exc),
            )
            return False
        if not written.ok:
            self._on_scored(self.rescorer.score_now(self.doc.grids))
            self._refuse_errors(written, self.tr("Kan ikke gemme"))
            return False
        self.undo.setClean()
        self._stale_on_disk = False
        self.watcher.watch(self.doc.path.resolve())
        settings.add_recent(self.doc.path.resolve())
        self.statusBar().showMessage(self.tr("Gemt i %1").replace("%1", str(self.doc.path)), 8000)
        # What was written is what is shown: the results of exactly the saved inputs.
        self._on_scored(self.rescorer.adopt(written, now))
        self.saved.emit(self.doc.path)
        return True

    def _may_discard(self) -> bool:
        """Before the open document is replaced or closed: ask about unsaved edits."""
        if self.doc is None or not self.doc.dirty:
            return True
        choice = self.prompts.unsaved(self.doc.path.name)
        if choice is Unsaved.SAVE:
            return self.save()
        return choice is Unsaved.DISCARD

    # --- report and e-mail -----------------------------------------------------------------

    def _verified(self, doing: str) -> Verified | None:
        """The open workbook as `tjek` accepts it, which is what a report and a hand-in are
        made from (`calc.handin`). Unsaved edits, and a file Målscore has not calculated and
        saved, are saved first if the user agrees."""
        assert self.doc is not None
        if self.doc.dirty:
            choice = self.prompts.unsaved(self.doc.path.name)
            if choice is not Unsaved.SAVE or not self.save():
                return None
        elif self.doc.changed_on_disk() and not self._read_from_disk():
            return None
        scored = self._current()
        if scored is None or self._refuse_errors(scored.evaluation, doing):
            return None
        try:
            return verify(self.doc.path)
        except HandinError as exc:
            if exc.exit_code != EXIT_NOT_READY or self.read_only:  # a read-only look: no save
                self.prompts.error(doing, str(exc))
                return None
            if not self.prompts.save_first(self.doc.path.name, str(exc)) or not self.save():
                return None
        try:
            return verify(self.doc.path)
        except HandinError as exc:
            self.prompts.error(doing, str(exc))
            return None

    def export_report(self, path: Path | None = None) -> Path | None:
        """The årsrapport's report with pay, as PDF or Word (what `maalscore rapport` makes)."""
        if self.doc is None:
            return None
        if path is None:
            path = self.prompts.save_file(
                report_files(self.doc.path)[0],
                self.tr("Eksportér rapport"),
                self.tr("PDF-dokument (*.pdf);;Word-dokument (*.docx)"),
            )
            if path is None:
                return None
            if path.suffix.lower() not in (".pdf", ".docx"):
                path = path.with_name(path.name + ".pdf")
        verified = self._verified(self.tr("Kan ikke lave rapporten"))
        if verified is None:
            return None
        try:
            # the file dialog asked before an existing file is replaced
            write_new(path, report_bytes(verified, kind_of(path)), overwrite=True)
        except HandinError as exc:
            self.prompts.error(self.tr("Kan ikke skrive rapporten"), str(exc))
            return None
        self.statusBar().showMessage(self.tr("Rapport gemt i %1").replace("%1", str(path)), 8000)
        return path

    def _report_paths(self) -> tuple[Path, Path, bool] | None:
        """Where the report and the draft go, and whether they replace earlier ones; an
        earlier one is never overwritten unasked."""
        assert self.doc is not None
        pdf, eml = report_files(self.doc.path)
        existing = [p for p in (pdf, eml) if p.exists()]
        if not existing:
            return pdf, eml, False
        choice = self.prompts.overwrite(existing)
        if choice is Overwrite.CANCEL:
            return None
        if choice is Overwrite.NEW_NAME:
            return *free_report_files(self.doc.path), False
        return pdf, eml, True

    def send_to_ministry(self) -> Path | None:
        """The hand-in of `maalscore send`: the workbook encrypted (its password shown once)
        or a copy without pay, the report as PDF, the draft addressed and signed; the report
        and the .eml are kept next to the workbook and the draft is opened."""
        if self.doc is None:
            return None
        doing = self.tr("Kan ikke sende")
        verified = self._verified(doing)
        if verified is None:
            return None
        plan, card = verified.evaluation.plan, verified.evaluation.scorecard
        assert plan is not None and card is not None
        address = plan.ministry_email or settings.ministry_email(plan.ministry)

        def preview(d: SendDetails) -> str:
            notes = draft_notes(plan, without_pay=d.without_pay, report_with_pay=d.report_with_pay)
            return mail_body(plan, card, (), d.signature, notes)

        start = SendDetails(address, settings.signature())
        details = self.prompts.send_details(start, bool(plan.people), preview)
        if details is None:
            return None
        if details.to and not one_address(details.to):
            self.prompts.error(
                doing,
                self.tr("'%1' er ikke én e-mailadresse (fx post@fm.dk).").replace("%1", details.to),
            )
            return None
        settings.set_signature(details.signature)
        if details.to and details.to != plan.ministry_email:
            settings.set_ministry_email(plan.ministry, details.to)
        paths = self._report_paths()
        if paths is None:
            return None
        pdf, eml, overwrite = paths
        try:
            made = hand_in(
                verified,
                details.to,
                without_pay=details.without_pay,
                report_with_pay=details.report_with_pay,
                signature=details.signature,
            )
            write_new(pdf, made.report, overwrite=overwrite)
            write_new(eml, bytes(made.message), overwrite=overwrite)
        except (HandinError, ValueError) as exc:
            self.prompts.error(self.tr("Kan ikke lave e-mailen"), str(exc))
            return None
        if made.password:
            self.prompts.password(self.tr("Send til departement"), made.password)
        self._tell_sent(eml, pdf, details.to, self.open_url(QUrl.fromLocalFile(str(eml))))
        return eml

    def _tell_sent(self, eml: Path, pdf: Path, to: str, opened: bool) -> None:
        assert self.doc is not None
        where = (
            self.tr("E-mailen er gemt her:\n%1\n\nRapporten: %2\nProjektmappen: %3")
            .replace("%1", str(eml))
            .replace("%2", str(pdf))
            .replace("%3", str(self.doc.path))
        )
        if opened:
            text = (
                self.tr(
                    "Udkastet er sendt til dit mailprogram. Kontrollér det, og tryk Send."
                    " Åbner det ikke, så åbn filen herunder."
                )
                + "\n\n"
                + where
            )
        else:
            text = (
                self.tr(
                    "Der er intet mailprogram, der kan åbne udkastet. Åbn e-mailfilen herunder i "
                    "dit mailprogram (fx ved at trække den ind i det), og send den til %1: den "
                    "har projektmappen, som den skal sendes, og rapporten med."
                ).replace("%1", to or self.tr("departementet"))
                + "\n\n"
                + where
            )
        self.statusBar().showMessage(self.tr("E-mail gemt i %1").replace("%1", str(eml)), 10_000)
        self.prompts.sent(self.tr("Send til departement"), text, eml.parent)

    # --- closing ---------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._may_discard():
            event.ignore()
            return
        if self.batch is not None:
            self.batch.cancel()
            self.batch.close()
        if self.departement is not None:
            self.departement.close()
        self.watcher.watch(None)
        settings.save_window_state(self.saveGeometry(), self.saveState())
        event.accept()

    def _about(self) -> None:
        from calc import __version__

        self.prompts.info(
            self.tr("Om Målscore"),
            self.tr(
                "Målscore %1\n\nBeregner målopfyldelse, point og resultatløn i en mål- og "
                "resultatplan. Alle tal beregnes af Målscores kerne og kan forklares mål for mål."
            ).replace("%1", __version__),
        )


def first_window_size(width: int, height: int) -> tuple[int, int]:
    """The window's first size on a screen with this much room: all of a laptop's screen but
    a margin (1366×768 → 1326×728), 90 % of a larger one (1920×1080 → 1728×972)."""
    return (
        width - 40 if width <= 1600 else int(width * 0.9),
        height - 40 if height <= 900 else int(height * 0.9),
    )


def _installed_language() -> str:
    from desktop.app import ui_language

    return ui_language()


def _dropped_path(urls: list[QUrl]) -> Path | None:
    for url in urls:
        if url.isLocalFile():
            path = Path(url.toLocalFile())
            if path.is_dir() or path.suffix.lower() in {".xlsx", ".xlsm"}:
                return path
    return None
