"""Write-back on every real-world workbook in the shared corpus.

Each writable file gets a number, a text and an empty cell written into its first non-empty
worksheet (an existing non-formula cell when there is one, otherwise below the used range), and
the integrity stamp's custom properties; then every other zip entry must be byte-identical,
except exactly these splices: `calcPr` in the workbook part; `docProps/custom.xml`, whose other
properties stay byte for byte (or which is added at the end of the zip, with one `<Override>` in
`[Content_Types].xml` and one `<Relationship>` in `_rels/.rels`). The changed sheet must differ
only in the written cells; openpyxl and python-calamine must open the result and see the values;
LibreOffice (headless) must convert every written file without error. Files that must be
refused are refused with the right message and left untouched; their list with the reasons is
in the test ids and printed in the test output.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import warnings
import zipfile
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest

from calc.errors import WriteBackError
from calc.grid import CellUpdate, Pos, SheetGrid, a1
from calc.xlsx import ooxml
from calc.xlsx.reader import read_grids, read_workbook
from calc.xlsx.writeback import write_back
from tests.conftest import CORPUS

FILES = sorted(p.name for p in CORPUS.glob("*.xls*")) if CORPUS.is_dir() else []

# File → (what the message must say, why it is refused).
REFUSED = {
    "calamine__pass_protected.xlsx": ("beskyttet med adgangskode", "encrypted"),
    "calamine__strict_iso_paths.xlsx": ("Strict Open XML", "strict-ooxml"),
    "calamine__any_sheets.xlsb": (r"binær projektmappe \(\.xlsb\).*gem som \.xlsx", "xlsb"),
}

NUMBER, TEXT = Decimal("1234.5"), "Målscore: =SUM(A1) & <ok>"
PROPS = {"Målscore.Format": "1", "Målscore.Version": "test", "Målscore.Celler.001": "a&b<c>"}
CUSTOM = "docProps/custom.xml"


def _id(name: str) -> str:
    return f"{name}-refused-{REFUSED[name][1]}"


@pytest.mark.parametrize("name", [n for n in FILES if n in REFUSED], ids=_id)
def test_refused(
    corpus_dir: Path, tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / name
    shutil.copy2(corpus_dir / name, src)
    before = (src.read_bytes(), src.stat().st_mtime_ns)
    with pytest.raises(WriteBackError, match=REFUSED[name][0]) as info:
        write_back(src, [CellUpdate("Sheet1", "A1", 1)])
    with capsys.disabled():  # the refused files and their messages belong in CI's output
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
    write_back(src, updates, dst, properties=PROPS)
    part = _assert_package_unchanged_elsewhere(src, dst, grid.name)
    _assert_stamp_splices(src, dst)
    _assert_sheet_unchanged_elsewhere(src, dst, grid.name, part, targets)
    _assert_openpyxl_reads(src, dst, grid.name, targets)
    _assert_calamine_reads(dst, grid.name, targets)


def _assert_package_unchanged_elsewhere(src: Path, dst: Path, sheet: str) -> str:
    with zipfile.ZipFile(src) as a, zipfile.ZipFile(dst) as b:
        info = ooxml.read_workbook_info(a)
        part = next(s.part for s in info.sheets if s.name == sheet)
        had_custom = ooxml.custom_properties_member(a)
        assert b.testzip() is None
        added = [] if had_custom or CUSTOM in a.namelist() else [CUSTOM]
        assert b.namelist() == a.namelist() + added
        stamp_parts = {had_custom or CUSTOM}
        if not had_custom:
            stamp_parts |= {"[Content_Types].xml", "_rels/.rels"}
        for x in a.infolist():
            y = b.getinfo(x.filename)
            if x.filename in (part, info.part) or x.filename in stamp_parts:
                continue
            if x.filename == info.styles and a.read(x) != b.read(y):
                _assert_only_xfs_appended(a.read(x), b.read(y))
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


def _assert_only_xfs_appended(old: bytes, new: bytes) -> None:
    """styles.xml may change only by General copies appended to <cellXfs> and its count."""
    end = re.search(rb"</(\w+:)?cellXfs>", old)
    assert end is not None
    tail = len(old) - end.start()
    added = new[end.start() : len(new) - tail]
    assert new[len(new) - tail :] == old[end.start() :]
    assert re.fullmatch(rb'(<(\w+:)?xf [^>]*numFmtId="0"[^>]*applyNumberFormat="1".*?)+', added)
    count = re.compile(rb'(<(?:\w+:)?cellXfs[^>]*count=")(\d+)')
    assert count.sub(b"", new[: end.start()]) == count.sub(b"", old[: end.start()])


def _assert_stamp_splices(src: Path, dst: Path) -> None:
    """The stamp's properties read back; everything else in the three parts is as it was."""
    with zipfile.ZipFile(src) as a, zipfile.ZipFile(dst) as b:
        member = ooxml.custom_properties_member(a)
        assert ooxml.read_custom_properties(b) == {**ooxml.read_custom_properties(a), **PROPS}
        new = b.read(ooxml.custom_properties_member(b) or "")
        ours = re.compile(
            rb'<(\w+:)?property [^>]*name="M\xc3\xa5lscore\.[^"]*".*?</(\w+:)?property>'
        )
        if member is not None:
            empty = re.compile(rb"<((?:\w+:)?Properties)\b([^>]*?)\s*/>")  # opened to add ours
            before = empty.sub(rb"<\1\2></\1>", a.read(member))
            assert ours.sub(b"", new) == before
            return
        types_old, types_new = a.read("[Content_Types].xml"), b.read("[Content_Types].xml")
        override = re.findall(rb"<(?:\w+:)?Override [^>]*/docProps/custom\.xml[^>]*/>", types_new)
        assert len(override) == 1 and types_new.replace(override[0], b"", 1) == types_old
        rels_old, rels_new = a.read("_rels/.rels"), b.read("_rels/.rels")
        rel = re.findall(rb"<(?:\w+:)?Relationship Id=\"rIdMaalscore\d*\"[^>]*/>", rels_new)
        assert len(rel) == 1 and rels_new.replace(rel[0], b"", 1) == rels_old


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


# ---------------------------------------------------------------------------------------------
# LibreOffice: every written file converts without error (one soffice run for all of them)


@pytest.fixture(scope="module")
def libreoffice_converted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        pytest.skip("LibreOffice (soffice) is not installed; .ci/run installs libreoffice-calc")
    if not CORPUS.is_dir():
        pytest.skip(f"the shared xlsx corpus is not at {CORPUS} (set MAALSCORE_SHARED)")
    written = tmp_path_factory.mktemp("corpus-written")
    out = tmp_path_factory.mktemp("corpus-converted")
    for name in FILES:
        if name in REFUSED:
            continue
        grid = _target_sheet(CORPUS / name)
        updates = [CellUpdate(grid.name, a1(*p), v) for p, v in _targets(grid).items()]
        write_back(CORPUS / name, updates, written / name, properties=PROPS)
    profile = tmp_path_factory.mktemp("lo-profile")
    files = sorted(str(p) for p in written.iterdir())
    run = subprocess.run(
        [exe, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "xlsx",
         "--outdir", str(out), *files],
        capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    return written, out, run.stdout + run.stderr


@pytest.mark.parametrize("name", [n for n in FILES if n not in REFUSED])
def test_libreoffice_converts_written_file(
    libreoffice_converted: tuple[Path, Path, str], name: str
) -> None:
    written, out, log = libreoffice_converted
    converted = out / (Path(name).stem + ".xlsx")
    assert converted.is_file(), f"LibreOffice did not convert {name}:\n{log}"
    assert f"{written / name} -> {converted}" in log
    assert "Error" not in "".join(line for line in log.splitlines() if name in line)
    calamine = pytest.importorskip("python_calamine")
    assert calamine.CalamineWorkbook.from_path(str(converted)).sheet_names


def test_refusals_listed(corpus_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The list of refused files with the reason, in the test output."""
    with capsys.disabled():
        print("\nafviste filer i korpus:")
        for name, (_pattern, reason) in sorted(REFUSED.items()):
            assert (corpus_dir / name).is_file()
            print(f"  {name}: {reason}")
