"""The `maalscore` command.

    maalscore beregn FILE... [--ud OUT.xlsx] [--json] [--ingen-backup] [--tillad-signeret]
                             [--sagsdata CASES.csv|.xlsx] [-j N]
    maalscore tjek FILE... [--json] [--sagsdata CASES.csv|.xlsx]
    maalscore skabelon OUT.xlsx [--år 2026] [--institution NAVN]

Exit codes: 0 success (warnings allowed), 2 the workbook has errors (nothing written), 3 a file
could not be read or written.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import TextIO

from . import fmt
from .engine import Evaluation, FileOptions, score_file
from .errors import MaalscoreError
from .xlsx.reader import legacy_warning

EXIT_OK, EXIT_WORKBOOK_ERRORS, EXIT_IO = 0, 2, 3
EXIT_NOT_OK = 1  # `tjek`: a file is not as Målscore calculated it


def _number(d: Decimal | Fraction | None) -> float | int | None:
    """A JSON number: an int when whole, else the nearest float."""
    if d is None:
        return None
    if isinstance(d, Fraction):
        return d.numerator if d.denominator == 1 else float(d)
    return int(d) if d == d.to_integral_value() else float(d)


def to_json(path: Path, ev: Evaluation) -> dict[str, object]:
    """The `--json` record for one file (keys as documented in README.md)."""
    plan, card = ev.plan, ev.scorecard
    return {
        "file": str(path),
        "institution": plan.institution if plan else None,
        "year": plan.year if plan else None,
        "total_points": _number(card.total_points) if card else None,
        "max_points": _number(card.max_points) if card else None,
        "score_pct": _number(card.score_pct) if card else None,
        "goals": [
            {
                "id": g.goal_id,
                "weight": _number(g.weight),
                "fulfilment_pct": _number(g.fulfilment),
                "points": _number(g.points),
                "status": g.status.label(plan.lang if plan else "da"),
                "explanation": g.explanation,
            }
            for g in (card.goals if card else ())
        ],
        "pay": [
            {"name": p.name, "computed": _number(p.computed), "payout": _number(p.payout)}
            for p in ev.pay
        ],
        "issues": [
            {"sheet": i.sheet, "cell": i.cell, "severity": i.severity, "message": i.message}
            for i in ev.issues
        ],
    }


_LABELS = {
    "da": {
        "goal": "Nr",
        "weight": "Vægt",
        "fulfilment": "Opfyldelse",
        "points": "Point",
        "status": "Status",
        "total": "I alt: {p} af {m} point ({pct})",
        "pay": "Resultatløn {name}: beregnet {c}, udbetaling {u}",
        "error": "FEJL",
        "warning": "Advarsel",
        "not_written": "Der er fejl i projektmappen; intet er skrevet.",
        "written": "Skrevet til {path}",
    },
    "sv": {
        "goal": "Nr",
        "weight": "Vikt",
        "fulfilment": "Uppfyllelse",
        "points": "Poäng",
        "status": "Status",
        "total": "Totalt: {p} av {m} poäng ({pct})",
        "pay": "Resultatlön {name}: beräknad {c}, utbetalning {u}",
        "error": "FEL",
        "warning": "Varning",
        "not_written": "Arbetsboken innehåller fel; inget har skrivits.",
        "written": "Skrivet till {path}",
    },
}


def print_table(path: Path, ev: Evaluation, out: TextIO, written_to: Path | None = None) -> None:
    """A readable table for people: goal, weight, fulfilment, points, status; totals; pay."""
    plan, card = ev.plan, ev.scorecard
    lang = plan.lang if plan else "da"
    txt = _LABELS[lang]
    title = " ".join(str(x) for x in ((plan.institution, plan.year) if plan else ()) if x)
    print(f"{title or path.name} ({path.name})", file=out)
    if card is not None and plan is not None:
        print(
            f"  {txt['goal']:<10} {txt['weight']:>7} {txt['fulfilment']:>11} "
            f"{txt['points']:>8}  {txt['status']}",
            file=out,
        )
        for g in card.goals:
            goal = plan.goal(g.goal_id)
            depth = 1 if goal is not None and goal.parent is not None else 0
            nr = "  " * depth + g.goal_id
            f = fmt.pct(g.fulfilment, lang) if g.fulfilment is not None else "–"
            print(
                f"  {nr:<10} {fmt.points(g.weight, lang):>7} {f:>11} "
                f"{fmt.points(g.points, lang):>8}  {g.status.label(lang)}",
                file=out,
            )
        print(
            "  "
            + txt["total"].format(
                p=fmt.points(card.total_points, lang),
                m=fmt.points(card.max_points, lang),
                pct=fmt.pct(card.score_pct, lang),
            ),
            file=out,
        )
        for p in ev.pay:
            print(
                "  "
                + txt["pay"].format(
                    name=p.name, c=fmt.kroner(p.computed, lang), u=fmt.kroner(p.payout, lang)
                ),
                file=out,
            )
    for issue in ev.issues:
        label = txt["error"] if issue.is_error else txt["warning"]
        print(f"  {label} {issue.location()}: {issue.message}", file=out)
    if not ev.ok:
        print("  " + txt["not_written"], file=out)
    elif written_to is not None:
        print("  " + txt["written"].format(path=written_to), file=out)


def _beregn(args: argparse.Namespace) -> int:
    files: list[Path] = args.files
    out_arg: Path | None = args.ud
    if out_arg is not None and len(files) > 1 and not out_arg.is_dir():
        print("--ud kan kun bruges med én fil, eller med en mappe.", file=sys.stderr)
        return EXIT_IO
    options = FileOptions(
        sagsdata=args.sagsdata, backup=not args.ingen_backup, allow_signed=args.tillad_signeret
    )
    jobs = [
        (path, out_arg / path.name if out_arg is not None and out_arg.is_dir() else out_arg)
        for path in files
    ]
    work = [(path, dest, options, bool(args.json)) for path, dest in jobs]
    workers = (os.cpu_count() or 1) if args.parallel == 0 else args.parallel
    if workers > 1 and len(work) > 1:
        # A process pool; results come back in the order of the files, so output is the same.
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=min(workers, len(work))) as pool:
            done = list(pool.map(_beregn_one, work, chunksize=max(1, len(work) // (8 * workers))))
    else:
        done = [_beregn_one(w) for w in work]
    code = EXIT_OK
    for out_text, err_text, file_code in done:
        sys.stdout.write(out_text)
        sys.stderr.write(err_text)
        code = max(code, file_code)
    return code


def _beregn_one(job: tuple[Path, Path | None, FileOptions, bool]) -> tuple[str, str, int]:
    """Score one file: (what to print on stdout, on stderr, exit code). Runs in a worker
    process with `--parallel`, so it returns text rather than printing."""
    path, dest, options, as_json = job
    out, err = io.StringIO(), io.StringIO()
    code = EXIT_OK
    legacy = legacy_warning(path)  # .xls/.xlsb: scored, never written
    try:
        if dest is not None and legacy is None:
            dest.parent.mkdir(parents=True, exist_ok=True)
        if legacy is None:
            ev = score_file(path, dest, options=options)
        else:  # read with python-calamine, scored, never written
            from .engine import evaluate
            from .xlsx.reader import read_workbook

            ev = evaluate(read_workbook(path))
    except MaalscoreError as exc:
        print(f"{path}: {exc}", file=err)
        if as_json:
            print(json.dumps({"file": str(path), "error": str(exc)}, ensure_ascii=False), file=out)
        return out.getvalue(), err.getvalue(), EXIT_IO
    except OSError as exc:
        print(
            f"{path}: filen kunne ikke læses eller skrives ({exc.strerror or exc}).",
            file=err,
        )
        return out.getvalue(), err.getvalue(), EXIT_IO
    if as_json:
        print(json.dumps(to_json(path, ev), ensure_ascii=False), file=out)
    else:
        written = (dest or path) if ev.updates and legacy is None else None
        print_table(path, ev, out, written_to=written)
    if legacy is not None:
        print(f"{path}: {legacy} Intet er skrevet.", file=err)
        code = max(code, EXIT_IO)
    if not ev.ok:
        code = max(code, EXIT_WORKBOOK_ERRORS)
    return out.getvalue(), err.getvalue(), code


def _tjek(args: argparse.Namespace) -> int:
    """`maalscore tjek FIL...`: 0 when every file is OK, 1 when one is not, 3 unreadable."""
    from .check import UNREADABLE, check_file

    code = EXIT_OK
    for path in args.files:
        result = check_file(path, sagsdata=args.sagsdata)
        if args.json:
            print(json.dumps(result.to_json(), ensure_ascii=False))
        else:
            print(f"{path}: {result.message()}")
        if result.status == UNREADABLE:
            code = max(code, EXIT_IO)
        elif not result.ok:
            code = max(code, EXIT_NOT_OK)
    return code


def _skabelon(args: argparse.Namespace) -> int:
    from .template import save_template

    try:
        save_template(args.out, year=args.year, institution=args.institution)
    except OSError as exc:
        print(f"{args.out}: kunne ikke gemme skabelonen ({exc.strerror or exc}).", file=sys.stderr)
        return EXIT_IO
    print(f"Skabelon gemt: {args.out}")
    return EXIT_OK


def _app(args: argparse.Namespace) -> int:
    """`maalscore app [FIL]`: the desktop app (PySide6 is imported only here)."""
    from desktop.app import run

    return int(run(args.file))


def _addin(args: argparse.Namespace) -> int:
    """`maalscore addin byg|installer`: the Excel add-in (xlwings is imported only here)."""
    from excel_addin.build import cli

    return int(cli(args.action, args.ud))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="maalscore",
        description="Målscore: beregn målopfyldelse, point og resultatløn i en mål- og "
        "resultatplan.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("beregn", help="beregn og skriv resultaterne i projektmappen")
    b.add_argument("files", nargs="+", type=Path, metavar="FIL")
    b.add_argument("--ud", type=Path, help="skriv til denne fil (eller mappe) i stedet")
    b.add_argument("--json", action="store_true", help="skriv ét JSON-objekt pr. fil")
    b.add_argument(
        "--sagsdata",
        type=Path,
        metavar="FIL",
        help="læs Sagsdata fra denne .csv- eller .xlsx-fil i stedet for arket Sagsdata",
    )
    b.add_argument(
        "-j",
        "--parallel",
        type=int,
        default=1,
        metavar="N",
        help="beregn flere filer samtidig i N processer (0: én pr. kerne)",
    )
    b.add_argument(
        "--ingen-backup",
        action="store_true",
        help="gem ikke den forrige version i .maalscore-backup/ ved siden af filen",
    )
    b.add_argument(
        "--tillad-signeret",
        action="store_true",
        help="skriv også i en digitalt signeret fil (signaturen bliver ugyldig)",
    )
    b.set_defaults(func=_beregn)
    t = sub.add_parser(
        "tjek", help="kontrollér, at tallene i projektmappen er dem, Målscore beregnede"
    )
    t.add_argument("files", nargs="+", type=Path, metavar="FIL")
    t.add_argument("--json", action="store_true", help="skriv ét JSON-objekt pr. fil")
    t.add_argument(
        "--sagsdata", type=Path, metavar="SAGER", help="den sagsdatafil, beregn fik med --sagsdata"
    )
    t.set_defaults(func=_tjek)
    s = sub.add_parser("skabelon", help="lav en ny, tom standardprojektmappe")
    s.add_argument("out", type=Path, metavar="UD.xlsx")
    s.add_argument("--år", "--aar", dest="year", type=int)
    s.add_argument("--institution")
    s.set_defaults(func=_skabelon)
    a = sub.add_parser("app", help="åbn skrivebordsprogrammet")
    a.add_argument("file", nargs="?", type=Path, metavar="FIL")
    a.set_defaults(func=_app)
    x = sub.add_parser(
        "addin",
        help="byg eller installer Excel-tilføjelsesprogrammet, eller lav xlwings Lite-scriptet",
        description="byg: lav excel_addin.xlam; installer: læg den i Excels startmappe "
        "(Windows, Mac); lite: skriv main.py og requirements.txt til xlwings Lite, med hele "
        "Målscores kerne indlejret (intet andet skal installeres).",
    )
    x.add_argument("action", choices=["byg", "installer", "lite"], metavar="byg|installer|lite")
    x.add_argument(
        "--ud", type=Path, metavar="MAPPE", help="mappen, filerne skrives i (standard: denne mappe)"
    )
    x.set_defaults(func=_addin)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
