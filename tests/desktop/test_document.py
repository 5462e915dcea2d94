"""The document rules without a window: what an edit stores, what a save writes."""

from __future__ import annotations

import os
from datetime import datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calc.check import check_file
from calc.grid import CellUpdate
from calc.xlsx.reader import read_workbook
from calc.xlsx.writeback import backup_path, write_back
from desktop.document import Document, parse_input, set_cell
from desktop.style import cell_text, edit_text


@pytest.mark.parametrize(
    ("typed", "percent", "stored"),
    [
        ("96,4", False, Decimal("96.4")),
        ("2.134", False, Decimal(2134)),
        ("-5.000", False, Decimal(-5000)),
        ("  ", False, None),
        ("85 %", False, "85 %"),
        ("17-03-2025", False, "17-03-2025"),
        ("opfyldt", False, "opfyldt"),
        ("85", True, Decimal("0.85")),
        ("85 %", True, Decimal("0.85")),
        ("Ja", True, "Ja"),
    ],
)
def test_parse_input(typed, percent, stored):
    assert parse_input(typed, percent_cell=percent) == stored
    assert type(parse_input(typed, percent_cell=percent)) is type(stored)


def test_display_and_edit_text_are_danish_and_exact():
    assert cell_text(Decimal("2134")) == "2.134"
    assert edit_text(Decimal("2134")) == "2134"
    assert cell_text(Decimal("0.931"), percent=True) == "93,1 %"
    assert edit_text(Decimal("0.931"), percent=True) == "93,1"
    assert cell_text(datetime(2025, 3, 17)) == "17-03-2025"


def test_set_cell_widens_the_grid_and_forgets_a_formula(example):
    grids = read_workbook(example)
    sheet = grids.sheets[0]
    row, col = sheet.n_rows + 2, sheet.n_cols + 3
    changed = set_cell(grids, (sheet.name, row, col), "x")
    assert changed.sheets[0].value(row, col) == "x"
    assert grids.sheets[0].value(row, col) is None  # frozen original untouched
    with pytest.raises(KeyError):
        set_cell(grids, ("Findes ikke", 0, 0), "x")


def test_an_edit_back_to_the_file_value_is_no_edit(example):
    doc = Document(example)
    key = ("Mål", 8, 18)
    original = doc.value(key)
    doc.set(key, Decimal(1))
    assert doc.dirty and doc.value(key) == Decimal(1)
    doc.set(key, original)
    assert not doc.dirty


def test_save_in_place_keeps_a_backup(example):
    doc = Document(example)
    original = example.read_bytes()
    doc.set(("Mål", 8, 18), Decimal(91))
    doc.save()
    assert backup_path(example).read_bytes() == original
    assert backup_path(example) == example.parent / ".maalscore-backup" / example.name
    assert read_workbook(example).find("Mål").value(8, 18) == Decimal(91)
    # The core stamped the save, so the ministry's `tjek` accepts the file.
    assert check_file(example).ok, check_file(example).message()
    assert not doc.dirty and not doc.changed_on_disk()


def test_changed_on_disk(example):
    doc = Document(example)
    assert not doc.changed_on_disk()
    stat = example.stat()
    os.utime(example, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10_000_000_000))
    assert not doc.changed_on_disk()  # touched, same bytes: not a change
    write_back(example, [CellUpdate("Plan", "D1", "x")])
    assert doc.changed_on_disk()
    example.unlink()
    assert doc.changed_on_disk()


@given(
    st.decimals(
        min_value=-(10**9), max_value=10**9, places=4, allow_nan=False, allow_infinity=False
    ),
    st.booleans(),
)
def test_what_the_editor_shows_is_read_back_as_the_same_number(value, percent):
    """Opening the editor and pressing Enter must never change a number."""
    stored = value / 100 if percent else value
    assert parse_input(edit_text(stored, percent), percent_cell=percent) == stored


def test_large_case_data_is_read_like_the_cli_and_the_save_passes_tjek(tmp_path, monkeypatch):
    """A desktop save stamps the grids it scored; they must be read the way `tjek` reads
    them (bulk case data), or the ministry's check would fail on a correct file."""
    from calc.grid import CaseSheet
    from calc.template import build_template

    wb = build_template(2025, "Styrelsen")
    goals = wb["Mål"]
    header = [c.value for c in goals[1]]
    row = {
        "Nr": "1",
        "Vægt": 100,
        "Type": "mindst",
        "Målværdi": 80,
        "Enhed": "%",
        "Indikator": "andel",
        "Frist": 31,
    }
    for name, value in row.items():
        goals.cell(2, header.index(name) + 1, value)
    cases = wb["Sagsdata"]
    monkeypatch.setattr("calc.xlsx.bulk.BIG_SHEET", 10_000)  # bulk-read from 10 kB of sheet XML
    for i in range(3000):
        cases.append(["1", f"S{i}", None, None, None, None, 10 if i % 5 else 40])
    path = tmp_path / "stor.xlsx"
    wb.save(path)

    doc = Document(path)
    assert isinstance(doc.grids.find("Sagsdata"), CaseSheet)
    doc.set(("Mål", 1, header.index("Kilde")), "Sagssystemet")
    doc.save()
    assert check_file(path).ok, check_file(path).message()
