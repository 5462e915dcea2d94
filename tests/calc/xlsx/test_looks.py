"""How cells look beyond their value: formats from styles.xml, hidden rows and columns,
conditional formats (main and x14), on hand-built XML and on real files from the corpus."""

from __future__ import annotations

import zipfile
from pathlib import Path

from calc.xlsx import ooxml
from calc.xlsx.looks import Conditional, Look, parse_styles, read_looks, sheet_looks
from tests.xlsxbuild import MAIN, build_xlsx, c, rewrite_member, row, sheet_xml

STYLES = f"""<styleSheet xmlns="{MAIN}">
<numFmts><numFmt numFmtId="164" formatCode="&quot;5&quot;"/>
<numFmt numFmtId="165" formatCode="0.0"/></numFmts>
<cellStyleXfs><xf numFmtId="0"/><xf numFmtId="164"/></cellStyleXfs>
<cellXfs><xf numFmtId="0"/><xf numFmtId="165"/><xf numFmtId="0" xfId="1" applyNumberFormat="0"/>
<xf numFmtId="10"/></cellXfs>
<dxfs><dxf><font><b/></font></dxf><dxf><numFmt numFmtId="166" formatCode=";;;"/></dxf></dxfs>
</styleSheet>""".encode()


def test_styles_give_the_codes_a_program_may_use() -> None:
    styles = parse_styles(STYLES)
    assert styles.cell_codes(0) == ("General",)
    assert styles.cell_codes(1) == ("0.0",)
    # applyNumberFormat="0": a program may take the parent cell style's format instead
    assert styles.cell_codes(2) == ("General", '"5"')
    assert styles.cell_codes(3) == ("0.00%",)
    assert styles.cell_codes(9)[0].startswith("[ukendt talformat")
    assert styles.dxf_codes == (None, ";;;")
    assert parse_styles(None).cell_codes(7) == ("General",)


def test_hidden_rows_columns_and_conditional_formats() -> None:
    rows = row(1, c("A1", "1", s=1), c("B1", "1"), c("C1", "1", s=2))
    rows += row(2, c("A2", "1"), attrs=' hidden="1"') + row(3, c("A3", "1"), attrs=' ht="0"')
    head = '<cols><col min="2" max="2" width="0" customWidth="1"/></cols>'
    tail = (
        '<conditionalFormatting sqref="A1 C1:C3"><cfRule type="cellIs" dxfId="1" priority="1">'
        '<formula>0</formula></cfRule><cfRule type="iconSet" priority="2"><iconSet '
        'showValue="0"><cfvo type="percent" val="0"/></iconSet></cfRule></conditionalFormatting>'
    )
    xml = sheet_xml(rows, head=head, tail=tail).encode()
    looks = sheet_looks(xml, parse_styles(STYLES), [(0, 0), (0, 1), (0, 2), (1, 0), (2, 0)])
    rules = (Conditional("cellIs", ";;;"), Conditional("iconSet", None, shows_value=False))
    assert looks[(0, 0)] == Look(("0.0",), False, rules)
    assert looks[(0, 1)] == Look(("General",), True, ())
    assert looks[(1, 0)].hidden and looks[(2, 0)].hidden
    assert (
        looks[(0, 2)].misleading(1)
        == 'talformatet «"5"»: afsnittet for tallet viser ikke tallet (viser «5»)'
    )
    assert looks[(0, 0)].misleading(1) == (
        "betinget formatering med talformatet «;;;»: afsnittet for tallet viser ikke tallet "
        "(viser intet)"
    )
    assert looks[(0, 1)].misleading(1) is None and looks[(0, 0)].misleading(None) is None
    assert looks[(0, 0)].text() == ("fmt=0.0\x1ecf=cellIs:;;;:1\x1ecf=iconSet::0")


def test_read_looks_from_a_package(tmp_path: Path) -> None:
    path = build_xlsx(
        tmp_path / "t.xlsx", {"Ark": sheet_xml(row(1, c("A1", "1", s=3)))}, styles=STYLES.decode()
    )
    with zipfile.ZipFile(path) as zf:
        looks, states = read_looks(zf, {"Ark": [(0, 0)], "Mangler": [(0, 0)]})
    assert looks == {"Ark": {(0, 0): Look(("0.00%",))}} and states == {"Ark": "visible"}


def test_real_conditional_formats_from_the_corpus(corpus_dir: Path) -> None:
    """POI's samples: icon sets without values, a differential format `"Super!  "00`, and x14
    data bars next to their main rule."""

    def looks_of(
        name: str, sheet: str, cells: list[tuple[int, int]]
    ) -> dict[tuple[int, int], Look]:
        with zipfile.ZipFile(corpus_dir / name) as zf:
            return read_looks(zf, {sheet: cells})[0][sheet]

    samples = "poi__ConditionalFormattingSamples.xlsx"
    quarters = looks_of(samples, "Quarters", [(4, 9)])[(4, 9)]
    assert (
        quarters.misleading(5)
        == "betinget formatering (iconSet) viser et symbol i stedet for værdien"
    )
    grades = looks_of(samples, "Grades", [(5, 5)])[(5, 5)]
    assert grades.conditional == (Conditional("top10", '"Super!  "00'),)
    assert grades.misleading(91) is not None
    new_style = looks_of("poi__NewStyleConditionalFormattings.xlsx", "CF", [(12, 4)])[(12, 4)]
    assert [r.kind for r in new_style.conditional] == ["dataBar", "dataBar"]  # main + x14


def test_sheet_state_is_read(tmp_path: Path) -> None:
    path = build_xlsx(tmp_path / "t.xlsx", {"Ark": sheet_xml(""), "Skjult": sheet_xml("")})
    with zipfile.ZipFile(path) as zf:
        xml = zf.read("xl/workbook.xml").replace(b'name="Skjult"', b'name="Skjult" state="hidden"')
    rewrite_member(path, "xl/workbook.xml", lambda _: xml)
    with zipfile.ZipFile(path) as zf:
        states = [s.state for s in ooxml.read_workbook_info(zf).sheets]
    assert states == ["visible", "hidden"]
