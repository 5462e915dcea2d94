"""Number format codes: which section shows a value, and when a format can show another value."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from calc.xlsx.numfmt import BUILTIN, code_for, misleading, split_sections

HONEST = [
    # The template's own formats and the plain ones.
    ("General", D("87.2")),
    ('0.0" %"', D("87.2")),
    ('General" %"', D("87.2")),
    ('#,##0" kr."', D(122599)),
    ("0.00", D("6.66666666666667")),
    ("#,##0.00", D(-5)),  # one section: Excel adds the minus itself
    ("0", D("99.6")),  # rounding to the format's decimals is display, not a lie
    ("# ##0", D(1234)),  # digits grouped by a space
    ("[Red]0.00;[Blue]-0.00", D(-5)),
    ("0.00;[Red]0.00", D(5)),  # the negative section is not used for 5
    ("0_);\\(0\\)", D(-5)),  # parentheses show the sign
    ("[$kr.-406] #,##0", D(5)),
    ("[$-406]0.00", D(5)),
    ('0 "mio."', D(5)),  # a unit word is shown, digits and signs are not added
    ("0;-0;0", D(0)),
    ('_-* #,##0.00 "kr."_-;-* #,##0.00 "kr."_-;_-* "-"?? "kr."_-;_-@_-', D(0)),  # dash = 0
    ('_-* #,##0.00 "kr."_-;-* #,##0.00 "kr."_-;_-* "-"?? "kr."_-;_-@_-', "Opfyldt"),
    ("@", D(5)),  # a number in a text-formatted cell is shown as General
    ("@", "Opfyldt"),
    ('"100"', "Opfyldt"),  # no text section: text is shown as it is
    (";;;", None),  # an empty cell shows nothing under any format
]

LIES = [
    ('0;-0;"5"', D(0), "afsnittet for tallet viser ikke tallet (viser «5»)"),
    (';;;"Opfyldt"', "Ikke opfyldt", "tekstafsnittet viser ikke teksten (viser «Opfyldt»)"),
    (';;;"Opfyldt"', D(5), "viser ikke tallet (viser intet)"),
    ('"100"', D("68.83"), "viser ikke tallet (viser «100»)"),
    ("0;;", D(0), "viser ikke tallet (viser intet)"),  # three sections: zero is the third
    ("0%", D(87), "ganger tallet med 100"),
    ("0.00;0.00", D(-5), "det negative tal uden minus"),
    ('0"."0', D(87), "sætter «.» ind mellem cifrene"),
    ('"1"0', D(5), "cifferet «1»"),
    ('"-"0', D(5), "tegnet «-»"),
    ("(0)", D(5), "tegnet «(»"),
    ('"."0', D(5), "«.» direkte foran tallet"),
    ("0,", D(5000), "dividerer tallet med 1000"),
    ("0.0,", D(5), "dividerer tallet med 1000"),
    ("#", D("0.4"), "små tal som ingenting"),
    ("*1 0", D(5), "fylder cellen med «1»"),
    ("dd-mm-yyyy", D(45000), "som dato"),
    ("0.00E+00", D(87), "videnskabelig notation"),
    ("# ?/?", D("0.5"), "som brøk"),
    ("[<0]0;0", D(1), "betingelser"),
    ('"Status: "@', "Opfyldt", "tilføjer tekst"),
    ("@@", "Opfyldt", "flere gange"),
    ("[DBNum1]0", D(5), "«[DBNum1]»"),
    ('0"', D(5), "som Målscore ikke kan stå inde for"),
    ("0;0;0;@;0", D(5), "mere end fire afsnit"),
    ("[ukendt talformat 5]", D(5), "ukendt"),
]


@pytest.mark.parametrize(("code", "value"), HONEST)
def test_honest_formats(code: str, value: object) -> None:
    assert misleading(code, value) is None


def test_three_semicolons_hide_text_too() -> None:
    assert misleading(";;;", "#N/A") == "tekstafsnittet viser ikke teksten (viser intet)"


@pytest.mark.parametrize(("code", "value", "why"), LIES)
def test_formats_that_can_show_another_value(code: str, value: object, why: str) -> None:
    got = misleading(code, value)
    assert got is not None and why in got


def test_which_section_shows_zero_and_negatives() -> None:
    """Two sections: zero is shown by the first; three: by the third. One section: Excel adds
    the minus; two or more: the second section must show it."""
    assert misleading('0;"neg"', D(0)) is None
    assert misleading('0;"neg"', D(-1)) is not None
    assert misleading('0;-0;"nul"', D(0)) is not None
    assert misleading('0;-0;"nul"', D(1)) is None
    assert misleading("0", D(-1)) is None
    assert misleading("0;0", D(-1)) is not None


def test_dates_and_booleans_are_judged_as_numbers() -> None:
    assert misleading("0", date(2025, 1, 1)) is None
    assert misleading('"5"', True) is not None


def test_builtins() -> None:
    assert code_for(0, {}) == "General" and code_for(164, {164: '0" %"'}) == '0" %"'
    assert code_for(5, {}).startswith("[ukendt talformat")
    plain = [i for i, code in BUILTIN.items() if misleading(code, D("87.2")) is None]
    assert plain == [0, 1, 2, 3, 4, 37, 38, 39, 40, 41, 42, 43, 44, 49]
    assert split_sections('0;"a;b";[<0]x;\\;') == ["0", '"a;b"', "[<0]x", "\\;"]
