"""`maalscore addin byg|installer`: the .xlam is the template with a Danish ribbon and config."""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

import calc.cli
from excel_addin import build

CUSTOM_UI = "{http://schemas.microsoft.com/office/2006/01/customui}"
MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def _config(xml: bytes) -> dict[str, str | bool]:
    out: dict[str, str | bool] = {}
    for row in ET.fromstring(xml).iter(f"{MAIN}row"):
        cells = list(row.iter(f"{MAIN}c"))
        key = "".join(cells[0].itertext())
        if len(cells) == 1:
            out[key] = ""
        elif cells[1].get("t") == "b":
            out[key] = "".join(cells[1].itertext()) == "1"
        else:
            out[key] = "".join(cells[1].itertext())
    return out


def test_byg_writes_the_danish_ribbon_and_keeps_the_vba_byte_for_byte(tmp_path: Path) -> None:
    code = calc.cli.main(["addin", "byg", "--ud", str(tmp_path)])
    assert code == 0
    built = _members(tmp_path / "excel_addin.xlam")
    template = _members(build.template_path())

    assert built["xl/vbaProject.bin"] == template["xl/vbaProject.bin"]
    changed = {n for n in template if built.get(n) != template[n]}
    assert changed == {"customUI/customUI.xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"}
    assert set(built) == set(template)

    ui = ET.fromstring(built["customUI/customUI.xml"])
    tabs = list(ui.iter(f"{CUSTOM_UI}tab"))
    assert [t.get("label") for t in tabs] == ["Målscore"]
    buttons = list(ui.iter(f"{CUSTOM_UI}button"))
    assert [(b.get("label"), b.get("onAction")) for b in buttons] == [
        ("Beregn", "RibbonMyAddin.RunMain")  # the template's VBA callback, unchanged
    ]

    workbook = ET.fromstring(built["xl/workbook.xml"])
    assert [s.get("name") for s in workbook.iter(f"{MAIN}sheet")] == ["myaddin.conf"]


def test_the_config_sheet_names_the_interpreter_for_the_platform(tmp_path: Path) -> None:
    path = build.build_addin(tmp_path, interpreter=r"C:\Python311\python.exe", platform="win32")
    config = _config(_members(path)["xl/worksheets/sheet1.xml"])
    assert config["Interpreter_Win"] == r"C:\Python311\python.exe"
    assert config["Interpreter_Mac"] == ""
    assert config["ADD_WORKBOOK_TO_PYTHONPATH"] == "false"
    assert Path(str(config["PYTHONPATH"])) == Path(build.__file__).resolve().parents[1]
    assert config["Use UDF Server"] is False

    path = build.build_addin(tmp_path, platform="darwin")
    config = _config(_members(path)["xl/worksheets/sheet1.xml"])
    assert config["Interpreter_Mac"] == sys.executable and config["Interpreter_Win"] == ""


def test_the_built_addin_opens_as_a_workbook(tmp_path: Path) -> None:
    import python_calamine

    path = build.build_addin(tmp_path, interpreter="/usr/bin/python3", platform="darwin")
    wb = python_calamine.CalamineWorkbook.from_path(str(path))
    assert wb.sheet_names == ["myaddin.conf"]
    rows = wb.get_sheet_by_name("myaddin.conf").to_python()
    assert rows[1] == ["Interpreter_Mac", "/usr/bin/python3"]


def test_installer_copies_into_the_startup_folder_on_windows(tmp_path: Path) -> None:
    path = build.install(platform="win32", target_dir=tmp_path / "XLSTART", interpreter="py.exe")
    assert path == tmp_path / "XLSTART" / "excel_addin.xlam"
    assert _config(_members(path)["xl/worksheets/sheet1.xml"])["Interpreter_Win"] == "py.exe"
    assert not list((tmp_path / "XLSTART").glob(".excel_addin-*"))  # no temporary left behind


def test_startup_folders() -> None:
    assert build.startup_dir("win32").parts[-3:] == ("Microsoft", "Excel", "XLSTART")
    assert build.startup_dir("darwin").parts[-2:] == ("Startup.localized", "Excel")


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="Excel exists there")
def test_installer_on_linux_explains_that_excel_is_not_available(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = calc.cli.main(["addin", "installer"])
    assert code == build.EXIT_NO_EXCEL
    err = capsys.readouterr().err
    assert "Excel findes ikke til Linux" in err and "xlwings Lite" in err
