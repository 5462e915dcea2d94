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
    `late` in `limit`+1..`slow` days, plus `excluded` late cases marked Medtages = Nej.

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
    """One row per weekday (Mon–Fri) of the example's year at each location: Dage is the wait
    to the next free time. At each (location, days) in `within`, that many weekdays wait at most
    `limit` days, the rest `limit`+1..`limit`+12."""

    goal: str
    limit: int
    within: tuple[tuple[str, int], ...]


CaseSpec = ShareCases | MeanCases | DeadlineCases | WeekdayCases


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
