"""Open a password-protected workbook in LibreOffice and print its cells, one sheet after another.

Run by the system Python that has LibreOffice's UNO bridge (Debian's python3-uno), not by the
project's venv: `python3 libreoffice_password.py SOFFICE BOOK PASSWORD PROFILE_DIR`. LibreOffice's
`--convert-to` has no way to give a document's password, so this starts it listening on a pipe
and loads the document with the `Password` property, as a person typing the password would.
Exit 0 and the cells (`### Sheet` then tab-separated rows); exit 3 when the document does not
open (a wrong password).
"""

import contextlib
import os
import subprocess
import sys
import time
import uuid

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def main(soffice, book, password, profile):
    pipe = f"maalscore_{uuid.uuid4().hex}"
    office = subprocess.Popen(
        [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--invisible",
         "--norestore", f"--accept=pipe,name={pipe};urp;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    desktop = None
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local
        )
        for _ in range(600):
            try:
                ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:
                time.sleep(0.1)
        else:
            print("LibreOffice did not start", file=sys.stderr)
            return 4
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        url = uno.systemPathToFileUrl(os.path.abspath(book))
        args = (prop("Hidden", True), prop("ReadOnly", True), prop("Password", password))
        try:
            doc = desktop.loadComponentFromURL(url, "_blank", 0, args)
        except Exception as exc:
            print(f"not opened: {exc}", file=sys.stderr)
            return 3
        if doc is None:
            return 3
        for name in doc.Sheets.ElementNames:
            sheet = doc.Sheets.getByName(name)
            cursor = sheet.createCursor()
            cursor.gotoEndOfUsedArea(False)
            end = cursor.RangeAddress
            cells = sheet.getCellRangeByPosition(0, 0, end.EndColumn, end.EndRow).DataArray
            print(f"### {name}")
            for row in cells:
                print("\t".join(str(v) for v in row))
        doc.close(True)
        return 0
    finally:
        if desktop is not None:
            with contextlib.suppress(Exception):
                desktop.terminate()
        try:
            office.wait(timeout=60)
        except subprocess.TimeoutExpired:
            office.kill()


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:5]))
