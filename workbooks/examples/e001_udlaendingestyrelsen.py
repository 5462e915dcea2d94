"""Example 001: Udlændingestyrelsen 2025 (seed 001, opgørelsesmetode for resultatkrav).

Shares within N days with excluded cases, a production count, a trimmed average, a share
decided by a date (17 March), and a share that must hold at every location on every weekday.
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
    WeekdayCases,
)

FAG, KON = "Faglige mål", "Koncernfælles mål"
SRC = "Sagssystemet, udtræk 15-01-2026"
DEP = "Departementets vurdering, brev af 22-01-2026"

GOALS: tuple[Row, ...] = (
    {
        "Nr": "1.1a",
        "Område": FAG,
        "Mål": "Gennemførelse af 1. samtale med asylansøgeren.",
        "Resultatkrav": "Maksimal sagsbehandlingstid på 30 dage overholdes i minimum 90 pct. af "
        "sagerne; ansøgere med opholdsgrundlag i Danmark udelades.",
        "Vægt": 10,
        "Type": "mindst",
        "Målværdi": 90,
        "Enhed": "%",
        "Indikator": "andel",
        "Frist": 30,
        "Kilde": SRC,
    },
    {
        "Nr": "1.1b",
        "Område": FAG,
        "Mål": "Produktionsmål for spontane asylansøgninger.",
        "Resultatkrav": "Afgørelse i minimum 2.000 spontane asylansøgninger (ekskl. "
        "fjernregistrerede).",
        "Vægt": 10,
        "Type": "mindst",
        "Målværdi": 2000,
        "Enhed": "antal",
        "Resultat": "2.134",
        "Kilde": SRC,
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
        "Frist": date(2025, 3, 17),
        "Kilde": SRC,
    },
    {
        "Nr": "1.1e",
        "Område": FAG,
        "Mål": "Initiativ til styrket samarbejde (ERFA-netværket).",
        "Resultatkrav": "Udlændingestyrelsen afholder i 2025 to møder mellem myndighederne i "
        "ERFA-netværket.",
        "Vægt": 5,
        "Type": "ja/nej",
        "Resultat": "Ja",
        "Kilde": "Afrapportering 2. og 4. kvartal 2025 (møder 14-05-2025 og 19-11-2025)",
    },
    {
        "Nr": "1.4",
        "Område": FAG,
        "Mål": "Personlig betjening i Borgerservice.",
        "Resultatkrav": "Maksimalt 3 uger til næste ledige tid på 90 pct. af alle hverdage i "
        "Næstved, Aalborg, Aarhus og Odense.",
        "Vægt": 5,
        "Type": "mindst",
        "Målværdi": 90,
        "Enhed": "%",
        "Indikator": "andel",
        "Frist": 21,
        "Lokationer": "alle",
        "Kilde": "Bookingsystemet, daglig registrering af næste ledige tid",
    },
    {
        "Nr": "1.5",
        "Område": FAG,
        "Mål": "Kvalitet i styrelsens sagsbehandling og afgørelser.",
        "Resultatkrav": "Inden udgangen af 2025 er der gennemført en stikprøvebaseret "
        "kvalitetsmåling af sagsbehandlingen.",
        "Vægt": 10,
        "Type": "ja/nej",
        "Resultat": "Ja",
        "Kilde": "Direktionsrettet afrapportering af kvalitetsmålingen, 08-12-2025",
    },
    {
        "Nr": "2.1",
        "Område": KON,
        "Mål": "Informationssikkerhed.",
        "Resultatkrav": "Modenhedsniveauet efter Digitaliseringsstyrelsens koncept opretholdes; "
        "departementet vurderer.",
        "Vægt": 15,
        "Type": "vurdering",
        "Resultat": "opfyldt",
        "Kilde": DEP,
    },
    {
        "Nr": "2.2",
        "Område": KON,
        "Mål": "Leverandørstyring/databehandlerforhold.",
        "Resultatkrav": "Internt tilsyn med leverandørforhold; ingen overførsel til usikre "
        "tredjelande; departementet vurderer.",
        "Vægt": 10,
        "Type": "vurdering",
        "Resultat": 75,
        "Kilde": DEP,
    },
    {
        "Nr": "2.3",
        "Område": KON,
        "Mål": "Intern finansiel kontrol.",
        "Resultatkrav": "Et internt finansielt kontrolmiljø opretholdes; departementet vurderer.",
        "Vægt": 10,
        "Type": "vurdering",
        "Resultat": "delvist",
        "Kilde": DEP,
    },
    {
        "Nr": "2.4",
        "Område": KON,
        "Mål": "Bæredygtighed.",
        "Resultatkrav": "Strategiske indsatsområder og indkøbsmål (3 point) og status for "
        "målopfyldelse (2 point).",
        "Vægt": 10,
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
        "Type": "vurdering",
        "Resultat": "delvist",
        "Kilde": DEP,
    },
)

CASES: tuple[CaseSpec, ...] = (
    # 1.1a: 80 included, 74 within 30 days = 92,5 %; 5 excluded late cases (would give 74/85).
    ShareCases("1.1a", "AS", within=74, late=6, limit=30, fast=5, slow=60, excluded=5),
    # 1.1c: 50 cases, ⌊50 × 10 / 100⌋ = 5 left out (95, 110, 120, 140, 160); the other 45
    # average exactly 38 days > 35.
    MeanCases("1.1c", "UKR", mean=38, kept=45, spread=20, outliers=(95, 110, 120, 140, 160)),
    # 1.1d: 40 extension cases, 39 decided on or before 17-03-2025 (two exactly on it), one on
    # 02-04-2025: 39/40 = 97,5 %.
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
    # 1.4: 261 weekdays per location; days with ≤ 21 days' wait: Næstved 261, Aalborg 250,
    # Aarhus 240, Odense 230 (230/261 = 88,1 % < 90).
    WeekdayCases(
        "1.4",
        limit=21,
        within=(("Næstved", 261), ("Aalborg", 250), ("Aarhus", 240), ("Odense", 230)),
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
    cases=CASES,
    pay=PAY,
)
