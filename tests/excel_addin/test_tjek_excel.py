"""`maalscore tjek` on workbooks scored in Excel: the add-in and xlwings Lite write values
through Excel and cannot write the stamp, so `tjek` accepts such a file when Målscore's lines
are on the Resultat sheet and every result equals a new calculation ("beregnet i excel").

Each workbook is scored by the add-in in xlwings' remote engine (with the desktop simulation of
formulas and formats, and without it), the recorded writes are applied and the file saved with
openpyxl (as Excel would save it), and `tjek` runs on the file. Mutations show the verdict is
not a rubber stamp: an edited result, an input changed after scoring, a template never scored.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import openpyxl
import pytest

import calc.cli
from calc.check import CHANGED, EXCEL, MISMATCH, NEVER, OK, check_file
from excel_addin import glue
from tests.conftest import WORKBOOKS
from tests.excel_addin.harness import actions, open_book, save_like_excel

EXAMPLES = sorted(WORKBOOKS.glob("eksempel-*.xlsx"))


def scored_in_excel(src: Path, dst: Path, edits: dict[tuple[str, str], Any] | None = None) -> Path:
    book = open_book(src, edits)
    outcome = glue.beregn_book(book)
    assert outcome.evaluation.ok
    return save_like_excel(src, actions(book), dst)


def _cell(path: Path, sheet: str, ref: str, value: Any) -> None:
    wb = openpyxl.load_workbook(path)
    wb[sheet][ref] = value
    wb.save(path)


@pytest.mark.parametrize("src", EXAMPLES, ids=lambda p: p.name[:12])
def test_desktop_excel_scored_workbook_passes_tjek(
    src: Path, tmp_path: Path, desktop: None, capsys: pytest.CaptureFixture[str]
) -> None:
    out = scored_in_excel(src, tmp_path / src.name)
    result = check_file(out)
    assert result.status == EXCEL and result.ok, result.message()
    assert result.stamp is None and not result.differs
    assert calc.cli.main(["tjek", str(out), "--json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["status"] == "beregnet i excel" and record["ok"] is True
    assert record["stamped"] is False and record["version"] == calc.__version__
    assert record["calculated"] is not None
    assert calc.cli.main(["tjek", str(out)]) == 0
    assert "BEREGNET I EXCEL – stemmer med genberegning" in capsys.readouterr().out


@pytest.mark.parametrize("src", EXAMPLES, ids=lambda p: p.name[:12])
def test_remote_engine_scored_workbook_passes_tjek(src: Path, tmp_path: Path) -> None:
    """The remote engine (xlwings Server, Office Scripts) cannot tell formulas or formats and
    writes in more blocks; the file still passes."""
    out = scored_in_excel(src, tmp_path / src.name)
    result = check_file(out)
    assert result.status == EXCEL, result.message()


def test_a_result_edited_after_scoring_in_excel_is_named(tmp_path: Path, desktop: None) -> None:
    out = scored_in_excel(EXAMPLES[0], tmp_path / "x.xlsx")
    _cell(out, "Mål", "V3", 20)  # the Point cell of goal 1.a.1
    result = check_file(out)
    assert result.status == MISMATCH and not result.ok
    assert result.differs == ["Mål!V3"]
    assert "Mål!V3" in result.message() and "uden stempel" in result.message()
    assert calc.cli.main(["tjek", str(out)]) == calc.cli.EXIT_NOT_OK


def test_an_input_changed_after_scoring_in_excel_shows_in_the_results(
    tmp_path: Path, desktop: None
) -> None:
    """Without a stamp the changed input itself cannot be named, but the results that no
    longer follow from the inputs are."""
    out = scored_in_excel(EXAMPLES[0], tmp_path / "x.xlsx")
    _cell(out, "Mål", "S3", 99)  # 1.a.1's result, 112 → 99: below its requirement of 100
    result = check_file(out)
    assert result.status == MISMATCH
    assert "Mål!V3" in result.differs and "Resultat!B5" in result.differs


def test_a_template_never_scored_is_never_calculated(tmp_path: Path) -> None:
    path = tmp_path / "ny.xlsx"
    assert calc.cli.main(["skabelon", str(path), "--år", "2026"]) == 0
    assert check_file(path).status == NEVER
    shutil.copyfile(EXAMPLES[0], tmp_path / "e.xlsx")
    assert check_file(tmp_path / "e.xlsx").status == NEVER


def test_without_the_version_line_it_is_never_calculated(tmp_path: Path, desktop: None) -> None:
    """Results typed in by hand (no Målscore lines on Resultat) are not "beregnet i Excel"."""
    out = scored_in_excel(EXAMPLES[0], tmp_path / "x.xlsx")
    wb = openpyxl.load_workbook(out)
    ws = wb["Resultat"]
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("Målscore 0"):
                cell.value = None
    wb.save(out)
    assert check_file(out).status == NEVER


def test_stamped_then_changed_and_recalculated_in_excel(tmp_path: Path, desktop: None) -> None:
    """A file stamped by `maalscore beregn`, then an input changed and Beregn clicked in Excel
    a minute later: it passes as "beregnet i excel", naming the input changed since the stamp;
    the same change without a new calculation is not OK."""
    from datetime import datetime

    stamped = tmp_path / "stamped.xlsx"
    assert calc.cli.main(["beregn", str(EXAMPLES[0]), "--ud", str(stamped)]) == 0
    assert check_file(stamped).status == OK

    changed = tmp_path / "changed.xlsx"
    shutil.copyfile(stamped, changed)
    _cell(changed, "Mål", "S3", 99)
    assert check_file(changed).status.startswith(CHANGED)

    stamp_time = check_file(stamped).stamp.moment()  # type: ignore[union-attr]
    later = stamp_time.replace(tzinfo=None).replace(second=0) if stamp_time else datetime.now()
    from datetime import timedelta

    book = open_book(changed)
    glue.beregn_book(book, now=later + timedelta(minutes=1))
    rescored = save_like_excel(changed, actions(book), tmp_path / "rescored.xlsx")
    result = check_file(rescored)
    assert result.status == EXCEL and result.ok, result.message()
    assert result.stamp is not None and result.changed == ["Mål!S3"]
    assert "Mål!S3" in result.message() and "Stemplet er fra en tidligere beregning" in (
        result.message()
    )
