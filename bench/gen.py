"""Deterministic benchmark inputs: a standard 20-goal plan, with Sagsdata of any size.

The small sheets are built with openpyxl from `calc.template` (so they look like a real
workbook); a large Sagsdata sheet is then written as sheet XML in a streaming way straight into
the zip, so a million rows take seconds and little memory. Everything depends only on `seed`.
"""

from __future__ import annotations

import csv
import io
import random
import re
import zipfile
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

YEAR = 2025
LOCATIONS = ("Valby", "Aarhus", "Odense", "Aalborg")
EPOCH = date(1899, 12, 30)

# Indicator goals (Nr → share of the case rows); the other goals are scored from Resultat.
CASE_SHARE = {"1": 0.25, "2": 0.2, "3": 0.1, "4": 0.05, "5": 0.05, "6": 0.2, "7": 0.1, "8": 0.05}


def _goals() -> list[dict[str, Any]]:
    fag, kon, oko = "Faglige mål", "Koncernfælles mål", "Økonomiske mål"
    g: list[dict[str, Any]] = [
        dict(Nr="1", Område=fag, Mål="Afgørelser inden for 31 dage", Vægt=8, Type="mindst",
             Målværdi=85, Enhed="%", Indikator="andel", Frist=31),
        dict(Nr="2", Område=fag, Mål="Gennemsnitlig sagsbehandlingstid uden de 5 % langsomste",
             Vægt=8, Type="højst", Målværdi=45, Nedre_grænse=90, Skala="lineær", Enhed="dage",
             Indikator="gennemsnit", Udelad=5),
        dict(Nr="3", Område=fag, Mål="Median sagsbehandlingstid", Vægt=5, Type="højst",
             Målværdi=40, Enhed="dage", Indikator="median"),
        dict(Nr="4", Område=fag, Mål="Længste sagsbehandlingstid", Vægt=4, Type="højst",
             Målværdi=60, Enhed="uger", Indikator="maksimum"),
        dict(Nr="5", Område=fag, Mål="Antal afgjorte sager", Vægt=5, Type="mindst",
             Målværdi=10, Enhed="antal", Indikator="antal"),
        dict(Nr="6", Område=fag, Mål="Andel inden for 30 dage, vægtet over lokationer", Vægt=8,
             Type="mindst", Målværdi=80, Enhed="%", Indikator="andel", Frist=30,
             Lokationer="Valby=40; Aarhus=30; Odense=20; Aalborg=10"),
        dict(Nr="7", Område=fag, Mål="Gennemsnit i uger på alle lokationer", Vægt=6,
             Type="højst", Målværdi=8, Enhed="uger", Indikator="gennemsnit", Lokationer="alle"),
        dict(Nr="8", Område=fag, Mål="Afgjort inden 31-10-2025", Vægt=4, Type="mindst",
             Målværdi=75, Enhed="%", Indikator="andel", Frist=date(YEAR, 10, 31)),
        dict(Nr="9", Område=fag, Mål="Hjemrejseprojekter", Vægt=5, Type="interval",
             Målværdi="3-5", Enhed="antal", Resultat=4),
        dict(Nr="10", Område=fag, Mål="Tilfredshed", Vægt=5, Type="mindst", Målværdi=75,
             Nedre_grænse=60, Skala="trin", Trin="75=100; 70=50; 0=0", Enhed="%", Resultat=72),
        dict(Nr="11", Område=fag, Mål="Digital selvbetjening", Vægt=4, Type="stigning",
             Målværdi=10, Basis=60, Enhed="%", Resultat=67),
        dict(Nr="12", Område=kon, Mål="Sygefravær", Vægt=4, Type="reduktion", Målværdi=5,
             Basis=8, Enhed="dage", Resultat="7,4"),
        dict(Nr="13", Område=kon, Mål="Strategi vedtaget", Vægt=4, Type="ja/nej", Resultat="Ja"),
        dict(Nr="14", Område=kon, Mål="Implementering af ny arkitektur", Vægt=5,
             Type="vurdering", Resultat="delvist"),
        dict(Nr="15", Område=kon, Mål="Handlingsplan", Vægt=6, Type="milepæle"),
        dict(Nr="16", Område=oko, Mål="Økonomistyring", Vægt=8, Type="delmål"),
        dict(Nr="16.a", Under="16", Område=oko, Mål="Budgetafvigelse", Vægt=2, Type="højst",
             Målværdi=2, Enhed="%", Resultat="1,6"),
        dict(Nr="16.b", Under="16", Område=oko, Mål="Regnskab til tiden", Vægt=1,
             Type="ja/nej", Resultat="Nej"),
        dict(Nr="17", Område=oko, Mål="Indkøb via aftaler", Vægt=3, Type="mindst",
             Målværdi=90, Enhed="%", Resultat=93),
        dict(Nr="18", Område=oko, Mål="Betaling til tiden", Vægt=3, Type="mindst",
             Målværdi=98, Enhed="%", Resultat="97,5"),
        dict(Nr="19", Område=oko, Mål="Husleje pr. årsværk", Vægt=2, Type="højst",
             Målværdi=50000, Enhed="kr", Resultat=48000),
        dict(Nr="20", Område=oko, Mål="Energiforbrug", Vægt=3, Type="reduktion", Målværdi=3,
             Basis=1000, Enhed="MWh", Resultat=960),
    ]  # fmt: skip
    return [{k.replace("_", " "): v for k, v in row.items()} for row in g]


def case_rows(n: int, seed: int) -> Iterator[tuple[str, str, date, date, str, str, int | None]]:
    """n case rows: (Mål, Sag, Modtaget, Afgjort, Lokation, Medtages, Dage or None)."""
    rng = random.Random(seed)
    goals = list(CASE_SHARE)
    weights = list(CASE_SHARE.values())
    start = date(YEAR, 1, 1)
    for i in range(n):
        gid = rng.choices(goals, weights)[0]
        decided = start + timedelta(days=rng.randrange(365))
        days = int(rng.expovariate(1 / 25))
        loc = LOCATIONS[rng.randrange(4)] if gid in ("6", "7") else ""
        included = "Nej" if rng.random() < 0.02 else "Ja"
        given = days if rng.random() < 0.1 else None
        yield (gid, f"BS-{YEAR}-{i + 1:07d}", decided - timedelta(days=days), decided, loc,
               included, given)  # fmt: skip


def _build_small(n_inline: int, seed: int) -> Any:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from calc.template import FMT_DATE, MAAL, MILEPAELE, RESULTATLOEN, SAGSDATA, build_template

    wb = build_template(YEAR, "Benchstyrelsen")
    ws = wb["Plan"]
    ws.cell(row=2, column=2, value="Benchministeriet")
    ws.cell(row=4, column=2, value="Mål- og resultatplan (benchmark)")

    def put(sheet: Any, table: Any, rows: list[dict[str, Any]]) -> None:
        index = {c.key: i + 1 for i, c in enumerate(table.columns)}
        for r, row in enumerate(rows, start=2):
            for key, value in row.items():
                if value is None or value == "":
                    continue
                cell = sheet.cell(row=r, column=index[key], value=value)
                if isinstance(value, date):
                    cell.number_format = FMT_DATE

    put(wb["Mål"], MAAL, _goals())
    put(wb["Milepæle"], MILEPAELE, [
        {"Mål": "15", "Milepæl": "Analyse", "Frist": date(YEAR, 3, 31),
         "Leveret": date(YEAR, 3, 20)},
        {"Mål": "15", "Milepæl": "Udbud", "Frist": date(YEAR, 6, 30),
         "Leveret": date(YEAR, 7, 2)},
        {"Mål": "15", "Milepæl": "Idriftsættelse", "Frist": date(YEAR, 11, 30), "Leveret": "Ja"},
    ])  # fmt: skip
    put(wb["Resultatløn"], RESULTATLOEN, [
        {"Navn": "Direktør", "Stilling": "Direktør", "Grundlag": 1_200_000, "Maks. pct.": 10,
         "Model": "lineær"},
    ])  # fmt: skip
    rows = [
        {"Mål": g, "Sag": s, "Modtaget": m, "Afgjort": a, "Lokation": loc or None,
         "Medtages": inc, "Dage": d}
        for g, s, m, a, loc, inc, d in case_rows(n_inline, seed)
    ]  # fmt: skip
    put(wb["Sagsdata"], SAGSDATA, rows)
    return wb


def _serial(d: date) -> int:
    return (d - EPOCH).days


def _sheet_xml_rows(n: int, seed: int, styles: dict[str, str]) -> Iterator[bytes]:
    def s(col: str) -> str:
        return f' s="{styles[col]}"' if col in styles else ""

    sa, sb, sc, sd, se, sf, sg = (s(c) for c in "ABCDEFG")
    yield (
        f'<row r="1"><c r="A1"{sa} t="inlineStr"><is><t>Mål</t></is></c>'
        f'<c r="B1" t="inlineStr"><is><t>Sag</t></is></c>'
        f'<c r="C1" t="inlineStr"><is><t>Modtaget</t></is></c>'
        f'<c r="D1" t="inlineStr"><is><t>Afgjort</t></is></c>'
        f'<c r="E1" t="inlineStr"><is><t>Lokation</t></is></c>'
        f'<c r="F1" t="inlineStr"><is><t>Medtages</t></is></c>'
        f'<c r="G1" t="inlineStr"><is><t>Dage</t></is></c></row>'
    ).encode()
    buf: list[str] = []
    for r, (g, case, m, a, loc, inc, d) in enumerate(case_rows(n, seed), start=2):
        loc_xml = f'<c r="E{r}"{se} t="inlineStr"><is><t>{loc}</t></is></c>' if loc else ""
        days_xml = f'<c r="G{r}"{sg}><v>{d}</v></c>' if d is not None else ""
        buf.append(
            f'<row r="{r}"><c r="A{r}"{sa} t="inlineStr"><is><t>{g}</t></is></c>'
            f'<c r="B{r}"{sb} t="inlineStr"><is><t>{case}</t></is></c>'
            f'<c r="C{r}"{sc}><v>{_serial(m)}</v></c><c r="D{r}"{sd}><v>{_serial(a)}</v></c>'
            f'{loc_xml}<c r="F{r}"{sf} t="inlineStr"><is><t>{inc}</t></is></c>{days_xml}</row>'
        )
        if len(buf) >= 20000:
            yield "".join(buf).encode()
            buf.clear()
    if buf:
        yield "".join(buf).encode()


def make_workbook(path: Path, n_cases: int, seed: int = 6) -> Path:
    """The standard plan with `n_cases` Sagsdata rows (streamed into the sheet XML if large)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    small = n_cases <= 2000
    wb = _build_small(n_cases if small else 3, seed)
    buf = io.BytesIO()
    wb.save(buf)
    if small:
        path.write_bytes(buf.getvalue())
        return path
    buf.seek(0)
    with zipfile.ZipFile(buf) as src:
        part = _sheet_part(src, "Sagsdata")
        xml = src.read(part).decode("utf-8")
        styles = {m.group(1): m.group(2) for m in re.finditer(r'<c r="([A-G])2" s="(\d+)"', xml)}
        head = xml[: xml.index("<sheetData")]
        head = re.sub(r'<dimension ref="[^"]*"/>', f'<dimension ref="A1:G{n_cases + 1}"/>', head)
        tail = xml[xml.index("</sheetData>") + len("</sheetData>") :]
        tail = re.sub(r"<dataValidations.*?</dataValidations>", "", tail, flags=re.S)
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
            for info in src.infolist():
                if info.filename != part:
                    dst.writestr(info, src.read(info.filename), zipfile.ZIP_DEFLATED)
                    continue
                zi = zipfile.ZipInfo(part, date_time=(2026, 1, 1, 0, 0, 0))
                zi.compress_type = zipfile.ZIP_DEFLATED
                with dst.open(zi, "w", force_zip64=True) as out:
                    out.write(head.encode() + b"<sheetData>")
                    for chunk in _sheet_xml_rows(n_cases, seed, styles):
                        out.write(chunk)
                    out.write(b"</sheetData>" + tail.encode())
    return path


def _sheet_part(zf: zipfile.ZipFile, name: str) -> str:
    wb = zf.read("xl/workbook.xml").decode()
    rid = re.search(rf'<sheet [^>]*name="{name}"[^>]*r:id="([^"]+)"', wb)
    assert rid, name
    rels = zf.read("xl/_rels/workbook.xml.rels").decode()
    target = re.search(rf'<Relationship [^>]*Id="{rid.group(1)}"[^>]*Target="([^"]+)"', rels)
    if target is None:
        target = re.search(rf'Target="([^"]+)"[^>]*Id="{rid.group(1)}"', rels)
    assert target
    t = target.group(1).lstrip("/")
    return t if t.startswith("xl/") else "xl/" + t


def make_csv(path: Path, n_cases: int, seed: int = 6) -> Path:
    """The same case rows as a Danish CSV: `;`, dd-mm-yyyy, UTF-8 with BOM."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh, delimiter=";")
        w.writerow(["Mål", "Sag", "Modtaget", "Afgjort", "Lokation", "Medtages", "Dage"])
        for g, case, m, a, loc, inc, d in case_rows(n_cases, seed):
            w.writerow([g, case, f"{m:%d-%m-%Y}", f"{a:%d-%m-%Y}", loc, inc,
                        "" if d is None else d])  # fmt: skip
    return path


def case_frame(n: int, seed: int = 6) -> Any:
    """n case rows like `case_rows` (same goals, shares, days and locations), drawn with numpy
    so ten million take seconds: a Polars frame with typed columns (dates, Dage as integers)."""
    import numpy as np
    import polars as pl

    rng = np.random.default_rng(seed)
    goals = np.array(list(CASE_SHARE))
    p = np.array(list(CASE_SHARE.values()))
    goal = goals[rng.choice(len(goals), n, p=p / p.sum())]
    days = rng.exponential(25, n).astype(np.int32)
    decided = rng.integers(0, 365, n, dtype=np.int32) + (date(YEAR, 1, 1) - date(1970, 1, 1)).days
    loc = rng.integers(0, len(LOCATIONS), n, dtype=np.int8)
    frame = pl.DataFrame({"goal": goal, "days": days, "decided": decided, "loc": loc})
    u, v = rng.random(n), rng.random(n)
    return frame.select(
        pl.col("goal").alias("Mål"),
        pl.format(
            "BS-{}-{}", pl.lit(YEAR), pl.int_range(1, n + 1).cast(pl.String).str.zfill(8)
        ).alias("Sag"),
        (pl.col("decided") - pl.col("days")).cast(pl.Date).alias("Modtaget"),
        pl.col("decided").cast(pl.Date).alias("Afgjort"),
        pl.when(pl.col("goal").is_in(["6", "7"]))
        .then(pl.col("loc").replace_strict(list(range(4)), list(LOCATIONS), return_dtype=pl.String))
        .alias("Lokation"),
        pl.when(pl.Series(u) < 0.02).then(pl.lit("Nej")).otherwise(pl.lit("Ja")).alias("Medtages"),
        pl.when(pl.Series(v) < 0.1).then(pl.col("days")).alias("Dage"),
    )


def make_case_files(csv_path: Path, parquet_path: Path, n: int, seed: int = 6) -> None:
    """The same cases as a Danish CSV (`;`, dd-mm-yyyy, UTF-8 with BOM) and as Parquet with
    typed columns."""
    frame = case_frame(n, seed)
    csv_path.parent.mkdir(parents=True, exist_ok=True)
    frame.write_csv(csv_path, separator=";", date_format="%d-%m-%Y", include_bom=True)
    frame.write_parquet(parquet_path)
