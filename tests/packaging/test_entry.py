"""The packaged program's entry sends every command of `maalscore` to the command line (a
command it does not know would start the desktop app instead, with the arguments as a file)."""

from __future__ import annotations

import argparse
import importlib.util

from calc.cli import build_parser
from tests.conftest import REPO


def test_every_subcommand_reaches_the_command_line():
    spec = importlib.util.spec_from_file_location("entry", REPO / "packaging" / "entry.py")
    assert spec is not None and spec.loader is not None
    entry = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(entry)
    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    assert set(sub.choices) <= entry.CLI_COMMANDS
