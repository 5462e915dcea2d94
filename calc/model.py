"""The immutable plan model: what a goal workbook says, parsed and checked.

Records are frozen dataclasses with tuple fields, so a parsed plan can be shared between threads
(the desktop app scores in a worker) and updated only by `dataclasses.replace`. Every record keeps
the 0-based row it came from, so results and problems can point back at a cell.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING, Literal, TypeVar

if TYPE_CHECKING:
    from .deadlines import Deadline
    from .excluded_periods import Period

Lang = Literal["da", "sv"]
_T = TypeVar("_T")


class GoalType(Enum):
    YES_NO = "ja/nej"
    AT_LEAST = "mindst"
    AT_MOST = "højst"
    RANGE = "interval"
    REDUCTION = "reduktion"
    INCREASE = "stigning"
    MILESTONES = "milepæle"
    ASSESSMENT = "vurdering"
    SUBGOALS = "delmål"
    DEVIATION = "afvigelse"


class Scale(Enum):
    BINARY = "binær"
    LINEAR = "lineær"
    STEPS = "trin"


class Combine(Enum):
    WEIGHTED = "vægtet"
    ALL = "alle"


class Indicator(Enum):
    SHARE = "andel"
    MEAN = "gennemsnit"
    MEDIAN = "median"
    PERCENTILE = "percentil"
    MAXIMUM = "maksimum"
    COUNT = "antal"


class PayModel(Enum):
    LINEAR = "lineær"
    THRESHOLD = "tærskel"
    STEPS = "trin"


Steps = tuple[tuple[Decimal, Decimal], ...]  # (threshold, percent), highest threshold first


@dataclass(frozen=True)
class Goal:
    """One row of the Mål sheet: a goal, a delmål or an indicator."""

    id: str
    row: int
    parent: str | None
    area: str
    text: str
    requirement: str
    weight: Decimal | None  # as written: points (top level) or a relative share (child)
    type: GoalType
    target: Decimal | None = None
    target_range: tuple[Decimal, Decimal] | None = None
    lower: Decimal | None = None
    scale: Scale = Scale.BINARY
    steps: Steps = ()
    combine: Combine = Combine.WEIGHTED
    baseline: Decimal | None = None
    unit: str = ""
    indicator: Indicator | None = None
    deadline: Deadline | None = None  # Frist, for `andel`
    excluded_periods: tuple[Period, ...] = ()  # Udelad periode
    trim_pct: Decimal = Decimal(0)
    percentile: Decimal = Decimal(50)  # for `percentil N`: N
    location_weights: tuple[tuple[str, Decimal], ...] = ()
    every_location: bool = False
    pooled_locations: bool = False  # Lokationsberegning `samlet`: one weighted value, scored once
    precondition: str = ""  # Forudsætning, as written in the plan
    precondition_met: bool | None = None  # Forudsætning opfyldt; None: not stated (= met)
    result: Decimal | bool | None = None  # bool for ja/nej; a level 0–100 for vurdering
    result_text: str = ""  # the result as written, for the explanation
    source: str = ""
    # Last year's numbers, kept on the Mål sheet by `maalscore nyt-år` (read, never written):
    last_text: str = ""  # Sidste år: last year's result and rule, for people
    last_fulfilment: Decimal | None = None  # Sidste års opfyldelse, 0–100
    last_points: Decimal | None = None  # Sidste års point

    @property
    def lower_is_better(self) -> bool:
        return self.type in (GoalType.AT_MOST, GoalType.DEVIATION)

    @property
    def excluded(self) -> bool:
        """Forudsætning opfyldt = Nej: the goal is taken out of the total."""
        return self.precondition_met is False


@dataclass(frozen=True)
class Milestone:
    """A deliverable of a `milepæle` goal (or an action plan activity)."""

    goal_id: str
    row: int
    name: str
    deadline: date | None  # None: no deadline (Fortløbende) or unreadable (see deadline_known)
    deadline_known: bool  # False: the deadline text names no exact day; it asks for a date
    delivered: date | bool | None  # a date, Ja/Nej, or None when not filled in
    weight: Decimal | None


@dataclass(frozen=True)
class CaseCounts:
    """The included cases of one goal at one location, as counts: how many cases took each
    number of days, and how many were decided on each date (None: no Afgjort date).

    Every indicator depends only on these two histograms, so case data of any size (counted
    by a columnar engine or inside a database, see `calc.casecounts`) needs no per-case tuple.
    """

    location: str  # as written ('' when none)
    days: tuple[tuple[Decimal, int], ...] = ()
    decided: tuple[tuple[date | None, int], ...] = ()

    @property
    def n(self) -> int:
        return sum(c for _, c in self.days)


Histograms = tuple[dict[Decimal, int], dict[date | None, int]]


@dataclass(frozen=True)
class GoalCases:
    """The included cases of one goal from Sagsdata, column by column, or as counts.

    Only cases with Medtages ≠ Nej are here; `excluded` counts those left out by Medtages = Nej,
    and `without_days` those that had no day count. Case data read by a columnar engine or a
    database comes as `counts` (per location) instead of the per-case tuples, which are then
    empty; `histograms` and the location methods serve both forms.

    `received` is each case's Modtaget date (None when empty or unreadable), for placing the
    cases in time during the year (`calc.followup`), for deadlines in working days or months
    and for excluded periods. Cases with a Modtaget date but neither an Afgjort date nor Dage
    are still open: they have no day count, so they are among `without_days`, and their
    Modtaget and Lokation are in `open_received` and `open_location`. `as_met` marks the cases
    with Medtages = Som opfyldt (they count as within the deadline; their Dage is 0 when none
    was given, and the parser refuses them for any indicator but `andel` and `antal`);
    `as_met_cell` is the first Som opfyldt cell, for messages. Counted case data has none of
    these: it cannot be placed in time (see `calc.scoring._needs_each_case`). A case file's
    cases are counted by decision date only for the goals that need it
    (`indicators.needs_decided`); `decided_counted` is False for the others, whose `counts`
    then hold no decided histogram. For those that need it, the count may know the decision
    dates only relative to the goal's Frist date, `decided_around`: the counts then put every
    case decided before it on the day before, and every case decided after it on the day
    after (exact for a share by that date, strict or not; nothing else may read them).
    """

    goal_id: str
    days: tuple[Decimal, ...] = ()
    decided: tuple[date | None, ...] = ()
    location: tuple[str, ...] = ()
    excluded: int = 0
    without_days: int = 0
    first_row: int = 0
    counts: tuple[CaseCounts, ...] = ()
    received: tuple[date | None, ...] = ()
    open_received: tuple[date, ...] = ()
    open_location: tuple[str, ...] = ()
    as_met: tuple[bool, ...] = ()
    as_met_cell: str = ""
    decided_counted: bool = True
    decided_around: date | None = None

    @property
    def n_cases(self) -> int:
        return len(self.days) + sum(c.n for c in self.counts)

    def location_names(self) -> frozenset[str]:
        """The locations that have cases, as written."""
        return frozenset(self.location) | {c.location for c in self.counts if c.n}

    def __post_init__(self) -> None:
        # Callers that know no Modtaget or Som opfyldt may leave those columns out.
        n = len(self.days)
        if len(self.received) != n:
            object.__setattr__(self, "received", (None,) * n)
        if len(self.as_met) != n:
            object.__setattr__(self, "as_met", (False,) * n)

    def subset(self, keep: list[int]) -> GoalCases:
        """The same goal with only the cases at positions `keep`."""
        if len(keep) == len(self.days):
            return self
        return GoalCases(
            self.goal_id,
            _pick(self.days, keep),
            _pick(self.decided, keep),
            _pick(self.location, keep),
            self.excluded,
            self.without_days,
            self.first_row,
            self.counts,
            received=_pick(self.received, keep),
            open_received=self.open_received,
            open_location=self.open_location,
            as_met=_pick(self.as_met, keep),
            as_met_cell=self.as_met_cell,
            decided_counted=self.decided_counted,
            decided_around=self.decided_around,
        )

    def location_keys(self) -> frozenset[str]:
        """The locations that have cases, folded with `grid.normalise_name`."""
        from .grid import normalise_name

        return frozenset(normalise_name(n) for n in self.location_names())

    def histograms(self, key: str | None = None) -> Histograms:
        """(Dage → cases, Afgjort → cases) over the counted cases, of every location or of
        those whose Lokation folds to `key`."""
        from .grid import normalise_name

        days: dict[Decimal, int] = {}
        decided: dict[date | None, int] = {}
        for c in self.counts:
            if key is not None and normalise_name(c.location) != key:
                continue
            for v, k in c.days:
                days[v] = days.get(v, 0) + k
            for d, k in c.decided:
                decided[d] = decided.get(d, 0) + k
        return days, decided

    def at_location(self, key: str) -> GoalCases:
        """The cases whose Lokation folds to `key` (`grid.normalise_name`). Each distinct name
        is folded once, so a million cases cost one pass over them, not a million foldings."""
        from .grid import normalise_name

        names = {n for n in set(self.location) if normalise_name(n) == key}
        return self.subset([i for i, loc in enumerate(self.location) if loc in names])


def _pick(column: tuple[_T, ...], keep: list[int]) -> tuple[_T, ...]:
    """`tuple(column[i] for i in keep)` at C speed (`operator.itemgetter`)."""
    from operator import itemgetter

    if len(keep) > 1:
        return itemgetter(*keep)(column)  # type: ignore[no-any-return]
    return tuple(column[i] for i in keep)


@dataclass(frozen=True)
class Person:
    """One row of the Resultatløn sheet."""

    row: int
    name: str
    title: str
    base: Decimal | None
    max_pct: Decimal | None
    max_amount: Decimal | None
    model: PayModel
    threshold: Decimal | None
    steps: Steps
    adjustment: Decimal
    adjustment_is_pct: bool
    reason: str
    withheld: bool


class Forecast(Enum):
    """The forecast for a goal's year end during the year (`calc.followup`)."""

    MET = "forventes opfyldt"
    RISK = "risiko"
    NOT_MET = "forventes ikke opfyldt"
    UNKNOWN = "ukendt"

    def label(self, lang: Lang) -> str:
        """The words written in the Forventning column and in JSON."""
        return _FORECAST_SV[self] if lang == "sv" else self.value


_FORECAST_SV = {
    Forecast.MET: "förväntas uppfyllt",
    Forecast.RISK: "risk",
    Forecast.NOT_MET: "förväntas ej uppfyllt",
    Forecast.UNKNOWN: "okänd",
}


@dataclass(frozen=True)
class FollowUpRow:
    """One row of the Opfølgning sheet: what a person entered for a goal and a period.

    `result` is read by the goal's type, as the Mål sheet's Resultat is (for counts: the number
    so far in the year). `forecast` is a person's own forecast (Prognose), which overrides the
    computed one and needs a `comment`.
    """

    goal_id: str
    row: int
    period_end: date
    period_text: str
    result: Decimal | bool | None = None
    result_text: str = ""
    forecast: Forecast | None = None
    comment: str = ""


@dataclass(frozen=True)
class SheetLayout:
    """Where a sheet's data sits, so results can be written next to the inputs."""

    sheet: str
    header_row: int
    columns: tuple[tuple[str, int], ...]  # field key → 0-based column, outputs included
    missing_outputs: tuple[str, ...] = ()  # output headers to add (their column is in `columns`)

    def col(self, key: str) -> int:
        return dict(self.columns)[key]


@dataclass(frozen=True)
class FollowUpSheet:
    """The Opfølgning sheet as read: its rows, where its columns are, and its last used row
    (rows for goals that have none for a period are added below it)."""

    rows: tuple[FollowUpRow, ...]
    layout: SheetLayout
    last_row: int

    def for_goal(self, goal_id: str) -> tuple[FollowUpRow, ...]:
        return tuple(r for r in self.rows if r.goal_id == goal_id)


@dataclass(frozen=True)
class Plan:
    """A parsed goal workbook."""

    institution: str
    ministry: str
    year: int | None
    title: str
    equal_weights: bool
    lang: Lang
    goals: tuple[Goal, ...]
    milestones: tuple[Milestone, ...] = ()
    cases: tuple[GoalCases, ...] = ()
    people: tuple[Person, ...] = ()
    holiday_country: str = "DK"  # whose public holidays working days skip: DK or SE
    goals_layout: SheetLayout | None = None
    milestones_layout: SheetLayout | None = None
    pay_layout: SheetLayout | None = None
    summary_sheet: str | None = None
    summary_extent: tuple[tuple[int, int], ...] = field(default=())  # cells now filled there
    ministry_email: str = ""  # `Departementets e-mail` on the Plan sheet
    # Last year's totals, kept on the Plan sheet by `maalscore nyt-år` (see `calc.trend`):
    last_points: Decimal | None = None  # Sidste års point
    last_score_pct: Decimal | None = None  # Sidste års målopfyldelse
    year_cell: str = ""  # where År is on the Plan sheet (B3), for problems about the year

    def goal(self, goal_id: str) -> Goal | None:
        for g in self.goals:
            if g.id == goal_id:
                return g
        return None

    def children(self, goal_id: str) -> tuple[Goal, ...]:
        return tuple(g for g in self.goals if g.parent == goal_id)

    def top_level(self) -> tuple[Goal, ...]:
        return tuple(g for g in self.goals if g.parent is None)

    def cases_for(self, goal_id: str) -> GoalCases | None:
        for c in self.cases:
            if c.goal_id == goal_id:
                return c
        return None
