"""The records an example is written in: plain data that `workbooks/make_examples.py` builds.

An example is its Plan values, its rows for Mål, Milepæle and Resultatløn, and its case data
(Sagsdata) described as generator specs. A row maps a column's role (the template's Danish column
key from `calc.template`, also in Swedish examples) to the value written in that cell; `None` and
missing keys leave the cell empty. Each case spec names the counts it must produce, and the
generator behind it asserts them, so the hand-computed expectations in `tests/test_examples.py`
can quote them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

Cell = str | int | float | date | None
Row = Mapping[str, Cell]


@dataclass(frozen=True)
class ShareCases:
    """Cases for a share-within-a-deadline goal: `within` cases decided in `fast`..`limit` days,
    `late` in `limit`+1..`slow` days, plus `excluded` late cases marked Medtages = Nej and
    `as_met` late cases marked Medtages = Som opfyldt. With `at_limit` set, exactly that many of
    the `within` cases took `limit` days and the others `fast`..`limit`−1 (so a strict reading,
    `under` `limit` days, can be worked out by hand too).

    Cases are decided on random days of the example's year; Sag is `PREFIX-YEAR-NNNN`; Dage is
    left empty (the engine uses Afgjort − Modtaget).
    """

    goal: str
    prefix: str
    within: int
    late: int
    limit: int
    fast: int = 1
    slow: int = 60
    excluded: int = 0
    at_limit: int | None = None
    as_met: int = 0


@dataclass(frozen=True)
class MeanCases:
    """Cases for an average-processing-time goal: `kept` cases whose days average exactly
    `mean` (pairs `mean` ± k with k in 1..`spread`, plus one `mean` when `kept` is odd), and the
    given `outliers`, each slower than every kept case (the ones a trimmed mean leaves out)."""

    goal: str
    prefix: str
    mean: int
    kept: int
    spread: int
    outliers: tuple[int, ...]


@dataclass(frozen=True)
class DeadlineCases:
    """Cases for a share-decided-by-a-date goal: `early` cases decided on random days in
    `early_from`..`early_to`, `on_deadline` decided on the `deadline` itself, and one case
    decided on each date in `after`; each was received `wait` (min, max) days before."""

    goal: str
    prefix: str
    deadline: date
    early: int
    early_from: date
    early_to: date
    on_deadline: int
    after: tuple[date, ...]
    wait: tuple[int, int]


@dataclass(frozen=True)
class WeekdayCases:
    """One row per working day (hverdag: Monday–Friday less the public holidays of `country`)
    of the example's year at each location: Dage is the wait to the next free time. At each
    (location, days) in `within`, that many working days wait at most `limit` days, the rest
    `limit`+1..`limit`+12."""

    goal: str
    limit: int
    within: tuple[tuple[str, int], ...]
    country: str = "DK"


@dataclass(frozen=True)
class MonthCases:
    """Cases for a share-within-N-calendar-months goal: received on a random day 1–28 of a
    month of the year (so `months` later is the same day of the month), `at_limit` decided
    exactly `months` later, `within` − `at_limit` 1–`spread` days before that, and `late`
    1–`spread` days after it."""

    goal: str
    prefix: str
    months: int
    within: int
    late: int
    at_limit: int = 0
    spread: int = 20


@dataclass(frozen=True)
class FollowingMonthCases:
    """Cases for "reported within the following month": violations (Modtaget) on random days
    of the year outside `period`, `within` reported by the end of the following month and `late`
    1–20 days after it; plus, inside `period` (both days included), `period_within` and
    `period_late` more of each kind."""

    goal: str
    prefix: str
    within: int
    late: int
    period: tuple[date, date]
    period_within: int = 0
    period_late: int = 0


@dataclass(frozen=True)
class ExplicitCases:
    """Cases written out one by one: (Sag, Modtaget, Afgjort); for hand-checked calendars."""

    goal: str
    rows: tuple[tuple[str, date, date], ...]


CaseSpec = (
    ShareCases
    | MeanCases
    | DeadlineCases
    | WeekdayCases
    | MonthCases
    | FollowingMonthCases
    | ExplicitCases
)


@dataclass(frozen=True)
class Example:
    """One example workbook: `workbooks/eksempel-NNN-….xlsx` from seed plan NNN.

    `number` is the seed's number; it also seeds the random generator the case specs draw from,
    in the order they are listed, so reordering or editing a spec changes the rows after it.
    `plan` holds the Plan values besides Institution, År and Sprog (Departement, Titel,
    Vægtning). `milestone_sheet` renames the milestone sheet when the plan calls it something
    else (a Swedish action plan is a Handlingsplan). `followup` holds the Opfølgning sheet's
    rows: what people entered per goal and quarter during the year.
    """

    number: int
    file: str
    year: int
    institution: str
    plan: Row
    goals: tuple[Row, ...]
    milestones: tuple[Row, ...] = ()
    cases: tuple[CaseSpec, ...] = ()
    pay: tuple[Row, ...] = ()
    lang: str = "da"
    milestone_sheet: str | None = None
    followup: tuple[Row, ...] = ()
