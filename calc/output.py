"""Results → the cell updates that write them into the workbook.

Only output cells are touched: Målopfyldelse, Point, Status, Forklaring on Mål; Rettidig on
Milepæle; Beregnet, Udbetaling, Forklaring on Resultatløn; and the Resultat sheet, which the tool
owns. A missing output column gets its header written to the right of the last header. A formula
in a cell that would be written is reported as an error, and then nothing is written at all.
"""

from __future__ import annotations

import re
from datetime import datetime
from decimal import Decimal
from fractions import Fraction

from . import fmt
from .errors import ERROR, Issue
from .exact import to_decimal
from .followup import FollowUp
from .grid import CellUpdate, Pos, SheetGrid, WorkbookGrids, a1, parse_a1
from .headers import (
    FOLLOWUP_FIELDS,
    GOAL_FIELDS,
    MILESTONE_FIELDS,
    PAY_FIELDS,
    Field,
    display_name,
)
from .model import FollowUpSheet, Lang, Plan, SheetLayout
from .pay import PayResult
from .periods import period_label
from .scoring import ScoreCard
from .trend import Trend

Value = str | Decimal | int | None


def _headers(layout: SheetLayout, fields: tuple[Field, ...], lang: Lang) -> list[CellUpdate]:
    return [
        CellUpdate(
            layout.sheet, a1(layout.header_row, layout.col(key)), display_name(key, fields, lang)
        )
        for key in layout.missing_outputs
    ]


def goal_updates(plan: Plan, card: ScoreCard) -> list[CellUpdate]:
    layout = plan.goals_layout
    if layout is None:
        return []
    out = _headers(layout, GOAL_FIELDS, plan.lang)
    for r in card.goals:
        cells: dict[str, Value] = {
            "fulfilment": to_decimal(r.fulfilment) if r.fulfilment is not None else None,
            "points": to_decimal(r.points),
            "status": r.status.label(plan.lang),
            "explanation": r.explanation,
        }
        out += [CellUpdate(layout.sheet, a1(r.row, layout.col(k)), v) for k, v in cells.items()]
    return out


def milestone_updates(plan: Plan, card: ScoreCard) -> list[CellUpdate]:
    layout = plan.milestones_layout
    if layout is None:
        return []
    out = _headers(layout, MILESTONE_FIELDS, plan.lang)
    sv = plan.lang == "sv"
    col = layout.col("on_time")
    for m in card.milestones:
        value: str | None
        if not m.deadline_known:
            value = "Okänd tidsgräns" if sv else "Ukendt frist"
        elif m.on_time is None:
            value = None
        else:
            value = "Ja" if m.on_time else "Nej"
        out.append(CellUpdate(layout.sheet, a1(m.row, col), value))
    return out


def followup_updates(plan: Plan, sheet: FollowUpSheet, fu: FollowUp) -> list[CellUpdate]:
    """The follow-up's output cells on the Opfølgning sheet, in the rows for the date.

    A goal without a row for the date gets one below the last used row, with its Nr and the
    period (`Q3 2025`, or the date) written by Målscore, so the sheet shows every goal.
    """
    layout = sheet.layout
    out = _headers(layout, FOLLOWUP_FIELDS, plan.lang)
    rows = {r.goal_id: r.row for r in sheet.rows if r.period_end == fu.as_of}
    added = sheet.last_row
    label = period_label(fu.as_of, plan.lang)
    for g in fu.goals:
        r = rows.get(g.goal_id)
        if r is None:
            added += 1
            r = added
            out.append(CellUpdate(layout.sheet, a1(r, layout.col("goal")), g.goal_id))
            out.append(CellUpdate(layout.sheet, a1(r, layout.col("period")), label))
        cells: dict[str, Value] = {
            "to_date": to_decimal(g.to_date) if g.to_date is not None else None,
            "expected": to_decimal(g.expected) if g.expected is not None else None,
            "forecast": g.forecast.label(plan.lang),
            "explanation": g.explanation,
        }
        out += [CellUpdate(layout.sheet, a1(r, layout.col(k)), v) for k, v in cells.items()]
    return out


def pay_updates(plan: Plan, pay: tuple[PayResult, ...]) -> list[CellUpdate]:
    layout = plan.pay_layout
    if layout is None or not pay:
        return []
    out = _headers(layout, PAY_FIELDS, plan.lang)
    for p in pay:
        cells: dict[str, Value] = {
            "computed": p.computed,
            "payout": p.payout,
            "explanation": p.explanation,
        }
        out += [CellUpdate(layout.sheet, a1(p.row, layout.col(k)), v) for k, v in cells.items()]
    return out


def _points(value: Fraction) -> Decimal:
    """The Resultat sheet is a report for people: its numbers follow the display rule."""
    return fmt.round_half_up(value, fmt.POINT_DECIMALS).normalize()


def _pct(value: Fraction | int) -> Decimal:
    return fmt.round_half_up(value, fmt.PCT_DECIMALS).normalize()


def summary_rows(
    plan: Plan,
    card: ScoreCard,
    pay: tuple[PayResult, ...],
    *,
    now: datetime,
    version: str,
    trend: Trend | None = None,
) -> list[list[Value]]:
    """The Resultat sheet as rows of values, from A1."""
    sv = plan.lang == "sv"

    def t(da: str, s: str) -> str:
        return s if sv else da

    rows: list[list[Value]] = [
        [t("Målscore – resultat", "Målscore – resultat")],
        [],
        [t("Institution", "Myndighet"), plan.institution],
        [t("År", "År"), plan.year],
        [t("Point i alt", "Poäng totalt"), _points(card.total_points)],
        [t("Mulige point", "Möjliga poäng"), _points(card.max_points)],
        [t("Målopfyldelse i alt (%)", "Måluppfyllelse totalt (%)"), _pct(card.score_pct)],
        [],
        [
            t("Område", "Område"),
            t("Point", "Poäng"),
            t("Mulige point", "Möjliga poäng"),
            t("Målopfyldelse (%)", "Måluppfyllelse (%)"),
        ],
    ]
    for area in card.areas:
        pct = area.points / area.max_points * 100 if area.max_points else 0
        rows.append(
            [
                area.area or t("(uden område)", "(utan område)"),
                _points(area.points),
                _points(area.max_points),
                _pct(pct),
            ]
        )
    if pay:
        rows += [
            [],
            [
                t("Resultatløn", "Resultatlön"),
                t("Beregnet", "Beräknad"),
                t("Udbetaling", "Utbetalning"),
            ],
        ]
        rows += [[p.name, p.computed, p.payout] for p in pay]
    if trend is not None:
        rows += trend_rows(plan, trend)
    rows += [
        [],
        [t("Beregnet", "Beräknad"), now.strftime("%Y-%m-%d %H:%M")],
        [t("Version", "Version"), f"Målscore {version}"],
    ]
    return rows


def trend_rows(plan: Plan, trend: Trend) -> list[list[Value]]:
    """Last year beside this year, per goal and in total, for the Resultat sheet."""
    sv = plan.lang == "sv"

    def t(da: str, s: str) -> str:
        return s if sv else da

    def pct(v: Fraction | None) -> Value:
        return _pct(v) if v is not None else None

    def pts(v: Fraction | None) -> Value:
        return _points(v) if v is not None else None

    where = trend.source or t("Sidste år-kolonnerne på Mål", "kolumnerna Föregående år på Mål")
    year = f"{trend.last_year}, " if trend.last_year is not None else ""
    rows: list[list[Value]] = [
        [],
        [
            t(
                f"Udvikling fra sidste år ({year}{where})",
                f"Utveckling från föregående år ({year}{where})",
            )
        ],
        [
            t("Nr", "Nr"),
            t("Sidste år (%)", "Föregående år (%)"),
            t("I år (%)", "I år (%)"),
            t("Sidste år (point)", "Föregående år (poäng)"),
            t("I år (point)", "I år (poäng)"),
            t("Ændring (point)", "Förändring (poäng)"),
        ],
    ]
    for g in trend.goals:
        rows.append(
            [
                g.goal_id,
                pct(g.last_fulfilment),
                pct(g.fulfilment),
                pts(g.last_points),
                pts(g.points),
                pts(g.change_points),
            ]
        )
    rows.append(
        [
            t("I alt", "Totalt"),
            pct(trend.last_score_pct),
            pct(trend.score_pct),
            pts(trend.last_total_points),
            pts(trend.total_points),
            pts(trend.change_points),
        ]
    )
    return rows


# What the template puts on its Resultat sheet before the first calculation (calc.template
# writes these): the tool's own text, replaced by the summary, not a user's cells.
SUMMARY_PLACEHOLDERS: dict[Lang, tuple[str, str]] = {
    "da": (
        "Udfyldes af Målscore",
        "Arket skrives af Målscore ved hver beregning; indhold her overskrives.",
    ),
    "sv": (
        "Fylls i av Målscore",
        "Bladet skrivs av Målscore vid varje beräkning; innehållet här skrivs över.",
    ),
}
_PLACEHOLDER_TEXTS = frozenset(t for texts in SUMMARY_PLACEHOLDERS.values() for t in texts)


def summary_owner(plan: Plan, grids: WorkbookGrids) -> frozenset[Pos]:
    """The cells on the Resultat sheet that are the tool's, to be emptied or overwritten: what
    the stamped calculation wrote there (when the summary on the sheet is that calculation's,
    see `engine.load_grids`) or else the block of an earlier summary (rows from A1 to its last
    line `Version | Målscore …`: the Excel add-in and xlwings Lite write no stamp), and the
    template's placeholder texts. Every other filled cell is the user's."""
    grid = grids.find(plan.summary_sheet) if plan.summary_sheet is not None else None
    if grid is None:
        return frozenset()
    placeholders = {p for p in plan.summary_extent if grid.value(*p) in _PLACEHOLDER_TEXTS}
    stamped = grids.prior_cells(grid.name)
    if stamped:
        return stamped | placeholders
    block = {
        (r, c)
        for r, width in _summary_widths(grid)
        for c in range(width)
        if grid.value(r, c) is not None
    }
    return frozenset(block | placeholders)


_VERSION_LINE = re.compile(r"^Målscore \d\S*$")
_TREND_TITLES = ("Udvikling fra sidste år", "Utveckling från föregående år")


def _summary_widths(grid: SheetGrid) -> list[tuple[int, int]]:
    """(row, columns the summary fills there) for an earlier summary's rows: A–D, and A–F in
    the trend table (from its title to its `I alt` row). None without its Version line."""
    out: list[tuple[int, int]] = []
    in_trend = False
    for r in range(_version_row(grid) + 1):
        label = grid.value(r, 0)
        if isinstance(label, str) and label.startswith(_TREND_TITLES):
            in_trend = True
        out.append((r, 6 if in_trend else 4))
        if in_trend and label in ("I alt", "Totalt"):
            in_trend = False
    return out


def _version_row(grid: SheetGrid) -> int:
    """The row of an earlier summary's last line (`Version | Målscore 0.1.0`), or -1."""
    for r in range(grid.n_rows):
        label, value = grid.value(r, 0), grid.value(r, 1)
        if label == "Version" and isinstance(value, str) and _VERSION_LINE.match(value.strip()):
            return r
    return -1


def _summary_cells(rows: list[list[Value]]) -> dict[Pos, Value]:
    return {(r, c): v for r, row in enumerate(rows) for c, v in enumerate(row) if v is not None}


def summary_updates(
    plan: Plan, rows: list[list[Value]], owner: frozenset[Pos] = frozenset()
) -> list[CellUpdate]:
    """Write the summary from A1 and empty what an earlier calculation wrote elsewhere on the
    sheet (`owner`, see `summary_owner`); a user's own cells are kept."""
    if plan.summary_sheet is None:
        return []
    sheet = plan.summary_sheet
    written = _summary_cells(rows)
    mine = [p for p in plan.summary_extent if p in owner]
    stale = [pos for pos in mine if pos not in written]
    return [CellUpdate(sheet, a1(r, c), v) for (r, c), v in sorted(written.items())] + [
        CellUpdate(sheet, a1(r, c), None) for r, c in sorted(stale)
    ]


def summary_conflicts(
    plan: Plan, rows: list[list[Value]], grids: WorkbookGrids, owner: frozenset[Pos]
) -> list[Issue]:
    """Errors for cells of the summary that hold a user's own content: never overwritten."""
    grid = grids.find(plan.summary_sheet) if plan.summary_sheet is not None else None
    if grid is None:
        return []
    issues = []
    for pos, value in sorted(_summary_cells(rows).items()):
        now = grid.value(*pos)
        if now is None or now == "" or pos in owner or _same(now, value):
            continue
        shown = str(now) if len(str(now)) <= 40 else str(now)[:39] + "…"
        issues.append(
            Issue(
                grid.name,
                a1(*pos),
                ERROR,
                (
                    f"Cellen indeholder «{shown}», som Målscore ikke har skrevet, og "
                    "sammendraget skal bruge cellen. Flyt indholdet til en anden celle, og "
                    "beregn igen."
                    if plan.lang == "da"
                    else f"Cellen innehåller «{shown}», som Målscore inte har skrivit, och "
                    "sammanfattningen behöver cellen. Flytta innehållet till en annan cell och "
                    "beräkna igen."
                ),
            )
        )
    return issues


def _same(now: object, value: Value) -> bool:
    """The cell already holds what the summary writes there (a user typed the same)."""
    if isinstance(value, str) or isinstance(now, str):
        return str(now) == str(value)
    try:
        return Decimal(str(now)) == Decimal(str(value))
    except ArithmeticError:
        return False


def formula_conflicts(updates: list[CellUpdate], grids: WorkbookGrids, lang: Lang) -> list[Issue]:
    """Errors for output cells that hold a formula: Målscore never overwrites a formula."""
    issues = []
    for u in updates:
        grid = grids.find(u.sheet)
        if grid is not None and parse_a1(u.cell) in grid.formulas:
            issues.append(
                Issue(
                    u.sheet,
                    u.cell,
                    ERROR,
                    (
                        "Cellen indeholder en formel, og Målscore skriver ikke over formler. "
                        "Slet formlen eller flyt den til en anden celle."
                        if lang == "da"
                        else "Cellen innehåller en formel, och Målscore skriver inte över formler. "
                        "Ta bort formeln eller flytta den till en annan cell."
                    ),
                )
            )
    return issues
