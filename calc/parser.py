"""Grids → `Plan`, collecting every problem with its sheet and cell.

Parsing never stops at the first problem: finance staff fix a workbook in one go only if they
see everything that is wrong at once. A row with a problem is still parsed as far as it can be,
so later checks (parents, duplicates) run too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import partial
from typing import TypeVar

from . import values as V
from .deadlines import Deadline, parse_deadline
from .errors import ERROR, WARNING, Issue, Severity
from .excluded_periods import parse_periods
from .fmt import plain
from .grid import CaseSheet, CellValue, CountedSheet, SheetGrid, WorkbookGrids, a1, normalise_name
from .headers import (
    CASE_FIELDS,
    FOLLOWUP_FIELDS,
    GOAL_FIELDS,
    MILESTONE_FIELDS,
    PAY_FIELDS,
    PLAN_KEYS,
    SHEETS,
    Field,
    HeaderRow,
    find_header,
)
from .model import (
    Combine,
    FollowUpRow,
    FollowUpSheet,
    Forecast,
    Goal,
    GoalCases,
    GoalType,
    Indicator,
    Lang,
    Milestone,
    PayModel,
    Person,
    Plan,
    Scale,
    SheetLayout,
)
from .periods import parse_period

T = TypeVar("T")

_GOAL_TYPES: dict[str, GoalType] = {
    "janej": GoalType.YES_NO,
    "jn": GoalType.YES_NO,
    "binaer": GoalType.YES_NO,
    "yesno": GoalType.YES_NO,
    "mindst": GoalType.AT_LEAST,
    "minst": GoalType.AT_LEAST,
    "minimum": GoalType.AT_LEAST,
    "atleast": GoalType.AT_LEAST,
    "hojst": GoalType.AT_MOST,
    "hogst": GoalType.AT_MOST,
    "maksimum": GoalType.AT_MOST,
    "maks": GoalType.AT_MOST,
    "hoejst": GoalType.AT_MOST,
    "atmost": GoalType.AT_MOST,
    "interval": GoalType.RANGE,
    "intervall": GoalType.RANGE,
    "range": GoalType.RANGE,
    "reduktion": GoalType.REDUCTION,
    "minskning": GoalType.REDUCTION,
    "reduction": GoalType.REDUCTION,
    "stigning": GoalType.INCREASE,
    "okning": GoalType.INCREASE,
    "increase": GoalType.INCREASE,
    "milepaele": GoalType.MILESTONES,
    "milepael": GoalType.MILESTONES,
    "milstolpar": GoalType.MILESTONES,
    "handlingsplan": GoalType.MILESTONES,
    "milestones": GoalType.MILESTONES,
    "aktiviteter": GoalType.MILESTONES,
    "vurdering": GoalType.ASSESSMENT,
    "bedomning": GoalType.ASSESSMENT,
    "assessment": GoalType.ASSESSMENT,
    "delmal": GoalType.SUBGOALS,
    "subgoals": GoalType.SUBGOALS,
    "afvigelse": GoalType.DEVIATION,
    "avvikelse": GoalType.DEVIATION,
    "deviation": GoalType.DEVIATION,
}
_LOCATION_MODES = {
    "prlokation": False,
    "perlokation": False,
    "lokation": False,
    "perort": False,
    "ort": False,
    "perlocation": False,
    "samlet": True,
    "samlad": True,
    "sammanvagd": True,
    "sammantaget": True,
    "pooled": True,
}
_HOLIDAY_COUNTRIES = {
    "dk": "DK",
    "danmark": "DK",
    "dansk": "DK",
    "danske": "DK",
    "denmark": "DK",
    "se": "SE",
    "sverige": "SE",
    "svensk": "SE",
    "svenska": "SE",
    "sweden": "SE",
}
_SCALES = {
    "binaer": Scale.BINARY,
    "binar": Scale.BINARY,
    "binary": Scale.BINARY,
    "lineaer": Scale.LINEAR,
    "linear": Scale.LINEAR,
    "linjar": Scale.LINEAR,
    "proportional": Scale.LINEAR,
    "prorata": Scale.LINEAR,
    "trin": Scale.STEPS,
    "steg": Scale.STEPS,
    "steps": Scale.STEPS,
}
_COMBINES = {
    "vaegtet": Combine.WEIGHTED,
    "viktad": Combine.WEIGHTED,
    "weighted": Combine.WEIGHTED,
    "alle": Combine.ALL,
    "alla": Combine.ALL,
    "all": Combine.ALL,
}
_INDICATORS = {
    "andel": Indicator.SHARE,
    "share": Indicator.SHARE,
    "gennemsnit": Indicator.MEAN,
    "genomsnitt": Indicator.MEAN,
    "mean": Indicator.MEAN,
    "average": Indicator.MEAN,
    "median": Indicator.MEDIAN,
    "percentil": Indicator.PERCENTILE,
    "maksimum": Indicator.MAXIMUM,
    "maximum": Indicator.MAXIMUM,
    "max": Indicator.MAXIMUM,
    "antal": Indicator.COUNT,
    "antall": Indicator.COUNT,
    "count": Indicator.COUNT,
}
_PAY_MODELS = {
    "lineaer": PayModel.LINEAR,
    "linjar": PayModel.LINEAR,
    "linear": PayModel.LINEAR,
    "taerskel": PayModel.THRESHOLD,
    "troskel": PayModel.THRESHOLD,
    "threshold": PayModel.THRESHOLD,
    "trin": PayModel.STEPS,
    "steg": PayModel.STEPS,
    "steps": PayModel.STEPS,
}
_NEEDS_TARGET = {
    GoalType.AT_LEAST,
    GoalType.AT_MOST,
    GoalType.REDUCTION,
    GoalType.INCREASE,
    GoalType.DEVIATION,
}
_TYPES_DA = (
    "ja/nej, mindst, højst, interval, reduktion, stigning, afvigelse, milepæle, vurdering, delmål"
)
_TYPES_SV = (
    "ja/nej, minst, högst, intervall, minskning, ökning, avvikelse, milstolpar, bedömning, delmål"
)


def _fold(value: CellValue) -> str:
    """Fold a keyword cell for matching (`Ja/Nej` → `janej`, `Højst` → `hojst`)."""
    return normalise_name(value).replace("%", "")


@dataclass
class Collector:
    """Gathers issues in the workbook's language."""

    lang: Lang = "da"
    issues: list[Issue] = field(default_factory=list)

    def add(self, sheet: str, cell: str, severity: Severity, da: str, sv: str) -> None:
        self.issues.append(Issue(sheet, cell, severity, sv if self.lang == "sv" else da))

    def error(self, sheet: str, cell: str, da: str, sv: str) -> None:
        self.add(sheet, cell, ERROR, da, sv)

    def warning(self, sheet: str, cell: str, da: str, sv: str) -> None:
        self.add(sheet, cell, WARNING, da, sv)

    def problem(self, sheet: str, cell: str, p: V.ValueProblem, severity: Severity) -> None:
        self.issues.append(Issue(sheet, cell, severity, p.message(self.lang)))


@dataclass
class Row:
    """One data row of a sheet, with typed getters that record problems instead of raising.

    `subject` names what the row is about (a goal's Nr, a person's name): a problem in one of
    its cells then reads "Vægt for 1.d: 'abc' er ikke et tal. Skriv point, fx 10 eller 2,5.",
    naming the column as its header is written and suggesting what fits that column (`kind`
    says which sheet's columns: "goal", "milestone", "person").
    """

    grid: SheetGrid
    header: HeaderRow
    r: int
    out: Collector
    kind: str = ""
    subject: str = ""

    def cell(self, key: str) -> str:
        c = self.header.col(key)
        return a1(self.r, c if c is not None else 0)

    def raw(self, key: str) -> CellValue:
        c = self.header.col(key)
        return None if c is None else self.grid.value(self.r, c)

    def blank(self, key: str) -> bool:
        return V.is_blank(self.raw(key))

    def text(self, key: str) -> str:
        v = self.raw(key)
        if v is None:
            return ""
        if isinstance(v, (Decimal, float, int)) and not isinstance(v, bool):
            # Numbers from xlwings arrive as float: 75.0 reads as "75", as from a file.
            return plain(Decimal(repr(v)) if isinstance(v, float) else Decimal(v))
        return str(v).strip()

    def is_percent(self, key: str) -> bool:
        c = self.header.col(key)
        return c is not None and (self.r, c) in self.grid.percent

    def is_formula_without_value(self, key: str) -> bool:
        c = self.header.col(key)
        return c is not None and (self.r, c) in self.grid.formulas and self.raw(key) is None

    def about(self, key: str, message: str) -> str:
        """`message` prefixed with the column and the row's subject: `Vægt for 1.d: …`."""
        if not self.subject:
            return message
        c = self.header.col(key)
        written = self.grid.value(self.header.row, c) if c is not None else None
        column = str(written).strip() if isinstance(written, str) and written.strip() else key
        word = "för" if self.out.lang == "sv" else "for"
        return f"{column} {word} {self.subject}: {message}"

    def problem(self, key: str, p: V.ValueProblem, severity: Severity = ERROR) -> None:
        """Record an unreadable cell, with a suggestion that fits its column."""
        lang = self.out.lang
        message = p.message(lang)
        hint = _number_hint(self, key) if isinstance(p, V.NotANumber) else None
        if isinstance(p, V.NotANumber) and hint is not None:
            message = f"{p.statement(lang)} {hint[1] if lang == 'sv' else hint[0]}"
        self.out.issues.append(
            Issue(self.grid.name, self.cell(key), severity, self.about(key, message))
        )

    def get(
        self, key: str, parse: Callable[[CellValue], T], severity: Severity = ERROR
    ) -> T | None:
        """Parse the cell with `parse`; a blank cell is None, a problem is recorded."""
        if self.is_formula_without_value(key):
            self.out.error(
                self.grid.name,
                self.cell(key),
                "Cellen indeholder en formel uden gemt resultat (filen er ikke gemt i Excel). "
                "Åbn og gem filen i Excel, eller skriv værdien.",
                "Cellen innehåller en formel utan sparat resultat (filen är inte sparad i "
                "Excel). Öppna och spara filen i Excel, eller skriv värdet.",
            )
            return None
        v = self.raw(key)
        if V.is_blank(v):
            return None
        try:
            return parse(v)
        except V.ValueProblem as p:
            self.problem(key, p, severity)
            return None

    def number(self, key: str, *, share_unit: bool = False) -> Decimal | None:
        pct = self.is_percent(key)
        return self.get(key, lambda v: V.parse_number(v, percent_cell=pct, share_unit=share_unit))

    def keyword(self, key: str, table: dict[str, T], allowed_da: str, allowed_sv: str) -> T | None:
        v = self.raw(key)
        if V.is_blank(v):
            return None
        found = table.get(_fold(v))
        if found is None:
            self.out.error(
                self.grid.name,
                self.cell(key),
                self.about(key, f"'{v}' er ikke en gyldig værdi. Brug en af: {allowed_da}."),
                self.about(key, f"'{v}' är inget giltigt värde. Använd något av: {allowed_sv}."),
            )
        return found


# Suggestions for a number that cannot be read, by sheet kind and column: "Skriv …".
_HINTS: dict[tuple[str, str], tuple[str, str]] = {
    ("goal", "weight"): ("Skriv point, fx 10 eller 2,5.", "Skriv poäng, t.ex. 10 eller 2,5."),
    ("goal", "trim"): (
        "Skriv hvor mange procent der udelades, fx 5.",
        "Skriv hur många procent som utelämnas, t.ex. 5.",
    ),
    ("milestone", "weight"): (
        "Skriv en relativ vægt, fx 1 eller 2.",
        "Skriv en relativ vikt, t.ex. 1 eller 2.",
    ),
    ("person", "base"): (
        "Skriv et beløb i kroner, fx 650.000.",
        "Skriv ett belopp i kronor, t.ex. 650 000.",
    ),
    ("person", "max_amount"): (
        "Skriv et beløb i kroner, fx 100.000.",
        "Skriv ett belopp i kronor, t.ex. 100 000.",
    ),
    ("person", "max_pct"): (
        "Skriv en procent af Grundlag, fx 15 %.",
        "Skriv en procent av Underlag, t.ex. 15 %.",
    ),
    ("person", "threshold"): (
        "Skriv en samlet målopfyldelse i procent, fx 60 %.",
        "Skriv en total måluppfyllelse i procent, t.ex. 60 %.",
    ),
}
_VALUE_COLUMNS = {"target", "result", "lower", "baseline"}


def _number_hint(row: Row, key: str) -> tuple[str, str] | None:
    """What to write in this column instead: from the table, or by the goal's Enhed."""
    if (row.kind, key) in _HINTS:
        return _HINTS[(row.kind, key)]
    if row.kind != "goal" or key not in _VALUE_COLUMNS:
        return None
    relative = _fold(row.raw("type")) in {"reduktion", "minskning", "stigning", "okning"}
    if relative and key in ("target", "lower"):
        return ("Skriv ændringen i procent, fx 15 %.", "Skriv förändringen i procent, t.ex. 15 %.")
    unit = row.text("unit")
    folded = _fold(unit)
    if "%" in unit or folded in {"pct", "procent"}:
        return ("Skriv fx 85 %.", "Skriv t.ex. 85 %.")
    if folded in {"andel", "share"}:
        return ("Skriv fx 0,85 eller 85 %.", "Skriv t.ex. 0,85 eller 85 %.")
    if folded in {"", "antal", "stk", "count"}:
        return ("Skriv et tal, fx 120 eller 96,4.", "Skriv ett tal, t.ex. 120 eller 96,4.")
    return (f"Skriv et tal i {unit}, fx 30.", f"Skriv ett tal i {unit}, t.ex. 30.")


def _data_rows(grid: SheetGrid, header: HeaderRow) -> range:
    return range(header.row + 1, grid.n_rows)


def _row_is_empty(grid: SheetGrid, r: int) -> bool:
    return all(V.is_blank(v) for v in grid.rows[r])


def _layout(grid: SheetGrid, header: HeaderRow, fields: tuple[Field, ...]) -> SheetLayout:
    """Column positions, with output columns that are missing placed right of the last header."""
    columns = dict(header.columns)
    missing: list[str] = []
    next_col = header.last_col + 1
    for f in fields:
        if f.output and f.key not in columns:
            columns[f.key] = next_col
            missing.append(f.key)
            next_col += 1
    return SheetLayout(grid.name, header.row, tuple(columns.items()), tuple(missing))


# --- Plan sheet ---------------------------------------------------------------------------


def _read_plan_sheet(grid: SheetGrid | None) -> dict[str, tuple[CellValue, str]]:
    """Key/value pairs of the Plan sheet: canonical key → (value, cell of the value)."""
    found: dict[str, tuple[CellValue, str]] = {}
    if grid is None:
        return found
    lookup = {normalise_name(n): k for k, names in PLAN_KEYS.items() for n in names}
    for r, row in enumerate(grid.rows):
        for c, v in enumerate(row[:-1]):
            if isinstance(v, str) and (key := lookup.get(normalise_name(v))) and key not in found:
                found[key] = (row[c + 1], a1(r, c + 1))
    return found


def _decide_language(kv: dict[str, tuple[CellValue, str]], header: HeaderRow) -> Lang:
    v = kv.get("language", (None, ""))[0]
    if isinstance(v, str) and _fold(v) in {"sv", "svenska", "svensk", "swedish", "se"}:
        return "sv"
    if isinstance(v, str) and _fold(v) in {"da", "dansk", "danish", "dk"}:
        return "da"
    return "sv" if header.swedish_votes >= 2 else "da"


# --- Mål sheet ----------------------------------------------------------------------------


def _parse_goal(row: Row, equal_weights: bool) -> Goal | None:
    sheet = row.grid.name
    out = row.out
    gid = row.text("id")
    row.kind, row.subject = "goal", gid
    type_ = row.keyword("type", _GOAL_TYPES, _TYPES_DA, _TYPES_SV)
    if not gid:
        out.error(sheet, row.cell("id"), "Rækken mangler Nr.", "Raden saknar Nr.")
        return None
    if type_ is None:
        if row.blank("type"):
            out.error(sheet, row.cell("type"), f"Mål {gid} mangler Type.", f"Mål {gid} saknar Typ.")
        return None
    unit = row.text("unit")
    share_unit = _fold(unit) in {"andel", "share"}
    scale = row.keyword("scale", _SCALES, "binær, lineær, trin", "binär, linjär, steg")
    combine = row.keyword("combine", _COMBINES, "vægtet, alle", "viktad, alla")
    indicator, percentile = _parse_indicator(row)
    weight = row.number("weight")
    if weight is not None and weight < 0:
        out.error(
            sheet, row.cell("weight"), "Vægt kan ikke være negativ.", "Vikt kan inte vara negativ."
        )
    target: Decimal | None = None
    target_range: tuple[Decimal, Decimal] | None = None
    # For reduktion/stigning the target and lower bound are % changes, not values in Enhed.
    relative = type_ in (GoalType.REDUCTION, GoalType.INCREASE)
    if type_ is GoalType.RANGE:
        target_range = row.get("target", V.parse_range)
    elif type_ in _NEEDS_TARGET:
        target = row.number("target", share_unit=share_unit and not relative)
    lower = row.number("lower", share_unit=share_unit and not relative)
    steps = row.get("steps", V.parse_steps) or ()
    baseline = row.number("baseline", share_unit=share_unit)
    deadline: Deadline | None = None
    if indicator is Indicator.SHARE:
        deadline = row.get("deadline", parse_deadline)
    trim = row.number("trim") or Decimal(0)
    locations = row.get("locations", V.parse_weights)
    pooled = row.keyword(
        "location_mode", _LOCATION_MODES, "pr. lokation, samlet", "per ort, sammanvägd"
    )
    result, result_text = _parse_result(row, type_, share_unit)
    goal = Goal(
        id=gid,
        row=row.r,
        parent=row.text("parent") or None,
        area=row.text("area"),
        text=row.text("text"),
        requirement=row.text("requirement"),
        weight=weight,
        type=type_,
        target=target,
        target_range=target_range,
        lower=lower,
        scale=scale or Scale.BINARY,
        steps=steps,
        combine=combine or Combine.WEIGHTED,
        baseline=baseline,
        unit=unit,
        indicator=indicator,
        deadline=deadline,
        excluded_periods=row.get("periods", parse_periods) or (),
        trim_pct=trim,
        percentile=percentile,
        location_weights=locations if isinstance(locations, tuple) else (),
        every_location=locations is V.ALL_LOCATIONS,
        pooled_locations=bool(pooled),
        precondition=row.text("precondition"),
        precondition_met=row.get("precondition_met", V.parse_bool),
        result=result,
        result_text=result_text,
        source=row.text("source"),
        last_text=row.text("last_text"),
        last_fulfilment=_last_fulfilment(row),
        last_points=row.number("last_points"),
    )
    _check_goal(row, goal, equal_weights)
    return goal


def _last_fulfilment(row: Row) -> Decimal | None:
    """Sidste års opfyldelse: 0–100 (a percent-formatted 0,85 reads as 85)."""
    value = row.number("last_fulfilment")
    if value is not None and not Decimal(0) <= value <= Decimal(100):
        row.out.error(
            row.grid.name,
            row.cell("last_fulfilment"),
            f"Sidste års opfyldelse skal være mellem 0 og 100 %, ikke {plain(value)}.",
            f"Föregående års måluppfyllelse ska vara mellan 0 och 100 %, inte {plain(value)}.",
        )
        return None
    return value


_PERCENTILE = re.compile(
    r"^(?:p|percentil(?:en)?|percentile|fraktil)\s*(\d+(?:[.,]\d+)?)$"
    r"|^(\d+(?:[.,]\d+)?)\s*(?:\.|:e)?\s*-?\s*(?:percentil(?:en)?|percentile|fraktil)$",
    re.IGNORECASE,
)


def _parse_indicator(row: Row) -> tuple[Indicator | None, Decimal]:
    """The Indikator cell: a keyword, or `percentil 90` (also `P90`, `90-percentil`)."""
    raw = row.raw("indicator")
    if isinstance(raw, str) and (m := _PERCENTILE.match(" ".join(raw.split()))):
        p = Decimal((m.group(1) or m.group(2)).replace(",", "."))
        if 0 < p <= 100:
            return Indicator.PERCENTILE, p
        row.out.error(
            row.grid.name,
            row.cell("indicator"),
            f"Percentilen skal ligge over 0 og højst 100, ikke {raw}.",
            f"Percentilen ska ligga över 0 och högst 100, inte {raw}.",
        )
        return None, Decimal(50)
    indicator = row.keyword(
        "indicator",
        _INDICATORS,
        "andel, gennemsnit, median, maksimum, antal, percentil 90",
        "andel, genomsnitt, median, maximum, antal, percentil 90",
    )
    if indicator is Indicator.PERCENTILE:  # `percentil` without a number: the median's rank
        row.out.error(
            row.grid.name,
            row.cell("indicator"),
            "Skriv hvilken percentil, fx percentil 90.",
            "Skriv vilken percentil, t.ex. percentil 90.",
        )
        return None, Decimal(50)
    return indicator, Decimal(50)


def _parse_result(row: Row, type_: GoalType, share_unit: bool) -> tuple[Decimal | bool | None, str]:
    text = row.text("result")
    if type_ is GoalType.YES_NO:
        return row.get("result", V.parse_bool), text
    if type_ is GoalType.ASSESSMENT:
        pct = row.is_percent("result")
        return row.get("result", lambda v: V.parse_level(v, percent_cell=pct)), text
    if type_ in (GoalType.MILESTONES, GoalType.SUBGOALS):
        return None, text
    return row.number("result", share_unit=share_unit), text


def _check_goal(row: Row, g: Goal, equal_weights: bool) -> None:
    """Rule checks that need more than one cell of the row."""
    sheet, out = row.grid.name, row.out
    if g.type in _NEEDS_TARGET and g.target is None and row.blank("target"):
        out.error(
            sheet,
            row.cell("target"),
            f"Mål {g.id} mangler Målværdi.",
            f"Mål {g.id} saknar Målvärde.",
        )
    if g.type is GoalType.RANGE and g.target_range is None and row.blank("target"):
        out.error(
            sheet,
            row.cell("target"),
            f"Mål {g.id} er et interval og skal have en Målværdi som fx 3-5.",
            f"Mål {g.id} är ett intervall och ska ha ett Målvärde som t.ex. 3-5.",
        )
    if g.type in (GoalType.REDUCTION, GoalType.INCREASE):
        if g.baseline is None and row.blank("baseline"):
            out.error(
                sheet,
                row.cell("baseline"),
                f"Mål {g.id} mangler Basis.",
                f"Mål {g.id} saknar Basvärde.",
            )
        elif g.baseline is not None and g.baseline == 0:
            out.error(
                sheet, row.cell("baseline"), "Basis kan ikke være 0.", "Basvärde kan inte vara 0."
            )
    if g.scale is Scale.LINEAR and g.type in _NEEDS_TARGET:
        if g.lower is None and row.blank("lower"):
            out.error(
                sheet,
                row.cell("lower"),
                f"Mål {g.id} har Skala lineær og skal have en Nedre grænse.",
                f"Mål {g.id} har Skala linjär och ska ha en Nedre gräns.",
            )
        elif g.lower is not None and g.target is not None:
            wrong = g.lower >= g.target if not g.lower_is_better else g.lower <= g.target
            if wrong:
                out.error(
                    sheet,
                    row.cell("lower"),
                    "Nedre grænse skal ligge på den forkerte side af Målværdi "
                    "(under for mindst, over for højst).",
                    "Nedre gräns ska ligga på fel sida av Målvärdet "
                    "(under för minst, över för högst).",
                )
    if g.scale is Scale.STEPS and g.type in _NEEDS_TARGET and not g.steps and row.blank("steps"):
        out.error(
            sheet,
            row.cell("steps"),
            f"Mål {g.id} har Skala trin og skal have Trin.",
            f"Mål {g.id} har Skala steg och ska ha Steg.",
        )
    if g.scale is not Scale.BINARY and g.type not in _NEEDS_TARGET:
        out.warning(
            sheet,
            row.cell("scale"),
            f"Skala {g.scale.value} bruges kun ved mindst, højst, reduktion og stigning; "
            "målet scores binært.",
            f"Skala {g.scale.value} används bara vid minst, högst, minskning och ökning; "
            "målet poängsätts binärt.",
        )
    if g.indicator is Indicator.SHARE and g.deadline is None and row.blank("deadline"):
        out.error(
            sheet,
            row.cell("deadline"),
            f"Mål {g.id} har Indikator andel og skal have en Frist (dage eller dato).",
            f"Mål {g.id} har Indikator andel och ska ha en Tidsgräns (dagar eller datum).",
        )
    if not Decimal(0) <= g.trim_pct < Decimal(100):
        out.error(
            sheet,
            row.cell("trim"),
            "Udelad skal være en procent fra 0 til under 100.",
            "Utelämna ska vara en procent från 0 till under 100.",
        )
    if g.parent is None and g.weight is None and not equal_weights and row.blank("weight"):
        out.error(
            sheet, row.cell("weight"), f"Mål {g.id} mangler Vægt.", f"Mål {g.id} saknar Vikt."
        )
    _check_new_rules(row, g)
    if g.indicator is not None and not row.blank("result"):
        out.warning(
            sheet,
            row.cell("result"),
            f"Mål {g.id} beregnes fra Sagsdata; det indtastede resultat bruges ikke.",
            f"Mål {g.id} beräknas från Ärenden; det inskrivna utfallet används inte.",
        )


def _check_new_rules(row: Row, g: Goal) -> None:
    """Afvigelse, Lokationsberegning, Udelad periode and Forudsætning."""
    sheet, out = row.grid.name, row.out
    if g.type is GoalType.DEVIATION and g.target is not None and g.target < 0:
        out.error(
            sheet,
            row.cell("target"),
            f"Mål {g.id}: den tilladte afvigelse (Målværdi) kan ikke være negativ; skriv fx 2.",
            f"Mål {g.id}: den tillåtna avvikelsen (Målvärde) kan inte vara negativ; skriv t.ex. 2.",
        )
    if g.pooled_locations and not g.location_weights:
        out.error(
            sheet,
            row.cell("location_mode"),
            f"Mål {g.id}: Lokationsberegning samlet kræver lokationer med vægte i Lokationer "
            "(fx Valby=50; Aarhus=10).",
            f"Mål {g.id}: Ortsberäkning sammanvägd kräver orter med vikter i Orter "
            "(t.ex. Malmö=50; Göteborg=10).",
        )
    if g.excluded_periods and g.indicator is None:
        out.warning(
            sheet,
            row.cell("periods"),
            f"Mål {g.id}: Udelad periode bruges kun, når målet beregnes fra Sagsdata (Indikator); "
            "her har den ingen virkning.",
            f"Mål {g.id}: Utelämnad period används bara när målet beräknas från Ärenden "
            "(Indikator); här har den ingen verkan.",
        )
    if g.precondition_met is False and not g.precondition:
        out.error(
            sheet,
            row.cell("precondition"),
            f"Mål {g.id}: Forudsætning opfyldt er Nej, men Forudsætning er tom. Skriv planens "
            "forudsætning, så det fremgår, hvorfor målet udgår.",
            f"Mål {g.id}: Förutsättning uppfylld är Nej, men Förutsättning är tom. Skriv planens "
            "förutsättning, så att det framgår varför målet utgår.",
        )


def _check_duplicates(ids: list[tuple[str, int]], layout: SheetLayout, out: Collector) -> None:
    """Every row's Nr must be unique, including rows that failed to parse."""
    first: dict[str, int] = {}
    for gid, r in ids:
        if gid in first:
            out.error(
                layout.sheet,
                a1(r, layout.col("id")),
                f"Nr {gid} står to gange (også i række {first[gid] + 1}).",
                f"Nr {gid} förekommer två gånger (även på rad {first[gid] + 1}).",
            )
        else:
            first[gid] = r


def _check_structure(goals: list[Goal], layout: SheetLayout, out: Collector) -> None:
    sheet = layout.sheet
    id_col = layout.col("id")
    seen: dict[str, Goal] = {}
    for g in goals:
        seen.setdefault(g.id, g)
    parent_col = dict(layout.columns).get("parent", id_col)
    for g in goals:
        if g.parent is None:
            continue
        parent = seen.get(g.parent)
        if parent is None:
            out.error(
                sheet,
                a1(g.row, parent_col),
                f"Mål {g.id} peger på overordnet mål {g.parent}, som ikke findes.",
                f"Mål {g.id} pekar på överordnat mål {g.parent}, som inte finns.",
            )
        elif parent.type is not GoalType.SUBGOALS:
            out.error(
                sheet,
                a1(parent.row, dict(layout.columns).get("type", id_col)),
                f"Mål {parent.id} har delmål og skal have Type delmål.",
                f"Mål {parent.id} har delmål och ska ha Typ delmål.",
            )
    for g in goals:
        if _has_cycle(g, seen):
            out.error(
                sheet,
                a1(g.row, parent_col),
                f"Mål {g.id} ligger (indirekte) under sig selv.",
                f"Mål {g.id} ligger (indirekt) under sig självt.",
            )
        children = [c for c in goals if c.parent == g.id]
        if g.type is GoalType.SUBGOALS and not children:
            out.error(
                sheet,
                a1(g.row, dict(layout.columns).get("type", id_col)),
                f"Mål {g.id} har Type delmål, men ingen rækker har Under = {g.id}.",
                f"Mål {g.id} har Typ delmål, men inga rader har Överordnat = {g.id}.",
            )
        weighted = [c.weight is not None for c in children]
        if any(weighted) and not all(weighted):
            out.error(
                sheet,
                a1(g.row, id_col),
                f"Delmålene under {g.id} skal enten alle have en Vægt eller ingen.",
                f"Delmålen under {g.id} ska antingen alla ha en Vikt eller ingen.",
            )
        elif children and all(weighted) and sum(c.weight or 0 for c in children) == 0:
            out.error(
                sheet,
                a1(children[0].row, dict(layout.columns).get("weight", id_col)),
                f"Delmålenes vægte under {g.id} summer til 0.",
                f"Delmålens vikter under {g.id} summerar till 0.",
            )


def _has_cycle(goal: Goal, by_id: dict[str, Goal]) -> bool:
    seen = {goal.id}
    current = goal
    while current.parent is not None:
        if current.parent in seen:
            return True
        seen.add(current.parent)
        nxt = by_id.get(current.parent)
        if nxt is None:
            return False
        current = nxt
    return False


def _check_weights(
    goals: list[Goal], equal_weights: bool, layout: SheetLayout, out: Collector
) -> None:
    top = [g for g in goals if g.parent is None]
    if equal_weights or not top:
        return
    total = sum((g.weight or Decimal(0) for g in top), Decimal(0))
    if total != 100:
        shown = plain(total)
        out.warning(
            layout.sheet,
            a1(layout.header_row, layout.col("weight")),
            f"Vægtene summer til {shown}, ikke 100. Scoren vises både som point og "
            "omregnet til procent af de mulige point.",
            f"Vikterna summerar till {shown}, inte 100. Resultatet visas både som poäng "
            "och omräknat till procent av möjliga poäng.",
        )


def _parse_goals(
    grid: SheetGrid, header: HeaderRow, equal_weights: bool, out: Collector
) -> tuple[list[Goal], SheetLayout]:
    layout = _layout(grid, header, GOAL_FIELDS)
    goals: list[Goal] = []
    ids: list[tuple[str, int]] = []
    for r in _data_rows(grid, header):
        if _row_is_empty(grid, r):
            continue
        row = Row(grid, header, r, out)
        if row.blank("id") and row.blank("type") and row.blank("weight") and row.blank("result"):
            continue  # a note or section row
        if row.text("id"):
            ids.append((row.text("id"), r))
        goal = _parse_goal(row, equal_weights)
        if goal is not None:
            goals.append(goal)
    for key in ("type",) + (() if equal_weights else ("weight",)):
        if key not in header.columns:
            name = next(f for f in GOAL_FIELDS if f.key == key)
            out.error(
                grid.name,
                a1(header.row, 0),
                f"Kolonnen '{name.names[0]}' mangler i overskriftsrækken.",
                f"Kolumnen '{name.sv}' saknas i rubrikraden.",
            )
    _check_duplicates(ids, layout, out)
    _check_structure(goals, layout, out)
    _check_weights(goals, equal_weights, layout, out)
    return goals, layout


# --- Milepæle, Sagsdata, Resultatløn -----------------------------------------------------


def _parse_milestones(
    grid: SheetGrid, out: Collector
) -> tuple[list[Milestone], SheetLayout | None]:
    header = find_header(grid, MILESTONE_FIELDS, "deadline") or find_header(
        grid, MILESTONE_FIELDS, "goal"
    )
    if header is None or "goal" not in header.columns:
        out.error(
            grid.name,
            "A1",
            "Arket mangler overskriftsrækken (Mål, Milepæl, Frist, Leveret, Vægt).",
            "Bladet saknar rubrikraden (Mål, Vad, När, Levererat, Vikt).",
        )
        return [], None
    items: list[Milestone] = []
    current_goal = ""
    for r in _data_rows(grid, header):
        if _row_is_empty(grid, r):
            continue
        row = Row(grid, header, r, out)
        # Action plans leave the goal cell empty on continuation rows: it repeats.
        current_goal = row.text("goal") or current_goal
        if not current_goal:
            out.error(
                grid.name, row.cell("goal"), "Rækken mangler målets Nr.", "Raden saknar målets Nr."
            )
            continue
        name = row.text("name")
        row.kind = "milestone"
        row.subject = f"{name} (mål {current_goal})" if name else f"mål {current_goal}"
        deadline, known = _milestone_deadline(row)
        delivered = row.get("delivered", _parse_delivered)
        items.append(
            Milestone(
                current_goal, r, row.text("name"), deadline, known, delivered, row.number("weight")
            )
        )
    return items, _layout(grid, header, MILESTONE_FIELDS)


def _milestone_deadline(row: Row) -> tuple[date | None, bool]:
    try:
        raw = row.raw("deadline")
        if V.is_blank(raw):
            return None, True
        d = V.parse_date(raw)
        return (d if isinstance(d, date) else None), True
    except V.VagueDate as p:
        row.problem("deadline", p, WARNING)
        return None, False
    except V.ValueProblem as p:
        row.problem("deadline", p, ERROR)
        return None, False


def _parse_delivered(v: CellValue) -> date | bool:
    if isinstance(v, date):
        return V.parse_date(v)  # type: ignore[return-value]
    try:
        return V.parse_bool(v)
    except V.ValueProblem:
        d = V.parse_date(v)
        if not isinstance(d, date):
            raise
        return d


@dataclass
class _CaseColumns:
    """Case data of one goal while it is being read, column by column."""

    first_row: int
    days: list[Decimal] = field(default_factory=list)
    decided: list[date | None] = field(default_factory=list)
    location: list[str] = field(default_factory=list)
    as_met: list[bool] = field(default_factory=list)
    excluded: int = 0
    without_days: int = 0
    received: list[date | None] = field(default_factory=list)
    open_received: list[date] = field(default_factory=list)
    open_location: list[str] = field(default_factory=list)
    as_met_cell: str = ""


CASES_VECTOR_FROM = 2000  # rows of a Sagsdata grid from which numpy reads it (see below)


def _parse_cases(grid: SheetGrid, out: Collector) -> list[GoalCases]:
    """Sagsdata → cases per goal: column by column with numpy for a large sheet (see
    `calc.casedata`), else row by row (`_parse_cases_reference`); the result is the same."""
    from .casedata import numpy_available

    if isinstance(grid, CountedSheet) and isinstance(grid.counted, tuple):
        # counted by calc.casescan or calc.casedb, the issues in both languages
        counted_cases, counted_issues = grid.counted
        out.issues.extend(counted_issues[out.lang])
        return list(counted_cases)
    head = find_header(grid, CASE_FIELDS, "goal")
    sheet = grid.label if isinstance(grid, CaseSheet) and grid.label else grid.name
    if head is None:
        out.error(
            sheet,
            "A1",
            "Arket mangler overskriftsrækken (Mål, Sag, Modtaget, Afgjort, …).",
            "Bladet saknar rubrikraden (Mål, Ärende, Mottaget, Avgjort, …).",
        )
        return []
    small = not isinstance(grid, CaseSheet) and grid.n_rows < CASES_VECTOR_FROM
    if small or not numpy_available():  # numpy's import costs more than a small sheet
        return _parse_cases_reference(grid, out)
    from .casedata import CaseColumns, parse_case_columns

    first = head.row + 1
    keys = ("goal", "received", "decided", "location", "included", "days")
    columns: dict[str, Sequence[object]] = {}
    if isinstance(grid, CaseSheet):
        n = max(grid.height - first, 0)
        for key in keys:
            c = head.col(key)
            if c is not None:
                columns[key] = grid.column(c, first)
    else:
        n = max(grid.n_rows - first, 0)
        body = grid.rows[first:]
        for key in keys:
            c = head.col(key)
            if c is not None:
                columns[key] = [row[c] if c < len(row) else None for row in body]
    table = CaseColumns(
        sheet,
        first,
        n,
        columns,
        {k: c for k in keys if (c := head.col(k)) is not None},
        grid.percent,
        grid.formulas,
        convert=isinstance(grid, CaseSheet),
    )
    cases, issues = parse_case_columns(table, out.lang)
    out.issues.extend(issues)
    return cases


def _parse_cases_reference(grid: SheetGrid, out: Collector) -> list[GoalCases]:
    """The row-by-row definition of reading Sagsdata (a header row is known to exist)."""
    header = find_header(grid, CASE_FIELDS, "goal")
    assert header is not None
    acc: dict[str, _CaseColumns] = {}
    for r in _data_rows(grid, header):
        row = Row(grid, header, r, out)
        gid = row.text("goal")
        if not gid:
            continue
        cols = acc.setdefault(gid, _CaseColumns(first_row=r))
        included = row.get("included", V.parse_included)
        if included is False:
            cols.excluded += 1
            continue
        as_met = included is V.AS_MET
        if as_met and not cols.as_met_cell:
            cols.as_met_cell = row.cell("included")
        decided = row.get("decided", V.parse_date)
        decided = decided if isinstance(decided, date) else None
        days = row.number("days")
        received: date | None = None
        if days is None:
            parsed = row.get("received", V.parse_date)
            received = parsed if isinstance(parsed, date) else None
            if received is not None and decided is not None:
                days = Decimal((decided - received).days)
        else:  # not needed for the day count: read for placing the case in time, quietly
            received = _quiet_date(row.raw("received"))
        if days is None and as_met:
            days = Decimal(0)  # never used: Som opfyldt is refused for day-based indicators
        if days is None:
            cols.without_days += 1
            if received is not None and decided is None:
                cols.open_received.append(received)
                cols.open_location.append(row.text("location"))
            continue
        cols.days.append(days)
        cols.decided.append(decided)
        cols.location.append(row.text("location"))
        cols.received.append(received)
        cols.as_met.append(as_met)
    return [
        GoalCases(
            gid,
            tuple(c.days),
            tuple(c.decided),
            tuple(c.location),
            c.excluded,
            c.without_days,
            c.first_row,
            received=tuple(c.received),
            open_received=tuple(c.open_received),
            open_location=tuple(c.open_location),
            as_met=tuple(c.as_met),
            as_met_cell=c.as_met_cell,
        )
        for gid, c in acc.items()
    ]


def _quiet_date(v: CellValue) -> date | None:
    """A date if the cell holds one, else None, without a problem recorded."""
    if V.is_blank(v):
        return None
    try:
        found = V.parse_date(v)
    except V.ValueProblem:
        return None
    return found if isinstance(found, date) else None


def _parse_people(grid: SheetGrid, out: Collector) -> tuple[list[Person], SheetLayout | None]:
    header = find_header(grid, PAY_FIELDS, "name")
    if header is None:
        return [], None
    people: list[Person] = []
    for r in _data_rows(grid, header):
        if _row_is_empty(grid, r):
            continue
        row = Row(grid, header, r, out)
        name = row.text("name")
        if not name:
            continue
        row.kind, row.subject = "person", name
        model = (
            row.keyword("model", _PAY_MODELS, "lineær, tærskel, trin", "linjär, tröskel, steg")
            or PayModel.LINEAR
        )
        parse_adjustment = partial(V.parse_adjustment, percent_cell=row.is_percent("adjustment"))
        adjustment = row.get("adjustment", parse_adjustment) or (Decimal(0), False)
        person = Person(
            row=r,
            name=name,
            title=row.text("title"),
            base=row.number("base"),
            max_pct=row.number("max_pct"),
            max_amount=row.number("max_amount"),
            model=model,
            threshold=row.number("threshold"),
            steps=row.get("steps", V.parse_steps) or (),
            adjustment=adjustment[0],
            adjustment_is_pct=adjustment[1],
            reason=row.text("reason"),
            withheld=bool(row.get("withheld", V.parse_bool)),
        )
        _check_person(row, person)
        people.append(person)
    return people, _layout(grid, header, PAY_FIELDS)


def _check_person(row: Row, p: Person) -> None:
    sheet, out = row.grid.name, row.out
    if (
        p.max_pct is None
        and p.max_amount is None
        and row.blank("max_pct")
        and row.blank("max_amount")
    ):
        out.error(
            sheet,
            row.cell("max_pct"),
            f"{p.name}: angiv Maks. pct. (af Grundlag) eller Maks. beløb.",
            f"{p.name}: ange Max procent (av Underlag) eller Max belopp.",
        )
    if p.max_pct is not None and p.base is None and row.blank("base"):
        out.error(
            sheet,
            row.cell("base"),
            f"{p.name}: Maks. pct. kræver et Grundlag i kr.",
            f"{p.name}: Max procent kräver ett Underlag i kr.",
        )
    if p.model is PayModel.THRESHOLD and p.threshold is None and row.blank("threshold"):
        out.error(
            sheet,
            row.cell("threshold"),
            f"{p.name}: model tærskel kræver en Tærskel.",
            f"{p.name}: modell tröskel kräver en Tröskel.",
        )
    if p.model is PayModel.STEPS and not p.steps and row.blank("steps"):
        out.error(
            sheet,
            row.cell("steps"),
            f"{p.name}: model trin kræver Trin.",
            f"{p.name}: modell steg kräver Steg.",
        )
    if (p.adjustment != 0 or p.withheld) and not p.reason:
        what_da = "Resultatløn bortfalder" if p.withheld else "Et skøn"
        what_sv = "Bortfall av resultatlön" if p.withheld else "En justering"
        out.error(
            sheet,
            row.cell("reason"),
            f"{p.name}: {what_da} kræver en skriftlig Begrundelse.",
            f"{p.name}: {what_sv} kräver en skriftlig Motivering.",
        )


# --- the whole workbook -------------------------------------------------------------------


def parse_plan(grids: WorkbookGrids) -> tuple[Plan | None, tuple[Issue, ...]]:
    """Parse a workbook's grids into a `Plan`, with every problem found.

    The plan is None only when there is nothing to score (no Mål sheet or no header row);
    otherwise it is returned even with errors, so a caller can show as much as possible.
    """
    goals_grid = grids.find(*SHEETS["goals"])
    out = Collector()
    if goals_grid is None:
        out.error(
            "Mål", "", "Arket 'Mål' mangler i projektmappen.", "Bladet 'Mål' saknas i arbetsboken."
        )
        return None, tuple(out.issues)
    header = find_header(goals_grid, GOAL_FIELDS, "id")
    kv = _read_plan_sheet(grids.find(*SHEETS["plan"]))
    if header is None:
        out.error(
            goals_grid.name,
            "A1",
            "Overskriftsrækken med kolonnen 'Nr' blev ikke fundet i de første 30 rækker.",
            "Rubrikraden med kolumnen 'Nr' hittades inte bland de 30 första raderna.",
        )
        return None, tuple(out.issues)
    out.lang = _decide_language(kv, header)
    if grids.find(*SHEETS["plan"]) is None:
        out.warning(
            "Plan",
            "",
            "Arket 'Plan' mangler; institution og år er ukendt.",
            "Bladet 'Plan' saknas; myndighet och år är okända.",
        )
    equal = _equal_weights(kv, out)
    goals, goals_layout = _parse_goals(goals_grid, header, equal, out)
    milestones: list[Milestone] = []
    ms_layout = None
    if (ms_grid := grids.find(*SHEETS["milestones"])) is not None:
        milestones, ms_layout = _parse_milestones(ms_grid, out)
    cases: list[GoalCases] = []
    if (case_grid := grids.find(*SHEETS["cases"])) is not None:
        cases = _parse_cases(case_grid, out)
    people: list[Person] = []
    pay_layout = None
    if (pay_grid := grids.find(*SHEETS["pay"])) is not None:
        people, pay_layout = _parse_people(pay_grid, out)
    summary = grids.find(*SHEETS["summary"])
    plan = Plan(
        holiday_country=_holiday_country(kv, out),
        institution=_kv_text(kv, "institution"),
        ministry=_kv_text(kv, "ministry"),
        year=_kv_year(kv, out),
        title=_kv_text(kv, "title"),
        equal_weights=equal,
        lang=out.lang,
        goals=tuple(goals),
        milestones=tuple(milestones),
        cases=tuple(cases),
        people=tuple(people),
        goals_layout=goals_layout,
        milestones_layout=ms_layout,
        pay_layout=pay_layout,
        summary_sheet=summary.name if summary else None,
        summary_extent=tuple(p for p, v in _filled(summary)) if summary else (),
        ministry_email=_kv_email(kv, out),
        last_points=_kv_number(kv, "last_points", out),
        last_score_pct=_kv_number(kv, "last_score", out),
        year_cell=kv.get("year", (None, ""))[1],
    )
    _check_references(plan, out, _case_source_name(case_grid))
    return plan, tuple(out.issues)


def _filled(grid: SheetGrid) -> list[tuple[tuple[int, int], CellValue]]:
    return [
        ((r, c), v) for r, row in enumerate(grid.rows) for c, v in enumerate(row) if v is not None
    ]


def _kv_text(kv: dict[str, tuple[CellValue, str]], key: str) -> str:
    v = kv.get(key, (None, ""))[0]
    if v is None:
        return ""
    return plain(v) if isinstance(v, Decimal) else str(v).strip()


_EMAIL = re.compile(r"^[^@\s;,<>]+@[^@\s;,<>]+\.[^@\s;,<>]+$")


def _kv_email(kv: dict[str, tuple[CellValue, str]], out: Collector) -> str:
    """`Departementets e-mail`: one address; anything else is a warning (it moves no number)."""
    cell = kv.get("ministry_email", (None, ""))[1]
    text = _kv_text(kv, "ministry_email")
    if not text:
        return ""
    if _EMAIL.match(text):
        return text
    out.warning(
        "Plan",
        cell,
        f"Departementets e-mail '{text}' er ikke én e-mailadresse (fx post@fm.dk); "
        "den bruges ikke.",
        f"Departementets e-post '{text}' är inte en e-postadress (t.ex. registrator@fi.se); "
        "den används inte.",
    )
    return ""


def _kv_number(kv: dict[str, tuple[CellValue, str]], key: str, out: Collector) -> Decimal | None:
    """A number on the Plan sheet (a percent-formatted cell is not known there: 83,3 or
    `83,3 %` both read as 83,3)."""
    v, cell = kv.get(key, (None, ""))
    if V.is_blank(v):
        return None
    try:
        return V.parse_number(v)
    except V.ValueProblem as p:
        out.problem("Plan", cell, p, ERROR)
        return None


def _kv_year(kv: dict[str, tuple[CellValue, str]], out: Collector) -> int | None:
    v, cell = kv.get("year", (None, ""))
    if V.is_blank(v):
        return None
    try:
        n = V.parse_number(v)
    except V.ValueProblem as p:
        out.problem("Plan", cell, p, ERROR)
        return None
    if n != n.to_integral_value() or not 1900 <= n <= 2200:
        out.error(
            "Plan", cell, f"År skal være et årstal, ikke {v}.", f"År ska vara ett årtal, inte {v}."
        )
        return None
    return int(n)


def _holiday_country(kv: dict[str, tuple[CellValue, str]], out: Collector) -> str:
    """Whose public holidays working days skip: the Plan label Helligdage, else the language."""
    default = "SE" if out.lang == "sv" else "DK"
    v, cell = kv.get("holidays", (None, ""))
    if V.is_blank(v):
        return default
    found = _HOLIDAY_COUNTRIES.get(_fold(v))
    if found is None:
        out.error(
            "Plan",
            cell,
            f"Helligdage '{v}' kendes ikke. Skriv Danmark eller Sverige.",
            f"Helgdagar '{v}' är okänt. Skriv Sverige eller Danmark.",
        )
        return default
    return found


def _equal_weights(kv: dict[str, tuple[CellValue, str]], out: Collector) -> bool:
    v, cell = kv.get("weighting", (None, ""))
    if V.is_blank(v):
        return False
    folded = _fold(v)
    if folded in {"ligelig", "lika", "equal", "lige", "ens"}:
        return True
    if folded in {"point", "poang", "points", "vaegt", "vikt"}:
        return False
    out.error(
        "Plan",
        cell,
        f"Vægtning '{v}' kendes ikke. Brug point eller ligelig.",
        f"Viktning '{v}' är okänd. Använd poäng eller lika.",
    )
    return False


def _case_source_name(grid: SheetGrid | None) -> str | None:
    """What issues about the case data name as the sheet: the case file or the database when
    the cases come from outside the workbook, else the sheet."""
    if grid is None:
        return None
    if isinstance(grid, CaseSheet | CountedSheet) and grid.label:
        return grid.label
    return grid.name


def _check_references(plan: Plan, out: Collector, case_sheet: str | None) -> None:
    """Milestones and cases must point at goals that use them."""
    by_id = {g.id: g for g in plan.goals}
    goals_sheet = plan.goals_layout.sheet if plan.goals_layout else "Mål"
    id_col = plan.goals_layout.col("id") if plan.goals_layout else 0
    if plan.milestones_layout is not None:
        _check_milestone_refs(plan, by_id, plan.milestones_layout, out)
    for g in plan.goals:
        if g.type is GoalType.MILESTONES and not any(m.goal_id == g.id for m in plan.milestones):
            out.warning(
                goals_sheet,
                a1(g.row, id_col),
                f"Mål {g.id} har type milepæle, men ingen milepæle er registreret.",
                f"Mål {g.id} har typ milstolpar, men inga aktiviteter är registrerade.",
            )
    for cases in plan.cases:
        target = by_id.get(cases.goal_id)
        if (
            case_sheet is not None
            and target is not None
            and cases.as_met_cell
            and target.indicator not in (Indicator.SHARE, Indicator.COUNT, None)
        ):
            out.error(
                case_sheet,
                cases.as_met_cell,
                f"Mål {target.id} har Indikator {target.indicator.value}: Medtages = Som "
                "opfyldt gælder kun for andel (sagen tæller som inden for fristen). "
                "Skriv Ja eller Nej.",
                f"Mål {target.id} har en Indikator där Ingår = Räknas som uppfyllt inte kan "
                "användas (bara för andel). Skriv Ja eller Nej.",
            )
        if case_sheet is not None and (target is None or target.indicator is None):
            out.warning(
                case_sheet,
                a1(cases.first_row, 0) if cases.first_row >= 0 else "",  # -1: a database
                f"Sagerne for mål {cases.goal_id} bruges ikke: målet findes ikke eller har "
                "ingen Indikator.",
                f"Ärendena för mål {cases.goal_id} används inte: målet finns inte eller har "
                "ingen Indikator.",
            )


def _check_milestone_refs(
    plan: Plan, by_id: dict[str, Goal], layout: SheetLayout, out: Collector
) -> None:
    goal_col = layout.col("goal")
    weight_col = dict(layout.columns).get("weight", goal_col)
    for m in plan.milestones:
        g = by_id.get(m.goal_id)
        if g is None:
            out.error(
                layout.sheet,
                a1(m.row, goal_col),
                f"Milepælen hører til mål {m.goal_id}, som ikke findes på arket Mål.",
                f"Aktiviteten hör till mål {m.goal_id}, som inte finns på bladet Mål.",
            )
        elif g.type is not GoalType.MILESTONES:
            out.warning(
                layout.sheet,
                a1(m.row, goal_col),
                f"Mål {m.goal_id} har ikke type milepæle, så milepælen tæller ikke.",
                f"Mål {m.goal_id} har inte typ milstolpar, så aktiviteten räknas inte.",
            )
    for gid in dict.fromkeys(m.goal_id for m in plan.milestones):
        items = [m for m in plan.milestones if m.goal_id == gid]
        missing = [m for m in items if m.weight is None]
        if missing and len(missing) < len(items):
            out.error(
                layout.sheet,
                a1(missing[0].row, weight_col),
                f"Milepælene under mål {gid} skal enten alle have en Vægt eller ingen.",
                f"Aktiviteterna under mål {gid} ska antingen alla ha en Vikt eller ingen.",
            )


# --- Opfølgning (follow-up during the year) -----------------------------------------------

_FORECASTS = {
    "forventesopfyldt": Forecast.MET,
    "forvantasuppfyllt": Forecast.MET,
    "risiko": Forecast.RISK,
    "risk": Forecast.RISK,
    "forventesikkeopfyldt": Forecast.NOT_MET,
    "forvantasejuppfyllt": Forecast.NOT_MET,
    "forvantasinteuppfyllt": Forecast.NOT_MET,
    "ukendt": Forecast.UNKNOWN,
    "okand": Forecast.UNKNOWN,
}


def parse_followup(
    grids: WorkbookGrids, plan: Plan
) -> tuple[FollowUpSheet | None, tuple[Issue, ...]]:
    """The Opfølgning sheet: one row per goal and period, as people filled it in.

    Read only by the follow-up (`maalscore opfølgning`), never by `beregn`, so a slip on this
    sheet never stops the year-end score. None when the workbook has no such sheet.
    """
    grid = grids.find(*SHEETS["followup"])
    if grid is None:
        return None, ()
    out = Collector(plan.lang)
    header = find_header(grid, FOLLOWUP_FIELDS, "goal")
    if header is None or "period" not in header.columns:
        out.error(
            grid.name,
            "A1",
            "Arket mangler overskriftsrækken (Nr, Periode, Resultat, Prognose, Kommentar).",
            "Bladet saknar rubrikraden (Nr, Period, Utfall, Prognos, Kommentar).",
        )
        return None, tuple(out.issues)
    by_id = {g.id: g for g in plan.goals}
    rows: list[FollowUpRow] = []
    first: dict[tuple[str, date], int] = {}
    last = header.row
    inputs = ("goal", "period", "result", "forecast_override", "comment")
    for r in _data_rows(grid, header):
        if _row_is_empty(grid, r):
            continue
        last = r
        row = Row(grid, header, r, out)
        if all(row.blank(k) for k in inputs):
            continue  # only output cells are filled: nothing to read
        item = _followup_row(row, by_id, plan.year, first)
        if item is not None:
            rows.append(item)
    layout = _layout(grid, header, FOLLOWUP_FIELDS)
    return FollowUpSheet(tuple(rows), layout, last), tuple(out.issues)


def _followup_row(
    row: Row, by_id: dict[str, Goal], year: int | None, first: dict[tuple[str, date], int]
) -> FollowUpRow | None:
    sheet, out = row.grid.name, row.out
    gid = row.text("goal")
    if not gid:
        out.error(sheet, row.cell("goal"), "Rækken mangler målets Nr.", "Raden saknar målets Nr.")
        return None
    goal = by_id.get(gid)
    if goal is None:
        out.error(
            sheet,
            row.cell("goal"),
            f"Opfølgningen gælder mål {gid}, som ikke findes på arket Mål.",
            f"Uppföljningen gäller mål {gid}, som inte finns på bladet Mål.",
        )
        return None
    if row.blank("period"):
        out.error(
            sheet,
            row.cell("period"),
            f"Rækken for mål {gid} mangler Periode (fx Q3 eller 30-09-{year or 2025}).",
            f"Raden för mål {gid} saknar Period (t.ex. Q3 eller {year or 2025}-09-30).",
        )
        return None
    end = row.get("period", partial(parse_period, year=year))
    if end is None:
        return None
    if year is not None and end.year != year:
        out.error(
            sheet,
            row.cell("period"),
            f"Perioden {row.text('period')} ligger uden for planens år {year}.",
            f"Perioden {row.text('period')} ligger utanför planens år {year}.",
        )
        return None
    if (gid, end) in first:
        out.error(
            sheet,
            row.cell("period"),
            f"Mål {gid} har allerede en række for perioden {row.text('period')} "
            f"(række {first[(gid, end)] + 1}).",
            f"Mål {gid} har redan en rad för perioden {row.text('period')} "
            f"(rad {first[(gid, end)] + 1}).",
        )
        return None
    first[(gid, end)] = row.r
    result, text = _followup_result(row, goal)
    forecast = row.keyword(
        "forecast_override",
        _FORECASTS,
        "forventes opfyldt, risiko, forventes ikke opfyldt, ukendt",
        "förväntas uppfyllt, risk, förväntas ej uppfyllt, okänd",
    )
    comment = row.text("comment")
    if forecast is not None and not comment:
        out.error(
            sheet,
            row.cell("comment")
            if "comment" in row.header.columns
            else row.cell("forecast_override"),
            f"En prognose sat af en person kræver en Kommentar, der begrunder den (mål {gid}).",
            f"En prognos som satts av en person kräver en Kommentar som motiverar den (mål {gid}).",
        )
    return FollowUpRow(gid, row.r, end, row.text("period"), result, text, forecast, comment)


def _followup_result(row: Row, goal: Goal) -> tuple[Decimal | bool | None, str]:
    """The period's result, read by the goal's type like the Mål sheet's Resultat."""
    computed = goal.indicator is not None or goal.type in (GoalType.MILESTONES, GoalType.SUBGOALS)
    if computed:
        if not row.blank("result"):
            row.out.warning(
                row.grid.name,
                row.cell("result"),
                f"Mål {goal.id} beregnes fra Sagsdata, milepæle eller delmål; resultatet her "
                "bruges ikke.",
                f"Mål {goal.id} beräknas från Ärenden, aktiviteter eller delmål; utfallet här "
                "används inte.",
            )
        return None, ""
    return _parse_result(row, goal.type, _fold(goal.unit) in {"andel", "share"})
