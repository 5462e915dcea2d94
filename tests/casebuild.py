"""A goal workbook whose goals use every indicator, for the case-data tests (files, engine and
database): shares by days and by date, a trimmed mean, median, maximum in weeks, count, a
percentile, per-location weights and `alle`."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

CASE_HEADER = ["Mål", "Sag", "Modtaget", "Afgjort", "Lokation", "Medtages", "Dage"]

GOALS = [
    dict(Nr="1", Mål="Andel inden for 31 dage", Vægt=12, Type="mindst", Målværdi=85,
         Enhed="%", Indikator="andel", Frist=31),
    dict(Nr="2", Mål="Gennemsnit uden de 10 % langsomste", Vægt=12, Type="højst", Målværdi=30,
         Nedre_grænse=60, Skala="lineær", Enhed="dage", Indikator="gennemsnit", Udelad=10),
    dict(Nr="3", Mål="Median", Vægt=10, Type="højst", Målværdi=20, Enhed="dage",
         Indikator="median"),
    dict(Nr="4", Mål="Længste", Vægt=10, Type="højst", Målværdi=10, Enhed="uger",
         Indikator="maksimum"),
    dict(Nr="5", Mål="Antal", Vægt=10, Type="mindst", Målværdi=5, Enhed="antal",
         Indikator="antal"),
    dict(Nr="6", Mål="Andel vægtet over lokationer", Vægt=12, Type="mindst", Målværdi=80,
         Enhed="%", Indikator="andel", Frist=30, Lokationer="Valby=40; Aarhus=30; Odense=30"),
    dict(Nr="7", Mål="Gennemsnit på alle lokationer", Vægt=12, Type="højst", Målværdi=4,
         Enhed="uger", Indikator="gennemsnit", Lokationer="alle"),
    dict(Nr="8", Mål="Afgjort inden 31-10-2025", Vægt=10, Type="mindst", Målværdi=75,
         Enhed="%", Indikator="andel", Frist=date(2025, 10, 31)),
    dict(Nr="9", Mål="90 % inden for 45 dage", Vægt=12, Type="højst", Målværdi=45,
         Nedre_grænse=90, Skala="lineær", Enhed="dage", Indikator="percentil 90"),
]  # fmt: skip


def build_plan(
    path: Path, plan_rows: Sequence[tuple[str, str]] = (), goals: Sequence[dict] = GOALS
) -> Path:
    """The plan with `goals` (GOALS) and no cases; `plan_rows` are added to the Plan sheet."""
    from calc.template import FMT_DATE, MAAL, build_template

    wb = build_template(2025, "Teststyrelsen")
    ws = wb["Mål"]
    index = {c.key: i + 1 for i, c in enumerate(MAAL.columns)}
    for r, goal in enumerate(goals, start=2):
        for key, value in goal.items():
            cell = ws.cell(row=r, column=index[key.replace("_", " ")], value=value)
            if isinstance(value, date):
                cell.number_format = FMT_DATE
    plan = wb["Plan"]
    for label, value in plan_rows:
        plan.append([label, value])
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path
