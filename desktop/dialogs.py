"""Every question the app asks the user, in one replaceable object.

The main window never calls QMessageBox or QFileDialog directly; it asks `Prompts`. Tests swap in
an object with the same methods and scripted answers, so no dialog ever blocks a test run.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

if TYPE_CHECKING:
    from desktop.newyear import NewYearChoice


class Conflict(Enum):
    OVERWRITE = "overwrite"
    RELOAD = "reload"
    CANCEL = "cancel"


class Unsaved(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class Prompts(QObject):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.window = parent

    def conflict(self, name: str) -> Conflict:
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Filen er ændret"))
        box.setText(
            self.tr("'%1' er ændret på disken, siden du åbnede den (måske i Excel).").replace(
                "%1", name
            )
        )
        box.setInformativeText(
            self.tr(
                "Overskriv: gem dine ændringer oven i filen, så de andre ændringer går tabt.\n"
                "Genindlæs: hent filens nye indhold; dine ikke-gemte ændringer kasseres.\n"
                "Annuller: gør ingenting."
            )
        )
        overwrite = box.addButton(self.tr("Overskriv"), QMessageBox.ButtonRole.DestructiveRole)
        reload = box.addButton(self.tr("Genindlæs"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(self.tr("Annuller"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        clicked = box.clickedButton()
        if clicked is overwrite:
            return Conflict.OVERWRITE
        if clicked is reload:
            return Conflict.RELOAD
        return Conflict.CANCEL

    def unsaved(self, name: str) -> Unsaved:
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Ikke gemte ændringer"))
        box.setText(self.tr("Vil du gemme ændringerne i '%1'?").replace("%1", name))
        save = box.addButton(self.tr("Gem"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(self.tr("Gem ikke"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("Annuller"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)
        box.exec()
        clicked = box.clickedButton()
        if clicked is save:
            return Unsaved.SAVE
        if clicked is discard:
            return Unsaved.DISCARD
        return Unsaved.CANCEL

    def error(self, title: str, text: str, details: str = "") -> None:
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(title)
        box.setText(text)
        if details:
            box.setDetailedText(details)
        box.exec()

    def info(self, title: str, text: str) -> None:
        QMessageBox.information(self.window, title, text)

    def open_file(self, folder: Path) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Åbn projektmappe"),
            str(folder),
            self.tr("Excel-projektmapper (*.xlsx *.xlsm)"),
        )
        return Path(name) if name else None

    def save_file(self, suggested: Path, title: str, file_filter: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(self.window, title, str(suggested), file_filter)
        return Path(name) if name else None

    def new_year(self, current: Path, year: int | None) -> NewYearChoice | None:
        """Filer › Nyt år …: the new year, the new file and whether to move the deadlines."""
        from desktop.newyear import ask_new_year

        return ask_new_year(self.window, current, year)

    def folder(self, start: Path) -> Path | None:
        name = QFileDialog.getExistingDirectory(
            self.window, self.tr("Vælg en mappe med projektmapper"), str(start)
        )
        return Path(name) if name else None
