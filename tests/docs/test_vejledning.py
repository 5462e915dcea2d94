"""docs/vejledning.md and docs/udrulning.md stay true: pictures, steps and commands.

The guide's pictures are made here, under Xvfb, by `tests/docs/shoot_guide.py` (the app at each
step, as a person gets there); they are written to $MAALSCORE_GUIDE_PICTURES (to see them in the
guide: `MAALSCORE_GUIDE_PICTURES=docs/billeder pytest tests/docs`) or a temporary folder, and
never committed. Every picture the guide shows must be one the script makes; the guide's ten
steps must be the template's Vejledning sheet's; every `maalscore …` command in either document
must be one the command line accepts.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from calc.cli import build_parser
from calc.template import GUIDE_STEPS
from tests.conftest import REPO
from tests.desktop.test_screenshot import HEIGHT, WIDTH
from tests.docs.shoot_guide import PICTURES

DOCS = REPO / "docs"
GUIDE = DOCS / "vejledning.md"
DEPLOY = DOCS / "udrulning.md"


def _pictures_in_guide() -> list[str]:
    return re.findall(r"\]\(billeder/([^)]+\.png)\)", GUIDE.read_text(encoding="utf-8"))


def test_the_guide_shows_only_pictures_the_script_makes() -> None:
    shown = _pictures_in_guide()
    assert shown and set(shown) == set(PICTURES), (shown, sorted(PICTURES))


def test_the_guide_has_the_ten_steps_of_the_vejledning_sheet() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    steps = re.findall(r"^### (\d+)\. (.+)$", text, flags=re.MULTILINE)
    assert [int(n) for n, _ in steps] == list(range(1, 11))
    assert [title for _, title in steps] == [what for what, _ in GUIDE_STEPS["da"]]
    assert "## Sammanfattning på svenska" in text
    swedish = text.split("## Sammanfattning på svenska", 1)[1]
    for what, _ in GUIDE_STEPS["sv"]:
        assert what in swedish, what


@pytest.mark.parametrize("doc", [GUIDE, DEPLOY], ids=lambda p: p.name)
def test_every_command_in_the_docs_is_accepted(doc: Path) -> None:
    """A command on a line of its own (in a code block) must parse in full; one mentioned in
    the text (`maalscore tjek`) must at least name a command that exists."""
    text = doc.read_text(encoding="utf-8")
    parser = build_parser()
    subparsers = next(a for a in parser._actions if a.dest == "command")
    known = set(subparsers.choices or ()) | {"selvtest", "--help", "KOMMANDO"}  # type: ignore[arg-type]
    lines = re.findall(r"^maalscore (.+)$", text, flags=re.MULTILINE)
    mentions = re.findall(r"`maalscore ([^`]+)`", text)
    assert lines and mentions, doc
    for line in lines:
        args = shlex.split(line)
        if args[0] == "selvtest":  # the packaged app's own command (packaging/entry.py)
            continue
        try:
            parser.parse_args(args)
        except SystemExit as stop:
            pytest.fail(f"{doc.name}: 'maalscore {line}' is refused ({stop.code})")
    for mention in mentions:
        assert mention.split()[0] in known, f"{doc.name}: `maalscore {mention}`"


def test_the_pictures_of_the_guide(
    xvfb: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = Path(os.environ.get("MAALSCORE_GUIDE_PICTURES") or tmp_path / "billeder")
    env = dict(os.environ, DISPLAY=xvfb, QT_QPA_PLATFORM="xcb", PYTHONPATH=str(REPO))
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.docs.shoot_guide",
            str(out),
            str(tmp_path / "cfg"),
            str(tmp_path / "work"),
        ],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    output = result.stderr + result.stdout
    if result.returncode != 0 and "platform plugin" in output and "xcb" in output:
        pytest.skip("Qt's xcb platform plugin cannot load: " + output[-300:])
    assert result.returncode == 0, output
    for name in PICTURES:
        image = QImage(str(out / name))
        assert not image.isNull(), name
        assert WIDTH - 50 <= image.width() <= WIDTH and HEIGHT - 100 <= image.height() <= HEIGHT
        # Not a blank or unpainted window: text and widgets give many distinct colours.
        colours = {
            image.pixel(x, y)
            for x in range(0, image.width(), 5)
            for y in range(0, image.height(), 5)
        }
        assert len(colours) > 20, name
    with capsys.disabled():
        print(f"\npictures of the guide: {out}")
