"""Fixtures for the desktop app: isolated settings, example copies, a window that never blocks.

Every test gets its own QSettings folder (the real user's configuration is never touched) and a
window whose questions are answered by `FakePrompts` instead of modal dialogs.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QSettings

from desktop.dialogs import Conflict, Overwrite, Reload, SendDetails, Unsaved
from desktop.mainwindow import MainWindow
from desktop.newyear import NewYearChoice
from tests.conftest import WORKBOOKS

EXAMPLE_000 = WORKBOOKS / "eksempel-000-hjemrejsestyrelsen-2025.xlsx"
EXAMPLE_002 = WORKBOOKS / "eksempel-002-siri-2024.xlsx"
EXAMPLE_003 = WORKBOOKS / "eksempel-003-migrationsverket-2008.xlsx"


@dataclass
class FakePrompts:
    """Scripted answers; every question asked is recorded so tests can check it was asked."""

    conflict_answer: Conflict = Conflict.CANCEL
    reload_answer: Reload = Reload.KEEP_MINE
    unsaved_answer: Unsaved = Unsaved.CANCEL
    overwrite_answer: Overwrite = Overwrite.NEW_NAME
    send_answer: SendDetails | None = field(
        default_factory=lambda: SendDetails("post@uim.dk", "Jens Hansen\nØkonomichef")
    )
    save_path: Path | None = None
    open_path: Path | None = None
    folder_path: Path | None = None
    new_year_answer: NewYearChoice | None = None
    asked: list[str] = field(default_factory=list)
    errors: list[tuple[str, str, str]] = field(default_factory=list)
    infos: list[tuple[str, str]] = field(default_factory=list)
    save_first_answer: bool = True
    sends: list[tuple[str, str, str]] = field(default_factory=list)  # to, signature, preview
    passwords: list[str] = field(default_factory=list)
    sent_texts: list[tuple[str, str, Path]] = field(default_factory=list)
    overwrites: list[list[Path]] = field(default_factory=list)

    def conflict(self, name: str) -> Conflict:
        self.asked.append("conflict")
        return self.conflict_answer

    def file_changed(self, name: str, edits: int) -> Reload:
        self.asked.append("file_changed")
        return self.reload_answer

    def overwrite(self, paths: list[Path]) -> Overwrite:
        self.asked.append("overwrite")
        self.overwrites.append(list(paths))
        return self.overwrite_answer

    def send_details(self, start: SendDetails, has_pay: bool, preview) -> SendDetails | None:  # type: ignore[no-untyped-def]
        self.asked.append("send")
        answer = self.send_answer
        self.sends.append((start.to, start.signature, preview(answer or start)))
        return answer

    def save_first(self, name: str, reason: str) -> bool:
        self.asked.append("save_first")
        return self.save_first_answer

    def password(self, title: str, password: str) -> None:
        self.passwords.append(password)

    def sent(self, title: str, text: str, folder: Path) -> None:
        self.sent_texts.append((title, text, folder))

    def unsaved(self, name: str) -> Unsaved:
        self.asked.append("unsaved")
        return self.unsaved_answer

    def error(self, title: str, text: str, details: str = "") -> None:
        self.errors.append((title, text, details))

    def info(self, title: str, text: str) -> None:
        self.infos.append((title, text))

    def open_file(self, folder: Path) -> Path | None:
        return self.open_path

    def save_file(self, suggested: Path, title: str, file_filter: str) -> Path | None:
        return self.save_path

    def folder(self, start: Path) -> Path | None:
        return self.folder_path

    def new_year(self, current: Path, year: int | None) -> NewYearChoice | None:
        self.asked.append("new_year")
        return self.new_year_answer


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path) -> Iterator[Path]:
    config = tmp_path / "config"
    config.mkdir()
    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(config))
    yield config


@pytest.fixture(autouse=True)
def danish_afterwards(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """A test that switches the language leaves the next one in Danish; the windows of earlier
    tests (closed, deleted later) are gone first, so they do not retranslate too."""
    from PySide6.QtCore import QCoreApplication, QEvent

    from desktop.app import install_translator

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    install_translator(qapp, "da")
    yield
    install_translator(qapp, "da")


@pytest.fixture
def example(tmp_path: Path) -> Path:
    """A private copy of example 000 (the originals are never modified)."""
    dst = tmp_path / "hjemrejsestyrelsen.xlsx"
    shutil.copy2(EXAMPLE_000, dst)
    return dst


@pytest.fixture
def prompts() -> FakePrompts:
    return FakePrompts()


@pytest.fixture
def window(qtbot, prompts: FakePrompts) -> MainWindow:  # type: ignore[no-untyped-def]
    w = MainWindow()
    w.prompts = prompts  # type: ignore[assignment]
    w.open_url = lambda url: True
    qtbot.addWidget(w)
    w.show()
    return w


def open_scored(qtbot, window: MainWindow, path: Path) -> None:  # type: ignore[no-untyped-def]
    """Open a workbook and wait until its scored plan is on screen."""
    with qtbot.waitSignal(window.evaluated, timeout=10_000):
        assert window.open_path(path)


def goal_row(window: MainWindow, goal_id: str, kind: str = "goal") -> int:
    """The table row of a goal (or, with kind="milestone", of a goal's first milestone)."""
    model = window.goal_model
    for r in range(model.rowCount()):
        cache = model.row_cache(r)
        if cache is not None and cache.kind == kind and cache.goal_id == goal_id:
            return r
    raise AssertionError(f"{kind} {goal_id} not in the table")


def shown(window: MainWindow, goal_id: str, col: int, role: int = 0) -> object:
    """What the goals table shows (DisplayRole) or gives for `role` in a goal's cell."""
    model = window.goal_model
    return model.data(model.index(goal_row(window, goal_id), col), role)


def type_in(qtbot, window: MainWindow, goal_id: str, col: int, text: str) -> None:  # type: ignore[no-untyped-def]
    """F2 on the cell, type, Enter: as a user at the keyboard; waits for the new score."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QLineEdit

    index = window.goal_model.index(goal_row(window, goal_id), col)
    window.goal_view.setCurrentIndex(index)
    window.goal_view.setFocus()
    qtbot.keyClick(window.goal_view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit), editor
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    with qtbot.waitSignal(window.evaluated, timeout=10_000):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
