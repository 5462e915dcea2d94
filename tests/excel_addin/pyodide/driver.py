"""Runs inside Pyodide (started by run.mjs): import the generated main.py, score each book.

Input (/work/job.json): {"books": [book JSON, ...], "files": [name, ...], "now": ISO time}.
Output (returned by `run()` as JSON text): per book the recorded actions; per file
in /work/files the JSON of scoring it straight from Pyodide's file system with
`calc.engine.score_file` into /work/out; and the import check of every `calc` module.
"""

import importlib
import json
import os
import pkgutil
import sys
import time
from datetime import datetime

sys.path.insert(0, "/work")
t0 = time.perf_counter()
import main  # noqa: E402  (the generated script: unpacks the core, defines beregn)

t_import = time.perf_counter() - t0

with open("/work/job.json", encoding="utf-8") as f:
    job = json.load(f)
NOW = datetime.fromisoformat(job["now"])

import xlwings  # noqa: E402  (the stand-in)

from excel_addin import glue  # noqa: E402

_evaluate = glue.evaluate


def _at_now(grids, *, now=None):
    return _evaluate(grids, now=NOW)


glue.evaluate = _at_now


async def _books():
    out = []
    for data in job["books"]:
        book = xlwings.Book(json=data)
        await main.beregn(book)
        out.append({"name": data["book"]["name"], "actions": book.actions})
    return out


def _files():
    from calc.cli import to_json
    from calc.engine import FileOptions, score_file

    os.makedirs("/work/out", exist_ok=True)
    out = []
    for name in job["files"]:
        ev = score_file(
            f"/work/files/{name}",
            f"/work/out/{name}",
            now=NOW,
            options=FileOptions(stamp_time=NOW, backup=False),
        )
        out.append(to_json(name, ev))
    return out


def _imports():
    import calc

    root = os.path.dirname(calc.__file__)
    failed = {}
    names = ["calc"]
    for mod in pkgutil.walk_packages([root], "calc."):
        names.append(mod.name)
    for name in names:
        try:
            importlib.import_module(name)
        except Exception as exc:
            failed[name] = f"{type(exc).__name__}: {exc}"
    heavy = [
        m for m in ("numpy", "openpyxl", "python_calamine", "PySide6", "lxml") if m in sys.modules
    ]
    return {
        "modules": sorted(names),
        "failed": failed,
        "heavy": heavy,
        "origin": calc.__file__,
        "python": sys.version.split()[0],
        "platform": sys.platform,
    }


async def run() -> str:
    """Everything, as one JSON text (called and awaited by run.mjs)."""
    t1 = time.perf_counter()
    books = await _books()
    t2 = time.perf_counter()
    files = _files()
    t3 = time.perf_counter()
    result = {
        "books": books,
        "files": files,
        "imports": _imports(),
        "seconds": {"import_main": t_import, "books": t2 - t1, "files": t3 - t2},
    }
    return json.dumps(result, ensure_ascii=False, default=str)
