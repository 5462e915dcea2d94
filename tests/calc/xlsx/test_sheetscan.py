"""A big sheet before python-calamine reads it: its shape, and its Excel error values.

Finding 6: error values in a large Sagsdata were found only in the plain spelling
`<c r="G4" t="e">`; with single quotes, a namespace prefix (`x:c`) or a character reference the
cell was read as empty. The old byte search is kept below as `OLD` to show each spelling really
escaped it. Each candidate is now parsed as XML.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from calc.engine import FileOptions, evaluate, load_grids
from calc.errors import WorkbookReadError
from calc.grid import CaseSheet
from calc.xlsx import bulk, sheetscan
from calc.xlsx.reader import read_workbook
from tests.conftest import WORKBOOKS

EXAMPLE = WORKBOOKS / "eksempel-000-hjemrejsestyrelsen-2025.xlsx"
CASES = "xl/worksheets/sheet4.xml"
G4 = rb'<c r="G4" s="(\d+)" t="n"></c>'
MAIN = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"

# The scan before this change (calc/xlsx/bulk.py): what it found, with the same chunking.
OLD = re.compile(rb'<c\b[^>]*?\br="([A-Z]{1,3})([0-9]+)"[^>]*>(?:(?!</c>).)*?<v>([^<]*)</v>', re.S)


def old_scan(xml: bytes) -> list[str]:
    if b't="e"' not in xml:
        return []
    return [
        (m.group(1) + m.group(2)).decode()
        for m in OLD.finditer(xml)
        if b't="e"' in m.group(0)[: m.group(0).find(b">") + 1]
    ]


def prefixed(xml: bytes) -> bytes:
    """The sheet with every SpreadsheetML element written `x:…`, as some producers do."""
    xml = re.sub(rb"<(/?)(?![?!])([A-Za-z])", rb"<\1x:\2", xml)
    return xml.replace(b'xmlns="' + MAIN + b'"', b'xmlns:x="' + MAIN + b'"')


SPELLINGS = {
    "plain": lambda x: re.sub(G4, rb'<c r="G4" s="\1" t="e"><v>#DIV/0!</v></c>', x),
    "single quotes": lambda x: re.sub(G4, rb"<c r='G4' s='\1' t='e'><v>#DIV/0!</v></c>", x),
    "prefix x:": lambda x: prefixed(re.sub(G4, rb'<c r="G4" s="\1" t="e"><v>#DIV/0!</v></c>', x)),
    "character reference": lambda x: re.sub(
        G4, rb'<c r="G4" s="\1" t="&#101;"><v>#DIV/0!</v></c>', x
    ),
    "spaces around =": lambda x: re.sub(G4, rb'<c r="G4" s="\1" t = "e"><v>#DIV/0!</v></c>', x),
    "no r on the cell": lambda x: re.sub(
        rb'(<row r="4"[^>]*>)(.*?)<c r="G4" s="(\d+)" t="n"></c></row>',
        lambda m: (
            m.group(1)
            + re.sub(rb' r="[A-Z]+4"', b"", m.group(2))
            + b'<c s="'
            + m.group(3)
            + b'" t="e"><v>#DIV/0!</v></c></row>'
        ),
        x,
        count=1,
        flags=re.S,
    ),
}


def with_cases(tmp_path: Path, change) -> tuple[Path, bytes]:  # type: ignore[no-untyped-def]
    book = tmp_path / "fejl.xlsx"
    with zipfile.ZipFile(EXAMPLE) as src, zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == CASES:
                new = change(data)
                assert new != data
                data = new
            dst.writestr(info, data)
    with zipfile.ZipFile(book) as zf:
        return book, zf.read(CASES)


@pytest.mark.parametrize("spelling", list(SPELLINGS))
def test_an_error_value_is_found_however_it_is_spelled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, spelling: str
) -> None:
    book, xml = with_cases(tmp_path, SPELLINGS[spelling])
    expected = [i for i in evaluate(read_workbook(book)).issues if i.sheet == "Sagsdata"]
    assert [(i.cell, i.severity) for i in expected] == [("G4", "error")]
    if spelling != "plain":
        assert old_scan(xml) == []  # the reproduction: the byte search missed it
    with zipfile.ZipFile(book) as zf:
        shape = sheetscan.check_shape(zf, CASES, "Sagsdata")
    # The fast path reads the usual form, in any quoting, prefix or spelling of `e`; a cell
    # without its reference (or `r='…'`) sends the sheet to the XML parser.
    assert shape.usual is (spelling not in ("single quotes", "no r on the cell"))
    assert sheetscan.error_cells(book, "Sagsdata", shape) == [(3, 6, "#DIV/0!")]
    monkeypatch.setattr(bulk, "BIG_SHEET", 0)
    if spelling == "character reference":  # python-calamine itself cannot read `t="&#101;"`
        with pytest.raises(WorkbookReadError, match="kan ikke læses"):
            load_grids(book, FileOptions())
        return
    grids = load_grids(book, FileOptions())
    assert isinstance(grids.find("Sagsdata"), CaseSheet)
    got = [i for i in evaluate(grids).issues if i.sheet == "Sagsdata"]
    assert got == expected


def _sheet(tmp_path: Path, body: bytes, *, head: bytes = b"") -> zipfile.ZipFile:
    xml = (
        b'<?xml version="1.0"?><worksheet xmlns="' + MAIN + b'">' + head + b"<sheetData>"
        + body + b"</sheetData></worksheet>"
    )  # fmt: skip
    path = tmp_path / "ark.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("ark.xml", xml)
    return zipfile.ZipFile(path)


def test_a_far_cell_is_refused_before_calamine_allocates_for_it(tmp_path: Path) -> None:
    """python-calamine builds a dense grid: A1 and XFD1048576 ask for 550 GB (it aborts)."""
    body = b'<row r="1"><c r="A1"><v>1</v></c></row>'
    far = b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    with _sheet(tmp_path, body + far) as zf, pytest.raises(WorkbookReadError, match="XFD"):
        sheetscan.check_shape(zf, "ark.xml", "Sagsdata")
    wide = b'<row r="2"><c r="Q2"><v>1</v></c></row>'  # beyond column J: counted exactly
    with _sheet(tmp_path, body + wide) as zf:
        assert sheetscan.check_shape(zf, "ark.xml", "Sagsdata").usual is True
    wide_and_tall = b'<row r="1000000"><c r="L1000000"><v>1</v></c></row>'  # 12 × 10⁶
    with (
        _sheet(tmp_path, body + wide_and_tall) as zf,
        pytest.raises(
            WorkbookReadError,
            match=r"række 1\.000\.000 og kolonne L; .* 12\.000\.000 celler \(grænsen er 10\.4",
        ),
    ):
        sheetscan.check_shape(zf, "ark.xml", "Sagsdata")
    tall = b'<row r="2000000"><c r="A2000000"><v>1</v></c></row>'
    with (
        _sheet(tmp_path, body + tall) as zf,
        pytest.raises(WorkbookReadError, match=r"2\.000\.000"),
    ):
        sheetscan.check_shape(zf, "ark.xml", "Sagsdata")
    foreign = b'<row r="9"><y:c xmlns:y="urn:andet" r="XFD1048576"><v>1</v></y:c></row>'
    with _sheet(tmp_path, body + foreign) as zf, pytest.raises(WorkbookReadError, match="XFD"):
        sheetscan.check_shape(zf, "ark.xml", "Sagsdata")


def test_an_unusual_big_sheet_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sheetscan, "MAX_UNUSUAL", 100)
    body = b"<row><c><v>1</v></c></row>" * 20
    with _sheet(tmp_path, body) as zf, pytest.raises(WorkbookReadError, match=r"aldrig skriver"):
        sheetscan.check_shape(zf, "ark.xml", "Sagsdata")


def test_a_comment_that_looks_like_an_error_cell_is_not_one(tmp_path: Path) -> None:
    body = b'<row r="1"><!-- <c r="A1" t="e"><v>#N/A</v></c> --><c r="A1"><v>1</v></c></row>'
    with _sheet(tmp_path, body) as zf:
        shape = sheetscan.check_shape(zf, "ark.xml", "Sagsdata")
    assert not shape.usual  # comments are read with the XML parser
