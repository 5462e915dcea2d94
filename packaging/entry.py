"""The packaged Målscore program (PyInstaller): the desktop app and the command line in one.

    Målscore                              the desktop app
    Målscore FIL.xlsx                     the app with the workbook open
    maalscore beregn|tjek|skabelon|addin lite ...   the command line, as `maalscore` in Python
    maalscore selvtest [MAPPE]            installation check (see `selvtest`)

The folder holds two programs built from this one script: `Målscore` (a window, no console on
Windows) and `maalscore` (a console program, for the command line and for IT's checks). The
example workbooks and the template travel in the folder (`_internal/workbooks`), and the source
of `calc/` and the add-in glue in `_internal/kilde`, so `maalscore addin lite` can embed it.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

STARTED = time.perf_counter()

# The command line's subcommands (every one of calc.cli's; tests/packaging/test_entry.py holds
# them equal); anything else starts the app.
CLI_COMMANDS = frozenset(
    {
        *("beregn", "tjek", "skabelon", "samle", "rapport", "send", "addin", "app"),
        *("opfølgning", "opfoelgning", "uppföljning", "uppfoljning"),
        *("nyt-år", "nyt-aar", "nytt-år", "nytt-ar"),
        *("-h", "--help"),
    }
)
SELFTEST = "selvtest"
EXAMPLE = "eksempel-000-hjemrejsestyrelsen-2025.xlsx"

NO_ADDIN = (
    "Excel-tilføjelsesprogrammet med Beregn-knappen kræver Python på pc'en og kan ikke bygges fra "
    "den pakkede Målscore. Brug 'maalscore addin lite --ud MAPPE' (xlwings Lite, intet skal "
    "installeres), eller se docs/udrulning.md."
)


def bundle_dir() -> Path:
    """Where the packaged data lies (`_internal` next to the programs), or the repository."""
    meipass = getattr(sys, "_MEIPASS", None)
    return Path(meipass) if meipass else Path(__file__).resolve().parents[1]


def examples_dir() -> Path:
    return bundle_dir() / "workbooks"


def selftest(out_dir: Path | None) -> int:
    """Open the bundled example in the real main window (offscreen when there is no screen),
    score it, save a copy with the stamp into `out_dir`, check the copy with `tjek`, close.
    Prints what it did and how long the start took; exit 0 only when every step worked."""
    if not os.environ.get("DISPLAY") and sys.platform.startswith("linux"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QSettings, QTimer

    from calc.check import check_file
    from desktop.app import create_app
    from desktop.mainwindow import MainWindow

    config = tempfile.mkdtemp(prefix="maalscore-selvtest-")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, config)
    app = create_app(["Målscore"])
    window = MainWindow()
    window.show()
    loop = QEventLoop()
    window.evaluated.connect(loop.quit)
    QTimer.singleShot(60_000, loop.quit)
    source = examples_dir() / EXAMPLE
    if not window.open_path(source):
        print(f"Selvtest: kunne ikke åbne {source}.", file=sys.stderr)
        return 1
    loop.exec()
    if window.scored is None:
        print("Selvtest: eksemplet blev ikke beregnet inden for et minut.", file=sys.stderr)
        return 1
    ready = time.perf_counter() - STARTED
    folder = out_dir or Path(tempfile.mkdtemp(prefix="maalscore-selvtest-ud-"))
    folder.mkdir(parents=True, exist_ok=True)
    copy = folder / EXAMPLE
    if not window._save_to(copy):
        print(f"Selvtest: kunne ikke gemme {copy}.", file=sys.stderr)
        return 1
    window.close()
    app.quit()
    verdict = check_file(copy)
    card = window.scored.evaluation.scorecard if window.scored is not None else None
    points = f"{float(card.total_points):.2f} af {float(card.max_points):.0f} point" if card else ""
    print(f"Selvtest: {EXAMPLE} åbnet og beregnet i vinduet ({points}) efter {ready:.2f} s.")
    print(f"Gemt: {copy}")
    print(f"tjek: {verdict.message().splitlines()[0]}")
    return 0 if verdict.ok else 1


def main(argv: list[str]) -> int:
    if argv and argv[0] == SELFTEST:
        return selftest(Path(argv[1]) if len(argv) > 1 else None)
    if argv and argv[0] in CLI_COMMANDS:
        if getattr(sys, "frozen", False) and argv[:2] in (["addin", "byg"], ["addin", "installer"]):
            print(NO_ADDIN, file=sys.stderr)
            return 1
        from calc.cli import main as cli

        return cli(argv)
    from desktop.app import main as app

    return app(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
