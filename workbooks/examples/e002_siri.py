"""Example 002: SIRI 2024 (seed 002, opgørelsesmetode for resultatkrav).

Shares within N days (31 days, 1 day; "inden for 31 dage" counts day 31), one weighted share of
weekdays across locations (Valby 50 %, five others 10 % each; Lokationsberegning samlet),
milestone goals with quarter deadlines (also the two reports of goal 8 and the report of goal
9), an information security goal of two parts assessed as met or not, sub-points 2 + 2 + 1, and
pay by steps with a discretionary supplement (the seed says nothing about pay: invented).
"""

from __future__ import annotations

from datetime import date

from workbooks.examples.spec import CaseSpec, Example, Row, ShareCases, WeekdayCases

FAG, KON = "Faglige mål", "Koncernfælles mål"
SRC = "Sagssystemet, udtræk 15-01-2025"
DEP = "Departementets vurdering, brev af 24-01-2025"

GOALS: tuple[Row, ...] = (
    {
        "Nr": "1",
        "Område": FAG,
        "Mål": "Fast-track 1. gang: alle førstegangssager på fast-track-ordningen.",
        "Resultatkrav": "85 pct. afgøres inden 31 dage (som udgangspunkt afgjort inden for 31 "
        "dage); opgøres samlet for de fem spor.",
        "Vægt": 20,
        "Type": "mindst",
        "Målværdi": 85,
        "Enhed": "%",
        "Indikator": "andel",
        "Frist": 31,
        "Kilde": SRC,
    },
    {
        "Nr": "2",
        "Område": FAG,
        "Mål": "Alle 1. gangs sager på erhvervsområdet.",
        "Resultatkrav": "75 pct. afgøres inden 31 dage (som udgangspunkt afgjort inden for 31 "
        "dage); opgøres samlet for ordningerne.",
        "Vægt": 25,
        "Type": "mindst",
        "Målværdi": 75,
        "Enhed": "%",
        "Indikator": "andel",
        "Frist": 31,
        "Kilde": SRC,
    },
    {
        "Nr": "3",
        "Område": FAG,
        "Mål": "EU-området: sagstyper på EU-området afgøres som udgangspunkt inden for 1 dag.",
        "Resultatkrav": "70 pct. afgøres inden 1 dag.",
        "Vægt": 15,
        "Type": "mindst",
        "Målværdi": 70,
        "Enhed": "%",
        "Indikator": "andel",
        "Frist": 1,
        "Kilde": SRC,
    },
    {
        "Nr": "4",
        "Område": FAG,
        "Mål": "Borgerservice: let og smidig adgang til personlig betjening.",
        "Resultatkrav": "For 80 pct. af alle hverdage maksimalt 10 dages ventetid til næste "
        "ledige tid til biometrioptag; Valby vægter 50 pct., øvrige lokationer 10 pct. hver.",
        "Vægt": 10,
        "Type": "mindst",
        "Målværdi": 80,
        "Enhed": "%",
        "Indikator": "andel",
        "Frist": 10,
        "Lokationer": "Valby=50; Aarhus=10; Odense=10; Aalborg=10; Esbjerg=10; Sønderborg=10",
        "Lokationsberegning": "samlet",
        "Kilde": "Bookingsystemet, daglig registrering af næste ledige tid (ekskl. EU-borgere)",
    },
    {
        "Nr": "5",
        "Område": FAG,
        "Mål": "Kvalitet i sagsbehandlingen.",
        "Resultatkrav": "Koncept færdiggjort inden udgangen af 2. kvartal; kvalitetsmålingen "
        "gennemført og afrapporteret inden udgangen af 4. kvartal.",
        "Vægt": 5,
        "Type": "milepæle",
        "Kilde": "Milepæle, se arket Milepæle",
    },
    {
        "Nr": "6",
        "Område": FAG,
        "Mål": "Forebyggelse af negativ social kontrol: Nationalt Center Mod Æresrelaterede "
        "Konflikter.",
        "Resultatkrav": "Kommunikationsplan godkendt inden udgangen af 1. kvartal; "
        "rådgivningspakke godkendt inden udgangen af 3. kvartal.",
        "Vægt": 10,
        "Type": "milepæle",
        "Kilde": "Milepæle, se arket Milepæle",
    },
    {
        "Nr": "7",
        "Område": KON,
        "Mål": "Informationssikkerhed.",
        "Resultatkrav": "Det forventede modenhedsniveau opnås eller opretholdes, og de tekniske "
        "minimumskrav efterleves; Forvaltningsret og Datasikkerhed vurderer, om målet er "
        "opfyldt.",
        "Vægt": 2.5,
        "Type": "delmål",
        "Samling": "alle",
    },
    {
        "Nr": "7.1",
        "Under": "7",
        "Område": KON,
        "Mål": "Modenhedsniveauet efter Digitaliseringsstyrelsens ISO27001-koncept.",
        "Type": "ja/nej",
        "Resultat": "Opfyldt",
        "Kilde": "Forvaltningsret og Datasikkerheds vurdering, 17-01-2025",
    },
    {
        "Nr": "7.2",
        "Under": "7",
        "Område": KON,
        "Mål": "Digitaliseringsstyrelsens tekniske minimumskrav efterleves.",
        "Type": "ja/nej",
        "Resultat": "Opfyldt",
        "Kilde": "Forvaltningsret og Datasikkerheds vurdering, 17-01-2025",
    },
    {
        "Nr": "8",
        "Område": KON,
        "Mål": "Leverandørstyring/databehandlerforhold.",
        "Resultatkrav": "Oversigt over indgåede databehandlerforhold indsendt ved udgangen af 2. "
        "og 4. kvartal 2024 (risikovurdering, tilsyn, overførsler til usikre tredjelande).",
        "Vægt": 2.5,
        "Type": "milepæle",
        "Kilde": "Se arket Milepæle",
    },
    {
        "Nr": "9",
        "Område": KON,
        "Mål": "Intern finansiel kontrol.",
        "Resultatkrav": "Status på det interne finansielle kontrolmiljø og risikovurderingen af "
        "de finansielle processer rapporteret med udgangen af 3. kvartal 2024.",
        "Vægt": 5,
        "Type": "milepæle",
        "Kilde": "Se arket Milepæle",
    },
    {
        "Nr": "10",
        "Område": KON,
        "Mål": "Bæredygtighed.",
        "Resultatkrav": "Indkøbsanalyse (2 point), indkøbsmål inkl. baseline (2 point) og status "
        "på målopfyldelse (1 point).",
        "Vægt": 5,
        "Type": "milepæle",
        "Kilde": "Milepæle, se arket Milepæle",
    },
)

MILESTONES: tuple[Row, ...] = (
    {
        "Mål": "5",
        "Milepæl": "Konceptet for kvalitetsmålingen er færdiggjort i dialog med departementet.",
        "Frist": "udgangen af 2. kvartal 2024",
        "Leveret": date(2024, 6, 21),
        "Ansvarlig": "Kvalitetsenheden",
    },
    {
        "Mål": "5",
        "Milepæl": "Kvalitetsmålingen er gennemført og afrapporteret til departementet.",
        "Frist": "udgangen af 4. kvartal 2024",
        "Leveret": date(2024, 12, 13),
        "Ansvarlig": "Kvalitetsenheden",
    },
    {
        "Mål": "6",
        "Milepæl": "Kommunikationsplan for Centerets arbejde godkendt af departementet.",
        "Frist": "udgangen af 1. kvartal 2024",
        "Leveret": date(2024, 4, 12),
        "Ansvarlig": "Nationalt Center Mod Æresrelaterede Konflikter",
    },
    {
        "Mål": "6",
        "Milepæl": "Rådgivningspakke til lærere på ungdomsuddannelserne godkendt af departementet.",
        "Frist": "udgangen af 3. kvartal 2024",
        "Leveret": date(2024, 9, 26),
        "Ansvarlig": "Nationalt Center Mod Æresrelaterede Konflikter",
    },
    {
        "Mål": "8",
        "Milepæl": "Oversigt over indgåede databehandlerforhold indsendt (1. halvår).",
        "Frist": "udgangen af 2. kvartal 2024",
        "Leveret": date(2024, 6, 28),
        "Ansvarlig": "Databeskyttelse",
    },
    {
        "Mål": "8",
        "Milepæl": "Oversigt over indgåede databehandlerforhold indsendt (2. halvår).",
        "Frist": "udgangen af 4. kvartal 2024",
        "Leveret": date(2024, 12, 20),
        "Ansvarlig": "Databeskyttelse",
    },
    {
        "Mål": "9",
        "Milepæl": "Status på det interne finansielle kontrolmiljø og risikovurdering af de "
        "finansielle processer rapporteret til departementet.",
        "Frist": "udgangen af 3. kvartal 2024",
        "Leveret": date(2024, 10, 4),
        "Ansvarlig": "Økonomi",
    },
    {
        "Mål": "10",
        "Milepæl": "Indkøbsanalyse med udpegede strategiske indsatsområder indsendt.",
        "Frist": "udgangen af 1. kvartal 2024",
        "Leveret": date(2024, 3, 27),
        "Ansvarlig": "Økonomi og indkøb",
        "Vægt": 2,
    },
    {
        "Mål": "10",
        "Milepæl": "Indkøbsmål, herunder baseline, opstillet.",
        "Frist": "udgangen af 2. kvartal 2024",
        "Leveret": date(2024, 7, 5),
        "Ansvarlig": "Økonomi og indkøb",
        "Vægt": 2,
    },
    {
        "Mål": "10",
        "Milepæl": "Status på målopfyldelse for indkøbsmål fremsendt.",
        "Frist": "udgangen af 3. kvartal 2024",
        "Leveret": date(2024, 9, 30),
        "Ansvarlig": "Økonomi og indkøb",
        "Vægt": 1,
    },
)

CASES: tuple[CaseSpec, ...] = (
    # 1: 100 cases, 88 within 31 days = 88 %, of which 4 took exactly 31 days.
    ShareCases("1", "FT", within=88, late=12, limit=31, fast=3, slow=75, at_limit=4),
    # 2: 200 cases, 153 within 31 days = 76,5 %, of which 5 took exactly 31 days.
    ShareCases("2", "ERH", within=153, late=47, limit=31, fast=3, slow=90, at_limit=5),
    # 3: 80 cases, 54 within 1 day (0 or 1 days) = 67,5 %.
    ShareCases("3", "EU", within=54, late=26, limit=1, fast=0, slow=20),
    # 4: 254 working days (hverdage) of 2024 per location with ≤ 10 days' wait on: Valby 223,
    # Aarhus 213, Odense 194, Aalborg 208, Esbjerg 199, Sønderborg 254 (80 % of 254 = 203,2).
    WeekdayCases(
        "4",
        limit=10,
        within=(
            ("Valby", 223),
            ("Aarhus", 213),
            ("Odense", 194),
            ("Aalborg", 208),
            ("Esbjerg", 199),
            ("Sønderborg", 254),
        ),
    ),
)

PAY: tuple[Row, ...] = (
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
    },
)

# The quarterly follow-up (the plan asks for one): results entered for the goals without case
# data or milestones (7.1 and 7.2, assessed as met or not), and one forecast set by a person,
# with its reason.
FOLLOWUP: tuple[Row, ...] = (
    {"Nr": "7.1", "Periode": "Q1", "Resultat": "Ja"},
    {"Nr": "7.2", "Periode": "Q1", "Resultat": "Nej"},
    {"Nr": "7.1", "Periode": "Q2", "Resultat": "Ja"},
    {"Nr": "7.2", "Periode": "Q2", "Resultat": "Ja", "Kommentar": "Minimumskrav opfyldt i juni."},
    {"Nr": "7.1", "Periode": "Q3", "Resultat": "Ja"},
    {
        "Nr": "7.2",
        "Periode": "Q3",
        "Resultat": "Nej",
        "Prognose": "risiko",
        "Kommentar": "Logning af adgange mangler; handlingsplan aftalt med "
        "Digitaliseringsstyrelsen.",
    },
)

EXAMPLE = Example(
    number=2,
    file="eksempel-002-siri-2024.xlsx",
    year=2024,
    institution="Styrelsen for International Rekruttering og Integration (SIRI)",
    plan={
        "Departement": "Udlændinge- og Integrationsministeriet",
        "Titel": "Mål og resultatplan 2024 – opgørelsesmetode for resultatkrav",
        "Vægtning": "point",
    },
    goals=GOALS,
    milestones=MILESTONES,
    cases=CASES,
    pay=PAY,
    followup=FOLLOWUP,
)
