"""Periods of the plan year: reading `Q3`, `3. kvartal` or a date, and how much of the year has
passed by a date.

A follow-up is made *at a date* (the end of the day): `Q3` means 30 September of the plan's
year, `3. kvartal 2025` and `30-09-2025` likewise. Every form `calc.values.parse_date` reads is
accepted; a quarter, half year or month written without a year (`Q3`, `3. kvartal`, `september`)
takes the plan's year, and `År` / `Helår` / `Hele året` (Swedish `Helår`, `Hela året`) is
31 December. Standard library only.
"""

from __future__ import annotations

import re
from datetime import date
from fractions import Fraction

from . import values as V
from .grid import CellValue

_YEAR_WORDS = {"ar", "aret", "helar", "helaret", "helearet", "helaaret", "arsslut"}
_HAS_YEAR = re.compile(r"(?<![0-9])[12][0-9]{3}(?![0-9])")


def _fold(text: str) -> str:
    from .grid import normalise_name

    return normalise_name(text)


def parse_period(v: CellValue, year: int | None) -> date:
    """The last day of the period a cell (or `--pr`) names; raises `values.ValueProblem`.

    `year` is the plan's year, used when the text names no year; without it such text is a
    problem that asks for the year.
    """
    if isinstance(v, str) and _fold(v) in _YEAR_WORDS:
        if year is None:
            raise _needs_year(v)
        return date(year, 12, 31)
    try:
        found = V.parse_date(v)
    except V.VagueDate:
        if not isinstance(v, str) or _HAS_YEAR.search(v):
            raise
        if year is None:
            raise _needs_year(v) from None
        found = V.parse_date(f"{v} {year}")
    if not isinstance(found, date):
        shown = str(v).strip()
        raise V.ValueProblem(
            f"'{shown}' er ikke en periode. Skriv et kvartal (Q3, 3. kvartal) eller en dato "
            "(30-09-2025).",
            f"'{shown}' är ingen period. Skriv ett kvartal (Q3, kvartal 3) eller ett datum "
            "(2025-09-30).",
        )
    return found


def _needs_year(v: object) -> V.ValueProblem:
    shown = str(v).strip()
    return V.ValueProblem(
        f"'{shown}' nævner intet år, og planen har intet År. Skriv fx 3. kvartal 2025.",
        f"'{shown}' nämner inget år, och planen har inget År. Skriv t.ex. kvartal 3 2025.",
    )


def quarter_of(day: date) -> int | None:
    """1–4 when `day` is the last day of a quarter, else None."""
    if day.month % 3 == 0 and (day.month, day.day) in ((3, 31), (6, 30), (9, 30), (12, 31)):
        return day.month // 3
    return None


def period_label(day: date, lang: str = "da") -> str:
    """How a period is written in the Periode column: `Q3 2025` for a quarter's end, else the
    date (`30-09-2025`; Swedish `2025-09-30`)."""
    q = quarter_of(day)
    if q is not None:
        return f"Q{q} {day.year}"
    return day.strftime("%Y-%m-%d") if lang == "sv" else day.strftime("%d-%m-%Y")


def days_in_year(year: int) -> int:
    return (date(year + 1, 1, 1) - date(year, 1, 1)).days


def elapsed(day: date) -> Fraction:
    """The share of its year that has passed at the end of `day`: days so far / days in the
    year (30 September 2025: 273/365)."""
    so_far = (day - date(day.year, 1, 1)).days + 1
    return Fraction(so_far, days_in_year(day.year))
