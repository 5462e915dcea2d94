"""Write-back on every real-world workbook in the shared corpus.

Each writable file gets a number, a text and an empty cell written into its first non-empty
worksheet (an existing non-formula cell when there is one, otherwise below the used range); then
the package must be unchanged apart from those cells and `calcPr`, and openpyxl and
python-calamine must open the result and see the values. Files that must be refused are refused
with the right message and left untouched. Run with `-s` to see the list of refusals.
"""

from __future__ import annotations

import re
import shutil
import warnings
import zipfile
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest

from calc import ooxml
from calc.errors import WriteBackError
from calc.grid import CellUpdate, Pos, SheetGrid, a1
from calc.reader import read_grids, read_workbook
from calc.writeback import write_back
from tests.conftest import CORPUS

FILES = sorted(p.name for p in CORPUS.glob("*.xls*")) if CORPUS.is_dir() else []

# File → (what the message must say, why it is refused).
REFUSED = {
    "calamine__pass_protected.xlsx": ("beskyttet med adgangskode", "encrypted"),
    "calamine__strict_iso_paths.xlsx": ("Strict Open XML", "strict-ooxml"),
    "calamine__any_sheets.xlsb": (r"binær projektmappe \(\.xlsb\).*gem den som \.xlsx", "xlsb"),
}

NUMBER, TEXT = Decimal("1234.5"), "Målscore: =SUM(A1) & <ok>"


def _id(name: str) -> str:
    return f"{name}-refused-{REFUSED[name][1]}"


@pytest.mark.parametrize("name", [n for n in FILES if n in REFUSED], ids=_id)
def test_refused(corpus_dir: Path, tmp_path: Path, name: str) -> None:
    src = tmp_path / name
    shutil.copy2(corpus_dir / name, src)
    before = (src.read_bytes(), src.stat().st_mtime_ns)
    with pytest.raises(WriteBackError, match=REFUSED[name][0]) as info:
        write_back(src, [CellUpdate("Sheet1", "A1", 1)])
    print(f"\nafvist: {name}: {info.value}")
    assert (src.read_bytes(), src.stat().st_mtime_ns) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def _target_sheet(path: Path) -> SheetGrid:
    sheets = read_workbook(path).sheets
    return next((s for s in sheets if s.n_rows), sheets[0])


def _targets(grid: SheetGrid) -> dict[Pos, Decimal | str | None]:
    """An existing non-formula value cell gets the number; text and empty go below the data."""
    existing = [
        (r, c)
        for r, cells in enumerate(grid.rows)
        for c, v in enumerate(cells)
        if v is not None and (r, c) not in grid.formulas
    ]
    below = grid.n_rows + 3
    targets: dict[Pos, Decimal | str | None] = {(below, 1): TEXT, (below, 2): None}
    targets[existing[len(existing) // 2] if existing else (below, 0)] = NUMBER
    return targets


def _outside_sheet_data(xml: bytes) -> tuple[bytes, bytes]:
    start = re.search(rb"<(\w+:)?sheetData\b", xml)
    end = re.search(rb"</(\w+:)?sheetData>|<(\w+:)?sheetData\b[^>]*/>", xml)
    assert start and end
    head = re.sub(rb'(<(\w+:)?dimension ref=")[^"]*', rb"\1", xml[: start.start()])
    return head, xml[end.end() :]


@pytest.mark.parametrize("name", [n for n in FILES if n not in REFUSED])
def test_write_corpus_file(corpus_dir: Path, tmp_path: Path, name: str) -> None:
    src = corpus_dir / name
    dst = tmp_path / name
    grid = _target_sheet(src)
    targets = _targets(grid)
    updates = [CellUpdate(grid.name, a1(*pos), value) for pos, value in targets.items()]
    write_back(src, updates, dst)
    part = _assert_package_unchanged_elsewhere(src, dst, grid.name)
    _assert_sheet_unchanged_elsewhere(src, dst, grid.name, part, targets)
    _assert_openpyxl_reads(src, dst, grid.name, targets)
    _assert_calamine_reads(dst, grid.name, targets)


def _assert_package_unchanged_elsewhere(src: Path, dst: Path, sheet: str) -> str:
    with zipfile.ZipFile(src) as a, zipfile.ZipFile(dst) as b:
        info = ooxml.read_workbook_info(a)
        part = next(s.part for s in info.sheets if s.name == sheet)
        assert b.testzip() is None
        assert a.namelist() == b.namelist()
        for x, y in zip(a.infolist(), b.infolist(), strict=True):
            if x.filename in (part, info.part):
                continue
            assert a.read(x) == b.read(y), x.filename
            assert (x.CRC, x.compress_size, x.compress_type) == (
                y.CRC,
                y.compress_size,
                y.compress_type,
            )
        old, new = a.read(info.part), b.read(info.part)
        assert re.search(rb'<(\w+:)?calcPr[^>]*fullCalcOnLoad="1"', new)
        unset = rb'\s*fullCalcOnLoad="[^"]*"|<(\w+:)?calcPr\s*/>'
        assert re.sub(unset, b"", old) == re.sub(unset, b"", new)
        return part


def _assert_sheet_unchanged_elsewhere(
    src: Path, dst: Path, sheet: str, part: str, targets: dict[Pos, Decimal | str | None]
) -> None:
    with zipfile.ZipFile(src) as a, zipfile.ZipFile(dst) as b:
        assert _outside_sheet_data(a.read(part)) == _outside_sheet_data(b.read(part))
        before = next(g for g in read_grids(a, [sheet], dates=False) if g.name == sheet)
        after = next(g for g in read_grids(b, [sheet], dates=False) if g.name == sheet)
    rows = max(before.n_rows, after.n_rows)
    cols = max(before.n_cols, after.n_cols)
    for r in range(rows):
        for c in range(cols):
            want = targets[(r, c)] if (r, c) in targets else before.value(r, c)
            assert after.value(r, c) == want, a1(r, c)
    assert after.formulas == before.formulas
    assert after.percent - set(targets) == before.percent - set(targets)


def _openpyxl_value_ok(got: object, want: Decimal | str | None) -> bool:
    if isinstance(want, Decimal) and isinstance(got, datetime):
        return True  # a date-styled cell shows the number as a date
    if isinstance(want, Decimal):
        return isinstance(got, (int, float)) and Decimal(repr(got)) == want
    return got == want


def _assert_openpyxl_reads(
    src: Path, dst: Path, sheet: str, targets: dict[Pos, Decimal | str | None]
) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            openpyxl.load_workbook(src)
        except Exception:  # openpyxl cannot open the original either (e.g. some pivot caches)
            return
        ws = openpyxl.load_workbook(dst)[sheet]
    for (r, c), want in targets.items():
        assert _openpyxl_value_ok(ws.cell(r + 1, c + 1).value, want), a1(r, c)


def _assert_calamine_reads(dst: Path, sheet: str, targets: dict[Pos, Decimal | str | None]) -> None:
    calamine = pytest.importorskip("python_calamine")
    found = calamine.CalamineWorkbook.from_path(str(dst)).get_sheet_by_name(sheet)
    r0, c0 = found.start or (0, 0)
    rows = found.to_python()
    for (r, c), want in targets.items():
        got = (
            rows[r - r0][c - c0]
            if 0 <= r - r0 < len(rows) and 0 <= c - c0 < len(rows[r - r0])
            else ""
        )
        if want is None:
            assert got == "", a1(r, c)
        elif not (isinstance(want, Decimal) and not isinstance(got, (int, float, str))):
            assert _openpyxl_value_ok(got, want), (a1(r, c), got)
