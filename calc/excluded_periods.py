"""Udelad periode: periods a goal leaves out of its case data, each with the plan's reason.

Plans say things like "Periode med implementering af lovændring … vil ikke skulle indgå i
beregningen af målopfyldelsen". The Mål column `Udelad periode` (sv `Utelämnad period`) holds one
or more periods with their reason:

    01-03-2025–30-04-2025: implementering af ny AMS-opsætning
    01-03-2025 - 30-04-2025 (lovændring); 01-10-2025 - 15-10-2025 (systemnedbrud)

Both days are included. A case lies in a period when its Modtaget does (a case without Modtaget:
its Afgjort); such cases are left out of the goal's indicator and counted in the explanation. The
reason is required: it is what an auditor reads next to the number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from . import values as V
from .grid import CellValue


@dataclass(frozen=True)
class Period:
    first: date
    last: date
    reason: str

    def holds(self, day: date) -> bool:
        return self.first <= day <= self.last

    def describe(self, lang: str) -> str:
        form = "%Y-%m-%d" if lang == "sv" else "%d-%m-%Y"
        return f"{self.first:{form}}–{self.last:{form}} ({self.reason})"


def _example(lang_da: bool) -> str:
    return (
        "Skriv fx 01-03-2025–30-04-2025: implementering af lovændring."
        if lang_da
        else "Skriv t.ex. 2025-03-01–2025-04-30: införande av lagändring."
    )


def parse_periods(v: CellValue) -> tuple[Period, ...]:
    """The cell's periods in the order written; `ValueProblem` for anything else."""
    if not isinstance(v, str) or V.is_blank(v):
        shown = V.show(v)
        raise V.ValueProblem(
            f"'{shown}' er ikke en periode. {_example(True)}",
            f"'{shown}' är ingen period. {_example(False)}",
        )
    periods: list[Period] = []
    for item in (p.strip() for p in re.split(r"[;\n\r]+", v) if p.strip()):
        m = re.match(r"^(?P<span>[^:(]*)(?:[:(](?P<reason>.*?)\)?)?$", item, re.DOTALL)
        span = m.group("span") if m else item
        reason = (m.group("reason") or "").strip(" .") if m else ""
        dates = V.parse_dates(span)
        if len(dates) != 2:
            shown = V.show(item)
            raise V.ValueProblem(
                f"'{shown}' skal have en første og en sidste dag. {_example(True)}",
                f"'{shown}' ska ha en första och en sista dag. {_example(False)}",
            )
        first, last = dates
        if last < first:
            shown = V.show(item)
            raise V.ValueProblem(
                f"I perioden '{shown}' ligger den sidste dag før den første.",
                f"I perioden '{shown}' ligger den sista dagen före den första.",
            )
        if not reason:
            shown = V.show(item)
            raise V.ValueProblem(
                f"Skriv hvorfor perioden '{shown}' udelades, efter et kolon. {_example(True)}",
                f"Skriv varför perioden '{shown}' utelämnas, efter ett kolon. {_example(False)}",
            )
        periods.append(Period(first, last, reason))
    if not periods:
        raise V.ValueProblem(
            f"Cellen er tom. {_example(True)}", f"Cellen är tom. {_example(False)}"
        )
    return tuple(periods)


def left_out(periods: tuple[Period, ...], received: date | None, decided: date | None) -> bool:
    """Whether a case falls in one of the periods (by Modtaget, else Afgjort)."""
    day = received if received is not None else decided
    return day is not None and any(p.holds(day) for p in periods)
