"""The template's Vejledning sheet and the Resultat sheet's kroner format and one-page print.

The Resultat sheet is written by Målscore (values only), so its look comes from the template: a
conditional format gives every number of the pay table (from the "Resultatløn | Beregnet"
header down, columns B:C) the kroner format wherever the table lands, and the page setup fits
the sheet on one A4 page. LibreOffice prints a scored example to show both.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import openpyxl
import pytest

import calc.cli
from calc.engine import FileOptions, evaluate, load_grids
from calc.template import (
    FMT_MONEY,
    GUIDE_STEPS,
    RESULTAT,
    VEJLEDNING,
    build_template,
    summary_money_rule,
)
from tests.calc.test_check import soffice
from tests.conftest import WORKBOOKS

EXAMPLE = WORKBOOKS / "eksempel-000-hjemrejsestyrelsen-2025.xlsx"


@pytest.mark.parametrize("lang", ["da", "sv"])
def test_the_guide_sheet_has_the_ten_steps_and_opens_first(lang: str) -> None:
    wb = build_template(2026, "Styrelsen for X", lang=lang)
    ws = wb[VEJLEDNING[lang]]
    assert wb.active.title == VEJLEDNING[lang]
    assert wb.sheetnames[0] == "Plan" and wb.sheetnames[-1] == VEJLEDNING[lang]
    steps = [(ws.cell(row=r, column=1).value, ws.cell(row=r, column=2).value) for r in range(5, 15)]
    assert steps == [(i, what) for i, (what, _) in enumerate(GUIDE_STEPS[lang], start=1)]
    assert len(GUIDE_STEPS[lang]) == 10
    assert ws.page_setup.fitToHeight == 1 and ws.sheet_properties.pageSetUpPr.fitToPage


def test_the_core_never_reads_the_guide_sheet(tmp_path: Path) -> None:
    path = tmp_path / "ny.xlsx"
    assert calc.cli.main(["skabelon", str(path), "--år", "2026"]) == 0
    grids = load_grids(path, FileOptions())
    assert VEJLEDNING["da"] not in {g.name for g in grids.sheets}
    ev = evaluate(grids)
    assert not [i for i in ev.issues if VEJLEDNING["da"] in (i.sheet + i.message)]


@pytest.mark.parametrize("lang", ["da", "sv"])
def test_resultat_has_the_kroner_rule_and_prints_on_one_page(lang: str) -> None:
    ws = build_template(lang=lang)[RESULTAT[lang]]
    (ranges, rules), *rest = [(cf.sqref, cf.rules) for cf in ws.conditional_formatting]
    assert not rest and str(ranges) == "B1:C60"
    assert [r.formula for r in rules] == [[summary_money_rule(lang)]]
    assert rules[0].dxf.numFmt.formatCode == FMT_MONEY
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 1)
    assert ws.page_setup.orientation == "portrait" and int(ws.page_setup.paperSize) == 9  # A4


def test_the_rule_marks_exactly_the_pay_rows(tmp_path: Path) -> None:
    """Evaluate the rule's condition on a scored example the way Excel does: a cell of B:C is
    formatted when a row at or above it holds "Resultatløn | Beregnet" in A:B."""
    out = tmp_path / "e.xlsx"
    assert calc.cli.main(["beregn", str(EXAMPLE), "--ud", str(out)]) == 0
    ws = openpyxl.load_workbook(out)["Resultat"]
    seen = False
    money = []
    for r in range(1, ws.max_row + 1):
        seen = seen or (ws.cell(r, 1).value, ws.cell(r, 2).value) == ("Resultatløn", "Beregnet")
        for c in (2, 3):
            v = ws.cell(r, c).value
            if seen and isinstance(v, int | float):
                money.append((r, c, v))
    # computed and payout (tests/test_examples.py, EX000), nothing else
    assert [v for _, _, v in money] == [140898, 140898]
    assert ws.cell(money[0][0], 1).value == "Karsten Bøgh Andersen"


def test_libreoffice_prints_resultat_on_one_page_with_kroner(tmp_path: Path) -> None:
    exe = soffice()
    scored = tmp_path / "e.xlsx"
    assert calc.cli.main(["beregn", str(EXAMPLE), "--ud", str(scored)]) == 0
    subprocess.run(
        [
            exe,
            f"-env:UserInstallation=file://{tmp_path / 'profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(scored),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    pdf = tmp_path / "e.pdf"
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = text.split("\f")
    summary = [p for p in pages if "Målscore – resultat" in p]
    assert len(summary) == 1
    page = summary[0]
    assert "Version" in page and "Målscore 0" in page  # the whole summary on that page
    pay_line = next(line for line in page.splitlines() if "Karsten Bøgh Andersen" in line)
    assert pay_line.count("kr.") == 2 and "898" in pay_line
    points_line = next(line for line in page.splitlines() if line.startswith("Point i alt"))
    assert "kr." not in points_line
