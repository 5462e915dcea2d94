"""Every `--help` of the command line is Danish, and so are argparse's own error messages."""

from __future__ import annotations

import re

import pytest

import calc.cli
from calc.cli import build_parser, danish_message

ENGLISH = re.compile(
    r"usage:|show this help|positional arguments|options:|optional arguments|error:|"
    r"required|invalid choice|unrecognized"
)
COMMANDS = ["beregn", "tjek", "skabelon", "opfølgning", "app", "addin"]


def _help(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as stop:
        calc.cli.main([*args, "--help"])
    assert stop.value.code == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("command", [[], *([c] for c in COMMANDS)], ids=["maalscore", *COMMANDS])
def test_help_is_danish(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    text = _help(command, capsys)
    assert text.startswith("brug: maalscore")
    assert not ENGLISH.search(text), text
    assert "vis denne hjælp og afslut" in text


def test_every_argument_has_a_danish_help_text() -> None:
    parser = build_parser()
    subparsers = next(a for a in parser._actions if a.dest == "command")
    for name, sub in subparsers.choices.items():  # type: ignore[union-attr]
        for action in sub._actions:
            assert action.help, f"maalscore {name}: {action.dest} has no help text"


@pytest.mark.parametrize(
    ("argv", "danish"),
    [
        (["tjek"], "maalscore tjek: fejl: disse argumenter mangler: FIL"),
        (["regn"], "maalscore: fejl: argument KOMMANDO: ugyldigt valg: 'regn'"),
        (["skabelon", "x.xlsx", "--år", "i år"], "argument --år/--aar: ugyldig værdi: 'i år'"),
        (["beregn", "x.xlsx", "--ud"], "argument --ud: mangler en værdi"),
        (["tjek", "x.xlsx", "--jsn"], "maalscore: fejl: ukendte argumenter: --jsn"),
    ],
)
def test_usage_errors_are_danish(
    argv: list[str], danish: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stop:
        calc.cli.main(argv)
    assert stop.value.code == calc.cli.EXIT_USAGE
    err = capsys.readouterr().err
    assert danish in err and err.startswith("brug: ")
    assert not ENGLISH.search(err.replace("fejl:", "")), err


def test_an_unknown_message_is_left_as_it_is() -> None:
    assert danish_message("something new in Python 3.15") == "something new in Python 3.15"
