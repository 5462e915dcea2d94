"""Number formats on written cells: amounts reach Excel as numbers shown as kroner, never text."""

from __future__ import annotations

import shutil
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

from calc.grid import CellUpdate
from calc.xlsx.reader import read_workbook
from calc.xlsx.styles import KRONER, PERCENT, StyleSheet
from calc.xlsx.writeback import write_back
from tests.conftest import WORKBOOKS

openpyxl = pytest.importorskip("openpyxl")

STYLES = (
    b'<?xml version="1.0"?><x:styleSheet xmlns:x="http://schemas.openxmlformats.org/'
    b'spreadsheetml/2006/main"><x:fonts count="1"><x:font/></x:fonts>'
    b'<x:cellXfs count="2"><x:xf numFmtId="0" fontId="0"/><x:xf numFmtId="3" fontId="0" '
    b'applyNumberFormat="1"><x:alignment horizontal="right"/></x:xf></x:cellXfs></x:styleSheet>'
)


def test_derive_appends_one_style_and_one_format_and_reuses_them():
    book = StyleSheet(STYLES)
    kr = book.derive(1, KRONER)
    assert kr == 2 and book.derive(1, KRONER) == 2
    assert book.derive(0, PERCENT) == 3  # built in: no <numFmt> needed
    assert book.derive(0, KRONER) == 4
    xml = book.patched()
    assert xml is not None
    text = xml.decode()
    assert '<x:cellXfs count="5">' in text
    assert (
        '<x:numFmts count="1"><x:numFmt numFmtId="164" formatCode="#,##0 &quot;kr.&quot;"/>' in text
    )
    assert text.index("<x:numFmts") < text.index("<x:fonts")  # numFmts is the first child
    # the derived style keeps the alignment of the style it came from
    assert (
        '<x:xf numFmtId="164" fontId="0" applyNumberFormat="1"><x:alignment horizontal="right"/>'
        in text
    )
    assert StyleSheet(STYLES).patched() is None  # untouched when nothing was derived


def test_amounts_are_written_as_numbers_with_a_kroner_and_a_percent_format(tmp_path: Path):
    path = tmp_path / "plan.xlsx"
    shutil.copy2(WORKBOOKS / "eksempel-000-hjemrejsestyrelsen-2025.xlsx", path)
    before = openpyxl.load_workbook(path)["Resultatløn"]
    untouched = {c.coordinate: c.number_format for r in before.iter_rows() for c in r}
    write_back(
        path,
        [
            CellUpdate("Resultatløn", "I2", Decimal(-5000), KRONER),
            CellUpdate("Resultatløn", "I3", Decimal("-0.1"), PERCENT),
            CellUpdate("Resultatløn", "J2", "Sen aflevering", KRONER),  # text: no format
        ],
    )
    sheet = openpyxl.load_workbook(path)["Resultatløn"]
    assert sheet["I2"].value == -5000 and sheet["I2"].number_format == KRONER  # the Skøn
    assert sheet["I3"].value == -0.1 and sheet["I3"].number_format == PERCENT
    assert sheet["J2"].value == "Sen aflevering"
    for ref, code in untouched.items():
        if ref not in ("I2", "I3"):
            assert sheet[ref].number_format == code, ref
    grid = read_workbook(path).find("Resultatløn")
    assert (2, 8) in grid.percent and (1, 8) not in grid.percent
    with zipfile.ZipFile(path) as zf:
        assert zf.testzip() is None
