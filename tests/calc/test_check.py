"""`maalscore tjek`: OK, results edited by hand, inputs changed, never calculated, LibreOffice."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest

from calc.check import CHANGED, EDITED, MISMATCH, NEVER, OK, UNREADABLE, check_file
from calc.cli import main
from calc.engine import FileOptions, score_file
from calc.grid import CellUpdate
from calc.xlsx.writeback import write_back
from tests.conftest import WORKBOOKS

EXAMPLES = sorted(WORKBOOKS.glob("eksempel-*.xlsx"))
NOW = datetime(2026, 1, 15, 9, 30)


@pytest.fixture
def scored(tmp_path: Path) -> Path:
    path = tmp_path / "plan.xlsx"
    shutil.copyfile(EXAMPLES[0], path)
    score_file(path, now=NOW, options=FileOptions(stamp_time=NOW, backup=False))
    return path


def hand_edit(path: Path, sheet: str, cell: str, value: object) -> None:
    """Change one cell the way a person would, leaving everything else (the stamp too) alone."""
    write_back(path, [CellUpdate(sheet, cell, value)])  # type: ignore[arg-type]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name[:12])
def test_every_example_checks_ok_after_beregn(tmp_path: Path, example: Path) -> None:
    path = tmp_path / example.name
    shutil.copyfile(example, path)
    assert check_file(path).status == NEVER
    score_file(path, options=FileOptions(backup=False))
    result = check_file(path)
    assert result.status == OK, result.message()
    assert result.message().startswith("OK – beregnet")


def test_result_edited_by_hand_is_named(scored: Path) -> None:
    hand_edit(scored, "Mål", "V3", Decimal("7"))  # Point of goal 1.a.1
    result = check_file(scored)
    assert result.status == EDITED and result.edited == ["Mål!V3"]
    assert not result.changed
    assert "Resultater rettet i hånden efter beregningen: Mål!V3." in result.message()


def test_result_text_edited_and_emptied(scored: Path) -> None:
    hand_edit(scored, "Mål", "W4", "Opfyldt")
    hand_edit(scored, "Resultatløn", "A1", None)  # not a result: an input header
    result = check_file(scored)
    assert "Mål!W4" in result.edited
    assert "Resultatløn!A1" in result.changed


def test_input_changed_is_named(scored: Path) -> None:
    hand_edit(scored, "Mål", "S4", Decimal("801"))  # Resultat of 1.a.2: 743 → 801
    result = check_file(scored)
    assert result.status == CHANGED and result.changed == ["Mål!S4"]
    assert "Input ændret efter beregningen: Mål!S4." in result.message()


def test_input_added_below_the_data(scored: Path) -> None:
    hand_edit(scored, "Plan", "D40", "en note")
    assert check_file(scored).changed == ["Plan!D40"]


def test_forged_result_with_matching_fingerprint_is_caught(scored: Path) -> None:
    """Results changed *and* the stamp rewritten to match: the new calculation disagrees."""
    from calc.check import _current_results
    from calc.stamp import Stamp, fingerprint_results
    from calc.xlsx import ooxml

    hand_edit(scored, "Mål", "V3", Decimal("7"))
    with ooxml.open_zip(scored) as zf:
        stamp = Stamp.from_properties(ooxml.read_custom_properties(zf))
    assert stamp is not None
    from calc.engine import load_grids

    digest, cells = fingerprint_results(_current_results(load_grids(scored, FileOptions()), stamp))
    forged = Stamp(stamp.version, stamp.time, stamp.input_digest, digest, stamp.inputs, cells)
    write_back(scored, [], scored, properties=forged.properties())
    result = check_file(scored)
    assert result.status == MISMATCH and result.differs == ["Mål!V3"]


def test_damaged_stamp(scored: Path) -> None:
    write_back(scored, [], scored, properties={"Målscore.Format": "1", "Målscore.Celler.001": "!"})
    result = check_file(scored)
    assert not result.ok and "beskadiget" in result.message()


def test_cli_exit_codes_and_json(scored: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["tjek", str(scored)]) == 0
    assert "OK – beregnet 2026-01-15T09:30:00" in capsys.readouterr().out
    never = tmp_path / "aldrig.xlsx"
    shutil.copyfile(EXAMPLES[1], never)
    assert main(["tjek", str(scored), str(never)]) == 1
    assert "ALDRIG BEREGNET" in capsys.readouterr().out
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"not a workbook")
    assert main(["tjek", str(scored), str(junk), "--json"]) == 3
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["status"] for r in records] == [OK, UNREADABLE]
    assert records[0]["calculated"] == "2026-01-15T09:30:00" or records[0]["calculated"].startswith(
        "2026-01-15T09:30:00"
    )


def soffice() -> str:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        pytest.skip("LibreOffice (soffice) is not installed; .ci/run installs libreoffice-calc")
    return exe


def libreoffice_resave(path: Path, out_dir: Path) -> Path:
    """Open and save in LibreOffice without edits (xlsx → xlsx), headless."""
    out_dir.mkdir(exist_ok=True)
    profile = out_dir / "profile"
    subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out_dir),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    result = out_dir / path.name
    assert result.is_file()
    return result


def test_libreoffice_open_and_save_keeps_the_stamp_ok(scored: Path, tmp_path: Path) -> None:
    resaved = libreoffice_resave(scored, tmp_path / "lo")
    with zipfile.ZipFile(scored) as a, zipfile.ZipFile(resaved) as b:
        assert a.read("xl/worksheets/sheet2.xml") != b.read("xl/worksheets/sheet2.xml")
    result = check_file(resaved)
    assert result.status == OK, result.message()


def test_libreoffice_resave_after_an_edit_is_caught(scored: Path, tmp_path: Path) -> None:
    hand_edit(scored, "Mål", "V3", Decimal("7"))
    resaved = libreoffice_resave(scored, tmp_path / "lo")
    assert check_file(resaved).edited == ["Mål!V3"]


def test_beregn_again_after_libreoffice(scored: Path, tmp_path: Path) -> None:
    """LibreOffice rewrites docProps/custom.xml in its own way; the stamp is replaced in it."""
    resaved = libreoffice_resave(scored, tmp_path / "lo")
    score_file(resaved, options=FileOptions(backup=False))
    assert check_file(resaved).status == OK
    with zipfile.ZipFile(resaved) as zf:
        custom = zf.read("docProps/custom.xml").decode("utf-8")
    assert custom.count('name="Målscore.Format"') == 1


def test_separate_case_file(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """`beregn --sagsdata` stamps the case file's cells; `tjek --sagsdata` checks them."""
    from calc.xlsx.reader import read_workbook

    path = tmp_path / "plan.xlsx"
    shutil.copyfile(EXAMPLES[0], path)
    cases = read_workbook(path).find("Sagsdata")
    assert cases is not None

    def text(v: object) -> str:
        return v.strftime("%d-%m-%Y") if hasattr(v, "strftime") else "" if v is None else str(v)

    csv = tmp_path / "sager.csv"
    csv.write_text("\n".join(";".join(text(v) for v in row) for row in cases.rows) + "\n")
    assert main(["beregn", str(path), "--sagsdata", str(csv), "--ingen-backup"]) == 0
    assert main(["tjek", str(path), "--sagsdata", str(csv)]) == 0
    lines = csv.read_text().splitlines()
    cells = lines[5].split(";")
    cells[-1] = cells[-1] + "9" if cells[-1] else "99"
    lines[5] = ";".join(cells)
    csv.write_text("\n".join(lines) + "\n")
    capsys.readouterr()
    assert main(["tjek", str(path), "--sagsdata", str(csv)]) == 1
    assert "Input ændret efter beregningen" in capsys.readouterr().out
