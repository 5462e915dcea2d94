"""The add-in's glue against the CLI: same workbook in, same cells out.

Each example workbook is loaded into xlwings' remote engine, Beregn runs, the recorded write
actions are replayed on the sheet grids and compared cell for cell with the file that
`maalscore beregn` writes. Both runs use the same time of calculation (`NOW`; the CLI's clock is
frozen), so the Resultat sheet's "Beregnet" cell is compared too; nothing is excluded.
"""

from __future__ import annotations

import asyncio
import shutil
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import xlwings as xw

import calc.cli
import calc.engine
from calc.grid import WorkbookGrids
from calc.template import MAAL
from excel_addin import glue
from tests.conftest import WORKBOOKS
from tests.excel_addin.harness import (
    actions,
    apply_actions,
    normalised,
    open_book,
    read_values,
    value_writes,
)

EXAMPLES = sorted(WORKBOOKS.glob("eksempel-*.xlsx"))
NOW = datetime(2026, 1, 15, 9, 30)

# Write actions per sheet, per example, when formulas and formats are known (desktop, Lite):
# Mål, Milepæle, Resultatløn and Resultat each go out in one range write.
MAX_WRITES_PER_SHEET = 1
# Without formula knowledge no empty cell may be used to join blocks, so ragged sheets
# (Resultat) take a few more writes; still a handful, never one per cell.
MAX_WRITES_PER_SHEET_UNKNOWN = 12


class _FrozenClock(datetime):
    @classmethod
    def now(cls, tz: Any = None) -> datetime:
        return NOW


def cli_grids(
    src: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[int, dict[str, list[list[Any]]] | None]:
    out = tmp_path / "cli" / src.name
    out.parent.mkdir(parents=True, exist_ok=True)
    with monkeypatch.context() as m:
        m.setattr(calc.engine, "datetime", _FrozenClock)
        code = calc.cli.main(["beregn", str(src), "--ud", str(out)])
    return code, (read_values(out) if out.exists() else None)


def run_addin(src: Path, edits: dict[tuple[str, str], Any] | None = None) -> tuple[Any, Any]:
    book = open_book(src, edits)
    outcome = glue.beregn_book(book, now=NOW)
    return book, outcome


def assert_same_cells(before: dict[str, Any], after: dict[str, Any], cli: dict[str, Any]) -> None:
    for name in before:
        got, want = normalised(after[name]), normalised(cli[name])
        diff = {
            k: (got.get(k), want.get(k)) for k in set(got) | set(want) if got.get(k) != want.get(k)
        }
        assert not diff, f"{name}: {sorted(diff.items())[:10]}"


def copy(src: Path, tmp_path: Path) -> Path:
    dst = tmp_path / src.name
    shutil.copyfile(src, dst)
    return dst


@pytest.mark.parametrize("src", EXAMPLES, ids=lambda p: p.name[:12])
def test_desktop_writes_equal_the_cli_cell_for_cell(
    src: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, desktop: None, capsys: Any
) -> None:
    src = copy(src, tmp_path)
    code, cli = cli_grids(src, tmp_path, monkeypatch)
    assert code == 0 and cli is not None
    book, outcome = run_addin(src)
    assert outcome.evaluation.ok and not outcome.limitations
    before = read_values(src)
    assert_same_cells(before, apply_actions(before, actions(book)), cli)
    writes = value_writes(book)
    scored = {n: k for n, k in writes.items() if n in before}
    with capsys.disabled():
        print(f"\n{src.name}: writes per sheet {writes}, all actions {len(actions(book))}")
    assert scored and all(k <= MAX_WRITES_PER_SHEET for k in scored.values()), writes
    # One range write per block, never one per cell.
    assert len(outcome.blocks) == sum(scored.values())
    assert sum(len(r) * len(r[0]) for b in outcome.blocks for r in [b.values]) >= len(
        outcome.evaluation.updates
    )


@pytest.mark.parametrize("src", EXAMPLES, ids=lambda p: p.name[:12])
def test_remote_engine_without_formulas_still_agrees(
    src: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    """The plain remote engine cannot tell formulas or formats; the examples have neither, so
    the results still agree, with a few more writes because no empty cell is assumed safe."""
    src = copy(src, tmp_path)
    _, cli = cli_grids(src, tmp_path, monkeypatch)
    book, outcome = run_addin(src)
    assert any("formulas unknown" in x for x in outcome.limitations)
    before = read_values(src)
    assert_same_cells(before, apply_actions(before, actions(book)), cli)
    writes = {n: k for n, k in value_writes(book).items() if n in before}
    with capsys.disabled():
        print(f"\n{src.name} (formulas unknown): writes per sheet {writes}")
    assert all(k <= MAX_WRITES_PER_SHEET_UNKNOWN for k in writes.values()), writes


def test_lite_script_writes_the_same_as_the_add_in(monkeypatch: pytest.MonkeyPatch) -> None:
    """`excel_addin.lite.beregn` (async, as xlwings Lite runs it) takes the same path."""
    import inspect

    from excel_addin import lite

    assert list(inspect.signature(lite.beregn).parameters) == ["book"]
    src = EXAMPLES[0]
    sync_book, _ = run_addin(src)
    lite_book = open_book(src)
    original = glue.evaluate
    seen: list[datetime | None] = []

    def at_now(grids: WorkbookGrids, *, now: datetime | None = None) -> Any:
        seen.append(now)
        return original(grids, now=NOW)

    monkeypatch.setattr(glue, "evaluate", at_now)
    asyncio.run(lite.beregn(lite_book))
    assert seen == [None]
    assert actions(lite_book) == actions(sync_book)


def test_workbook_with_errors_lists_problems_and_writes_no_results(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, desktop: None
) -> None:
    src = copy(EXAMPLES[0], tmp_path)
    wb = openpyxl.load_workbook(src)
    wb["Mål"]["F2"] = "tyve"  # Vægt of goal 1.a: text where a number belongs
    wb.save(src)
    code, _ = cli_grids(src, tmp_path, monkeypatch)
    assert code == calc.cli.EXIT_WORKBOOK_ERRORS

    book, outcome = run_addin(src)
    ev = outcome.evaluation
    assert not ev.ok and not outcome.blocks
    before = read_values(src)
    writes = value_writes(book)
    assert set(writes) == {"Problemer"} and writes["Problemer"] == 1
    after = apply_actions(before, actions(book))
    for name in before:
        assert normalised(after[name]) == normalised(before[name])
    problems = after["Problemer"]
    assert problems[0] == ["Ark", "Celle", "Type", "Besked"]
    assert problems[1][:3] == ["Mål", "F2", "Fejl"] and "tyve" in problems[1][3]
    assert len(problems) == 1 + len(ev.issues)
    alerts = [a for a in actions(book) if a["func"] == "alert"]
    assert len(alerts) == 1
    text, title, _, mode, _ = alerts[0]["args"]
    assert title == "Målscore" and mode == "critical"
    assert "intet er beregnet" in text and "Mål!F2" in text and "Problemer" in text


def test_warnings_are_listed_and_results_still_written(tmp_path: Path, desktop: None) -> None:
    src = copy(EXAMPLES[3], tmp_path)  # Migrationsverket (Swedish), no performance pay
    wb = openpyxl.load_workbook(src)
    wb["Handlingsplan"]["I1"] = "Status 2008"  # a column Målscore does not know: a warning
    wb.save(src)
    book, outcome = run_addin(src)
    ev = outcome.evaluation
    assert ev.ok and outcome.blocks
    assert [(i.cell, i.severity) for i in ev.issues] == [("I1", "warning"), ("", "info")]
    after = apply_actions(read_values(src), actions(book))
    assert outcome.problems_sheet == "Problem"  # the workbook is Swedish
    assert after["Problem"] == [
        ["Blad", "Cell", "Typ", "Meddelande"],
        ["Handlingsplan", "I1", "Varning", ev.issues[0].message],
        ["Resultatlön", None, "Info", "Inga personer på bladet: ingen resultatlön att beräkna."],
    ]
    alert = next(a for a in actions(book) if a["func"] == "alert")
    text = alert["args"][0]
    assert alert["args"][3] == "info" and "Beräknat" in text
    assert "ingen resultatlön att beräkna" in text and "1 varning(ar)" in text
    # The user stays on their sheet when there are only warnings.
    funcs = [(a["func"], a["args"]) for a in actions(book)]
    added = funcs.index(("addSheet", [8, "Problem"]))  # after Vägledning, the last of 8
    assert ("activateSheet", [0]) in funcs[added:]


def test_an_info_line_is_shown_in_the_message_box_without_adding_a_sheet(
    tmp_path: Path, desktop: None
) -> None:
    src = copy(EXAMPLES[3], tmp_path)  # no performance pay: one info line, nothing else
    book, outcome = run_addin(src)
    ev = outcome.evaluation
    assert ev.ok and outcome.blocks and [i.severity for i in ev.issues] == ["info"]
    assert outcome.problems_sheet is None
    assert not any(a["func"] == "addSheet" for a in actions(book))
    alert = next(a for a in actions(book) if a["func"] == "alert")
    assert alert["args"][3] == "info"
    assert alert["args"][0].splitlines()[-1] == (
        "Inga personer på bladet: ingen resultatlön att beräkna."
    )
    assert "varning" not in alert["args"][0]


def test_an_old_problems_sheet_is_emptied_when_the_problems_are_gone(
    tmp_path: Path, desktop: None
) -> None:
    src = copy(EXAMPLES[0], tmp_path)
    wb = openpyxl.load_workbook(src)
    ws = wb.create_sheet("Problemer")
    ws.append(["Ark", "Celle", "Type", "Besked"])
    ws.append(["Mål", "F2", "Fejl", "gammel fejl"])
    wb.save(src)
    book, _ = run_addin(src)
    after = apply_actions(read_values(src), actions(book))
    assert after["Problemer"] == [
        ["Ark", "Celle", "Type", "Besked"],
        ["Ingen problemer ved seneste beregning.", None, None, None],
    ]


def test_unsaved_edits_are_what_gets_scored(tmp_path: Path, desktop: None) -> None:
    """The values on screen are scored, not the file: an edit not yet saved changes the result."""
    src = EXAMPLES[0]
    _, saved = run_addin(src)
    _, edited = run_addin(src, edits={("Mål", "S3"): 99.0})  # 1.a.1: 112 → 99, below 100

    def points(outcome: Any) -> Any:
        return outcome.evaluation.scorecard.result("1.a.1").points

    assert points(saved) > 0 and points(edited) == 0


def test_percent_formatted_input_is_read_as_a_percentage(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, desktop: None
) -> None:
    """Goal 1.d's result typed as 0,88 in a cell formatted 0 % means 88, in the CLI and here."""
    src = copy(EXAMPLES[0], tmp_path)
    wb = openpyxl.load_workbook(src)
    cell = wb["Mål"]["S8"]
    assert wb["Mål"]["A8"].value == "1.d" and cell.value == 88
    cell.value = 0.88
    cell.number_format = "0%"
    wb.save(src)
    _, cli = cli_grids(src, tmp_path, monkeypatch)
    book, outcome = run_addin(src)
    assert outcome.read.sheet("Mål") is not None
    assert (7, 18) in outcome.read.sheet("Mål").grid.percent  # type: ignore[union-attr]
    assert outcome.evaluation.scorecard.result("1.d").fulfilment == 0  # 88 < 90: not met
    before = read_values(src)
    assert_same_cells(before, apply_actions(before, actions(book)), cli)


def test_a_formula_in_an_output_cell_is_never_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, desktop: None
) -> None:
    src = copy(EXAMPLES[0], tmp_path)
    wb = openpyxl.load_workbook(src)
    point = f"{MAAL.letter('Point')}3"  # the Point cell of goal 1.a.1
    wb["Mål"][point] = "=F3*2"
    wb.save(src)
    code, _ = cli_grids(src, tmp_path, monkeypatch)
    assert code == calc.cli.EXIT_WORKBOOK_ERRORS
    book, outcome = run_addin(src)
    assert not outcome.evaluation.ok and not outcome.blocks
    assert any(i.cell == point and "formel" in i.message for i in outcome.evaluation.issues)
    assert set(value_writes(book)) == {"Problemer"}


def test_main_runs_unchanged_and_restores_excel_even_on_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import excel_addin

    book = open_book(EXAMPLES[0])
    book.set_mock_caller()

    def boom(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("noget gik galt")

    monkeypatch.setattr(glue, "plan_blocks", boom)
    try:
        excel_addin.main()
    finally:
        del xw.Book._mock_caller
    recorded = [(a["func"], a["args"]) for a in actions(book)]
    assert recorded[:2] == [("setScreenUpdating", [False]), ("setCalculation", ["Manual"])]
    assert ("setCalculation", ["Automatic"]) in recorded
    assert ("setScreenUpdating", [True]) in recorded
    assert not [f for f, _ in recorded if f == "setValues"]
    func, args = recorded[-1]
    assert func == "alert" and args[3] == "critical"
    assert "RuntimeError: noget gik galt" in args[0] and "intet er skrevet" in args[0]


def test_a_refused_block_is_written_cell_by_cell(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, desktop: None
) -> None:
    """Excel refuses a range write that cuts through a merged area; the block's own cells are
    then written one at a time, and the result is still the CLI's."""
    from xlwings.pro import _xlremote

    original = _xlremote.Range.raw_value

    def setter(self: Any, value: Any) -> None:
        if self.shape != (1, 1):
            raise RuntimeError("Cannot change part of a merged cell.")
        original.fset(self, value)

    src = copy(EXAMPLES[2], tmp_path)
    _, cli = cli_grids(src, tmp_path, monkeypatch)
    monkeypatch.setattr(_xlremote.Range, "raw_value", property(original.fget, setter))
    book, outcome = run_addin(src)
    assert outcome.evaluation.ok
    before = read_values(src)
    assert_same_cells(before, apply_actions(before, actions(book)), cli)
    assert value_writes(book)["Mål"] == sum(u.sheet == "Mål" for u in outcome.evaluation.updates)


def test_an_interrupted_write_is_reported_as_such(monkeypatch: pytest.MonkeyPatch) -> None:
    import excel_addin

    book = open_book(EXAMPLES[0])
    book.set_mock_caller()

    def fail(*args: Any) -> None:
        raise OSError("Excel svarer ikke")

    monkeypatch.setattr(glue, "_write_blocks", fail)
    try:
        excel_addin.main()
    finally:
        del xw.Book._mock_caller
    func, args = [(a["func"], a["args"]) for a in actions(book)][-1]
    assert func == "alert" and "afbrudt under skrivningen" in args[0]
    assert "OSError: Excel svarer ikke" in args[0]


def test_problems_stay_visible_when_the_sheet_cannot_be_added(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = copy(EXAMPLES[0], tmp_path)
    wb = openpyxl.load_workbook(src)
    wb["Mål"]["F2"] = "tyve"
    wb.save(src)

    def protected(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("The workbook is protected.")

    monkeypatch.setattr(glue, "write_problems", protected)
    _, outcome = run_addin(src)
    assert outcome.problems_sheet is None
    assert "Mål!F2" in outcome.message and "Problemer" not in outcome.message


def test_a_users_own_sheet_named_problemer_is_left_alone(tmp_path: Path, desktop: None) -> None:
    src = copy(EXAMPLES[1], tmp_path)
    wb = openpyxl.load_workbook(src)
    wb["Sagsdata"].append(["9", "X-1", None, None, None, "Ja", 3])  # one warning to list
    wb.create_sheet("Problemer").append(["Vores egne noter", 42])
    wb.save(src)
    book, outcome = run_addin(src)
    assert outcome.problems_sheet is None
    assert "Problemer" not in value_writes(book)
    assert not [a for a in actions(book) if a["func"] in ("sheetClearContents", "addSheet")]
    warning = outcome.evaluation.issues[0]
    assert f"{warning.location()}: {warning.message}" in outcome.message


def test_main_scores_the_calling_book(desktop: None) -> None:
    """What the ribbon button runs (`import excel_addin; excel_addin.main()`), unchanged."""
    import excel_addin

    book = open_book(EXAMPLES[2])
    book.set_mock_caller()
    try:
        excel_addin.main()
    finally:
        del xw.Book._mock_caller
    assert value_writes(book) == {"Mål": 1, "Milepæle": 1, "Resultatløn": 1, "Resultat": 1}
    func, args = [(a["func"], a["args"]) for a in actions(book)][-1]
    assert func == "alert" and args[3] == "info"
    assert args[0].startswith("Beregnet: 73 af 100 point (73 %)")


def test_a_formula_showing_nothing_is_not_used_to_join_blocks(
    tmp_path: Path, desktop: None
) -> None:
    """Resultat!C3 holds a formula whose value is empty: the ragged summary then goes out in
    more than one block, and none of them covers C3."""
    src = copy(EXAMPLES[0], tmp_path)
    wb = openpyxl.load_workbook(src)
    wb["Resultat"]["C3"] = '=""'
    wb.save(src)
    book, outcome = run_addin(src)
    assert outcome.evaluation.ok
    assert (2, 2) in outcome.read.sheet("Resultat").grid.formulas  # type: ignore[union-attr]
    covered = {
        (b.row + r, b.col + c)
        for b in outcome.blocks
        if b.sheet == "Resultat"
        for r in range(b.shape[0])
        for c in range(b.shape[1])
    }
    assert (2, 2) not in covered
    assert 1 < value_writes(book)["Resultat"] <= 4


def test_the_plan_sheets_case_file_is_read_as_beregn_reads_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, desktop: None
) -> None:
    """Sagsdata named on the Plan sheet (here a case file beside the workbook) is what the
    add-in scores too, with the same numbers as `maalscore beregn`."""
    from tests.casebuild import CASE_HEADER, build_plan

    book_path = build_plan(tmp_path / "plan.xlsx", [("Sagsdata", "sager.csv")])
    rows = [
        ["1", f"S{i}", "02-01-2025", f"{1 + i % 28:02d}-02-2025", "", "Ja", ""] for i in range(40)
    ]
    (tmp_path / "sager.csv").write_text(
        "\n".join(";".join(r) for r in [CASE_HEADER, *rows]) + "\n", encoding="cp1252"
    )
    monkeypatch.chdir(tmp_path)  # the remote engine's book has no folder: beside it is here
    want = calc.engine.evaluate(calc.engine.load_grids(book_path, calc.engine.FileOptions()))
    _, outcome = run_addin(book_path)
    assert outcome.evaluation.ok
    assert outcome.evaluation.scorecard == want.scorecard
    (tmp_path / "sager.csv").unlink()
    _, missing = run_addin(book_path)
    assert not missing.evaluation.ok and not missing.blocks
    assert "sager.csv" in missing.message and "findes ikke" in missing.message
