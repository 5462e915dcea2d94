"""Shared strings that only emptied cells used are emptied too; every other entry keeps its
place and text, every other member of the file its bytes."""

from __future__ import annotations

import zipfile
from pathlib import Path

from calc.grid import CellUpdate
from calc.xlsx.reader import read_workbook
from calc.xlsx.scrub import blank_strings, orphaned_strings, used_strings
from calc.xlsx.writeback import write_back
from tests.xlsxbuild import build_xlsx, c, row, sheet_xml


def book(tmp_path: Path) -> Path:
    """Two sheets whose text is in the shared-string table, as Excel saves it; entry 4 is rich
    text (runs), entry 2 is used on both sheets."""
    strings = [
        "Navn",
        "Jens Hemmelig",
        "fælles",
        "Skøn: særlig grund",
        "<si><r><t>Fed </t></r><r><rPr><b/></rPr><t>begrundelse</t></r></si>",
    ]
    pay = "".join(
        row(r, c(f"A{r}", str(i), t="s")) for r, i in ((1, 0), (2, 1), (3, 2), (4, 3), (5, 4))
    )
    plan = row(1, c("A1", "2", t="s")) + row(2, c("A2", "0", t="s"))
    return build_xlsx(
        tmp_path / "book.xlsx", {"Løn": sheet_xml(pay), "Plan": sheet_xml(plan)}, strings
    )


def test_only_strings_no_cell_uses_any_more_are_emptied(tmp_path):
    src = book(tmp_path)
    emptied = tmp_path / "emptied.xlsx"
    updates = [CellUpdate("Løn", f"A{r}", None) for r in (2, 3, 4, 5)]
    write_back(src, updates, emptied)
    part, used = used_strings(emptied)
    assert part == "xl/sharedStrings.xml" and used == {0, 2}
    gone = orphaned_strings(src, emptied)
    assert gone == {1, 3, 4}  # "fælles" is still used on Plan: kept
    out = tmp_path / "out.xlsx"
    assert blank_strings(emptied, out, gone) == 3
    with zipfile.ZipFile(out) as zf:
        table = zf.read("xl/sharedStrings.xml").decode()
        everything = b"".join(zf.read(n) for n in zf.namelist())
    for secret in ("Jens Hemmelig", "særlig grund", "begrundelse"):
        assert secret.encode() not in everything
    assert "fælles" in table and "Navn" in table
    grids = read_workbook(out)
    assert grids.find("Plan").rows[0][0] == "fælles" and grids.find("Plan").rows[1][0] == "Navn"
    assert grids.find("Løn").rows[0][0] == "Navn"
    with zipfile.ZipFile(emptied) as a, zipfile.ZipFile(out) as b:
        for name in a.namelist():
            if name != "xl/sharedStrings.xml":
                assert a.read(name) == b.read(name), name


def test_nothing_to_empty_copies_the_file(tmp_path):
    src = book(tmp_path)
    out = tmp_path / "same.xlsx"
    assert blank_strings(src, out, set()) == 0
    assert out.read_bytes() == src.read_bytes()
