"""A workbook without the director's pay, for circulation beyond the departement.

Performance pay is personal data. `strip_pay` gives the cell updates that empty every filled
cell of the Resultatløn sheet except its header row (names, salary bases, maxima, Skøn and its
reason, Beregnet, Udbetaling, the explanations; also notes above or beside the table), and the
grids as they are after that. Scoring those grids gives a plan with nobody to pay, so the
Resultat summary is written without its pay lines, and the copy gets a stamp of its own that
`tjek` accepts (see `calc.handin.payless_copy`, which writes it by the lossless write-back).

A formula on the sheet cannot be emptied (Målscore never overwrites a formula): it is an error
naming the cell, and no copy is made.
"""

from __future__ import annotations

from dataclasses import replace

from .errors import ERROR, Issue
from .grid import CellUpdate, SheetGrid, WorkbookGrids, a1
from .headers import SHEETS
from .model import Plan


def strip_pay(
    grids: WorkbookGrids, plan: Plan
) -> tuple[WorkbookGrids, tuple[CellUpdate, ...], tuple[Issue, ...]]:
    """(grids without pay, the updates that empty the pay cells, errors for formulas)."""
    sheet = grids.find(*SHEETS["pay"])
    if sheet is None:
        return grids, (), ()
    header = plan.pay_layout.header_row if plan.pay_layout is not None else -1
    sv = plan.lang == "sv"
    updates: list[CellUpdate] = []
    issues: list[Issue] = []
    rows: list[tuple[object, ...]] = []
    for r, row in enumerate(sheet.rows):
        if r == header:
            rows.append(row)
            continue
        for c, value in enumerate(row):
            if value is None or value == "":
                continue
            if (r, c) in sheet.formulas:
                issues.append(
                    Issue(
                        sheet.name,
                        a1(r, c),
                        ERROR,
                        "Cellen innehåller en formel, och Målscore skriver inte över formler, så "
                        "en kopia utan resultatlön kan inte göras. Ersätt formeln med sitt värde."
                        if sv
                        else "Cellen indeholder en formel, og Målscore skriver ikke over "
                        "formler, så en kopi uden resultatløn kan ikke laves. Erstat formlen "
                        "med dens værdi.",
                    )
                )
            updates.append(CellUpdate(sheet.name, a1(r, c), None))
        rows.append(tuple(None for _ in row))
    emptied = SheetGrid(sheet.name, tuple(rows))  # type: ignore[arg-type]
    others = tuple(emptied if g is sheet else g for g in grids.sheets)
    return replace(grids, sheets=others), tuple(updates), tuple(issues)
