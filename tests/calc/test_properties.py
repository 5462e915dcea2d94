"""Properties of scoring that must hold for any plan (hypothesis).

- fulfilment stays within 0–100 % and points never exceed the weight;
- a better result never lowers the score;
- the total equals the sum of the top-level goals' points.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from calc.engine import evaluate
from tests.gridbuild import workbook

amount = st.decimals(min_value=0, max_value=1000, places=2, allow_nan=False, allow_infinity=False)
weight = st.decimals(min_value=Decimal("0.5"), max_value=50, places=1)


@st.composite
def numeric_goal(draw, nr: str):
    kind = draw(st.sampled_from(["mindst", "højst", "reduktion", "stigning"]))
    scale = draw(st.sampled_from(["binær", "lineær", "trin"]))
    target = draw(st.decimals(min_value=1, max_value=500, places=1))
    goal = {
        "Nr": nr,
        "Vægt": draw(weight),
        "Type": kind,
        "Målværdi": target,
        "Skala": scale,
        "Resultat": draw(amount),
    }
    lower_better = kind == "højst"
    if kind in ("reduktion", "stigning"):
        goal["Basis"] = draw(st.decimals(min_value=1, max_value=500, places=1))
        goal["Målværdi"] = target = draw(st.decimals(min_value=1, max_value=90, places=0))
    if scale == "lineær":
        gap = draw(st.decimals(min_value=1, max_value=100, places=0))
        goal["Nedre grænse"] = target + gap if lower_better else target - gap
    if scale == "trin":
        goal["Trin"] = f"{target}=100; {target - 1 if not lower_better else target + 1}=50"
    return goal


def _score(goals):
    ev = evaluate(workbook(goals))
    assert ev.ok, [i.message for i in ev.issues if i.is_error]
    return ev.scorecard


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.integers(0, 9999), min_size=1, max_size=6, unique=True).flatmap(
        lambda ids: st.tuples(*[numeric_goal(str(i)) for i in ids])
    )
)
def test_bounds_and_total(goals):
    card = _score(list(goals))
    for r in card.goals:
        if r.fulfilment is not None:
            assert 0 <= r.fulfilment <= 100
        assert 0 <= r.points <= r.weight
    assert card.total_points == sum(r.points for r in card.goals if r.is_top_level)
    assert 0 <= card.score_pct <= 100


@settings(max_examples=150, deadline=None)
@given(numeric_goal("1"), amount, amount)
def test_better_result_never_lowers_the_score(goal, a, b):
    lo, hi = sorted((a, b))
    higher_is_better = goal["Type"] in ("mindst", "stigning")
    worse, better = (lo, hi) if higher_is_better else (hi, lo)
    f_worse = _score([{**goal, "Resultat": worse}]).goals[0].points
    f_better = _score([{**goal, "Resultat": better}]).goals[0].points
    assert f_better >= f_worse


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(["Ja", "Nej", None]), min_size=1, max_size=5),
    st.sampled_from(["vægtet", "alle"]),
    weight,
)
def test_subgoal_parent_within_bounds(children, combine, w):
    goals = [{"Nr": "P", "Vægt": w, "Type": "delmål", "Samling": combine}]
    goals += [
        {"Nr": f"P.{i}", "Under": "P", "Type": "ja/nej", "Resultat": r}
        for i, r in enumerate(children)
    ]
    card = _score(goals)
    parent = card.result("P")
    assert 0 <= parent.points <= parent.weight
    assert card.total_points == parent.points
    child_points = sum(card.result(f"P.{i}").points for i in range(len(children)))
    if combine == "vægtet":
        assert parent.points == child_points
