"""The layers of `calc/` and their one-way imports, read from the source with `ast`.

    base    grid, errors, exact          plain data both layers share; import nothing else
    xlsx    calc/xlsx/                    the file format; base and the standard library only
    rules   every other calc/*.py module  plain data in and out; base and other rules only
    face    engine, cli, check, template,  ties rules and file format together; may import all
            collect, casescan, casedb,     (casescan/casedb: case data counted by Polars / in SQL;
            handin, rollover                handin: the report files, the pay-less copy, the draft;
                                            rollover: nyt-år's new workbook)

No import cycle inside `calc/` (imports inside functions count: they are dependencies too),
and `calc/` never imports the front ends, except `cli` starting them inside a function for
`maalscore app` / `maalscore addin`. Third-party libraries are imported only inside functions.
See the Architecture section of README.md.
"""

from __future__ import annotations

import ast
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CALC = ROOT / "calc"

BASE = {"calc", "calc.grid", "calc.errors", "calc.exact"}
FACE = {
    "calc.engine",
    "calc.cli",
    "calc.check",
    "calc.template",
    "calc.rollover",
    "calc.collect",
    "calc.casescan",
    "calc.casedb",
    "calc.handin",
}
FRONT_ENDS = ("desktop", "excel_addin")
# Third-party packages calc/ may use, each imported lazily inside the function that needs it.
OPTIONAL = {
    *("numpy", "python_calamine", "openpyxl", "xlsxwriter", "polars", "sqlalchemy", "holidays"),
    # the report extra: Word, PDF, the chart's picture, PDF permissions, workbook encryption
    *("docx", "reportlab", "PIL", "pikepdf", "msoffcrypto"),
}


@dataclass(frozen=True)
class Import:
    source: str  # importing module, e.g. calc.parser
    target: str  # imported module, e.g. calc.grid
    line: int
    lazy: bool  # inside a function
    typing_only: bool  # under `if TYPE_CHECKING:`


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _resolve(module: str, is_package: bool, node: ast.ImportFrom) -> list[str]:
    if node.level == 0:
        base = node.module or ""
    else:
        package = module.split(".") if is_package else module.split(".")[:-1]
        package = package[: len(package) - (node.level - 1)]
        base = ".".join(package + ([node.module] if node.module else []))
    # `from calc.xlsx import ooxml` imports the module calc.xlsx.ooxml
    return [f"{base}.{a.name}" for a in node.names] + [base]


def imports_of(path: Path) -> list[Import]:
    module = module_name(path)
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[Import] = []

    def visit(node: ast.AST, lazy: bool, typing_only: bool) -> None:
        for child in ast.iter_child_nodes(node):
            child_lazy = lazy or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
            child_typing = typing_only or (
                isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test)
            )
            if isinstance(child, ast.Import):
                for alias in child.names:
                    found.append(Import(module, alias.name, child.lineno, lazy, typing_only))
            elif isinstance(child, ast.ImportFrom):
                for target in _resolve(module, path.name == "__init__.py", child):
                    found.append(Import(module, target, child.lineno, lazy, typing_only))
            visit(child, child_lazy, child_typing)

    visit(tree, False, False)
    return found


def layer(module: str) -> str:
    if module in BASE:
        return "base"
    if module == "calc.xlsx" or module.startswith("calc.xlsx."):
        return "xlsx"
    if module in FACE:
        return "face"
    return "rules"


ALLOWED = {
    "base": {"base"},
    "xlsx": {"base", "xlsx"},
    "rules": {"base", "rules"},
    "face": {"base", "xlsx", "rules", "face"},
}


def calc_modules() -> set[str]:
    return {module_name(p) for p in CALC.rglob("*.py")}


def violations(imports: list[Import], modules: set[str]) -> list[str]:
    """Every import that breaks a rule of the module docstring, as readable lines."""
    bad: list[str] = []
    for imp in imports:
        where = f"{imp.source} line {imp.line}: imports {imp.target}"
        top = imp.target.split(".")[0]
        if top in FRONT_ENDS:
            if not (imp.source == "calc.cli" and imp.lazy):
                bad.append(f"{where} (calc/ must not import the front ends)")
            continue
        if top != "calc":
            if top in OPTIONAL:
                if not imp.lazy and not imp.typing_only:
                    bad.append(f"{where} at module level (import it inside the function)")
            elif top not in sys.stdlib_module_names and top != "__future__":
                bad.append(f"{where} (not the standard library nor an optional reader)")
            continue
        if imp.target not in modules:
            continue  # a name imported from a module, e.g. calc.grid.SheetGrid
        src, dst = layer(imp.source), layer(imp.target)
        if dst not in ALLOWED[src]:
            bad.append(f"{where} ({src} may not import {dst})")
    return bad


def cycles(imports: list[Import], modules: set[str]) -> list[list[str]]:
    """Import cycles among calc modules (typing-only imports do not run, so they do not count;
    a package's own `__init__` is not a dependency of its modules)."""
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for imp in imports:
        if imp.typing_only or imp.target not in modules or imp.target == imp.source:
            continue
        if imp.source.startswith(imp.target + "."):
            continue
        graph[imp.source].add(imp.target)
    found: list[list[str]] = []
    state: dict[str, int] = {}  # 1 visiting, 2 done

    def dfs(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                found.append(path[path.index(nxt) :] + [nxt])
            elif nxt not in state:
                dfs(nxt, path + [nxt])
        state[node] = 2

    for m in sorted(graph):
        if m not in state:
            dfs(m, [m])
    return found


def all_imports() -> list[Import]:
    return [imp for p in sorted(CALC.rglob("*.py")) for imp in imports_of(p)]


def test_every_module_is_in_a_layer():
    modules = calc_modules()
    print(
        "\n" + "\n".join(f"{layer(m):5}  {m}" for m in sorted(modules, key=lambda m: (layer(m), m)))
    )
    assert {"calc.xlsx.reader", "calc.xlsx.writeback", "calc.parser", "calc.engine"} <= modules


def test_imports_go_one_way():
    assert violations(all_imports(), calc_modules()) == []


def test_no_import_cycles_inside_calc():
    assert cycles(all_imports(), calc_modules()) == []


def _imp(source: str, target: str, *, lazy: bool = False) -> Import:
    return Import(source, target, 1, lazy, False)


@pytest.mark.parametrize(
    ("imp", "why"),
    [
        (_imp("calc.parser", "calc.xlsx.reader"), "rules may not import xlsx"),
        (_imp("calc.parser", "calc.engine", lazy=True), "rules may not import face"),
        (_imp("calc.xlsx.reader", "calc.headers"), "xlsx may not import rules"),
        (_imp("calc.grid", "calc.model"), "base may not import rules"),
        (_imp("calc.engine", "desktop.app", lazy=True), "only cli starts a front end"),
        (_imp("calc.cli", "desktop.app"), "cli starts it lazily only"),
        (_imp("calc.casedata", "numpy"), "numpy at module level"),
        (_imp("calc.pay", "pandas", lazy=True), "not an allowed library"),
    ],
)
def test_the_checker_catches(imp: Import, why: str):
    modules = calc_modules()
    assert violations([imp], modules), why


def test_the_checker_finds_cycles():
    modules = {"calc.a", "calc.b", "calc.c"}
    imports = [
        _imp("calc.a", "calc.b"),
        _imp("calc.b", "calc.c", lazy=True),
        _imp("calc.c", "calc.a"),
    ]
    assert cycles(imports, modules) == [["calc.a", "calc.b", "calc.c", "calc.a"]]
    typing_only = [*imports[:2], Import("calc.c", "calc.a", 1, False, True)]
    assert cycles(typing_only, modules) == []


def test_relative_imports_resolve():
    src = CALC / "xlsx" / "bulk.py"
    targets = {i.target for i in imports_of(src)}
    assert "calc.xlsx.ooxml" in targets and "calc.grid" in targets


def test_every_package_is_shipped():
    """pyproject lists packages by hand: a new folder under calc/ must be added there, or the
    installed package (wheel, the packaged app, the Lite script) lacks it."""
    import tomllib

    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    packages = {
        module_name(p.parent) for p in ROOT.glob("*/**/__init__.py") if "tests" not in p.parts
    }
    packages = {p for p in packages if p.split(".")[0] in ("calc", *FRONT_ENDS)}
    assert packages <= listed, sorted(packages - listed)
