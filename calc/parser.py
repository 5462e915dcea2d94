"""Grids → `Plan`, collecting every problem with its sheet and cell.

Parsing never stops at the first problem: finance staff fix a workbook in one go only if they
see everything that is wrong at once. A row with a problem is still parsed as far as it can be,
so later checks (parents, duplicates) run too.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import partial
from typing import TypeVar

from . import values as V
from .deadlines import Deadline, Kind, parse_deadline
from .errors import ERROR, INFO, WARNING, Issue, Severity
from .excluded_periods import parse_periods
from .fmt import kroner, plain
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
    display_name,
    find_header,
    suggest,
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

    def info(self, sheet: str, cell: str, da: str, sv: str) -> None:
        self.add(sheet, cell, INFO, da, sv)

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

    def has(self, key: str) -> bool:
        """Whether the sheet has this column (a missing column is reported once, by
        `_require`, not on every row)."""
        return key in self.header.columns

    def bare(self, key: str) -> bool:
        """The cell holds a plain number: no percent sign or word, not percent-formatted.
        Such a number might be a share typed where a percentage belongs (0,85 for 85 %)."""
        return not self.is_percent(key) and not V.has_percent_unit(self.raw(key))

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
                self.about(
                    key, f"'{V.show(v)}' er ikke en gyldig værdi. Brug en af: {allowed_da}."
                ),
                self.about(
                    key, f"'{V.show(v)}' är inget giltigt värde. Använd något av: {allowed_sv}."
                ),
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


# --- headers: every cell of the header row is a known column, or it is said that it is not read


HEADERLESS_SCAN_ROWS = 5000  # data rows looked at for values under an empty header cell


def _check_header(
    grid: SheetGrid, header: HeaderRow, fields: tuple[Field, ...], out: Collector, sheet: str = ""
) -> None:
    """Warnings for the header row: cells that name no known column (with the closest known
    name), known columns written twice, and values under an empty header cell. Each of these
    is a column whose values are not read, so the user must hear about it."""
    sheet = sheet or grid.name
    lang = out.lang
    taken = set(header.columns)
    for c, value in header.unknown:
        shown = V.show(value)
        where = f"{sheet}!{a1(header.row, c)}"
        meant = suggest(value, fields, taken)
        if meant is not None:
            da_name, sv_name = meant.names[0], meant.sv
            out.warning(
                sheet,
                a1(header.row, c),
                f"'{shown}' ({where}) er ikke en kendt kolonne og læses ikke – mente du "
                f"'{da_name}'?",
                f"'{shown}' ({where}) är ingen känd kolumn och läses inte – menade du '{sv_name}'?",
            )
        else:
            out.warning(
                sheet,
                a1(header.row, c),
                f"'{shown}' ({where}) er ikke en kendt kolonne og læses ikke. Se de kendte "
                "kolonner i vejledningen, eller kald kolonnen Bemærkning.",
                f"'{shown}' ({where}) är ingen känd kolumn och läses inte. Se de kända kolumnerna "
                "i vägledningen, eller kalla kolumnen Anmärkning.",
            )
    for c, key in header.repeated:
        first = a1(header.row, header.columns[key])
        name = display_name(key, fields, lang)
        out.warning(
            sheet,
            a1(header.row, c),
            f"Kolonnen '{name}' står også i {first}; kun den første læses.",
            f"Kolumnen '{name}' står också i {first}; bara den första läses.",
        )
    named = {c for c, _ in header.unknown} | {c for c, _ in header.repeated}
    named |= set(header.columns.values())
    header_cells = grid.rows[header.row] if header.row < grid.n_rows else ()
    stray: dict[int, int] = {}  # column → first data row with a value
    for r in range(header.row + 1, min(grid.n_rows, header.row + 1 + HEADERLESS_SCAN_ROWS)):
        for c, v in enumerate(grid.rows[r]):
            if c not in named and c not in stray and not V.is_blank(v):
                stray[c] = r
    for c, r in sorted(stray.items()):
        if c < len(header_cells) and not V.is_blank(header_cells[c]):
            continue  # pragma: no cover - every non-blank header cell is named above
        out.warning(
            sheet,
            a1(header.row, c),
            f"Kolonnen har ingen overskrift, men har værdier (fx {a1(r, c)}), som ikke læses. "
            "Skriv kolonnens navn i overskriftsrækken, eller slet værdierne.",
            f"Kolumnen saknar rubrik men har värden (t.ex. {a1(r, c)}) som inte läses. Skriv "
            "kolumnens namn i rubrikraden, eller ta bort värdena.",
        )


def _rows_text(rows: Sequence[int], lang: str) -> str:
    """`række 4`, `række 4, 5 og 9`, `række 2, 3, 4, … (12 rækker)` (1-based sheet rows)."""
    numbers = [str(r + 1) for r in sorted(set(rows)) if r >= 0]
    if not numbers:  # cases counted in a database have no rows
        return "ärendena" if lang == "sv" else "sagerne"
    word, more, and_ = ("rad", "rader", "och") if lang == "sv" else ("række", "rækker", "og")
    if len(numbers) == 1:
        return f"{word} {numbers[0]}"
    if len(numbers) <= 6:
        return f"{word} {', '.join(numbers[:-1])} {and_} {numbers[-1]}"
    return f"{word} {', '.join(numbers[:5])}, … ({len(numbers)} {more})"


def _require(
    sheet: str,
    header_row: int,
    present: Mapping[str, int],
    fields: tuple[Field, ...],
    key: str,
    rows: Sequence[int],
    why: tuple[str, str],
    out: Collector,
) -> None:
    """An error when column `key` is not among the `present` columns of the header row (it is
    missing, or its header cell is empty) while `rows` need it; `why` says why, in Danish and
    Swedish. The rules are listed in workbooks/README.md (*Required columns*). Never a
    default in its place."""
    if key in present or not rows:
        return
    name = display_name(key, fields, out.lang)
    out.error(
        sheet,
        a1(header_row, 0),
        f"Kolonnen '{name}' mangler i overskriftsrækken (række {header_row + 1}), men "
        f"{_rows_text(rows, 'da')} skal bruge den ({why[0]}). Tilføj kolonnen, eller ret "
        "overskriften.",
        f"Kolumnen '{name}' saknas i rubrikraden (rad {header_row + 1}), men "
        f"{_rows_text(rows, 'sv')} behöver den ({why[1]}). Lägg till kolumnen, eller rätta "
        "rubriken.",
    )


# --- Plan sheet ---------------------------------------------------------------------------


def _read_plan_sheet(grid: SheetGrid | None) -> dict[str, tuple[CellValue, str]]:
    """Key/value pairs of the Plan sheet: canonical key → (value, cell of the value)."""
    found: dict[str, tuple[CellValue, str]] = {}
    if grid is None:
        return found
    lookup = {normalise_name(n): k for k, names in PLAN_KEYS.items() for n in names}
    for r, row in enumerate(grid.rows):
        for c, v in enumerate(row):
            if isinstance(v, str) and (key := lookup.get(normalise_name(v))) and key not in found:
                found[key] = (row[c + 1] if c + 1 < len(row) else None, a1(r, c + 1))
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
        if row.blank("type") and row.has("type"):
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
    if g.type in _NEEDS_TARGET and g.target is None and row.blank("target") and row.has("target"):
        out.error(
            sheet,
            row.cell("target"),
            f"Mål {g.id} mangler Målværdi.",
            f"Mål {g.id} saknar Målvärde.",
        )
    if (
        g.type is GoalType.RANGE
        and g.target_range is None
        and row.blank("target")
        and row.has("target")
    ):
        out.error(
            sheet,
            row.cell("target"),
            f"Mål {g.id} er et interval og skal have en Målværdi som fx 3-5.",
            f"Mål {g.id} är ett intervall och ska ha ett Målvärde som t.ex. 3-5.",
        )
    if g.type in (GoalType.REDUCTION, GoalType.INCREASE):
        if g.baseline is None and row.blank("baseline") and not row.has("baseline"):
            pass  # the missing column is reported once (`_require`)
        elif g.baseline is None and row.blank("baseline"):
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
        if g.lower is None and row.blank("lower") and not row.has("lower"):
            pass  # the missing column is reported once (`_require`)
        elif g.lower is None and row.blank("lower"):
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
    if (
        g.scale is Scale.STEPS
        and g.type in _NEEDS_TARGET
        and not g.steps
        and row.blank("steps")
        and row.has("steps")
    ):
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
    needs_deadline = g.indicator is Indicator.SHARE and g.deadline is None and row.has("deadline")
    if needs_deadline and row.blank("deadline"):
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
    if (
        g.parent is None
        and g.weight is None
        and not equal_weights
        and row.blank("weight")
        and row.has("weight")
    ):
        out.error(
            sheet, row.cell("weight"), f"Mål {g.id} mangler Vægt.", f"Mål {g.id} saknar Vikt."
        )
    _check_new_rules(row, g)
    if g.parent is None and equal_weights and not row.blank("weight"):
        out.warning(
            sheet,
            row.cell("weight"),
            f"Vægtning er ligelig (arket Plan), så Vægt {V.show(row.raw('weight'))} for mål "
            f"{g.id} bruges ikke: hvert hovedmål vejer det samme.",
            f"Viktning är lika (bladet Plan), så Vikt {V.show(row.raw('weight'))} för mål "
            f"{g.id} används inte: varje huvudmål väger lika mycket.",
        )
    if g.indicator is not Indicator.SHARE and not row.blank("deadline"):
        out.warning(
            sheet,
            row.cell("deadline"),
            "Frist bruges kun ved Indikator andel; den læses ikke her.",
            "Tidsgräns används bara vid Indikator andel; den läses inte här.",
        )
    if g.indicator is not Indicator.MEAN and not row.blank("trim"):
        out.warning(
            sheet,
            row.cell("trim"),
            "Udelad bruges kun ved Indikator gennemsnit; den læses ikke her.",
            "Utelämna används bara vid Indikator genomsnitt; den läses inte här.",
        )
    _check_units(row, g)
    _check_links(row, g)
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


_PERCENT_UNITS = {"%", "pct", "procent", "percent"}
PLAUSIBLE_DEADLINE_DAYS = 366  # an andel Frist in days longer than a year is taken for a slip


def _check_links(row: Row, g: Goal) -> None:
    """Cells that only mean something together: one filled without the other is named, so a
    blank is never quietly read as the default that changes the score."""
    sheet, out = row.grid.name, row.out
    numeric = g.type in _NEEDS_TARGET
    filled = not row.blank("lower") or not row.blank("steps")
    if numeric and row.has("scale") and row.blank("scale") and filled:
        what = "Nedre grænse" if not row.blank("lower") else "Trin"
        what_sv = "Nedre gräns" if not row.blank("lower") else "Steg"
        out.error(
            sheet,
            row.cell("scale"),
            f"Mål {g.id} har {what}, men Skala er tom (så målet ville blive scoret binært). "
            "Skriv Skala (lineær eller trin), eller slet "
            f"{what}.",
            f"Mål {g.id} har {what_sv}, men Skala är tom (så målet skulle poängsättas binärt). "
            f"Skriv Skala (linjär eller steg), eller ta bort {what_sv}.",
        )
    if (g.location_weights or g.every_location) and g.indicator is None:
        out.warning(
            sheet,
            row.cell("locations"),
            "Lokationer bruges kun med en Indikator (sager fra Sagsdata); de læses ikke her.",
            "Orter används bara med en Indikator (ärenden från Ärenden); de läses inte här.",
        )
    if g.indicator is Indicator.SHARE and g.deadline is not None and g.deadline.kind is Kind.DAYS:
        days = g.deadline.amount
        if days != days.to_integral_value() or days > PLAUSIBLE_DEADLINE_DAYS:
            out.warning(
                sheet,
                row.cell("deadline"),
                f"Fristen {V.show(row.raw('deadline'))} dage er ikke et helt antal dage inden for "
                "et år. Kontrollér tallet.",
                f"Tidsgränsen {V.show(row.raw('deadline'))} dagar är inte ett helt antal dagar "
                "inom ett år. Kontrollera talet.",
            )
    if g.indicator is Indicator.MEAN and 0 < g.trim_pct < 1:
        out.warning(
            sheet,
            row.cell("trim"),
            f"Udelad {V.show(row.raw('trim'))} betyder {plain(g.trim_pct)} % af sagerne. Mente du "
            f"{plain(g.trim_pct * 100)} %? Skriv procenten som {plain(g.trim_pct * 100)}.",
            f"Utelämna {V.show(row.raw('trim'))} betyder {plain(g.trim_pct)} % av ärendena. "
            f"Menade du {plain(g.trim_pct * 100)} %? Skriv procenten som "
            f"{plain(g.trim_pct * 100)}.",
        )
    _check_percent_targets(row, g)


def _check_percent_targets(row: Row, g: Goal) -> None:
    """Targets that are percentages by their meaning: a share of cases (Indikator andel) and a
    change from Basis (reduktion, stigning). Written as a share (0,15) they are errors; a share
    of cases or a reduction above 100 % cannot be reached."""
    t = g.target
    if t is None:
        return
    share = g.indicator is Indicator.SHARE
    relative = g.type in (GoalType.REDUCTION, GoalType.INCREASE)
    # A share of cases of 1 % is no target, but a change of 1 % may be: only below 1 there.
    if ((share and 0 < t <= 1) or (relative and 0 < t < 1)) and row.bare("target"):
        meant = plain(t * 100)
        what_da = "en andel af sager" if share else "en ændring i procent af Basis"
        what_sv = "en andel av ärenden" if share else "en förändring i procent av Basvärde"
        row.out.error(
            row.grid.name,
            row.cell("target"),
            f"Målværdi {V.show(row.raw('target'))} er {what_da}, altså {plain(t)} %. Mente du "
            f"{meant} %? Skriv {meant} (eller {meant} %).",
            f"Målvärde {V.show(row.raw('target'))} är {what_sv}, alltså {plain(t)} %. Menade du "
            f"{meant} %? Skriv {meant} (eller {meant} %).",
        )
    elif (share or g.type is GoalType.REDUCTION) and t > 100:
        row.out.error(
            row.grid.name,
            row.cell("target"),
            f"Målværdi {V.show(row.raw('target'))} % kan ikke nås: "
            + ("en andel" if share else "en reduktion")
            + " er højst 100 %.",
            f"Målvärde {V.show(row.raw('target'))} % kan inte nås: "
            + ("en andel" if share else "en minskning")
            + " är högst 100 %.",
        )


def _check_units(row: Row, g: Goal) -> None:
    """A share typed where Enhed says % (0,85 against a Målværdi of 85), or the reverse, is an
    error: read as written it scores a different goal. A number written with its percent sign
    (`0,85 %`) or in a percent-formatted cell is taken as written."""
    if normalise_name(g.unit) not in _PERCENT_UNITS or g.type not in (
        GoalType.AT_LEAST,
        GoalType.AT_MOST,
        GoalType.RANGE,
    ):
        return
    targets = [g.target] if g.target is not None else list(g.target_range or ())
    result = g.result if isinstance(g.result, Decimal) else None

    def share_like(v: Decimal | None) -> bool:
        return v is not None and 0 < v <= 1

    def pct_like(v: Decimal | None) -> bool:
        return v is not None and v > 1

    if share_like(result) and row.bare("result") and targets and all(map(pct_like, targets)):
        assert result is not None
        _share_error(row, "result", result, f"Målværdi {row.text('target')}")
    elif (
        targets
        and all(map(share_like, targets))
        and pct_like(result)
        and g.target is not None
        and row.bare("target")
    ):
        _share_error(row, "target", g.target, f"Resultat {row.text('result')}")
    if share_like(g.lower) and row.bare("lower") and g.target is not None and pct_like(g.target):
        assert g.lower is not None
        _share_error(row, "lower", g.lower, f"Målværdi {row.text('target')}")


def _share_error(row: Row, key: str, value: Decimal, other: str) -> None:
    shown = V.show(row.raw(key))
    as_pct = plain(value * 100)
    row.out.error(
        row.grid.name,
        row.cell(key),
        f"'{shown}' ligner en andel, men Enhed er % ({other}). Skriv {as_pct} (eller "
        f"{as_pct} %), hvis du mener {as_pct} %, eller '{shown} %', hvis tallet virkelig er "
        f"{shown} %.",
        f"'{shown}' ser ut som en andel, men Enhet är % ({other}). Skriv {as_pct} (eller "
        f"{as_pct} %) om du menar {as_pct} %, eller '{shown} %' om talet verkligen är {shown} %.",
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
    weight_col = dict(layout.columns).get("weight")
    # A weight that is missing or unreadable is an error of its own: no sum from the others.
    unread = any(g.weight is None for g in top)
    if not equal_weights and top and weight_col is not None and not unread:
        total = sum((g.weight or Decimal(0) for g in top), Decimal(0))
        if total != 100:
            shown = plain(total)
            cell, hint_da, hint_sv = a1(layout.header_row, weight_col), "", ""
            slip = _weight_slip(top, total)
            if slip is not None:
                g, meant = slip
                cell = a1(g.row, weight_col)
                hint_da = (
                    f" Med {plain(meant)} i stedet for {plain(g.weight or 0)} i {cell} ville de "
                    "summe til 100 – er tallet tastet forkert?"
                )
                hint_sv = (
                    f" Med {plain(meant)} i stället för {plain(g.weight or 0)} i {cell} skulle "
                    "de summera till 100 – är talet fel inskrivet?"
                )
            out.warning(
                layout.sheet,
                cell,
                f"Vægtene summer til {shown}, ikke 100. Scoren vises både som point og "
                f"omregnet til procent af de mulige point.{hint_da}",
                f"Vikterna summerar till {shown}, inte 100. Resultatet visas både som poäng "
                f"och omräknat till procent av möjliga poäng.{hint_sv}",
            )
    if weight_col is None:
        return
    groups: list[list[Goal]] = [] if equal_weights else [top]
    parents = dict.fromkeys(g.parent for g in goals if g.parent is not None)
    groups += [[g for g in goals if g.parent == p] for p in parents]
    for group in groups:
        for g, typical in _outlier_weights([(g, g.weight) for g in group]):
            _outlier_warning(out, layout.sheet, a1(g.row, weight_col), g.weight, typical)


WEIGHT_RATIO = 25  # a weight this many times above or below its siblings' is taken for a slip


def _weight_slip(top: list[Goal], total: Decimal) -> tuple[Goal, Decimal] | None:
    """The one top-level weight that, typed ×10, ×100, ÷10 or ÷100 wrong, explains why the
    weights do not sum to 100 (0,25 for 25), with what it would then be; else None."""
    found: list[tuple[Goal, Decimal]] = []
    for g in top:
        if not g.weight:
            continue
        for factor in (Decimal(100), Decimal(10), Decimal("0.1"), Decimal("0.01")):
            meant = g.weight * factor
            if total - g.weight + meant == 100:
                found.append((g, meant))
    return found[0] if len(found) == 1 else None


def _outlier_weights(items: Sequence[tuple[T, Decimal | None]]) -> list[tuple[T, Decimal]]:
    """The items whose weight is `WEIGHT_RATIO` times (or more) above or below the median of
    the other positive weights beside it, with that median. Real plans weigh goals 2,5 to 25
    and milestones 1 to 3; a weight typed ×100 or ÷100 stands out."""
    positive = [(item, w) for item, w in items if w is not None and w > 0]
    found: list[tuple[T, Decimal]] = []
    if len(positive) < 2:
        return found
    for k, (item, w) in enumerate(positive):
        others = sorted(x for j, (_, x) in enumerate(positive) if j != k)
        mid = len(others) // 2
        typical = others[mid] if len(others) % 2 else (others[mid - 1] + others[mid]) / 2
        if w >= WEIGHT_RATIO * typical or w * WEIGHT_RATIO <= typical:
            found.append((item, typical))
    return found


def _outlier_warning(
    out: Collector, sheet: str, cell: str, weight: Decimal | None, typical: Decimal
) -> None:
    shown, other = V.show(weight), V.show(typical)
    out.warning(
        sheet,
        cell,
        f"Vægten {shown} er mere end {WEIGHT_RATIO} gange større eller mindre end vægtene ved "
        f"siden af (typisk {other}). Kontrollér, at den er tastet rigtigt.",
        f"Vikten {shown} är mer än {WEIGHT_RATIO} gånger större eller mindre än vikterna "
        f"bredvid (typiskt {other}). Kontrollera att den är rätt inskriven.",
    )


_GOAL_NEEDS: dict[str, tuple[str, str]] = {
    "type": ("hver målrække har en Type", "varje målrad har en Typ"),
    "weight": ("hovedmål giver deres Vægt i point", "huvudmål ger sin Vikt i poäng"),
    "target": ("deres Type sammenligner med en Målværdi", "deras Typ jämförs med ett Målvärde"),
    "result": ("deres resultat skrives i den", "deras utfall skrivs i den"),
    "scale": (
        "de har Nedre grænse eller Trin, som kun gælder med en Skala",
        "de har Nedre gräns eller Steg, som bara gäller med en Skala",
    ),
    "lower": ("de har Skala lineær", "de har Skala linjär"),
    "steps": ("de har Skala trin", "de har Skala steg"),
    "baseline": (
        "reduktion og stigning regnes fra Basis",
        "minskning och ökning räknas från Basvärde",
    ),
    "deadline": (
        "Indikator andel tæller sager inden for en Frist",
        "Indikator andel räknar ärenden inom en Tidsgräns",
    ),
    "parent": (
        "de har Type delmål, og delmålene peger på dem i Under",
        "de har Typ delmål, och delmålen pekar på dem i Överordnat",
    ),
}


def _goal_needs(goal: Goal, row: Row, needs: dict[str, list[int]]) -> None:
    """Record which columns this goal's row needs (see *Required columns* in the README)."""
    t, r = goal.type, row.r
    numeric = t in _NEEDS_TARGET or t is GoalType.RANGE
    if numeric:
        needs["target"].append(r)
    if t in (GoalType.YES_NO, GoalType.ASSESSMENT) or (numeric and goal.indicator is None):
        needs["result"].append(r)
    if not row.blank("lower") or not row.blank("steps"):
        needs["scale"].append(r)
    if goal.scale is Scale.LINEAR and t in _NEEDS_TARGET:
        needs["lower"].append(r)
    if goal.scale is Scale.STEPS and t in _NEEDS_TARGET:
        needs["steps"].append(r)
    if t in (GoalType.REDUCTION, GoalType.INCREASE):
        needs["baseline"].append(r)
    if goal.indicator is Indicator.SHARE:
        needs["deadline"].append(r)
    if t is GoalType.SUBGOALS:
        needs["parent"].append(r)


def _parse_goals(
    grid: SheetGrid, header: HeaderRow, equal_weights: bool, out: Collector
) -> tuple[list[Goal], SheetLayout]:
    layout = _layout(grid, header, GOAL_FIELDS)
    _check_header(grid, header, GOAL_FIELDS, out)
    goals: list[Goal] = []
    ids: list[tuple[str, int]] = []
    needs: dict[str, list[int]] = defaultdict(list)
    for r in _data_rows(grid, header):
        if _row_is_empty(grid, r):
            continue
        row = Row(grid, header, r, out)
        if row.blank("id") and row.blank("type") and row.blank("weight") and row.blank("result"):
            continue  # a note or section row
        if row.text("id"):
            ids.append((row.text("id"), r))
            needs["type"].append(r)
            if not equal_weights and not row.text("parent"):
                needs["weight"].append(r)
        goal = _parse_goal(row, equal_weights)
        if goal is not None:
            goals.append(goal)
            _goal_needs(goal, row, needs)
    for key, rows in needs.items():
        why = _GOAL_NEEDS[key]
        _require(grid.name, header.row, header.columns, GOAL_FIELDS, key, rows, why, out)
    if not ids:
        out.error(
            grid.name,
            a1(header.row + 1, header.columns["id"]),
            "Arket har ingen mål: skriv et mål pr. række under overskrifterne (Nr, Type, Vægt, …).",
            "Bladet har inga mål: skriv ett mål per rad under rubrikerna (Nr, Typ, Vikt, …).",
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
    _check_header(grid, header, MILESTONE_FIELDS, out)
    items: list[Milestone] = []
    current_goal = ""
    inherited: list[tuple[int, str]] = []  # rows whose goal comes from the row above
    any_rows: list[int] = []
    delivered_rows: list[int] = []
    for r in _data_rows(grid, header):
        if _row_is_empty(grid, r):
            continue
        row = Row(grid, header, r, out)
        # Action plans leave the goal cell empty on continuation rows: it repeats.
        if not row.text("goal") and current_goal:
            inherited.append((r, current_goal))
        current_goal = row.text("goal") or current_goal
        if not current_goal:
            out.error(
                grid.name, row.cell("goal"), "Rækken mangler målets Nr.", "Raden saknar målets Nr."
            )
            continue
        any_rows.append(r)
        name = row.text("name")
        row.kind = "milestone"
        row.subject = f"{name} (mål {current_goal})" if name else f"mål {current_goal}"
        deadline, known = _milestone_deadline(row)
        delivered = row.get("delivered", _parse_delivered)
        if not row.blank("delivered"):
            delivered_rows.append(r)
        _check_milestone_cells(row, current_goal)
        items.append(
            Milestone(
                current_goal, r, row.text("name"), deadline, known, delivered, row.number("weight")
            )
        )
    if inherited and len(inherited) * CONTINUATION_SHARE < len(any_rows):
        # Most rows name their goal, so an empty one is more likely a deleted Nr than an
        # action plan's continuation row.
        for r, goal in inherited:
            out.warning(
                grid.name,
                a1(r, header.col("goal") or 0),
                f"Mål er tom, så rækken regnes med til mål {goal} i rækken ovenfor. Skriv målets "
                "Nr., også når det er det samme.",
                f"Mål är tomt, så raden räknas till mål {goal} på raden ovanför. Skriv målets "
                "Nr, även när det är detsamma.",
            )
    _require(
        grid.name,
        header.row,
        header.columns,
        MILESTONE_FIELDS,
        "delivered",
        any_rows,
        ("en milepæl tæller, når den er leveret", "en aktivitet räknas när den är genomförd"),
        out,
    )
    _require(
        grid.name,
        header.row,
        header.columns,
        MILESTONE_FIELDS,
        "deadline",
        delivered_rows,
        (
            "de er leveret, og om det skete rettidigt afgøres af Frist",
            "de är genomförda, och om det skedde i tid avgörs av När",
        ),
        out,
    )
    return items, _layout(grid, header, MILESTONE_FIELDS)


CONTINUATION_SHARE = 3  # a sheet with fewer than 1 in 3 rows inheriting its goal names them


def _check_milestone_cells(row: Row, goal: str) -> None:
    """An empty Frist is read by the contract (no deadline), but on a delivered milestone it
    makes it on time, so it is said: write `Fortløbende` to mean it (see also
    `_check_milestone_refs` for an empty Leveret)."""
    sheet, out = row.grid.name, row.out
    if row.has("deadline") and row.blank("deadline") and not row.blank("delivered"):
        out.warning(
            sheet,
            row.cell("deadline"),
            f"Milepælen under mål {goal} er leveret, men Frist er tom, så den tæller som "
            "rettidig. Skriv fristen, eller Fortløbende hvis der ikke er nogen.",
            f"Aktiviteten under mål {goal} är genomförd, men När är tom, så den räknas som "
            "i tid. Skriv tidsgränsen, eller Fortlöpande om det inte finns någon.",
        )


def _milestone_deadline(row: Row) -> tuple[date | None, bool]:
    """The Frist: a day, or None for `Fortløbende` / an empty cell. Text that names no exact
    day (`Höst 2008`, `primo 2026`) is an error like any unreadable date, never a late
    milestone: (None, False) then, and nothing is scored."""
    raw = row.raw("deadline")
    if V.is_blank(raw):
        return None, True
    d = row.get("deadline", V.parse_date)
    if d is None:
        return None, False
    return (d if isinstance(d, date) else None), True


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
    `calc.casedata`), else row by row (`_parse_cases_reference`); the result is the same.
    Case data counted by a columnar engine or a database arrives counted (`CountedSheet`)."""
    head = find_header(grid, CASE_FIELDS, "goal")
    sheet = _sheet_label(grid)
    if head is None:
        out.error(
            sheet,
            "A1",
            "Arket mangler overskriftsrækken (Mål, Sag, Modtaget, Afgjort, …).",
            "Bladet saknar rubrikraden (Mål, Ärende, Mottaget, Avgjort, …).",
        )
        return []
    _check_header(grid, head, CASE_FIELDS, out, sheet)
    before = len(out.issues)
    if isinstance(grid, CountedSheet) and isinstance(grid.counted, tuple):
        # counted by calc.casescan or calc.casedb, the issues in both languages
        counted_cases, counted_issues = grid.counted
        out.issues.extend(counted_issues[out.lang])
        cases = list(counted_cases)
    else:
        cases = _parse_case_rows(grid, head, out)
    # Cases without Dage are counted from their dates: then both date columns are required;
    # and Dage is, as soon as a case has no day count without it. (Only for cases whose cells
    # are empty: a case left out because a cell is unreadable is that cell's error.)
    quiet = any(i.severity == WARNING for i in out.issues[before:])
    without = [c.first_row for c in cases if c.without_days] if quiet else []
    rows = without if "days" in head.columns else [c.first_row for c in cases]
    dated = "received" in head.columns and "decided" in head.columns
    _require(
        sheet,
        head.row,
        head.columns,
        CASE_FIELDS,
        "days",
        without if dated else [],
        ("deres sager har ikke begge datoer", "deras ärenden har inte båda datumen"),
        out,
    )
    for key in ("received", "decided"):
        _require(
            sheet,
            head.row,
            head.columns,
            CASE_FIELDS,
            key,
            rows,
            (
                "sager uden Dage regnes som Afgjort − Modtaget",
                "ärenden utan Dagar räknas som Avgjort − Mottaget",
            ),
            out,
        )
    return cases


def _parse_case_rows(grid: SheetGrid, head: HeaderRow, out: Collector) -> list[GoalCases]:
    from .casedata import numpy_available

    sheet = _sheet_label(grid)
    small = not isinstance(grid, CaseSheet) and grid.n_rows < CASES_VECTOR_FROM
    if small or not numpy_available():  # numpy's import costs more than a small sheet
        return _parse_cases_reference(grid, out)
    from .casedata import CaseColumns, parse_case_columns

    first = head.row + 1
    keys = ("goal", "case", "received", "decided", "location", "included", "days")
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
    """The row-by-row definition of reading Sagsdata (a header row is known to exist).

    Problems are gathered per check and reported like the column-wise path does
    (`casedata.report_case_problems`): the first 20 cells of each check, then a count.
    """
    from .casedata import (
        FORMULA_PROBLEM,
        decided_before_received,
        missing_date,
        negative_days,
        report_case_problems,
        without_days,
    )

    header = find_header(grid, CASE_FIELDS, "goal")
    assert header is not None
    first = header.row + 1
    problems: dict[str, list[tuple[int, V.ValueProblem]]] = {}
    bad_rows: set[int] = set()  # rows with an error in Dage, Afgjort or Modtaget

    def cell(r: int, key: str, parse: Callable[[CellValue], T], check: str) -> T | None:
        c = header.col(key)
        if c is None:
            return None
        v = grid.value(r, c)
        if (r, c) in grid.formulas and v is None:
            problems.setdefault(check, []).append((r - first, FORMULA_PROBLEM))
            if check != "included":
                bad_rows.add(r)
            return None
        if V.is_blank(v):
            return None
        try:
            return parse(v)
        except V.ValueProblem as p:
            problems.setdefault(check, []).append((r - first, p))
            if check != "included":
                bad_rows.add(r)
            return None

    def case_id(r: int) -> str:
        c = header.col("case")
        return _text(grid.value(r, c)) if c is not None else ""

    def location(r: int) -> str:
        c = header.col("location")
        return _text(grid.value(r, c)) if c is not None else ""

    acc: dict[str, _CaseColumns] = {}
    rec = header.col("received")
    for r in _data_rows(grid, header):
        c = header.col("goal")
        gid = _text(grid.value(r, c)) if c is not None else ""
        if not gid:
            continue
        cols = acc.setdefault(gid, _CaseColumns(first_row=r))
        included = cell(r, "included", V.parse_included, "included")
        if included is False:
            cols.excluded += 1
            continue
        as_met = included is V.AS_MET
        if as_met and not cols.as_met_cell:
            cols.as_met_cell = a1(r, header.col("included") or 0)
        decided = cell(r, "decided", V.parse_case_date, "decided")
        k = header.col("days")
        pct = k is not None and (r, k) in grid.percent
        days = cell(r, "days", partial(V.parse_number, percent_cell=pct), "days")
        if days is not None and days < 0:
            problems.setdefault("negative", []).append((r - first, negative_days(days, case_id(r))))
            continue
        received: date | None = None
        if days is None:
            received = cell(r, "received", V.parse_case_date, "received")
            if received is not None and decided is not None:
                if decided < received:
                    problem = decided_before_received(decided, received, case_id(r))
                    problems.setdefault("inverted", []).append((r - first, problem))
                    continue
                days = Decimal((decided - received).days)
            elif r not in bad_rows and not as_met:
                has_days = header.col("days") is not None
                missing = missing_date(decided is not None, received is not None, has_days)
                problem = without_days(gid, case_id(r), missing)
                problems.setdefault(f"no_{missing}", []).append((r - first, problem))
        else:  # not needed for the day count: read for placing the case in time, quietly
            received = _quiet_date(grid.value(r, rec)) if rec is not None else None
        if days is None and as_met:
            days = Decimal(0)  # never used: Som opfyldt is refused for day-based indicators
        if days is None:
            cols.without_days += 1
            if received is not None and decided is None:
                cols.open_received.append(received)
                cols.open_location.append(location(r))
            continue
        cols.days.append(days)
        cols.decided.append(decided)
        cols.location.append(location(r))
        cols.received.append(received)
        cols.as_met.append(as_met)
    found = {name: ([i for i, _ in items], dict(items).get) for name, items in problems.items()}
    out.issues.extend(
        report_case_problems(_sheet_label(grid), out.lang, first, header.columns, found)
    )
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
    """A case's date if the cell holds one, else None, without a problem recorded."""
    if V.is_blank(v):
        return None
    try:
        return V.parse_case_date(v)
    except V.ValueProblem:
        return None


def _text(v: CellValue) -> str:
    """A cell as text, as `Row.text` reads it."""
    if v is None:
        return ""
    if isinstance(v, (Decimal, float, int)) and not isinstance(v, bool):
        return plain(Decimal(repr(v)) if isinstance(v, float) else Decimal(v))
    return str(v).strip()


def _parse_people(grid: SheetGrid, out: Collector) -> tuple[list[Person], SheetLayout | None]:
    header = find_header(grid, PAY_FIELDS, "name")
    if header is None:
        if any(not V.is_blank(v) for row in grid.rows for v in row):
            out.error(
                grid.name,
                "A1",
                "Arket har indhold, men overskriftsrækken med kolonnen 'Navn' blev ikke fundet i "
                "de første 30 rækker, så ingen resultatløn kan beregnes.",
                "Bladet har innehåll, men rubrikraden med kolumnen 'Namn' hittades inte bland "
                "de 30 första raderna, så ingen resultatlön kan beräknas.",
            )
        return [], None
    _check_header(grid, header, PAY_FIELDS, out)
    people: list[Person] = []
    needs: dict[str, list[int]] = defaultdict(list)
    for r in _data_rows(grid, header):
        if _row_is_empty(grid, r):
            continue
        row = Row(grid, header, r, out)
        name = row.text("name")
        if not name:
            if any(not row.blank(f.key) for f in PAY_FIELDS if not f.output and f.key != "note"):
                out.error(
                    grid.name,
                    row.cell("name"),
                    "Rækken har værdier, men intet Navn; skriv navnet, eller slet rækken.",
                    "Raden har värden men inget Namn; skriv namnet, eller ta bort raden.",
                )
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
        _person_needs(person, row, needs)
        people.append(person)
    for key, rows in needs.items():
        _require(grid.name, header.row, header.columns, PAY_FIELDS, key, rows, _PAY_NEEDS[key], out)
    return people, _layout(grid, header, PAY_FIELDS)


_PAY_NEEDS: dict[str, tuple[str, str]] = {
    "max_pct": (
        "resultatløn regnes af et maksimum: Maks. pct. af Grundlag eller Maks. beløb",
        "resultatlön räknas av ett maximum: Max procent av Underlag eller Max belopp",
    ),
    "base": ("Maks. pct. er en procent af Grundlag", "Max procent är en procent av Underlag"),
    "model": (
        "de har Tærskel eller Trin, som kun gælder med en Model",
        "de har Tröskel eller Steg, som bara gäller med en Modell",
    ),
    "threshold": ("de har Model tærskel", "de har Modell tröskel"),
    "steps": ("de har Model trin", "de har Modell steg"),
    "reason": (
        "et skøn eller bortfald kræver en skriftlig Begrundelse",
        "en justering eller ett bortfall kräver en skriftlig Motivering",
    ),
}


def _person_needs(p: Person, row: Row, needs: dict[str, list[int]]) -> None:
    if not row.has("max_amount"):
        needs["max_pct"].append(row.r)
    if not row.blank("max_pct"):
        needs["base"].append(row.r)
    if not row.blank("threshold") or not row.blank("steps"):
        needs["model"].append(row.r)
    if p.model is PayModel.THRESHOLD:
        needs["threshold"].append(row.r)
    if p.model is PayModel.STEPS:
        needs["steps"].append(row.r)
    if p.adjustment != 0 or p.withheld:
        needs["reason"].append(row.r)


# Plausible sizes, in kroner: a yearly salary (Grundlag) and a maximum performance pay. Outside
# them a number was most likely typed ×100 or ÷100, or in the wrong column; a warning names it.
PLAUSIBLE_BASE = (Decimal(100_000), Decimal(10_000_000))
PLAUSIBLE_MAXIMUM = (Decimal(10_000), Decimal(2_000_000))
SMALL_ADJUSTMENT = Decimal("0.01")  # a Skøn in kr below 1 % of the maximum looks like a slip


def _check_person(row: Row, p: Person) -> None:
    sheet, out = row.grid.name, row.out
    if (
        p.max_pct is None
        and p.max_amount is None
        and row.blank("max_pct")
        and row.blank("max_amount")
        and (row.has("max_pct") or row.has("max_amount"))
    ):
        out.error(
            sheet,
            row.cell("max_pct" if row.has("max_pct") else "max_amount"),
            f"{p.name}: angiv Maks. pct. (af Grundlag) eller Maks. beløb.",
            f"{p.name}: ange Max procent (av Underlag) eller Max belopp.",
        )
    if p.max_pct is not None and p.base is None and row.blank("base") and row.has("base"):
        out.error(
            sheet,
            row.cell("base"),
            f"{p.name}: Maks. pct. kræver et Grundlag i kr.",
            f"{p.name}: Max procent kräver ett Underlag i kr.",
        )
    if (
        p.model is PayModel.THRESHOLD
        and p.threshold is None
        and row.blank("threshold")
        and row.has("threshold")
    ):
        out.error(
            sheet,
            row.cell("threshold"),
            f"{p.name}: model tærskel kræver en Tærskel.",
            f"{p.name}: modell tröskel kräver en Tröskel.",
        )
    if p.model is PayModel.STEPS and not p.steps and row.blank("steps") and row.has("steps"):
        out.error(
            sheet,
            row.cell("steps"),
            f"{p.name}: model trin kræver Trin.",
            f"{p.name}: modell steg kräver Steg.",
        )
    if (p.adjustment != 0 or p.withheld) and not p.reason and row.has("reason"):
        what_da = "Resultatløn bortfalder" if p.withheld else "Et skøn"
        what_sv = "Bortfall av resultatlön" if p.withheld else "En justering"
        out.error(
            sheet,
            row.cell("reason"),
            f"{p.name}: {what_da} kræver en skriftlig Begrundelse.",
            f"{p.name}: {what_sv} kräver en skriftlig Motivering.",
        )
    if (
        row.has("model")
        and row.blank("model")
        and (not row.blank("threshold") or not row.blank("steps"))
    ):
        what_da, what_sv = (
            ("Tærskel", "Tröskel") if not row.blank("threshold") else ("Trin", "Steg")
        )
        out.error(
            sheet,
            row.cell("model"),
            f"{p.name}: {what_da} er udfyldt, men Model er tom (så lønnen ville følge lineær). "
            f"Skriv Model, eller slet {what_da}.",
            f"{p.name}: {what_sv} är ifyllt, men Modell är tom (så lönen skulle följa linjär). "
            f"Skriv Modell, eller ta bort {what_sv}.",
        )
    if p.reason and p.adjustment == 0 and not p.withheld:
        cells = [row.cell(k) for k in ("adjustment", "withheld") if row.has(k)]
        where_da = " og ".join(cells) + (" er tomme" if len(cells) > 1 else " er tom")
        where_sv = " och ".join(cells) + (" är tomma" if len(cells) > 1 else " är tom")
        out.warning(
            sheet,
            row.cell("reason"),
            f"{p.name}: der er en Begrundelse, men hverken et Skøn eller Bortfald ({where_da}), "
            "så intet er trukket fra eller lagt til. Er et beløb eller Ja slettet?",
            f"{p.name}: det finns en Motivering men varken en Justering eller Bortfall "
            f"({where_sv}), så inget har dragits av eller lagts till. Har ett belopp eller Ja "
            "tagits bort?",
        )
    _check_pay_amounts(row, p)


def _check_pay_amounts(row: Row, p: Person) -> None:
    """Amounts that cannot be meant: negative kroner, a Maks. pct. that is a share (0,15 for
    15 %) or above 100, a Tærskel outside 0–100, and sizes no salary or pay has (warnings)."""
    sheet, out = row.grid.name, row.out
    labels = {
        "base": ("Grundlag", "Underlag"),
        "max_pct": ("Maks. pct.", "Max procent"),
        "max_amount": ("Maks. beløb", "Max belopp"),
    }
    for key, value in (("base", p.base), ("max_pct", p.max_pct), ("max_amount", p.max_amount)):
        if value is not None and value < 0:
            da, sv = labels[key]
            out.error(
                sheet,
                row.cell(key),
                f"{p.name}: {da} kan ikke være under 0 ({V.show(row.raw(key))}).",
                f"{p.name}: {sv} kan inte vara under 0 ({V.show(row.raw(key))}).",
            )
    if p.max_pct is not None and 0 < p.max_pct <= 1:
        meant = plain(p.max_pct * 100)
        out.error(
            sheet,
            row.cell("max_pct"),
            f"{p.name}: Maks. pct. er {V.show(row.raw('max_pct'))}, altså højst "
            f"{plain(p.max_pct)} % af Grundlag. Mente du {meant} %? Skriv procenten som "
            f"{meant} (eller {meant} %).",
            f"{p.name}: Max procent är {V.show(row.raw('max_pct'))}, alltså högst "
            f"{plain(p.max_pct)} % av Underlag. Menade du {meant} %? Skriv procenten som "
            f"{meant} (eller {meant} %).",
        )
    elif p.max_pct is not None and p.max_pct > 100:
        out.error(
            sheet,
            row.cell("max_pct"),
            f"{p.name}: Maks. pct. kan ikke være over 100 % af Grundlag "
            f"({V.show(row.raw('max_pct'))}).",
            f"{p.name}: Max procent kan inte vara över 100 % av Underlag "
            f"({V.show(row.raw('max_pct'))}).",
        )
    t = p.threshold
    if t is not None and (0 < t <= 1 or t > 100 or t < 0):
        hint_da = f" Mente du {plain(t * 100)} %?" if 0 < t <= 1 else ""
        hint_sv = f" Menade du {plain(t * 100)} %?" if 0 < t <= 1 else ""
        out.error(
            sheet,
            row.cell("threshold"),
            f"{p.name}: Tærskel {V.show(row.raw('threshold'))} er ikke en målopfyldelse mellem "
            f"1 og 100 %.{hint_da}",
            f"{p.name}: Tröskel {V.show(row.raw('threshold'))} är ingen måluppfyllelse mellan "
            f"1 och 100 %.{hint_sv}",
        )
    if p.adjustment_is_pct and abs(p.adjustment) > 100:
        out.error(
            sheet,
            row.cell("adjustment"),
            f"{p.name}: et skøn i procentpoint kan højst være ±100 "
            f"({V.show(row.raw('adjustment'))}).",
            f"{p.name}: en justering i procentenheter kan högst vara ±100 "
            f"({V.show(row.raw('adjustment'))}).",
        )
    _check_pay_sizes(row, p)


def _check_pay_sizes(row: Row, p: Person) -> None:
    """Warnings for amounts outside what a salary, a maximum pay or a discretionary adjustment
    plausibly is, and for Maks. pct. and Maks. beløb that disagree."""
    sheet, out = row.grid.name, row.out
    kr = partial(_kr, lang=out.lang)
    if p.base is not None and p.base > 0 and not PLAUSIBLE_BASE[0] <= p.base <= PLAUSIBLE_BASE[1]:
        out.warning(
            sheet,
            row.cell("base"),
            f"{p.name}: Grundlag {kr(p.base)} ligner ikke en årsløn (lønrammeløn og varige "
            "tillæg). Kontrollér beløbet.",
            f"{p.name}: Underlag {kr(p.base)} liknar ingen årslön. Kontrollera beloppet.",
        )
    by_pct = (
        p.base * p.max_pct / 100
        if p.base is not None and p.max_pct is not None and 0 < p.max_pct <= 100
        else None
    )
    maximum = by_pct if by_pct is not None else p.max_amount
    if by_pct is not None and p.max_amount is not None and p.max_amount != by_pct:
        out.warning(
            sheet,
            row.cell("max_amount"),
            f"{p.name}: Maks. beløb {kr(p.max_amount)} passer ikke med Maks. pct. "
            f"({plain(p.max_pct or 0)} % af {kr(p.base or 0)} = {kr(by_pct)}); "
            "Maks. pct. bruges.",
            f"{p.name}: Max belopp {kr(p.max_amount)} stämmer inte med Max procent "
            f"({plain(p.max_pct or 0)} % av {kr(p.base or 0)} = {kr(by_pct)}); "
            "Max procent används.",
        )
    if by_pct is None and maximum is not None and maximum > 0:
        low, high = PLAUSIBLE_MAXIMUM
        if not low <= maximum <= high:
            out.warning(
                sheet,
                row.cell("max_amount"),
                f"{p.name}: Maks. beløb {kr(maximum)} ligner ikke en resultatløn. Kontrollér "
                "beløbet.",
                f"{p.name}: Max belopp {kr(maximum)} liknar ingen resultatlön. Kontrollera "
                "beloppet.",
            )
    if p.adjustment_is_pct or p.adjustment == 0 or maximum is None or maximum <= 0:
        return
    if abs(p.adjustment) > maximum:
        out.warning(
            sheet,
            row.cell("adjustment"),
            f"{p.name}: skønnet {kr(p.adjustment)} er større end hele maksimum {kr(maximum)}; "
            "udbetalingen holdes inden for 0 og maksimum.",
            f"{p.name}: justeringen {kr(p.adjustment)} är större än hela maximum "
            f"{kr(maximum)}; utbetalningen hålls mellan 0 och maximum.",
        )
    elif abs(p.adjustment) < maximum * SMALL_ADJUSTMENT:
        out.warning(
            sheet,
            row.cell("adjustment"),
            f"{p.name}: skønnet {kr(p.adjustment)} er under 1 % af maksimum {kr(maximum)}. "
            "Kontrollér beløbet.",
            f"{p.name}: justeringen {kr(p.adjustment)} är under 1 % av maximum {kr(maximum)}. "
            "Kontrollera beloppet.",
        )


def _kr(value: Decimal | int, lang: Lang) -> str:
    return kroner(value, lang)


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
    pay_grid = grids.find(*SHEETS["pay"])
    if pay_grid is not None:
        people, pay_layout = _parse_people(pay_grid, out)
    pay_errors = pay_grid is not None and any(
        i.is_error and i.sheet == pay_grid.name for i in out.issues
    )
    if not people and not pay_errors:
        _no_pay(pay_grid, out)
    if grids.find(*SHEETS["plan"]) is not None:
        _check_plan_values(kv, out)
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
    _check_periods_in_year(plan, out)
    case_sheet = None
    if case_grid is not None:
        case_sheet = _sheet_label(case_grid)
        _check_case_locations(plan, case_grid, out)
    _check_references(plan, out, case_sheet, header, ms_grid)
    return plan, tuple(out.issues)


def _check_periods_in_year(plan: Plan, out: Collector) -> None:
    """An Udelad periode wholly outside the plan's year leaves out cases of another year, or
    none: most likely the year is mistyped (2024 for 2025), so it is said at the cell."""
    layout = plan.goals_layout
    if plan.year is None or layout is None:
        return
    col = dict(layout.columns).get("periods")
    first, last = date(plan.year, 1, 1), date(plan.year, 12, 31)
    for g in plan.goals:
        for p in g.excluded_periods:
            if p.last < first or p.first > last:
                out.warning(
                    layout.sheet,
                    a1(g.row, col if col is not None else 0),
                    f"Mål {g.id}: Udelad periode {p.describe('da')} ligger helt uden for "
                    f"planens år {plan.year}. Kontrollér årstallet.",
                    f"Mål {g.id}: Utelämnad period {p.describe('sv')} ligger helt utanför "
                    f"planens år {plan.year}. Kontrollera årtalet.",
                )


def _sheet_label(grid: SheetGrid) -> str:
    """What issues name as the sheet: a case file's name (or the case database), else the
    sheet's."""
    return _case_source_name(grid) or grid.name


def _check_case_locations(plan: Plan, case_grid: SheetGrid, out: Collector) -> None:
    """Lokation on Sagsdata is required as soon as a goal scores per location."""
    head = find_header(case_grid, CASE_FIELDS, "goal")
    if head is None:
        return
    per_location = {g.id for g in plan.goals if g.location_weights or g.every_location}
    rows = [c.first_row for c in plan.cases if c.goal_id in per_location]
    _require(
        _sheet_label(case_grid),
        head.row,
        head.columns,
        CASE_FIELDS,
        "location",
        rows,
        (
            "deres mål har Lokationer og scores pr. lokation",
            "deras mål har Orter och poängsätts per ort",
        ),
        out,
    )


def _no_pay(pay_grid: SheetGrid | None, out: Collector) -> None:
    """One info line when there is no performance pay to compute: said, not silent."""
    if pay_grid is None:
        out.info(
            "Resultatløn",
            "",
            "Projektmappen har intet ark 'Resultatløn': ingen resultatløn at beregne.",
            "Arbetsboken har inget blad 'Resultatlön': ingen resultatlön att beräkna.",
        )
    else:
        out.info(
            pay_grid.name,
            "",
            "Ingen personer på arket: ingen resultatløn at beregne.",
            "Inga personer på bladet: ingen resultatlön att beräkna.",
        )


def _check_plan_values(kv: dict[str, tuple[CellValue, str]], out: Collector) -> None:
    """Institution and År identify the plan in every report and in the ministry's overview."""
    for key, da, sv in (
        ("institution", "Institution er ikke udfyldt; skriv den", "Myndighet är inte ifylld; "
         "skriv den"),
        ("year", "År er ikke udfyldt; skriv det", "År är inte ifyllt; skriv det"),
    ):  # fmt: skip
        value, cell = kv.get(key, (None, ""))
        if V.is_blank(value):
            out.warning(
                "Plan",
                cell,
                f"{da} på arket Plan, så planen kan kendes i rapporter og oversigter.",
                f"{sv} på bladet Plan, så att planen kan kännas igen i rapporter och översikter.",
            )


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


def _check_references(
    plan: Plan,
    out: Collector,
    case_sheet: str | None,
    header: HeaderRow,
    ms_grid: SheetGrid | None,
) -> None:
    """Milestones and cases must point at goals that use them, and the sheets a goal needs
    must be there."""
    by_id = {g.id: g for g in plan.goals}
    layout = plan.goals_layout
    goals_sheet = layout.sheet if layout else "Mål"
    cols = dict(layout.columns) if layout else {}
    id_col = cols.get("id", 0)
    if plan.milestones_layout is not None:
        _check_milestone_refs(plan, by_id, plan.milestones_layout, out)
    for g in plan.goals:
        if g.type is not GoalType.MILESTONES:
            continue
        if ms_grid is None:
            out.error(
                goals_sheet,
                a1(g.row, cols.get("type", id_col)),
                f"Mål {g.id} har Type milepæle, men projektmappen har intet ark 'Milepæle'. "
                "Tilføj arket med målets milepæle (Mål, Milepæl, Frist, Leveret).",
                f"Mål {g.id} har Typ milstolpar, men arbetsboken har inget blad 'Milstolpar'. "
                "Lägg till bladet med målets aktiviteter (Mål, Vad, När, Levererat).",
            )
        elif not any(m.goal_id == g.id for m in plan.milestones):
            sheet = plan.milestones_layout.sheet if plan.milestones_layout else "Milepæle"
            hint_da, hint_sv = _continuation_hint(plan, ms_grid, g.id)
            out.warning(
                goals_sheet,
                a1(g.row, id_col),
                f"Mål {g.id} har type milepæle, men ingen milepæle er registreret på arket "
                f"{sheet}.{hint_da}",
                f"Mål {g.id} har typ milstolpar, men inga aktiviteter är registrerade på bladet "
                f"{sheet}.{hint_sv}",
            )
    for g in plan.goals:
        if g.indicator is None:
            continue
        cell = a1(g.row, cols.get("indicator", id_col))
        if case_sheet is None:
            out.error(
                goals_sheet,
                cell,
                f"Mål {g.id} har Indikator {g.indicator.value}, men projektmappen har intet ark "
                "'Sagsdata' (og ingen sagsdatafil). Tilføj sagerne, eller skriv resultatet i "
                "Resultat og tøm Indikator.",
                f"Mål {g.id} har Indikator {g.indicator.value}, men arbetsboken har inget blad "
                "'Ärenden' (och ingen ärendefil). Lägg till ärendena, eller skriv utfallet i "
                "Utfall och töm Indikator.",
            )

    if case_sheet is not None:
        rows = [by_id[c.goal_id].row for c in plan.cases if c.goal_id in by_id]
        _require(
            goals_sheet,
            header.row,
            header.columns,
            GOAL_FIELDS,
            "indicator",
            rows,
            (
                f"{case_sheet} har sager til dem",
                f"{case_sheet} har ärenden för dem",
            ),
            out,
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
        if case_sheet is None or (target is not None and target.indicator is not None):
            continue
        if target is None:
            out.warning(
                case_sheet,
                a1(cases.first_row, 0) if cases.first_row >= 0 else "",  # -1: a database
                f"Sagerne for mål {cases.goal_id} bruges ikke: målet findes ikke på arket Mål.",
                f"Ärendena för mål {cases.goal_id} används inte: målet finns inte på bladet Mål.",
            )
        elif "indicator" in cols:
            out.warning(
                goals_sheet,
                a1(target.row, cols["indicator"]),
                f"{case_sheet} har sager til mål {cases.goal_id}, men målet har ingen Indikator, "
                "så de bruges ikke. Skriv Indikator (fx andel eller gennemsnit), eller fjern "
                "sagerne.",
                f"{case_sheet} har ärenden för mål {cases.goal_id}, men målet har ingen "
                "Indikator, så de används inte. Skriv Indikator (t.ex. andel eller genomsnitt), "
                "eller ta bort ärendena.",
            )


def _continuation_hint(plan: Plan, ms_grid: SheetGrid, goal_id: str) -> tuple[str, str]:
    """Rows with an empty Mål belong to the goal above them (action plans); when a milestone
    goal has no rows, the first such row is the likely place of a deleted Nr: name it."""
    layout = plan.milestones_layout
    if layout is None:
        return "", ""
    col = layout.col("goal")
    for m in plan.milestones:
        if V.is_blank(ms_grid.value(m.row, col)):
            where = f"{layout.sheet}!{a1(m.row, col)}"
            return (
                f" Rækken {where} har intet Mål og regnes med til mål {m.goal_id} ovenfor – "
                f"hører den til mål {goal_id}?",
                f" Raden {where} har inget Mål och räknas till mål {m.goal_id} ovanför – hör "
                f"den till mål {goal_id}?",
            )
    return "", ""


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
    delivered_col = dict(layout.columns).get("delivered")
    for gid in dict.fromkeys(m.goal_id for m in plan.milestones):
        items = [m for m in plan.milestones if m.goal_id == gid]
        if delivered_col is not None and any(m.delivered is not None for m in items):
            # Some are filled in: an empty Leveret then counts as not delivered, so say it
            # (when none is, the goal is "Mangler resultat", which says it already).
            for m in items:
                if m.delivered is None and m.deadline_known:
                    out.warning(
                        layout.sheet,
                        a1(m.row, delivered_col),
                        f"Milepælen under mål {gid} har intet i Leveret og tæller som ikke "
                        "leveret. Skriv leveringsdatoen, eller Nej.",
                        f"Aktiviteten under mål {gid} har inget i Levererat och räknas som inte "
                        "genomförd. Skriv datumet, eller Nej.",
                    )
        for m, typical in _outlier_weights([(m, m.weight) for m in items]):
            _outlier_warning(out, layout.sheet, a1(m.row, weight_col), m.weight, typical)
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
    """One row, every cell checked (all its problems are said at once); None when the row
    cannot be used."""
    sheet, out = row.grid.name, row.out
    gid = row.text("goal")
    goal = by_id.get(gid)
    if not gid:
        out.error(sheet, row.cell("goal"), "Rækken mangler målets Nr.", "Raden saknar målets Nr.")
    elif goal is None:
        out.error(
            sheet,
            row.cell("goal"),
            f"Opfølgningen gælder mål {gid}, som ikke findes på arket Mål.",
            f"Uppföljningen gäller mål {gid}, som inte finns på bladet Mål.",
        )
    end = _followup_period(row, gid, year)
    if goal is not None and end is not None and (gid, end) in first:
        out.error(
            sheet,
            row.cell("period"),
            f"Mål {gid} har allerede en række for perioden {row.text('period')} "
            f"(række {first[(gid, end)] + 1}).",
            f"Mål {gid} har redan en rad för perioden {row.text('period')} "
            f"(rad {first[(gid, end)] + 1}).",
        )
        end = None
    result, text = _followup_result(row, goal) if goal is not None else (None, "")
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
    if goal is None or end is None:
        return None
    first[(gid, end)] = row.r
    return FollowUpRow(gid, row.r, end, row.text("period"), result, text, forecast, comment)


def _followup_period(row: Row, gid: str, year: int | None) -> date | None:
    """The row's Periode as the last day of the period, in the plan's year (else an error)."""
    sheet, out = row.grid.name, row.out
    if row.blank("period"):
        out.error(
            sheet,
            row.cell("period"),
            f"Rækken for mål {gid} mangler Periode (fx Q3 eller 30-09-{year or 2025}).",
            f"Raden för mål {gid} saknar Period (t.ex. Q3 eller {year or 2025}-09-30).",
        )
        return None
    end = row.get("period", partial(parse_period, year=year))
    if end is not None and year is not None and end.year != year:
        out.error(
            sheet,
            row.cell("period"),
            f"Perioden {row.text('period')} ligger uden for planens år {year}.",
            f"Perioden {row.text('period')} ligger utanför planens år {year}.",
        )
        return None
    return end


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
