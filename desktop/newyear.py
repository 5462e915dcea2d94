"""*Filer › Nyt år …*: next year's plan from the open one (`calc.rollover`), in the background.

The window asks through `Prompts.new_year` (the year, whether to move the deadlines, the new
file, whether to open it), so tests answer for the user. The roll-over reads the file as saved:
unsaved edits are offered to be saved first.
"""

from __future__ import annotations

import re
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from calc.errors import MaalscoreError
from calc.rollover import RollOver, rollover_file
from desktop.dialogs import Unsaved

if TYPE_CHECKING:
    from desktop.mainwindow import MainWindow


@dataclass(frozen=True)
class NewYearChoice:
    """What the user chose in the Nyt år dialog."""

    path: Path
    year: int
    move_dates: bool = True
    open_after: bool = True


def suggested_path(current: Path, year: int | None, new: int) -> Path:
    """`Plan 2025.xlsx` → `Plan 2026.xlsx`; a name without the year gets ` 2026`."""
    stem = current.stem
    if year is not None and str(year) in stem:
        stem = re.sub(rf"(?<![0-9]){year}(?![0-9])", str(new), stem)
    else:
        stem = f"{stem} {new}"
    return current.with_name(stem + current.suffix)


class NewYearDialog(QDialog):
    def __init__(self, parent: QWidget | None, current: Path, year: int | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Nyt år"))
        new = (year or 2025) + 1
        self.year = QSpinBox()
        self.year.setRange(1900, 2200)
        self.year.setValue(new)
        self.move_dates = QCheckBox(
            self.tr("Flyt fristerne ét år frem (29. februar bliver 28. februar)")
        )
        self.move_dates.setChecked(True)
        self.open_after = QCheckBox(self.tr("Åbn den nye plan bagefter"))
        self.open_after.setChecked(True)
        self.path = QLineEdit(str(suggested_path(current, year, new)))
        browse = QPushButton(self.tr("Vælg …"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form = QFormLayout(self)
        form.addRow(self.tr("&År:"), self.year)
        form.addRow(self.tr("&Ny fil:"), row)
        form.addRow(self.move_dates)
        form.addRow(self.open_after)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Gem næste års plan som"), self.path.text(),
            self.tr("Excel-projektmappe (*.xlsx)"),
        )  # fmt: skip
        if name:
            self.path.setText(name if name.lower().endswith(".xlsx") else name + ".xlsx")

    def choice(self) -> NewYearChoice:
        return NewYearChoice(
            Path(self.path.text().strip()),
            self.year.value(),
            self.move_dates.isChecked(),
            self.open_after.isChecked(),
        )


def ask_new_year(parent: QWidget, current: Path, year: int | None) -> NewYearChoice | None:
    dialog = NewYearDialog(parent, current, year)
    return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None


class _Signals(QObject):
    done = Signal(object)  # RollOver
    failed = Signal(str, str)  # message, details


class RolloverJob(QRunnable):
    def __init__(self, src: Path, choice: NewYearChoice) -> None:
        super().__init__()
        self.src, self.choice = src, choice
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = rollover_file(
                self.src, self.choice.path, self.choice.year, move_dates=self.choice.move_dates
            )
        except (MaalscoreError, OSError) as exc:
            self.signals.failed.emit(str(exc), "")
            return
        except Exception:  # shown to the user by the window
            self.signals.failed.emit("", traceback.format_exc())
            return
        self.signals.done.emit(result)


class NewYearAction(QObject):
    """The menu item and what it does."""

    finished = Signal(object)  # RollOver (ok or with errors)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.action = QAction(self.tr("&Nyt år …"), window)
        self.action.setObjectName("newYearAction")
        self.action.setStatusTip(self.tr("Lav næste års plan ud fra den åbne"))
        self.action.triggered.connect(lambda _checked=False: self.start())
        self.job: RolloverJob | None = None
        self.choice: NewYearChoice | None = None

    def start(self) -> bool:
        """Ask, then roll over in the background; False when nothing was started."""
        w = self.window
        doc = w.doc
        if doc is None:
            return False
        if doc.dirty:
            answer = w.prompts.unsaved(doc.path.name)
            if answer is Unsaved.CANCEL or (answer is Unsaved.SAVE and not w.save()):
                return False
        plan = w.scored.evaluation.plan if w.scored else None
        choice = w.prompts.new_year(doc.path, plan.year if plan else None)
        if choice is None:
            return False
        self.choice = choice
        self.job = RolloverJob(doc.path, choice)
        self.job.setAutoDelete(False)
        self.job.signals.done.connect(self._done)
        self.job.signals.failed.connect(self._failed)
        w.statusBar().showMessage(self.tr("Laver næste års plan …"))
        QThreadPool.globalInstance().start(self.job)
        return True

    def _done(self, result: RollOver) -> None:
        w, choice = self.window, self.choice
        assert choice is not None
        w.statusBar().clearMessage()
        if not result.ok:
            errors = [f"{i.location()}: {i.message}" for i in result.issues if i.is_error]
            w.prompts.error(
                self.tr("Nyt år"),
                self.tr("Projektmappen har fejl, så næste års plan er ikke lavet. Ret dem først."),
                "\n".join(errors),
            )
            self.finished.emit(result)
            return
        text = (
            self.tr("Planen for %1 er gemt i %2.")
            .replace("%1", str(result.year))
            .replace("%2", str(choice.path))
        )
        warnings = [f"{i.location()}: {i.message}" for i in result.issues]
        if warnings:
            text += "\n\n" + self.tr("Se efter:") + "\n" + "\n".join(warnings[:12])
        w.prompts.info(self.tr("Nyt år"), text)
        self.finished.emit(result)
        if choice.open_after:
            w.open_path(choice.path)

    def _failed(self, message: str, details: str) -> None:
        self.window.statusBar().clearMessage()
        self.window.prompts.error(
            self.tr("Nyt år"),
            message or self.tr("Næste års plan kunne ikke laves på grund af en uventet fejl."),
            details,
        )
