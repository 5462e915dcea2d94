"""The `maalscore` command on real files: exit codes, JSON, nothing written on errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import openpyxl
import pytest

from calc.cli import main
from tests.conftest import WORKBOOKS

EXAMPLE = WORKBOOKS / "eksempel-000-hjemrejsestyrelsen-2025.xlsx"


@pytest.fixture
def example(tmp_path: Path) -> Path:
    path = tmp_path / "plan.xlsx"
    shutil.copyfile(EXAMPLE, path)
    return path


def _set(path: Path, sheet: str, cell: str, value: object) -> None:
    """Change an input cell (test set-up only: openpyxl re-saves the whole file)."""
    wb = openpyxl.load_workbook(path)
    wb[sheet][cell] = value
    wb.save(path)


def test_json_record_has_the_documented_keys(example, capsys):
    assert main(["beregn", str(example), "--json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert set(record) >= {
        "institution",
        "year",
        "total_points",
        "max_points",
        "score_pct",
        "goals",
        "pay",
        "issues",
    }
    assert record["institution"] == "Hjemrejsestyrelsen" and record["year"] == 2025
    assert set(record["goals"][0]) >= {"id", "weight", "fulfilment_pct", "points", "status"}
    assert set(record["pay"][0]) == {"name", "computed", "payout"}
    assert isinstance(record["total_points"], float)


def test_in_place_write_then_outputs_are_in_the_file(example, capsys):
    assert main(["beregn", str(example)]) == 0
    out = capsys.readouterr().out
    assert "I alt: 68,83 af 100 point (68,8 %)" in out
    ws = openpyxl.load_workbook(example)["Mål"]
    header = [c.value for c in ws[1]]
    row = next(r for r in ws.iter_rows(min_row=2, values_only=True) if r[0] == "1.b")
    assert row[header.index("Status")] == "Opfyldt"
    assert row[header.index("Forklaring")].startswith("4 ligger i intervallet 3–5")


def test_errors_exit_2_and_write_nothing(example, tmp_path, capsys):
    ws = openpyxl.load_workbook(example)["Mål"]
    header = [c.value for c in ws[1]]
    type_col = openpyxl.utils.get_column_letter(header.index("Type") + 1)
    weight_col = openpyxl.utils.get_column_letter(header.index("Vægt") + 1)
    _set(example, "Mål", f"{type_col}3", "gættet")
    _set(example, "Mål", f"{weight_col}4", "tyve")
    before = example.read_bytes()
    out = tmp_path / "ud.xlsx"
    assert main(["beregn", str(example), "--ud", str(out)]) == 2
    text = capsys.readouterr().out
    assert f"FEJL Mål!{type_col}3" in text and f"FEJL Mål!{weight_col}4" in text
    assert "intet er skrevet" in text
    assert example.read_bytes() == before
    assert not out.exists()


def test_unreadable_file_exits_3(tmp_path, capsys):
    bad = tmp_path / "ikke-en-projektmappe.xlsx"
    bad.write_text("hej")
    assert main(["beregn", str(bad)]) == 3
    assert "ikke-en-projektmappe.xlsx" in capsys.readouterr().err
    assert bad.read_text() == "hej"


def test_several_files_into_a_folder(tmp_path, capsys):
    files = sorted(WORKBOOKS.glob("eksempel-*.xlsx"))
    out_dir = tmp_path / "ud"
    out_dir.mkdir()
    assert main(["beregn", *map(str, files), "--ud", str(out_dir), "--json"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(records) == len(files) == 5
    assert sorted(p.name for p in out_dir.iterdir()) == [f.name for f in files]


def test_template_command(tmp_path, capsys):
    out = tmp_path / "ny.xlsx"
    assert main(["skabelon", str(out), "--år", "2026", "--institution", "Styrelsen X"]) == 0
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[:2] == ["Plan", "Mål"]
    # An empty template scores to nothing without errors.
    assert main(["beregn", str(out), "--json"]) == 0
    record = json.loads(capsys.readouterr().out.splitlines()[-1])
    assert record["goals"] == [] and record["institution"] == "Styrelsen X"


def test_ud_folder_with_two_inputs_of_one_name_is_refused_before_writing(tmp_path, capsys):
    """Finding 2: both results went to ud/plan.xlsx, the first silently replaced."""
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        shutil.copyfile(EXAMPLE, tmp_path / folder / "plan.xlsx")
    out = tmp_path / "ud"
    out.mkdir()
    a, b = tmp_path / "a" / "plan.xlsx", tmp_path / "b" / "plan.xlsx"
    assert main(["beregn", str(a), str(b), "--ud", str(out)]) == 3
    err = capsys.readouterr().err
    assert f"«{a}» og «{b}» ville begge blive skrevet til «{out / 'plan.xlsx'}»" in err
    assert "Intet er skrevet" in err and list(out.iterdir()) == []
    assert main(["beregn", str(a), str(a), "--ud", str(out)]) == 0  # one input twice: no clash
    capsys.readouterr()


def test_ud_with_a_trailing_slash_is_a_new_folder(example, tmp_path, capsys):
    """Finding 10: `--ud newdir/` with one file made a file named newdir."""
    assert main(["beregn", str(example), "--ud", f"{tmp_path / 'ny'}/", "--ingen-backup"]) == 0
    assert (tmp_path / "ny").is_dir() and (tmp_path / "ny" / "plan.xlsx").is_file()
    other = tmp_path / "anden.xlsx"
    shutil.copyfile(EXAMPLE, other)
    assert main(["beregn", str(example), str(other), "--ud", str(tmp_path / "mangler")]) == 3
    assert "--ud " + str(tmp_path / "mangler") + "/" in capsys.readouterr().err
    assert not (tmp_path / "mangler").exists()
