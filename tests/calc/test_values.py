"""Tests for calc.values: reading one cell's value (numbers, dates, levels, steps, …)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calc.grid import CellValue, ExcelError
from calc.values import (
    ALL_LOCATIONS,
    AS_MET,
    NO_DEADLINE,
    VagueDate,
    ValueProblem,
    is_blank,
    parse_adjustment,
    parse_bool,
    parse_case_date,
    parse_date,
    parse_dates,
    parse_included,
    parse_level,
    parse_number,
    parse_range,
    parse_steps,
    parse_weights,
)

D = Decimal


# --------------------------------------------------------------------------------------------
# ValueProblem


def test_value_problem_carries_both_languages() -> None:
    p = ValueProblem("dansk", "svenska")
    assert p.message("da") == "dansk"
    assert p.message("sv") == "svenska"
    assert str(p) == "dansk"
    assert isinstance(p, ValueError)
    assert issubclass(VagueDate, ValueProblem)


# --------------------------------------------------------------------------------------------
# is_blank


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, True),
        ("", True),
        ("   ", True),
        ("\u00a0", True),
        ("-", True),
        (" – ", True),
        ("—", True),
        ("0", False),
        (0, False),
        (D(0), False),
        (False, False),
        ("x", False),
        (ExcelError("#N/A"), False),
        (date(2025, 1, 1), False),
    ],
)
def test_is_blank(value: CellValue, expected: bool) -> None:
    assert is_blank(value) is expected


# --------------------------------------------------------------------------------------------
# Numbers


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # real numbers pass through
        (7, D(7)),
        (D("2.5"), D("2.5")),
        (0.1, D("0.1")),
        (2.5, D("2.5")),
        (-3.0, D("-3.0")),
        (1e-7, D("1e-7")),
        # Danish text
        ("2,5", D("2.5")),
        ("1.000", D(1000)),
        ("12.345.678", D(12345678)),
        ("1.234,5", D("1234.5")),
        ("1.234.567,89", D("1234567.89")),
        ("2.5", D("2.5")),
        ("0.500", D("0.5")),
        ("1.0000", D("1")),
        ("1 000", D(1000)),
        ("1\u00a0000", D(1000)),
        ("1\u202f000,5", D("1000.5")),
        ("1,234.5", D("1234.5")),
        ("1,234,567", D(1234567)),
        ("1,234", D("1.234")),
        (",5", D("0.5")),
        ("  42  ", D(42)),
        ("-3", D(-3)),
        ("+3", D(3)),
        ("−3", D(-3)),
        ("–3", D(-3)),
        ("- 3", D(-3)),
        ("-1.234,5", D("-1234.5")),
        # units are ignored; text with % is already a percentage
        ("85 %", D(85)),
        ("85%", D(85)),
        ("85 pct", D(85)),
        ("85 pct.", D(85)),
        ("85 procent", D(85)),
        ("2,5 %", D("2.5")),
        ("5.000 kr", D(5000)),
        ("5.000 kr.", D(5000)),
        ("31 dage", D(31)),
        ("31 dagar", D(31)),
        ("12 uger", D(12)),
        ("12 veckor", D(12)),
        ("120 antal", D(120)),
        ("3 point", D(3)),
        ("3 poäng", D(3)),
        ("3 måneder", D(3)),
        ("85 PCT.", D(85)),
        # leading comparison words are ignored
        ("≥ 85 %", D(85)),
        ("≤5", D(5)),
        (">= 85", D(85)),
        ("<= 5", D(5)),
        ("min. 85 %", D(85)),
        ("maks. 10 dage", D(10)),
        ("max. 10", D(10)),
        ("mindst 3", D(3)),
        ("højst 12 uger", D(12)),
        ("minst 3", D(3)),
        ("högst 12 veckor", D(12)),
    ],
)
def test_parse_number(value: CellValue, expected: Decimal) -> None:
    assert parse_number(value) == expected


@pytest.mark.parametrize(
    ("value", "percent_cell", "share_unit", "expected"),
    [
        # a percent-formatted cell holds a fraction
        (0.85, True, False, D(85)),
        (D("0.855"), True, False, D("85.5")),
        (1, True, False, D(100)),
        (1.5, True, False, D(150)),
        # … but text in it is read as written
        ("85 %", True, False, D(85)),
        ("0,85", True, False, D("0.85")),
        # Enhed andel: numbers are shares
        (0.85, False, True, D(85)),
        (D("0.5"), False, True, D(50)),
        (1, False, True, D(100)),
        (0, False, True, D(0)),
        ("0,85", False, True, D(85)),
        ("85 %", False, True, D(85)),
        ("85 pct.", False, True, D(85)),
        # both: multiplied once
        (0.85, True, True, D(85)),
    ],
)
def test_parse_number_percent_and_share(
    value: CellValue, percent_cell: bool, share_unit: bool, expected: Decimal
) -> None:
    assert parse_number(value, percent_cell=percent_cell, share_unit=share_unit) == expected


@pytest.mark.parametrize("value", [85, "85", D("1.5")])
def test_parse_number_share_above_one_is_a_problem(value: CellValue) -> None:
    with pytest.raises(ValueProblem) as e:
        parse_number(value, share_unit=True)
    assert "andel" in e.value.message("da")
    assert "andel" in e.value.message("sv")


@pytest.mark.parametrize(
    "value",
    [
        "mange",
        "ca. 100",
        "12 ud af 15",
        "1.2.3",
        "1,2,3",
        "1.23.456",
        "0.000.5",
        "1E3",
        "5,",
        "abc 5",
        "5 æbler",
        "> 5",
        "85 % 90 %",
        "17-03-2025",
        "3-5",
        "٣",  # Arabic-Indic digit: only ASCII digits are numbers
        "",
        "  ",
        None,
        True,
        False,
        float("nan"),
        float("inf"),
        D("NaN"),
        D("-Infinity"),
        date(2025, 3, 17),
        datetime(2025, 3, 17, 12, 0),
    ],
)
def test_parse_number_problems(value: CellValue) -> None:
    with pytest.raises(ValueProblem):
        parse_number(value)


def test_parse_number_message_names_the_text_and_an_example() -> None:
    with pytest.raises(ValueProblem) as e:
        parse_number("mange")
    assert e.value.message("da") == "'mange' er ikke et tal. Skriv fx 2,5 eller 85 %."
    assert e.value.message("sv") == "'mange' är inte ett tal. Skriv t.ex. 2,5 eller 85 %."


def test_parse_number_excel_error_names_the_error() -> None:
    with pytest.raises(ValueProblem) as e:
        parse_number(ExcelError("#DIV/0!"))
    assert e.value.message("da") == (
        "Cellen indeholder Excel-fejlen #DIV/0!; ret formlen eller skriv tallet."
    )
    assert "#DIV/0!" in e.value.message("sv")


def test_parse_number_bool_is_not_a_number() -> None:
    with pytest.raises(ValueProblem) as e:
        parse_number(True)
    assert "ikke et tal" in e.value.message("da")


def test_parse_number_long_text_is_shortened_in_message() -> None:
    with pytest.raises(ValueProblem) as e:
        parse_number("x" * 500)
    assert len(e.value.message("da")) < 120


def _danish(d: Decimal) -> str:
    """Format a Decimal the Danish way: thousands dots and a decimal comma."""
    sign = "-" if d < 0 else ""
    text = format(abs(d), "f")
    whole, _, frac = text.partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return sign + ".".join(groups) + ("," + frac if frac else "")


@pytest.mark.parametrize(
    ("d", "text"),
    [
        (D("1234567.5"), "1.234.567,5"),
        (D("1000"), "1.000"),
        (D("-0.000001"), "-0,000001"),
        (D("999"), "999"),
    ],
)
def test_danish_formatter(d: Decimal, text: str) -> None:
    assert _danish(d) == text


@given(
    st.decimals(
        min_value=D("-999999999.999999"),
        max_value=D("999999999.999999"),
        places=6,
        allow_nan=False,
        allow_infinity=False,
    )
)
def test_danish_text_round_trips(d: Decimal) -> None:
    assert parse_number(_danish(d)) == d


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_danish_integers_round_trip(n: int) -> None:
    assert parse_number(_danish(D(n))) == n


@given(st.text())
def test_parse_number_only_raises_value_problem(text: str) -> None:
    try:
        result = parse_number(text)
    except ValueProblem:
        return
    assert isinstance(result, Decimal)
    assert result.is_finite()


@given(st.text(alphabet="0123456789.,- %\u00a0+−kr"))
def test_parse_number_number_like_text_only_raises_value_problem(text: str) -> None:
    try:
        result = parse_number(text, share_unit=True)
    except ValueProblem:
        return
    assert -100 <= result <= 100 or "%" in text


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-9.99e14, max_value=9.99e14))
def test_floats_pass_through_by_repr(f: float) -> None:
    assert parse_number(f) == D(repr(f))


@pytest.mark.parametrize(
    "value", [1e15, -1e15, 1e27, D("1E+27"), 10**15, "1.000.000.000.000.000", "1e27", "-1e15"]
)
def test_numbers_of_1e15_or_more_are_problems(value: CellValue) -> None:
    # No weight, result or amount is that large: a slip, and beyond Decimal's display precision.
    with pytest.raises(ValueProblem) as e:
        parse_number(value)
    if not isinstance(value, str) or "e" not in value:
        assert "for stort" in e.value.message("da")


def test_the_largest_accepted_number_is_just_below_1e15() -> None:
    assert parse_number(D("999999999999999.99")) == D("999999999999999.99")
    assert parse_number("999.999.999.999.999") == D(999999999999999)


@pytest.mark.parametrize(
    ("value", "shown"),
    [(D("60.0"), "'60'"), (60.0, "'60'"), (D("2.50"), "'2,5'"), (D("1E+27"), "'1E+27'")],
)
def test_messages_echo_numbers_as_typed(value: CellValue, shown: str) -> None:
    with pytest.raises(ValueProblem) as e:
        parse_bool(value)
    assert e.value.message("da").startswith(shown)


# --------------------------------------------------------------------------------------------
# Ranges


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("3-5", (D(3), D(5))),
        ("3 - 5", (D(3), D(5))),
        ("3 – 5", (D(3), D(5))),
        ("3—5", (D(3), D(5))),
        ("3 til 5", (D(3), D(5))),
        ("3 till 5", (D(3), D(5))),
        ("3–5 projekter", (D(3), D(5))),
        ("3-5 stk.", (D(3), D(5))),
        ("2,5-3,5", (D("2.5"), D("3.5"))),
        ("1.000-2.000", (D(1000), D(2000))),
        ("1.000 - 2.000 kr", (D(1000), D(2000))),
        ("85 %-90 %", (D(85), D(90))),
        ("85-90 %", (D(85), D(90))),
        ("-5 - 5", (D(-5), D(5))),
        ("5-5", (D(5), D(5))),
    ],
)
def test_parse_range(value: CellValue, expected: tuple[Decimal, Decimal]) -> None:
    assert parse_range(value) == expected


@pytest.mark.parametrize(
    "value",
    ["5-3", "3", "3-", "-5", "mellem 3 og 5", "a-b", 5, D(3), None, "", ExcelError("#REF!")],
)
def test_parse_range_problems(value: CellValue) -> None:
    with pytest.raises(ValueProblem):
        parse_range(value)


def test_parse_range_low_above_high_says_so() -> None:
    with pytest.raises(ValueProblem) as e:
        parse_range("5-3")
    assert "større" in e.value.message("da")
    assert "större" in e.value.message("sv")


def test_parse_range_date_explains_excel_conversion() -> None:
    with pytest.raises(ValueProblem) as e:
        parse_range(datetime(2025, 5, 3))
    assert "Excel" in e.value.message("da")
    assert "tekst" in e.value.message("da")


# --------------------------------------------------------------------------------------------
# Yes/no


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Ja", True),
        ("ja", True),
        (" JA ", True),
        ("Nej", False),
        ("Opfyldt", True),
        ("Fuldt opfyldt", True),
        ("Ikke opfyldt", False),
        ("ikke-opfyldt", False),
        ("Ej opfyldt", False),
        ("Leveret", True),
        ("Ikke leveret", False),
        ("Gennemført", True),
        ("Ikke gennemført", False),
        ("Uppfyllt", True),
        ("Helt uppfyllt", True),
        ("Ej uppfyllt", False),
        ("Inte uppfyllt", False),
        ("Levererat", True),
        ("Ej levererat", False),
        ("Genomfört", True),
        ("Inte genomfört", False),
        ("Ja.", True),
        (True, True),  # Excel's logical SAND/FALSK (a checkbox)
        (False, False),
    ],
)
def test_parse_bool(value: CellValue, expected: bool) -> None:
    assert parse_bool(value) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Ja", True),
        ("Nej", False),
        ("Leveret", True),
        (True, True),
        ("Som opfyldt", AS_MET),
        ("räknas som uppfyllt", AS_MET),
        ("Opfyldt", None),  # Ja or Som opfyldt? (a problem, not a guess)
        ("Fuldt opfyldt", None),
        ("Ikke opfyldt", None),  # Nej (left out) or late?
        ("Uppfyllt", None),
        ("Ej uppfyllt", None),
        ("x", None),
    ],
)
def test_parse_included_refuses_the_words_about_fulfilment(
    value: CellValue, expected: object
) -> None:
    if expected is None:
        with pytest.raises(ValueProblem, match="Ja, Nej eller Som opfyldt"):
            parse_included(value)
    else:
        assert parse_included(value) is expected


@pytest.mark.parametrize(
    "value",
    [
        "måske",
        "delvist",
        2,
        D("0.5"),
        None,
        "",
        date(2025, 1, 1),
        ExcelError("#N/A"),
        # Not in the contract: a checkmark, OK, numbers, English or the words of a logical value
        # typed as text are never guessed.
        "x",
        "X",
        "OK",
        "✓",
        "J",
        "N",
        "Yes",
        "No",
        "True",
        "FALSK",
        "SAND",
        "Sant",
        1,
        0,
        1.0,
        D(0),
        "1",
        "0",
    ],
)
def test_parse_bool_problems(value: CellValue) -> None:
    with pytest.raises(ValueProblem) as e:
        parse_bool(value)
    assert e.value.message("da")
    assert e.value.message("sv")


# --------------------------------------------------------------------------------------------
# Assessment levels


@pytest.mark.parametrize(
    ("value", "percent_cell", "expected"),
    [
        (0, False, 0),
        (25, False, 25),
        (50, False, 50),
        (75.0, False, 75),
        (D(100), False, 100),
        ("50", False, 50),
        ("50 %", False, 50),
        ("50 pct.", False, 50),
        ("50,0", False, 50),
        (0.5, True, 50),
        (D("0.25"), True, 25),
        (1, True, 100),
        ("50 %", True, 50),
        # Danish words
        ("Opfyldt", False, 100),
        ("fuldt opfyldt", False, 100),
        ("I høj grad", False, 75),
        ("i høj grad opfyldt", False, 75),
        ("Delvist", False, 50),
        ("delvist opfyldt", False, 50),
        ("I mindre grad", False, 25),
        ("Ikke opfyldt", False, 0),
        # Swedish words
        ("Uppfyllt", False, 100),
        ("I hög grad", False, 75),
        ("Delvis", False, 50),
        ("Delvis uppfyllt", False, 50),
        ("I låg grad", False, 25),
        ("Ej uppfyllt", False, 0),
        ("Inte uppfyllt", False, 0),
    ],
)
def test_parse_level(value: CellValue, percent_cell: bool, expected: int) -> None:
    assert parse_level(value, percent_cell=percent_cell) == expected


@pytest.mark.parametrize(
    "value", [60, "60 %", 0.5, "0,5", 101, -25, "godt", True, None, "", date(2025, 1, 1)]
)
def test_parse_level_problems_list_allowed_levels(value: CellValue) -> None:
    with pytest.raises(ValueProblem) as e:
        parse_level(value)
    assert "0, 25, 50, 75 eller 100" in e.value.message("da") or "tom" in e.value.message("da")


def test_parse_level_message() -> None:
    with pytest.raises(ValueProblem) as e:
        parse_level("60")
    assert e.value.message("da").startswith("'60' er ikke et tilladt niveau.")
    assert "i låg grad" in e.value.message("sv")


# --------------------------------------------------------------------------------------------
# Steps


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("85=100; 80=50; 0=0", ((85, 100), (80, 50), (0, 0))),
        ("0=0; 80=50; 85=100", ((85, 100), (80, 50), (0, 0))),
        ("85:100; 80:50", ((85, 100), (80, 50))),
        ("85=100\n80=50\n0=0", ((85, 100), (80, 50), (0, 0))),
        ("85=100 | 80=50 | 0=0", ((85, 100), (80, 50), (0, 0))),
        ("85 %=100 %; 80 % = 50 %", ((85, 100), (80, 50))),
        ("2,5=100; 1,5=50", ((D("2.5"), 100), (D("1.5"), 50))),
        ("85=100, 80=50, 0=0", ((85, 100), (80, 50), (0, 0))),
        ("85=100;", ((85, 100),)),
        ("4=100; 6=50; 99=0", ((99, 0), (6, 50), (4, 100))),
        ("1.000=100; 500=50", ((1000, 100), (500, 50))),
        ("95=100; 80=75; 60=50; 0=0", ((95, 100), (80, 75), (60, 50), (0, 0))),
    ],
)
def test_parse_steps(value: CellValue, expected: tuple[tuple[int, int], ...]) -> None:
    assert parse_steps(value) == tuple((D(t), D(f)) for t, f in expected)


@pytest.mark.parametrize(
    "value",
    [
        "",
        None,
        ";",
        "85",
        "85=",
        "=100",
        "85=101",
        "85=-1",
        "85=100; 85=50",
        "høj=100",
        85,
        ExcelError("#VALUE!"),
    ],
)
def test_parse_steps_problems(value: CellValue) -> None:
    with pytest.raises(ValueProblem):
        parse_steps(value)


# --------------------------------------------------------------------------------------------
# Location weights


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (
            "Valby=50; Aarhus=10; Odense=10",
            (("Valby", D(50)), ("Aarhus", D(10)), ("Odense", D(10))),
        ),
        ("Valby = 50 | Aarhus: 10", (("Valby", D(50)), ("Aarhus", D(10)))),
        (
            "  Sankt Peders Stræde =2,5\nKøge=7,5",
            (("Sankt Peders Stræde", D("2.5")), ("Køge", D("7.5"))),
        ),
        ("Malmö=50, Göteborg=50", (("Malmö", D(50)), ("Göteborg", D(50)))),
        ("alle", ALL_LOCATIONS),
        ("Alle", ALL_LOCATIONS),
        ("alla", ALL_LOCATIONS),
        ("ALL", ALL_LOCATIONS),
        (" alle. ", ALL_LOCATIONS),
    ],
)
def test_parse_weights(value: CellValue, expected: object) -> None:
    assert parse_weights(value) == expected


@pytest.mark.parametrize(
    "value",
    ["Valby=50; valby=10", "Valby", "Valby=mange", "=50", "Valby=-5", "", None, 50, ";"],
)
def test_parse_weights_problems(value: CellValue) -> None:
    with pytest.raises(ValueProblem):
        parse_weights(value)


def test_parse_weights_duplicate_names_the_location() -> None:
    with pytest.raises(ValueProblem) as e:
        parse_weights("Valby=50; Aarhus=10; Valby=5")
    assert "Valby" in e.value.message("da")
    assert "Valby" in e.value.message("sv")


# --------------------------------------------------------------------------------------------
# Adjustment (Skøn)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("-5.000", (D(-5000), False)),
        ("-5.000 kr", (D(-5000), False)),
        ("-5.000 kr.", (D(-5000), False)),
        ("-5 000 kr", (D(-5000), False)),
        ("2.500", (D(2500), False)),
        (5000, (D(5000), False)),
        (-2500.0, (D(-2500), False)),
        (D("-1000"), (D(-1000), False)),
        ("-10 %", (D(-10), True)),
        ("-10%", (D(-10), True)),
        ("5 pct.", (D(5), True)),
        ("-10 %-point", (D(-10), True)),
        ("-10 %-points", (D(-10), True)),
        ("-10 procentpoint", (D(-10), True)),
        ("-10 pct.-point", (D(-10), True)),
        ("-10 procentenheter", (D(-10), True)),
        ("-2,5 %", (D("-2.5"), True)),
        (None, (D(0), False)),
        ("", (D(0), False)),
        ("-", (D(0), False)),
    ],
)
def test_parse_adjustment(value: CellValue, expected: tuple[Decimal, bool]) -> None:
    assert parse_adjustment(value) == expected


def test_parse_adjustment_percent_cell() -> None:
    assert parse_adjustment(-0.1, percent_cell=True) == (D("-10.0"), True)


@pytest.mark.parametrize("value", ["lidt", "-10 % eller 5.000 kr", True, ExcelError("#N/A")])
def test_parse_adjustment_problems(value: CellValue) -> None:
    with pytest.raises(ValueProblem):
        parse_adjustment(value)


# --------------------------------------------------------------------------------------------
# Dates

# Every deadline text in the "När" column of seed 003 (Migrationsverket's action plan, 2008).
SEED_003_NAR = [
    ("Fortlöpande", NO_DEADLINE),
    ("Fortlöpande Fortlöpande", NO_DEADLINE),
    ("Juni 2008", date(2008, 6, 30)),
    ("Juni 2008 och fortlöpande", date(2008, 6, 30)),
    ("Augusti 2008", date(2008, 8, 31)),
    ("Maj 2008", date(2008, 5, 31)),
    ("Maj 2008 Maj 2008 Höst 2008", date(2008, 5, 31)),
    ("31 augusti 2008 31 december 2008", date(2008, 8, 31)),
    ("Senast december 2008", date(2008, 12, 31)),
    ("Juli 2008", date(2008, 7, 31)),
    ("Utefter behov", NO_DEADLINE),
    ("Prognos, maj 2008 och fortlöpande", date(2008, 5, 31)),
    ("September 2008", date(2008, 9, 30)),
    ("Oktober 2008", date(2008, 10, 31)),
    ("December 2008", date(2008, 12, 31)),
    ("Senast 31 december 2008", date(2008, 12, 31)),
    ("Maj 2008 och därefter fortlöpande", date(2008, 5, 31)),
    ("Maj 2008 och fortlöpande", date(2008, 5, 31)),
    ("Fortlöpande Maj 2008 och fortlöpande", date(2008, 5, 31)),
    ("Maj 2008 September 2008", date(2008, 5, 31)),
    ("September 2008 Oktober/november 2008 December 2008", date(2008, 9, 30)),
]

SEED_003_VAGUE = ["Höst 2008", "Oktober/november 2008"]


@pytest.mark.parametrize(("value", "expected"), SEED_003_NAR)
def test_parse_date_seed_003(value: str, expected: object) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", SEED_003_VAGUE)
def test_parse_date_seed_003_vague(value: str) -> None:
    with pytest.raises(VagueDate):
        parse_date(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (date(2025, 3, 17), date(2025, 3, 17)),
        (datetime(2025, 3, 17, 14, 30), date(2025, 3, 17)),
        ("17-03-2025", date(2025, 3, 17)),
        ("17.03.2025", date(2025, 3, 17)),
        ("17/3/2025", date(2025, 3, 17)),
        ("1.5.2025", date(2025, 5, 1)),
        ("17-03-25", date(2025, 3, 17)),
        ("2025-03-17", date(2025, 3, 17)),
        ("2025-3-7", date(2025, 3, 7)),
        ("17. marts 2025", date(2025, 3, 17)),
        ("17.marts 2025", date(2025, 3, 17)),
        ("17 mars 2025", date(2025, 3, 17)),
        ("17. mar. 2025", date(2025, 3, 17)),
        ("31 augusti 2008", date(2008, 8, 31)),
        ("den 17. marts 2025", date(2025, 3, 17)),
        ("Senest den 1. februar 2025", date(2025, 2, 1)),
        ("29. februar 2024", date(2024, 2, 29)),
        # a month = its last day
        ("marts 2025", date(2025, 3, 31)),
        ("Marts 2025", date(2025, 3, 31)),
        ("februar 2024", date(2024, 2, 29)),
        ("februari 2025", date(2025, 2, 28)),
        ("Senast december 2008", date(2008, 12, 31)),
        ("ultimo marts 2025", date(2025, 3, 31)),
        ("jan. 2025", date(2025, 1, 31)),
        ("feb 2025", date(2025, 2, 28)),
        ("apr. 2025", date(2025, 4, 30)),
        ("jun. 2025", date(2025, 6, 30)),
        ("jul 2025", date(2025, 7, 31)),
        ("aug. 2025", date(2025, 8, 31)),
        ("sep. 2025", date(2025, 9, 30)),
        ("sept. 2025", date(2025, 9, 30)),
        ("okt. 2025", date(2025, 10, 31)),
        ("nov. 2025", date(2025, 11, 30)),
        ("dec. 2025", date(2025, 12, 31)),
        ("januar 2025", date(2025, 1, 31)),
        ("januari 2025", date(2025, 1, 31)),
        ("april 2025", date(2025, 4, 30)),
        ("maj 2025", date(2025, 5, 31)),
        ("juni 2025", date(2025, 6, 30)),
        ("juli 2025", date(2025, 7, 31)),
        ("august 2025", date(2025, 8, 31)),
        ("augusti 2025", date(2025, 8, 31)),
        ("september 2025", date(2025, 9, 30)),
        ("oktober 2025", date(2025, 10, 31)),
        ("november 2025", date(2025, 11, 30)),
        ("december 2025", date(2025, 12, 31)),
        ("03/2025", date(2025, 3, 31)),
        # a quarter = its last day
        ("udgangen af 3. kvartal 2024", date(2024, 9, 30)),
        ("3. kvartal 2024", date(2024, 9, 30)),
        ("3. kvt. 2024", date(2024, 9, 30)),
        ("3 kvt 2024", date(2024, 9, 30)),
        ("Q3 2024", date(2024, 9, 30)),
        ("q1 2025", date(2025, 3, 31)),
        ("Q4 2024", date(2024, 12, 31)),
        ("2024-Q2", date(2024, 6, 30)),
        ("kvartal 3 2024", date(2024, 9, 30)),
        ("kvartal 3 2008", date(2008, 9, 30)),
        ("tredje kvartalet 2008", date(2008, 9, 30)),
        ("första kvartalet 2009", date(2009, 3, 31)),
        ("2. kvartal 2025", date(2025, 6, 30)),
        # a half year = its last day
        ("1. halvår 2025", date(2025, 6, 30)),
        ("udgangen af 2. halvår 2025", date(2025, 12, 31)),
        ("första halvåret 2009", date(2009, 6, 30)),
        ("H1 2026", date(2026, 6, 30)),
        ("h2 2026", date(2026, 12, 31)),
        # primo/medio/ultimo a month = its 1st, 15th and last day
        ("primo oktober 2026", date(2026, 10, 1)),
        ("Primo marts 2025", date(2025, 3, 1)),
        ("medio marts 2025", date(2025, 3, 15)),
        ("Medio feb. 2024", date(2024, 2, 15)),
        ("ultimo februar 2024", date(2024, 2, 29)),
        # an ISO week = its Sunday
        ("uge 13 2026", date(2026, 3, 29)),
        ("Uge 13, 2026", date(2026, 3, 29)),
        ("uge 1 2026", date(2026, 1, 4)),
        ("vecka 13 2026", date(2026, 3, 29)),
        ("v. 13 2026", date(2026, 3, 29)),
        ("Senest uge 40 i 2025", date(2025, 10, 5)),
        ("2026-W13", date(2026, 3, 29)),
        ("uge 53 2026", date(2027, 1, 3)),  # 2026 has 53 ISO weeks
        # a year's end
        ("ultimo 2025", date(2025, 12, 31)),
        ("Ultimo 2025", date(2025, 12, 31)),
        ("udgangen af 2025", date(2025, 12, 31)),
        ("inden udgangen af 2025", date(2025, 12, 31)),
        ("utgången av 2008", date(2008, 12, 31)),
        ("slutet av 2008", date(2008, 12, 31)),
    ],
)
def test_parse_date(value: CellValue, expected: date) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "Fortløbende",
        "fortløbende",
        "Fortlöpande",
        "Løbende",
        "Löpande",
        "Løbende/kontinuerligt",
        "Kontinuerligt",
        "Utefter behov",
        "Efter behov",
        "Ved behov",
        "Vid behov",
        "Ingen frist",
        "Fortløbende og efter behov",
    ],
)
def test_parse_date_no_deadline(value: str) -> None:
    assert parse_date(value) is NO_DEADLINE
    assert parse_dates(value) == ()


@pytest.mark.parametrize(
    "value",
    [
        "Höst 2008",
        "Hösten 2008",
        "hösten",
        "Vår 2009",
        "Våren 2009",
        "Efterår 2025",
        "efteråret 2025",
        "Forår 2025",
        "sommer 2025",
        "Sommaren 2008",
        "vinter 2025",
        "Oktober/november 2008",
        "oktober-november 2008",
        "maj - juni",
        "maj – juni 2025",
        "primo 2025",
        "medio 2025",
        "uge 13",
        "vecka 13",
        "marts",
        "17. marts",
        "3. kvartal",
        "Q3",
        "2025",
        "2008-2010",
        "17-03",
        "Senest 1/7",
        "Under hösten 2008 och fortlöpande",
    ],
)
def test_parse_date_vague(value: str) -> None:
    with pytest.raises(VagueDate):
        parse_date(value)
    assert parse_dates(value) == ()


@pytest.mark.parametrize(
    ("value", "da", "sv"),
    [
        (
            "Höst 2008",
            "'Höst 2008' er ikke en dato. Skriv en dato, fx 30-11-2008.",
            "'Höst 2008' är inget datum. Skriv ett datum, t.ex. 2008-11-30.",
        ),
        (
            "Efterår 2025",
            "'Efterår 2025' er ikke en dato. Skriv en dato, fx 30-11-2025.",
            "'Efterår 2025' är inget datum. Skriv ett datum, t.ex. 2025-11-30.",
        ),
        (
            "Vår 2009",
            "'Vår 2009' er ikke en dato. Skriv en dato, fx 31-05-2009.",
            "'Vår 2009' är inget datum. Skriv ett datum, t.ex. 2009-05-31.",
        ),
        (
            "Oktober/november 2008",
            "'Oktober/november 2008' er ikke en dato. Skriv en dato, fx 30-11-2008.",
            "'Oktober/november 2008' är inget datum. Skriv ett datum, t.ex. 2008-11-30.",
        ),
    ],
)
def test_vague_date_messages(value: str, da: str, sv: str) -> None:
    with pytest.raises(VagueDate) as e:
        parse_date(value)
    assert e.value.message("da") == da
    assert e.value.message("sv") == sv


@pytest.mark.parametrize(
    "value",
    [
        "31-02-2025",
        "29-02-2025",
        "2025-13-01",
        "32. marts 2025",
        "31 april 2025",
        "00-01-2025",
        "Senast 31 juni 2008",
        "uge 54 2026",
        "uge 53 2025",  # 2025 has 52 ISO weeks
    ],
)
def test_parse_date_impossible_day(value: str) -> None:
    with pytest.raises(ValueProblem) as e:
        parse_date(value)
    assert not isinstance(e.value, VagueDate)
    assert "findes ikke" in e.value.message("da")
    assert "finns inte" in e.value.message("sv")
    with pytest.raises(ValueProblem):
        parse_dates(value)


@pytest.mark.parametrize(
    "value",
    [
        45000,  # an Excel serial number is not read as a date
        45000.5,
        D(45000),
        True,
        "snarest",
        "når det passer",
        "",
        None,
        ExcelError("#N/A"),
    ],
)
def test_parse_date_problems(value: CellValue) -> None:
    with pytest.raises(ValueProblem) as e:
        parse_date(value)
    assert not isinstance(e.value, VagueDate)


def test_parse_date_serial_number_asks_for_a_date() -> None:
    with pytest.raises(ValueProblem) as e:
        parse_date(45000)
    assert "er ikke en dato" in e.value.message("da")
    assert "är inget datum" in e.value.message("sv")


def test_parse_date_excel_error_names_the_error() -> None:
    with pytest.raises(ValueProblem) as e:
        parse_date(ExcelError("#N/A"))
    assert "#N/A" in e.value.message("da")
    assert "#N/A" in e.value.message("sv")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("31 augusti 2008 31 december 2008", (date(2008, 8, 31), date(2008, 12, 31))),
        ("Maj 2008 Maj 2008 Höst 2008", (date(2008, 5, 31), date(2008, 5, 31))),
        (
            "September 2008 Oktober/november 2008 December 2008",
            (date(2008, 9, 30), date(2008, 12, 31)),
        ),
        ("Maj 2008 September 2008", (date(2008, 5, 31), date(2008, 9, 30))),
        ("17-03-2025 og 2025-06-30", (date(2025, 3, 17), date(2025, 6, 30))),
        ("Juni 2008", (date(2008, 6, 30),)),
        (date(2025, 1, 2), (date(2025, 1, 2),)),
        (datetime(2025, 1, 2, 8, 0), (date(2025, 1, 2),)),
        ("Fortlöpande", ()),
        ("Höst 2008", ()),
        ("snarest", ()),
        (None, ()),
        ("", ()),
    ],
)
def test_parse_dates(value: CellValue, expected: tuple[date, ...]) -> None:
    assert parse_dates(value) == expected


@pytest.mark.parametrize("value", [45000, True, ExcelError("#REF!")])
def test_parse_dates_problems(value: CellValue) -> None:
    with pytest.raises(ValueProblem):
        parse_dates(value)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)))
def test_date_formats_round_trip(d: date) -> None:
    months_da = [
        "januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
        "oktober", "november", "december",
    ]  # fmt: skip
    months_sv = [
        "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
        "oktober", "november", "december",
    ]  # fmt: skip
    for text in (
        f"{d:%d-%m-%Y}",
        f"{d:%d.%m.%Y}",
        f"{d.day}/{d.month}/{d.year}",
        d.isoformat(),
        f"{d.day}. {months_da[d.month - 1]} {d.year}",
        f"{d.day} {months_sv[d.month - 1]} {d.year}",
        f"Senast {d.day} {months_sv[d.month - 1]} {d.year}",
    ):
        assert parse_date(text) == d, text


@given(st.text())
def test_parse_date_only_raises_value_problem(text: str) -> None:
    try:
        result = parse_date(text)
    except ValueProblem:
        return
    assert result is NO_DEADLINE or isinstance(result, date)


# --------------------------------------------------------------------------------------------
# Case dates


@pytest.mark.parametrize(
    ("value", "expected"),
    [("17-03-2025", date(2025, 3, 17)), (date(2025, 3, 17), date(2025, 3, 17))],
)
def test_parse_case_date(value: CellValue, expected: date) -> None:
    assert parse_case_date(value) == expected


@pytest.mark.parametrize("value", ["Fortløbende", "Höst 2025", "ukendt", D(45000), "uge 13"])
def test_case_dates_speak_of_cases_not_milestones(value: CellValue) -> None:
    with pytest.raises(ValueProblem) as e:
        parse_case_date(value)
    assert "Fortløbende" not in e.value.message("da").split("'")[-1]
    if isinstance(value, str):
        assert "sagen" in e.value.message("da") and "ärendet" in e.value.message("sv")
