"""Killing `maalscore beregn` at random moments never leaves a broken or missing workbook.

A subprocess scores a copy of an example in place and is killed with SIGKILL after a random
delay (seeded, so the run is repeatable) spread over the time a whole run takes, mostly over
its second half, where the file is written. After every
kill the workbook must exist, be a sound zip that `calc.xlsx.reader` reads, and be either exactly
the version before the run or a completely written new one (its stamp checks OK); the backup,
when there is one, must be sound too. Run with `-s` to see the numbers.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from calc.check import OK, check_file
from calc.xlsx.reader import read_workbook
from tests.conftest import REPO, WORKBOOKS

EXAMPLE = WORKBOOKS / "eksempel-000-hjemrejsestyrelsen-2025.xlsx"
RUNS = 30  # a fixed number of kills: a time budget made the count, and the test, load-dependent
SEED = 20260115


def _start(path: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "calc.cli", "beregn", str(path)],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )


def _sound(path: Path) -> None:
    with zipfile.ZipFile(path) as zf:
        assert zf.testzip() is None
    assert read_workbook(path).find("Mål") is not None


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
def test_kill_at_random_moments(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    shutil.copyfile(EXAMPLE, path)
    t0 = time.monotonic()
    assert _start(path).wait(timeout=60) == 0  # one whole run, to learn how long it takes
    whole = time.monotonic() - t0
    shutil.copyfile(EXAMPLE, path)
    rng = random.Random(SEED)
    outcomes = {"old": 0, "new": 0, "finished": 0}
    mid_write = 0  # kills that left a temp file: the process was writing the new version
    for runs in range(1, RUNS + 1):
        before = path.read_bytes()
        # Mostly near the end, where the file is written; sometimes anywhere.
        low = 0.55 if rng.random() < 0.75 else 0.0
        delay = rng.uniform(whole * low, whole * 1.05)
        proc = _start(path)
        time.sleep(delay)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
        code = proc.wait(timeout=60)
        assert path.is_file(), f"run {runs}: the workbook is missing"
        mid_write += bool(list(tmp_path.glob(".plan.xlsx.*.tmp")))
        _sound(path)
        after = path.read_bytes()
        if code == 0:
            outcomes["finished"] += 1
        elif after == before:
            outcomes["old"] += 1
        else:
            outcomes["new"] += 1
        if after != before:
            result = check_file(path)
            assert result.status == OK, f"run {runs} (killed after {delay:.3f} s): {result}"
        backup = path.parent / ".maalscore-backup" / path.name
        if backup.exists():
            _sound(backup)
    print(
        f"\nkill test: {runs} runs (a whole run takes {whole:.3f} s); "
        f"killed with the old file intact: {outcomes['old']}, killed after the new file was in "
        f"place: {outcomes['new']}, finished before the kill: {outcomes['finished']}; "
        f"killed while writing the temporary file: {mid_write}"
    )
    assert outcomes["old"] > 0
    # The next run removes what killed runs left behind.
    assert _start(path).wait(timeout=60) == 0
    assert not list(tmp_path.glob(".plan.xlsx.*.tmp"))
    assert not list((tmp_path / ".maalscore-backup").glob("*.tmp"))
    assert not (tmp_path / ".plan.xlsx.maalscore-lock").exists()
