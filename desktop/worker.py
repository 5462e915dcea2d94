"""Background work: rescoring after an edit, and scoring a folder of workbooks.

Both run pure core functions in a QRunnable on a thread pool and report back by queued signals,
so the window never freezes. Every rescoring job carries a generation number; a result from an
older generation than the newest request is dropped, so fast typing never shows stale numbers.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from calc.engine import Evaluation, evaluate
from calc.errors import MaalscoreError, count
from calc.grid import WorkbookGrids

EvaluateFn = Callable[..., Evaluation]


@dataclass(frozen=True)
class Scored:
    """One finished rescoring: which request it answers, the result and when it was computed."""

    generation: int
    evaluation: Evaluation
    computed_at: datetime


class _JobSignals(QObject):
    done = Signal(object)  # Scored
    failed = Signal(int, str)  # generation, traceback


class _EvaluateJob(QRunnable):
    def __init__(self, generation: int, grids: WorkbookGrids, fn: EvaluateFn) -> None:
        super().__init__()
        self.generation = generation
        self.grids = grids
        self.fn = fn
        self.signals = _JobSignals()

    def run(self) -> None:
        now = datetime.now()
        try:
            result = self.fn(self.grids, now=now)
        except Exception:  # reported to the window, which shows an error dialog
            self.signals.failed.emit(self.generation, traceback.format_exc())
            return
        self.signals.done.emit(Scored(self.generation, result, now))


class Rescorer(QObject):
    """Schedules `evaluate` for the newest grids and emits only the newest result."""

    scored = Signal(object)  # Scored
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None, fn: EvaluateFn = evaluate) -> None:
        super().__init__(parent)
        self.fn = fn
        self.generation = 0
        self.latest: Scored | None = None
        self._running: dict[int, _EvaluateJob] = {}
        self.pool = QThreadPool.globalInstance()

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def schedule(self, grids: WorkbookGrids) -> int:
        self.generation += 1
        job = _EvaluateJob(self.generation, grids, self.fn)
        job.setAutoDelete(False)  # Python keeps it alive until its signal has arrived
        job.signals.done.connect(self._on_done)
        job.signals.failed.connect(self._on_failed)
        self._running[self.generation] = job
        self.pool.start(job)
        return self.generation

    def score_now(self, grids: WorkbookGrids) -> Scored:
        """Score in the calling thread (before saving), making this the newest result."""
        self.generation += 1
        now = datetime.now()
        self.latest = Scored(self.generation, self.fn(grids, now=now), now)
        return self.latest

    def adopt(self, evaluation: Evaluation, computed_at: datetime) -> Scored:
        """Make an evaluation computed elsewhere (the one a save wrote) the newest result."""
        self.generation += 1
        self.latest = Scored(self.generation, evaluation, computed_at)
        return self.latest

    def is_current(self) -> bool:
        return self.latest is not None and self.latest.generation == self.generation

    def _on_done(self, scored: Scored) -> None:
        self._running.pop(scored.generation, None)
        if scored.generation != self.generation:
            return  # stale: a newer edit has been scheduled since
        self.latest = scored
        self.scored.emit(scored)

    def _on_failed(self, generation: int, details: str) -> None:
        self._running.pop(generation, None)
        if generation == self.generation:
            self.failed.emit(details)


# --- several workbooks -------------------------------------------------------------------


@dataclass(frozen=True)
class BatchRow:
    """One workbook's outcome in a folder run."""

    path: Path
    institution: str = ""
    year: int | None = None
    score_pct: Fraction | None = None
    total_points: Fraction | None = None
    payout: Decimal | None = None
    errors: int = 0
    warnings: int = 0
    failure: str = ""  # the file could not be read
    no_goals: bool = False  # nothing to score (an empty template): no score, not 0 %


def score_path(path: Path) -> BatchRow:
    """Read and score one file without writing anything."""
    from calc.engine import FileOptions, load_grids

    try:
        result = evaluate(load_grids(path, FileOptions()))
    except MaalscoreError as exc:
        return BatchRow(path, failure=str(exc))
    plan, card = result.plan, result.scorecard
    errors, warnings, _info = count(result.issues)
    goals = bool(plan and plan.goals) and card is not None and card.max_points > 0
    return BatchRow(
        path,
        institution=plan.institution if plan else "",
        year=plan.year if plan else None,
        score_pct=card.score_pct if card and goals else None,
        total_points=card.total_points if card and goals else None,
        payout=sum((p.payout for p in result.pay), Decimal(0)) if result.pay else None,
        errors=errors,
        warnings=warnings,
        no_goals=plan is not None and not goals,
    )


CANCEL_GRACE = 1.0  # seconds a cancelled folder run still waits for the file at hand


class _BatchSignals(QObject):
    started = Signal(int, int, object)  # index, total, Path: a file is being read and scored
    progress = Signal(int, int, object)  # done, total, BatchRow
    finished = Signal(bool)  # cancelled


class BatchJob(QRunnable):
    """Scores files one after another until done or cancelled (checked between files)."""

    def __init__(
        self, paths: Sequence[Path], score: Callable[[Path], BatchRow] = score_path
    ) -> None:
        super().__init__()
        self.paths = tuple(paths)
        self.score = score
        self.cancel_event = threading.Event()
        self.signals = _BatchSignals()
        self.setAutoDelete(False)

    def cancel(self) -> None:
        self.cancel_event.set()

    def run(self) -> None:
        total = len(self.paths)
        for i, path in enumerate(self.paths):
            if self.cancel_event.is_set():
                break
            self.signals.started.emit(i, total, path)
            row = self._score_or_cancel(path)
            if row is None:
                break
            self.signals.progress.emit(i + 1, total, row)
        self.signals.finished.emit(self.cancel_event.is_set())

    def _score_or_cancel(self, path: Path) -> BatchRow | None:
        """One file's row, or None when cancelled meanwhile: case data of millions of rows (or
        a database query) can take minutes, so cancel waits at most `CANCEL_GRACE` seconds for
        the file at hand; abandoned work ends on its own in the background, its result
        dropped."""
        box: list[BatchRow] = []

        def work() -> None:
            try:
                box.append(self.score(path))
            except Exception as exc:  # one bad file must not stop the others
                box.append(BatchRow(path, failure=f"{type(exc).__name__}: {exc}"))

        thread = threading.Thread(target=work, daemon=True, name=f"score {path.name}")
        thread.start()
        while thread.is_alive():
            if self.cancel_event.wait(0.05):
                thread.join(CANCEL_GRACE)  # a file about to finish still gets its row
                return box[0] if box else None
        return box[0]


def workbooks_in(folder: Path) -> list[Path]:
    """The workbooks in a folder (not its subfolders), skipping backups and Excel lock files."""
    return sorted(
        p
        for p in folder.iterdir()
        if p.suffix.lower() in {".xlsx", ".xlsm"}
        and not p.name.startswith("~$")
        and not p.stem.endswith(".bak")
        and p.is_file()
    )
