"""Write-back on generated workbooks: values, XML splices, styles, refusals and atomicity."""

from __future__ import annotations

import os
import re
import stat
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calc.errors import WriteBackError
from calc.grid import CellUpdate
from calc.xlsx import ooxml, writeback
from calc.xlsx.reader import read_workbook
from calc.xlsx.writeback import escape_text, number_text, write_back
from tests.xlsxbuild import DATE, GENERAL, PCT, build_xlsx, c, row, sheet_xml

SHEET = "xl/worksheets/sheet1.xml"


def part(path: Path, name: str = SHEET) -> str:
    with zipfile.ZipFile(path) as zf:
        return zf.read(name).decode("utf-8")


def cell_xml(xml: str, ref: str) -> str:
    m = re.search(rf'<(?:\w+:)?c r="{ref}"[^>]*?(?:/>|>.*?</(?:\w+:)?c>)', xml)
    assert m, ref
    return m.group(0)


def styles(xml: str) -> dict[str, str]:
    return dict(re.findall(r'<c r="([A-Z]+\d+)"(?: s="(\d+)")?', xml))


def snapshot(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


@pytest.fixture
def book(tmp_path: Path) -> Path:
    rows = row(1, c("A1", "1", s=6), c("C1", "3", s=PCT), c("D1", "4", f="A1*4"))
    rows += row(
        2, c("A2", "0", t="s", s=5), c("B2", "2", inner='<f t="shared" ref="B2:B3" si="0">A1</f>')
    )
    rows += row(
        3,
        c("B3", "2", inner='<f t="shared" si="0"/>'),
        c("C3", "8", inner='<f t="array" ref="C3:C4">A1:A2</f>'),
    )
    rows += row(4, c("C4", "9"))
    rows += row(6, c("A6", "6"), attrs=' spans="1:1" s="7" customFormat="1"')
    head = '<dimension ref="A1:D6"/>'
    head += '<cols><col min="5" max="6" width="9" style="2" customWidth="1"/></cols>'
    tail = (
        '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
    )
    sheets = {
        "Mål": sheet_xml(rows, head=head, tail=tail),
        "Andet": sheet_xml(row(1, c("A1", "1"))),
    }
    return build_xlsx(tmp_path / "plan.xlsx", sheets, strings=["Tekst"])


def write(path: Path, *updates: tuple[str, str | Decimal | int | None], sheet: str = "Mål") -> None:
    write_back(path, [CellUpdate(sheet, ref, value) for ref, value in updates])


def test_overwrite_number_keeps_style(book: Path) -> None:
    before = part(book, "xl/styles.xml")
    write(book, ("A1", Decimal("2.5")), ("B4", "tekst"))
    grid = read_workbook(book, ["Mål"]).sheets[0]
    assert grid.value(0, 0) == Decimal("2.5")
    assert cell_xml(part(book), "A1") == '<c r="A1" s="6"><v>2.5</v></c>'  # [Red]0.00;…
    assert part(book, "xl/styles.xml") == before


def test_a_format_that_could_lie_becomes_a_general_copy_of_the_style(book: Path) -> None:
    """A result in a `0%` cell would show 0,85 as 85 %: the cell gets a copy of its style with
    the General format, appended to <cellXfs>; every other byte of styles.xml is kept."""
    before = part(book, "xl/styles.xml")
    write(book, ("C1", Decimal("0.85")), ("C5", Decimal("9")))
    assert cell_xml(part(book), "C1") == '<c r="C1" s="9"><v>0.85</v></c>'
    grid = read_workbook(book, ["Mål"]).sheets[0]
    assert grid.value(0, 2) == Decimal("0.85") and (0, 2) not in grid.percent
    after = part(book, "xl/styles.xml")
    assert after == before.replace('<cellXfs count="9">', '<cellXfs count="10">').replace(
        "</cellXfs>", '<xf numFmtId="0" applyNumberFormat="1"/></cellXfs>'
    )
    write(book, ("C1", Decimal("0.5")), ("C5", Decimal("0.5")))  # C5: no style, General
    assert part(book, "xl/styles.xml") == after  # the copy is reused, not added again


@pytest.mark.filterwarnings("ignore:Workbook contains no default style")
def test_text_is_never_a_formula(book: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    write(book, ("A1", "=SUM(A1)"), ("E1", '+1 & <b>\x0b\r\n"x"_x000D_'), ("A2", "-2"))
    write(book, ("F9", "@SUM(A1)"), ("G9", "\x00\x1f\x7f=cmd|' /C calc'!A0"))
    assert read_workbook(book, ["Mål"]).sheets[0].value(8, 5) == "@SUM(A1)"
    assert read_workbook(book, ["Mål"]).sheets[0].value(8, 6) == "\x00\x1f\x7f=cmd|' /C calc'!A0"
    assert "_x0000__x001F_" in part(book) and "\x00" not in part(book)
    xml = part(book)
    assert "<f>" not in cell_xml(xml, "A1")
    grid = read_workbook(book, ["Mål"]).sheets[0]
    assert grid.value(0, 0) == "=SUM(A1)"
    assert grid.value(0, 4) == '+1 & <b>\x0b\r\n"x"_x000D_'
    assert grid.value(1, 0) == "-2"
    assert cell_xml(xml, "A2") == (
        '<c r="A2" s="5" t="inlineStr"><is><t xml:space="preserve">-2</t></is></c>'
    )
    ws = openpyxl.load_workbook(book)["Mål"]
    assert ws["A1"].value == "=SUM(A1)" and ws["A1"].data_type == "s"


def test_missing_row_is_inserted_in_order(book: Path) -> None:
    write(book, ("B5", Decimal(5)), ("A8", 8))
    xml = part(book)
    assert re.findall(r'<row r="(\d+)"', xml) == ["1", "2", "3", "4", "5", "6", "8"]
    grid = read_workbook(book, ["Mål"]).sheets[0]
    assert grid.value(4, 1) == Decimal(5) and grid.value(7, 0) == Decimal(8)


def test_missing_cell_in_the_middle_of_a_row(book: Path) -> None:
    write(book, ("B1", Decimal("-0")), ("F1", "slut"))
    xml = part(book)
    first = re.search(r'<row r="1".*?</row>', xml)
    assert first is not None
    assert re.findall(r'<c r="([A-Z]+)1"', first.group(0)) == ["A", "B", "C", "D", "F"]
    assert cell_xml(xml, "B1") == '<c r="B1"><v>0</v></c>'
    # F is in <col min="5" max="6" style="2">: a new cell takes its column's style.
    assert cell_xml(xml, "F1").startswith('<c r="F1" s="2" t="inlineStr">')


def test_new_cell_in_formatted_row_takes_row_style(book: Path) -> None:
    write(book, ("C6", "x"), ("D6", 1))
    assert cell_xml(part(book), "C6").startswith('<c r="C6" s="7" t="inlineStr">')
    # Row style 7 is a date and time format: a number there gets a General copy of it.
    assert cell_xml(part(book), "D6") == '<c r="D6" s="9"><v>1</v></c>'
    assert '<row r="6" spans="1:4"' in part(book)


def test_empty_a_cell_keeps_style(book: Path) -> None:
    write(book, ("A1", None), ("A2", ""))
    xml = part(book)
    assert cell_xml(xml, "A1") == '<c r="A1" s="6"/>'
    assert cell_xml(xml, "A2") == '<c r="A2" s="5"/>'
    grid = read_workbook(book, ["Mål"]).sheets[0]
    assert grid.value(0, 0) is None and grid.value(1, 0) is None


def test_styles_of_all_other_cells_unchanged(book: Path) -> None:
    before = styles(part(book))
    write(book, ("A1", 9), ("C1", "x"), ("A6", None), ("Z99", 1))
    after = styles(part(book))
    assert {k: v for k, v in after.items() if k != "Z99"} == before


@pytest.mark.parametrize("ref", ["D1", "B2", "B3", "C3", "C4"])
def test_refuse_formula_cells(book: Path, ref: str) -> None:
    before = snapshot(book)
    with pytest.raises(WriteBackError, match=rf"Mål!{ref} indeholder en formel"):
        write(book, ("A1", 2), (ref, 1))
    assert snapshot(book) == before
    assert list(book.parent.iterdir()) == [book]


def test_dimension_grows(book: Path) -> None:
    write(book, ("H20", 1))
    assert '<dimension ref="A1:H20"/>' in part(book)
    write(book, ("A3", 1))
    assert '<dimension ref="A1:H20"/>' in part(book)


def test_calc_pr_full_calc_on_load(book: Path) -> None:
    write(book, ("A1", 1))
    assert '<calcPr calcId="191029" fullCalcOnLoad="1"/>' in part(book, "xl/workbook.xml")


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ("", '</sheets><calcPr fullCalcOnLoad="1"/></workbook>'),
        ("<extLst><ext/></extLst>", '<calcPr fullCalcOnLoad="1"/><extLst>'),
        ('<calcPr fullCalcOnLoad="0" calcId="1"/>', '<calcPr fullCalcOnLoad="1" calcId="1"/>'),
        ("<calcPr></calcPr><oleSize/>", '<calcPr fullCalcOnLoad="1"></calcPr><oleSize/>'),
        (
            '<definedNames><definedName name="x">A!$A$1</definedName></definedNames><pivotCaches/>',
            '</definedNames><calcPr fullCalcOnLoad="1"/><pivotCaches/>',
        ),
    ],
)
def test_calc_pr_insertion(tmp_path: Path, extra: str, expected: str) -> None:
    path = build_xlsx(
        tmp_path / "t.xlsx", {"A": sheet_xml(row(1, c("A1", "1")))}, workbook_extra=extra
    )
    write(path, ("A1", 2), sheet="A")
    assert expected in part(path, "xl/workbook.xml")


def test_atomic_when_read_back_fails(book: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = snapshot(book)

    def fail(*args: object) -> None:
        raise WriteBackError("kontrol fejlede")

    monkeypatch.setattr(writeback, "_verify", fail)
    with pytest.raises(WriteBackError, match="kontrol fejlede"):
        write(book, ("A1", 2))
    assert snapshot(book) == before
    assert list(book.parent.iterdir()) == [book]


def test_read_back_detects_a_wrong_value(book: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = snapshot(book)
    real = writeback.encode_value
    monkeypatch.setattr(writeback, "encode_value", lambda v, s, c: (real(v, s, c)[0], "andet"))
    with pytest.raises(WriteBackError, match="Kontrollen af den skrevne fil mislykkedes"):
        write(book, ("A1", 2))
    assert snapshot(book) == before
    assert list(book.parent.iterdir()) == [book]


def test_other_entries_copied_verbatim(book: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.xlsx"
    write_back(book, [CellUpdate("Mål", "A1", 5)], out)
    with zipfile.ZipFile(book) as a, zipfile.ZipFile(out) as b:
        assert a.namelist() == b.namelist()
        changed = [n for n in a.namelist() if a.read(n) != b.read(n)]
        assert changed == ["xl/workbook.xml", SHEET]
        for x, y in zip(a.infolist(), b.infolist(), strict=True):
            if x.filename not in changed:
                assert (x.CRC, x.compress_size, x.compress_type) == (
                    y.CRC,
                    y.compress_size,
                    y.compress_type,
                )
    assert read_workbook(book).sheets[0].value(0, 0) == Decimal(1)


@pytest.fixture
def zipfile_fallback(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the verbatim copy give up, so write-back takes the zipfile re-compression path."""

    def unsupported(fh: object) -> None:
        raise ooxml._NotPlain("test")

    monkeypatch.setattr(ooxml, "_central_directory", unsupported)


@pytest.mark.usefixtures("zipfile_fallback")
def test_zipfile_fallback_keeps_contents(book: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.xlsx"
    write_back(book, [CellUpdate("Mål", "A1", 5)], out)
    with zipfile.ZipFile(book) as a, zipfile.ZipFile(out) as b:
        assert a.namelist() == b.namelist()
        assert [n for n in a.namelist() if a.read(n) != b.read(n)] == ["xl/workbook.xml", SHEET]


def test_permissions_kept(book: Path) -> None:
    os.chmod(book, 0o640)
    write(book, ("A1", 2))
    assert stat.S_IMODE(book.stat().st_mode) == 0o640


def test_prefixed_namespace(tmp_path: Path) -> None:
    xml = sheet_xml(row(1, c("A1", "1"), c("C1", "3")) + row(3, c("A3", "1")))
    xml = re.sub(r"<(/?)(worksheet|sheetData|row|c|v)\b", r"<\1x:\2", xml).replace(
        "xmlns=", "xmlns:x="
    )
    path = build_xlsx(tmp_path / "t.xlsx", {"A": xml})
    write(path, ("B1", "ny"), ("A2", 2), ("A3", None), sheet="A")
    out = part(path)
    assert '<x:c r="B1" t="inlineStr"><x:is><x:t xml:space="preserve">ny</x:t></x:is></x:c>' in out
    assert '<x:row r="2"><x:c r="A2"><x:v>2</x:v></x:c></x:row>' in out
    assert read_workbook(path).sheets[0].rows == (
        (Decimal(1), "ny", Decimal(3)),
        (Decimal(2),),
    )


def test_self_closing_sheet_data_and_rows(tmp_path: Path) -> None:
    empty = sheet_xml("").replace("<sheetData></sheetData>", "<sheetData/>")
    rowed = sheet_xml('<row r="2" spans="2:2"/>')
    path = build_xlsx(tmp_path / "t.xlsx", {"A": empty, "B": rowed})
    write(path, ("B2", 1), sheet="A")
    write(path, ("B2", 2), ("A2", 1), sheet="B")
    assert '<sheetData><row r="2"><c r="B2"><v>1</v></c></row></sheetData>' in part(path)
    assert '<row r="2" spans="1:2"><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c></row>' in part(
        path, "xl/worksheets/sheet2.xml"
    )


def test_new_cell_goes_before_row_ext_lst(tmp_path: Path) -> None:
    rows = '<row r="1"><c r="A1"><v>1</v></c><extLst><ext uri="x"/></extLst></row>'
    path = build_xlsx(tmp_path / "t.xlsx", {"A": sheet_xml(rows)})
    write(path, ("B1", 2), sheet="A")
    assert '<c r="B1"><v>2</v></c><extLst>' in part(path)


def test_no_updates_in_place_is_a_no_op(book: Path) -> None:
    before = snapshot(book)
    write_back(book, [])
    assert snapshot(book) == before


def test_symlink_is_written_through(book: Path, tmp_path: Path) -> None:
    link = tmp_path / "link.xlsx"
    link.symlink_to(book)
    write_back(link, [CellUpdate("Mål", "A1", 3)])
    assert link.is_symlink()
    assert read_workbook(book).sheets[0].value(0, 0) == Decimal(3)


def test_date_styled_cell_gets_the_number_shown_as_a_number(tmp_path: Path) -> None:
    path = build_xlsx(tmp_path / "t.xlsx", {"A": sheet_xml(row(1, c("A1", "45292", s=DATE)))})
    write(path, ("A1", 45293), sheet="A")
    assert cell_xml(part(path), "A1") == '<c r="A1" s="9"><v>45293</v></c>'


def test_whole_sheet_outside_targets_unchanged(book: Path) -> None:
    before = part(book)
    write(book, ("A1", 2))
    after = part(book)
    assert after.replace('<c r="A1" s="6"><v>2</v></c>', '<c r="A1" s="6"><v>1</v></c>') == before


def test_generated_by_openpyxl_round_trip(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Resultat"
    ws.append(["Mål", "Score"])
    ws.append(["M1", 0.5])
    ws["B2"].number_format = "0%"
    wb.save(tmp_path / "r.xlsx")
    write_back(
        tmp_path / "r.xlsx",
        [CellUpdate("resultat", "B2", Decimal("0.75")), CellUpdate("Resultat", "C3", "ok")],
    )
    ws = openpyxl.load_workbook(tmp_path / "r.xlsx")["Resultat"]
    assert ws["B2"].value == 0.75 and ws["B2"].number_format == "General"  # was 0%
    assert ws["C3"].value == "ok"


# ---------------------------------------------------------------------------------------------
# Refusals


def test_unknown_sheet(book: Path) -> None:
    before = snapshot(book)
    with pytest.raises(WriteBackError, match=r"Arket «Resultat» findes ikke.*«Mål», «Andet»"):
        write(book, ("A1", 1), sheet="Resultat")
    assert snapshot(book) == before


@pytest.mark.parametrize("ref", ["XFE1", "A1048577", "A0", "1A", "AAAA1", ""])
def test_reference_outside_excel(book: Path, ref: str) -> None:
    with pytest.raises(WriteBackError, match="Excels grænser"):
        write(book, (ref, 1))


def test_extreme_cells_are_fine(book: Path) -> None:
    write(book, ("XFD1048576", 1))
    assert '<dimension ref="A1:XFD1048576"/>' in part(book)


def test_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "x.xlsx"
    path.write_text("hej")
    with pytest.raises(WriteBackError, match="ikke en Excel-projektmappe"):
        write(path, ("A1", 1))


def test_signed_workbook(book: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(book, "a") as zf:
        zf.writestr("_xmlsignatures/sig1.xml", "<Signature/>")
    before = snapshot(book)
    with pytest.raises(WriteBackError, match="signeret digitalt"):
        write(book, ("A1", 1))
    assert snapshot(book) == before
    write_back(book, [CellUpdate("Mål", "A1", 7)], allow_signed=True)
    assert read_workbook(book).sheets[0].value(0, 0) == Decimal(7)


def test_rows_without_r_are_refused(tmp_path: Path) -> None:
    path = build_xlsx(tmp_path / "t.xlsx", {"A": sheet_xml("<row><c><v>1</v></c></row>")})
    with pytest.raises(WriteBackError, match="rækkenummer"):
        write(path, ("A1", 2), sheet="A")


def test_chartsheet_target_refused(corpus_dir: Path, tmp_path: Path) -> None:
    src = corpus_dir / "xlsxwriter__chartsheet01.xlsx"
    info = ooxml.read_workbook_info(zipfile.ZipFile(src))
    chart = next(s.name for s in info.sheets if s.kind == "chartsheet")
    with pytest.raises(WriteBackError, match="ikke et almindeligt regneark"):
        write_back(src, [CellUpdate(chart, "A1", 1)], tmp_path / "o.xlsx")
    assert list(tmp_path.iterdir()) == []


def test_bad_value_type(book: Path) -> None:
    with pytest.raises(TypeError):
        write_back(book, [CellUpdate("Mål", "A1", True)])
    with pytest.raises(WriteBackError, match="kan ikke gemmes"):
        write(book, ("A1", Decimal("NaN")))


# ---------------------------------------------------------------------------------------------
# Value encoding


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Decimal("2.50"), "2.5"),
        (Decimal("-0"), "0"),
        (Decimal("-0.000"), "0"),
        (Decimal("1E+20"), "100000000000000000000"),
        (Decimal("1E-5"), "0.00001"),
        (Decimal("0.12345678901234567"), "0.123456789012346"),
        (Decimal("123456789012345678"), "123456789012346000"),
        (12, "12"),
        (-7, "-7"),
        (Decimal("0.85"), "0.85"),
    ],
)
def test_number_text(value: Decimal | int, text: str) -> None:
    assert number_text(value, "A", "A1") == text


def test_escape_text() -> None:
    assert escape_text('a&b<c>"d"') == "a&amp;b&lt;c&gt;&quot;d&quot;"
    assert escape_text("\x00\x0b\r\t\n") == "_x0000__x000B__x000D_\t\n"
    assert escape_text("_x000B_") == "_x005F_x000B_"
    assert escape_text("\ufffe") == "_xFFFE_"
    assert GENERAL == 0


@settings(max_examples=300, deadline=None)
@given(st.decimals(allow_nan=False, allow_infinity=False) | st.integers())
def test_number_text_properties(value: Decimal | int) -> None:
    try:
        text = number_text(value, "A", "A1")
    except WriteBackError:
        assert abs(Decimal(value)) > Decimal("9.99999999999999E+307")
        return
    assert "E" not in text and "e" not in text and text != "-0"
    digits = text.lstrip("-").replace(".", "").lstrip("0").rstrip("0")
    assert len(digits) <= 15
    # What the reader makes of it is exactly what was written.
    assert Decimal(repr(float(text))) == Decimal(text)
    if text != "0":
        assert abs(Decimal(text) - Decimal(value)) <= abs(Decimal(value)) * Decimal("1E-14")


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=40))
def test_any_text_round_trips(tmp_path_factory: pytest.TempPathFactory, text: str) -> None:
    folder = tmp_path_factory.mktemp("text")
    path = build_xlsx(folder / "t.xlsx", {"A": sheet_xml(row(1, c("A1", "1")))})
    write(path, ("B1", text), sheet="A")  # write_back itself reads the value back and checks it
    assert read_workbook(path).sheets[0].value(0, 1) == (text or None)


@pytest.mark.usefixtures("zipfile_fallback")
def test_properties_added_in_the_zipfile_fallback(book: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.xlsx"
    write_back(book, [CellUpdate("Mål", "A1", 5)], out, properties={"Målscore.Format": "1"})
    with zipfile.ZipFile(book) as a, zipfile.ZipFile(out) as b:
        assert b.namelist() == [*a.namelist(), "docProps/custom.xml"]
        assert ooxml.read_custom_properties(b) == {"Målscore.Format": "1"}


def test_only_properties_in_place(book: Path) -> None:
    """The stamp alone can be written (no cell updates): the sheets stay as they were."""
    with zipfile.ZipFile(book) as zf:
        sheet = zf.read(SHEET)
    write_back(book, [], properties={"Målscore.Format": "1"})
    with zipfile.ZipFile(book) as zf:
        assert zf.read(SHEET) == sheet and ooxml.read_custom_properties(zf)


def test_first_altered_copy_finds_a_changed_byte_without_inflating(tmp_path: Path) -> None:
    src = tmp_path / "a.zip"
    with zipfile.ZipFile(src, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/worksheets/sheet1.xml", "<x>" + "1" * 5000 + "</x>")
        zf.writestr("xl/media/image1.png", b"\x89PNG" + bytes(range(256)) * 20)
    same = tmp_path / "b.zip"
    same.write_bytes(src.read_bytes())
    assert ooxml.first_altered_copy(src, same, set()) is None
    data = bytearray(src.read_bytes())
    with zipfile.ZipFile(src) as zf:
        info = zf.getinfo("xl/media/image1.png")
    at = info.header_offset + 30 + len(info.filename) + 5  # inside the stored data
    data[at] ^= 0xFF
    altered = tmp_path / "c.zip"
    altered.write_bytes(bytes(data))
    assert ooxml.first_altered_copy(src, altered, set()) == "xl/media/image1.png"
    assert ooxml.first_altered_copy(src, altered, {"xl/media/image1.png"}) is None


def test_drop_stamp_keeps_every_other_property(book: Path, tmp_path: Path) -> None:
    """Next year's plan (`nyt-år`) has no stamp; the owner's own properties stay."""
    write_back(book, [], properties={"Målscore.Format": "1", "Målscore.Version": "0.1.0"})
    with zipfile.ZipFile(book) as zf:
        member = ooxml.custom_properties_member(zf)
        assert member is not None
        xml = zf.read(member)
    own = b'<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="99" name="Sagsnr">'
    own += b"<vt:lpwstr>2025-123</vt:lpwstr></property>"
    patched = xml.replace(b"</Properties>", own + b"</Properties>")
    with zipfile.ZipFile(book) as a, zipfile.ZipFile(tmp_path / "own.xlsx", "w") as b:
        for info in a.infolist():
            b.writestr(info, patched if info.filename == member else a.read(info.filename))
    out = tmp_path / "next.xlsx"
    write_back(tmp_path / "own.xlsx", [CellUpdate("Mål", "A1", 5)], out, drop_stamp=True)
    with zipfile.ZipFile(out) as zf:
        assert ooxml.read_custom_properties(zf) == {"Sagsnr": "2025-123"}


def test_rows_written_with_a_second_prefix_for_the_namespace(tmp_path: Path) -> None:
    """Finding 10: a sheet binding SpreadsheetML to the default namespace and to `s:`, its
    rows written `<s:row>`, got a second, out-of-order `<row r="8">`."""
    from tests.xlsxbuild import MAIN

    rows = '<s:row r="8"><s:c r="A8"><s:v>1</s:v></s:c></s:row><s:row r="9"/>'
    xml = (
        f'<?xml version="1.0"?><worksheet xmlns="{MAIN}" xmlns:s="{MAIN}"><sheetData>{rows}'
        "</sheetData></worksheet>"
    )
    path = build_xlsx(tmp_path / "t.xlsx", {"A": xml})
    write(path, ("B8", 2), ("A10", 3), sheet="A")
    out = part(path)
    assert out.count('<s:row r="8"') == 1 and out.count("<row") == 0
    assert (
        '<s:row r="8"><s:c r="A8"><s:v>1</s:v></s:c><s:c r="B8"><s:v>2</s:v></s:c></s:row>' in out
    )
    assert out.index('r="9"') < out.index('r="10"')
    assert read_workbook(path).sheets[0].rows[7:10] == ((Decimal(1), Decimal(2)), (), (Decimal(3),))
    mixed = xml.replace('<s:row r="9"/>', '<row r="9"/>')
    path = build_xlsx(tmp_path / "m.xlsx", {"A": mixed})
    with pytest.raises(WriteBackError, match="forskellige præfikser"):
        write(path, ("B8", 2), sheet="A")
