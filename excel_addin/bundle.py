"""`maalscore addin lite`: one self-contained `main.py` for xlwings Lite, no wheel, no server.

xlwings Lite runs Python in Excel through Pyodide and installs packages only from PyPI or from a
wheel on a CORS-enabled web server, which a locked-down agency cannot provide. So the generated
`main.py` carries the code it needs inside itself: the complete `calc` package and the add-in's
glue (`excel_addin/__init__.py`, `excel_addin/glue.py`) as a zip archive, base64-encoded, with
its SHA-256. At import it checks the digest, unpacks the archive into Pyodide's in-memory file
system (a folder named by the digest under the temporary directory), puts that folder first on
`sys.path` and then defines the `beregn` script of `excel_addin/lite.py`, unchanged. Because
the core is unpacked as ordinary files, `calc` works there exactly as on a PC, including
reading and writing workbook files in Pyodide's file system.

`requirements.txt` lists xlwings itself (what xlwings Lite needs to run scripts) and `holidays`,
the one pure-Python package from PyPI the core needs (for a Frist in arbejdsdage; Lite installs
it from PyPI like xlwings): the core is otherwise standard-library Python (`calc/` imports
python-calamine and numpy only for large case data, and only inside functions; openpyxl only
for the template), so nothing else is installed.

The output is reproducible: the archive's members are sorted, with a fixed time stamp, so the
same source gives the same bytes.
"""

from __future__ import annotations

import base64
import hashlib
import io
import os
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path


def _source_root() -> Path:
    """The repository (or installed package) root; in the packaged app (PyInstaller), the
    copy of the sources it carries in `_internal/kilde` (see packaging/maalscore.spec)."""
    meipass = getattr(sys, "_MEIPASS", None)
    return Path(meipass) / "kilde" if meipass else Path(__file__).resolve().parents[1]


ROOT = _source_root()
MAIN = "main.py"
REQUIREMENTS = "requirements.txt"
# The xlwings release the glue is tested with (the `excel` extra pins the same one). xlwings
# Lite records the version it installs in requirements-pinned.txt, so a lower bound is enough.
XLWINGS_REQUIREMENT = "xlwings>=0.37.8,<1.0"
# Danish and Swedish public holidays for working-day deadlines (calc.workdays), as in pyproject.
HOLIDAYS_REQUIREMENT = "holidays>=0.60,<1"
# What goes into the archive, relative to the repository root.
GLUE_FILES = ("excel_addin/__init__.py", "excel_addin/glue.py")
_FIXED_TIME = (2020, 1, 1, 0, 0, 0)
_LINE = 96  # characters of base64 per line of main.py


@dataclass(frozen=True)
class LiteBundle:
    main: str  # the text of main.py
    requirements: str  # the text of requirements.txt
    digest: str  # SHA-256 of the embedded archive
    files: tuple[str, ...]  # the archive's members


def source_files(root: Path = ROOT) -> list[str]:
    """Every module of the core and the glue, as archive names (sorted, '/'-separated)."""
    core = sorted(
        p.relative_to(root).as_posix()
        for p in (root / "calc").rglob("*.py")
        if "__pycache__" not in p.parts
    )
    return core + sorted(GLUE_FILES)


def archive(root: Path = ROOT) -> tuple[bytes, tuple[str, ...]]:
    """The zip archive of the core and the glue, byte for byte the same for the same source."""
    names = source_files(root)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, (root / name).read_bytes(), compresslevel=9)
    return buf.getvalue(), tuple(names)


def _script_body(root: Path) -> str:
    """`excel_addin/lite.py` from its first import after `from __future__` on: the script."""
    text = (root / "excel_addin" / "lite.py").read_text(encoding="utf-8")
    marker = "from __future__ import annotations\n"
    if marker not in text:
        raise ValueError("excel_addin/lite.py must start with 'from __future__ import annotations'")
    return text.split(marker, 1)[1].lstrip("\n")


_HEADER = '''\
"""Målscore {version} til xlwings Lite: beregn målopfyldelse, point og resultatløn i Excel.

Lavet af `maalscore addin lite`; ret ikke i filen. Hele Målscores beregningskerne ligger inde i
filen (arkivet nederst), så der skal ikke installeres andet end det, requirements.txt nævner.
Installation: indsæt hele denne fil i fanen main.py i xlwings Lite, og indholdet af
requirements.txt i fanen requirements.txt. Vælg derefter scriptet "beregn" og klik Run.
Se excel_addin/LITE.md.

Kode: {files} filer, SHA-256 {digest}.
"""

from __future__ import annotations


def _maalscore_install() -> None:
    """Unpack the embedded core into Pyodide's file system and put it first on sys.path."""
    import base64
    import hashlib
    import io
    import os
    import sys
    import tempfile
    import zipfile

    data = base64.b64decode("".join(_MAALSCORE_ARCHIVE))
    if hashlib.sha256(data).hexdigest() != _MAALSCORE_SHA256:
        raise RuntimeError(
            "Målscore-koden i main.py er beskadiget (kontrolsummen passer ikke). Lav filen igen "
            "med 'maalscore addin lite' og indsæt den på ny."
        )
    root = os.path.join(tempfile.gettempdir(), "maalscore-" + _MAALSCORE_SHA256[:16])
    if not os.path.isfile(os.path.join(root, ".komplet")):
        work = root + ".%d" % os.getpid()
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            zf.extractall(work)
        with open(os.path.join(work, ".komplet"), "w") as done:
            done.write(_MAALSCORE_SHA256)
        try:
            os.rename(work, root)
        except OSError:  # unpacked by an earlier run in the meantime
            pass
    # A core from an earlier main.py in the same Python session must not be used.
    for name in list(sys.modules):
        if name.split(".")[0] in ("calc", "excel_addin"):
            origin = getattr(sys.modules[name], "__file__", None) or ""
            if not origin.startswith(root + os.sep):
                del sys.modules[name]
    if root in sys.path:
        sys.path.remove(root)
    sys.path.insert(0, root)


_MAALSCORE_SHA256 = "{digest}"
_MAALSCORE_ARCHIVE = (
{lines}
)
_maalscore_install()

'''


def build_bundle(root: Path = ROOT) -> LiteBundle:
    """main.py and requirements.txt as text."""
    from calc import __version__

    data, names = archive(root)
    digest = hashlib.sha256(data).hexdigest()
    packed = base64.b64encode(data).decode("ascii")
    lines = "\n".join(f'    "{packed[i : i + _LINE]}"' for i in range(0, len(packed), _LINE))
    main = _HEADER.format(
        version=__version__, files=len(names), digest=digest, lines=lines
    ) + _script_body(root)
    requirements = (
        "# Målscore til xlwings Lite: xlwings og helligdagskalenderen (holidays) fra PyPI;\n"
        "# Målscores kerne ligger i main.py.\n"
        f"{XLWINGS_REQUIREMENT}\n"
        f"{HOLIDAYS_REQUIREMENT}\n"
    )
    return LiteBundle(main, requirements, digest, names)


def write_bundle(out_dir: Path, root: Path = ROOT) -> LiteBundle:
    """Write main.py and requirements.txt into `out_dir`, each atomically."""
    bundle = build_bundle(root)
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, text in ((MAIN, bundle.main), (REQUIREMENTS, bundle.requirements)):
        fd, tmp = tempfile.mkstemp(prefix=f".{name}-", dir=out_dir)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
                out.write(text)
            os.chmod(tmp, 0o644)
            os.replace(tmp, out_dir / name)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    return bundle
