"""Pure parts of the glue: values for Excel, write blocks, and the questions asked per sheet."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from calc.grid import CellUpdate, SheetGrid, WorkbookGrids, a1
from excel_addin import glue


def _read(grid: SheetGrid, formulas_known: bool = True) -> glue.BookRead:
    return glue.BookRead(
        WorkbookGrids((grid,)), (glue.SheetRead(grid, formulas_known, percent_known=True),)
    )


def test_excel_value_keeps_text_text_and_numbers_at_fifteen_digits() -> None:
    assert glue.excel_value(Decimal("8.333333333333333333333333333")) == 8.33333333333333
    assert glue.excel_value(Decimal("75")) == 75.0
    assert glue.excel_value(122599) == 122599
    assert glue.excel_value(None) is None
    assert glue.excel_value("Opfyldt") == "Opfyldt"
    # What Excel would otherwise turn into a date, number, formula, error or boolean:
    for text in ("2026-01-15 09:30", "85 %", "=A1", "-3", "#N/A", "SAND", "'quoted"):
        assert glue.excel_value(text) == "'" + text


def test_cell_value_matches_the_file_reader() -> None:
    from datetime import date, datetime

    assert glue.cell_value(75.0) == Decimal("75.0") and str(glue.cell_value(0.85)) == "0.85"
    assert glue.cell_value(datetime(2025, 3, 17)) == date(2025, 3, 17)
    assert glue.cell_value(datetime(2025, 3, 17, 8, 0)) == datetime(2025, 3, 17, 8, 0)
    assert glue.cell_value("#DIV/0!") == "#DIV/0!" and isinstance(glue.cell_value("#N/A"), str)
    assert type(glue.cell_value("#N/A")).__name__ == "ExcelError"
    assert glue.cell_value("") is None and glue.cell_value(True) is True


def test_a_ragged_summary_goes_out_in_one_block() -> None:
    grid = SheetGrid("Resultat", (("Udfyldes af Målscore",), ("gammel tekst",)))
    rows = [["Titel"], [], ["Point i alt", Decimal(68)], [], ["Område", "Point", "Mulige"]]
    updates = [
        CellUpdate("Resultat", a1(r, c), v) for r, row in enumerate(rows) for c, v in enumerate(row)
    ]
    updates.append(CellUpdate("Resultat", "A2", None))  # stale text from an earlier run
    blocks = glue.plan_blocks(updates, _read(grid))
    assert len(blocks) == 1
    assert blocks[0].values[1] == (None, None, None) and blocks[0].values[2][1] == 68.0


def test_a_formula_or_an_unknown_cell_is_never_part_of_a_block() -> None:
    grid = SheetGrid("Resultat", (), formulas=frozenset({(1, 0)}))
    updates = [CellUpdate("Resultat", ref, "x") for ref in ("A1", "A3", "B2")]
    blocks = glue.plan_blocks(updates, _read(grid))
    covered = {(b.row + r, b.col + c) for b in blocks for r, c in _cells(b)}
    assert (1, 0) not in covered and len(blocks) > 1
    unknown = glue.plan_blocks(updates, _read(grid, formulas_known=False))
    assert sum(len(b.values) * len(b.values[0]) for b in unknown) == 3


def _cells(block: glue.Block) -> list[tuple[int, int]]:
    return [(r, c) for r, row in enumerate(block.values) for c in range(len(row))]


@settings(max_examples=200, deadline=None)
@given(
    updates=st.dictionaries(
        st.tuples(st.integers(0, 12), st.integers(0, 6)), st.text("ab", max_size=2), min_size=1
    ),
    filled=st.sets(st.tuples(st.integers(0, 12), st.integers(0, 6))),
    formulas=st.sets(st.tuples(st.integers(0, 12), st.integers(0, 6))),
)
def test_blocks_write_exactly_the_updates(
    updates: dict[tuple[int, int], str], filled: set[Any], formulas: set[Any]
) -> None:
    rows = tuple(tuple("v" if (r, c) in filled else None for c in range(7)) for r in range(13))
    grid = SheetGrid("S", rows, formulas=frozenset(formulas))
    cell_updates = [CellUpdate("S", a1(r, c), v or None) for (r, c), v in updates.items()]
    blocks = glue.plan_blocks(cell_updates, _read(grid))
    seen: dict[tuple[int, int], Any] = {}
    for b in blocks:
        for r, c in _cells(b):
            pos = (b.row + r, b.col + c)
            assert pos not in seen, "blocks overlap"
            seen[pos] = b.values[r][c]
    for pos, v in seen.items():
        if pos in updates:
            assert v == glue.excel_value(updates[pos] or None)
        else:  # a filler: empty, no formula, written as empty
            assert v is None and pos not in filled and pos not in formulas
    assert set(updates) <= set(seen)


def _desktop_answers(formats: dict[tuple[int, int], str]) -> Any:
    """Answer like Excel: a range's number format when all its cells share it, else None."""
    asked: list[glue.Ask] = []

    def answer(ask: glue.Ask) -> Any:
        asked.append(ask)
        what, r0, c0, r1, c1 = ask
        if what == "formula":
            return [["" for _ in range(c0, c1 + 1)] for _ in range(r0, r1 + 1)]
        codes = {
            formats.get((r, c), "General") for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)
        }
        return codes.pop() if len(codes) == 1 else None

    return answer, asked


def _run(rows: Any, answer: Any) -> Any:
    gen = glue._sheet_facts(rows)
    try:
        ask = next(gen)
        while True:
            ask = gen.send(answer(ask))
    except StopIteration as stop:
        return stop.value


def test_percent_cells_are_found_with_few_questions() -> None:
    rows = [["Nr", "Resultat"]] + [[str(i), float(i)] for i in range(1, 129)]
    answer, asked = _desktop_answers({(77, 1): "0.0%"})
    formulas, percent = _run(rows, answer)
    assert formulas == frozenset() and percent == frozenset({(77, 1)})
    assert len(asked) <= 1 + 2 * 8 + 1  # one for formulas, a bisection down to one cell

    answer, asked = _desktop_answers({})
    assert _run(rows, answer)[1] == frozenset() and len(asked) == 2


def test_an_engine_that_cannot_answer_leaves_the_facts_unknown() -> None:
    rows = [["Nr", 1.0], ["x", 2.0]]
    assert _run(rows, lambda ask: glue.UNKNOWN) == (None, None)


def test_formula_answers_in_every_shape_an_engine_gives() -> None:
    assert glue.formula_positions("=A1", 2, 3) == {(2, 3)}
    assert glue.formula_positions((("1", "=B1"), ("", "x")), 0, 0) == {(0, 1)}
    assert glue.formula_positions(["=A1", "", "=C1"], 0, 0, single_row=True) == {(0, 0), (0, 2)}
    assert glue.formula_positions(["=A1", "", "=A3"], 0, 0) == {(0, 0), (2, 0)}


def test_one_question_per_column_however_its_numbers_are_spread() -> None:
    rows: list[list[Any]] = [["Mål", "Dage"]]
    for i in range(400):  # numbers with blanks and text between them
        rows.append(["1.c", float(i) if i % 3 else ("n/a" if i % 2 else None)])
    answer, asked = _desktop_answers({})
    assert _run(rows, answer) == (frozenset(), frozenset())
    assert [a[0] for a in asked] == ["formula", "number_format"]
