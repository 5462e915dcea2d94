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
    assert "I alt: 73,83 af 93,33 point (79,1 %)" in out  # tests/test_examples.py, EX000
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
    # An empty template has nothing to score: an error (exit 2) that says so, never "0 af 0".
    capsys.readouterr()
    assert main(["beregn", str(out), "--json"]) == 2
    record = json.loads(capsys.readouterr().out)
    assert record["goals"] == [] and record["institution"] == "Styrelsen X"
    errors = [i for i in record["issues"] if i["severity"] == "error"]
    assert [(i["sheet"], i["cell"]) for i in errors] == [("Mål", "A2")]
    assert errors[0]["message"].startswith("Arket har ingen mål")


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


# --- an unexpected exception is a Danish message and exit 3, never a traceback --------------


def _boom(*_args, **_kwargs):
    raise RuntimeError("planted bug")


@pytest.mark.parametrize("as_json", [False, True])
def test_a_bug_in_beregn_is_a_danish_message_exit_3_and_the_file_untouched(
    example, capsys, monkeypatch, as_json
):
    import calc.engine

    monkeypatch.setattr(calc.engine, "score_plan", _boom)
    before = example.read_bytes()
    code = main(["beregn", str(example), *(["--json"] if as_json else [])])
    out, err = capsys.readouterr()
    assert code == 3
    assert example.read_bytes() == before
    assert "Traceback" not in out + err and "planted bug" not in out + err
    assert f"{example}: uventet fejl (RuntimeError) – dette er en fejl i Målscore" in err
    assert "--debug" in err
    if as_json:
        record = json.loads(out)  # still valid JSON
        assert record["file"] == str(example) and "dette er en fejl i Målscore" in record["error"]
    else:
        assert out == ""


def test_debug_shows_the_traceback(example, capsys, monkeypatch):
    import calc.engine

    monkeypatch.setattr(calc.engine, "score_plan", _boom)
    assert main(["beregn", str(example), "--json", "--debug"]) == 3
    out, err = capsys.readouterr()
    assert json.loads(out)["file"] == str(example)  # the traceback goes to stderr only
    assert "Traceback (most recent call last)" in err and "RuntimeError: planted bug" in err


def test_one_file_failing_does_not_stop_the_others(example, tmp_path, capsys, monkeypatch):
    import calc.engine

    other = tmp_path / "andet.xlsx"
    shutil.copyfile(EXAMPLE, other)
    real = calc.engine.score_plan
    calls = []

    def first_fails(plan):
        calls.append(plan)
        if len(calls) == 1:
            raise RuntimeError("planted bug")
        return real(plan)

    monkeypatch.setattr(calc.engine, "score_plan", first_fails)
    assert main(["beregn", str(example), str(other), "--json"]) == 3
    lines = capsys.readouterr().out.splitlines()
    records = [json.loads(line) for line in lines]
    assert "error" in records[0] and records[1]["institution"] == "Hjemrejsestyrelsen"


def test_a_bug_in_tjek_is_a_danish_message(example, capsys, monkeypatch):
    import calc.check

    monkeypatch.setattr(calc.check, "check_file", _boom)
    assert main(["tjek", str(example), "--json"]) == 3
    out, err = capsys.readouterr()
    assert json.loads(out)["file"] == str(example)
    assert "dette er en fejl i Målscore" in err and "Traceback" not in err


def test_a_bug_in_skabelon_is_a_danish_message(tmp_path, capsys, monkeypatch):
    import calc.template

    monkeypatch.setattr(calc.template, "save_template", _boom)
    out_file = tmp_path / "ny.xlsx"
    assert main(["skabelon", str(out_file)]) == 3
    err = capsys.readouterr().err
    assert f"maalscore skabelon {out_file}: uventet fejl" in err and "Traceback" not in err
    assert not out_file.exists()


def test_the_table_labels_info_lines(example, capsys):
    wb = openpyxl.load_workbook(example)
    del wb["Resultatløn"]
    wb.save(example)
    assert main(["beregn", str(example)]) == 0
    out = capsys.readouterr().out
    assert "  Info Resultatløn: Projektmappen har intet ark 'Resultatløn'" in out
    assert "Advarsel" not in out


NAME = b"Karsten B&#248;gh Andersen"
EVIL = b"Karsten _xD83D__xDE00_ _x001B_]0;pwned_x0007__x001B_[31mR\xc3\x98D _xD800_ \xe2\x80\xae"


def _evil(tmp_path):  # type: ignore[no-untyped-def]
    """Finding 9: Excel-escaped surrogates (an emoji, and a lone one) and terminal escapes in a
    name, and a line break in the Institution that could fake a line of output."""
    from calc.grid import CellUpdate
    from calc.xlsx.writeback import write_back
    from tests.xlsxbuild import rewrite_member, sheet_part

    path = tmp_path / "plan.xlsx"
    shutil.copyfile(EXAMPLE, path)
    rewrite_member(path, sheet_part(path, "Resultatløn"), lambda x: x.replace(NAME, EVIL))
    write_back(path, [CellUpdate("Plan", "B1", "Styrelsen\nplan.xlsx: OK – alt i orden")])
    return path


def test_text_from_the_workbook_is_made_safe_for_the_terminal(tmp_path, capsys):
    path = _evil(tmp_path)
    assert main(["beregn", str(path), "--ingen-backup"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "Karsten 😀 \\x1b]0;pwned\\x07\\x1b[31mRØD \ufffd \\u202e" in out
    assert out.splitlines()[0].startswith("Styrelsen\\nplan.xlsx: OK – alt i orden 2025")
    assert main(["beregn", str(path), "--json", "--ingen-backup"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["pay"][0]["name"] == "Karsten 😀 \x1b]0;pwned\x07\x1b[31mRØD \ufffd \u202e"
    assert main(["tjek", str(path)]) == 0
    checked = capsys.readouterr().out
    assert checked.count("\n") == 1 and "OK – beregnet" in checked


def test_an_unprintable_name_never_crashes_after_writing(tmp_path):
    """Printing to a console that cannot hold the text (cp1252) used to fail with exit 1 after
    the file was written; now what it cannot hold is shown as escapes."""
    import os
    import subprocess
    import sys

    from tests.conftest import REPO

    path = _evil(tmp_path)
    env = {**os.environ, "PYTHONIOENCODING": "cp1252"}
    for extra in ([], ["--json"]):
        run = subprocess.run(
            [sys.executable, "-m", "calc.cli", "beregn", str(path), "--ingen-backup", *extra],
            cwd=REPO, env=env, capture_output=True, timeout=120,
        )  # fmt: skip
        assert run.returncode == 0, run.stderr.decode("cp1252", "replace")
        text = run.stdout.decode("cp1252")
        assert "Karsten \\ud83d\\ude00" in text
        if extra:
            assert json.loads(text)["pay"][0]["name"].startswith("Karsten 😀")
