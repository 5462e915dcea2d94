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
from typing import TYPE_CHECKING, TypeVar

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


Answer = TypeVar("Answer")


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

    def _question(
        self,
        icon: QMessageBox.Icon,
        title: str,
        text: str,
        informative: str,
        buttons: list[tuple[str, QMessageBox.ButtonRole, Answer | None]],
    ) -> tuple[QMessageBox, dict[object, Answer]]:
        """A question box with its buttons in order: the first is the default (the safe
        choice), the last the one Esc presses; each button maps to its answer, the last
        (cancel, later) to none, so the caller's fallback applies."""
        box = QMessageBox(self.window)
        box.setIcon(icon)
        box.setWindowTitle(title)
        box.setText(text)
        if informative:
            box.setInformativeText(informative)
        added = [(box.addButton(label, role), answer) for label, role, answer in buttons]
        box.setDefaultButton(added[0][0])
        box.setEscapeButton(added[-1][0])
        return box, {button: answer for button, answer in added if answer is not None}

    def conflict_box(self, name: str) -> tuple[QMessageBox, dict[object, Conflict]]:
        return self._question(
            QMessageBox.Icon.Warning,
            self.tr("Filen er ændret"),
            self.tr("'%1' er ændret på disken, siden du åbnede den (måske i Excel).").replace(
                "%1", name
            ),
            self.tr(
                "Genindlæs: hent filens nye indhold og læg dine ændringer ovenpå; intet gemmes "
                "endnu, så du kan se de nye tal først.\n"
                "Gem alligevel: det samme, og gem så med det samme. Resultaterne beregnes ud "
                "fra filens nye indhold plus dine ændringer.\n"
                "Annuller: gør ingenting."
            ),
            [
                (self.tr("Genindlæs"), QMessageBox.ButtonRole.AcceptRole, Conflict.RELOAD),
                (self.tr("Gem alligevel"), QMessageBox.ButtonRole.ActionRole, Conflict.SAVE),
                (self.tr("Annuller"), QMessageBox.ButtonRole.RejectRole, None),
            ],
        )

    def conflict(self, name: str) -> Conflict:
        box, answers = self.conflict_box(name)
        box.exec()
        return answers.get(box.clickedButton(), Conflict.CANCEL)

    def file_changed_box(self, name: str, edits: int) -> tuple[QMessageBox, dict[object, Reload]]:
        return self._question(
            QMessageBox.Icon.Question,
            self.tr("Filen er ændret"),
            self.tr("'%1' er ændret på disken (måske i Excel).").replace("%1", name)
            + " "
            + (
                self.tr("Du har 1 ændring, der ikke er gemt.")
                if edits == 1
                else self.tr("Du har %1 ændringer, der ikke er gemt.").replace("%1", str(edits))
            ),
            self.tr(
                "Genindlæs: hent filens nye indhold og behold dine ændringer ovenpå (hvor filen "
                "ikke selv er ændret i samme celle).\n"
                "Genindlæs og kassér: hent filens nye indhold og kassér dine ændringer.\n"
                "Senere: behold skærmen som den er; du bliver spurgt igen, når du gemmer."
            ),
            [
                (self.tr("Genindlæs"), QMessageBox.ButtonRole.AcceptRole, Reload.KEEP_MINE),
                (
                    self.tr("Genindlæs og kassér"),
                    QMessageBox.ButtonRole.DestructiveRole,
                    Reload.DISCARD_MINE,
                ),
                (self.tr("Senere"), QMessageBox.ButtonRole.RejectRole, None),
            ],
        )

    def file_changed(self, name: str, edits: int) -> Reload:
        box, answers = self.file_changed_box(name, edits)
        box.exec()
        return answers.get(box.clickedButton(), Reload.LATER)

    # --- unsaved edits, errors, information ------------------------------------------------

    def unsaved(self, name: str) -> Unsaved:
        box, answers = self._question(
            QMessageBox.Icon.Question,
            self.tr("Ikke gemte ændringer"),
            self.tr("Vil du gemme ændringerne i '%1'?").replace("%1", name),
            "",
            [
                (self.tr("Gem"), QMessageBox.ButtonRole.AcceptRole, Unsaved.SAVE),
                (self.tr("Gem ikke"), QMessageBox.ButtonRole.DestructiveRole, Unsaved.DISCARD),
                (self.tr("Annuller"), QMessageBox.ButtonRole.RejectRole, None),
            ],
        )
        box.exec()
        return answers.get(box.clickedButton(), Unsaved.CANCEL)

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
        names = "\n".join(str(p) for p in paths)
        box, answers = self._question(
            QMessageBox.Icon.Question,
            self.tr("Filen findes allerede"),
            self.tr("Der ligger allerede en tidligere rapport:\n%1").replace("%1", names),
            self.tr(
                "Nyt navn: gem den nye ved siden af, fx '… (2).pdf'. Den gamle bliver liggende."
            ),
            [
                (self.tr("Nyt navn"), QMessageBox.ButtonRole.AcceptRole, Overwrite.NEW_NAME),
                (self.tr("Overskriv"), QMessageBox.ButtonRole.DestructiveRole, Overwrite.OVERWRITE),
                (self.tr("Annuller"), QMessageBox.ButtonRole.RejectRole, None),
            ],
        )
        box.exec()
        return answers.get(box.clickedButton(), Overwrite.CANCEL)

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
