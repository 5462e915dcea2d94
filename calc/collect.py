"""`maalscore samle`: find the agencies' workbooks, check and calculate each, write the overview.

The face of `calc.consolidate`: this module opens files, the rules module does not.

- **Sources** are workbooks (.xlsx/.xlsm, and .xls/.xlsb, which are only read), folders
  (searched recursively; Excel's `~$` owner files, hidden files and `.maalscore-backup/` are
  skipped) and saved e-mails (.eml, read with the standard library's `email`; every workbook
  attached is a source, nested forwarded messages included). Outlook's .msg is not read: the
  only maintained reader, extract-msg, is GPL; such a file gets a `fejl` row that says to save
  the mail as .eml or the attachment as a file.
- **Nothing is written to a source.** Files are opened for reading only; an attachment is
  copied to a private temporary folder (with the mail's other attachments, so a case file the
  workbook names is found) and checked there.
- **One workbook in memory per worker.** `examine` takes one source file and returns plain
  records; with `jobs > 1` the sources are spread over a process pool.
- The overview is written to a temporary file beside the target and renamed over it; an
  existing file is replaced only if it is a Målscore overview.
"""

from __future__ import annotations

import email
import email.policy
import hashlib
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from email.message import EmailMessage
from pathlib import Path

from .consolidate import (
    AgencyRecord,
    Consolidation,
    Verification,
    assess,
    consolidate,
    failed,
    summary,
)
from .errors import WARNING, Issue, MaalscoreError

WORKBOOK_TYPES = (".xlsx", ".xlsm", ".xls", ".xlsb")
MAIL_TYPES = (".eml",)
OUTLOOK_TYPES = (".msg",)
SKIP_DIRS = {".maalscore-backup", "__macosx"}
ARROW = " › "


class OverviewError(MaalscoreError):
    """The overview could not be written (the sources are untouched)."""


@dataclass(frozen=True)
class Examined:
    """What one source file gave: a record per workbook in it, and notes about the source."""

    records: tuple[AgencyRecord, ...] = ()
    notes: tuple[Issue, ...] = field(default=())


# --- finding sources -------------------------------------------------------------------------


def find_sources(
    args: Iterable[Path], exclude: Iterable[Path] = ()
) -> tuple[list[Path], list[AgencyRecord]]:
    """The source files named or found in the folders named, each once, in the order given
    (a folder's files sorted by path); and a `fejl` record for each argument that gave none."""
    skip = {_key(p) for p in exclude}
    seen: set[str] = set()
    files: list[Path] = []
    bad: list[AgencyRecord] = []
    for arg in args:
        arg = Path(arg)
        if arg.is_dir():
            found = [p for p in _search(arg) if _key(p) not in skip]
            if not found:
                bad.append(
                    failed(
                        arg.name or str(arg),
                        str(arg),
                        f"Mappen «{arg}» indeholder ingen projektmapper (.xlsx, .xlsm, .xls, "
                        ".xlsb) eller e-mails (.eml).",
                    )
                )
        elif arg.exists():
            found = [arg] if _key(arg) not in skip else []
        else:
            bad.append(failed(arg.name, str(arg), f"«{arg}» findes ikke."))
            continue
        for p in found:
            if _key(p) not in seen:
                seen.add(_key(p))
                files.append(p)
    return files, bad


def _key(path: Path) -> str:
    try:
        return str(Path(path).resolve())
    except OSError:
        return str(path)


def _search(folder: Path) -> list[Path]:
    wanted = WORKBOOK_TYPES + MAIL_TYPES + OUTLOOK_TYPES
    out = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d.lower() not in SKIP_DIRS and not d.startswith("."))
        for name in sorted(names):
            if name.startswith(("~$", ".")) or not name.lower().endswith(wanted):
                continue
            path = Path(root) / name
            if path.is_file():
                out.append(path)
    return out


# --- examining one source --------------------------------------------------------------------


def examine(path: Path) -> Examined:
    """Check and calculate every workbook in one source file; never raises (one bad file must
    not stop the others), never writes to the source."""
    path = Path(path)
    try:
        suffix = path.suffix.lower()
        if suffix in MAIL_TYPES:
            return _examine_mail(path)
        if suffix in OUTLOOK_TYPES:
            return Examined((failed(path.name, str(path), _outlook_message(path)),))
        return _examine_workbook(path, path.name, str(path))
    except (MaalscoreError, OSError) as exc:
        return Examined((failed(path.name, str(path), _io_message(path, exc)),))
    except Exception as exc:  # a programming error: name it and carry on with the others
        return Examined(
            (
                failed(
                    path.name,
                    str(path),
                    f"Uventet fejl under læsningen af «{path.name}» ({type(exc).__name__}: "
                    f"{exc}). Filen er ikke ændret; send den gerne til Målscores udviklere.",
                ),
            )
        )


def examine_summary(path: Path) -> Examined:
    """`examine` without the goal and pay rows (`consolidate.summary`), dropped in the worker
    so they are neither sent back nor kept: for a run that writes no overview."""
    found = examine(path)
    return replace(found, records=tuple(summary(r) for r in found.records))


def _io_message(path: Path, exc: BaseException) -> str:
    if isinstance(exc, MaalscoreError):
        return str(exc)
    assert isinstance(exc, OSError)
    return f"«{path.name}» kan ikke læses ({exc.strerror or exc})."


def _outlook_message(path: Path) -> str:
    return (
        f"«{path.name}» er en Outlook-e-mail (.msg), som Målscore ikke læser. Gem den vedhæftede "
        "projektmappe som en fil (i Outlook: højreklik på vedhæftningen › Gem som), eller gem "
        "e-mailen som .eml, og kør igen."
    )


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _examine_workbook(file: Path, source: str, shown: str) -> Examined:
    """One workbook file: the integrity check and a fresh calculation, as a record."""
    from .check import DAMAGED, EXCEL, UNREADABLE, check_and_read
    from .engine import FileOptions, evaluate, load_grids
    from .xlsx import ooxml
    from .xlsx.reader import legacy_warning

    digest = sha256_of(file)
    legacy = ooxml.legacy_format(file)
    if legacy is not None:
        caveat = legacy_warning(file) or ""
        check = Verification(stamped=False, legacy=legacy)
        extra = (Issue("", "", WARNING, caveat),) if caveat else ()
        record = assess(
            source, shown, digest, check, evaluate(load_grids(file, FileOptions())), extra
        )
        return Examined((record,))
    result, read = check_and_read(file)
    if result.status == UNREADABLE or read is None:
        return Examined((failed(source, shown, result.detail, digest),))
    stamp, marks = result.stamp, result.excel
    in_excel = result.status == EXCEL or (stamp is None and marks is not None and result.differs)
    check = Verification(
        stamped=stamp is not None or result.status == DAMAGED,
        damaged=result.status == DAMAGED,
        edited=tuple(result.edited),
        changed=tuple(result.changed),
        differs=tuple(result.differs),
        version=(marks.version if in_excel and marks else stamp.version if stamp else ""),
        calculated=((marks.time or "") if in_excel and marks else stamp.time if stamp else ""),
        detail=result.detail,
        in_excel=bool(in_excel),
        display=tuple(result.display),
    )
    evaluation = result.evaluation or evaluate(read)
    if not evaluation.ok and is_overview(file):
        skipped = f"«{source}» er en Målscore-oversigt og er sprunget over."
        return Examined((), (Issue("", "", WARNING, skipped),))
    return Examined((assess(source, shown, digest, check, evaluation),))


def is_overview(file: Path) -> bool:
    """True when the file is an overview `samle` wrote (its custom property says so)."""
    from .report.overview import MARKER
    from .xlsx import ooxml

    try:
        with ooxml.open_zip(file) as zf:
            return MARKER in ooxml.read_custom_properties(zf)
    except (MaalscoreError, OSError):
        return False


def _examine_mail(path: Path) -> Examined:
    """Every workbook attached to a saved e-mail, each checked from a private temporary copy."""
    with open(path, "rb") as fh:
        message = email.message_from_binary_file(fh, policy=email.policy.default)
    attachments = list(_attachments(message))
    workbooks = [(n, d) for n, d in attachments if n.lower().endswith(WORKBOOK_TYPES)]
    if not workbooks:
        return Examined(
            (
                failed(
                    path.name,
                    str(path),
                    f"E-mailen «{path.name}» har ingen vedhæftet projektmappe (.xlsx, .xlsm, "
                    ".xls, .xlsb).",
                    sha256_of(path),
                ),
            )
        )
    records: list[AgencyRecord] = []
    notes: list[Issue] = []
    with tempfile.TemporaryDirectory(prefix="maalscore-samle-") as tmp:
        folder = Path(tmp)
        for name, data in attachments:  # all of them: a workbook may name a case file
            (folder / name).write_bytes(data)
        for name, _ in workbooks:
            source = f"{path.name}{ARROW}{name}"
            try:
                found = _examine_workbook(folder / name, source, f"{path}{ARROW}{name}")
            except (MaalscoreError, OSError) as exc:
                found = Examined((failed(source, f"{path}{ARROW}{name}", _io_message(path, exc)),))
            records += found.records
            notes += found.notes
    return Examined(tuple(records), tuple(notes))


def save_attachment(mail: Path, name: str, folder: Path) -> Path:
    """Copy the attachments of a saved e-mail into `folder` (all of them, as `examine` does, so
    a case file is found) and return the one named `name` (as `examine` named it)."""
    with open(mail, "rb") as fh:
        message = email.message_from_binary_file(fh, policy=email.policy.default)
    found = None
    for safe, data in _attachments(message):
        (folder / safe).write_bytes(data)
        if safe == name:
            found = folder / safe
    if found is None:
        raise OverviewError(f"E-mailen «{mail.name}» har ingen vedhæftning ved navn «{name}».")
    return found


def split_attachment(path: str) -> tuple[Path, str] | None:
    """(e-mail, attachment name) for a record's path `mail.eml › fil.xlsx`; None for a file."""
    mail, arrow, name = path.partition(ARROW)
    return (Path(mail), name) if arrow else None


def _attachments(message: EmailMessage) -> Iterator[tuple[str, bytes]]:
    """(safe file name, bytes) of every attached file, forwarded messages included; a name is
    reduced to its last part (no folders, no `..`) and made unique."""
    used: set[str] = set()
    for part in message.walk():
        if part.is_multipart():
            continue
        raw = part.get_filename()
        if not raw:
            continue
        data = part.get_payload(decode=True)
        if not isinstance(data, bytes):
            continue
        name = _safe_name(raw)
        stem, dot, ext = name.rpartition(".")
        n = 2
        while name.lower() in used:
            name = f"{stem} ({n}){dot}{ext}" if dot else f"{raw} ({n})"
            n += 1
        used.add(name.lower())
        yield name, data


def _safe_name(raw: str) -> str:
    name = raw.replace("\\", "/").split("/")[-1].strip().strip(".")
    name = "".join(ch for ch in name if ch.isprintable() and ch not in '<>:"|?*')
    return name or "vedhæftning"


# --- many sources ----------------------------------------------------------------------------


def examine_all(
    files: Sequence[Path],
    jobs: int = 1,
    progress: Callable[[int, int, Examined], None] | None = None,
    rows: bool = True,
) -> list[Examined]:
    """`examine` every file, in `jobs` processes (0: one per core); results in file order.
    `rows=False`: records without goal and pay rows (`examine_summary`)."""
    one = examine if rows else examine_summary
    workers = (os.cpu_count() or 1) if jobs == 0 else max(1, jobs)
    done: list[Examined] = []
    if workers > 1 and len(files) > 1:
        with ProcessPoolExecutor(max_workers=min(workers, len(files))) as pool:
            chunk = max(1, len(files) // (8 * workers))
            for found in pool.map(one, files, chunksize=chunk):
                done.append(found)
                if progress is not None:
                    progress(len(done), len(files), found)
        return done
    for path in files:
        done.append(one(path))
        if progress is not None:
            progress(len(done), len(files), done[-1])
    return done


def collect(
    sources: Iterable[Path], jobs: int = 1, exclude: Iterable[Path] = (), rows: bool = True
) -> Consolidation:
    """Find, check and calculate every source and consolidate the records. `rows=False` when
    no overview is written: the records keep no goal and pay rows, so the memory kept per
    agency is a summary (about 3 KB instead of 19 KB for the standard plan)."""
    files, bad = find_sources(sources, exclude)
    found = examine_all(files, jobs, rows=rows)
    records = [r for f in found for r in f.records] + bad
    notes = [n for f in found for n in f.notes]
    return consolidate(records, notes)


# --- writing the overview --------------------------------------------------------------------


def write_overview(
    target: Path,
    consolidation: Consolidation,
    *,
    with_pay: bool = True,
    sources: Iterable[Path] = (),
) -> None:
    """Write the overview workbook to `target`, atomically. Refuses (OverviewError) to replace
    a source, a file that is not a Målscore overview, or a file open in Excel."""
    from .report.overview import build
    from .xlsx.writeback import excel_lock_owner

    target = Path(target)
    if target.suffix.lower() != ".xlsx":
        raise OverviewError(f"Oversigten skal have endelsen .xlsx («{target.name}»).")
    read = {_key(Path(a.path)) for a in consolidation.agencies} | {_key(s) for s in sources}
    if _key(target) in read:
        raise OverviewError(
            f"«{target.name}» er en af kilderne; Målscore skriver aldrig i en kilde. "
            "Vælg et andet navn til oversigten."
        )
    lock = target.parent / ("~$" + target.name)
    if lock.is_file():
        owner = excel_lock_owner(lock)
        raise OverviewError(
            f"«{target.name}» er åben i Excel{' af ' + owner if owner else ''}. Luk den og prøv "
            "igen; intet er skrevet."
        )
    if target.exists() and not is_overview(target):
        raise OverviewError(
            f"«{target.name}» findes og er ikke en Målscore-oversigt, så den overskrives ikke. "
            "Vælg et nyt filnavn."
        )
    data = build(consolidation, with_pay=with_pay)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise OverviewError(
            f"Oversigten kunne ikke skrives til «{target}» ({exc.strerror or exc}); intet er "
            "skrevet."
        ) from exc
