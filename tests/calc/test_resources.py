"""Bounded resources (finding 4): hostile files small on disk and huge inside are refused early.

Before, a 5 MB file whose Mål part inflates to 2 GB took 107 s and 9.8 GB, and a 0.86 MB file
with 20 million shared strings 110 s; a 3 MB Sagsdata with one cell at XFD1048576 made
python-calamine allocate 550 GB and abort the process. Each is run here as `maalscore beregn`
and `maalscore tjek` in a fresh process, and must be refused with a message and exit code 3,
with its peak memory (the process's own maximum RSS, from wait4) under 1 GB. Timings are
printed, not asserted (they are measured in bench/: `python -m bench`); a generous timeout
only guards against a hang.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.hostile import far_cell, goal_bomb, many_strings, measured

PEAK_MB = 1024
TRIED: list[str] = []


HOSTILE = {
    "Mål-arket pakker ud til 2 GB": (goal_bomb, r"Arket «Mål» .* fylder 2\.\d{3},\d MB udpakket"),
    "20 millioner delte tekster": (many_strings, r"20\.000\.000 delte tekster"),
    "en celle i XFD1048576 i Sagsdata": (far_cell, r"Arket «Sagsdata» .* kolonne XFD"),
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_hostile_input_is_refused_early_in_little_memory(tmp_path: Path, case: str) -> None:
    build, message = HOSTILE[case]
    path = build(tmp_path)
    size = path.stat().st_size
    assert size < 50 * 1024**2
    before = path.read_bytes()
    for command in ("beregn", "tjek"):
        run = measured(command, str(path))
        TRIED.append(
            f"{case} ({size / 1024**2:.1f} MB på disken), {command}: exit {run.code}, "
            f"{run.seconds:.1f} s, {run.peak_mb:.0f} MB"
        )
        print(f"\n{TRIED[-1]}")
        assert run.code == 3, run.output
        assert re.search(message, run.output), run.output
        assert "Traceback" not in run.output
        assert run.peak_mb < PEAK_MB
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]
