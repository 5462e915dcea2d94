"""The year-end hand-in: the årsrapport's report, the copy without pay, the encrypted e-mail.

Every front end (`maalscore rapport` and `maalscore send`, the desktop's *Eksportér rapport*
and *Send til departement*) goes through here, so the report, the pay-less copy and the draft
are made one way.

- `verify`: a report or a hand-in is made only from a workbook that passes `tjek` — its
  numbers are the ones Målscore calculated and a new calculation gives the same — so the
  report shows what the workbook says, and its footer can name the workbook's stamp.
- `report_bytes`: the report as .docx or .pdf (`calc.report`), with or without pay, the PDF
  optionally write-protected.
- `payless_copy`: the workbook with the Resultatløn sheet emptied and the Resultat summary
  without its pay lines, made by the lossless write-back (never by re-saving) into a private
  temporary file, with a stamp of its own so `tjek` accepts the copy.
- `hand_in`: the draft to the departement (`calc.mail.build_draft`) with the workbook
  encrypted by a new password (or the pay-less copy) and the report without pay. The password
  is returned to be shown once; it is never written into the draft, and the draft's text
  names no pay (the text is not encrypted).
- `write_new`: a file written whole or not at all, never over an existing one unless asked.
"""

from __future__ import annotations

import os
import re
import secrets
import tempfile
from dataclasses import dataclass
from datetime import date, datetime
from email.message import EmailMessage
from pathlib import Path

from . import __version__
from .engine import Evaluation, FileOptions, evaluate, load_last_year, stamp_maker
from .errors import MaalscoreError
from .grid import WorkbookGrids
from .mail import PDF, XLSX, Attachment, Draft, build_draft
from .model import Plan
from .report.content import Provenance, Report, build_report

KINDS = {".docx": "docx", ".pdf": "pdf"}
EXIT_NOT_READY, EXIT_IO = 2, 3


class HandinError(MaalscoreError):
    """A report or hand-in that cannot be made; the message says why and what to do.
    `exit_code` is 2 when the workbook is not ready (not calculated, changed, errors), 3 when
    a file cannot be read or written or a library is missing."""

    def __init__(self, message: str, exit_code: int = EXIT_IO) -> None:
        super().__init__(message)
        self.exit_code = exit_code


@dataclass(frozen=True)
class Verified:
    """A workbook that passes `tjek`, with its (re)calculation and where its numbers came from."""

    path: Path
    grids: WorkbookGrids
    evaluation: Evaluation
    provenance: Provenance
    options: FileOptions

    @property
    def lang(self) -> str:
        plan = self.evaluation.plan
        return plan.lang if plan is not None else "da"


def verify(path: Path, options: FileOptions | None = None) -> Verified:
    """The workbook at `path`, if its results are the ones Målscore calculated; HandinError
    (exit 2) otherwise, saying what `tjek` found and to run `maalscore beregn` first."""
    from .check import check_and_read

    options = options or FileOptions()
    path = Path(path)
    result, grids = check_and_read(path, options.sagsdata, options.last_year)
    if grids is None or not result.ok:
        raise HandinError(
            f"«{path.name}» er ikke, som Målscore beregnede den, så der laves ingen rapport og "
            f"intet udkast ud fra den.\n  {result.message()}\n  Kør maalscore beregn "
            f"{path.name} først; så viser rapporten de tal, der står i projektmappen.",
            EXIT_NOT_READY if grids is not None else EXIT_IO,
        )
    stamp = result.stamp
    if stamp is not None and stamp.run and result.status != "beregnet i excel":
        raise HandinError(
            f"«{path.name}» er sidst kørt som {stamp.run}, ikke som årsopgørelse. Kør "
            f"maalscore beregn {path.name} først.",
            EXIT_NOT_READY,
        )
    evaluation = result.evaluation
    if evaluation is None or not evaluation.ok:
        last, _ = load_last_year(path, grids, options)
        evaluation = evaluate(grids, last_year=last)
    if evaluation.plan is None or evaluation.scorecard is None or not evaluation.ok:
        raise HandinError(f"«{path.name}» kan ikke beregnes.", EXIT_NOT_READY)
    return Verified(path, grids, evaluation, _provenance(result), options)


def _provenance(result: object) -> Provenance:
    from .check import EXCEL, CheckResult

    assert isinstance(result, CheckResult)
    stamp = result.stamp
    if result.status == EXCEL or stamp is None:
        marks = result.excel
        return Provenance(__version__, marks.time or "" if marks else "", in_excel=True)
    moment = stamp.moment()
    shown = moment.strftime("%Y-%m-%d %H:%M") if moment is not None else stamp.time
    return Provenance(__version__, shown, stamp.input_digest, stamp.result_digest)


def report_of(v: Verified, *, with_pay: bool, made: date | None = None) -> Report:
    ev = v.evaluation
    assert ev.plan is not None and ev.scorecard is not None
    day = made or date.today()
    shown = day.isoformat() if ev.plan.lang == "sv" else day.strftime("%d-%m-%Y")
    return build_report(ev.plan, ev.scorecard, ev.pay, v.provenance, made=shown, with_pay=with_pay)


def report_bytes(
    v: Verified,
    kind: str,
    *,
    with_pay: bool = True,
    protect: bool = False,
    password: str = "",
    made: date | None = None,
) -> bytes:
    """The report as `kind` (`docx` or `pdf`). A PDF may be write-protected (`protect`) and
    encrypted for opening with `password` (a report with pay sent by e-mail)."""
    report = report_of(v, with_pay=with_pay, made=made)
    try:
        if kind == "docx":
            from .report.word import docx_bytes

            return docx_bytes(report)
        from .report.pdf import pdf_bytes
        from .report.pdf import protect as lock

        data = pdf_bytes(report)
        return lock(data, password) if protect or password else data
    except ModuleNotFoundError as exc:
        raise HandinError(
            f"Rapporten kræver pakken {exc.name}: pip install 'maalscore[report]'."
        ) from exc


def one_address(text: str) -> bool:
    """One plain e-mail address (`post@uim.dk`), not a list or a name with an address."""
    return bool(re.fullmatch(r"[^@\s,;<>\"]+@[^@\s,;<>\"]+\.[^@\s,;<>\"]+", text))


def kind_of(target: Path) -> str:
    kind = KINDS.get(Path(target).suffix.lower())
    if kind is None:
        raise HandinError(
            f"Rapporten skal have endelsen .docx (Word) eller .pdf («{Path(target).name}»).",
            EXIT_NOT_READY,
        )
    return kind


def write_new(target: Path, data: bytes, *, overwrite: bool = False) -> None:
    """Write `data` to `target` whole or not at all: a temporary file in the same folder,
    flushed, then linked into place (which fails if `target` exists) or, with `overwrite`,
    renamed over it. A file open in Word or Excel (its `~$` owner file is there) is refused."""
    target = Path(target)
    # Excel's owner file is ~$ + the name; Word's replaces the name's first two letters.
    owners = (target.parent / f"~${target.name}", target.parent / f"~${target.name[2:]}")
    if target.exists() and not overwrite:
        raise HandinError(
            f"«{target}» findes allerede og overskrives ikke. Vælg et andet navn, eller slet "
            "den gamle fil (maalscore rapport: --overskriv)."
        )
    if overwrite and any(o.is_file() for o in owners):
        raise HandinError(f"«{target.name}» er åben i et andet program. Luk den og prøv igen.")
    tmp = target.parent / f".{target.name}.{secrets.token_hex(6)}.tmp"
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        # Created like any new file (the umask applies), not private like mkstemp's.
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    except OSError as exc:
        raise HandinError(f"«{target}» kan ikke skrives ({exc.strerror or exc}).") from exc
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if overwrite:
            os.replace(tmp, target)
        else:
            _link_new(tmp, target)
    except FileExistsError as exc:
        raise HandinError(f"«{target}» findes allerede og overskrives ikke.") from exc
    except OSError as exc:
        raise HandinError(
            f"«{target}» kunne ikke skrives ({exc.strerror or exc}); intet er skrevet."
        ) from exc
    finally:
        tmp.unlink(missing_ok=True)


def _link_new(tmp: Path, target: Path) -> None:
    """Put `tmp` at `target` only if nothing is there, in one step where the file system can
    (a hard link); elsewhere (some network drives) check, then rename."""
    try:
        os.link(tmp, target)
    except FileExistsError:
        raise
    except OSError:
        if target.exists():
            raise FileExistsError(str(target)) from None
        os.replace(tmp, target)


def payless_copy(v: Verified) -> bytes:
    """The workbook without pay (see `calc.payless`), as bytes of a new, stamped .xlsx."""
    from .payless import strip_pay
    from .xlsx.scrub import blank_strings, orphaned_strings
    from .xlsx.writeback import write_back

    plan = v.evaluation.plan
    assert plan is not None
    grids, removal, problems = strip_pay(v.grids, plan)
    if problems:
        raise HandinError(
            "Der kan ikke laves en kopi uden resultatløn:\n"
            + "\n".join(f"  {p.location()}: {p.message}" for p in problems),
            EXIT_NOT_READY,
        )
    last, _ = load_last_year(v.path, v.grids, v.options)
    ev = evaluate(grids, last_year=last)
    if not ev.ok or ev.plan is None:
        raise HandinError("Kopien uden resultatløn kan ikke beregnes.", EXIT_NOT_READY)
    source = ev.trend.source if ev.trend is not None else ""
    stamp = stamp_maker(grids, ev.plan, ev.updates, v.options, last_year=source)
    cells = {(u.sheet, u.cell): u for u in (*removal, *ev.updates)}
    results = {(u.sheet, u.cell) for u in ev.updates}
    with tempfile.TemporaryDirectory(prefix="maalscore-") as folder:
        written = Path(folder) / f"written-{v.path.name}"
        write_back(v.path, tuple(cells.values()), written, stamp=stamp, results=results)
        # the emptied cells' text is still in the shared-string table: empty it there too
        out = Path(folder) / v.path.name
        blank_strings(written, out, orphaned_strings(v.path, written))
        return out.read_bytes()


@dataclass(frozen=True)
class HandIn:
    """A draft ready to be written, and the password to give the receiver another way
    ("" when the workbook is the pay-less copy, which is not encrypted)."""

    message: EmailMessage
    password: str
    attachments: tuple[str, ...]
    report: bytes = b""  # the PDF attached, for a front end that keeps a copy beside it


def hand_in(
    v: Verified,
    to: str,
    *,
    without_pay: bool = False,
    report_with_pay: bool = False,
    signature: str = "",
    sender: str = "",
    protect_report: bool | None = None,
    now: datetime | None = None,
) -> HandIn:
    """The draft to the departement: the workbook encrypted with a new password (or, with
    `without_pay`, the pay-less copy unencrypted) and the report as PDF, without pay unless
    `report_with_pay` (then encrypted with the same password). The text names no pay."""
    from .xlsx.crypt import encrypt, new_password

    plan, card = v.evaluation.plan, v.evaluation.scorecard
    assert plan is not None and card is not None
    sv = plan.lang == "sv"
    if without_pay and report_with_pay:
        raise HandinError("--uden-løn og --rapport-med-løn kan ikke bruges sammen.", EXIT_NOT_READY)
    stem = v.path.stem
    password = ""
    try:
        if without_pay:
            workbook = payless_copy(v)
            name = f"{stem} - {'utan lön' if sv else 'uden løn'}{v.path.suffix}"
        else:
            password = new_password()
            workbook = encrypt(v.path.read_bytes(), password)
            name = v.path.name
    except OSError as exc:
        raise HandinError(f"«{v.path.name}» kan ikke læses ({exc.strerror or exc}).") from exc
    except ModuleNotFoundError as exc:
        raise HandinError(
            f"Afsendelsen kræver pakken {exc.name}: pip install 'maalscore[report]'."
        ) from exc
    protect = sv if protect_report is None else protect_report
    pdf = report_bytes(
        v,
        "pdf",
        with_pay=report_with_pay,
        protect=protect,
        password=password if report_with_pay else "",
    )
    report_name = f"{stem} - rapport.pdf"
    attachments = (Attachment(name, workbook, XLSX), Attachment(report_name, pdf, PDF))
    notes = draft_notes(plan, without_pay=without_pay, report_with_pay=report_with_pay)
    draft = Draft(to, signature, attachments, notes, sender)
    message = build_draft(plan, card, (), draft, date=now)
    return HandIn(message, password, (name, report_name), pdf)


def draft_notes(
    plan: Plan, *, without_pay: bool = False, report_with_pay: bool = False
) -> tuple[str, ...]:
    """The draft's paragraph on how the workbook travels (never the password), for the draft
    and for a front end's preview of it (`calc.mail.body(plan, card, (), signature, notes)`:
    the text names no pay)."""
    return (_note(plan.lang, bool(plan.people), without_pay, report_with_pay),)


def _note(lang: str, has_pay: bool, without_pay: bool, report_with_pay: bool) -> str:
    """The paragraph that says how the workbook travels; never the password."""
    if lang == "sv":
        if without_pay:
            return (
                "Arbetsboken är en kopia utan resultatlön: bladet Resultatlön och lönraderna på "
                "bladet Resultat är tömda. Kopian har en egen integritetsstämpel."
            )
        why = " (den innehåller resultatlön, som är personuppgifter)" if has_pay else ""
        report = (
            "Rapporten (PDF) innehåller resultatlön och är krypterad med samma lösenord."
            if report_with_pay
            else "Rapporten (PDF) innehåller ingen resultatlön."
        )
        return (
            f"Arbetsboken är krypterad med ett lösenord{why}. Lösenordet skickas separat, "
            f"t.ex. per telefon eller sms. {report}"
        )
    if without_pay:
        return (
            "Projektmappen er en kopi uden resultatløn: arket Resultatløn og lønlinjerne på "
            "arket Resultat er tømt. Kopien har sit eget integritetsstempel."
        )
    why = " (den indeholder resultatløn, som er personoplysninger)" if has_pay else ""
    report = (
        "Rapporten (PDF) indeholder resultatløn og er krypteret med samme adgangskode."
        if report_with_pay
        else "Rapporten (PDF) indeholder ikke resultatløn."
    )
    return (
        f"Projektmappen er krypteret med en adgangskode{why}. Adgangskoden sendes særskilt, "
        f"fx pr. telefon eller sms. {report}"
    )
