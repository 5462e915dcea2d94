"""One writer at a time per workbook, and temp files only their own run removes (finding 3).

Before the lock, two `maalscore beregn` on one file failed in 4–8 of 20 pairs ("kunne ikke
gemmes (No such file or directory)": one run's clean-up deleted the other's temp file). Here
the two runs of each pair are made to meet at the lock for certain — the test holds the lock
until both processes have the lock file open (read from /proc), then lets go — so every pair
really competes, and no sleep stands in for synchronisation.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from calc.check import OK, check_file
from calc.errors import WriteBackError
from calc.xlsx import filelock
from tests.conftest import REPO, WORKBOOKS

EXAMPLE = WORKBOOKS / "eksempel-000-hjemrejsestyrelsen-2025.xlsx"
PAIRS = 20
HANG_GUARD_S = 120


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.xlsx"
    shutil.copyfile(EXAMPLE, path)
    return path


def _beregn(*args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "calc.cli", "beregn", *args],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )


def _has_open(pid: int, path: Path) -> bool:
    try:
        fds = os.listdir(f"/proc/{pid}/fd")
    except OSError:
        return False
    for fd in fds:
        try:
            if os.readlink(f"/proc/{pid}/fd/{fd}") == str(path):
                return True
        except OSError:
            continue
    return False


def _tidy(folder: Path) -> list[str]:
    names = sorted(p.name for p in folder.iterdir())
    backups = folder / ".maalscore-backup"
    return (
        names + [f"backup/{p.name}" for p in sorted(backups.iterdir())]
        if backups.is_dir()
        else names
    )


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc to see the waiting")
def test_two_runs_on_one_file_take_turns(plan: Path) -> None:
    lock_file = filelock.lock_path(plan.resolve())
    failed: list[str] = []
    for pair in range(PAIRS):
        held = filelock.acquire(plan.resolve())
        runs = [_beregn(str(plan)), _beregn(str(plan))]
        deadline = time.monotonic() + HANG_GUARD_S
        while not all(_has_open(p.pid, lock_file) for p in runs):  # both wait at the lock
            assert all(p.poll() is None for p in runs), f"pair {pair}: a run ended early"
            assert time.monotonic() < deadline, "hang guard"
            time.sleep(0.01)
        held.release()
        for p in runs:
            out = p.communicate(timeout=HANG_GUARD_S)[0].decode("utf-8", "replace")
            if p.returncode != 0:
                failed.append(f"pair {pair}: exit {p.returncode}: {out[-300:]}")
    print(
        f"\nlock test: {PAIRS} pairs of beregn on one file, {2 * PAIRS} runs, each pair met "
        f"at the lock; failed: {len(failed)}; folder afterwards: {_tidy(plan.parent)}"
    )
    assert not failed, failed
    assert _tidy(plan.parent) == [".maalscore-backup", "plan.xlsx", "backup/plan.xlsx"]
    assert check_file(plan).status == OK


def test_the_same_file_twice_in_parallel(plan: Path) -> None:
    """`beregn a.xlsx a.xlsx -j 2`: two worker processes, one file."""
    run = _beregn(str(plan), str(plan), "-j", "2", "--ingen-backup")
    out = run.communicate(timeout=HANG_GUARD_S)[0].decode()
    assert run.returncode == 0, out
    assert out.count("Skrevet til") == 2
    assert _tidy(plan.parent) == ["plan.xlsx"]


def test_a_busy_file_is_refused_after_waiting_with_a_message(plan: Path) -> None:
    with filelock.held(plan):
        started = time.monotonic()
        with pytest.raises(filelock.LockBusy) as info:
            filelock.acquire(plan, wait=0.3)
        assert time.monotonic() - started >= 0.3
    text = str(info.value)
    assert f"proces {os.getpid()}" in text and "prøv så igen" in text and "intet er skrevet" in text
    assert not filelock.lock_path(plan).exists()  # released: the lock file is gone
    with filelock.held(plan):  # and can be taken again
        pass


def test_a_planted_lock_file_is_not_followed_or_written(plan: Path, tmp_path: Path) -> None:
    victim = tmp_path / "offer.txt"
    victim.write_text("vigtigt")
    lock = filelock.lock_path(plan)
    lock.symlink_to(victim)
    with pytest.raises(WriteBackError, match="symbolsk link"):
        filelock.acquire(plan)
    lock.unlink()
    os.link(victim, lock)  # a hard link to someone's file: locked, never written into
    with filelock.held(plan):
        pass
    assert victim.read_text() == "vigtigt"


def test_stale_temp_files(tmp_path: Path) -> None:
    """Removed: a temp file of a process that is gone, on this machine; an older Målscore's
    temp file (no owner in its name) an hour old. Kept: a live process's, another machine's,
    a fresh one of an older Målscore, and any other file."""
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    alive = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"],
                             stdin=subprocess.PIPE)  # fmt: skip
    host = filelock._host()
    names = {
        "dead": f".plan.xlsx.maalscore-{host}-{gone.pid}-a.tmp",
        "alive": f".plan.xlsx.maalscore-{host}-{alive.pid}-b.tmp",
        "other host": f".plan.xlsx.maalscore-00000000-{gone.pid}-c.tmp",
        "old fresh": ".plan.xlsx.k3j4h5.tmp",
        "old stale": ".plan.xlsx.p9q8r7.tmp",
        "other file": ".andet.xlsx.maalscore-00000000-1-d.tmp",
    }
    for name in names.values():
        (tmp_path / name).write_bytes(b"x")
    two_hours_ago = time.time() - 7200
    os.utime(tmp_path / names["old stale"], (two_hours_ago, two_hours_ago))
    try:
        filelock.remove_stale_temps(tmp_path / "plan.xlsx", (tmp_path, tmp_path / "mangler"))
    finally:
        alive.communicate(b"")
    left = {key for key, name in names.items() if (tmp_path / name).exists()}
    assert left == {"alive", "other host", "old fresh", "other file"}


def test_process_alive() -> None:
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    assert filelock.process_alive(os.getpid()) and filelock.process_alive(1)
    assert not filelock.process_alive(gone.pid) and not filelock.process_alive(0)
