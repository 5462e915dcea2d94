"""Build in-memory workbook grids for tests: inputs sit next to the assertions."""

from __future__ import annotations

from decimal import Decimal

from calc.grid import CellValue, SheetGrid, WorkbookGrids

GOAL_HEADER = [
    "Nr",
    "Under",
    "Område",
    "Mål",
    "Vægt",
    "Type",
    "Målværdi",
    "Nedre grænse",
    "Skala",
    "Trin",
    "Samling",
    "Basis",
    "Enhed",
    "Indikator",
    "Frist",
    "Udelad",
    "Lokationer",
    "Resultat",
    "Kilde",
    "Målopfyldelse",
    "Point",
    "Status",
    "Forklaring",
    "Udelad periode",
    "Lokationsberegning",
    "Forudsætning",
    "Forudsætning opfyldt",
]


def _cell(v: object) -> CellValue:
    if isinstance(v, float):
        return Decimal(repr(v))
    return v  # type: ignore[return-value]


def sheet(name: str, rows: list[list[object]]) -> SheetGrid:
    return SheetGrid(name, tuple(tuple(_cell(v) for v in row) for row in rows))


def goal_rows(*goals: dict[str, object]) -> list[list[object]]:
    """Mål rows from dicts keyed by header name; missing keys are empty cells."""
    return [GOAL_HEADER] + [[g.get(h) for h in GOAL_HEADER] for g in goals]


def workbook(
    goals: list[dict[str, object]],
    *,
    plan: dict[str, object] | None = None,
    **sheets: list[list[object]],
) -> WorkbookGrids:
    plan_rows = [
        [k, v] for k, v in (plan or {"Institution": "Testinstitution", "År": 2025}).items()
    ]
    out = [sheet("Plan", plan_rows), sheet("Mål", goal_rows(*goals))]
    out += [sheet(name, rows) for name, rows in sheets.items()]
    out.append(sheet("Resultat", []))
    return WorkbookGrids(tuple(out))
