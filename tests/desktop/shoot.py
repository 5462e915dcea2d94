"""Render the app's screens with real workbooks on a real X display and save PNGs.

Run by test_screenshot.py in a subprocess under Xvfb:
`python -m tests.desktop.shoot WORKBOOK_FOLDER OUT_DIR CONFIG_DIR [--wide]`.

Writes, from the example workbooks in WORKBOOK_FOLDER (copied, never changed in place):
  main.png           the goals, 1.d selected and explained, the one-line problem bar
  nothing.png        no goal selected: the explanation panel is not shown
  summary.png, pay.png
  blocked.png        `abc` in 1.a.2's Resultat and in 1.d's Vægt: partial results, red cells
  pay-blocked.png    a Skøn of -5.000 kr. without its Begrundelse
  cases.png          a case-data goal: its computed result with unit
  reduction.png      example 004: reduction targets with baseline
  swedish.png        after switching to Swedish (no restart), 1.d selected
  swedish-003.png    the Swedish example in the Swedish interface
  file-changed.png   the question when the file changed on disk (Genindlæs is the default)
  send.png           the Send til departement dialog with the message
  password.png       the encrypted workbook's password, shown once
  batch.png          the folder window, sorted by score
With --wide only `wide.png`: the whole 1920×1080 screen with the window as it first opens.
Prints the screen size and the first window size on the last line.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from desktop.app import create_app, install_translator
from desktop.goalmodel import Col
from desktop.mainwindow import TAB_GOALS, TAB_PAY, TAB_SUMMARY, MainWindow

EXAMPLE = "eksempel-000-hjemrejsestyrelsen-2025.xlsx"


def _settle(ms: int = 300) -> None:
    """Let the window manager-less X server map and paint the window."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def _open(window: MainWindow, path: Path) -> bool:
    loop = QEventLoop()
    window.evaluated.connect(loop.quit)
    QTimer.singleShot(15_000, loop.quit)
    window.open_path(path)
    loop.exec()
    window.evaluated.disconnect(loop.quit)
    return window.scored is not None


def _scored(window: MainWindow) -> None:
    loop = QEventLoop()
    window.evaluated.connect(loop.quit)
    QTimer.singleShot(15_000, loop.quit)
    loop.exec()
    window.evaluated.disconnect(loop.quit)


def _save(widget: QWidget, path: Path) -> None:
    _settle(200)
    if not widget.grab().save(str(path)):
        raise SystemExit(f"cannot write {path}")


def _type(window: MainWindow, goal_id: str, col: Col, text: str) -> None:
    model = window.goal_model
    row = next(
        r
        for r in range(model.rowCount())
        if (c := model.row_cache(r)) is not None and c.kind == "goal" and c.goal_id == goal_id
    )
    model.setData(model.index(row, col), text)
    _scored(window)


def main(folder: Path, out: Path, config: Path, wide: bool) -> int:
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(config))
    app = create_app(["shoot"])
    install_translator(app, "da")
    work = config / "workbooks"
    work.mkdir(parents=True, exist_ok=True)
    for p in folder.glob("*.xlsx"):
        shutil.copy2(p, work / p.name)
    out.mkdir(parents=True, exist_ok=True)
    window = MainWindow()
    window.open_url = lambda url: True  # type: ignore[assignment]
    screen = QGuiApplication.primaryScreen()
    window.show()
    _settle()
    first = f"{window.width()}x{window.height()}"
    if not _open(window, work / EXAMPLE):
        print("not scored", file=sys.stderr)
        return 1
    if wide:
        _settle(500)
        screen.grabWindow(0).save(str(out / "wide.png"))
    else:
        _shoot_all(app, window, work, out)
    size = screen.size()
    print(f"screen {size.width()}x{size.height()} window {first}")
    window.close()
    app.quit()
    return 0


def _shoot_all(app: QApplication, window: MainWindow, work: Path, out: Path) -> None:
    window.setGeometry(QGuiApplication.primaryScreen().availableGeometry())
    _settle()
    _save(window, out / "nothing.png")
    window.select_goal("1.d")
    _save(window, out / "main.png")
    for name, tab in (("summary.png", TAB_SUMMARY), ("pay.png", TAB_PAY)):
        window.tabs.setCurrentIndex(tab)
        _save(window, out / name)
    window.tabs.setCurrentIndex(TAB_GOALS)
    window.select_goal("1.3")
    _save(window, out / "cases.png")

    _type(window, "1.a.2", Col.RESULT, "abc")
    _type(window, "1.d", Col.WEIGHT, "abc")
    window.select_goal("1.a.2")
    _save(window, out / "blocked.png")
    window.undo.undo()
    _scored(window)
    window.undo.undo()
    _scored(window)

    pay = window.pay_panel.model
    window.tabs.setCurrentIndex(TAB_PAY)
    pay.setData(pay.index(0, 4), "-5.000 kr.")
    _scored(window)
    _save(window, out / "pay-blocked.png")
    window.undo.undo()
    _scored(window)
    window.tabs.setCurrentIndex(TAB_GOALS)

    box, _answers = window.prompts.file_changed_box(EXAMPLE, 2)
    box.show()
    _save(box, out / "file-changed.png")
    box.close()

    from calc.handin import draft_notes
    from calc.mail import body
    from desktop.dialogs import SendDetails, SendDialog

    ev = window.scored.evaluation if window.scored else None
    assert ev is not None and ev.plan is not None and ev.scorecard is not None
    plan, card = ev.plan, ev.scorecard
    dialog = SendDialog(
        window,
        SendDetails("post@uim.dk", "Jens Hansen\nØkonomichef, Hjemrejsestyrelsen"),
        bool(plan.people),
        lambda d: body(plan, card, (), d.signature, draft_notes(plan)),
    )
    dialog.show()
    _save(dialog, out / "send.png")
    dialog.close()
    box = window.prompts.password_box("Send til departement", "d2wq-9mrm-zy4q-dud8")
    box.show()
    _save(box, out / "password.png")
    box.close()

    _open(window, work / "eksempel-004-statsforvaltningen-2017.xlsx")
    window.select_goal("1.3.1")
    _save(window, out / "reduction.png")

    _open(window, work / EXAMPLE)
    window.set_language("sv")
    _settle()
    window.select_goal("1.d")
    _save(window, out / "swedish.png")
    _open(window, work / "eksempel-003-migrationsverket-2008.xlsx")
    window.select_goal("2")
    _save(window, out / "swedish-003.png")
    window.set_language("da")

    batch = window.open_folder(work)
    loop = QEventLoop()
    batch.finished_run.connect(lambda _c: loop.quit())
    QTimer.singleShot(30_000, loop.quit)
    if batch.running:
        loop.exec()
    batch.table.sortItems(2)
    batch.resize(1100, 420)
    _save(batch, out / "batch.png")
    batch.close()


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    sys.exit(main(Path(args[0]), Path(args[1]), Path(args[2]), "--wide" in sys.argv))
