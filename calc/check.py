"""`maalscore tjek`: is a workbook's content the one Målscore calculated?

For each file: read it as `beregn` does, read the integrity stamp (`calc.stamp`), and compare
the input cells and the result cells with their fingerprints; when both are unchanged,
calculate again and compare the result cells with what the engine gives now. The verdict is
one of

- OK: inputs and results are as calculated, and a new calculation gives the same results;
- results edited by hand after calculation (the cells are named);
- inputs changed since calculation (the cells, or for a large Sagsdata the rows, are named);
- results that differ from a new calculation (e.g. a forged stamp, or another engine version);
- never calculated (no stamp), or a damaged stamp;
- unreadable (the file cannot be read at all).

The time and version lines of the Resultat summary are not compared with a new calculation
(they name when and with what the file was calculated); their fingerprints still are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

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

OK = "ok"
NEVER = "aldrig beregnet"
EDITED = "resultater rettet"
CHANGED = "input ændret"
MISMATCH = "afviger fra ny beregning"
DAMAGED = "stempel beskadiget"
UNREADABLE = "kan ikke læses"

_META = re.compile(r"^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}|Målscore .*)$")


@dataclass
class CheckResult:
    path: Path
    status: str = OK
    edited: list[str] = field(default_factory=list)  # result cells edited by hand
    changed: list[str] = field(default_factory=list)  # input cells (or row ranges) changed
    differs: list[str] = field(default_factory=list)  # results a new calculation disagrees with
    stamp: Stamp | None = None
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.status == OK

    def message(self) -> str:
        """One paragraph in Danish for the person checking."""
        s = self.stamp
        when = f"beregnet {s.time} med Målscore {s.version}" if s else ""
        if self.status == OK:
            return f"OK – {when}; input og resultater er uændrede."
        if self.status in (NEVER, DAMAGED, UNREADABLE):
            return f"{self.status.upper()} – {self.detail}"
        lines = [f"IKKE OK – {when}."]
        if self.edited:
            lines.append("Resultater rettet i hånden efter beregningen: " + _cells(self.edited))
        if self.changed:
            lines.append("Input ændret efter beregningen: " + _cells(self.changed))
        if self.differs:
            lines.append(
                "Resultaterne stemmer ikke med en ny beregning af de samme input: "
                + _cells(self.differs)
            )
        lines.append(self.detail or "Kør maalscore beregn igen, hvis ændringerne er tilsigtede.")
        return "\n  ".join(lines)

    def to_json(self) -> dict[str, object]:
        return {
            "file": str(self.path),
            "status": self.status,
            "ok": self.ok,
            "calculated": self.stamp.time if self.stamp else None,
            "version": self.stamp.version if self.stamp else None,
            "results_edited": self.edited,
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


def check_file(path: Path, sagsdata: Path | None = None) -> CheckResult:
    """Check one workbook; `sagsdata` is the separate case file `beregn` was given, if any."""
    from .engine import FileOptions, load_grids
    from .xlsx import ooxml

    result = CheckResult(Path(path))
    kind = ooxml.legacy_format(Path(path))
    if kind is not None:
        result.status = NEVER
        result.detail = (
            f"filen er i formatet .{kind}, som Målscore aldrig skriver i, så den kan ikke være "
            "beregnet og stemplet af Målscore. Gem den som .xlsx og kør maalscore beregn."
        )
        return result
    try:
        grids = load_grids(Path(path), FileOptions(sagsdata=sagsdata))
        stamp = read_stamp(Path(path))
    except StampError as exc:
        result.status, result.detail = DAMAGED, str(exc)
        return result
    except (MaalscoreError, OSError) as exc:
        result.status, result.detail = UNREADABLE, str(exc)
        return result
    if stamp is None:
        result.status = NEVER
        result.detail = (
            "filen har intet Målscore-stempel, så den er ikke beregnet med Målscore (eller er "
            "gemt af et program, der fjernede stemplet). Kør maalscore beregn på den."
        )
        return result
    result.stamp = stamp
    result.changed = _changed_inputs(grids, stamp)
    result.edited = _edited_results(grids, stamp)
    if result.changed:
        result.status = CHANGED
    elif result.edited:
        result.status = EDITED
    else:
        result.differs = _recalculation_differs(grids, stamp, result)
        if result.differs or result.detail:
            result.status = MISMATCH
    if result.edited and result.status != EDITED:
        result.status = f"{result.status} og {EDITED}"
    return result


def _sheet(grids: WorkbookGrids, name: str) -> SheetGrid | None:
    return next((g for g in grids.sheets if g.name == name), None)


def _changed_inputs(grids: WorkbookGrids, stamp: Stamp) -> list[str]:
    now_sheets = input_grids(grids)
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


def _recalculation_differs(grids: WorkbookGrids, stamp: Stamp, result: CheckResult) -> list[str]:
    from .engine import evaluate

    moment = stamp.moment()
    now = moment.replace(tzinfo=None) if moment is not None else datetime.now()
    ev = evaluate(grids, now=now)
    if not ev.ok:
        result.detail = "En ny beregning af filen giver fejl: " + "; ".join(
            f"{i.location()}: {i.message}" for i in ev.issues if i.is_error
        )
        return []
    differs: list[str] = []
    for sheet, cells in written_values(ev.updates).items():
        grid = _sheet(grids, sheet)
        for pos, want in sorted(cells.items()):
            got = grid.value(*pos) if grid is not None else None
            if isinstance(want, str) and _META.match(want):
                continue
            if canonical_result(got) != canonical_result(want):
                differs.append(f"{sheet}!{a1(*pos)}")
    if differs and stamp.version != __version__:
        result.detail = (
            f"Filen er beregnet med Målscore {stamp.version}, denne version er {__version__}; "
            "forskellen kan skyldes versionerne. Kontrollér med samme version."
        )
    return differs
