"""Performance pay: the three models, Skøn, Bortfald, caps and whole kroner."""

from __future__ import annotations

from decimal import Decimal as D
from fractions import Fraction

import pytest

from calc.model import PayModel, Person
from calc.pay import compute_pay


def person(**kw):
    base = dict(
        row=1,
        name="Direktør",
        title="",
        base=D(1_000_000),
        max_pct=D(15),
        max_amount=None,
        model=PayModel.LINEAR,
        threshold=None,
        steps=(),
        adjustment=D(0),
        adjustment_is_pct=False,
        reason="",
        withheld=False,
    )
    return Person(**{**base, **kw})


@pytest.mark.parametrize(
    ("kw", "score", "computed", "payout"),
    [
        ({}, 80, 120_000, 120_000),
        ({}, Fraction(875, 10), 131_250, 131_250),
        ({"model": PayModel.THRESHOLD, "threshold": D(60)}, 59, 0, 0),
        ({"model": PayModel.THRESHOLD, "threshold": D(60)}, 60, 90_000, 90_000),
        (
            {"model": PayModel.STEPS, "steps": ((D(95), D(100)), (D(85), D(75)), (D(0), D(0)))},
            90,
            112_500,
            112_500,
        ),
        ({"adjustment": D(-5000), "reason": "x"}, 80, 120_000, 115_000),
        (
            {"adjustment": D(10), "adjustment_is_pct": True, "reason": "x"},
            100,
            150_000,
            150_000,
        ),  # never above the maximum
        ({"adjustment": D(-200_000), "reason": "x"}, 80, 120_000, 0),  # never below 0
        ({"withheld": True, "reason": "Departementschefens vurdering"}, 100, 150_000, 0),
        (
            {"max_pct": None, "base": None, "max_amount": D(50_000)},
            Fraction(200, 3),
            33_333,
            33_333,
        ),
        ({"base": D("333333"), "max_pct": D("10")}, Fraction(1, 2) * 100, 16_667, 16_667),
    ],
)
def test_pay(kw, score, computed, payout):
    r = compute_pay(person(**kw), Fraction(score))
    assert (r.computed, r.payout) == (D(computed), D(payout))


def test_equal_weights_reach_a_threshold_exactly():
    score = Fraction(100, 12) * 9  # nine of twelve goals met with equal weights
    r = compute_pay(person(model=PayModel.THRESHOLD, threshold=D(75)), score)
    assert r.computed == 112_500


def test_explanation_shows_the_arithmetic():
    r = compute_pay(person(adjustment=D(-5000), reason="Sag om tilsyn"), Fraction(80))
    assert r.explanation == (
        "Maks. 15 % af 1.000.000 kr. = 150.000 kr.; lineær: målopfyldelse "
        "80 % → 120.000 kr.; skøn -5.000 kr. (Sag om tilsyn); udbetaling "
        "115.000 kr."
    )
