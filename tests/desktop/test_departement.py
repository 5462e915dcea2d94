"""The Departement view: a folder and an e-mail checked in the background, verdicts with icons,
sorting, cancel, a read-only look at one workbook, the overview exported; sources untouched."""

from __future__ import annotations

import shutil
import threading
from decimal import Decimal
from email.message import EmailMessage
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication

from calc.collect import Examined, examine
from calc.consolidate import Verdict
from calc.engine import FileOptions, score_file
from calc.grid import CellUpdate
from calc.xlsx.writeback import write_back
from desktop.departement import AgencyModel, DepartementWindow, verdict_pixmap
from tests.conftest import WORKBOOKS
from tests.desktop.conftest import EXAMPLE_000, EXAMPLE_002, FakePrompts
from tests.desktop.test_screenshot import xvfb  # noqa: F401  (the fixture)

EXAMPLE_004 = WORKBOOKS / "eksempel-004-statsforvaltningen-2017.xlsx"


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    """godkendt, ændret, ikke beregnet, fejl, and an e-mail with one workbook attached."""
    folder = tmp_path / "indbakke"
    folder.mkdir()
    ok = folder / "hjemrejse.xlsx"
    shutil.copy2(EXAMPLE_000, ok)
    score_file(ok, options=FileOptions(backup=False))
    edited = folder / "rettet.xlsx"
    shutil.copy2(ok, edited)
    write_back(edited, [CellUpdate("Mål", "V3", Decimal(7))])
    shutil.copy2(EXAMPLE_004, folder / "statsforvaltningen.xlsx")
    (folder / "noget-andet.xlsx").write_text("ikke en projektmappe")
    msg = EmailMessage()
    msg["Subject"] = "Resultatopgørelse"
    msg.set_content("Vedhæftet.")
    msg.add_attachment(
        EXAMPLE_002.read_bytes(),
        "application",
        "vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        filename="siri.xlsx",
    )
    (folder / "post.eml").write_bytes(bytes(msg))
    return folder


def _snapshot(folder: Path) -> dict[Path, tuple[bytes, int]]:
    return {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def departement(qtbot, prompts: FakePrompts) -> DepartementWindow:  # type: ignore[no-untyped-def]
    w = DepartementWindow(prompts)
    qtbot.addWidget(w)
    w.show()
    return w


def _run(qtbot, w: DepartementWindow, sources: list[Path]) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(w.finished_run, timeout=60_000):
        w.add_sources(sources)


def _shown(w: DepartementWindow, column: int) -> list[str]:
    return [w.proxy.index(r, column).data() for r in range(w.proxy.rowCount())]


def test_a_folder_is_checked_in_the_background(qtbot, departement, inbox) -> None:  # type: ignore[no-untyped-def]
    before = _snapshot(inbox)
    _run(qtbot, departement, [inbox])
    w = departement
    assert w.proxy.rowCount() == 5
    verdicts = dict(zip(_shown(w, AgencyModel.FILE), _shown(w, AgencyModel.VERDICT), strict=True))
    assert verdicts == {
        "hjemrejse.xlsx": "godkendt",
        "rettet.xlsx": "ændret",
        "statsforvaltningen.xlsx": "ikke beregnet",
        "noget-andet.xlsx": "fejl",
        "post.eml › siri.xlsx": "ikke beregnet",
    }
    row = _shown(w, AgencyModel.FILE).index("hjemrejse.xlsx")
    index = w.proxy.index(row, AgencyModel.VERDICT)
    assert not index.data(Qt.ItemDataRole.DecorationRole).isNull()  # an icon beside the word
    assert "uændrede" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert w.proxy.index(row, AgencyModel.SCORE).data() == "79,1 %"  # test_examples EX000
    assert w.proxy.index(row, AgencyModel.PAY).data() == "140.898 kr."
    assert "5" in w.status.text() or "godkendt" in w.status.text()
    assert w.export_action.isEnabled()
    assert _snapshot(inbox) == before  # nothing written to any source


def test_sorting_by_number_and_by_verdict(qtbot, departement, inbox) -> None:  # type: ignore[no-untyped-def]
    _run(qtbot, departement, [inbox])
    w = departement
    w.view.sortByColumn(AgencyModel.SCORE, Qt.SortOrder.DescendingOrder)
    scores = [float(s.rstrip(" %").replace(",", ".")) for s in _shown(w, AgencyModel.SCORE) if s]
    assert scores == sorted(scores, reverse=True) and len(scores) == 4
    w.view.sortByColumn(AgencyModel.VERDICT, Qt.SortOrder.AscendingOrder)
    assert _shown(w, AgencyModel.VERDICT)[:2] == ["fejl", "ændret"]  # most serious first
    assert w.record_at(0).verdict is Verdict.FAILED


def test_cancel_stops_between_files(qtbot, departement, tmp_path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "mange"
    folder.mkdir()
    for i in range(6):
        shutil.copy2(EXAMPLE_004, folder / f"plan-{i}.xlsx")
    gate = threading.Event()
    calls: list[Path] = []

    def slow(path: Path) -> Examined:
        calls.append(path)
        assert gate.wait(10)
        return examine(path)

    departement.examine_fn = slow
    departement.add_sources([folder])
    qtbot.waitUntil(lambda: len(calls) == 1, timeout=10_000)
    assert departement.running and not departement.export_action.isEnabled()
    with qtbot.waitSignal(departement.finished_run, timeout=20_000) as blocker:
        departement.cancel()
        gate.set()
    assert blocker.args == [True]
    assert len(calls) == 1 and departement.proxy.rowCount() == 1
    assert "Afbrudt" in departement.status.text()


def test_a_drop_adds_sources(qtbot, departement, inbox) -> None:  # type: ignore[no-untyped-def]
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(inbox / "hjemrejse.xlsx"))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(departement.finished_run, timeout=30_000):
        departement.dropEvent(event)
    assert _shown(departement, AgencyModel.VERDICT) == ["godkendt"]
    _run(qtbot, departement, [inbox / "hjemrejse.xlsx"])  # the same file again: shown once
    assert departement.proxy.rowCount() == 1


def test_double_click_opens_read_only(qtbot, window, prompts, inbox) -> None:  # type: ignore[no-untyped-def]
    before = _snapshot(inbox)
    d = window.open_departement()
    with qtbot.waitSignal(d.finished_run, timeout=60_000):
        d.add_sources([inbox])
    row = _shown(d, AgencyModel.FILE).index("rettet.xlsx")
    with qtbot.waitSignal(window.evaluated, timeout=10_000):
        d._double_clicked(d.proxy.index(row, 1))
    assert window.doc is not None and window.doc.path == inbox / "rettet.xlsx"
    assert window.read_only and "skrivebeskyttet" in window.windowTitle()
    assert not window.save_action.isEnabled() and not window.save_as_action.isEnabled()
    assert not window.send_action.isEnabled()
    key = ("Mål", 3, 18)
    window._edit_requested(key, "801", "value", "Resultat")
    assert not window.doc.dirty and "skrivebeskyttet" in window.statusBar().currentMessage()
    # a report of a workbook tjek does not accept: refused, never saved to make one
    assert window.export_report(inbox / "rapport.pdf") is None
    assert "save_first" not in prompts.asked and "ikke, som Målscore" in prompts.errors[-1][1]
    # an attachment opens from a private copy; the e-mail is untouched
    row = _shown(d, AgencyModel.FILE).index("post.eml › siri.xlsx")
    with qtbot.waitSignal(window.evaluated, timeout=10_000):
        d._double_clicked(d.proxy.index(row, 0))
    assert window.doc.path.name == "siri.xlsx" and inbox not in window.doc.path.parents
    assert window.file_label.text().startswith(f"{inbox / 'post.eml'} › siri.xlsx · skrivebesk")
    assert window.scored is not None and window.scored.evaluation.plan.year == 2024
    # opening normally afterwards allows editing again
    assert window.open_path(inbox / "statsforvaltningen.xlsx")
    assert not window.read_only and window.save_action.isEnabled()
    assert _snapshot(inbox) == before


def test_export_writes_the_overview(qtbot, departement, prompts, inbox, tmp_path) -> None:  # type: ignore[no-untyped-def]
    openpyxl = pytest.importorskip("openpyxl")
    _run(qtbot, departement, [inbox])
    prompts.save_path = tmp_path / "oversigt.xlsx"
    with qtbot.waitSignal(departement.exported, timeout=10_000):
        assert departement.export() == prompts.save_path
    wb = openpyxl.load_workbook(prompts.save_path)
    rows = list(wb["Oversigt"].iter_rows(min_row=2, values_only=True))
    assert len([r for r in rows if r[0] != "I alt"]) == 5
    # a target that is not an overview is refused with a message, nothing written
    prompts.save_path = inbox / "hjemrejse.xlsx"
    before = prompts.save_path.read_bytes()
    assert departement.export() is None
    assert prompts.errors and prompts.save_path.read_bytes() == before


def test_icons_differ_in_shape_not_only_colour(qapp) -> None:  # type: ignore[no-untyped-def]
    """Grey-scaled, every verdict's icon is still different from every other's."""
    images = []
    for v in Verdict:
        image = verdict_pixmap(v, 24).toImage()
        grey = bytes(
            int(sum(image.pixelColor(x, y).getRgb()[:3]) / 3 > 128)
            if image.pixelColor(x, y).alpha() > 128
            else 2
            for y in range(24)
            for x in range(24)
        )
        images.append(grey)
    assert len(set(images)) == len(Verdict)


def test_swedish_texts(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication, QTranslator

    from desktop.app import install_translator

    assert install_translator(qapp, "sv") == "sv"
    try:
        assert QCoreApplication.translate("Verdict", "godkendt") == "godkänd"
        assert QCoreApplication.translate("AgencyModel", "Vurdering") == "Bedömning"
        assert QCoreApplication.translate("DepartementWindow", "&Eksportér oversigt …") == (
            "&Exportera översikt …"
        )
    finally:
        for translator in qapp.findChildren(QTranslator):
            qapp.removeTranslator(translator)


def test_an_open_departement_window_follows_a_language_switch(qtbot, departement, inbox) -> None:  # type: ignore[no-untyped-def]
    from desktop.app import install_translator

    w = departement
    _run(qtbot, w, [inbox])
    install_translator(QApplication.instance(), "sv")
    assert w.windowTitle() == "Departement – Målscore"
    assert w.export_action.text() == "&Exportera översikt …"
    assert w.model.headerData(AgencyModel.VERDICT, Qt.Orientation.Horizontal, 0) == "Bedömning"
    verdicts = set(_shown(w, AgencyModel.VERDICT))
    assert "godkänd" in verdicts and "godkendt" not in verdicts
    assert "godkänd" in w.status.text()  # the tally of the finished run, too
    install_translator(QApplication.instance(), "da")
    assert w.export_action.text() == "&Eksportér oversigt …"
    assert "godkendt" in set(_shown(w, AgencyModel.VERDICT))


def test_screenshot(xvfb, inbox, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    """The view as a person sees it (1366×768 under Xvfb), for the report and for a look."""
    import os
    import subprocess
    import sys

    from PySide6.QtGui import QImage

    from tests.conftest import REPO

    out = Path(os.environ.get("MAALSCORE_SCREENSHOTS") or tmp_path / "screenshots")
    png = out / "departement.png"
    env = dict(os.environ, DISPLAY=xvfb, QT_QPA_PLATFORM="xcb", PYTHONPATH=str(REPO))
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.desktop.shoot_departement",
            str(inbox),
            str(png),
            str(tmp_path / "config"),
        ],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    output = result.stderr + result.stdout
    if result.returncode != 0 and "platform plugin" in output and "xcb" in output:
        pytest.skip("Qt's xcb platform plugin cannot load: " + output[-300:])
    assert result.returncode == 0, output
    assert result.stdout.strip().endswith("5 rows")
    image = QImage(str(png))
    assert not image.isNull() and image.width() >= 1000
    with capsys.disabled():
        print(f"\nscreenshot of the Departement view: {png}")
