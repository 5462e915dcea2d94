"""Sheet and column names with their Danish, Swedish and English synonyms.

Headers are found by name, never by position, so that finance staff can reorder columns, add
their own, and write `Maks. pct.` or `maks pct` as they like. Each field has one canonical key
used in code; the first synonym is the Danish header the template writes, the second (where
given) the Swedish one.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from .grid import CellValue, SheetGrid, a1, normalise_name


@dataclass(frozen=True)
class Field:
    key: str
    names: tuple[str, ...]  # first: Danish header; `sv`: Swedish header
    sv: str
    output: bool = False


def _f(key: str, da: str, sv: str, *more: str, output: bool = False) -> Field:
    return Field(key, (da, sv, *more), sv, output)


# A column for the user's own notes, on every table sheet: known, so it is not reported as an
# unknown header, and never read.
NOTE = _f(
    "note", "Bemærkning", "Anmärkning", "Bemærkninger", "Anmärkningar", "Kommentar",
    "Kommentarer", "Note", "Noter", "Notat", "Notes", "Comment",
)  # fmt: skip


SHEETS: dict[str, tuple[str, ...]] = {
    "plan": ("Plan", "Plan", "Planen"),
    "goals": ("Mål", "Mål", "Goals", "Resultatmål", "Resultatkrav"),
    "milestones": ("Milepæle", "Milstolpar", "Handlingsplan", "Aktiviteter", "Milestones"),
    "cases": ("Sagsdata", "Ärenden", "Ärendedata", "Cases"),
    "pay": ("Resultatløn", "Resultatlön", "Resultatloen", "Pay"),
    "summary": ("Resultat", "Resultat", "Summary", "Sammendrag"),
    "followup": ("Opfølgning", "Uppföljning", "Opfoelgning", "Kvartalsopfølgning", "Follow-up"),
}

PLAN_KEYS: dict[str, tuple[str, ...]] = {
    "institution": ("Institution", "Myndighet", "Styrelse", "Agency"),
    "ministry": ("Departement", "Ministerium", "Ministry"),
    # where the desktop app's "Send til departement" addresses its draft
    "ministry_email": (
        "Departementets e-mail",
        "Departementets e-post",
        "Departementets mail",
        "E-mail til departementet",
        "Ministry e-mail",
    ),
    "year": ("År", "Year", "Resultatår"),
    "title": ("Titel", "Title"),
    "weighting": ("Vægtning", "Viktning", "Weighting"),
    "language": ("Sprog", "Språk", "Language"),
    # whose public holidays a Frist in arbejdsdage skips (default: the plan's language)
    "holidays": ("Helligdage", "Helgdagar", "Helligdagskalender", "Helgdagskalender", "Holidays"),
    # case data in a separate .csv/.xlsx file, relative to the workbook (see calc.engine.load_grids)
    "case_file": ("Sagsdata", "Ärenden", "Sagsfil", "Sagsdatafil", "Ärendefil", "Case file"),
    # case data counted inside a database (calc.casedb): a SQLAlchemy URL without password, and
    # a view/table name or a .sql file beside the workbook
    "case_database": ("Sagsdatabase", "Ärendedatabas", "Case database"),
    "case_query": ("Sagsforespørgsel", "Ärendefråga", "Case query"),
    # last year's workbook, beside this one (see calc.trend), and last year's totals, which
    # `maalscore nyt-år` writes here
    "last_year_file": ("Sidste år", "Föregående år", "Sidste års plan", "Last year"),
    "last_points": ("Sidste års point", "Föregående års poäng", "Last year's points"),
    "last_score": (
        "Sidste års målopfyldelse",
        "Föregående års måluppfyllelse",
        "Last year's score",
    ),
}

GOAL_FIELDS: tuple[Field, ...] = (
    _f("id", "Nr", "Nr", "Id", "Mål nr", "Målnr", "No"),
    _f("parent", "Under", "Överordnat", "Overordnet", "Parent", "Hører under"),
    _f("area", "Område", "Område", "Verksamhetsområde", "Area"),
    _f("text", "Mål", "Mål", "Målbeskrivelse", "Goal"),
    _f("requirement", "Resultatkrav", "Krav", "Requirement"),
    _f("weight", "Vægt", "Vikt", "Weight", "Vaegt"),
    _f("type", "Type", "Typ"),
    _f("target", "Målværdi", "Målvärde", "Target"),
    _f("lower", "Nedre grænse", "Nedre gräns", "Lower bound", "Nedre graense"),
    _f("scale", "Skala", "Skala", "Scale"),
    _f("steps", "Trin", "Steg", "Steps"),
    _f("combine", "Samling", "Sammanvägning", "Aggregation"),
    _f("baseline", "Basis", "Basvärde", "Bas", "Baseline"),
    _f("unit", "Enhed", "Enhet", "Unit"),
    _f("indicator", "Indikator", "Indikator", "Indicator"),
    _f("deadline", "Frist", "Tidsgräns", "Deadline"),
    _f("trim", "Udelad", "Utelämna", "Trim", "Udelad %"),
    _f(
        "periods",
        "Udelad periode",
        "Utelämnad period",
        "Udeladte perioder",
        "Utelämnade perioder",
        "Excluded periods",
    ),
    _f("locations", "Lokationer", "Orter", "Platser", "Locations"),
    _f("location_mode", "Lokationsberegning", "Ortsberäkning", "Location calculation"),
    _f(
        "precondition",
        "Forudsætning",
        "Förutsättning",
        "Forudsætninger",
        "Förutsättningar",
        "Precondition",
    ),
    _f(
        "precondition_met",
        "Forudsætning opfyldt",
        "Förutsättning uppfylld",
        "Forudsætninger opfyldt",
        "Förutsättningar uppfyllda",
        "Precondition met",
    ),
    _f("result", "Resultat", "Utfall", "Result"),
    _f("source", "Kilde", "Källa", "Source"),
    # last year's numbers: reference columns `maalscore nyt-år` fills and the core only reads
    _f("last_text", "Sidste år", "Föregående år", "Last year"),
    _f(
        "last_fulfilment",
        "Sidste års opfyldelse",
        "Föregående års måluppfyllelse",
        "Sidste års målopfyldelse",
        "Last year's fulfilment",
    ),
    _f("last_points", "Sidste års point", "Föregående års poäng", "Last year's points"),
    _f("fulfilment", "Målopfyldelse", "Måluppfyllelse", "Fulfilment", output=True),
    _f("points", "Point", "Poäng", "Points", output=True),
    _f("status", "Status", "Status", output=True),
    _f("explanation", "Forklaring", "Förklaring", "Explanation", output=True),
    NOTE,
)

MILESTONE_FIELDS: tuple[Field, ...] = (
    _f("goal", "Mål", "Mål", "Nr", "Goal"),
    _f("name", "Milepæl", "Vad", "Aktivitet", "Milestone"),
    _f("how", "Hvordan", "Hur", "How"),
    _f("owner", "Ansvarlig", "Vem", "Owner"),
    _f("deadline", "Frist", "När", "Deadline"),
    _f("delivered", "Leveret", "Levererat", "Genomfört", "Delivered"),
    _f("weight", "Vægt", "Vikt", "Weight"),
    _f("on_time", "Rettidig", "I tid", "On time", output=True),
    NOTE,
)

CASE_FIELDS: tuple[Field, ...] = (
    _f("goal", "Mål", "Mål", "Nr", "Goal"),
    _f("case", "Sag", "Ärende", "Case", "Dag"),
    _f("received", "Modtaget", "Mottaget", "Received"),
    _f("decided", "Afgjort", "Avgjort", "Decided"),
    _f("location", "Lokation", "Ort", "Location"),
    _f("included", "Medtages", "Ingår", "Included"),
    _f("days", "Dage", "Dagar", "Days"),
    NOTE,
)

PAY_FIELDS: tuple[Field, ...] = (
    _f("name", "Navn", "Namn", "Name"),
    _f("title", "Stilling", "Befattning", "Title"),
    _f("base", "Grundlag", "Underlag", "Base"),
    _f("max_pct", "Maks. pct.", "Max procent", "Maks pct", "Max pct", "Maksimum pct"),
    _f("max_amount", "Maks. beløb", "Max belopp", "Maks beløb", "Max amount"),
    _f("model", "Model", "Modell"),
    _f("threshold", "Tærskel", "Tröskel", "Threshold"),
    _f("steps", "Trin", "Steg", "Steps"),
    _f("adjustment", "Skøn", "Justering", "Adjustment"),
    _f("reason", "Begrundelse", "Motivering", "Reason"),
    _f("withheld", "Bortfald", "Bortfall", "Withheld"),
    _f("computed", "Beregnet", "Beräknad", "Computed", output=True),
    _f("payout", "Udbetaling", "Utbetalning", "Payout", output=True),
    _f("explanation", "Forklaring", "Förklaring", "Explanation", output=True),
    NOTE,
)


FOLLOWUP_FIELDS: tuple[Field, ...] = (
    _f("goal", "Nr", "Nr", "Mål", "Mål nr", "Id", "Goal"),
    _f("period", "Periode", "Period", "Kvartal", "Pr. dato", "Per datum"),
    _f("result", "Resultat", "Utfall", "Resultat pr. dato", "Result"),
    _f("forecast_override", "Prognose", "Prognos", "Forecast"),
    _f("comment", "Kommentar", "Kommentar", "Bemærkning", "Anmärkning", "Comment"),
    _f("to_date", "Status pr. dato", "Status per datum", "Status to date", output=True),
    _f("expected", "Forventet opfyldelse", "Förväntad måluppfyllelse", "Expected", output=True),
    _f("forecast", "Forventning", "Förväntan", "Outlook", output=True),
    _f("explanation", "Forklaring", "Förklaring", "Explanation", output=True),
)


@dataclass(frozen=True)
class HeaderRow:
    """Where a sheet's header row is and which column holds which field (0-based)."""

    row: int
    columns: dict[str, int]
    last_col: int
    swedish_votes: int  # headers that are only Swedish: tells a Swedish workbook apart
    # Non-empty header cells that name no known column: (column, the cell's value).
    unknown: tuple[tuple[int, CellValue], ...] = ()
    # Known columns that appear again further right: (column, field key); only the first is read.
    repeated: tuple[tuple[int, str], ...] = ()

    def col(self, key: str) -> int | None:
        return self.columns.get(key)


def _lookup(fields: tuple[Field, ...]) -> dict[str, Field]:
    table: dict[str, Field] = {}
    for field in fields:
        for name in field.names:
            table.setdefault(normalise_name(name), field)
    return table


def find_header(grid: SheetGrid, fields: tuple[Field, ...], key: str) -> HeaderRow | None:
    """The first row (within 30) holding the `key` field's header, with every known column.

    When a header appears twice (two `Forklaring` columns), the first one wins; the others are
    listed in `repeated`. Every other non-empty cell of the row is listed in `unknown`, so the
    parser can say that it is not read (see `suggest`).
    """
    table = _lookup(fields)
    danish = {normalise_name(f.names[0]) for f in fields}
    for r in range(min(grid.n_rows, 30)):
        columns: dict[str, int] = {}
        unknown: list[tuple[int, CellValue]] = []
        repeated: list[tuple[int, str]] = []
        last = -1
        votes = 0
        for c, value in enumerate(grid.rows[r]):
            if value is None or (isinstance(value, str) and not value.strip()):
                continue
            last = c
            norm = normalise_name(value) if isinstance(value, str) else ""
            field = table.get(norm) if norm else None
            if field is None:
                unknown.append((c, value))
                continue
            if field.key in columns:
                repeated.append((c, field.key))
                continue
            columns[field.key] = c
            if norm == normalise_name(field.sv) and norm not in danish:
                votes += 1
        if key in columns:
            return HeaderRow(r, columns, last, votes, tuple(unknown), tuple(repeated))
    return None


def suggest(text: CellValue, fields: tuple[Field, ...], taken: set[str]) -> Field | None:
    """The known column an unknown header most likely meant (`Lønmodel` → Model,
    `Resultat 2026` → Resultat, `Skønsmæssig regulering` → Skøn), or None.

    A known name of 4+ letters inside the header wins (the longest); otherwise the closest
    name by `difflib`. Columns already in the header row (`taken`) are not suggested.
    """
    norm = normalise_name(text)
    if not norm:
        return None
    candidates = [
        (normalise_name(name), f) for f in fields if f.key not in taken for name in f.names
    ]
    inside = [(len(n), f) for n, f in candidates if len(n) >= 4 and n in norm]
    if inside:
        return max(inside, key=lambda x: x[0])[1]
    by_name = dict(candidates)
    close = difflib.get_close_matches(norm, list(by_name), n=1, cutoff=0.6)
    return by_name[close[0]] if close else None


def header_cell(header: HeaderRow, key: str) -> str:
    col = header.columns.get(key)
    return a1(header.row, col if col is not None else 0)


def display_name(field_key: str, fields: tuple[Field, ...], lang: str) -> str:
    for field in fields:
        if field.key == field_key:
            return field.sv if lang == "sv" else field.names[0]
    raise KeyError(field_key)
