"""xlwings Lite: the Beregn button for PCs where Python cannot be installed.

Paste this file into the xlwings Lite editor (main.py) and list the requirements given in
`excel_addin/LITE.md`; Lite then shows `beregn` as a script with a Run button. It calls the
same glue as the add-in: Lite runs Python in the browser (Pyodide), which is why the core must
stay pure Python.
"""

from __future__ import annotations

import xlwings as xw
from xlwings import script

from excel_addin.glue import beregn_book_async, report_crash


@script
async def beregn(book: xw.Book) -> None:
    """Beregn målopfyldelse, point og resultatløn, og skriv dem i projektmappen."""
    try:
        await beregn_book_async(book)
    except Exception as exc:
        report_crash(book, exc)
