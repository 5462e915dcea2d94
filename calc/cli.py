"""The `maalscore` command.

    maalscore beregn FILE... [--ud OUT.xlsx] [--json] [--ingen-backup] [--tillad-signeret]
                             [--sagsdata CASES.csv|.parquet|.xlsx] [-j N]
                             [--sagsdata-db URL [--sagsforespørgsel VIEW|FIL.sql]]
    maalscore tjek FILE... [--json] [--sagsdata CASES.csv|.xlsx]
    maalscore skabelon OUT.xlsx [--år 2026] [--institution NAVN]
    maalscore samle KILDE... --ud OVERSIGT.xlsx [--json] [--uden-løn] [-j N]
    maalscore opfølgning FILE --pr DATE [--ud OUT.xlsx] [--json] [--sagsdata CASES.csv]
    maalscore rapport FILE --ud REPORT.docx|REPORT.pdf [--uden-løn] [--skrivskyddad] [--overskriv]
    maalscore send FILE [--til ADDRESS] --ud DRAFT.eml [--uden-løn] [--rapport-med-løn]

Exit codes: 0 success (warnings allowed), 2 the workbook has errors, or the command line cannot be
understood (argparse's usage error; nothing written in either case), 3 a file
could not be read or written, or Målscore itself failed (an unexpected exception: a Danish message
that says so, the traceback only with `--debug`, nothing written). `samle`: 0 every source
godkendt or ikke beregnet, 1 some source ændret or afviger, 2 some source fejl, 3 the overview
could not be written.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import sys
import traceback
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any, NoReturn, TextIO

from . import fmt
from .consolidate import Consolidation, Verdict
from .engine import Evaluation, FileOptions, FollowUpEvaluation, followup_file, score_file
from .errors import Issue, MaalscoreError, has_errors
from .report.content import ANALYSED
from .safetext import SafeStream, terminal
from .trend import FollowUpTrend, Trend
from .xlsx.reader import legacy_warning

EXIT_OK, EXIT_WORKBOOK_ERRORS, EXIT_IO = 0, 2, 3
EXIT_NOT_OK = 1  # `tjek`: a file is not as Målscore calculated it
EXIT_USAGE = 2  # the command line itself is wrong (argparse's own code)
EXIT_INTERNAL = 3  # a bug in Målscore: said so in Danish; nothing is written
EXIT_INTERRUPTED = 130  # Ctrl-C


def internal_error(where: str, exc: BaseException, debug: bool) -> str:
    """The message for an exception nobody expected: in Danish, with the file (or command) it
    happened in, and the traceback only when asked for with `--debug`."""
    text = (
        f"{where}: uventet fejl ({type(exc).__name__}) – dette er en fejl i Målscore, ikke i "
        "projektmappen. Intet er skrevet, og filen er ikke ændret. Kør kommandoen igen med "
        "--debug, og send teksten til dem, der vedligeholder Målscore."
    )
    if debug:
        details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        text += "\n" + details.rstrip()
    return text


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
                "possible_points": _number(g.possible),
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
        **({"trend": trend_json(ev.trend)} if ev.trend is not None else {}),
    }


def trend_json(trend: Trend) -> dict[str, object]:
    """Last year beside this year: per goal and the change in the total (`beregn --json`)."""
    return {
        "source": trend.source or None,
        "last_year": trend.last_year,
        "total_points_last": _number(trend.last_total_points),
        "score_pct_last": _number(trend.last_score_pct),
        "change_points": _number(trend.change_points),
        "change_pct": _number(trend.change_pct),
        "goals": [
            {
                "id": g.goal_id,
                "fulfilment_pct_last": _number(g.last_fulfilment),
                "points_last": _number(g.last_points),
                "change_points": _number(g.change_points),
            }
            for g in trend.goals
        ],
    }


def followup_trend_json(trend: FollowUpTrend) -> dict[str, object]:
    """Last year beside a follow-up: per goal, and the projected range against last year."""
    return {
        "source": trend.source or None,
        "last_year": trend.last_year,
        "total_points_last": _number(trend.last_total_points),
        "score_pct_last": _number(trend.last_score_pct),
        "change_points_low": _number(trend.change_points_low),
        "change_points_high": _number(trend.change_points_high),
        "goals": [
            {"id": gid, "fulfilment_pct_last": _number(f), "points_last": _number(p)}
            for gid, f, p in trend.goals
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
        "info": "Info",
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
        "info": "Info",
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
    print(f"{terminal(title or path.name)} ({terminal(path.name)})", file=out)
    if card is not None and plan is not None:
        print(
            f"  {txt['goal']:<10} {txt['weight']:>7} {txt['fulfilment']:>11} "
            f"{txt['points']:>8}  {txt['status']}",
            file=out,
        )
        for g in card.goals:
            goal = plan.goal(g.goal_id)
            depth = 1 if goal is not None and goal.parent is not None else 0
            nr = "  " * depth + terminal(g.goal_id)
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
        if ev.trend is not None:
            print("  " + _trend_line(ev.trend, lang), file=out)
        for p in ev.pay:
            print(
                "  "
                + txt["pay"].format(
                    name=terminal(p.name),
                    c=fmt.kroner(p.computed, lang),
                    u=fmt.kroner(p.payout, lang),
                ),
                file=out,
            )
    _print_issues(ev.issues, lang, out, written_to)


def _trend_line(trend: Trend, lang: str) -> str:
    """`Sidste år (2024): 74,75 point (74,8 %); ændring −4,5 point`."""
    year = f" ({trend.last_year})" if trend.last_year is not None else ""
    parts = []
    if trend.last_total_points is not None:
        parts.append(
            f"{fmt.points(trend.last_total_points, lang)} {'poäng' if lang == 'sv' else 'point'}"
        )
    if trend.last_score_pct is not None:
        parts.append(f"({fmt.pct(trend.last_score_pct, lang)})")
    text = ("Föregående år" if lang == "sv" else "Sidste år") + f"{year}: " + " ".join(parts)
    if trend.change_points is not None:
        sign = "+" if trend.change_points > 0 else ""
        change = f"{sign}{fmt.points(trend.change_points, lang)}"
        text += f"; förändring {change} poäng" if lang == "sv" else f"; ændring {change} point"
    return text


def _print_issues(
    issues: tuple[Issue, ...], lang: str, out: TextIO, written_to: Path | None
) -> None:
    """Problems with sheet and cell, then whether (and where) anything was written."""
    txt = _LABELS[lang]
    for issue in issues:
        print(
            f"  {txt[issue.severity]} {terminal(issue.location())}: {terminal(issue.message)}",
            file=out,
        )
    if has_errors(issues):
        print("  " + txt["not_written"], file=out)
    elif written_to is not None:
        print("  " + txt["written"].format(path=terminal(str(written_to))), file=out)


def ask_password() -> str | None:
    """The case database's password, asked for in a terminal (never stored anywhere)."""
    if not sys.stdin.isatty():
        return None
    import getpass

    try:
        return getpass.getpass("Adgangskode til sagsdatabasen: ") or None
    except (EOFError, KeyboardInterrupt):
        return None


def _beregn(args: argparse.Namespace) -> int:
    files: list[Path] = args.files
    jobs, problem = destinations(files, args.ud)
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_IO
    options = FileOptions(
        sagsdata=args.sagsdata,
        sagsdata_db=args.sagsdata_db,
        sagsquery=args.sagsquery,
        password=ask_password,
        backup=not args.ingen_backup,
        allow_signed=args.tillad_signeret,
        last_year=args.sidste_aar,
    )
    work = [(path, dest, options, bool(args.json), bool(args.debug)) for path, dest in jobs]
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


def destinations(files: list[Path], ud: str | None) -> tuple[list[tuple[Path, Path | None]], str]:
    """Where each input is written (None: in place), or why `--ud` cannot be used. `--ud` is a
    folder when it exists as one, or ends with a slash (a new folder), and must be one for
    several files; two different inputs that would be written to the same file are an error
    before anything is written (the first result would silently be replaced)."""
    if ud is None:
        return [(path, None) for path in files], ""
    seps = ("/", os.sep) + ((os.altsep,) if os.altsep else ())
    folder = ud.endswith(seps) or Path(ud).is_dir()
    if len(files) > 1 and not folder:
        return [], (
            "--ud kan kun bruges med én fil, eller med en mappe (en ny mappe skrives med / til "
            f"sidst: --ud {ud}/)."
        )
    out = Path(ud)
    jobs: list[tuple[Path, Path | None]] = [
        (path, out / path.name if folder else out) for path in files
    ]
    first: dict[str, Path] = {}
    clashes: list[str] = []
    for path, dest in jobs:
        assert dest is not None
        key, source = _path_key(dest), _path_key(path)
        other = first.setdefault(key, path)
        if _path_key(other) != source:
            clashes.append(f"«{other}» og «{path}» ville begge blive skrevet til «{dest}»")
    if clashes:
        return [], (
            "--ud: " + "; ".join(clashes) + ". Intet er skrevet. Giv filerne forskellige navne, "
            "eller kør dem hver for sig med hver sin --ud."
        )
    return jobs, ""


def _path_key(path: Path) -> str:
    """A path as the file system tells files apart (Windows and macOS ignore case)."""
    key = os.path.normcase(str(Path(path).resolve()))
    return key.casefold() if sys.platform == "darwin" else key


def _beregn_one(job: tuple[Path, Path | None, FileOptions, bool, bool]) -> tuple[str, str, int]:
    """Score one file: (what to print on stdout, on stderr, exit code). Runs in a worker
    process with `--parallel`, so it returns text rather than printing. Never raises: an
    unexpected exception is this file's `EXIT_INTERNAL`, and the other files go on."""
    path, dest, options, as_json, debug = job
    try:
        return _score_one(path, dest, options, as_json)
    except Exception as exc:  # a bug in Målscore: said so, never a traceback unless asked
        message = internal_error(str(path), exc, debug)
        out = json.dumps({"file": str(path), "error": message.splitlines()[0]}, ensure_ascii=False)
        return (out + "\n" if as_json else ""), message + "\n", EXIT_INTERNAL


def _score_one(
    path: Path, dest: Path | None, options: FileOptions, as_json: bool
) -> tuple[str, str, int]:
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
        print(f"{terminal(str(path))}: {terminal(str(exc))}", file=err)
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


def followup_json(ev: FollowUpEvaluation) -> dict[str, object]:
    """The `opfølgning --json` record (keys as documented in README.md)."""
    fu, plan = ev.followup, ev.plan
    lang = plan.lang if plan else "da"
    return {
        "as_of": ev.as_of.isoformat() if ev.as_of else None,
        "goals": [
            {
                "id": g.goal_id,
                "to_date_pct": _number(g.to_date),
                "forecast": g.forecast.label(lang),
                "explanation": g.explanation,
            }
            for g in (fu.goals if fu else ())
        ],
        "projected": {
            "points_low": _number(fu.projected.points_low),
            "points_high": _number(fu.projected.points_high),
            "score_pct_low": _number(fu.projected.score_pct_low),
            "score_pct_high": _number(fu.projected.score_pct_high),
        }
        if fu
        else None,
        "pay": [
            {
                "name": p.name,
                "payout_low": _number(p.payout_low),
                "payout_high": _number(p.payout_high),
            }
            for p in (fu.pay if fu else ())
        ],
        "issues": [
            {"sheet": i.sheet, "cell": i.cell, "severity": i.severity, "message": i.message}
            for i in ev.issues
        ],
        **({"trend": followup_trend_json(ev.trend)} if ev.trend is not None else {}),
    }


_FOLLOWUP_HEAD = {
    "da": ("Nr", "Pr. dato", "Forventet", "Forventning"),
    "sv": ("Nr", "Per datum", "Förväntad", "Förväntan"),
}
_FOLLOWUP_LABELS = {
    "da": {
        "title": "Opfølgning pr. {day}",
        "range": "Forventet ved årets udgang: {lo}–{hi} af {m} point ({plo}–{phi})",
        "pay": "Resultatløn {name}: {lo}–{hi}",
        "comment": "kommentar",
    },
    "sv": {
        "title": "Uppföljning per {day}",
        "range": "Förväntat vid årets slut: {lo}–{hi} av {m} poäng ({plo}–{phi})",
        "pay": "Resultatlön {name}: {lo}–{hi}",
        "comment": "kommentar",
    },
}


def print_followup(
    path: Path, ev: FollowUpEvaluation, out: TextIO, written_to: Path | None = None
) -> None:
    """The follow-up for people: per goal the status so far, the expected year end and the
    forecast; the projected range of points, score and pay; then problems."""
    plan, fu = ev.plan, ev.followup
    lang = plan.lang if plan else "da"
    txt = _FOLLOWUP_LABELS[lang]
    title = " ".join(str(x) for x in ((plan.institution, plan.year) if plan else ()) if x)
    print(f"{terminal(title or path.name)} ({terminal(path.name)})", file=out)
    if fu is not None and plan is not None and ev.as_of is not None:
        day = ev.as_of.isoformat() if lang == "sv" else ev.as_of.strftime("%d-%m-%Y")
        print("  " + txt["title"].format(day=day), file=out)
        nr, so_far, expected, forecast = _FOLLOWUP_HEAD[lang]
        print(f"  {nr:<10} {so_far:>9} {expected:>10}  {forecast}", file=out)
        for g in fu.goals:
            goal = plan.goal(g.goal_id)
            depth = 1 if goal is not None and goal.parent is not None else 0
            shown = "  " * depth + terminal(g.goal_id)
            now = fmt.pct(g.to_date, lang) if g.to_date is not None else "–"
            then = fmt.pct(g.expected, lang) if g.expected is not None else "–"
            line = f"  {shown:<10} {now:>9} {then:>10}  {g.forecast.label(lang)}"
            if g.comment:
                line += f" ({txt['comment']}: {terminal(g.comment)})"
            print(line, file=out)
        p = fu.projected
        print(
            "  "
            + txt["range"].format(
                lo=fmt.points(p.points_low, lang),
                hi=fmt.points(p.points_high, lang),
                m=fmt.points(p.max_points, lang),
                plo=fmt.pct(p.score_pct_low, lang),
                phi=fmt.pct(p.score_pct_high, lang),
            ),
            file=out,
        )
        for pay in fu.pay:
            print(
                "  "
                + txt["pay"].format(
                    name=terminal(pay.name),
                    lo=fmt.kroner(pay.payout_low, lang),
                    hi=fmt.kroner(pay.payout_high, lang),
                ),
                file=out,
            )
    _print_issues(ev.issues, lang, out, written_to)


def _opfoelgning(args: argparse.Namespace) -> int:
    """`maalscore opfølgning FIL --pr DATO`: status so far and forecast, written to the
    Opfølgning sheet (in place, or into --ud)."""
    path: Path = args.file
    options = FileOptions(
        sagsdata=args.sagsdata,
        backup=not args.ingen_backup,
        allow_signed=args.tillad_signeret,
        last_year=args.sidste_aar,
    )
    try:
        if args.ud is not None:
            args.ud.parent.mkdir(parents=True, exist_ok=True)
        ev = followup_file(path, args.pr, args.ud, options=options)
    except MaalscoreError as exc:
        print(f"{terminal(str(path))}: {terminal(str(exc))}", file=sys.stderr)
        if args.json:
            print(json.dumps({"file": str(path), "error": str(exc)}, ensure_ascii=False))
        return EXIT_IO
    except OSError as exc:
        print(
            f"{path}: filen kunne ikke læses eller skrives ({exc.strerror or exc}).",
            file=sys.stderr,
        )
        return EXIT_IO
    if args.json:
        print(json.dumps(followup_json(ev), ensure_ascii=False))
    else:
        written = (args.ud or path) if ev.updates and ev.ok else None
        print_followup(path, ev, sys.stdout, written_to=written)
    return EXIT_OK if ev.ok else EXIT_WORKBOOK_ERRORS


def _tjek(args: argparse.Namespace) -> int:
    """`maalscore tjek FIL...`: 0 when every file is OK, 1 when one is not, 3 unreadable."""
    from .check import UNREADABLE, check_file

    code = EXIT_OK
    for path in args.files:
        try:
            result = check_file(
                path,
                sagsdata=args.sagsdata,
                last_year=args.sidste_aar,
                sagsdata_db=args.sagsdata_db,
                sagsquery=args.sagsquery,
            )
        except Exception as exc:  # a bug in Målscore: this file's verdict is that, the rest go on
            message = internal_error(str(path), exc, args.debug)
            if args.json:
                print(json.dumps({"file": str(path), "error": message.splitlines()[0]}))
            print(message, file=sys.stderr)
            code = max(code, EXIT_INTERNAL)
            continue
        if args.json:
            print(json.dumps(result.to_json(), ensure_ascii=False))
        else:
            lines = result.message().split("\n  ")  # the message's own line structure
            print(f"{terminal(str(path))}: " + "\n  ".join(terminal(line) for line in lines))
        if result.status == UNREADABLE:
            code = max(code, EXIT_IO)
        elif not result.ok:
            code = max(code, EXIT_NOT_OK)
    return code


def _samle(args: argparse.Namespace) -> int:
    """`maalscore samle KILDE... --ud OVERSIGT.xlsx`: the departement's check and overview."""
    from .collect import OverviewError, collect, is_overview, write_overview

    if args.ud is None and not args.json:
        print(
            "Angiv oversigtens filnavn med --ud OVERSIGT.xlsx (eller brug --json).", file=sys.stderr
        )
        return EXIT_WORKBOOK_ERRORS
    # An earlier overview at the target is not read as a source; any other file there is, and
    # is then refused as a target.
    exclude = [args.ud] if args.ud is not None and is_overview(args.ud) else []
    # Goal and pay rows are kept for every agency only when the overview shows them
    result = collect(args.sources, jobs=args.parallel, exclude=exclude, rows=args.ud is not None)
    with_pay = not args.uden_lon
    code = result.exit_code
    if args.json:
        # Written as it is encoded, not first as one string the size of the whole output
        # (and a second one from the terminal-safe stream): the same text, less memory
        json.dump(samle_json(result, with_pay), sys.stdout, ensure_ascii=False)
        print()
    else:
        print_consolidation(result, sys.stdout)
    if args.ud is not None:
        try:
            write_overview(args.ud, result, with_pay=with_pay, sources=args.sources)
        except OverviewError as exc:
            print(str(exc), file=sys.stderr)
            return EXIT_IO
        except ModuleNotFoundError as exc:
            print(
                f"Oversigten kræver pakken {exc.name}: pip install 'maalscore[samle]'.",
                file=sys.stderr,
            )
            return EXIT_IO
        if not args.json:
            done = (
                "Översikten har skrivits till"
                if result.lang == "sv"
                else "Oversigten er skrevet til"
            )
            print(f"{done} {args.ud}")
    return code


def samle_json(result: Consolidation, with_pay: bool = True) -> dict[str, object]:
    """The `samle --json` object (keys as documented in README.md)."""
    agencies = []
    for a in result.agencies:
        n = a.counts
        item: dict[str, object] = {
            "file": a.path,
            "institution": a.institution or None,
            "year": a.year,
            "total_points": _number(a.total_points),
            "max_points": _number(a.max_points),
            "score_pct": _number(a.score_pct),
            "counts": {"met": n.met, "partly": n.partly, "not_met": n.not_met, "missing": n.missing}
            if n
            else None,
            "payout_total": _number(a.payout_total),
            "verdict": a.verdict.value,
            "changed_cells": list(a.changed_cells),
            "reason": a.reason,
            "sha256": a.sha256 or None,
        }
        if not with_pay:
            del item["payout_total"]
        agencies.append(item)
    issues = [
        {
            "file": p.source or None,
            "institution": p.institution or None,
            "year": p.year,
            "sheet": p.issue.sheet,
            "cell": p.issue.cell,
            "severity": p.issue.severity,
            "message": p.issue.message,
        }
        for p in result.problems
    ]
    return {"agencies": agencies, "issues": issues}


def print_consolidation(result: Consolidation, out: TextIO) -> None:
    """One line per agency for people: verdict, institution and year, score, file; the reason
    below every verdict but godkendt."""
    lang = result.lang
    for a in result.agencies:
        title = terminal(" ".join(str(x) for x in (a.institution, a.year) if x) or "–")
        score = fmt.pct(a.score_pct, lang) if a.score_pct is not None else "–"
        source = terminal(str(a.source))
        print(f"{a.verdict.label(lang).upper():<14} {title:<40} {score:>8}  {source}", file=out)
        if a.verdict is not Verdict.APPROVED:
            print(f"{'':<14} {terminal(a.reason)}", file=out)
    tally = Counter(a.verdict for a in result.agencies)
    print(
        ", ".join(f"{tally[v]} {v.label(lang)}" for v in Verdict if tally[v])
        or ("Inga källor." if lang == "sv" else "Ingen kilder."),
        file=out,
    )


_HANDIN_TEXT = {
    "da": {
        "report": "Rapporten er skrevet til {path}: {goals} mål i del 1, {analyses} mål at "
        "analysere i del 2{pay}{locked}.",
        "with_pay": ", med resultatløn",
        "locked": ", skrivebeskyttet",
        "draft": "Udkastet er skrevet til {path} (til {to}), med {files}.",
        "password": "Adgangskode til projektmappen: {password}",
        "advice": "Giv modtageren adgangskoden ad en anden vej end e-mailen – ring eller send "
        "en sms. Den står ikke i udkastet og gemmes ingen steder; den vises kun denne ene gang.",
    },
    "sv": {
        "report": "Rapporten är skriven till {path}: {goals} mål i del 1, {analyses} mål att "
        "analysera i del 2{pay}{locked}.",
        "with_pay": ", med resultatlön",
        "locked": ", skrivskyddad",
        "draft": "Utkastet är skrivet till {path} (till {to}), med {files}.",
        "password": "Lösenord till arbetsboken: {password}",
        "advice": "Ge mottagaren lösenordet på annat sätt än via e-post – ring eller skicka ett "
        "sms. Det står inte i utkastet och sparas ingenstans; det visas bara denna enda gång.",
    },
}


def _handin_options(args: argparse.Namespace) -> FileOptions:
    return FileOptions(sagsdata=args.sagsdata, last_year=args.sidste_aar, password=ask_password)


def _handin_command(path: Path, work: Callable[[], list[str]]) -> int:
    """Run `rapport`'s or `send`'s work and print its lines; a problem is one message on
    standard error and its exit code (2 not ready, 3 a file)."""
    from .handin import HandinError

    try:
        lines = work()
    except HandinError as exc:
        print(f"{path}: {exc}", file=sys.stderr)
        return exc.exit_code
    except MaalscoreError as exc:
        print(f"{path}: {exc}", file=sys.stderr)
        return EXIT_IO
    except OSError as exc:
        which = exc.filename or path
        print(f"{path}: {which} kunne ikke læses ({exc.strerror or exc}).", file=sys.stderr)
        return EXIT_IO
    for line in lines:
        print(line)
    return EXIT_OK


def _rapport(args: argparse.Namespace) -> int:
    """`maalscore rapport FIL --ud RAPPORT.docx|.pdf`: the årsrapport's målrapportering."""
    from .handin import HandinError, kind_of, report_bytes, verify, write_new

    def work() -> list[str]:
        kind = kind_of(args.ud)
        if kind != "pdf" and args.skrivskyddad:
            raise HandinError("Kun en PDF kan skrivebeskyttes (--skrivskyddad).", EXIT_USAGE)
        v = verify(args.file, _handin_options(args))
        protect = kind == "pdf" and (
            v.lang == "sv" if args.skrivskyddad is None else args.skrivskyddad
        )
        data = report_bytes(v, kind, with_pay=not args.uden_lon, protect=protect)
        write_new(args.ud, data, overwrite=args.overskriv)
        card = v.evaluation.scorecard
        assert card is not None
        txt = _HANDIN_TEXT[v.lang]
        analyses = sum(1 for g in card.goals if g.is_top_level and g.status in ANALYSED)
        line = txt["report"].format(
            path=args.ud,
            goals=len(card.goals),
            analyses=analyses,
            pay=txt["with_pay"] if v.evaluation.pay and not args.uden_lon else "",
            locked=txt["locked"] if protect else "",
        )
        return [line]

    return _handin_command(args.file, work)


def _send(args: argparse.Namespace) -> int:
    """`maalscore send FIL --til ADRESSE --ud UDKAST.eml`: the draft to the departement with
    the workbook encrypted (the password printed once) or, with --uden-løn, without pay."""
    from .handin import HandinError, hand_in, one_address, verify, write_new

    def work() -> list[str]:
        if args.ud.suffix.lower() != ".eml":
            raise HandinError(f"Udkastet skal have endelsen .eml («{args.ud.name}»).", EXIT_USAGE)
        if args.ud.exists():
            raise HandinError(f"«{args.ud}» findes allerede og overskrives ikke.")
        v = verify(args.file, _handin_options(args))
        plan = v.evaluation.plan
        assert plan is not None
        to = (args.til or plan.ministry_email or "").strip()
        if not one_address(to):
            raise HandinError(
                "Angiv modtageren med --til ADRESSE (én e-mailadresse), eller skriv den ud for "
                "Departementets e-mail på arket Plan."
                if not to
                else f"«{to}» er ikke én e-mailadresse.",
                EXIT_USAGE,
            )
        sent = hand_in(
            v,
            to,
            without_pay=args.uden_lon,
            report_with_pay=args.rapport_med_lon,
            signature=args.underskrift or "",
            sender=args.fra or "",
        )
        write_new(args.ud, bytes(sent.message))
        txt = _HANDIN_TEXT[v.lang]
        files = (" og " if v.lang == "da" else " och ").join(sent.attachments)
        lines = [txt["draft"].format(path=args.ud, to=to, files=files)]
        if sent.password:
            lines += [txt["password"].format(password=sent.password), txt["advice"]]
        return lines

    return _handin_command(args.file, work)


def _skabelon(args: argparse.Namespace) -> int:
    from .template import save_template

    try:
        save_template(args.out, year=args.year, institution=args.institution)
    except OSError as exc:
        print(f"{args.out}: kunne ikke gemme skabelonen ({exc.strerror or exc}).", file=sys.stderr)
        return EXIT_IO
    print(f"Skabelon gemt: {args.out}")
    return EXIT_OK


_ROLLOVER_COUNTS = {  # (Danish one, Danish many, Swedish one, Swedish many)
    "resultater": ("resultat", "resultater", "utfall", "utfall"),
    "leverancer": ("leverance", "leverancer", "leverans", "leveranser"),
    "sager": ("række sagsdata", "rækker sagsdata", "rad ärenden", "rader ärenden"),
    "lønbeslutninger": (
        "persons skøn og bortfald",
        "personers skøn og bortfald",
        "persons justering och bortfall",
        "personers justeringar och bortfall",
    ),
    "opfølgningsrækker": (
        "opfølgningsrække",
        "opfølgningsrækker",
        "uppföljningsrad",
        "uppföljningsrader",
    ),
}


def _nyt_aar(args: argparse.Namespace) -> int:
    """`maalscore nyt-år FIL --år 2026 --ud NY.xlsx`: next year's plan from this year's."""
    from .rollover import rollover_file

    try:
        result = rollover_file(args.file, args.ud, args.year, move_dates=args.flyt_datoer)
    except MaalscoreError as exc:
        print(f"{args.file}: {exc}", file=sys.stderr)
        return EXIT_IO
    except OSError as exc:
        print(
            f"{args.file}: filen kunne ikke læses eller skrives ({exc.strerror or exc}).",
            file=sys.stderr,
        )
        return EXIT_IO
    sv = result.lang == "sv"
    if result.ok:
        print(
            f"Planen för {result.year} sparad i {args.ud}"
            if sv
            else f"Planen for {result.year} gemt i {args.ud}"
        )
        emptied = [
            f"{n} {_ROLLOVER_COUNTS[k][(2 if sv else 0) + (n != 1)]}"
            for k, n in result.counts.items()
            if k in _ROLLOVER_COUNTS and n
        ]
        if emptied:
            print(("  Tömt: " if sv else "  Tømt: ") + ", ".join(emptied))
        moved = result.counts.get("frister", 0)
        if moved:
            many = moved != 1
            word = (
                ("tidsgränser" if many else "tidsgräns") if sv else ("frister" if many else "frist")
            )
            print(f"  {moved} {word} flyttade ett år" if sv else f"  {moved} {word} flyttet ét år")
        print(
            "  Årets utfall, måluppfyllelse och poäng står i kolumnerna Föregående år på Mål."
            if sv
            else "  Årets resultat, opfyldelse og point står i kolonnerne Sidste år på Mål."
        )
    _print_issues(tuple(result.issues), result.lang, sys.stdout, None)
    return EXIT_OK if result.ok else EXIT_WORKBOOK_ERRORS


def _app(args: argparse.Namespace) -> int:
    """`maalscore app [FIL]`: the desktop app (PySide6 is imported only here)."""
    from desktop.app import run

    return int(run(args.file))


def _addin(args: argparse.Namespace) -> int:
    """`maalscore addin byg|installer`: the Excel add-in (xlwings is imported only here)."""
    from excel_addin.build import cli

    return int(cli(args.action, args.ud))


class _DanishFormatter(argparse.HelpFormatter):
    """argparse's help layout with a Danish "brug:" line."""

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, "brug: " if prefix is None else prefix)


# argparse's own messages (Python 3.11–3.14) and their Danish wording, tried in order.
_ARGPARSE_DA: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), danish)
    for pattern, danish in (
        (r"^the following arguments are required: (.*)$", r"disse argumenter mangler: \1"),
        (r"^unrecognized arguments: (.*)$", r"ukendte argumenter: \1"),
        (
            r"^argument (\S+): invalid choice: (.*?) \(choose from (.*)\)$",
            r"argument \1: ugyldigt valg: \2 (vælg mellem \3)",
        ),
        (r"^argument (\S+): invalid \S+ value: (.*)$", r"argument \1: ugyldig værdi: \2"),
        (r"^argument (\S+): expected one argument$", r"argument \1: mangler en værdi"),
        (r"^argument (\S+): ignored explicit argument (.*)$", r"argument \1: ukendt værdi \2"),
        (r"^ambiguous option: (.*)$", r"tvetydigt tilvalg: \1"),
    )
)


def danish_message(message: str) -> str:
    """argparse's English error message in Danish (unchanged when it is not one we know)."""
    for pattern, danish in _ARGPARSE_DA:
        if pattern.match(message):
            return pattern.sub(danish, message)
    return message


class DanishArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser whose help and errors are Danish: "brug:", "argumenter",
    "tilvalg", "-h, --help  vis denne hjælp og afslut", and "fejl:" with the message
    translated. Subcommands get the same class."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        add_help = bool(kwargs.get("add_help", True))
        kwargs["add_help"] = False  # our own -h/--help below, with a Danish text
        kwargs.setdefault("formatter_class", _DanishFormatter)
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumenter"
        self._optionals.title = "tilvalg"
        if add_help:
            self.add_argument(
                "-h",
                "--help",
                action="help",
                default=argparse.SUPPRESS,
                help="vis denne hjælp og afslut",
            )

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: fejl: {danish_message(message)}\n")


def _add_last_year(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--sidste-år",
        "--sidste-aar",
        dest="sidste_aar",
        type=Path,
        metavar="FIL",
        help="sidste års projektmappe: vis udviklingen fra sidste år",
    )


def _add_without_pay(parser: argparse.ArgumentParser, text: str) -> None:
    parser.add_argument(
        "--uden-løn", "--uden-lon", "--utan-lön", dest="uden_lon", action="store_true", help=text
    )


def _add_case_file(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--sagsdata", type=Path, metavar="FIL", help="den sagsdatafil, beregn fik med --sagsdata"
    )


def build_parser() -> argparse.ArgumentParser:
    parser = DanishArgumentParser(
        prog="maalscore",
        description="Målscore: beregn målopfyldelse, point og resultatløn i en mål- og "
        "resultatplan.",
        epilog="Afslutningskoder: 0 gennemført (advarsler er tilladt), 1 tjek: en fil er ikke "
        "OK, 2 fejl i projektmappen eller i kommandoen (intet er skrevet), 3 en fil kunne ikke "
        "læses eller skrives, eller Målscore selv fejlede (se --debug). Hjælp til en kommando: "
        "maalscore KOMMANDO --help.",
    )
    sub = parser.add_subparsers(
        dest="command", required=True, metavar="KOMMANDO", title="kommandoer"
    )
    b = sub.add_parser(
        "beregn",
        help="beregn og skriv resultaterne i projektmappen",
        description="Beregn målopfyldelse, point, samlet score og resultatløn, og skriv "
        "resultaterne og integritetsstemplet i projektmappen (eller i en kopi med --ud).",
    )
    b.add_argument(
        "files", nargs="+", type=Path, metavar="FIL", help="en eller flere projektmapper (.xlsx)"
    )
    b.add_argument(
        "--ud",
        metavar="UD",
        help="skriv til denne fil (eller mappe: findes den ikke, så skriv / til sidst) i stedet",
    )
    b.add_argument("--json", action="store_true", help="skriv ét JSON-objekt pr. fil")
    b.add_argument(
        "--sagsdata",
        type=Path,
        metavar="FIL",
        help="læs Sagsdata fra denne .csv-, .tsv-, .txt-, .parquet- eller .xlsx-fil i stedet "
        "for arket Sagsdata (af enhver størrelse)",
    )
    b.add_argument(
        "--sagsdata-db",
        metavar="URL",
        help="beregn indikatorerne i denne database (SQLAlchemy-URL uden adgangskode, fx "
        "postgresql+pg8000://bruger@server/dw; adgangskoden fra MAALSCORE_DB_PASSWORD eller "
        "spørges der om)",
    )
    b.add_argument(
        "--sagsforespørgsel",
        "--sagsforesporgsel",
        dest="sagsquery",
        metavar="VIEW|FIL.sql",
        help="det view (eller den .sql-fil), der giver Sagsdata-kolonnerne i databasen",
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
    _add_last_year(b)
    b.set_defaults(func=_beregn)
    o = sub.add_parser(
        "opfølgning",
        aliases=["opfoelgning", "uppföljning", "uppfoljning"],
        help="status og prognose for hvert mål pr. en dato i løbet af året",
        description="Følg op pr. en dato i årets løb: hvert måls status på det, der var kendt "
        "på datoen, og en prognose for årets udgang (forventes opfyldt, risiko, forventes ikke "
        "opfyldt, ukendt), med forventet point, score og resultatløn som et interval. Skrives "
        "på arket Opfølgning (eller i en kopi med --ud).",
    )
    o.add_argument("file", type=Path, metavar="FIL", help="projektmappen (.xlsx)")
    o.add_argument(
        "--pr",
        required=True,
        metavar="DATO",
        help="datoen eller kvartalet: 30-09-2025, Q3, '3. kvartal' (i planens år)",
    )
    o.add_argument("--ud", type=Path, metavar="UD", help="skriv til denne fil i stedet for i FIL")
    o.add_argument("--json", action="store_true", help="skriv ét JSON-objekt")
    o.add_argument(
        "--sagsdata",
        type=Path,
        metavar="FIL",
        help="læs Sagsdata fra denne .csv- eller .xlsx-fil i stedet for arket Sagsdata",
    )
    o.add_argument(
        "--ingen-backup",
        action="store_true",
        help="gem ikke den forrige version i .maalscore-backup/ ved siden af filen",
    )
    o.add_argument(
        "--tillad-signeret",
        action="store_true",
        help="skriv også i en digitalt signeret fil (signaturen bliver ugyldig)",
    )
    _add_last_year(o)
    o.set_defaults(func=_opfoelgning)
    t = sub.add_parser(
        "tjek",
        help="kontrollér, at tallene i projektmappen er dem, Målscore beregnede",
        description="Kontrollér hver projektmappe: er input og resultater dem, Målscore "
        "beregnede, og giver en ny beregning de samme resultater? Én dom pr. fil: OK, BEREGNET "
        "I EXCEL, IKKE OK, ALDRIG BEREGNET, STEMPEL BESKADIGET eller KAN IKKE LÆSES.",
    )
    t.add_argument(
        "files", nargs="+", type=Path, metavar="FIL", help="projektmapper at kontrollere"
    )
    t.add_argument("--json", action="store_true", help="skriv ét JSON-objekt pr. fil")
    t.add_argument(
        "--sagsdata", type=Path, metavar="SAGER", help="den sagsdatafil, beregn fik med --sagsdata"
    )
    t.add_argument(
        "--sagsdata-db",
        metavar="URL",
        help="sagsdatabasen (tjek forbinder aldrig til en database, projektmappen selv nævner)",
    )
    t.add_argument(
        "--sagsforespørgsel",
        "--sagsforesporgsel",
        dest="sagsquery",
        metavar="VIEW|FIL.sql",
        help="det view (eller den .sql-fil), der giver Sagsdata-kolonnerne i databasen",
    )
    _add_last_year(t)
    t.set_defaults(func=_tjek)
    s = sub.add_parser(
        "skabelon",
        help="lav en ny, tom standardprojektmappe",
        description="Lav en ny, tom standardprojektmappe med arkene Vejledning, Plan, Mål, "
        "Milepæle, Sagsdata, Resultatløn og Resultat.",
    )
    s.add_argument("out", type=Path, metavar="UD.xlsx", help="filen, der skal laves")
    s.add_argument("--år", "--aar", dest="year", type=int, metavar="ÅR", help="planens år")
    s.add_argument("--institution", metavar="NAVN", help="institutionens navn")
    s.set_defaults(func=_skabelon)
    n = sub.add_parser(
        "nyt-år",
        aliases=["nyt-aar", "nytt-år", "nytt-ar"],
        help="lav næste års plan ud fra årets",
        description="Lav næste års projektmappe ud fra årets: samme ark, mål, vægte, regler og "
        "formater; resultater, leverancer, sagsdata, skøn, opfølgning og stempel tømt; årets "
        "resultat, opfyldelse og point gemt i kolonnerne Sidste år til udviklingen.",
    )
    n.add_argument("file", type=Path, metavar="FIL", help="årets projektmappe (.xlsx)")
    n.add_argument(
        "--år", "--aar", dest="year", type=int, metavar="ÅR", help="det nye år (ellers året + 1)"
    )
    n.add_argument(
        "--ud", type=Path, metavar="NY.xlsx", required=True, help="den nye fil (må ikke findes)"
    )
    n.add_argument(
        "--flyt-datoer",
        action="store_true",
        help="flyt fristerne på Mål og Milepæle ét år frem (29. februar bliver 28. februar)",
    )
    n.set_defaults(func=_nyt_aar)
    m = sub.add_parser(
        "samle",
        help="kontrollér og saml mange institutioners projektmapper i én oversigt (departementet)",
        description="Kontrollér hver projektmappe som tjek og saml dem i én oversigt.",
    )
    m.add_argument(
        "sources",
        nargs="+",
        type=Path,
        metavar="KILDE",
        help="projektmapper, mapper (søges igennem) og gemte e-mails (.eml)",
    )
    m.add_argument("--ud", type=Path, metavar="OVERSIGT.xlsx", help="skriv oversigten hertil")
    m.add_argument("--json", action="store_true", help="skriv resultatet som ét JSON-objekt")
    m.add_argument(
        "--uden-løn",
        "--uden-lon",
        dest="uden_lon",
        action="store_true",
        help="udelad resultatlønnen",
    )
    m.add_argument(
        "-j",
        "--parallel",
        type=int,
        default=1,
        metavar="N",
        help="læs flere filer samtidig i N processer (0: én pr. kerne)",
    )
    m.set_defaults(func=_samle)
    r = sub.add_parser(
        "rapport",
        help="lav årsrapportens målrapportering som Word (.docx) eller PDF",
        description="Lav målrapporteringen til årsrapporten ud fra en beregnet projektmappe: "
        "del 1 med alle mål og deres status, del 2 med et afsnit til analyse af hvert mål, "
        "der ikke er opfyldt, et diagram over point pr. mål og resultatlønnen. Projektmappen "
        "skal være beregnet med Målscore (tjek OK). Dansk eller svensk efter planens sprog.",
    )
    r.add_argument("file", type=Path, metavar="FIL", help="den beregnede projektmappe (.xlsx)")
    r.add_argument(
        "--ud",
        type=Path,
        required=True,
        metavar="RAPPORT.docx|RAPPORT.pdf",
        help="rapportens fil; endelsen vælger Word eller PDF",
    )
    _add_without_pay(r, "udelad resultatlønnen af rapporten")
    protect = r.add_mutually_exclusive_group()
    protect.add_argument(
        "--skrivskyddad",
        "--skrivebeskyttet",
        dest="skrivskyddad",
        action="store_const",
        const=True,
        default=None,
        help="skrivebeskyt PDF'en (standard for svenske planer)",
    )
    protect.add_argument(
        "--ej-skrivskyddad",
        "--ikke-skrivebeskyttet",
        dest="skrivskyddad",
        action="store_const",
        const=False,
        help="skrivebeskyt ikke PDF'en",
    )
    r.add_argument(
        "--overskriv", action="store_true", help="erstat en eksisterende rapport med samme navn"
    )
    _add_case_file(r)
    _add_last_year(r)
    r.set_defaults(func=_rapport)
    e = sub.add_parser(
        "send",
        help="lav e-mailudkastet til departementet med projektmappen krypteret",
        description="Lav et e-mailudkast (.eml) til departementet med projektmappen og "
        "rapporten (PDF). Projektmappen krypteres med en ny adgangskode, der vises her én "
        "gang og aldrig står i udkastet; giv den til modtageren ad en anden vej. Med "
        "--uden-løn vedhæftes i stedet en kopi uden resultatløn.",
    )
    e.add_argument("file", type=Path, metavar="FIL", help="den beregnede projektmappe (.xlsx)")
    e.add_argument(
        "--til",
        metavar="ADRESSE",
        help="modtagerens e-mailadresse (standard: Departementets e-mail på arket Plan)",
    )
    e.add_argument(
        "--ud", type=Path, required=True, metavar="UDKAST.eml", help="udkastets fil (.eml)"
    )
    _add_without_pay(
        e, "vedhæft en kopi uden resultatløn (ukrypteret) i stedet for den krypterede projektmappe"
    )
    e.add_argument(
        "--rapport-med-løn",
        "--rapport-med-lon",
        dest="rapport_med_lon",
        action="store_true",
        help="tag resultatlønnen med i rapporten (PDF'en krypteres da med samme adgangskode)",
    )
    e.add_argument("--underskrift", metavar="TEKST", help="underskriften under hilsenen")
    e.add_argument("--fra", metavar="ADRESSE", help="afsenderens e-mailadresse")
    _add_case_file(e)
    _add_last_year(e)
    e.set_defaults(func=_send)
    a = sub.add_parser(
        "app", help="åbn skrivebordsprogrammet", description="Åbn skrivebordsprogrammet."
    )
    a.add_argument("file", nargs="?", type=Path, metavar="FIL", help="projektmappen, der åbnes")
    a.set_defaults(func=_app)
    x = sub.add_parser(
        "addin",
        help="byg eller installer Excel-tilføjelsesprogrammet, eller lav xlwings Lite-scriptet",
        description="byg: lav excel_addin.xlam; installer: læg den i Excels startmappe "
        "(Windows, Mac); lite: skriv main.py og requirements.txt til xlwings Lite, med hele "
        "Målscores kerne indlejret (intet andet skal installeres).",
    )
    x.add_argument(
        "action",
        choices=["byg", "installer", "lite"],
        metavar="byg|installer|lite",
        help="hvad der skal laves",
    )
    x.add_argument(
        "--ud", type=Path, metavar="MAPPE", help="mappen, filerne skrives i (standard: denne mappe)"
    )
    x.set_defaults(func=_addin)
    for command in {id(p): p for p in sub.choices.values()}.values():  # aliases share one
        command.add_argument(
            "--debug",
            action="store_true",
            help="vis de tekniske detaljer (traceback), hvis Målscore selv fejler",
        )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one subcommand. Whatever happens inside it, the user sees a Danish message and a
    documented exit code, never a traceback (unless `--debug`), and `--json` stays JSON. What
    it prints goes through `SafeStream`: a workbook's text can neither act on the terminal nor
    fail to print (issue 10)."""
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = SafeStream(out), SafeStream(err)
    try:
        return _main(argv)
    finally:
        sys.stdout, sys.stderr = out, err


def _main(argv: Sequence[str] | None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        print("Afbrudt.", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as exc:  # a bug in Målscore outside the per-file handling
        files = getattr(args, "files", None) or [getattr(args, "out", None) or args.command]
        where = ", ".join(str(f) for f in files if f is not None)
        debug = bool(getattr(args, "debug", False))
        message = internal_error(f"maalscore {args.command} {where}".strip(), exc, debug)
        if getattr(args, "json", False):
            print(json.dumps({"error": message.splitlines()[0]}, ensure_ascii=False))
        print(message, file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
