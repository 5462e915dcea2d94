"""Reader: values, types and formats from hand-made parts, real corpus files and refusals."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from calc.errors import WorkbookReadError
from calc.grid import ExcelError, parse_a1
from calc.xlsx import ooxml
from calc.xlsx.reader import legacy_warning, read_workbook
from tests.conftest import CORPUS, REPO
from tests.xlsxbuild import (
    COLOURED,
    DA_DATE,
    DATE,
    DATETIME,
    DAYS,
    GENERAL,
    PCT,
    PCT1,
    QUOTED_PCT,
    build_xlsx,
    c,
    one_sheet,
    row,
    sheet_xml,
)


def test_numbers_become_exact_decimals(tmp_path: Path) -> None:
    rows = row(1, c("A1", "0.84999999999999998"), c("B1", "42"), c("C1", "-1.5E-3"))
    rows += row(2, c("A2", "1234567.8899999999"), c("B2", "0.1"), c("C2", "1E+20"))
    grid = read_workbook(one_sheet(tmp_path, rows)).sheets[0]
    assert grid.rows[0] == (Decimal("0.85"), Decimal("42"), Decimal("-0.0015"))
    assert grid.rows[1] == (Decimal("1234567.89"), Decimal("0.1"), Decimal("1E+20"))
    assert all(isinstance(v, Decimal) for r in grid.rows for v in r)


def test_percent_positions_follow_the_number_format(tmp_path: Path) -> None:
    cells = [
        c("A1", "0.85", s=PCT),
        c("B1", "0.5", s=PCT1),
        c("C1", "0.85", s=GENERAL),
        c("D1", "3", s=QUOTED_PCT),
        c("E1", "3", s=COLOURED),
        c("F1", s=PCT),
    ]
    grid = read_workbook(one_sheet(tmp_path, row(1, *cells))).sheets[0]
    assert grid.percent == {(0, 0), (0, 1), (0, 5)}
    assert grid.value(0, 0) == Decimal("0.85")


def test_dates_and_times(tmp_path: Path) -> None:
    cells = [
        c("A1", "45292", s=DATE),
        c("B1", "45292.5", s=DATETIME),
        c("C1", "45292", s=DA_DATE),
        c("D1", "45292", s=DAYS),
        c("E1", "45292", s=COLOURED),
        c("F1", "1", s=DATE),
        c("G1", "61", s=DATE),
    ]
    grid = read_workbook(one_sheet(tmp_path, row(1, *cells))).sheets[0]
    assert grid.rows[0] == (
        date(2024, 1, 1),
        datetime(2024, 1, 1, 12, 0),
        date(2024, 1, 1),
        Decimal("45292"),
        Decimal("45292"),
        date(1900, 1, 1),
        date(1900, 3, 1),
    )


def test_date1904_flag(tmp_path: Path) -> None:
    path = one_sheet(
        tmp_path, row(1, c("A1", "0", s=DATE)), workbook_pr='<workbookPr date1904="1"/>'
    )
    assert read_workbook(path).sheets[0].value(0, 0) == date(1904, 1, 1)


def test_date1904_corpus(corpus_dir: Path) -> None:
    grid = read_workbook(corpus_dir / "calamine__date_1904.xlsx").sheets[0]
    assert grid.value(0, 0) == date(2021, 1, 1)
    assert grid.value(2, 0) == datetime(1904, 1, 11, 15, 10, 10)


def test_strings_shared_inline_rich_and_formula(tmp_path: Path) -> None:
    rich = '<si><r><rPr><b/></rPr><t>Fed</t></r><r><t xml:space="preserve"> og tynd</t></r>'
    rich += '<rPh sb="0" eb="1"><t>ふりがな</t></rPh></si>'
    cells = [
        c("A1", "0", t="s"),
        c("B1", "1", t="s"),
        c("C1", t="inlineStr", inner="<is><t>inline &amp; &lt;tekst&gt;</t></is>"),
        c("D1", "beregnet", t="str", f='"bereg"&amp;"net"'),
        c("E1", "2", t="s"),
    ]
    path = one_sheet(tmp_path, row(1, *cells), strings=["Målværdi", rich, "lodret_x000B_tab"])
    grid = read_workbook(path).sheets[0]
    assert grid.rows[0] == (
        "Målværdi",
        "Fed og tynd",
        "inline & <tekst>",
        "beregnet",
        "lodret\x0btab",
    )
    assert grid.formulas == {(0, 3)}


def test_booleans_and_errors(tmp_path: Path) -> None:
    cells = [c("A1", "1", t="b"), c("B1", "0", t="b"), c("C1", "#DIV/0!", t="e")]
    grid = read_workbook(one_sheet(tmp_path, row(1, *cells))).sheets[0]
    assert grid.rows[0] == (True, False, "#DIV/0!")
    assert grid.value(0, 0) is True
    assert isinstance(grid.value(0, 2), ExcelError)
    assert not isinstance(grid.value(0, 0), Decimal)


def test_errors_corpus(corpus_dir: Path) -> None:
    grid = read_workbook(corpus_dir / "calamine__errors.xlsx").sheets[0]
    values = [r[0] for r in grid.rows]
    assert values == ["#DIV/0!", "#NAME?", "#VALUE!", "#NULL!", "#REF!", "#NUM!", "#N/A"]
    assert all(isinstance(v, ExcelError) for v in values)
    assert grid.formulas == {(r, 0) for r in range(7)}


def test_formulas_cached_values_and_array_ranges(tmp_path: Path) -> None:
    rows = row(1, c("A1", "2"), c("B1", "4", f="A1*2"), c("C1", f="A1*3"))
    rows += row(2, c("A2", "1"), c("B2", "2", inner='<f t="shared" ref="B2:B3" si="0">A2*2</f>'))
    rows += row(3, c("A3", "5"), c("B3", "10", inner='<f t="shared" si="0"/>'))
    rows += row(4, c("A4", "7", inner='<f t="array" ref="A4:A5">B2:B3</f>'))
    rows += row(5, c("A5", "9"))
    grid = read_workbook(one_sheet(tmp_path, rows)).sheets[0]
    assert grid.value(0, 1) == Decimal(4)
    assert grid.value(0, 2) is None
    assert grid.formulas == {(0, 1), (0, 2), (1, 1), (2, 1), (3, 0), (4, 0)}
    assert grid.value(2, 1) == Decimal(10)


def test_ragged_rows_gaps_and_cells_without_r(tmp_path: Path) -> None:
    rows = row(2, c("B2", "1")) + row(5, c("A5", "1"), c("D5", "4"), c("E5"))
    rows += '<row r="6"><c><v>1</v></c><c><v>2</v></c></row><row r="8"/>'
    grid = read_workbook(one_sheet(tmp_path, rows)).sheets[0]
    one = Decimal(1)
    assert grid.rows == ((), (None, one), (), (), (one, None, None, Decimal(4)), (one, Decimal(2)))
    assert grid.n_cols == 4


def test_sheets_selected_by_loose_name(tmp_path: Path) -> None:
    sheets = {"Mål": sheet_xml(row(1, c("A1", "1"))), "Resultat": sheet_xml(row(1, c("A1", "2")))}
    path = build_xlsx(tmp_path / "t.xlsx", sheets)
    assert read_workbook(path).names() == ("Mål", "Resultat")
    wb = read_workbook(path, sheets=["RESULTAT "])
    assert wb.names() == ("Resultat",)
    assert wb.find("resultat") is not None


def test_prefixed_namespace_and_corpus_richtext(corpus_dir: Path) -> None:
    grid = read_workbook(corpus_dir / "calamine__richtext-namespaced.xlsx").sheets[0]
    assert grid.value(0, 0) == "inline string\nLine 2\nLine 3"
    assert grid.value(0, 7) == "shared string\nLine 2\nLine 3"


def test_openpyxl_written_file(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Ark"
    ws.append(["Mål", 0.85, 12, True])
    ws["B2"] = 0.25
    ws["B2"].number_format = "0%"
    ws["C2"] = date(2025, 3, 31)
    ws["D2"] = "=B1*2"
    wb.save(tmp_path / "o.xlsx")
    grid = read_workbook(tmp_path / "o.xlsx").sheets[0]
    assert grid.rows[0] == ("Mål", Decimal("0.85"), Decimal(12), True)
    assert grid.percent == {(1, 1)}
    assert grid.value(1, 2) == date(2025, 3, 31)
    assert grid.formulas == {(1, 3)} and grid.value(1, 3) is None


# ---------------------------------------------------------------------------------------------
# Against python-calamine on real files

CALAMINE_FILES = [
    "calamine__hyperlinks.xlsx",
    "calamine__table-multiple.xlsx",
    "calamine__merged_range.xlsx",
    "calamine__shared_formula_simple.xlsx",
    "calamine__date_1904.xlsx",
    "poi__xlookup.xlsx",
    "poi__54436.xlsx",
    "poi__DataTableCities.xlsx",
    "calamine__issue_261_fixed_by_excel.xlsx",
]


def _normal(value: object) -> object:
    """Bring a value from either reader to one comparable form."""
    if value == "" or value is None:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, (Decimal, int, float)):
        return float(value)
    return value


@pytest.mark.parametrize("name", CALAMINE_FILES)
def test_matches_calamine(corpus_dir: Path, name: str) -> None:
    calamine = pytest.importorskip("python_calamine")
    book = calamine.CalamineWorkbook.from_path(str(corpus_dir / name))
    ours = read_workbook(corpus_dir / name)
    compared = 0
    for grid in ours.sheets:
        sheet = book.get_sheet_by_name(grid.name)
        r0, c0 = sheet.start or (0, 0)
        for r, values in enumerate(sheet.to_python()):
            for col, theirs in enumerate(values):
                if isinstance(theirs, timedelta):  # [h]:mm durations: we give a datetime
                    continue
                assert _normal(grid.value(r0 + r, c0 + col)) == _normal(theirs), (grid.name, r, col)
                compared += theirs not in ("", None)
    assert compared > 0


# ---------------------------------------------------------------------------------------------
# Refusals


def test_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    path.write_text("Mål;Værdi\n1;2\n")
    with pytest.raises(WorkbookReadError, match="ikke en Excel-projektmappe"):
        read_workbook(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(WorkbookReadError, match="findes ikke"):
        read_workbook(tmp_path / "nope.xlsx")


def test_encrypted(corpus_dir: Path) -> None:
    with pytest.raises(WorkbookReadError, match="adgangskode"):
        read_workbook(corpus_dir / "calamine__pass_protected.xlsx")


def test_old_xls_is_told_apart(tmp_path: Path) -> None:
    """An OLE file with a Workbook stream is an .xls: read with calamine, here it is damaged."""
    path = tmp_path / "gammel.xls"
    path.write_bytes(ooxml.OLE_MAGIC + b"\0" * 100 + "Workbook".encode("utf-16-le"))
    assert ooxml.legacy_format(path) == "xls"
    with pytest.raises(WorkbookReadError, match=r"beskadiget.*gemme den som \.xlsx"):
        read_workbook(path)


def test_xlsb_is_read_for_scoring(corpus_dir: Path) -> None:
    path = corpus_dir / "calamine__any_sheets.xlsb"
    assert ooxml.legacy_format(path) == "xlsb"
    grids = read_workbook(path)
    assert grids.names() == ("Visible", "Hidden", "VeryHidden")  # the chart sheet is left out
    assert grids.sheets[0].value(0, 0) == Decimal(1) and grids.sheets[0].value(2, 1) == Decimal(6)
    assert read_workbook(path, ["hidden"]).names() == ("Hidden",)
    assert "kun læses" in (legacy_warning(path) or "")
    assert legacy_warning(CORPUS / "calamine__errors.xlsx") is None


def test_strict_is_read(corpus_dir: Path) -> None:
    grid = read_workbook(corpus_dir / "calamine__strict_iso_paths.xlsx").sheets[0]
    assert grid.name == "ml_out"
    assert grid.value(1, 1) == Decimal("1.5")
    assert grid.value(1, 6) == Decimal("78.46")


def test_truncated_zip(tmp_path: Path) -> None:
    path = one_sheet(tmp_path, row(1, c("A1", "1")))
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(WorkbookReadError, match="beskadiget"):
        read_workbook(path)


def test_corrupted_sheet_data(tmp_path: Path) -> None:
    path = one_sheet(tmp_path, row(1, c("A1", "1")))
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(broken, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename.endswith("sheet1.xml"):
                data = data[:-40]
            zout.writestr(info, data)
    with pytest.raises(WorkbookReadError, match="beskadiget"):
        read_workbook(broken)


def test_missing_workbook_part(tmp_path: Path) -> None:
    path = tmp_path / "x.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
    with pytest.raises(WorkbookReadError, match=r"workbook\.xml"):
        read_workbook(path)


def test_size_guard(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = one_sheet(tmp_path, row(1, c("A1", "1")))
    monkeypatch.setattr(ooxml, "MAX_PART_SIZE", 100)
    with pytest.raises(WorkbookReadError, match="urimeligt stor"):
        read_workbook(path)


def test_zip_bomb_ratio(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pad = "<!--" + " " * 300_000 + "-->"
    path = build_xlsx(tmp_path / "t.xlsx", {"A": sheet_xml(row(1, c("A1", "1")), head=pad)})
    monkeypatch.setattr(ooxml, "RATIO_FLOOR", 1000)
    monkeypatch.setattr(ooxml, "MAX_RATIO", 100)
    with pytest.raises(WorkbookReadError, match="urimeligt stor"):
        read_workbook(path)


def test_import_stays_light() -> None:
    code = (
        "import sys, calc.xlsx.reader, calc.xlsx.writeback\n"
        "bad = [m for m in ('openpyxl', 'lxml', 'pandas') if m in sys.modules]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO)


def test_reference_helper_sanity() -> None:
    assert parse_a1("XFD1048576") == (1048575, 16383)
    assert CORPUS.name == "xlsx-corpus"


# ---------------------------------------------------------------------------------------------
# Bounded reading (finding 4)


def test_only_the_shared_strings_the_sheets_use_are_read(tmp_path: Path) -> None:
    """The table is parsed only up to the last string used: what follows is never read (here
    it is not even XML)."""
    strings = ["Nr", "Mål", "<si><t>brugt</t></si>"] + ["<si><t>x</t><bad" for _ in range(3)]
    rows = row(1, c("A1", "0", t="s"), c("B1", "2", t="s"))
    path = build_xlsx(tmp_path / "t.xlsx", {"Mål": sheet_xml(rows)}, strings=strings)
    assert read_workbook(path).sheets[0].rows == (("Nr", "brugt"),)
    with zipfile.ZipFile(path) as zf:
        assert ooxml.count_shared_strings(zf, "xl/sharedStrings.xml") == 6
        assert ooxml.read_shared_strings(zf, "xl/sharedStrings.xml", {1}) == {1: "Mål"}


def test_too_many_shared_strings_are_refused_before_parsing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ooxml, "MAX_SHARED_STRINGS", 3)
    rows = row(1, c("A1", "0", t="s"))
    path = build_xlsx(tmp_path / "t.xlsx", {"Mål": sheet_xml(rows)}, strings=list("abcd"))
    with pytest.raises(WorkbookReadError, match=r"har 4 delte tekster.*grænsen er 3"):
        read_workbook(path)


def test_a_sheet_over_its_limit_is_refused_unread(tmp_path: Path) -> None:
    rows = "".join(row(r, c(f"A{r}", str(r))) for r in range(1, 200))
    path = build_xlsx(tmp_path / "t.xlsx", {"Mål": sheet_xml(rows), "Andet": sheet_xml(rows)})
    with pytest.raises(WorkbookReadError, match=r"Arket «Mål» .* fylder 0,0 MB udpakket"):
        read_workbook(path, limits={"mal": 1000})
    assert [g.name for g in read_workbook(path, ["Andet"], limits={"Mål": 1000}).sheets] == [
        "Andet"
    ]
