"""Start the desktop app: `maalscore app [FIL]` calls `run`, the `maalscore-app` script `main`.

Importing this module is cheap (no Qt, no pandas): Qt and the window are imported inside `run`,
so `maalscore --help` stays fast. Unexpected exceptions end in an error dialog, not a crash.
"""

from __future__ import annotations

import os
import sys
import time
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from desktop.mainwindow import MainWindow

I18N = Path(__file__).resolve().parent / "i18n"
# Set by bench/app_start.py: print a line and quit as soon as the scored plan is on screen.
READY_ENV = "MAALSCORE_EXIT_WHEN_READY"


LANGUAGES = {"da": "da_DK", "sv": "sv_SE"}
_OURS = "maalscore-translator"


def install_translator(app: QApplication, language: str = "") -> str:
    """Switch the interface to `language` (`da`, `sv`; "" = the system's), now.

    Loads `maalscore_<lang>.qm` (the source texts are Danish) and Qt's own `qtbase_<lang>.qm`
    from PySide6, so file dialogs and standard buttons follow; removes the translators of the
    language before. Installing and removing translators sends every window a LanguageChange
    event, on which it retranslates itself. Returns the language used.
    """
    from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

    wanted = language or QLocale.system().name().split("_")[0]
    wanted = wanted if wanted in LANGUAGES else "da"
    installed = [t for t in app.findChildren(QTranslator) if t.objectName() == _OURS]
    if app.property(_OURS) == wanted and installed:
        return wanted  # nothing to change: no LanguageChange for every window
    for old in installed:
        app.removeTranslator(old)
        old.setParent(None)
    lang = wanted
    app.setProperty(_OURS, lang)
    QLocale.setDefault(QLocale(LANGUAGES[lang]))
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    files = [Path(qt_folder) / f"qtbase_{lang}.qm"]
    if lang != "da":
        files.append(I18N / f"maalscore_{lang}.qm")
    for file in files:
        translator = QTranslator(app)
        translator.setObjectName(_OURS)
        if translator.load(str(file)):
            app.installTranslator(translator)
        elif file.parent == I18N:
            return install_translator(app, "da")
    # Deliver the LanguageChange events now, so every window is in the new language when
    # this returns (and retranslates once per change, not later).
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    return lang


def ui_language() -> str:
    """The interface's language (`da` or `sv`), as set by `install_translator`."""
    from PySide6.QtCore import QLocale

    return "sv" if QLocale().language() == QLocale.Language.Swedish else "da"


def _error_hook(window: MainWindow | None) -> None:
    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        details = "".join(traceback.format_exception(kind, exc, tb))
        sys.stderr.write(details)
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtWidgets import QMessageBox

        translate = QCoreApplication.translate
        box = QMessageBox(window)
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(translate("App", "Uventet fejl"))
        box.setText(
            translate(
                "App",
                "Der opstod en uventet fejl. Programmet kører videre, men gem dit arbejde "
                "under et nyt navn, hvis du er i tvivl.",
            )
        )
        box.setDetailedText(details)
        box.exec()

    sys.excepthook = hook


def create_app(argv: list[str] | None = None) -> QApplication:
    from PySide6.QtWidgets import QApplication

    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName("Målscore")
    app.setApplicationName("Målscore")
    app.setApplicationDisplayName("Målscore")
    return app


def run(file: Path | None = None) -> int:
    """Show the main window (with `file` open, if given) and run until it is closed."""
    started = time.perf_counter()
    app = create_app()
    from desktop import settings
    from desktop.mainwindow import MainWindow

    install_translator(app, settings.language())
    window = MainWindow()
    _error_hook(window)
    if os.environ.get(READY_ENV):
        window.evaluated.connect(lambda: _ready(app, started))
    window.show()
    if file is not None:
        window.open_path(Path(file))
    return int(app.exec())


def _ready(app: QApplication, started: float) -> None:
    """Bench mode: report once the scored window has been painted, then quit."""
    from PySide6.QtCore import QTimer

    app.processEvents()
    print(f"ready {time.perf_counter() - started:.3f}", flush=True)
    QTimer.singleShot(0, app.quit)


def main(argv: list[str] | None = None) -> int:
    from calc.cli import DanishArgumentParser

    parser = DanishArgumentParser(
        prog="maalscore-app", description="Målscore: skrivebordsprogrammet."
    )
    parser.add_argument(
        "file", nargs="?", type=Path, metavar="FIL", help="projektmappen, der åbnes"
    )
    args = parser.parse_args(argv if argv is not None else sys.argv[1:])
    return run(args.file)


if __name__ == "__main__":
    sys.exit(main())
