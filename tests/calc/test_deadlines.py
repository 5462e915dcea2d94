"""Reading a Frist cell, and one case against it: strict `før`/`under` vs inclusive `senest`."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from calc.deadlines import Deadline, Kind, add_months, month_end, parse_deadline
from calc.values import ValueProblem


@pytest.mark.parametrize(
    ("cell", "kind", "amount", "strict"),
    [
        (31, Kind.DAYS, D(31), False),
        (D("10.5"), Kind.DAYS, D("10.5"), False),
        ("31", Kind.DAYS, D(31), False),
        ("31 dage", Kind.DAYS, D(31), False),
        ("inden for 31 dage", Kind.DAYS, D(31), False),
        ("senest 31 dage", Kind.DAYS, D(31), False),
        ("under 31 dage", Kind.DAYS, D(31), True),
        ("Under 31 dagar", Kind.DAYS, D(31), True),
        ("inom 14 dagar", Kind.DAYS, D(14), False),
        ("2 uger", Kind.DAYS, D(14), False),
        ("två veckor", Kind.DAYS, D(14), False),
        ("3 arbejdsdage", Kind.WORKDAYS, D(3), False),
        ("inom tre arbetsdagar", Kind.WORKDAYS, D(3), False),
        ("under 3 arbejdsdage", Kind.WORKDAYS, D(3), True),
        ("2 måneder", Kind.MONTHS, D(2), False),
        ("fem månader", Kind.MONTHS, D(5), False),
        ("følgende måned", Kind.MONTH_END, D(1), False),
        ("udgangen af følgende måned", Kind.MONTH_END, D(1), False),
        ("följande månad", Kind.MONTH_END, D(1), False),
    ],
)
def test_frist_spans(cell, kind, amount, strict):
    got = parse_deadline(cell)
    assert (got.kind, got.amount, got.strict) == (kind, amount, strict)


@pytest.mark.parametrize(
    ("cell", "on", "strict"),
    [
        (date(2025, 3, 17), date(2025, 3, 17), False),
        ("17-03-2025", date(2025, 3, 17), False),
        ("senest 17-03-2025", date(2025, 3, 17), False),
        ("senest den 17. marts 2025", date(2025, 3, 17), False),
        ("til og med 17-03-2025", date(2025, 3, 17), False),
        ("før 17-03-2025", date(2025, 3, 17), True),
        ("før den 17. marts 2025", date(2025, 3, 17), True),
        ("före 2025-03-17", date(2025, 3, 17), True),
        ("innan 17 mars 2025", date(2025, 3, 17), True),
        ("senast 2025-03-17", date(2025, 3, 17), False),
    ],
)
def test_frist_dates(cell, on, strict):
    assert parse_deadline(cell) == Deadline(Kind.DATE, on=on, strict=strict)


@pytest.mark.parametrize(
    ("cell", "words"),
    [
        ("inden 31 dage", "både"),  # Danish `inden`: within or before? The plan must say.
        ("inden den 17. marts 2025", "både"),
        ("31 timer", "ikke en frist"),
        ("Höst 2025", "ikke en frist"),
        ("17-03-2025 eller 18-03-2025", "ikke en frist"),
        ("-3", "negativ"),
        ("2,5 arbejdsdage", "hele tal"),
        (True, "ikke en frist"),
    ],
)
def test_frist_refused_with_a_question(cell, words):
    with pytest.raises(ValueProblem) as err:
        parse_deadline(cell)
    assert words in err.value.da


def test_describe_in_both_languages():
    assert parse_deadline("under 31 dage").describe("da") == "< 31 dage"
    assert parse_deadline(31).describe("sv") == "≤ 31 dagar"
    assert parse_deadline("2 uger").describe("da") == "≤ 2 uger"
    assert parse_deadline("før 17-03-2025").describe("da") == "før 17-03-2025"
    assert parse_deadline("17-03-2025").describe("sv") == "senast 2025-03-17"
    assert parse_deadline("3 arbetsdagar").describe("sv") == "≤ 3 arbetsdagar"
    assert parse_deadline("følgende måned").describe("da") == "udgangen af følgende måned"


@pytest.mark.parametrize(
    ("cell", "days", "within"),
    [
        (31, D(31), True),  # inclusive: the 31st day counts
        (31, D(32), False),
        ("under 31 dage", D(31), False),  # strict: day 31 is late
        ("under 31 dage", D(30), True),
        ("under 31 dage", D("30.5"), True),
        ("2 uger", D(14), True),
        ("under 2 uger", D(14), False),
    ],
)
def test_days_boundary(cell, days, within):
    assert parse_deadline(cell).within(days, None, None, "DK") is within


def test_date_boundary_strict_and_inclusive():
    on = date(2025, 3, 17)
    senest, foer = parse_deadline("senest 17-03-2025"), parse_deadline("før 17-03-2025")
    assert senest.within(None, None, on, "DK") and not foer.within(None, None, on, "DK")
    assert foer.within(None, None, date(2025, 3, 16), "DK")
    assert senest.within(None, None, None, "DK") is False  # undecided is never on time


def test_months_clamp_to_the_end_of_a_short_month():
    assert add_months(date(2025, 1, 31), 1) == date(2025, 2, 28)
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2024, 11, 15), 2) == date(2025, 1, 15)
    assert month_end(date(2025, 12, 5), 1) == date(2026, 1, 31)
    two = parse_deadline("2 måneder")
    received = date(2025, 1, 15)
    assert two.within(None, received, date(2025, 3, 15), "DK") is True
    assert (
        parse_deadline("under 2 måneder").within(None, received, date(2025, 3, 15), "DK") is False
    )
    assert two.within(None, None, date(2025, 3, 15), "DK") is None  # no Modtaget: undated
