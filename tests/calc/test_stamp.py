"""The integrity stamp: where it lives, what it holds, and that writing it is deterministic."""

from __future__ import annotations

import re
import shutil
import zipfile
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from calc.engine import FileOptions, score_file
from calc.grid import CaseSheet, ExcelError, SheetGrid, WorkbookGrids
from calc.stamp import (
    CELL_LIMIT,
    CHUNK,
    PROP_CELLS,
    Stamp,
    StampError,
    canonical,
    canonical_result,
    fingerprint_inputs,
)
from calc.xlsx import ooxml
from calc.xlsx.writeback import (
    add_content_type,
    add_package_relationship,
    merge_custom_properties,
    new_custom_properties,
)
from tests.conftest import WORKBOOKS

EXAMPLE = WORKBOOKS / "eksempel-000-hjemrejsestyrelsen-2025.xlsx"
NOW = datetime(2026, 1, 15, 9, 30)


def options(**kw: object) -> FileOptions:
    return FileOptions(stamp_time=NOW, backup=False, **kw)  # type: ignore[arg-type]


def props(path: Path) -> dict[str, str]:
    with ooxml.open_zip(path) as zf:
        return ooxml.read_custom_properties(zf)


def test_stamp_is_custom_properties(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    shutil.copyfile(EXAMPLE, path)
    score_file(path, now=NOW, options=options())
    p = props(path)
    assert p["Målscore.Format"] == "2"
    assert p["Målscore.Version"] == "0.1.0" or p["Målscore.Version"]
    assert p["Målscore.Beregnet"].startswith("2026-01-15T09:30:00")
    assert re.fullmatch(r"sha256:[0-9a-f]{64}", p["Målscore.Input"])
    assert re.fullmatch(r"sha256:[0-9a-f]{64}", p["Målscore.Resultat"])
    assert re.fullmatch(r"sha256:[0-9a-f]{64}", p["Målscore.Visning"])
    pieces = [k for k in p if k.startswith(PROP_CELLS)]
    assert pieces and all(len(p[k]) <= CHUNK for k in pieces)
    assert all(len(v) < 255 for v in p.values())
    stamp = Stamp.from_properties(p)
    assert stamp is not None and set(stamp.inputs) == {
        "Plan",
        "Mål",
        "Milepæle",
        "Sagsdata",
        "Resultatløn",
        "Resultat",  # its cells the tool did not write: none in the example
    }
    assert stamp.inputs["Resultat"].cells == {}
    assert "Resultat" in stamp.results and "Plan" not in stamp.results
    assert stamp.looks is not None and set(stamp.looks) == set(stamp.results)
    assert all(set(stamp.looks[s]) == set(stamp.results[s]) for s in stamp.results)
    assert stamp.states == dict.fromkeys(stamp.results, "visible")


def test_package_splices_are_minimal(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    shutil.copyfile(EXAMPLE, path)
    score_file(path, now=NOW, options=options())
    with zipfile.ZipFile(EXAMPLE) as a, zipfile.ZipFile(path) as b:
        assert b.namelist() == [*a.namelist(), "docProps/custom.xml"]
        types_old, types_new = a.read("[Content_Types].xml"), b.read("[Content_Types].xml")
        rels_old, rels_new = a.read("_rels/.rels"), b.read("_rels/.rels")
    added = (
        b'<Override PartName="/docProps/custom.xml" ContentType="application/vnd.'
        b'openxmlformats-officedocument.custom-properties+xml"/>'
    )
    assert types_new.replace(added, b"") == types_old and types_new.count(added) == 1
    rel = re.search(rb"<Relationship Id=\"rIdMaalscore\"[^>]*/>", rels_new)
    assert rel and rels_new.replace(rel.group(0), b"") == rels_old


def test_second_beregn_is_byte_identical(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    shutil.copyfile(EXAMPLE, path)
    score_file(path, now=NOW, options=options())
    first = path.read_bytes()
    score_file(path, now=NOW, options=options())
    assert path.read_bytes() == first


def test_second_beregn_differs_only_in_time(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    shutil.copyfile(EXAMPLE, path)
    score_file(path, now=NOW, options=options())
    with zipfile.ZipFile(path) as zf:
        first = {n: zf.read(n) for n in zf.namelist()}
    later = datetime(2026, 2, 1, 8, 0)
    score_file(path, now=later, options=FileOptions(stamp_time=later, backup=False))
    with zipfile.ZipFile(path) as zf:
        second = {n: zf.read(n) for n in zf.namelist()}
    changed = sorted(n for n in first if first[n] != second[n])
    # The Resultat sheet's "Beregnet" line, and the stamp (time, result digest, cell hashes).
    assert changed == ["docProps/custom.xml", "xl/worksheets/sheet7.xml"]


def test_existing_custom_properties_are_kept(tmp_path: Path) -> None:
    xml = (
        b'<?xml version="1.0"?>\n<Properties xmlns="http://schemas.openxmlformats.org/'
        b'officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/'
        b'officeDocument/2006/docPropsVTypes">\n  <property fmtid="{D5CDD505-2E9C-101B-9397-'
        b'08002B2CF9AE}" pid="2" name="Ejer"><vt:lpwstr>Okonomi</vt:lpwstr></property>\n'
        + '  <property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="7" '
        'name="Målscore.Celler.009"><vt:lpwstr>gammel</vt:lpwstr></property>\n</Properties>'.encode()
    )
    merged = merge_custom_properties(xml, {"Målscore.Format": "1"}, tmp_path / "x.xlsx")
    assert b"Ejer" in merged and b"gammel" not in merged
    assert 'pid="3" name="Målscore.Format"'.encode() in merged
    assert merge_custom_properties(merged, {"Målscore.Format": "1"}, tmp_path) == merged
    empty = b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"/>'
    once = merge_custom_properties(empty, {"Målscore.A": "x&y"}, tmp_path)
    assert b"x&amp;y" in once and b'xmlns:vt="' in once
    assert new_custom_properties({"Målscore.A": "1"}).count(b"<property ") == 1


def test_splices_are_idempotent(tmp_path: Path) -> None:
    types = b'<Types xmlns="x"><Default Extension="xml" ContentType="application/xml"/></Types>'
    once = add_content_type(types, tmp_path)
    assert add_content_type(once, tmp_path) == once
    rels = (
        b'<Relationships xmlns="x"><Relationship Id="rIdMaalscore" Type="t" Target="a"/>'
        b"</Relationships>"
    )
    assert b'Id="rIdMaalscore2"' in add_package_relationship(rels, tmp_path)


def test_canonical_values() -> None:
    assert canonical(Decimal("5.00")) == canonical(5) == canonical(5.0) == "n:5"
    assert canonical(Decimal("-0")) == "n:0"
    assert canonical(Decimal("0.85"), percent=True) == "n:0.85%"
    assert canonical(True) == "b:1" and canonical(1) == "n:1"
    assert canonical(ExcelError("#N/A")) == "e:#N/A" != canonical("#N/A")
    assert canonical(date(2025, 3, 17)) == "t:2025-03-17"
    assert canonical(None) == canonical("") == ""
    assert canonical_result(date(2025, 3, 17)) == "n:45733" == canonical_result(Decimal(45733))


def test_large_sheet_is_fingerprinted_in_blocks() -> None:
    rows = tuple((f"S{r}", Decimal(r)) for r in range(CELL_LIMIT))
    grid = SheetGrid("Sagsdata", rows)
    digest, prints = fingerprint_inputs([grid], {}, {})
    sheet = prints["Sagsdata"]
    assert sheet.cells is None and sheet.blocks is not None and len(sheet.blocks) <= 500
    changed = SheetGrid("Sagsdata", rows[:100] + (("S100", Decimal(-1)),) + rows[101:])
    digest2, prints2 = fingerprint_inputs([changed], {}, {}, prints)
    assert digest2 != digest
    diff = [b for b in sheet.blocks if sheet.blocks[b] != (prints2["Sagsdata"].blocks or {})[b]]
    assert diff == [100 // sheet.block]
    stamp = Stamp("v", "t", digest, "r", prints, {})
    assert Stamp.from_properties(stamp.properties()) == stamp
    assert WorkbookGrids((grid,)).find("sagsdata") is grid


def test_unknown_format_and_garbage() -> None:
    assert Stamp.from_properties({"Andet": "x"}) is None
    with pytest.raises(StampError, match="formatet"):
        Stamp.from_properties({"Målscore.Format": "9"})
    with pytest.raises(StampError, match="beskadiget"):
        Stamp.from_properties({"Målscore.Format": "1", "Målscore.Celler.001": "eJw="})


def test_columnar_case_sheet_is_hashed_per_block() -> None:
    """A large Sagsdata read column by column (calc.grid.CaseSheet): blocks, fast."""
    n = 20_000
    ids = tuple(f"S{i}" for i in range(n))
    days = tuple(float(i % 90) for i in range(n))

    def sheet(days_col: tuple[float, ...]) -> SheetGrid:
        return CaseSheet("Sagsdata", (), columns=(ids, days_col), height=n)

    digest, prints = fingerprint_inputs([sheet(days)], {}, {})
    k = prints["Sagsdata"].block
    assert k == 40 and prints["Sagsdata"].blocks is not None
    changed = days[:12_345] + (999.0,) + days[12_346:]
    digest2, prints2 = fingerprint_inputs([sheet(changed)], {}, {}, prints)
    old, new = prints["Sagsdata"].blocks, prints2["Sagsdata"].blocks or {}
    assert digest2 != digest and [b for b in old if old[b] != new[b]] == [12_345 // k]


def _format_2_blocks(
    columns: tuple[tuple[object, ...], ...], height: int, k: int
) -> dict[int, str]:
    """How format 2 hashed a columnar sheet (a copy of that code): `tjek` must still compute
    exactly this for a format 2 stamp."""
    import hashlib

    out = {}
    for b in range(-(-height // k)):
        h = hashlib.sha256()
        for col in columns:
            h.update(repr(list(col[b * k : min(height, (b + 1) * k)])).encode())
            h.update(b"\x1e")
        out[b] = h.hexdigest()[:8]
    return out


def _cases(n: int) -> tuple[tuple[object, ...], ...]:
    goals = tuple(("1.a", "1.b", "2")[i % 3] for i in range(n))
    ids = tuple(f"S{i}" for i in range(n))
    received = tuple(date(2025, 1, 1 + i % 28) for i in range(n))
    days = tuple(float(2 + i % 90) if i % 4 else "" for i in range(n))
    return goals, ids, received, days


def test_columnar_sheet_hashing_per_column_and_format_3() -> None:
    """Dates by a table of distinct values (`m`), text joined (`s`), numbers by `repr` (`r`);
    recorded per sheet, so the stamp is format 3 and survives its properties."""
    from calc.stamp import VALUE_FORMAT, make_stamp

    n = 6_000
    grid = CaseSheet("Sagsdata", (), columns=_cases(n), height=n)
    digest, prints = fingerprint_inputs([grid], {}, {})
    assert prints["Sagsdata"].methods == "ssmr"
    stamp = make_stamp(WorkbookGrids((grid,)), None, [], now=NOW)
    assert stamp.format == VALUE_FORMAT and stamp.input_digest == digest
    p = stamp.properties()
    assert p["Målscore.Format"] == "3"
    assert Stamp.from_properties(p) == stamp
    # a stamp without a columnar sheet stays format 2, which an older Målscore reads
    small = make_stamp(WorkbookGrids((SheetGrid("Sagsdata", (("a", 1),)),)), None, [], now=NOW)
    assert small.format == "2" and small.properties()["Målscore.Format"] == "2"


def test_a_format_2_stamp_of_a_columnar_sheet_is_checked_the_format_2_way() -> None:
    from calc.stamp import SheetPrint

    n = 6_000
    columns = _cases(n)
    grid = CaseSheet("Sagsdata", (), columns=columns, height=n)
    k = 12
    old = SheetPrint(block=k, blocks=_format_2_blocks(columns, n, k))  # methods "": format 2
    _, prints = fingerprint_inputs([grid], {}, {}, {"Sagsdata": old})
    assert prints["Sagsdata"].blocks == old.blocks and prints["Sagsdata"].methods == ""
    changed = (columns[0], columns[1], columns[2][:100] + (date(2024, 1, 1),) + columns[2][101:])
    _, prints = fingerprint_inputs(
        [CaseSheet("Sagsdata", (), columns=(*changed, columns[3]), height=n)],
        {},
        {},
        {"Sagsdata": old},
    )
    new = prints["Sagsdata"].blocks or {}
    assert [b for b in old.blocks or {} if old.blocks[b] != new[b]] == [100 // k]  # type: ignore[index]


@pytest.mark.parametrize(
    ("col", "value"),
    [
        (0, "1.a\x1f"),  # the separator inside a text
        (0, ExcelError("#N/A")),  # an error where text was
        (0, 3.0),  # a number in a text column, after the sample
        (1, "S1500 "),
        (2, "2025-01-02"),  # a date written as text, in a column hashed by table
        (2, datetime(2025, 1, 2)),  # a date with a time
        (2, date(2031, 1, 1)),  # a date the column never held
        (2, True),  # a value a table would merge with another (True == 1)
        (3, 5),  # a number where the cell was empty
    ],
)
def test_any_changed_value_of_a_columnar_sheet_changes_its_block_only(
    col: int, value: object
) -> None:
    n = 6_000
    columns = _cases(n)
    row = 1_500  # beyond the cells a column's method is chosen from
    sheet = CaseSheet("Sagsdata", (), columns=columns, height=n)
    digest, prints = fingerprint_inputs([sheet], {}, {})
    mode = prints["Sagsdata"]
    changed = list(columns)
    changed[col] = columns[col][:row] + (value,) + columns[col][row + 1 :]
    assert changed[col][row] != columns[col][row] or type(value) is not type(columns[col][row])
    digest2, prints2 = fingerprint_inputs(
        [CaseSheet("Sagsdata", (), columns=tuple(changed), height=n)], {}, {}, {"Sagsdata": mode}
    )
    old, new = mode.blocks or {}, prints2["Sagsdata"].blocks or {}
    assert digest2 != digest
    assert [b for b in old if old[b] != new[b]] == [row // mode.block]


def test_a_column_whose_values_a_table_would_merge_is_hashed_by_repr() -> None:
    from calc.stamp import column_method

    dates = tuple(date(2025, 1, 1 + i % 28) for i in range(3_000))
    assert column_method(dates)[0] == "m"
    assert column_method((*dates, True))[0] == "r"  # True == 1 == 1.0
    assert column_method((*dates, 1.0))[0] == "r"
    assert column_method((*dates, ExcelError("#N/A")))[0] == "r"
    assert (
        column_method(tuple(date(2000, 1, 1).fromordinal(730_000 + i) for i in range(3_000)))[0]
        == "r"
    )  # all different
    assert column_method(("a", "b") * 600)[0] == "s"
    assert column_method((1.0, 2.0) * 600)[0] == "r"


def test_a_stamp_with_an_unknown_hashing_method_is_damaged() -> None:
    n = 6_000
    from calc.stamp import make_stamp

    grid = CaseSheet("Sagsdata", (), columns=_cases(n), height=n)
    p = make_stamp(WorkbookGrids((grid,)), None, [], now=NOW).properties()
    import base64
    import json
    import zlib

    pieces = sorted(k for k in p if k.startswith(PROP_CELLS))
    payload = json.loads(zlib.decompress(base64.b64decode("".join(p[k] for k in pieces))))
    payload["in"]["Sagsdata"]["m"] = "ssxr"
    packed = base64.b64encode(zlib.compress(json.dumps(payload).encode())).decode()
    forged = {k: v for k, v in p.items() if not k.startswith(PROP_CELLS)}
    forged.update(
        {
            f"{PROP_CELLS}{i // CHUNK + 1:03d}": packed[i : i + CHUNK]
            for i in range(0, len(packed), CHUNK)
        }
    )
    with pytest.raises(StampError, match="beskadiget"):
        Stamp.from_properties(forged)
