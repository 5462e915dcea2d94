"""Every question the app asks the user, in one replaceable object.

The main window never calls QMessageBox or QFileDialog directly; it asks `Prompts`. Tests swap in
an object with the same methods and scripted answers, so no dialog ever blocks a test run. Each
question is built by a `*_box` method and shown by the one that asks, so the screenshots can
show the same dialog without waiting for an answer.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from desktop.newyear import NewYearChoice


class Conflict(Enum):
    """Saving while the file was changed on disk since it was read."""

    RELOAD = "reload"  # read the file again, my edits on top; save nothing yet
    SAVE = "save"  # the same, then save at once
    CANCEL = "cancel"


class Reload(Enum):
    """The open file was changed on disk (in Excel) while the user has unsaved edits."""

    KEEP_MINE = "keep"  # read it again and put my edits back on top where they do not collide
    DISCARD_MINE = "discard"
    LATER = "later"


class Unsaved(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class Overwrite(Enum):
    NEW_NAME = "new"
    OVERWRITE = "overwrite"
    CANCEL = "cancel"


@dataclass(frozen=True)
class SendDetails:
    """What the user chose in *Send til departement*. By default the workbook travels
    encrypted (its password given another way) and the report without pay; `without_pay`
    attaches a copy with no pay instead (not encrypted), `report_with_pay` a report with pay,
    encrypted with the workbook's password (`calc.handin.hand_in`)."""

    to: str
    signature: str
    without_pay: bool = False
    report_with_pay: bool = False


class Prompts(QObject):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.window = parent

    # --- the file changed on disk ----------------------------------------------------------

    def conflict_box(self, name: str) -> tuple[QMessageBox, dict[object, Conflict]]:
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
                "Genindlæs: hent filens nye indhold og læg dine ændringer ovenpå; intet gemmes "
                "endnu, så du kan se de nye tal først.\n"
                "Gem alligevel: det samme, og gem så med det samme. Resultaterne beregnes ud "
                "fra filens nye indhold plus dine ændringer.\n"
                "Annuller: gør ingenting."
            )
        )
        reload = box.addButton(self.tr("Genindlæs"), QMessageBox.ButtonRole.AcceptRole)
        save = box.addButton(self.tr("Gem alligevel"), QMessageBox.ButtonRole.ActionRole)
        cancel = box.addButton(self.tr("Annuller"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(reload)
        box.setEscapeButton(cancel)
        return box, {reload: Conflict.RELOAD, save: Conflict.SAVE}

    def conflict(self, name: str) -> Conflict:
        box, answers = self.conflict_box(name)
        box.exec()
        return answers.get(box.clickedButton(), Conflict.CANCEL)

    def file_changed_box(self, name: str, edits: int) -> tuple[QMessageBox, dict[object, Reload]]:
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Filen er ændret"))
        box.setText(
            self.tr("'%1' er ændret på disken (måske i Excel).").replace("%1", name)
            + " "
            + (
                self.tr("Du har 1 ændring, der ikke er gemt.")
                if edits == 1
                else self.tr("Du har %1 ændringer, der ikke er gemt.").replace("%1", str(edits))
            )
        )
        box.setInformativeText(
            self.tr(
                "Genindlæs: hent filens nye indhold og behold dine ændringer ovenpå (hvor filen "
                "ikke selv er ændret i samme celle).\n"
                "Genindlæs og kassér: hent filens nye indhold og kassér dine ændringer.\n"
                "Senere: behold skærmen som den er; du bliver spurgt igen, når du gemmer."
            )
        )
        keep = box.addButton(self.tr("Genindlæs"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(
            self.tr("Genindlæs og kassér"), QMessageBox.ButtonRole.DestructiveRole
        )
        later = box.addButton(self.tr("Senere"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(later)
        return box, {keep: Reload.KEEP_MINE, discard: Reload.DISCARD_MINE}

    def file_changed(self, name: str, edits: int) -> Reload:
        box, answers = self.file_changed_box(name, edits)
        box.exec()
        return answers.get(box.clickedButton(), Reload.LATER)

    # --- unsaved edits, errors, information ------------------------------------------------

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

    def overwrite(self, paths: list[Path]) -> Overwrite:
        """Files of these names exist already (an earlier report): overwrite them?"""
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Filen findes allerede"))
        names = "\n".join(str(p) for p in paths)
        box.setText(self.tr("Der ligger allerede en tidligere rapport:\n%1").replace("%1", names))
        box.setInformativeText(
            self.tr(
                "Nyt navn: gem den nye ved siden af, fx '… (2).pdf'. Den gamle bliver liggende."
            )
        )
        new = box.addButton(self.tr("Nyt navn"), QMessageBox.ButtonRole.AcceptRole)
        replace = box.addButton(self.tr("Overskriv"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("Annuller"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(new)
        box.exec()
        clicked = box.clickedButton()
        if clicked is new:
            return Overwrite.NEW_NAME
        if clicked is replace:
            return Overwrite.OVERWRITE
        return Overwrite.CANCEL

    def send_details(
        self, start: SendDetails, has_pay: bool, preview: Callable[[SendDetails], str]
    ) -> SendDetails | None:
        dialog = SendDialog(self.window, start, has_pay, preview)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.details()

    def save_first(self, name: str, reason: str) -> bool:
        """The workbook on disk is not as Målscore calculated it: save it now (with results
        and stamp), so the report and the draft carry numbers `tjek` accepts?"""
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Gem først"))
        box.setText(
            self.tr(
                "'%1' er ikke gemt med Målscores beregning, så departementet kan ikke kontrollere "
                "tallene. Gem projektmappen med resultaterne nu?"
            ).replace("%1", name)
        )
        box.setDetailedText(reason)
        save = box.addButton(self.tr("Gem"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Annuller"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)
        box.exec()
        return box.clickedButton() is save

    def password(self, title: str, password: str) -> None:
        """Show the attachment's password once, to be given to the receiver another way."""
        self.password_box(title, password).exec()

    def password_box(self, title: str, password: str) -> QMessageBox:
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(title)
        box.setText(self.tr("Adgangskoden til projektmappen:\n\n%1").replace("%1", password))
        box.setInformativeText(
            self.tr(
                "Skriv den ned nu: den vises kun denne ene gang og står ikke i e-mailen. Giv "
                "den til modtageren ad en anden vej, fx pr. telefon eller sms."
            )
        )
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.addButton(QMessageBox.StandardButton.Ok)
        return box

    def sent(self, title: str, text: str, folder: Path) -> None:
        """Tell where the draft is, with a button that opens its folder."""
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(title)
        box.setText(text)
        show = box.addButton(self.tr("Åbn mappen"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Ok)
        box.exec()
        if box.clickedButton() is show:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    # --- files -----------------------------------------------------------------------------

    def open_file(self, folder: Path) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Åbn projektmappe"),
            str(folder),
            self.tr("Excel-projektmapper (*.xlsx *.xlsm)"),
        )
        return Path(name) if name else None

    def save_file(self, suggested: Path, title: str, file_filter: str) -> Path | None:
        name, chosen = QFileDialog.getSaveFileName(self.window, title, str(suggested), file_filter)
        return with_filter_suffix(Path(name), chosen) if name else None

    def new_year(self, current: Path, year: int | None) -> NewYearChoice | None:
        """Filer › Nyt år …: the new year, the new file and whether to move the deadlines."""
        from desktop.newyear import ask_new_year

        return ask_new_year(self.window, current, year)

    def folder(self, start: Path) -> Path | None:
        name = QFileDialog.getExistingDirectory(
            self.window, self.tr("Vælg en mappe med projektmapper"), str(start)
        )
        return Path(name) if name else None


def with_filter_suffix(path: Path, chosen: str) -> Path:
    """A name typed without a suffix gets the one of the file type chosen in the dialog
    ("rapport" with "Word-dokument (*.docx)" → rapport.docx); other names stay as typed."""
    found = re.search(r"\(\*(\.[A-Za-z0-9]+)", chosen)
    if path.suffix or found is None:
        return path
    return path.with_name(path.name + found.group(1))


class SendDialog(QDialog):
    """To whom, signed by whom, how the workbook travels, and the message as it will read."""

    def __init__(
        self,
        parent: QWidget,
        start: SendDetails,
        has_pay: bool,
        preview: Callable[[SendDetails], str],
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Send til departement"))
        self.preview_fn = preview
        self.to = QLineEdit(start.to)
        self.to.setObjectName("sendTo")
        self.to.setPlaceholderText(self.tr("fx post@fm.dk"))
        self.signature = QPlainTextEdit(start.signature)
        self.signature.setObjectName("sendSignature")
        self.signature.setTabChangesFocus(True)
        self.signature.setPlaceholderText(self.tr("Navn\nStilling\nInstitution, telefon"))
        self.signature.setFixedHeight(80)
        self.without_pay = QCheckBox(
            self.tr("Send en &kopi uden resultatløn (ikke krypteret), fx til videre omdeling")
        )
        self.without_pay.setChecked(start.without_pay)
        self.report_with_pay = QCheckBox(
            self.tr("&Rapporten med resultatløn (krypteret med samme adgangskode)")
        )
        self.report_with_pay.setChecked(start.report_with_pay)
        for box in (self.without_pay, self.report_with_pay):
            box.setVisible(has_pay)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setTabChangesFocus(True)
        self.travel = QLabel()
        self.travel.setWordWrap(True)
        form = QFormLayout()
        to_label = QLabel(self.tr("&Til:"))
        to_label.setBuddy(self.to)
        form.addRow(to_label, self.to)
        sig_label = QLabel(self.tr("&Underskrift:"))
        sig_label.setBuddy(self.signature)
        form.addRow(sig_label, self.signature)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Lav e-mailen"))
        ok.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.without_pay)
        layout.addWidget(self.report_with_pay)
        layout.addWidget(QLabel(self.tr("Beskeden:")))
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.travel)
        layout.addWidget(buttons)
        self.resize(620, 600)
        self.to.textChanged.connect(self._update)
        self.signature.textChanged.connect(self._update)
        self.without_pay.toggled.connect(self._update)
        self.report_with_pay.toggled.connect(self._update)
        self._update()

    def _update(self) -> None:
        self.report_with_pay.setEnabled(not self.without_pay.isChecked())
        details = self.details()
        self.preview.setPlainText(self.preview_fn(details))
        if details.without_pay:
            travel = self.tr(
                "Kopien uden resultatløn og rapporten (PDF) vedhæftes. Underskriften huskes."
            )
        else:
            travel = self.tr(
                "Projektmappen vedhæftes krypteret; adgangskoden vises én gang, når e-mailen er "
                "lavet. Rapporten (PDF) vedhæftes. Underskriften huskes."
            )
        self.travel.setText(travel)

    def details(self) -> SendDetails:
        without = self.without_pay.isChecked()
        return SendDetails(
            self.to.text().strip(),
            self.signature.toPlainText().strip(),
            without_pay=without,
            report_with_pay=self.report_with_pay.isChecked() and not without,
        )
