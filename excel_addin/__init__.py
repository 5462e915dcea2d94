"""Målscore's Excel add-in: a "Beregn" button on a "Målscore" ribbon tab, on the same core.

The ribbon button of `excel_addin.xlam` (built by `maalscore addin byg`) runs
`import excel_addin; excel_addin.main()` in the configured Python. Importing this package loads
nothing at all: a click is a fresh process, and xlwings and the core are imported only inside
`main()`, so nothing here adds to what a click costs.
"""

from __future__ import annotations


def main() -> None:
    """The Beregn button: score the active workbook, as it is on screen, and write the results
    into it. Every failure ends in a message box in Excel rather than a traceback."""
    import xlwings as xw

    from excel_addin.glue import beregn_book, report_crash

    book = None
    try:
        book = xw.Book.caller()
        beregn_book(book)
    except Exception as exc:
        report_crash(book, exc)
