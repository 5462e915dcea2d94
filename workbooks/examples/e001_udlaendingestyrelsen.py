"""Example 001: Udlændingestyrelsen 2025 (seed 001, opgørelsesmetode for resultatkrav).

Shares within a maximum processing time (with excluded cases), a production count with its
precondition, a trimmed average, a share decided strictly *before* a date ("inden den 17. marts
2025"), two meetings, a waiting time that must hold for all five kinds of service at all four
locations on every working day, and a quality measurement with a deadline. The seed lists goals
1.2a–1.2d and 1.3 but gives neither their points nor their deadlines, and gives no points for
2.1–2.3: see the fidelity table in workbooks/README.md for the assumptions.
"""

from __future__ import annotations

from datetime import date

from workbooks.examples.spec import (
    CaseSpec,
    DeadlineCases,
    Example,
    MeanCases,
    Row,
    ShareCases,
)

FAG, KON = "Faglige mål", "Koncernfælles mål"
SRC = "Sagssystemet, udtræk 15-01-2026"
DEP = "Departementets vurdering, brev af 22-01-2026"
ASSUMED = (
    "Point og maksimal sagsbehandlingstid står i selve mål- og resultatplanen, ikke i bilaget; "
    "7 point er eksemplets antagelse (de 35 point, bilaget ikke fordeler)."
)
MAX_TYPE = "Den maksimale sagsbehandlingstid overholdes i minimum 90 pct. af sagerne."


def _max_time(nr: str, text: str, result: float) -> Row:
    return {
        "Nr": nr,
        "Område": FAG,
        "Mål": text,
        "Resultatkrav": MAX_TYPE,
        "Vægt": 7,
        "Type": "mindst",
        "Målværdi": 90,
        "Enhed": "%",
        "Resultat": result,
        "Kilde": f"{SRC}. {ASSUMED}",
    }


# Working days (hverdage) of 2025 in Denmark: 261 weekdays less 8 helligdage on weekdays
# (1/1, 17/4, 18/4, 21/4, 29/5, 9/6, 25/12, 26/12) = 253; per kind of service and location, the
# number of them with at most 3 weeks to the next free time (90 % of 253 = 227,7 → 228 days).
WORKING_DAYS = 253
LOCATIONS = ("Næstved", "Aalborg", "Aarhus", "Odense")
SERVICE_DAYS = (
    (253, 245, 240, 236),
    (250, 238, 233, 230),
    (247, 236, 229, 225),
    (253, 251, 244, 239),
    (246, 240, 236, 228),
)


def _service(kind: int) -> tuple[Row, ...]:
    """One kind of service: met only at every location (each a share of the working days)."""
    nr = f"1.4.{kind}"
    rows: list[Row] = [
        {
            "Nr": nr,
            "Under": "1.4",
            "Område": FAG,
            "Mål": f"Betjeningstype {kind} (planen nævner fem typer uden at navngive dem).",
            "Resultatkrav": "Maksimalt 3 uger til næste ledige tid på 90 pct. af hverdagene på "
            "alle fire lokationer.",
            "Type": "delmål",
            "Samling": "alle",
        }
    ]
    for loc, days in zip(LOCATIONS, SERVICE_DAYS[kind - 1], strict=True):
        rows.append(
            {
                "Nr": f"{nr}.{loc[:3].lower()}",
                "Under": nr,
                "Område": FAG,
                "Mål": f"Betjeningstype {kind}, {loc}.",
                "Resultatkrav": "Højst 3 uger (21 dage) til næste ledige tid på 90 pct. af "
                "hverdagene.",
                "Type": "mindst",
                "Målværdi": 90,
                "Enhed": "%",
                "Resultat": round(100 * days / WORKING_DAYS, 2),
                "Kilde": f"Bookingsystemet: {days} af {WORKING_DAYS} hverdage med højst 21 dages "
                "ventetid",
            }
        )
    return tuple(rows)


GOALS: tuple[Row, ...] = (
    {
        "Nr": "1.1a",
        "Område": FAG,
        "Mål": "Gennemførelse af 1. samtale med asylansøgeren.",
        "Resultatkrav": f"{MAX_TYPE} Sager, hvor ansøgeren allerede har opholdsgrundlag i "
        "Danmark, udelades (fjernregistrerede, særloven for evakuerede afghanere, ukrainsk "
        "nationalitet).",
        "Vægt": 10,
        "Type": "mindst",
        "Målværdi": 90,
        "Enhed": "%",
        "Indikator": "andel",
        "Frist": 30,
        "Kilde": f"{SRC}. Bilaget angiver ikke den maksimale sagsbehandlingstid; 30 dage er "
        "eksemplets antagelse.",
    },
    {
        "Nr": "1.1b",
        "Område": FAG,
        "Mål": "Produktionsmål for spontane asylansøgninger.",
        "Resultatkrav": "Afgørelse i minimum 2.000 spontane asylansøgninger (ekskl. "
        "fjernregistrerede); al afgang tæller.",
        "Vægt": 10,
        "Type": "mindst",
        "Målværdi": 2000,
        "Enhed": "antal",
        "Resultat": "2.134",
        "Kilde": SRC,
        "Forudsætning": "Det gælder, at disse spontane asylansøgninger nogenlunde følger det "
        "forudsatte antal samt at ansøgningerne er jævnt fordelt over året og ressourcer i "
        "væsentlig omfang ikke prioriteres til andre sagstyper herunder ukrainesager eller "
        "større antal fjernregistrerede.",
        "Forudsætning opfyldt": "Ja",
    },
    {
        "Nr": "1.1c",
        "Område": FAG,
        "Mål": "Særlovssager for fordrevne fra Ukraine.",
        "Resultatkrav": "Gennemsnitlig sagsbehandlingstid på 35 dage i 90 % af sagerne.",
        "Vægt": 5,
        "Type": "højst",
        "Målværdi": 35,
        "Enhed": "dage",
        "Indikator": "gennemsnit",
        "Udelad": 10,
        "Kilde": SRC,
    },
    {
        "Nr": "1.1d",
        "Område": FAG,
        "Mål": "Forlængelse af særlovssager for fordrevne fra Ukraine.",
        "Resultatkrav": "Inden den 17. marts 2025 er der truffet afgørelse i 95 pct. af "
        "forlængelsessagerne.",
        "Vægt": 5,
        "Type": "mindst",
        "Målværdi": 95,
        "Enhed": "%",
        "Indikator": "andel",
        "Frist": "før 17-03-2025",
        "Kilde": SRC,
    },
    {
        "Nr": "1.1e",
        "Område": FAG,
        "Mål": "Initiativ til styrket samarbejde (ERFA-netværket).",
        "Resultatkrav": "Udlændingestyrelsen afholder i 2025 to møder mellem myndighederne i "
        "ERFA-netværket; departementet vurderer på baggrund af afrapporteringerne ved udgangen "
        "af 2. og 4. kvartal.",
        "Vægt": 5,
        "Type": "mindst",
        "Målværdi": 2,
        "Enhed": "antal",
        "Resultat": 2,
        "Kilde": "Afrapportering 2. og 4. kvartal 2025 (møder 14-05-2025 og 19-11-2025); " + DEP,
    },
    _max_time("1.2a", "Maksimal sagsbehandlingstid, mål 1.2a.", 93.1),
    _max_time("1.2b", "Maksimal sagsbehandlingstid, mål 1.2b.", 88.4),
    _max_time("1.2c", "Maksimal sagsbehandlingstid, mål 1.2c.", 95.0),
    _max_time("1.2d", "Maksimal sagsbehandlingstid, mål 1.2d.", 91.2),
    _max_time("1.3", "Maksimal sagsbehandlingstid, mål 1.3.", 90.0),
    {
        "Nr": "1.4",
        "Område": FAG,
        "Mål": "Personlig betjening i Borgerservice.",
        "Resultatkrav": "For alle hverdage maksimalt 3 uger til næste ledige tid; gælder alle "
        "fem typer af betjening og alle faste lokationer (90 pct. af hverdagene i Næstved, "
        "Aalborg, Aarhus og Odense).",
        "Vægt": 5,
        "Type": "delmål",
        "Samling": "alle",
    },
    *(row for k in range(1, 6) for row in _service(k)),
    {
        "Nr": "1.5",
        "Område": FAG,
        "Mål": "Kvalitet i styrelsens sagsbehandling og afgørelser.",
        "Resultatkrav": "Inden udgangen af 2025 er der gennemført en stikprøvebaseret "
        "kvalitetsmåling af sagsbehandlingen.",
        "Vægt": 10,
        "Type": "milepæle",
        "Kilde": "Se arket Milepæle",
    },
    {
        "Nr": "2.1",
        "Område": KON,
        "Mål": "Informationssikkerhed.",
        "Resultatkrav": "Modenhedsniveauet efter Digitaliseringsstyrelsens koncept opretholdes; "
        "departementet vurderer ved årets afslutning, om målet er nået.",
        "Vægt": 2.5,
        "Type": "ja/nej",
        "Resultat": "Opfyldt",
        "Kilde": f"{DEP}. Point: bilaget angiver ingen; 2,5 som for Hjemrejsestyrelsen (seed 000).",
    },
    {
        "Nr": "2.2",
        "Område": KON,
        "Mål": "Leverandørstyring/databehandlerforhold.",
        "Resultatkrav": "Internt tilsyn med leverandørforhold; ingen overførsel til usikre "
        "tredjelande; departementet vurderer ved årets afslutning, om målet er nået.",
        "Vægt": 2.5,
        "Type": "ja/nej",
        "Resultat": "Ikke opfyldt",
        "Kilde": f"{DEP}. Point: bilaget angiver ingen; 2,5 som for Hjemrejsestyrelsen (seed 000).",
    },
    {
        "Nr": "2.3",
        "Område": KON,
        "Mål": "Intern finansiel kontrol.",
        "Resultatkrav": "Et internt finansielt kontrolmiljø opretholdes; departementet vurderer "
        "ved årets afslutning, om målet er nået.",
        "Vægt": 5,
        "Type": "ja/nej",
        "Resultat": "Opfyldt",
        "Kilde": f"{DEP}. Point: bilaget angiver ingen; 5 som for Hjemrejsestyrelsen (seed 000).",
    },
    {
        "Nr": "2.4",
        "Område": KON,
        "Mål": "Bæredygtighed.",
        "Resultatkrav": "Valg af strategiske indsatsområder og opstilling af indkøbsmål (3 "
        "point) og status for målopfyldelse (2 point).",
        "Vægt": 5,
        "Type": "delmål",
    },
    {
        "Nr": "2.4.1",
        "Under": "2.4",
        "Område": KON,
        "Mål": "Strategiske indsatsområder og indkøbsmål.",
        "Vægt": 3,
        "Type": "ja/nej",
        "Resultat": "Ja",
        "Kilde": "Indkøbsanalyse, 31-03-2025",
    },
    {
        "Nr": "2.4.2",
        "Under": "2.4",
        "Område": KON,
        "Mål": "Status for målopfyldelse.",
        "Vægt": 2,
        "Type": "ja/nej",
        "Resultat": "Nej",
        "Kilde": "Status ikke afrapporteret til koncerndirektionen ved årets udgang",
    },
)

MILESTONES: tuple[Row, ...] = (
    {
        "Mål": "1.5",
        "Milepæl": "Stikprøvebaseret kvalitetsmåling gennemført; medarbejder- og "
        "direktionsrettet afrapportering udarbejdet.",
        "Frist": "udgangen af 2025",
        "Leveret": date(2025, 12, 8),
        "Ansvarlig": "Kvalitetsenheden",
    },
)

CASES: tuple[CaseSpec, ...] = (
    # 1.1a: 80 included, 74 within 30 days = 92,5 %; 5 excluded late cases (would give 74/85).
    ShareCases("1.1a", "AS", within=74, late=6, limit=30, fast=5, slow=60, excluded=5),
    # 1.1c: 50 cases, ⌊50 × 10 / 100⌋ = 5 left out (95, 110, 120, 140, 160); the other 45
    # average exactly 38 days > 35.
    MeanCases("1.1c", "UKR", mean=38, kept=45, spread=20, outliers=(95, 110, 120, 140, 160)),
    # 1.1d: 40 extension cases: 37 decided before 17-03-2025, two on it, one on 02-04-2025.
    DeadlineCases(
        "1.1d",
        "UKF",
        deadline=date(2025, 3, 17),
        early=37,
        early_from=date(2025, 1, 6),
        early_to=date(2025, 3, 14),
        on_deadline=2,
        after=(date(2025, 4, 2),),
        wait=(20, 70),
    ),
)

PAY: tuple[Row, ...] = (
    {
        "Navn": "Lene Vestergaard Holm",
        "Stilling": "Direktør",
        "Grundlag": 1050000,
        "Maks. pct.": 12,
        "Model": "tærskel",
        "Tærskel": 60,
        "Bortfald": "Nej",
    },
)

EXAMPLE = Example(
    number=1,
    file="eksempel-001-udlaendingestyrelsen-2025.xlsx",
    year=2025,
    institution="Udlændingestyrelsen",
    plan={
        "Departement": "Udlændinge- og Integrationsministeriet",
        "Titel": "Mål- og resultatplan 2025 – opgørelsesmetode for resultatkrav",
        "Vægtning": "point",
    },
    goals=GOALS,
    milestones=MILESTONES,
    cases=CASES,
    pay=PAY,
)
