"""Build the template and the five example workbooks in this folder.

    .venv/bin/python workbooks/make_examples.py

Each example transcribes one of the five real plans in `shared/seeds/` into the standard workbook
(real goal numbers, weights and targets; texts shortened) and fills in plausible end-of-year
results. The output is deterministic: fixed random seed, fixed dates, fixed file timestamps.

The generated case data (Sagsdata) is designed so that the expected results are easy to check by
hand: every generator below states the counts and sums it produces and asserts them, and
`tests/test_examples.py` holds the hand-computed expectations.
"""

from __future__ import annotations

import io
import random
import re
import sys
import zipfile
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from calc.template import (  # noqa: E402
    FMT_DATE,
    MAAL,
    MILEPAELE,
    PLAN_ROW,
    RESULTATLOEN,
    SAGSDATA,
    TableSheet,
    build_template,
    style_data_rows,
)

FIXED_TIME = datetime(2026, 1, 15, 12, 0, 0)
SEED = 20260115

Row = dict[str, Any]


# --------------------------------------------------------------------------------------------
# Writing helpers


def set_plan(wb: Any, **values: Any) -> None:
    ws = wb["Plan"]
    for role, value in values.items():
        ws.cell(row=PLAN_ROW[role], column=2, value=value)


def write_rows(ws: Any, table: TableSheet, rows: Sequence[Row], first: int = 2) -> list[int]:
    """Write `rows` (role -> value) from row `first`; returns the sheet row of each."""
    last = first + len(rows) - 1
    if last > table.rows + 1:
        style_data_rows(ws, table, table.rows + 2, last)
    index = {col.key: i + 1 for i, col in enumerate(table.columns)}
    written = []
    for r, row in enumerate(rows, start=first):
        for key, value in row.items():
            if value is None:
                continue
            cell = ws.cell(row=r, column=index[key], value=value)
            if isinstance(value, date):
                cell.number_format = FMT_DATE
        written.append(r)
    return written


def save_deterministic(wb: Any, path: Path) -> None:
    """Save with fixed document properties and fixed zip member timestamps."""
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    buf = io.BytesIO()
    wb.save(buf)
    buf.seek(0)
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                # openpyxl stamps the save time into dcterms:modified; pin it.
                data = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                    rb"\g<1>" + stamp + rb"\g<2>",
                    data,
                )
            dst.writestr(fixed, data)


# --------------------------------------------------------------------------------------------
# Case data generators (Sagsdata). Each asserts the numbers the tests rely on.


def _random_day(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, (last - first).days))


def share_cases(
    rng: random.Random,
    goal: str,
    prefix: str,
    year: int,
    *,
    within: int,
    late: int,
    limit: int,
    fast: int = 1,
    slow: int = 60,
    excluded: int = 0,
) -> list[Row]:
    """`within` cases with Dage in fast..limit, `late` in limit+1..slow (decided in `year`),
    plus `excluded` late cases marked Medtages = Nej. Dage is left empty: Afgjort − Modtaget."""
    days = [rng.randint(fast, limit) for _ in range(within)]
    days += [rng.randint(limit + 1, slow) for _ in range(late)]
    flags = ["Ja"] * (within + late) + ["Nej"] * excluded
    days += [rng.randint(limit + 1, slow) for _ in range(excluded)]
    order = list(range(len(days)))
    rng.shuffle(order)
    rows: list[Row] = []
    for n, i in enumerate(order, start=1):
        decided = _random_day(rng, date(year, 1, 2), date(year, 12, 19))
        rows.append(
            {
                "Mål": goal,
                "Sag": f"{prefix}-{year}-{n:04d}",
                "Modtaget": decided - timedelta(days=days[i]),
                "Afgjort": decided,
                "Medtages": flags[i],
            }
        )
    included = [r for r in rows if r["Medtages"] == "Ja"]
    ok = sum(1 for r in included if (r["Afgjort"] - r["Modtaget"]).days <= limit)
    assert (len(included), ok) == (within + late, within)
    return rows


def mean_cases(
    rng: random.Random,
    goal: str,
    prefix: str,
    year: int,
    *,
    mean: int,
    kept: int,
    spread: int,
    outliers: Sequence[int],
) -> list[Row]:
    """`kept` cases whose Dage average exactly `mean` (pairs mean ± k, plus one `mean` when
    `kept` is odd, k in 1..spread) and the given `outliers`, all slower than every kept case."""
    days: list[int] = []
    for _ in range(kept // 2):
        k = rng.randint(1, spread)
        days += [mean - k, mean + k]
    if kept % 2:
        days.append(mean)
    assert min(outliers) > max(days) and sum(days) == mean * kept
    days += list(outliers)
    rng.shuffle(days)
    rows = []
    for n, d in enumerate(days, start=1):
        decided = _random_day(rng, date(year, 1, 2), date(year, 12, 19))
        rows.append(
            {
                "Mål": goal,
                "Sag": f"{prefix}-{year}-{n:04d}",
                "Modtaget": decided - timedelta(days=d),
                "Afgjort": decided,
            }
        )
    return rows


def weekday_rows(
    rng: random.Random, goal: str, year: int, location: str, *, within: int, limit: int
) -> list[Row]:
    """One row per weekday (Mon–Fri) of `year` at `location`; Dage = waiting days to the next
    free time. `within` of the days have Dage ≤ limit, the rest limit+1..limit+12."""
    days = [date(year, 1, 1) + timedelta(days=i) for i in range(366)]
    weekdays = [d for d in days if d.year == year and d.weekday() < 5]
    late = len(weekdays) - within
    waits = [rng.randint(1, limit) for _ in range(within)]
    waits += [rng.randint(limit + 1, limit + 12) for _ in range(late)]
    rng.shuffle(waits)
    tag = location[:3].upper().replace("Æ", "AE").replace("Ø", "OE").replace("Å", "AA")
    rows: list[Row] = [
        {
            "Mål": goal,
            "Sag": f"{tag}-{d:%Y%m%d}",
            "Modtaget": d,
            "Lokation": location,
            "Medtages": "Ja",
            "Dage": w,
        }
        for d, w in zip(weekdays, waits, strict=True)
    ]
    assert sum(1 for r in rows if r["Dage"] <= limit) == within
    return rows


def goal(nr: str, **cols: Any) -> Row:
    return {"Nr": nr, **cols}


def milestone(goal_nr: str, what: str, deadline: Any, delivered: Any, **cols: Any) -> Row:
    return {"Mål": goal_nr, "Milepæl": what, "Frist": deadline, "Leveret": delivered, **cols}


# --------------------------------------------------------------------------------------------
# 000 Hjemrejsestyrelsen 2025


def example_000() -> Any:
    rng = random.Random(SEED + 0)
    wb = build_template(2025, "Hjemrejsestyrelsen")
    set_plan(
        wb,
        Departement="Udlændinge- og Integrationsministeriet",
        Titel="Mål- og resultatplan 2025, bilag 1: resultatkrav (Hjemrejsestyrelsen, "
        "Flygtningenævnet og Udlændingenævnet)",
        Vægtning="point",
    )
    fag, kon = "Faglige mål", "Koncernfælles mål"
    src = "Sagssystemet, udtræk 15-01-2026"
    stat = "Hjemrejsestyrelsens udsendelsesstatistik, udtræk 15-01-2026"
    dep = "Departementets vurdering, brev af 20-01-2026"
    goals = [
        goal(
            "1.a",
            Område=fag,
            Mål="Udsendelse af afviste asylansøgere og domsudviste.",
            Resultatkrav="Tre delmål: mindst 100 afviste asylansøgere, 800 domsudviste og 175 "
            "domsudviste til tredjeland udsendes i 2025.",
            Vægt=20,
            Type="delmål",
            Samling="vægtet",
        ),
        goal(
            "1.a.1",
            Under="1.a",
            Område=fag,
            Mål="Delmål 1: udsendelse af afviste asylansøgere.",
            Resultatkrav="Minimum 100 afviste asylansøgere i udsendelsesposition udsendes i 2025 "
            "(inkl. §29b-sager).",
            Type="mindst",
            Målværdi=100,
            Enhed="antal",
            Resultat=112,
            Kilde=stat,
        ),
        goal(
            "1.a.2",
            Under="1.a",
            Område=fag,
            Mål="Delmål 2: udsendelse af domsudviste.",
            Resultatkrav="Minimum 800 domsudviste udsendes i 2025.",
            Type="mindst",
            Målværdi=800,
            Enhed="antal",
            Resultat=743,
            Kilde=stat,
        ),
        goal(
            "1.a.3",
            Under="1.a",
            Område=fag,
            Mål="Delmål 3: udsendelse af domsudviste til tredjeland.",
            Resultatkrav="Hjemrejsestyrelsen udsender 175 domsudviste til tredjeland i 2025.",
            Type="mindst",
            Målværdi=175,
            Enhed="antal",
            Resultat=181,
            Kilde=stat,
        ),
        goal(
            "1.b",
            Område=fag,
            Mål="Hjemrejseprojekter.",
            Resultatkrav="Inden udgangen af 2025 er der gennemført 3-5 hjemrejseprojekter.",
            Vægt=10,
            Type="interval",
            Målværdi="3-5",
            Enhed="antal",
            Resultat=4,
            Kilde="Afrapportering til departementet, 4. kvartal 2025",
        ),
        goal(
            "1.c",
            Område=fag,
            Mål="Første hjemrejsesamtale inden udrejsefristen.",
            Resultatkrav="Den første hjemrejsesamtale med afviste asylansøgere med udrejsefrist "
            "på 7 dage er afholdt inden udrejsefristen i 85 pct. af sagerne.",
            Vægt=5,
            Type="mindst",
            Målværdi=85,
            Enhed="%",
            Indikator="andel",
            Frist=7,
            Kilde=src + "; sager uden førstegangssamtale er ikke medtaget",
        ),
        goal(
            "1.d",
            Område=fag,
            Mål="Genopdukkersamtaler.",
            Resultatkrav="90 % af udeblevne, udrejsecenterindkvarterede udlændinge har inden 10 "
            "dage fra tilbagekomsten fået berammet en genopdukkersamtale.",
            Vægt=5,
            Type="mindst",
            Målværdi=90,
            Enhed="%",
            Resultat=88,
            Kilde=src,
        ),
        goal(
            "1.e",
            Område=fag,
            Mål="Tænkepausesamtaler.",
            Resultatkrav="I 95 % af sagerne er tænkepausesamtalen berammet senest 8 dage efter, "
            "at udlændingen har modtaget det oversatte afslag.",
            Vægt=5,
            Type="mindst",
            Målværdi=95,
            Enhed="%",
            Resultat=96.4,
            Kilde=src,
        ),
        goal(
            "1.f",
            Område=fag,
            Mål="Anmeldelse af overtrædelser af kontrolforpligtelser.",
            Resultatkrav="95 % af konstaterede overtrædelser anmeldes inden for den følgende "
            "måned.",
            Vægt=5,
            Type="mindst",
            Målværdi=95,
            Enhed="%",
            Resultat="93,1 %",
            Kilde="Månedlig afrapportering, opgjort ultimo januar 2026",
        ),
        goal(
            "1.g",
            Område=fag,
            Mål="Straksudsendelser.",
            Resultatkrav="Minimum 80 % af straksudsendelserne er gennemført senest 10 dage efter "
            "svar på høring fra relevante myndigheder.",
            Vægt=5,
            Type="mindst",
            Målværdi=80,
            Enhed="%",
            Resultat=84,
            Kilde=src,
        ),
        goal(
            "1.h",
            Område=fag,
            Mål="Dublinoverførsler.",
            Resultatkrav="Overførsel til den ansvarlige medlemsstat sker i minimum 90 % af "
            "sagerne inden for fristerne i Dublinforordningens art. 29.",
            Vægt=5,
            Type="mindst",
            Målværdi=90,
            Enhed="%",
            Resultat=91.5,
            Kilde=src + "; overførsler hindret af nedlukning er ikke medtaget",
        ),
        goal(
            "1.2",
            Område=fag,
            Mål="Sagsbehandlingstid i Flygtningenævnet (spontansager).",
            Resultatkrav="Gennemsnitligt maksimalt 110 dage i 95 % af spontansagerne; sager med "
            "de 5 % højeste sagsbehandlingstider medtages ikke.",
            Vægt=10,
            Type="højst",
            Målværdi=110,
            Enhed="dage",
            Indikator="gennemsnit",
            Udelad=5,
            Kilde="Flygtningenævnets sagssystem, udtræk 15-01-2026",
        ),
        goal(
            "1.3",
            Område=fag,
            Mål="Sagsbehandlingstid i Udlændingenævnet.",
            Resultatkrav="Gennemsnitlig sagsbehandlingstid for 95 pct. af sagerne nedbragt til "
            "6 måneder; de 5 % højeste medtages ikke.",
            Vægt=10,
            Type="højst",
            Målværdi=6,
            Enhed="måneder",
            Indikator="gennemsnit",
            Udelad=5,
            Kilde="Udlændingenævnets sagssystem, udtræk 15-01-2026",
        ),
        goal(
            "1.4",
            Område=fag,
            Mål="Kvalitetsmåling.",
            Resultatkrav="Kvalitetsmåling af sagsområder udvalgt i 2. kvartal gennemføres i "
            "3. kvartal efter det godkendte koncept.",
            Vægt=5,
            Type="ja/nej",
            Resultat="Ja",
            Kilde="Rapport om kvalitetsmåling, 26-09-2025",
        ),
        goal(
            "2.1",
            Område=kon,
            Mål="Informationssikkerhed.",
            Resultatkrav="Modenhedsniveauet efter ISO 27001 opretholdes; departementet vurderer "
            "ved årets afslutning, om målet er nået.",
            Vægt=2.5,
            Type="vurdering",
            Resultat="opfyldt",
            Kilde=dep,
        ),
        goal(
            "2.2",
            Område=kon,
            Mål="Leverandørstyring/databehandlerforhold.",
            Resultatkrav="Internt tilsyn sikrer, at databeskyttelsesforordningen overholdes; "
            "departementet vurderer ved årets afslutning.",
            Vægt=2.5,
            Type="vurdering",
            Resultat="delvist",
            Kilde=dep,
        ),
        goal(
            "2.3",
            Område=kon,
            Mål="Intern finansiel kontrol.",
            Resultatkrav="Et internt finansielt kontrolmiljø opretholdes; departementet vurderer "
            "ved årets afslutning.",
            Vægt=5,
            Type="vurdering",
            Resultat=75,
            Kilde=dep,
        ),
        goal(
            "2.4",
            Område=kon,
            Mål="Bæredygtighed (FN's verdensmål 12.7).",
            Resultatkrav="Valg af strategiske indsatsområder og indkøbsmål (3 point) og status "
            "for målopfyldelse (2 point).",
            Vægt=5,
            Type="delmål",
        ),
        goal(
            "2.4.1",
            Under="2.4",
            Område=kon,
            Mål="Strategiske indsatsområder og indkøbsmål.",
            Resultatkrav="Styrelsen har valgt strategiske indsatsområder og opstillet indkøbsmål.",
            Vægt=3,
            Type="ja/nej",
            Resultat="Ja",
            Kilde="Indkøbsanalyse sendt til koncerndirektionen 28-03-2025",
        ),
        goal(
            "2.4.2",
            Under="2.4",
            Område=kon,
            Mål="Status for målopfyldelse.",
            Resultatkrav="Der er afrapporteret status for indkøbsmålene til koncerndirektionen.",
            Vægt=2,
            Type="ja/nej",
            Resultat="Nej",
            Kilde="Status ikke afrapporteret ved årets udgang",
        ),
    ]
    write_rows(wb["Mål"], MAAL, goals)

    cases: list[Row] = []
    # 1.c: 35 of 40 included within 7 days = 87,5 %; the 4 excluded (late) cases would give
    # 35/44 = 79,5 %.
    cases += share_cases(rng, "1.c", "HJR", 2025, within=35, late=5, limit=7, slow=25, excluded=4)
    # 1.2: 100 cases; the 95 fastest average exactly 104 days, the 5 outliers are 310, 365,
    # 402, 441, 512 (sum 2030): trimmed mean 104 ≤ 110, untrimmed (9880 + 2030)/100 = 119,1.
    cases += mean_cases(
        rng, "1.2", "FLN", 2025, mean=104, kept=95, spread=40, outliers=(310, 365, 402, 441, 512)
    )
    # 1.3: 60 cases, ⌊60 × 5 / 100⌋ = 3 left out (480, 530, 610); the 57 others average
    # exactly 195 days = 6,41 months > 6.
    cases += mean_cases(
        rng, "1.3", "UNA", 2025, mean=195, kept=57, spread=60, outliers=(480, 530, 610)
    )
    write_rows(wb["Sagsdata"], SAGSDATA, cases)

    pay = [
        {
            "Navn": "Karsten Bøgh Andersen",
            "Stilling": "Direktør",
            "Grundlag": 1187400,
            "Maks. pct.": 15,
            "Model": "lineær",
            "Bortfald": "Nej",
        }
    ]
    write_rows(wb["Resultatløn"], RESULTATLOEN, pay)
    return wb


# --------------------------------------------------------------------------------------------
# 001 Udlændingestyrelsen 2025


def example_001() -> Any:
    rng = random.Random(SEED + 1)
    wb = build_template(2025, "Udlændingestyrelsen")
    set_plan(
        wb,
        Departement="Udlændinge- og Integrationsministeriet",
        Titel="Mål- og resultatplan 2025 – opgørelsesmetode for resultatkrav",
        Vægtning="point",
    )
    fag, kon = "Faglige mål", "Koncernfælles mål"
    src = "Sagssystemet, udtræk 15-01-2026"
    dep = "Departementets vurdering, brev af 22-01-2026"
    goals = [
        goal(
            "1.1a",
            Område=fag,
            Mål="Gennemførelse af 1. samtale med asylansøgeren.",
            Resultatkrav="Maksimal sagsbehandlingstid på 30 dage overholdes i minimum 90 pct. af "
            "sagerne; ansøgere med opholdsgrundlag i Danmark udelades.",
            Vægt=10,
            Type="mindst",
            Målværdi=90,
            Enhed="%",
            Indikator="andel",
            Frist=30,
            Kilde=src,
        ),
        goal(
            "1.1b",
            Område=fag,
            Mål="Produktionsmål for spontane asylansøgninger.",
            Resultatkrav="Afgørelse i minimum 2.000 spontane asylansøgninger (ekskl. "
            "fjernregistrerede).",
            Vægt=10,
            Type="mindst",
            Målværdi=2000,
            Enhed="antal",
            Resultat="2.134",
            Kilde=src,
        ),
        goal(
            "1.1c",
            Område=fag,
            Mål="Særlovssager for fordrevne fra Ukraine.",
            Resultatkrav="Gennemsnitlig sagsbehandlingstid på 35 dage i 90 % af sagerne.",
            Vægt=5,
            Type="højst",
            Målværdi=35,
            Enhed="dage",
            Indikator="gennemsnit",
            Udelad=10,
            Kilde=src,
        ),
        goal(
            "1.1d",
            Område=fag,
            Mål="Forlængelse af særlovssager for fordrevne fra Ukraine.",
            Resultatkrav="Inden den 17. marts 2025 er der truffet afgørelse i 95 pct. af "
            "forlængelsessagerne.",
            Vægt=5,
            Type="mindst",
            Målværdi=95,
            Enhed="%",
            Indikator="andel",
            Frist=date(2025, 3, 17),
            Kilde=src,
        ),
        goal(
            "1.1e",
            Område=fag,
            Mål="Initiativ til styrket samarbejde (ERFA-netværket).",
            Resultatkrav="Udlændingestyrelsen afholder i 2025 to møder mellem myndighederne i "
            "ERFA-netværket.",
            Vægt=5,
            Type="ja/nej",
            Resultat="Ja",
            Kilde="Afrapportering 2. og 4. kvartal 2025 (møder 14-05-2025 og 19-11-2025)",
        ),
        goal(
            "1.4",
            Område=fag,
            Mål="Personlig betjening i Borgerservice.",
            Resultatkrav="Maksimalt 3 uger til næste ledige tid på 90 pct. af alle hverdage i "
            "Næstved, Aalborg, Aarhus og Odense.",
            Vægt=5,
            Type="mindst",
            Målværdi=90,
            Enhed="%",
            Indikator="andel",
            Frist=21,
            Lokationer="alle",
            Kilde="Bookingsystemet, daglig registrering af næste ledige tid",
        ),
        goal(
            "1.5",
            Område=fag,
            Mål="Kvalitet i styrelsens sagsbehandling og afgørelser.",
            Resultatkrav="Inden udgangen af 2025 er der gennemført en stikprøvebaseret "
            "kvalitetsmåling af sagsbehandlingen.",
            Vægt=10,
            Type="ja/nej",
            Resultat="Ja",
            Kilde="Direktionsrettet afrapportering af kvalitetsmålingen, 08-12-2025",
        ),
        goal(
            "2.1",
            Område=kon,
            Mål="Informationssikkerhed.",
            Resultatkrav="Modenhedsniveauet efter Digitaliseringsstyrelsens koncept opretholdes; "
            "departementet vurderer.",
            Vægt=15,
            Type="vurdering",
            Resultat="opfyldt",
            Kilde=dep,
        ),
        goal(
            "2.2",
            Område=kon,
            Mål="Leverandørstyring/databehandlerforhold.",
            Resultatkrav="Internt tilsyn med leverandørforhold; ingen overførsel til usikre "
            "tredjelande; departementet vurderer.",
            Vægt=10,
            Type="vurdering",
            Resultat=75,
            Kilde=dep,
        ),
        goal(
            "2.3",
            Område=kon,
            Mål="Intern finansiel kontrol.",
            Resultatkrav="Et internt finansielt kontrolmiljø opretholdes; departementet vurderer.",
            Vægt=10,
            Type="vurdering",
            Resultat="delvist",
            Kilde=dep,
        ),
        goal(
            "2.4",
            Område=kon,
            Mål="Bæredygtighed.",
            Resultatkrav="Strategiske indsatsområder og indkøbsmål (3 point) og status for "
            "målopfyldelse (2 point).",
            Vægt=10,
            Type="delmål",
        ),
        goal(
            "2.4.1",
            Under="2.4",
            Område=kon,
            Mål="Strategiske indsatsområder og indkøbsmål.",
            Vægt=3,
            Type="ja/nej",
            Resultat="Ja",
            Kilde="Indkøbsanalyse, 31-03-2025",
        ),
        goal(
            "2.4.2",
            Under="2.4",
            Område=kon,
            Mål="Status for målopfyldelse.",
            Vægt=2,
            Type="vurdering",
            Resultat="delvist",
            Kilde=dep,
        ),
    ]
    write_rows(wb["Mål"], MAAL, goals)

    cases: list[Row] = []
    # 1.1a: 80 included, 74 within 30 days = 92,5 %; 5 excluded late cases (would give 74/85).
    cases += share_cases(
        rng, "1.1a", "AS", 2025, within=74, late=6, limit=30, fast=5, slow=60, excluded=5
    )
    # 1.1c: 50 cases, ⌊50 × 10 / 100⌋ = 5 left out (95, 110, 120, 140, 160); the other 45
    # average exactly 38 days > 35.
    cases += mean_cases(
        rng, "1.1c", "UKR", 2025, mean=38, kept=45, spread=20, outliers=(95, 110, 120, 140, 160)
    )
    # 1.1d: 40 extension cases, 39 decided on or before 17-03-2025 (two exactly on it), one on
    # 02-04-2025: 39/40 = 97,5 %.
    deadline = date(2025, 3, 17)
    decided = [_random_day(rng, date(2025, 1, 6), date(2025, 3, 14)) for _ in range(37)]
    decided += [deadline, deadline, date(2025, 4, 2)]
    for n, d in enumerate(decided, start=1):
        cases.append(
            {
                "Mål": "1.1d",
                "Sag": f"UKF-2025-{n:04d}",
                "Modtaget": d - timedelta(days=rng.randint(20, 70)),
                "Afgjort": d,
            }
        )
    assert sum(1 for d in decided if d <= deadline) == 39
    # 1.4: 261 weekdays per location; days with ≤ 21 days' wait: Næstved 261, Aalborg 250,
    # Aarhus 240, Odense 230 (230/261 = 88,1 % < 90).
    for loc, ok in (("Næstved", 261), ("Aalborg", 250), ("Aarhus", 240), ("Odense", 230)):
        cases += weekday_rows(rng, "1.4", 2025, loc, within=ok, limit=21)
    write_rows(wb["Sagsdata"], SAGSDATA, cases)

    pay = [
        {
            "Navn": "Lene Vestergaard Holm",
            "Stilling": "Direktør",
            "Grundlag": 1050000,
            "Maks. pct.": 12,
            "Model": "tærskel",
            "Tærskel": 60,
            "Bortfald": "Nej",
        }
    ]
    write_rows(wb["Resultatløn"], RESULTATLOEN, pay)
    return wb


# --------------------------------------------------------------------------------------------
# 002 SIRI 2024


def example_002() -> Any:
    rng = random.Random(SEED + 2)
    wb = build_template(2024, "Styrelsen for International Rekruttering og Integration (SIRI)")
    set_plan(
        wb,
        Departement="Udlændinge- og Integrationsministeriet",
        Titel="Mål og resultatplan 2024 – opgørelsesmetode for resultatkrav",
        Vægtning="point",
    )
    fag, kon = "Faglige mål", "Koncernfælles mål"
    src = "Sagssystemet, udtræk 15-01-2025"
    dep = "Departementets vurdering, brev af 24-01-2025"
    goals = [
        goal(
            "1",
            Område=fag,
            Mål="Fast-track 1. gang: alle førstegangssager på fast-track-ordningen.",
            Resultatkrav="85 pct. afgøres inden 31 dage.",
            Vægt=20,
            Type="mindst",
            Målværdi=85,
            Enhed="%",
            Indikator="andel",
            Frist=31,
            Kilde=src,
        ),
        goal(
            "2",
            Område=fag,
            Mål="Alle 1. gangs sager på erhvervsområdet.",
            Resultatkrav="75 pct. afgøres inden 31 dage.",
            Vægt=25,
            Type="mindst",
            Målværdi=75,
            Enhed="%",
            Indikator="andel",
            Frist=31,
            Kilde=src,
        ),
        goal(
            "3",
            Område=fag,
            Mål="EU-området: sagstyper på EU-området afgøres som udgangspunkt inden for 1 dag.",
            Resultatkrav="70 pct. afgøres inden 1 dag.",
            Vægt=15,
            Type="mindst",
            Målværdi=70,
            Enhed="%",
            Indikator="andel",
            Frist=1,
            Kilde=src,
        ),
        goal(
            "4",
            Område=fag,
            Mål="Borgerservice: let og smidig adgang til personlig betjening.",
            Resultatkrav="For 80 pct. af alle hverdage maksimalt 10 dages ventetid til næste "
            "ledige tid til biometrioptag; Valby vægter 50 pct., øvrige lokationer 10 pct. hver.",
            Vægt=10,
            Type="mindst",
            Målværdi=80,
            Enhed="%",
            Indikator="andel",
            Frist=10,
            Lokationer="Valby=50; Aarhus=10; Odense=10; Aalborg=10; Esbjerg=10; Sønderborg=10",
            Kilde="Bookingsystemet, daglig registrering af næste ledige tid (ekskl. EU-borgere)",
        ),
        goal(
            "5",
            Område=fag,
            Mål="Kvalitet i sagsbehandlingen.",
            Resultatkrav="Koncept færdiggjort inden udgangen af 2. kvartal; kvalitetsmålingen "
            "gennemført og afrapporteret inden udgangen af 4. kvartal.",
            Vægt=5,
            Type="milepæle",
            Kilde="Milepæle, se arket Milepæle",
        ),
        goal(
            "6",
            Område=fag,
            Mål="Forebyggelse af negativ social kontrol: Nationalt Center Mod Æresrelaterede "
            "Konflikter.",
            Resultatkrav="Kommunikationsplan godkendt inden udgangen af 1. kvartal; "
            "rådgivningspakke godkendt inden udgangen af 3. kvartal.",
            Vægt=10,
            Type="milepæle",
            Kilde="Milepæle, se arket Milepæle",
        ),
        goal(
            "7",
            Område=kon,
            Mål="Informationssikkerhed.",
            Resultatkrav="Det forventede modenhedsniveau opnås eller opretholdes, og de tekniske "
            "minimumskrav efterleves.",
            Vægt=2.5,
            Type="vurdering",
            Resultat="opfyldt",
            Kilde="Forvaltningsret og Datasikkerheds vurdering, 17-01-2025",
        ),
        goal(
            "8",
            Område=kon,
            Mål="Leverandørstyring/databehandlerforhold.",
            Resultatkrav="Oversigt over databehandlerforhold indsendt ved udgangen af 2. og 4. "
            "kvartal 2024.",
            Vægt=2.5,
            Type="ja/nej",
            Resultat="Ja",
            Kilde="Oversigter indsendt 28-06-2024 og 20-12-2024",
        ),
        goal(
            "9",
            Område=kon,
            Mål="Intern finansiel kontrol.",
            Resultatkrav="Status på det interne finansielle kontrolmiljø rapporteret med "
            "udgangen af 3. kvartal 2024.",
            Vægt=5,
            Type="vurdering",
            Resultat=75,
            Kilde=dep,
        ),
        goal(
            "10",
            Område=kon,
            Mål="Bæredygtighed.",
            Resultatkrav="Indkøbsanalyse (2 point), indkøbsmål inkl. baseline (2 point) og "
            "status på målopfyldelse (1 point).",
            Vægt=5,
            Type="milepæle",
            Kilde="Milepæle, se arket Milepæle",
        ),
    ]
    write_rows(wb["Mål"], MAAL, goals)

    milestones = [
        milestone(
            "5",
            "Konceptet for kvalitetsmålingen er færdiggjort i dialog med departementet.",
            "udgangen af 2. kvartal 2024",
            date(2024, 6, 21),
            Ansvarlig="Kvalitetsenheden",
        ),
        milestone(
            "5",
            "Kvalitetsmålingen er gennemført og afrapporteret til departementet.",
            "udgangen af 4. kvartal 2024",
            date(2024, 12, 13),
            Ansvarlig="Kvalitetsenheden",
        ),
        milestone(
            "6",
            "Kommunikationsplan for Centerets arbejde godkendt af departementet.",
            "udgangen af 1. kvartal 2024",
            date(2024, 4, 12),
            Ansvarlig="Nationalt Center Mod Æresrelaterede Konflikter",
        ),
        milestone(
            "6",
            "Rådgivningspakke til lærere på ungdomsuddannelserne godkendt af departementet.",
            "udgangen af 3. kvartal 2024",
            date(2024, 9, 26),
            Ansvarlig="Nationalt Center Mod Æresrelaterede Konflikter",
        ),
        milestone(
            "10",
            "Indkøbsanalyse med udpegede strategiske indsatsområder indsendt.",
            "udgangen af 1. kvartal 2024",
            date(2024, 3, 27),
            Ansvarlig="Økonomi og indkøb",
            Vægt=2,
        ),
        milestone(
            "10",
            "Indkøbsmål, herunder baseline, opstillet.",
            "udgangen af 2. kvartal 2024",
            date(2024, 7, 5),
            Ansvarlig="Økonomi og indkøb",
            Vægt=2,
        ),
        milestone(
            "10",
            "Status på målopfyldelse for indkøbsmål fremsendt.",
            "udgangen af 3. kvartal 2024",
            date(2024, 9, 30),
            Ansvarlig="Økonomi og indkøb",
            Vægt=1,
        ),
    ]
    write_rows(wb["Milepæle"], MILEPAELE, milestones)

    cases: list[Row] = []
    # 1: 100 cases, 88 within 31 days = 88 %.
    cases += share_cases(rng, "1", "FT", 2024, within=88, late=12, limit=31, fast=3, slow=75)
    # 2: 200 cases, 153 within 31 days = 76,5 %.
    cases += share_cases(rng, "2", "ERH", 2024, within=153, late=47, limit=31, fast=3, slow=90)
    # 3: 80 cases, 54 within 1 day (0 or 1 days) = 67,5 %.
    cases += share_cases(rng, "3", "EU", 2024, within=54, late=26, limit=1, fast=0, slow=20)
    # 4: 262 weekdays per location with ≤ 10 days' wait on: Valby 230, Aarhus 220, Odense 200,
    # Aalborg 215, Esbjerg 205, Sønderborg 262 (80 % of 262 = 209,6).
    for loc, ok in (
        ("Valby", 230),
        ("Aarhus", 220),
        ("Odense", 200),
        ("Aalborg", 215),
        ("Esbjerg", 205),
        ("Sønderborg", 262),
    ):
        cases += weekday_rows(rng, "4", 2024, loc, within=ok, limit=10)
    write_rows(wb["Sagsdata"], SAGSDATA, cases)

    pay = [
        {
            "Navn": "Anders Kjærgaard Nielsen",
            "Stilling": "Direktør",
            "Grundlag": 1020000,
            "Maks. beløb": 90000,
            "Model": "trin",
            "Trin": "95=100; 85=75; 70=50; 0=0",
            "Skøn": 5000,
            "Begrundelse": "Tillæg for den ekstraordinære indsats med etableringen af Nationalt "
            "Center Mod Æresrelaterede Konflikter.",
            "Bortfald": "Nej",
        }
    ]
    write_rows(wb["Resultatløn"], RESULTATLOEN, pay)
    return wb


# --------------------------------------------------------------------------------------------
# 003 Migrationsverket 2008 (Swedish)

ACTION_PLAN: list[tuple[str, str, str, str, str, Any]] = [
    # (goal, Vad, Hur, Vem, När, Levererat)
    (
        "1",
        "Öka tydligheten så att alla sökande redan i inskrivningsfasen har god kunskap om "
        "möjliga utgångar i asylärendet och det egna ansvaret.",
        "Lämna muntlig och skriftlig information vid mottagande av asylansökan och "
        "inskrivningssamtal enligt fastställda rutiner.",
        "Enhetschefer vid ansökningsenheter och enheter med återvändandeuppdrag",
        "Fortlöpande",
        "Ja",
    ),
    (
        "1",
        "Öka tydligheten så att alla sökande redan i inskrivningsfasen har god kunskap om "
        "möjliga utgångar i asylärendet och det egna ansvaret.",
        "Utse ett antal enheter där boende i första hand ska erbjudas och i mån av plats.",
        "Verksamhetsområde Asylmottagning i samråd med enhetschefer",
        "Juni 2008",
        date(2008, 6, 24),
    ),
    (
        "1",
        "Öka enhetligheten i den information som lämnas ut, för att undvika missförstånd och "
        "ge tydligare information.",
        "Gå igenom relevanta faktablad och säkerställa att de är väl anpassade utefter behoven "
        "inom återvändandearbetet.",
        "Verksamhetsområde Asylmottagning stab och samordningsgruppen i samarbete med "
        "informationsenheten",
        "Augusti 2008",
        date(2008, 9, 15),
    ),
    (
        "1",
        "Sammanställa information om olika länder och eventuella stödinsatser som kan erbjudas.",
        "Relevant information för olika nationaliteter sammanställs och publiceras i "
        "utlänningshandboken kap. 39.",
        "Verksamhetsområde Asylmottagning stab och samordningsgruppen",
        "Augusti 2008",
        date(2008, 8, 29),
    ),
    (
        "1",
        "Se över möjligheterna att utöka förordningen om återetableringsstöd till fler "
        "nationaliteter.",
        "Föreslå förändringar i förordningen som ska ge möjlighet att utöka stödet till fler "
        "nationaliteter.",
        "Verksamhetsområde Asylmottagning, Operativa stödenheten, i samarbete med rättsenheten",
        "Maj 2008",
        date(2008, 5, 30),
    ),
    (
        "1",
        'Följa upp målet "Ett humant och värdigt återvändande".',
        "Ta fram utvärderingsblankett.",
        "Samordningsgruppen i samarbete med informationsenheten och Skapagruppen",
        "Juni 2008",
        date(2008, 6, 12),
    ),
    (
        "1",
        'Följa upp målet "Ett humant och värdigt återvändande".',
        "Sammanställa inkomna svar och infoga i den samlade uppföljningen (delrapport).",
        "Verksamhetsområde Asylmottagning stab",
        "31 augusti 2008",
        date(2008, 9, 3),
    ),
    (
        "1",
        'Följa upp målet "Ett humant och värdigt återvändande".',
        "Sammanställa inkomna svar och infoga i den samlade uppföljningen (slutrapport).",
        "Verksamhetsområde Asylmottagning stab",
        "31 december 2008",
        date(2008, 12, 19),
    ),
    (
        "2",
        "Avgöra ärenden inom två månader och arbeta aktivt med uppföljningar av tidsmålen.",
        "Med regelbundna uppföljningar arbeta för att samtliga ärenden avgörs innan de blir två "
        "respektive fem månader gamla.",
        "Verksamhetsområde Asylmottagning stab och enhetschefer vid enheter med "
        "återvändandeuppdrag",
        "Fortlöpande",
        "Ja",
    ),
    (
        "2",
        "Avgöra ärenden inom två månader och arbeta aktivt med uppföljningar av tidsmålen.",
        "Vidareutveckla och bättre anpassa Eskilsystemet utefter de behov som finns.",
        "Verksamhetsområde Asylmottagning i samarbete med IT-enheten",
        "Juni 2008",
        "Nej",
    ),
    (
        "2",
        "Avgöra ärenden inom två månader och arbeta aktivt med uppföljningar av tidsmålen.",
        "Ta fram ett utvecklat statistiksystem som motsvarar behoven.",
        "Planering och styrning i samverkan med verksamhetsområde Asylmottagning stab",
        "Juni 2008",
        date(2008, 6, 27),
    ),
    (
        "2",
        "Minimera ledtider för flödet av verkställbara beslut.",
        "Ta fram förslag till rutiner och tidsmål för att minimera ledtider inom ramen för det "
        "interna VP-uppdraget.",
        "Staber för verksamhetsområde Förvaltningsprocess, Asylprövning, Asylmottagning och "
        "Asylmottagning och förvar",
        "Maj 2008",
        date(2008, 5, 28),
    ),
    (
        "2",
        "Arbeta fram en modell för kollegial utvärdering.",
        "Ta fram ett förslag till pilotprojekt för kollegial utvärdering.",
        "Verksamhetsområde Asylmottagning stab",
        "Juni 2008",
        date(2008, 8, 20),
    ),
    (
        "2",
        "Arbeta fram och förankra en bra och användbar metodik.",
        "Ta tillvara erfarenheter från kunskapsmässan som bedöms kunna ge en god påverkan på "
        "arbetet med återvändande.",
        "Verksamhetsområde Asylmottagning stab",
        "Höst 2008",
        date(2008, 11, 14),
    ),
    (
        "2",
        "Säkra att medarbetarna har goda kunskaper och rätt kompetens.",
        "Inarbeta förhållningssätt och förvarsfrågor i Migrationsprogrammets "
        "återvändandeutbildning.",
        "Verksamhetsområde Asylmottagning stab och samordningsgruppen i samråd med "
        "Asylmottagning och förvar",
        "Höst 2008",
        date(2008, 10, 30),
    ),
    (
        "2",
        "Säkra att medarbetarna har goda kunskaper och rätt kompetens.",
        "Genomföra seminarier om prövning av verkställighetshinder.",
        "Verksamhetsområde Förvaltningsprocess i samverkan med verksamhetsområde Asylmottagning",
        "Senast december 2008",
        date(2008, 12, 10),
    ),
    (
        "2",
        "Säkra att medarbetarna har goda kunskaper och rätt kompetens.",
        "Genomföra seminarier om återvändande och förvarsfrågor riktade till ett begränsat "
        "antal enheter per tillfälle.",
        "Verksamhetsområde Asylmottagning stab och samordningsgruppen i samarbete med "
        "Asylmottagning och förvar",
        "Senast december 2008",
        "Nej",
    ),
    (
        "2",
        "Säkra att medarbetarna har goda kunskaper och rätt kompetens.",
        "Inom Migrationsprogrammet ta fram en basutbildning i återvändande riktad till "
        "medarbetare inom andra verksamhetsområden.",
        "Verksamhetsområde Asylmottagning i samarbete med personalenheten",
        "Juli 2008",
        date(2008, 7, 31),
    ),
    (
        "3",
        "Samverka mellan berörda enheter.",
        "Inleda dialog kring flödet av beslut mellan enskilda enheter och i processområdesgrupper.",
        "Enhetschefer vid ansöknings-, asylprövnings- och förvaltningsprocessenheter samt "
        "enheter med återvändandeuppdrag",
        "Fortlöpande",
        "Ja",
    ),
    (
        "3",
        'Följa upp målet "Jämnare flöde av beslut".',
        "Ojämna flöden syns i statistiken och avrapporteras i prognoser och kvartalsrapporter "
        "(delrapport).",
        "Verksamhetsområde Asylmottagning stab",
        "31 augusti 2008",
        date(2008, 8, 29),
    ),
    (
        "3",
        'Följa upp målet "Jämnare flöde av beslut".',
        "Ojämna flöden tas med i den samlade uppföljningen av handlingsplanen (slutrapport).",
        "Verksamhetsområde Asylmottagning stab",
        "31 december 2008",
        date(2008, 12, 17),
    ),
    (
        "4",
        "Medvetandegöra sökanden om sitt ansvar att klarlägga sin identitet.",
        "Utreda identitetsfrågan i förhållande till möjligheten att återvända.",
        "Enhetschefer vid ansöknings-, asylprövnings- och tillståndsenheter samt enheter med "
        "återvändandeuppdrag",
        "Fortlöpande",
        "Nej",
    ),
    (
        "4",
        "Arbeta fram och förankra ett ändamålsenligt och effektivt arbetssätt.",
        "Utreda hur vi ska arbeta med identitetsfrågor och se över rutinerna i "
        "utlänningshandboken 39.4.",
        "Verksamhetsområde Asylprövning tillsätter en arbetsgrupp i samarbete med berörda "
        "verksamhetsområden",
        "Maj 2008",
        date(2008, 6, 16),
    ),
    (
        "4",
        "Arbeta fram och förankra ett ändamålsenligt och effektivt arbetssätt.",
        "Se över möjligheten att återinföra identitetsdokument i Lifos.",
        "Verksamhetsområde Asylmottagning, operativa stödenheten, i samarbete med "
        "landinformationsenheten",
        "September 2008",
        "Nej",
    ),
    (
        "4",
        'Följa upp målet "Fastställda identiteter".',
        "Ta fram, bearbeta och sammanställa relevant statistik (delrapport).",
        "Verksamhetsområde Asylmottagning stab i samarbete med Planering och styrning",
        "31 augusti 2008",
        date(2008, 9, 5),
    ),
    (
        "4",
        'Följa upp målet "Fastställda identiteter".',
        "Ta fram, bearbeta och sammanställa relevant statistik (slutrapport).",
        "Verksamhetsområde Asylmottagning stab i samarbete med Planering och styrning",
        "31 december 2008",
        "Nej",
    ),
    (
        "5",
        "Ha en bra och aktiv framförhållning i samarbetet med justitiedepartementet.",
        "Bidra till departementets arbete med återtagandeavtal genom att bistå efter förfrågan.",
        "Verksamhetsområde Asylmottagning",
        "Fortlöpande",
        "Ja",
    ),
    (
        "5",
        "Ha en bra och aktiv framförhållning i samarbetet med justitiedepartementet.",
        "Undersöka möjligheterna att uppdra till migrationsattachéer att arbeta aktivt med "
        "återvändandefrågor.",
        "Verksamhetsområde Besök och bosättning inom ramen för UM-SAM",
        "Juni 2008",
        date(2008, 6, 30),
    ),
    (
        "5",
        "Utöka samarbetet med externa aktörer för att underlätta återvändandet.",
        "Ingå fler avtal mellan Migrationsverket och olika organisationer.",
        "Verksamhetsområde Asylmottagning i samarbete med Europeiskt och internationellt samarbete",
        "Senast 31 december 2008",
        date(2008, 12, 15),
    ),
    (
        "5",
        "Samverka och samarbeta med Rikspolisstyrelsen.",
        "Utarbeta ett förslag till ett nytt ändamålsenligt samverkansavtal med "
        "Rikspolisstyrelsen och polismyndigheterna.",
        "Verksamhetsområde Asylmottagning, Asylmottagning och förvar samt Förvaltningsprocess",
        "Augusti 2008",
        date(2008, 10, 2),
    ),
    (
        "5",
        "Samverka och samarbeta med Rikspolisstyrelsen.",
        "Arrangera ett seminarium med Rikspolisstyrelsen under hösten 2008.",
        "Verksamhetsområde Asylmottagning stab och samordningsgruppen",
        "Oktober 2008",
        date(2008, 10, 23),
    ),
    (
        "5",
        'Följa upp målet "Väl genomtänkt och förankrad samverkan med externa aktörer".',
        "Ta fram enkäter för uppföljning av externa aktörers uppfattning om samverkan.",
        "Verksamhetsområde Asylmottagning stab och samordningsgruppen i samarbete med "
        "informationsenheten",
        "September 2008",
        date(2008, 9, 19),
    ),
    (
        "5",
        'Följa upp målet "Väl genomtänkt och förankrad samverkan med externa aktörer".',
        "Enkätuppföljningens resultat blir en del av den samlade uppföljningen av handlingsplanen.",
        "Verksamhetsområde Asylmottagning stab",
        "December 2008",
        date(2008, 12, 12),
    ),
]


def example_003() -> Any:
    wb = build_template(2008, "Migrationsverket", lang="sv")
    set_plan(
        wb,
        Departement="Justitiedepartementet",
        Titel="Handlingsplan för återvändande i syfte att förbättra förutsättningarna för ett "
        "effektivt arbete (verksamhetsområde Asylmottagning, 2008-05-05)",
        Vægtning="lika",
    )
    area = "Asylmottagning – återvändande"
    source = "Uppföljning av handlingsplanen, december 2008"
    titles = [
        ("1", "Ett värdigt och humant återvändande"),
        ("2", "Vi ökar antalet och andelen självmant återvända och når de interna tidsmålen"),
        ("3", "Jämnare flöde av beslut"),
        ("4", "Fastställda identiteter"),
        ("5", "Väl genomtänkt och förankrad samverkan med externa aktörer"),
    ]
    goals = [
        goal(
            nr,
            Område=area,
            Mål=text,
            Resultatkrav="Aktiviteterna i handlingsplanen genomförs i tid (se bladet "
            "Handlingsplan).",
            Type="handlingsplan",
            Kilde=source,
        )
        for nr, text in titles
    ]
    write_rows(wb["Mål"], MAAL, goals)

    ws = wb["Milstolpar"]
    ws.title = "Handlingsplan"
    rows = [
        {"Mål": g, "Milepæl": what, "Hur": how, "Ansvarlig": who, "Frist": when, "Leveret": done}
        for g, what, how, who, when, done in ACTION_PLAN
    ]
    write_rows(ws, MILEPAELE, rows)
    # Resultatlön: headers only (the action plan carries no performance pay).
    return wb


# --------------------------------------------------------------------------------------------
# 004 Statsforvaltningen 2017


def example_004() -> Any:
    wb = build_template(2017, "Statsforvaltningen")
    set_plan(
        wb,
        Departement="Børne- og Socialministeriet",
        Titel="Resultatplan 2017",
        Vægtning="ligelig",
    )
    strat, kerne, oko = "Strategiske mål", "Kernefaglige mål", "Økonomiske mål"
    rap = "Kvartalsvis afrapportering til departementet, 4. kvartal 2017"
    goals = [
        goal(
            "1.1",
            Område=strat,
            Mål="Borgertilfredshed.",
            Resultatkrav="Samlet borgertilfredshed på mindst 75 pct.",
            Type="mindst",
            Målværdi=75,
            Enhed="%",
            Resultat=77,
            Kilde="Borgertilfredshedsundersøgelsen 2017",
        ),
        goal(
            "1.2",
            Område=strat,
            Mål="Udvikling af tilfredshedsmålinger for EU-området.",
            Resultatkrav="Rapport om valg af metode sendt til departementet senest ved udgangen "
            "af 3. kv. 2017.",
            Type="ja/nej",
            Resultat="Ja",
            Kilde="Rapport sendt 28-09-2017",
        ),
        goal(
            "1.3",
            Område=strat,
            Mål="Høj kvalitet i den borgernære kontakt.",
            Resultatkrav="Reduktion på mindst 15 pct. ift. 2016 i aktindsigter og i henvendelser "
            "om status og om formularer (ægteskabsområdet).",
            Type="delmål",
            Samling="alle",
        ),
        goal(
            "1.3.1",
            Under="1.3",
            Område=strat,
            Mål="Anmodninger om aktindsigt vedr. sagsbehandling i egen sag.",
            Resultatkrav="Reduktion ≥ 15 pct. ift. 2016.",
            Type="reduktion",
            Målværdi=15,
            Basis=412,
            Enhed="antal",
            Resultat=338,
            Kilde="Journalsystemet, 2016 og 2017",
        ),
        goal(
            "1.3.2",
            Under="1.3",
            Område=strat,
            Mål="Henvendelser til info-centeret vedr. status på sagsbehandlingen.",
            Resultatkrav="Reduktion ≥ 15 pct. ift. 2016.",
            Type="reduktion",
            Målværdi=15,
            Basis=9850,
            Enhed="antal",
            Resultat=8120,
            Kilde="Info-centerets telefonistatistik",
        ),
        goal(
            "1.3.3",
            Under="1.3",
            Område=strat,
            Mål="Henvendelser til info-centeret vedr. formularer.",
            Resultatkrav="Reduktion ≥ 15 pct. ift. 2016.",
            Type="reduktion",
            Målværdi=15,
            Basis=3240,
            Enhed="antal",
            Resultat=2900,
            Kilde="Info-centerets telefonistatistik",
        ),
        goal(
            "1.4",
            Område=strat,
            Mål="Styrket vidensgrundlag og dataindsamling på det familieretlige område.",
            Resultatkrav="Spørgeskemaet besvares i mindst 90 pct. af sagsforløbene.",
            Type="mindst",
            Målværdi=90,
            Enhed="%",
            Resultat=92.4,
            Kilde="Spørgeskemadata, familieretlige sager 2017",
        ),
        goal(
            "1.5",
            Område=strat,
            Mål="Forretningsudvikling.",
            Resultatkrav="Idékatalog for værgemål og bidrag rapporteret til departementet senest "
            "1. april 2017.",
            Type="ja/nej",
            Resultat="Ja",
            Kilde="Idékatalog sendt 30-03-2017",
        ),
        goal(
            "2.1",
            Område=kerne,
            Mål="Kvalitet i sagsbehandlingen.",
            Resultatkrav="Rapport om kvalitetsmåling og handlingsplan forelagt senest med "
            "udgangen af 3. kvartal; handlingsplanen iværksat inden udgangen af 2017.",
            Type="ja/nej",
            Resultat="Ja",
            Kilde=rap,
        ),
        goal(
            "2.2",
            Område=kerne,
            Mål="Nedbringelse af liggetid for sagsområder.",
            Resultatkrav="Gennemsnitlig liggetid højst 10, 5, 12 og 12 uger på de fire "
            "sagsområder.",
            Type="delmål",
            Samling="alle",
        ),
        goal(
            "2.2.1",
            Under="2.2",
            Område=kerne,
            Mål="Forældreansvarsområdet (bopæl, samvær og forældremyndighed).",
            Resultatkrav="Gennemsnitlig liggetid højst 10 uger.",
            Type="højst",
            Målværdi=10,
            Enhed="uger",
            Resultat=9.6,
            Kilde="Ledelsesinformation, liggetid 2017",
        ),
        goal(
            "2.2.2",
            Under="2.2",
            Område=kerne,
            Mål="Separation og skilsmisse.",
            Resultatkrav="Gennemsnitlig liggetid højst 5 uger.",
            Type="højst",
            Målværdi=5,
            Enhed="uger",
            Resultat=4.8,
            Kilde="Ledelsesinformation, liggetid 2017",
        ),
        goal(
            "2.2.3",
            Under="2.2",
            Område=kerne,
            Mål="Fastsættelse af børnebidrag.",
            Resultatkrav="Gennemsnitlig liggetid højst 12 uger.",
            Type="højst",
            Målværdi=12,
            Enhed="uger",
            Resultat=11.2,
            Kilde="Ledelsesinformation, liggetid 2017",
        ),
        goal(
            "2.2.4",
            Under="2.2",
            Område=kerne,
            Mål="Værgemål (disposition).",
            Resultatkrav="Gennemsnitlig liggetid højst 12 uger.",
            Type="højst",
            Målværdi=12,
            Enhed="uger",
            Resultat=12,
            Kilde="Ledelsesinformation, liggetid 2017",
        ),
        goal(
            "2.3",
            Område=kerne,
            Mål="Borgerinddragelse i familieretlige sager.",
            Resultatkrav="Indkaldelse inden 10 dage (75 %), møde inden 35 dage (75 %) og sagen "
            "afsluttet i Statsforvaltningen (70 %).",
            Type="delmål",
            Samling="alle",
        ),
        goal(
            "2.3.1",
            Under="2.3",
            Område=kerne,
            Mål="Indkaldelse til møde senest 10 dage efter modtagelse af ansøgningen.",
            Resultatkrav="Mindst 75 pct. af tvistsagerne.",
            Type="mindst",
            Målværdi=75,
            Enhed="%",
            Resultat=81,
            Kilde="Sagssystemet, udtræk 10-01-2018",
        ),
        goal(
            "2.3.2",
            Under="2.3",
            Område=kerne,
            Mål="Møde tilbudt til afholdelse inden 35 dage efter modtagelsen.",
            Resultatkrav="Mindst 75 pct. af tvistsagerne.",
            Type="mindst",
            Målværdi=75,
            Enhed="%",
            Resultat=77,
            Kilde="Sagssystemet, udtræk 10-01-2018",
        ),
        goal(
            "2.3.3",
            Under="2.3",
            Område=kerne,
            Mål="Sager om forældremyndighed og bopæl afsluttet i Statsforvaltningen.",
            Resultatkrav="Mindst 70 pct. af sagerne.",
            Type="mindst",
            Målværdi=70,
            Enhed="%",
            Resultat=72,
            Kilde="Sagssystemet, udtræk 10-01-2018",
        ),
        goal(
            "2.4",
            Område=kerne,
            Mål="Øget kvalitet i risikovurderingerne af informationssikkerheden.",
            Resultatkrav="Reviderede risikovurderinger forelagt ledelsen og sendt til "
            "departementet senest ved udgangen af 3. kv. 2017.",
            Type="ja/nej",
            Resultat="Ja",
            Kilde="Risikovurdering sendt 29-09-2017",
        ),
        goal(
            "2.5",
            Område=kerne,
            Mål="Forbedret logning og overvågning af it-miljøet.",
            Resultatkrav="Det dokumenteres over for departementet inden udgangen af 3. kv. 2017, "
            "at CFCS' anbefalinger om logning er implementeret.",
            Type="ja/nej",
            Resultat="Nej",
            Kilde="Dokumentation først sendt 14-11-2017",
        ),
        goal(
            "3.1",
            Område=oko,
            Mål="Budgetoverholdelse.",
            Resultatkrav="Afvigelse højst 2 pct. ift. grundbudgettet og højst 1 pct. ift. 2. "
            "udgiftsopfølgning.",
            Type="delmål",
            Samling="alle",
        ),
        goal(
            "3.1.1",
            Under="3.1",
            Område=oko,
            Mål="Afvigelse mellem grundbudget og årsregnskab.",
            Resultatkrav="Højst 2 pct.",
            Type="højst",
            Målværdi=2,
            Enhed="%",
            Resultat=1.4,
            Kilde="Grundbudget og årsrapport 2017",
        ),
        goal(
            "3.1.2",
            Under="3.1",
            Område=oko,
            Mål="Afvigelse mellem 2. udgiftsopfølgning og årsregnskab.",
            Resultatkrav="Højst 1 pct.",
            Type="højst",
            Målværdi=1,
            Enhed="%",
            Resultat=0.8,
            Kilde="Udgiftsopfølgning 2 og årsrapport 2017",
        ),
        goal(
            "3.2",
            Område=oko,
            Mål="Sygefravær.",
            Resultatkrav="Sygefraværsdage pr. medarbejder reduceret med mindst 10 % ift. 2016 "
            "(11,6 dage).",
            Type="reduktion",
            Målværdi=10,
            Basis=11.6,
            Enhed="dage",
            Resultat=10.2,
            Kilde='Statens Benchmarkdatabase, nøgletallet "Sygefravær ministeransvarsområder"',
        ),
    ]
    write_rows(wb["Mål"], MAAL, goals)

    pay = [
        {
            "Navn": "Birgitte Holm Sørensen",
            "Stilling": "Direktør",
            "Grundlag": 1013000,
            "Maks. pct.": 10,
            "Model": "lineær",
            "Bortfald": "Nej",
        },
        {
            "Navn": "Jesper Munk Larsen",
            "Stilling": "Vicedirektør",
            "Grundlag": 812000,
            "Maks. pct.": 8,
            "Model": "lineær",
            "Bortfald": "Ja",
            "Begrundelse": "Departementschefen har efter en samlet vurdering af institutionens "
            "økonomiske og driftsmæssige forhold besluttet, at resultatlønnen bortfalder.",
        },
    ]
    write_rows(wb["Resultatløn"], RESULTATLOEN, pay)
    return wb


EXAMPLES = {
    "eksempel-000-hjemrejsestyrelsen-2025.xlsx": example_000,
    "eksempel-001-udlaendingestyrelsen-2025.xlsx": example_001,
    "eksempel-002-siri-2024.xlsx": example_002,
    "eksempel-003-migrationsverket-2008.xlsx": example_003,
    "eksempel-004-statsforvaltningen-2017.xlsx": example_004,
}


def main(argv: Iterable[str] | None = None) -> int:
    args = list(argv or [])
    out = Path(args[0]) if args else HERE
    out.mkdir(parents=True, exist_ok=True)
    save_deterministic(build_template(), out / "skabelon.xlsx")
    print(out / "skabelon.xlsx")
    for name, make in EXAMPLES.items():
        save_deterministic(make(), out / name)
        print(out / name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
