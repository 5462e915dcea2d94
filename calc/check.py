"""`maalscore tjek`: is a workbook's content the one Målscore calculated?

For each file: read it as `beregn` does, read the integrity stamp (`calc.stamp`), and compare
the input cells and the result cells with their fingerprints; when both are unchanged,
calculate again and compare the result cells with what the engine gives now. The verdict is
one of

- OK: inputs and results are as calculated, and a new calculation gives the same results;
- results edited by hand after calculation (the cells are named);
- results shown as something else than their value: a result cell's number format, hidden
  state or conditional formatting differs from what was stamped, or can show another value
  (`;;;"Opfyldt"`, `"100"`), or the sheet holding it is hidden since (the cells are named);
- inputs changed since calculation (the cells, or for a large Sagsdata the rows, are named);
- results that differ from a new calculation (e.g. a forged stamp, or another engine version);
- calculated in Excel: no stamp (the Excel add-in and xlwings Lite write values through Excel,
  which cannot write the stamp), but the Resultat sheet carries Målscore's version line and
  every result cell equals a new calculation of the inputs as they are now; also a stamped file
  recalculated in Excel after its inputs were changed (the changed inputs are named);
- never calculated (no stamp and no results from Målscore), or a damaged stamp;
- unreadable (the file cannot be read at all).

The time and version lines of the Resultat summary are not compared with a new calculation
(they name when and with what the file was calculated); their fingerprints still are.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from .errors import MaalscoreError
from .grid import Pos, SheetGrid, WorkbookGrids, a1, col_letter
from .stamp import (
    Stamp,
    StampError,
    canonical_result,
    fingerprint_inputs,
    fingerprint_results,
    input_grids,
    short_hash,
    written_values,
)
from .trend import LastYear

if TYPE_CHECKING:
    from .engine import Evaluation

OK = "ok"
EXCEL = "beregnet i excel"  # no (valid) stamp, results written in Excel equal a recalculation
NEVER = "aldrig beregnet"
EDITED = "resultater rettet"
DISPLAYED = "visning ændret"
CHANGED = "input ændret"
MISMATCH = "afviger fra ny beregning"
DAMAGED = "stempel beskadiget"
UNREADABLE = "kan ikke læses"

_META = re.compile(r"^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}|Målscore .*)$")
_VERSION_LINE = re.compile(r"^Målscore (\d\S*)$")
_TIME_LINE = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$")
# Verdicts that pass: the exit code of `tjek` is 0 and `ok` is true in --json.
PASSING = frozenset({OK, EXCEL})


@dataclass
class CheckResult:
    path: Path
    status: str = OK
    edited: list[str] = field(default_factory=list)  # result cells edited by hand
    changed: list[str] = field(default_factory=list)  # input cells (or row ranges) changed
    differs: list[str] = field(default_factory=list)  # results a new calculation disagrees with
    display: list[str] = field(default_factory=list)  # results shown as something else, why
    stamp: Stamp | None = None
    detail: str = ""
    excel: ExcelMarks | None = None  # Målscore's time and version lines on the Resultat sheet
    # The new calculation of the inputs as they are, when one was made, so a caller that
    # needs the numbers too (`maalscore samle`) does not calculate twice.
    evaluation: Evaluation | None = None

    @property
    def ok(self) -> bool:
        return self.status in PASSING

    def message(self) -> str:
        """One paragraph in Danish for the person checking."""
        s = self.stamp
        when = f"beregnet {s.time} med Målscore {s.version}" if s else ""
        if s is not None and s.followup_date is not None:
            when = f"opfølgning pr. {s.followup_date:%d-%m-%Y} {when}"
        if self.status == OK:
            return f"OK – {when}; input og resultater er uændrede."
        if self.status == EXCEL:
            return self._excel_message()
        if self.status in (NEVER, DAMAGED, UNREADABLE):
            return f"{self.status.upper()} – {self.detail}"
        if s is None and self.excel is not None:
            when = f"beregnet i Excel {self.excel.describe()} (uden stempel)"
        lines = [f"IKKE OK – {when}."]
        if self.edited:
            lines.append("Resultater rettet i hånden efter beregningen: " + _cells(self.edited))
        if self.display:
            lines.append(
                "Resultater, der vises anderledes end beregnet eller kan vise en anden værdi: "
                + _cells(self.display)
            )
        if self.changed:
            lines.append("Input ændret efter beregningen: " + _cells(self.changed))
        if self.differs:
            lines.append(
                "Resultaterne stemmer ikke med en ny beregning af de samme input: "
                + _cells(self.differs)
            )
        lines.append(self.detail or "Kør maalscore beregn igen, hvis ændringerne er tilsigtede.")
        return "\n  ".join(lines)

    def _excel_message(self) -> str:
        marks = self.excel.describe() if self.excel else ""
        lines = [
            f"BEREGNET I EXCEL – stemmer med genberegning: resultaterne er skrevet af Målscore "
            f"i Excel {marks} og er de samme, som en ny beregning af filens input giver."
        ]
        if self.stamp is None:
            lines.append(
                "Filen har intet stempel (Excel-tilføjelsesprogrammet og xlwings Lite kan ikke "
                "skrive det), så det kan ikke ses, om input er ændret efter beregningen; "
                "resultaterne passer til input, som de står nu."
            )
        else:
            lines.append(
                f"Stemplet er fra en tidligere beregning ({self.stamp.time}); siden er input "
                "ændret og beregnet igen i Excel: " + _cells(self.changed)
            )
        return "\n  ".join(lines)

    def to_json(self) -> dict[str, object]:
        excel = self.excel if self.stamp is None else None
        return {
            "file": str(self.path),
            "status": self.status,
            "ok": self.ok,
            "calculated": self.stamp.time if self.stamp else (excel.time if excel else None),
            "version": self.stamp.version if self.stamp else (excel.version if excel else None),
            "stamped": self.stamp is not None,
            "run": (self.stamp.run or "beregn") if self.stamp else None,
            "results_edited": self.edited,
            "display_changed": self.display,
            "inputs_changed": self.changed,
            "differs_from_recalculation": self.differs,
            "message": self.message(),
        }


def _cells(refs: list[str], limit: int = 40) -> str:
    shown = ", ".join(refs[:limit])
    return shown + (f" … og {len(refs) - limit} flere" if len(refs) > limit else "") + "."


def read_stamp(path: Path) -> Stamp | None:
    """The stamp in the file, None when there is none; StampError when it is damaged."""
    from .xlsx import ooxml

    if ooxml.legacy_format(path) is not None:
        return None
    with ooxml.open_zip(path) as zf:
        return Stamp.from_properties(ooxml.read_custom_properties(zf))


def check_file(
    path: Path,
    sagsdata: Path | None = None,
    last_year: Path | None = None,
    *,
    sagsdata_db: str | None = None,
    sagsquery: str | None = None,
) -> CheckResult:
    """Check one workbook; `sagsdata` is the separate case file `beregn` was given, if any,
    and `last_year` last year's workbook it was given with `--sidste-år`. A case database is
    used only when given here (`sagsdata_db`, `sagsquery`): never one the workbook names."""
    return check_and_read(path, sagsdata, last_year, sagsdata_db=sagsdata_db, sagsquery=sagsquery)[
        0
    ]


def check_and_read(
    path: Path,
    sagsdata: Path | None = None,
    last_year: Path | None = None,
    *,
    sagsdata_db: str | None = None,
    sagsquery: str | None = None,
) -> tuple[CheckResult, WorkbookGrids | None]:
    """`check_file`, and the grids it read (None for an unreadable file and for .xls/.xlsb,
    which are not read here), so that a caller needing the numbers too reads the file once."""
    from .engine import FileOptions, load_grids, load_last_year
    from .xlsx import ooxml

    result = CheckResult(Path(path))
    kind = ooxml.legacy_format(Path(path))
    if kind is not None:
        result.status = NEVER
        result.detail = (
            f"filen er i formatet .{kind}, som Målscore aldrig skriver i, så den kan ikke være "
            "beregnet og stemplet af Målscore. Gem den som .xlsx og kør maalscore beregn."
        )
        return result, None
    options = FileOptions(
        sagsdata=sagsdata,
        last_year=last_year,
        sagsdata_db=sagsdata_db,
        sagsquery=sagsquery,
        plan_database=False,
    )
    try:
        grids = load_grids(Path(path), options)
    except (MaalscoreError, OSError) as exc:
        result.status, result.detail = UNREADABLE, str(exc)
        return result, None
    try:
        stamp = read_stamp(Path(path))
    except StampError as exc:
        result.status, result.detail = DAMAGED, str(exc)
        return result, grids
    except (MaalscoreError, OSError) as exc:
        result.status, result.detail = UNREADABLE, str(exc)
        return result, None
    result.excel = excel_marks(grids)
    try:
        if stamp is None:
            return _check_unstamped(grids, result), grids
        shown = _as_written(Path(path), stamp.results)
        result.display = _display_problems(Path(path), shown, stamp.results, stamp)
    except (MaalscoreError, OSError) as exc:
        result.status, result.detail = UNREADABLE, str(exc)
        return result, None
    result.stamp = stamp
    try:
        last = load_last_year(Path(path), grids, options)[0]
    except MaalscoreError as exc:
        result.status, result.detail = UNREADABLE, str(exc)
        return result, grids
    result.changed = _changed_inputs(grids, stamp)
    result.edited = _edited_results(shown, stamp)
    if result.changed:
        result.status = CHANGED
        if _recalculated_in_excel(grids, stamp, result):
            _add_statuses(result)
            return result, grids
    elif result.edited:
        result.status = EDITED
    elif result.display:
        result.status = DISPLAYED
    if not result.changed and not result.edited:
        moment = stamp.moment()
        now = moment.replace(tzinfo=None) if moment is not None else datetime.now()
        result.differs = _recalculation_differs(
            grids,
            result,
            now,
            stamp.version,
            last=last,
            day=stamp.followup_date,
            last_name=stamp.last_year,
            shown=shown,
        )
        if (result.differs or result.detail) and result.status == OK:
            result.status = MISMATCH
    _add_statuses(result)
    return result, grids


def _add_statuses(result: CheckResult) -> None:
    """Name the edited results and the changed display in the status too, when another
    finding came first (`input ændret og visning ændret`)."""
    for extra, name in ((result.edited, EDITED), (result.display, DISPLAYED)):
        if extra and name not in result.status:
            result.status = f"{result.status} og {name}"


@dataclass(frozen=True)
class ExcelMarks:
    """What the Resultat summary says about its calculation: Målscore writes the lines
    "Beregnet | 2026-01-15 09:30" and "Version | Målscore 0.1.0" on every run, through Excel
    (add-in, xlwings Lite) as well as into the file."""

    version: str
    time: str | None

    def describe(self) -> str:
        when = f"{self.time} " if self.time else ""
        return f"{when}med Målscore {self.version}".strip()

    def moment(self) -> datetime | None:
        try:
            return datetime.strptime(self.time, "%Y-%m-%d %H:%M") if self.time else None
        except ValueError:
            return None


def excel_marks(grids: WorkbookGrids) -> ExcelMarks | None:
    """Målscore's time and version lines on the Resultat sheet, None when there are none."""
    from .headers import SHEETS

    summary = grids.find(*SHEETS["summary"])
    if summary is None:
        return None
    version: str | None = None
    time: str | None = None
    for row in summary.rows:
        for v in row[1:2]:
            if not isinstance(v, str):
                continue
            found = _VERSION_LINE.match(v.strip())
            if found:
                version = found.group(1)
            elif _TIME_LINE.match(v.strip()) and row[0] in ("Beregnet", "Beräknad"):
                time = v.strip()
    return ExcelMarks(version, time) if version else None


def _check_unstamped(grids: WorkbookGrids, result: CheckResult) -> CheckResult:
    """No stamp: results written in Excel (add-in, xlwings Lite) pass when each equals a new
    calculation; without Målscore's lines on the Resultat sheet the file was never calculated."""
    marks = result.excel
    if marks is None:
        result.status = NEVER
        result.detail = (
            "filen har intet Målscore-stempel og ingen resultater fra Målscore, så den er ikke "
            "beregnet med Målscore (eller er gemt af et program, der fjernede stemplet). Kør "
            "maalscore beregn på den, eller klik Beregn i Excel."
        )
        return result
    result.differs = _recalculation_differs(
        grids, result, marks.moment() or datetime.now(), marks.version
    )
    result.status = MISMATCH if result.differs or result.detail else EXCEL
    ev = result.evaluation
    if ev is not None and ev.ok:  # no stamp to compare with: judge the formats as they are
        cells = {
            sheet: [pos for pos, v in by.items() if v is not None]
            for sheet, by in written_values(ev.updates).items()
        }
        result.display = _display_problems(result.path, grids, cells, None)
        _add_statuses(result)
    return result


def _recalculated_in_excel(grids: WorkbookGrids, stamp: Stamp, result: CheckResult) -> bool:
    """A stamped file whose inputs were changed and then calculated again in Excel: the
    Resultat sheet has a newer time line than the stamp, and every result equals a new
    calculation. Then the verdict is EXCEL, with the inputs changed since the stamp named."""
    marks = result.excel
    moment = stamp.moment()
    if marks is None or marks.time is None or moment is None:
        return False
    if marks.time == moment.strftime("%Y-%m-%d %H:%M"):
        return False  # the summary is the stamped calculation's own
    probe = CheckResult(result.path)
    differs = _recalculation_differs(grids, probe, marks.moment() or datetime.now(), marks.version)
    if differs or probe.detail:
        return False
    result.status, result.edited = EXCEL, []
    return True


def _as_written(path: Path, results: Mapping[str, Iterable[Pos]]) -> WorkbookGrids:
    """The sheets holding results, with numbers as numbers even under a date format: a
    result is compared as the number written, and a date format put on it later is a matter
    of how it is shown (`_display_problems`), not an edit of the value."""
    from .xlsx import ooxml
    from .xlsx.reader import read_grids

    with ooxml.open_zip(path) as zf:
        return WorkbookGrids(read_grids(zf, list(results), dates=False))


def _sheet(grids: WorkbookGrids, name: str) -> SheetGrid | None:
    return next((g for g in grids.sheets if g.name == name), None)


def _display_problems(
    path: Path, grids: WorkbookGrids, results: Mapping[str, Iterable[Pos]], stamp: Stamp | None
) -> list[str]:
    """Result cells that can show something other than their value, or whose look (number
    format, hidden, conditional formats) differs from the stamp's, and sheets hidden since."""
    from .xlsx import ooxml
    from .xlsx.looks import read_looks

    with ooxml.open_zip(path) as zf:
        looks, states = read_looks(zf, results)
    stamped = stamp is not None and stamp.looks is not None and stamp.states is not None
    problems: list[str] = []
    for sheet in sorted(looks):
        old_state = stamp.states.get(sheet, "visible") if stamp and stamp.states else None
        if old_state is not None and states[sheet] != old_state:
            problems.append(f"{sheet} (arket er nu {_STATE.get(states[sheet], states[sheet])})")
        grid = _sheet(grids, sheet)
        old = (stamp.looks or {}).get(sheet, {}) if stamp is not None and stamped else None
        for pos in sorted(looks[sheet]):
            look = looks[sheet][pos]
            value = grid.value(*pos) if grid is not None else None
            why = look.misleading(value)
            if why is None and old is not None and old.get(pos) != short_hash(look.text()):
                why = (
                    "skjult efter beregningen"
                    if look.hidden
                    else ("talformat eller betinget formatering ændret efter beregningen")
                )
            if why:
                problems.append(f"{sheet}!{a1(*pos)} ({why})")
    return problems


_STATE = {"hidden": "skjult", "veryHidden": "skjult (veryHidden)", "visible": "synligt"}


def _changed_inputs(grids: WorkbookGrids, stamp: Stamp) -> list[str]:
    now_sheets = input_grids(grids, stamp.input_sheets)
    present = {g.name for g in now_sheets}
    changed = [f"{name} (arket mangler nu)" for name in stamp.inputs if name not in present]
    changed += [f"{g.name} (arket er kommet til)" for g in now_sheets if g.name not in stamp.inputs]
    ordered = [g for g in now_sheets if g.name in stamp.inputs]
    skips = {n: (p.header_row, p.skip_cols) for n, p in stamp.inputs.items()}
    written = {n: set(cells) for n, cells in stamp.results.items()}
    digest, prints = fingerprint_inputs(ordered, skips, written, stamp.inputs)
    for grid in ordered:
        old, new = stamp.inputs[grid.name], prints[grid.name]
        if old.cells is not None and new.cells is not None:
            keys = sorted(set(old.cells) | set(new.cells))
            changed += [
                f"{grid.name}!{a1(*pos)}"
                for pos in keys
                if old.cells.get(pos) != new.cells.get(pos)
            ]
        elif old.blocks is not None and new.blocks is not None:
            last = col_letter(max(grid.n_cols, _width(grid)) - 1) if _width(grid) else "A"
            for b in sorted(set(old.blocks) | set(new.blocks)):
                if old.blocks.get(b) != new.blocks.get(b):
                    first, end = b * old.block + 1, (b + 1) * old.block
                    changed.append(f"{grid.name}!A{first}:{last}{end}")
    if not changed and digest != stamp.input_digest and not missing_sheets(stamp, present):
        changed.append("(en ændring, der ikke kan føres tilbage til én celle)")
    return changed


def missing_sheets(stamp: Stamp, present: set[str]) -> bool:
    return any(name not in present for name in stamp.inputs)


def _width(grid: SheetGrid) -> int:
    columns = getattr(grid, "columns", None)
    return len(columns) if isinstance(columns, tuple) and columns else grid.n_cols


def _current_results(grids: WorkbookGrids, stamp: Stamp) -> dict[str, dict[Pos, object]]:
    out: dict[str, dict[Pos, object]] = {}
    for sheet, cells in stamp.results.items():
        grid = _sheet(grids, sheet)
        out[sheet] = {pos: grid.value(*pos) if grid is not None else None for pos in cells}
    return out


def _edited_results(grids: WorkbookGrids, stamp: Stamp) -> list[str]:
    current = _current_results(grids, stamp)
    edited: list[str] = []
    for sheet, cells in stamp.results.items():
        if _sheet(grids, sheet) is None:
            edited.append(f"{sheet} (arket mangler nu)")
            continue
        for pos, h in sorted(cells.items()):
            if short_hash(canonical_result(current[sheet][pos])) != h:
                edited.append(f"{sheet}!{a1(*pos)}")
    digest, _ = fingerprint_results(current)
    if not edited and digest != stamp.result_digest:
        edited.append("(en ændring, der ikke kan føres tilbage til én celle)")
    return edited


def _recalculation_differs(
    grids: WorkbookGrids,
    result: CheckResult,
    now: datetime,
    version: str,
    *,
    last: LastYear | None = None,
    day: date | None = None,
    last_name: str = "",
    shown: WorkbookGrids | None = None,
) -> list[str]:
    """The result cells a new calculation (at `now`) disagrees with; a new calculation that
    gives errors is named in `result.detail`. `version` is the one that calculated; `day` the
    date of a follow-up (the stamp's run), `last` last year's numbers and `last_name` the
    workbook the stamp says they came from."""
    from .engine import evaluate, evaluate_followup

    if day is not None:
        fu = evaluate_followup(grids, day, last_year=last)
        ok, issues, updates = fu.ok, fu.issues, fu.updates
    else:
        ev = evaluate(grids, now=now, last_year=last)
        result.evaluation = ev
        ok, issues, updates = ev.ok, ev.issues, ev.updates
    if not ok:
        result.detail = "En ny beregning af filen giver fejl: " + "; ".join(
            f"{i.location()}: {i.message}" for i in issues if i.is_error
        )
        return []
    differs: list[str] = []
    for sheet, cells in written_values(updates).items():
        grid = _sheet(shown, sheet) if shown is not None else None
        grid = grid or _sheet(grids, sheet)
        for pos, want in sorted(cells.items()):
            got = grid.value(*pos) if grid is not None else None
            if isinstance(want, str) and _META.match(want):
                continue
            if canonical_result(got) != canonical_result(want):
                differs.append(f"{sheet}!{a1(*pos)}")
    if differs and last_name and (last is None or last.source != last_name):
        result.detail = (
            f"Filen er beregnet med sidste års projektmappe «{last_name}» "
            f"(beregn --sidste-år); kør tjek med --sidste-år {last_name}."
        )
    elif differs and version != __version__:
        result.detail = (
            f"Filen er beregnet med Målscore {version}, denne version er {__version__}; "
            "forskellen kan skyldes versionerne. Kontrollér med samme version."
        )
    return differs
