"""Screenshots of every screen under Xvfb at 1366×768 (and the first window at 1920×1080), for
a person to look at; `tests/desktop/shoot.py` lists what each PNG shows.

The PNGs go to $MAALSCORE_SCREENSHOTS (or a temporary folder); the folder is printed in the test
output. Skips with the reason when Xvfb is not installed (Debian: apt-get install -y xvfb).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tests.conftest import REPO, WORKBOOKS

WIDTH, HEIGHT = 1366, 768
SHOTS = (
    "main.png",
    "nothing.png",
    "summary.png",
    "pay.png",
    "blocked.png",
    "pay-blocked.png",
    "cases.png",
    "reduction.png",
    "swedish.png",
    "swedish-003.png",
    "file-changed.png",
    "send.png",
    "password.png",
    "batch.png",
)


def _free_display() -> int:
    for n in range(90, 140):
        if not Path(f"/tmp/.X11-unix/X{n}").exists() and not Path(f"/tmp/.X{n}-lock").exists():
            return n
    pytest.skip("no free X display number")


@contextmanager
def _xvfb(width: int, height: int) -> Iterator[str]:
    binary = shutil.which("Xvfb")
    if binary is None:
        pytest.skip("Xvfb is not installed (Debian: apt-get install -y xvfb)")
    n = _free_display()
    proc = subprocess.Popen(
        [binary, f":{n}", "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    socket = Path(f"/tmp/.X11-unix/X{n}")
    deadline = time.monotonic() + 10
    while not socket.exists():  # waiting for a server to start, not synchronising Qt
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.skip(f"Xvfb did not start: {proc.stderr.read().decode() if proc.stderr else ''}")
        time.sleep(0.05)
    try:
        yield f":{n}"
    finally:
        proc.terminate()
        proc.wait(10)


@pytest.fixture
def xvfb() -> Iterator[str]:
    """An X display of 1366×768 for a test (tests/docs and the Departement view use it too)."""
    with _xvfb(WIDTH, HEIGHT) as display:
        yield display


def _shoot(display: str, out: Path, config: Path, *extra: str) -> str:
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", PYTHONPATH=str(REPO))
    result = subprocess.run(
        [sys.executable, "-m", "tests.desktop.shoot", str(WORKBOOKS), str(out), str(config)]
        + list(extra),
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    output = result.stderr + result.stdout
    if result.returncode != 0 and "platform plugin" in output and "xcb" in output:
        pytest.skip(
            "Qt's xcb platform plugin cannot load (Debian: apt-get install -y libxcb-cursor0 "
            "libxcb-icccm4 libxcb-keysyms1 libxcb-xinerama0 libxkbcommon-x11-0): " + output[-300:]
        )
    assert result.returncode == 0, output
    return result.stdout.strip().splitlines()[-1]


def test_every_screen_at_1366x768_and_the_first_window_at_1920x1080(tmp_path, capsys):
    out = Path(os.environ.get("MAALSCORE_SCREENSHOTS") or tmp_path / "screenshots")
    with _xvfb(WIDTH, HEIGHT) as display:
        line = _shoot(display, out, tmp_path / "laptop")
    assert line == "screen 1366x768 window 1326x728"
    for name in SHOTS:
        image = QImage(str(out / name))
        assert not image.isNull(), name
        assert image.width() <= WIDTH and image.height() <= HEIGHT, name
    main = QImage(str(out / "main.png"))
    assert main.width() >= WIDTH - 50 and main.height() >= HEIGHT - 100
    with _xvfb(1920, 1080) as display:
        line = _shoot(display, out, tmp_path / "wide", "--wide")
    assert line == "screen 1920x1080 window 1728x972"  # not 1280×720 on a big screen
    wide = QImage(str(out / "wide.png"))
    assert (wide.width(), wide.height()) == (1920, 1080)
    with capsys.disabled():
        print(f"\nscreenshots of the app: {out}")
