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

from desktop.dialogs import Conflict, Unsaved
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
    unsaved_answer: Unsaved = Unsaved.CANCEL
    save_path: Path | None = None
    open_path: Path | None = None
    folder_path: Path | None = None
    new_year_answer: NewYearChoice | None = None
    asked: list[str] = field(default_factory=list)
    errors: list[tuple[str, str, str]] = field(default_factory=list)
    infos: list[tuple[str, str]] = field(default_factory=list)

    def conflict(self, name: str) -> Conflict:
        self.asked.append("conflict")
        return self.conflict_answer

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
