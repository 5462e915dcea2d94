"""Build and install `excel_addin.xlam`: xlwings' ribbon add-in template with a Danish tab.

`maalscore addin byg [--ud DIR]` copies the template that ships inside the installed xlwings
package (`quickstart_addin_ribbon.xlam`) and replaces exactly three parts:

- `customUI/customUI.xml`: a "Målscore" tab with a "Beregn" button. The button keeps the
  template's callback, `RibbonMyAddin.RunMain`, which runs `import <file name>; <file name>.main()`
  -- hence the file name `excel_addin.xlam` and the function `excel_addin.main()`.
- the config sheet: renamed from `_myaddin.conf` (inactive) to `myaddin.conf` (the template's
  VBA reads `PROJECT_NAME & ".conf"`, and PROJECT_NAME is "myaddin"), holding the interpreter and
  settings;
- `xl/workbook.xml`, for that rename.

Every other part, the VBA project above all, is copied byte for byte (`calc.xlsx.ooxml.rewrite_zip`
copies unchanged members verbatim): the VBA is xlwings' and matches the installed xlwings
version, which is why the add-in must be rebuilt whenever xlwings is upgraded.

`maalscore addin installer` builds straight into Excel's add-in start-up folder (XLSTART) on
Windows and macOS, with the current Python as the interpreter; on macOS it also installs
xlwings' AppleScript (what `xlwings runpython install` does). Elsewhere it explains that Excel
is not available.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

ADDIN_NAME = "excel_addin.xlam"
TEMPLATE_NAME = "quickstart_addin_ribbon.xlam"
# The template's VBA constant PROJECT_NAME; the config sheet and file names derive from it.
PROJECT_NAME = "myaddin"
CONFIG_SHEET = f"{PROJECT_NAME}.conf"

RIBBON_PART = "customUI/customUI.xml"
WORKBOOK_PART = "xl/workbook.xml"
CONFIG_PART = "xl/worksheets/sheet1.xml"
VBA_PART = "xl/vbaProject.bin"

EXIT_OK, EXIT_NO_EXCEL, EXIT_IO = 0, 1, 3

RIBBON_XML = """\
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<customUI xmlns="http://schemas.microsoft.com/office/2006/01/customui">
    <ribbon>
        <tabs>
            <tab id="maalscoreTab" label="Målscore">
                <group id="maalscoreGroup" label="Mål- og resultatplan">
                    <button id="maalscoreBeregn" label="Beregn" size="large"
                        onAction="RibbonMyAddin.RunMain" imageMso="CalculateNow"
                        screentip="Beregn målopfyldelse"
                        supertip="Beregner målopfyldelse, point, samlet score og resultatløn \
i den åbne projektmappe og skriver resultaterne i den. Problemer vises i arket Problemer." />
                </group>
            </tab>
        </tabs>
    </ribbon>
</customUI>
"""


NO_EXCEL = (
    "Excel findes ikke til Linux, så tilføjelsesprogrammet kan ikke installeres her. "
    "Installer det på en pc med Windows eller en Mac (maalscore addin installer), "
    "brug xlwings Lite (se excel_addin/LITE.md), eller beregn filen direkte med "
    "'maalscore beregn FIL.xlsx'. ('maalscore addin byg' virker overalt.)"
)


class ExcelUnavailable(Exception):
    """Excel does not run on this platform; the message says so in Danish."""


def template_path() -> Path:
    """The ribbon add-in template inside the installed xlwings package."""
    import xlwings

    path = Path(xlwings.__file__).parent / TEMPLATE_NAME
    if not path.is_file():
        raise FileNotFoundError(
            f"Skabelonen {TEMPLATE_NAME} findes ikke i xlwings {xlwings.__version__} ({path})."
        )
    return path


def config_entries(interpreter: str, platform: str) -> list[tuple[str, str | bool]]:
    """The add-in's settings, in the order of the template's config sheet.

    The interpreter goes to the key the template's VBA reads on that platform. The package
    directory goes on PYTHONPATH (harmless when maalscore is installed into that Python), and
    the workbook's own folder does not (ADD_WORKBOOK_TO_PYTHONPATH = false), so a stray
    `calc.py` next to a user's workbook can never shadow the core.
    """
    package_root = str(Path(__file__).resolve().parents[1])
    return [
        ("Interpreter_Win", interpreter if platform.startswith("win") else ""),
        ("Interpreter_Mac", interpreter if platform == "darwin" else ""),
        ("PYTHONPATH", package_root),
        ("ADD_WORKBOOK_TO_PYTHONPATH", "false"),
        ("Conda Path", ""),
        ("Conda Env", ""),
        ("UDF Modules", ""),
        ("Debug UDFs", False),
        ("Use UDF Server", False),
        ("Show Console", False),
    ]


def config_sheet_xml(entries: list[tuple[str, str | bool]]) -> bytes:
    """The config sheet: keys in column A, values in B, as inline strings and booleans, so the
    template's shared strings need not change."""
    rows = []
    for i, (key, value) in enumerate(entries, start=1):
        cells = [f'<c r="A{i}" s="1" t="inlineStr"><is><t>{escape(key)}</t></is></c>']
        if isinstance(value, bool):
            cells.append(f'<c r="B{i}" s="1" t="b"><v>{int(value)}</v></c>')
        elif value:
            cells.append(
                f'<c r="B{i}" s="1" t="inlineStr"><is><t xml:space="preserve">'
                f"{escape(value)}</t></is></c>"
            )
        rows.append(f'<row r="{i}">{"".join(cells)}</row>')
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheetPr codeName="Sheet2"/>'
        f'<dimension ref="A1:B{len(entries)}"/>'
        '<sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews>'
        '<sheetFormatPr defaultRowHeight="15.75"/>'
        '<cols><col min="1" max="1" width="30" style="1" customWidth="1"/>'
        '<col min="2" max="2" width="60" style="1" customWidth="1"/></cols>'
        f"<sheetData>{''.join(rows)}</sheetData>"
        '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
        "</worksheet>"
    ).encode()


def renamed_workbook_xml(xml: bytes) -> bytes:
    """Activate the template's config sheet: `_myaddin.conf` → `myaddin.conf`."""
    new, n = re.subn(
        rb'name="_' + re.escape(CONFIG_SHEET.encode()) + rb'"',
        b'name="' + CONFIG_SHEET.encode() + b'"',
        xml,
    )
    if n != 1:
        raise ValueError(f"The template has no sheet named _{CONFIG_SHEET}.")
    return new


def build_addin(
    out_dir: Path,
    *,
    interpreter: str | None = None,
    platform: str = sys.platform,
    template: Path | None = None,
) -> Path:
    """Write `excel_addin.xlam` into `out_dir` (atomically) and return its path."""
    from calc.xlsx.ooxml import rewrite_zip

    src = template or template_path()
    with zipfile.ZipFile(src) as zf:
        workbook_xml = zf.read(WORKBOOK_PART)
        names = set(zf.namelist())
    for part in (RIBBON_PART, CONFIG_PART, VBA_PART):
        if part not in names:
            raise ValueError(f"The add-in template {src} has no {part}.")
    entries = config_entries(interpreter if interpreter is not None else sys.executable, platform)
    parts = {
        RIBBON_PART: RIBBON_XML.encode("utf-8"),
        WORKBOOK_PART: renamed_workbook_xml(workbook_xml),
        CONFIG_PART: config_sheet_xml(entries),
    }
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / ADDIN_NAME
    fd, tmp_name = tempfile.mkstemp(prefix=".excel_addin-", suffix=".xlam", dir=out_dir)
    try:
        with os.fdopen(fd, "w+b") as out:
            rewrite_zip(src, out, parts)
        os.replace(tmp_name, target)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return target


def startup_dir(platform: str = sys.platform) -> Path:
    """Excel's per-user add-in start-up folder (XLSTART): every add-in there loads with Excel."""
    if platform.startswith("win"):
        appdata = os.environ.get("APPDATA") or str(Path.home() / "AppData" / "Roaming")
        return Path(appdata) / "Microsoft" / "Excel" / "XLSTART"
    if platform == "darwin":
        return (
            Path.home()
            / "Library"
            / "Group Containers"
            / "UBF8T346G9.Office"
            / "User Content.localized"
            / "Startup.localized"
            / "Excel"
        )
    raise ExcelUnavailable(NO_EXCEL)


def install(
    *, platform: str = sys.platform, target_dir: Path | None = None, interpreter: str | None = None
) -> Path:
    """Build into the start-up folder with the current Python as interpreter; on macOS also
    copy xlwings' AppleScript, without which RunPython cannot start Python there."""
    if platform != "darwin" and not platform.startswith("win"):
        raise ExcelUnavailable(NO_EXCEL)
    folder = target_dir if target_dir is not None else startup_dir(platform)
    path = build_addin(folder, interpreter=interpreter, platform=platform)
    if platform == "darwin" and sys.platform == "darwin":
        from xlwings.cli import runpython_install

        runpython_install(None)
    return path


def cli(action: str, ud: Path | None) -> int:
    """`maalscore addin byg|installer|lite [--ud DIR]`; returns the exit code."""
    try:
        if action == "lite":
            from excel_addin.bundle import MAIN, REQUIREMENTS, write_bundle

            folder = ud if ud is not None else Path.cwd()
            bundle = write_bundle(folder)
            print(f"xlwings Lite-script skrevet: {folder / MAIN} og {folder / REQUIREMENTS}")
            print(
                f"Målscores kerne er indlejret ({len(bundle.files)} filer, SHA-256 "
                f"{bundle.digest[:16]}…). Se excel_addin/LITE.md."
            )
            return EXIT_OK
        if action == "byg":
            path = build_addin(ud if ud is not None else Path.cwd())
            print(f"Tilføjelsesprogram bygget: {path}")
            print(f"Python: {sys.executable}")
            return EXIT_OK
        if action == "installer":
            path = install(target_dir=ud)
            print(f"Tilføjelsesprogram installeret: {path}")
            print(f"Python: {sys.executable}")
            print("Genstart Excel; fanen 'Målscore' har knappen 'Beregn'.")
            return EXIT_OK
    except ExcelUnavailable as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_NO_EXCEL
    except PermissionError as exc:
        print(
            f"Kunne ikke skrive {exc.filename or ADDIN_NAME}: filen er i brug. "
            "Luk Excel og prøv igen.",
            file=sys.stderr,
        )
        return EXIT_IO
    except (OSError, ValueError) as exc:
        print(f"Tilføjelsesprogrammet kunne ikke bygges: {exc}", file=sys.stderr)
        return EXIT_IO
    print(f"Ukendt handling: {action}", file=sys.stderr)
    return EXIT_IO
