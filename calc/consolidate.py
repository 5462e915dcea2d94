"""The departement's consolidation: one verdict and one record per agency workbook, and the
tables built from many of them (counts, problems, the trend over several years).

Plain records in, plain records out; no file is opened here. The face (`calc.collect`) reads
each workbook, runs the integrity check (`calc.check`) and a fresh calculation
(`calc.engine.evaluate`), and hands both to `assess`, which decides the verdict:

| verdict | when |
|---|---|
| `godkendt` | the stamp is valid, inputs and results are as stamped, a new calculation agrees; or
  calculated in Excel (no stamp) and every result equals a new calculation |
| `ændret` | results or inputs edited after calculating (cells named), or the stamp damaged |
| `ikke beregnet` | no stamp (also every .xls/.xlsb): the numbers are calculated here |
| `afviger` | the stamp is valid, but a new calculation gives other results (e.g. an older engine) |
| `fejl` | the file cannot be read, or the workbook has errors, so there are no numbers |

Every number in a record is the fresh calculation with this engine from the workbook's inputs
as they are now, so agencies are compared by one rule; the verdict says whether the agency's
own results agree. Counts are of top-level goals. The exit code of `maalscore samle` is the
highest of its records' (`EXIT_CODES`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import Enum
from fractions import Fraction
from typing import Protocol

from . import __version__
from .errors import ERROR, WARNING, Issue
from .grid import normalise_name
from .model import Lang, Plan
from .pay import PayResult
from .scoring import ScoreCard, Status


class Evaluation(Protocol):
    """What `assess` needs of a calculation: `calc.engine.Evaluation` (the face) has it."""

    @property
    def plan(self) -> Plan | None: ...
    @property
    def scorecard(self) -> ScoreCard | None: ...
    @property
    def pay(self) -> tuple[PayResult, ...]: ...
    @property
    def issues(self) -> tuple[Issue, ...]: ...
    @property
    def ok(self) -> bool: ...


class Verdict(Enum):
    APPROVED = "godkendt"
    CHANGED = "ændret"
    NOT_CALCULATED = "ikke beregnet"
    DIFFERS = "afviger"
    FAILED = "fejl"

    def label(self, lang: Lang) -> str:
        """The word shown to people; the value (Danish) is the stable name in `--json`."""
        return _VERDICT_SV[self] if lang == "sv" else self.value


_VERDICT_SV = {
    Verdict.APPROVED: "godkänd",
    Verdict.CHANGED: "ändrad",
    Verdict.NOT_CALCULATED: "ej beräknad",
    Verdict.DIFFERS: "avviker",
    Verdict.FAILED: "fel",
}

EXIT_CODES = {
    Verdict.APPROVED: 0,
    Verdict.NOT_CALCULATED: 0,
    Verdict.CHANGED: 1,
    Verdict.DIFFERS: 1,
    Verdict.FAILED: 2,
}


@dataclass(frozen=True)
class Verification:
    """What the integrity check found, as plain data (the face converts `calc.check`'s result).

    `stamped`: a Målscore stamp was found (valid or `damaged`). `edited`: result cells edited by
    hand; `changed`: input cells (or row ranges) changed; `differs`: result cells a new
    calculation disagrees with; `display`: result cells shown as something else than their
    value (`Mål!V4 (why)`: a number format, hidden, a conditional format). `version` and
    `calculated` come from the stamp.
    """

    stamped: bool
    damaged: bool = False
    edited: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    differs: tuple[str, ...] = ()
    version: str = ""
    calculated: str = ""  # ISO 8601, as the stamp or the Resultat sheet has it
    detail: str = ""
    legacy: str = ""  # "xls"/"xlsb": a format Målscore never writes, so never stamped
    in_excel: bool = False  # calculated in Excel (add-in, xlwings Lite), which cannot stamp
    display: tuple[str, ...] = ()


@dataclass(frozen=True)
class Counts:
    """Top-level goals by status."""

    met: int = 0
    partly: int = 0
    not_met: int = 0
    missing: int = 0


@dataclass(frozen=True)
class GoalRow:
    goal_id: str
    area: str
    text: str
    weight: Fraction  # the points the goal is worth (a delmål: its share of the parent's)
    fulfilment: Fraction | None  # 0–100
    points: Fraction
    status: Status
    explanation: str
    top_level: bool


@dataclass(frozen=True)
class PayRow:
    name: str
    title: str
    maximum: Decimal
    computed: Decimal
    payout: Decimal
    explanation: str


@dataclass(frozen=True)
class AgencyRecord:
    """One agency workbook: where it came from, its verdict and its freshly calculated numbers.

    `source` is the name people see (`plan.xlsx`, or `mail.eml › plan.xlsx` for an attachment),
    `path` the full location. Numbers are None when the workbook could not be calculated.
    """

    source: str
    path: str
    verdict: Verdict
    reason: str
    sha256: str = ""
    changed_cells: tuple[str, ...] = ()
    institution: str = ""
    year: int | None = None
    lang: Lang = "da"
    total_points: Fraction | None = None
    max_points: Fraction | None = None
    score_pct: Fraction | None = None
    counts: Counts | None = None
    payout_total: Decimal | None = None  # None: no Resultatløn rows
    goals: tuple[GoalRow, ...] = ()
    pay: tuple[PayRow, ...] = ()
    issues: tuple[Issue, ...] = ()

    @property
    def exit_code(self) -> int:
        return EXIT_CODES[self.verdict]


@dataclass(frozen=True)
class Problem:
    """A row of the Problemer sheet: an issue and the agency and file it belongs to."""

    institution: str
    year: int | None
    source: str
    issue: Issue


@dataclass(frozen=True)
class TrendRow:
    """Målopfyldelse per year for one institution; `change` is the last year with a score
    minus the one before it, in percentage points."""

    institution: str
    scores: tuple[Fraction | None, ...]  # one per `Consolidation.years`
    change: Fraction | None


@dataclass(frozen=True)
class Consolidation:
    agencies: tuple[AgencyRecord, ...]
    lang: Lang
    years: tuple[int, ...]
    trend: tuple[TrendRow, ...]  # empty unless the agencies span several years
    problems: tuple[Problem, ...]
    notes: tuple[Issue, ...] = field(default=())  # about the set of sources as a whole

    @property
    def exit_code(self) -> int:
        return max((a.exit_code for a in self.agencies), default=EXIT_CODES[Verdict.FAILED])


# --- one workbook ----------------------------------------------------------------------------


def _t(lang: Lang, da: str, sv: str) -> str:
    return sv if lang == "sv" else da


def shown_time(iso: str, lang: Lang) -> str:
    """An ISO time as people write it: `15-01-2026 09:30` (da), `2026-01-15 09:30` (sv)."""
    from datetime import datetime

    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    return moment.strftime("%Y-%m-%d %H:%M" if lang == "sv" else "%d-%m-%Y %H:%M")


def _cells(refs: Sequence[str], limit: int = 20) -> str:
    shown = ", ".join(refs[:limit])
    return shown + (f" … (+{len(refs) - limit})" if len(refs) > limit else "")


def counts(card: ScoreCard) -> Counts:
    """How many top-level goals are met, partly met, not met and missing a result."""
    top = [g.status for g in card.goals if g.is_top_level]
    return Counts(
        met=top.count(Status.MET),
        partly=top.count(Status.PARTLY),
        not_met=top.count(Status.NOT_MET),
        missing=top.count(Status.MISSING),
    )


def verdict_of(
    check: Verification, evaluation: Evaluation | None, lang: Lang = "da"
) -> tuple[Verdict, str, tuple[str, ...]]:
    """The verdict, the sentence that explains it and the cells it names.

    The order of the rules matters: a workbook that cannot be calculated is `fejl` whatever its
    stamp says (the cells edited are still named); then edits (`ændret`) before a disagreeing
    new calculation (`afviger`), since the check only recalculates an unedited file.
    """
    shown = tuple(d.split(" (", 1)[0] for d in check.display)
    named = check.changed + check.edited + shown
    stamp = _t(
        lang,
        f"beregnet {shown_time(check.calculated, lang)} med Målscore {check.version}",
        f"beräknad {shown_time(check.calculated, lang)} med Målscore {check.version}",
    )
    if evaluation is None or not evaluation.ok:
        reason = _errors_reason(evaluation, lang) if evaluation is not None else check.detail
        if named:
            reason += " " + _t(
                lang,
                f"Desuden ændret efter beregningen: {_cells(named)}.",
                f"Dessutom ändrad efter beräkningen: {_cells(named)}.",
            )
        return Verdict.FAILED, reason, named
    if check.damaged:
        return (
            Verdict.CHANGED,
            _t(
                lang,
                "Målscore-stemplet er beskadiget eller redigeret, så tallene kan ikke "
                f"kontrolleres ({check.detail}).",
                "Målscore-stämpeln är skadad eller redigerad, så siffrorna kan inte "
                f"kontrolleras ({check.detail}).",
            ),
            named,
        )
    if check.in_excel and check.display:
        return (
            Verdict.CHANGED,
            _t(
                lang,
                "Beregnet i Excel (uden stempel), men resultater vises som noget andet end "
                "beregnet: ",
                "Beräknad i Excel (utan stämpel), men resultat visas som något annat än beräknat: ",
            )
            + _cells(check.display)
            + ".",
            shown,
        )
    if check.in_excel:
        return _in_excel(check, lang)
    if not check.stamped:
        why = (
            _t(
                lang,
                f"Filen er i formatet .{check.legacy}, som Målscore ikke stempler",
                f"Filen är i formatet .{check.legacy}, som Målscore inte stämplar",
            )
            if check.legacy
            else _t(lang, "Filen har intet Målscore-stempel", "Filen har ingen Målscore-stämpel")
        )
        return (
            Verdict.NOT_CALCULATED,
            why + _t(lang, "; tallene er beregnet her.", "; siffrorna är beräknade här."),
            (),
        )
    if named:
        parts = []
        if check.edited:
            parts.append(
                _t(
                    lang,
                    "Resultater rettet efter beregningen: ",
                    "Resultat ändrade efter beräkningen: ",
                )
                + _cells(check.edited)
                + "."
            )
        if check.changed:
            parts.append(
                _t(lang, "Input ændret efter beregningen: ", "Indata ändrade efter beräkningen: ")
                + _cells(check.changed)
                + "."
            )
        if check.display:
            parts.append(
                _t(
                    lang,
                    "Resultater, der vises som noget andet end beregnet: ",
                    "Resultat som visas som något annat än beräknat: ",
                )
                + _cells(check.display)
                + "."
            )
        head = _t(lang, f"Filen er {stamp}.", f"Filen är {stamp}.")
        return Verdict.CHANGED, " ".join([head, *parts]), named
    if check.differs or check.detail:
        versions = (
            _t(
                lang,
                f" Filen er beregnet med Målscore {check.version}, denne version er {__version__}.",
                f" Filen är beräknad med Målscore {check.version}, denna version är {__version__}.",
            )
            if check.version != __version__
            else ""
        )
        return (
            Verdict.DIFFERS,
            _t(
                lang,
                "Stemplet er gyldigt, men en ny beregning giver andre resultater i: ",
                "Stämpeln är giltig, men en ny beräkning ger andra resultat i: ",
            )
            + (_cells(check.differs) or "?")
            + "."
            + versions,
            check.differs,
        )
    return (
        Verdict.APPROVED,
        _t(
            lang,
            f"{stamp[0].upper()}{stamp[1:]}; input og resultater er uændrede, og en ny "
            "beregning giver det samme.",
            f"{stamp[0].upper()}{stamp[1:]}; indata och resultat är oförändrade, och en ny "
            "beräkning ger samma resultat.",
        ),
        (),
    )


def _in_excel(check: Verification, lang: Lang) -> tuple[Verdict, str, tuple[str, ...]]:
    """Calculated in Excel by the add-in or xlwings Lite: no stamp can be written there, so the
    check is a new calculation alone; inputs changed since an older stamp are named."""
    when = shown_time(check.calculated, lang)
    how = _t(
        lang,
        f"Beregnet i Excel {when} med Målscore {check.version} (uden stempel)",
        f"Beräknad i Excel {when} med Målscore {check.version} (utan stämpel)",
    ).replace("  ", " ")
    if check.differs or check.detail:
        return (
            Verdict.DIFFERS,
            how
            + _t(
                lang,
                "; en ny beregning giver andre resultater i: ",
                "; en ny beräkning ger andra resultat i: ",
            )
            + (_cells(check.differs) or "?")
            + ".",
            check.differs,
        )
    since = (
        _t(lang, " Input ændret siden stemplet: ", " Indata ändrade sedan stämpeln: ")
        + _cells(check.changed)
        + "."
        if check.changed
        else ""
    )
    return (
        Verdict.APPROVED,
        how
        + _t(
            lang,
            "; alle resultater er lig en ny beregning.",
            "; alla resultat är lika med en ny beräkning.",
        )
        + since,
        (),
    )


def _errors_reason(evaluation: Evaluation, lang: Lang, limit: int = 3) -> str:
    errors = [i for i in evaluation.issues if i.is_error]
    shown = "; ".join(f"{i.location()}: {i.message}" for i in errors[:limit])
    more = (
        _t(lang, f" (og {len(errors) - limit} fejl mere)", f" (och {len(errors) - limit} fel till)")
        if len(errors) > limit
        else ""
    )
    return (
        _t(
            lang,
            "Projektmappen har fejl og kan ikke beregnes: ",
            "Arbetsboken har fel och kan inte beräknas: ",
        )
        + shown
        + more
    )


def assess(
    source: str,
    path: str,
    sha256: str,
    check: Verification,
    evaluation: Evaluation | None,
    extra: Sequence[Issue] = (),
) -> AgencyRecord:
    """The record of one workbook from its integrity check and a fresh calculation.

    `extra`: issues found while reading (e.g. the .xls caveat), listed with the workbook's own.
    """
    plan = evaluation.plan if evaluation is not None else None
    lang: Lang = plan.lang if plan is not None else "da"
    verdict, reason, named = verdict_of(check, evaluation, lang)
    card = evaluation.scorecard if evaluation is not None and evaluation.ok else None
    pay = evaluation.pay if evaluation is not None and card is not None else ()
    return AgencyRecord(
        source=source,
        path=path,
        verdict=verdict,
        reason=reason,
        sha256=sha256,
        changed_cells=named,
        institution=plan.institution if plan is not None else "",
        year=plan.year if plan is not None else None,
        lang=lang,
        total_points=card.total_points if card else None,
        max_points=card.max_points if card else None,
        score_pct=card.score_pct if card else None,
        counts=counts(card) if card else None,
        payout_total=sum((p.payout for p in pay), Decimal(0)) if pay else None,
        goals=_goal_rows(evaluation, card),
        pay=_pay_rows(evaluation.plan, pay) if evaluation is not None else (),
        issues=tuple(extra) + (evaluation.issues if evaluation is not None else ()),
    )


def summary(record: AgencyRecord) -> AgencyRecord:
    """The record without its goal and pay rows, which only the overview workbook shows.

    Everything else (verdict, numbers, counts, payout total, issues) is kept, so `--json`,
    the lines printed and the exit code are the same. The goal rows are most of a record
    (about 16 KB of 19 KB for the standard plan's 22 goals, mostly their explanations), and a
    run without an overview need not keep them for every agency until the end.
    """
    return replace(record, goals=(), pay=())


def failed(source: str, path: str, reason: str, sha256: str = "") -> AgencyRecord:
    """The record of a source that could not be read at all."""
    return AgencyRecord(
        source=source, path=path, verdict=Verdict.FAILED, reason=reason, sha256=sha256
    )


def _goal_rows(evaluation: Evaluation | None, card: ScoreCard | None) -> tuple[GoalRow, ...]:
    if evaluation is None or card is None or evaluation.plan is None:
        return ()
    plan = evaluation.plan
    rows = []
    for g in card.goals:
        goal = plan.goal(g.goal_id)
        rows.append(
            GoalRow(
                goal_id=g.goal_id,
                area=g.area,
                text=goal.text if goal is not None else "",
                weight=g.weight,
                fulfilment=g.fulfilment,
                points=g.points,
                status=g.status,
                explanation=g.explanation,
                top_level=g.is_top_level,
            )
        )
    return tuple(rows)


def _pay_rows(plan: Plan | None, pay: Sequence[PayResult]) -> tuple[PayRow, ...]:
    titles = {p.row: p.title for p in plan.people} if plan is not None else {}
    return tuple(
        PayRow(p.name, titles.get(p.row, ""), p.maximum, p.computed, p.payout, p.explanation)
        for p in pay
    )


# --- many workbooks --------------------------------------------------------------------------


def _sort_key(a: AgencyRecord) -> tuple[int, str, int, str]:
    return (0 if a.institution else 1, a.institution.casefold(), a.year or 0, a.source.casefold())


def language(records: Iterable[AgencyRecord]) -> Lang:
    """The overview's language: Swedish when most of the plans read are Swedish, else Danish."""
    langs = [a.lang for a in records if a.institution or a.score_pct is not None]
    return "sv" if langs.count("sv") > langs.count("da") else "da"


def consolidate(records: Iterable[AgencyRecord], notes: Sequence[Issue] = ()) -> Consolidation:
    """Sort the records (institution, year, file), and build the problems and the trend."""
    agencies = tuple(sorted(records, key=_sort_key))
    lang = language(agencies)
    notes = tuple(notes) + duplicates(agencies, lang)
    years = tuple(sorted({a.year for a in agencies if a.institution and a.year is not None}))
    return Consolidation(
        agencies=agencies,
        lang=lang,
        years=years,
        trend=trend(agencies, years) if len(years) > 1 else (),
        problems=problems(agencies, notes, lang),
        notes=notes,
    )


def duplicates(agencies: Sequence[AgencyRecord], lang: Lang) -> tuple[Issue, ...]:
    """The same institution and year in more than one source: a warning naming the files."""
    groups: dict[tuple[str, int], list[AgencyRecord]] = {}
    for a in agencies:
        if a.institution and a.year is not None:
            groups.setdefault((normalise_name(a.institution), a.year), []).append(a)
    out = []
    for same in groups.values():
        if len(same) < 2:
            continue
        first = same[0]
        files = ", ".join(a.source for a in same)
        identical = len({a.sha256 for a in same}) == 1
        out.append(
            Issue(
                "",
                "",
                WARNING,
                _t(
                    lang,
                    f"{first.institution} {first.year} findes i {len(same)} kilder: {files}"
                    + (" (samme fil)" if identical else " (forskellige filer)")
                    + f". Udvikling viser tallene fra {first.source}.",
                    f"{first.institution} {first.year} finns i {len(same)} källor: {files}"
                    + (" (samma fil)" if identical else " (olika filer)")
                    + f". Utveckling visar siffrorna från {first.source}.",
                ),
            )
        )
    return tuple(out)


def problems(
    agencies: Sequence[AgencyRecord], notes: Sequence[Issue], lang: Lang
) -> tuple[Problem, ...]:
    """Every issue of every workbook, the cells named by a verdict, a source that could not be
    read, and the notes about the set as a whole; in the order of the agencies."""
    out = [Problem("", None, "", n) for n in notes]
    for a in agencies:
        if a.verdict is Verdict.FAILED and not a.issues:
            out.append(Problem(a.institution, a.year, a.source, Issue("", "", ERROR, a.reason)))
        if a.verdict in (Verdict.CHANGED, Verdict.DIFFERS, Verdict.FAILED):
            what = {
                Verdict.DIFFERS: _t(
                    lang, "Afviger fra en ny beregning", "Avviker från en ny beräkning"
                ),
            }.get(a.verdict, _t(lang, "Ændret efter beregningen", "Ändrad efter beräkningen"))
            for ref in a.changed_cells:
                sheet, _, cell = ref.partition("!")
                out.append(
                    Problem(
                        a.institution, a.year, a.source, Issue(sheet, cell, WARNING, what + ".")
                    )
                )
        out.extend(Problem(a.institution, a.year, a.source, i) for i in a.issues)
    return tuple(out)


def trend(agencies: Sequence[AgencyRecord], years: Sequence[int]) -> tuple[TrendRow, ...]:
    """Målopfyldelse per institution and year (the first source with a score wins for a
    duplicate). Every named institution has a row, one whose workbooks all failed too (empty),
    so no agency drops out of the table and the chart unseen."""
    table: dict[str, dict[int, Fraction]] = {}
    names: dict[str, str] = {}
    for a in agencies:
        if not a.institution or a.year is None:
            continue
        key = normalise_name(a.institution)
        names.setdefault(key, a.institution)
        row = table.setdefault(key, {})
        if a.score_pct is not None:
            row.setdefault(a.year, a.score_pct)
    rows = []
    for key in sorted(table, key=lambda k: names[k].casefold()):
        scores = tuple(table[key].get(y) for y in years)
        known = [s for s in scores if s is not None]
        change = known[-1] - known[-2] if len(known) >= 2 else None
        rows.append(TrendRow(names[key], scores, change))
    return tuple(rows)
