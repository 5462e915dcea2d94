"""Example 000: Hjemrejsestyrelsen 2025 (seed 000, bilag 1: resultatkrav).

Delmål with equal shares, counts with preconditions (one not met, so 1.a.2 udgår), a range,
shares of cases with excluded cases and cases that count as met (lovligt forfald), a share
reported within the following month with a period left out (implementation of a change), averages
with the slowest 5 % left out, a quality measurement with quarter deadlines, departmental
assessments of whether a goal is met (yes/no) and sub-points 3 + 2.
"""

from __future__ import annotations

from datetime import date

from workbooks.examples.spec import (
    CaseSpec,
    Example,
    FollowingMonthCases,
    MeanCases,
    Row,
    ShareCases,
)

FAG, KON = "Faglige mål", "Koncernfælles mål"
SRC = "Sagssystemet, udtræk 15-01-2026"
STAT = "Hjemrejsestyrelsens udsendelsesstatistik, udtræk 15-01-2026"
DEP = "Departementets vurdering, brev af 20-01-2026"

GOALS: tuple[Row, ...] = (
    {
        "Nr": "1.a",
        "Område": FAG,
        "Mål": "Udsendelse af afviste asylansøgere og domsudviste.",
        "Resultatkrav": "Tre delmål: mindst 100 afviste asylansøgere, 800 domsudviste og 175 "
        "domsudviste til tredjeland udsendes i 2025.",
        "Vægt": 20,
        "Type": "delmål",
        "Samling": "vægtet",
    },
    {
        "Nr": "1.a.1",
        "Under": "1.a",
        "Område": FAG,
        "Mål": "Delmål 1: udsendelse af afviste asylansøgere.",
        "Resultatkrav": "Minimum 100 afviste asylansøgere i udsendelsesposition udsendes i 2025 "
        "(inkl. §29b-sager).",
        "Type": "mindst",
        "Målværdi": 100,
        "Enhed": "antal",
        "Resultat": 112,
        "Kilde": STAT,
    },
    {
        "Nr": "1.a.2",
        "Under": "1.a",
        "Område": FAG,
        "Mål": "Delmål 2: udsendelse af domsudviste.",
        "Resultatkrav": "Minimum 800 domsudviste udsendes i 2025.",
        "Type": "mindst",
        "Målværdi": 800,
        "Enhed": "antal",
        "Resultat": 743,
        "Kilde": STAT + "; Kriminalforsorgen: 761 domsudviste udlændinge afsonede deres straf i "
        "2025",
        "Forudsætning": "Opfyldelse af resultatkravet forudsætter, at Hjemrejsestyrelsen har et "
        "tilsvarende antal sager med domsudviste udlændinge, der har afsonet sin straf i 2025.",
        "Forudsætning opfyldt": "Nej",
    },
    {
        "Nr": "1.a.3",
        "Under": "1.a",
        "Område": FAG,
        "Mål": "Delmål 3: udsendelse af domsudviste til tredjeland.",
        "Resultatkrav": "Hjemrejsestyrelsen udsender 175 domsudviste til tredjeland i 2025.",
        "Type": "mindst",
        "Målværdi": 175,
        "Enhed": "antal",
        "Resultat": 181,
        "Kilde": STAT,
        "Forudsætning": "Opfyldelse af resultatkravet forudsætter, at Hjemrejsestyrelsen har et "
        "tilsvarende antal sager med domsudviste udlændinge, der kan udsendes til tredjeland og "
        "som har afsonet sin straf i 2025. Ligeledes er det en forudsætning, at der ikke sker "
        "væsentlig nedgang i antallet af udlændinge med korte fængselsdomme ift. 2024.",
        "Forudsætning opfyldt": "Ja",
    },
    {
        "Nr": "1.b",
        "Område": FAG,
        "Mål": "Hjemrejseprojekter.",
        "Resultatkrav": "Inden udgangen af 2025 er der gennemført 3-5 hjemrejseprojekter "
        "(formål, indhold og prioritering fastlagt med departementet inden 15. januar 2025).",
        "Vægt": 10,
        "Type": "interval",
        "Målværdi": "3-5",
        "Enhed": "antal",
        "Resultat": 4,
        "Kilde": "Afrapportering til departementet, 4. kvartal 2025",
    },
    {
        "Nr": "1.c",
        "Område": FAG,
        "Mål": "Første hjemrejsesamtale inden udrejsefristen.",
        "Resultatkrav": "Den første hjemrejsesamtale med afviste asylansøgere med udrejsefrist på "
        "7 dage er afholdt inden udrejsefristen i 85 pct. af sagerne.",
        "Vægt": 5,
        "Type": "mindst",
        "Målværdi": 85,
        "Enhed": "%",
        "Indikator": "andel",
        "Frist": 7,
        "Kilde": SRC + "; sager uden førstegangssamtale: Medtages Nej; lovligt forfald med "
        "kortvarigt forlænget udrejsefrist: Medtages Som opfyldt",
    },
    {
        "Nr": "1.d",
        "Område": FAG,
        "Mål": "Genopdukkersamtaler.",
        "Resultatkrav": "90 % af udeblevne, udrejsecenterindkvarterede udlændinge har inden 10 "
        "dage fra tilbagekomsten fået berammet en genopdukkersamtale.",
        "Vægt": 5,
        "Type": "mindst",
        "Målværdi": 90,
        "Enhed": "%",
        "Resultat": 88,
        "Kilde": SRC,
    },
    {
        "Nr": "1.e",
        "Område": FAG,
        "Mål": "Tænkepausesamtaler.",
        "Resultatkrav": "I 95 % af sagerne er tænkepausesamtalen berammet senest 8 dage efter, at "
        "udlændingen har modtaget det oversatte afslag.",
        "Vægt": 5,
        "Type": "mindst",
        "Målværdi": 95,
        "Enhed": "%",
        "Resultat": 96.4,
        "Kilde": SRC,
    },
    {
        "Nr": "1.f",
        "Område": FAG,
        "Mål": "Anmeldelse af overtrædelser af kontrolforpligtelser.",
        "Resultatkrav": "95 % af de personer, der i 2025 har konstaterede overtrædelser, er "
        "anmeldt inden for den følgende måned til den måned, hvor overtrædelserne skete "
        "(opgøres ultimo januar 2026).",
        "Vægt": 5,
        "Type": "mindst",
        "Målværdi": 95,
        "Enhed": "%",
        "Indikator": "andel",
        "Frist": "følgende måned",
        "Kilde": "AMS og anmeldelser, månedlig afrapportering; opgjort ultimo januar 2026",
        "Udelad periode": "01-03-2025–30-04-2025: implementering af ændret set-up for AMS",
        "Forudsætning": "Det er en forudsætning for målets opfyldelse, at der ikke sker "
        "væsentlige ændringer af lovgrundlaget for pligter og/eller ændret væsentligt i det "
        "nuværende systemunderstøttelse (AMS). Periode med implementering vil ikke skulle indgå "
        "i beregningen af målopfyldelsen.",
    },
    {
        "Nr": "1.g",
        "Område": FAG,
        "Mål": "Straksudsendelser.",
        "Resultatkrav": "Minimum 80 % af straksudsendelserne er gennemført senest 10 dage efter "
        "svar på høring fra relevante myndigheder.",
        "Vægt": 5,
        "Type": "mindst",
        "Målværdi": 80,
        "Enhed": "%",
        "Resultat": 84,
        "Kilde": SRC,
    },
    {
        "Nr": "1.h",
        "Område": FAG,
        "Mål": "Dublinoverførsler.",
        "Resultatkrav": "Overførsel til den ansvarlige medlemsstat sker i minimum 90 % af sagerne "
        "inden for fristerne i Dublinforordningens art. 29.",
        "Vægt": 5,
        "Type": "mindst",
        "Målværdi": 90,
        "Enhed": "%",
        "Resultat": 91.5,
        "Kilde": SRC + "; overførsler hindret af nedlukning er ikke medtaget",
    },
    {
        "Nr": "1.2",
        "Område": FAG,
        "Mål": "Sagsbehandlingstid i Flygtningenævnet (spontansager).",
        "Resultatkrav": "Gennemsnitligt maksimalt 110 dage i 95 % af spontansagerne; sager med de "
        "5 % højeste sagsbehandlingstider medtages ikke.",
        "Vægt": 10,
        "Type": "højst",
        "Målværdi": 110,
        "Enhed": "dage",
        "Indikator": "gennemsnit",
        "Udelad": 5,
        "Kilde": "Flygtningenævnets sagssystem, udtræk 15-01-2026",
    },
    {
        "Nr": "1.3",
        "Område": FAG,
        "Mål": "Sagsbehandlingstid i Udlændingenævnet.",
        "Resultatkrav": "Gennemsnitlig sagsbehandlingstid for 95 pct. af sagerne nedbragt til 6 "
        "måneder; de 5 % højeste medtages ikke.",
        "Vægt": 10,
        "Type": "højst",
        "Målværdi": 6,
        "Enhed": "måneder",
        "Indikator": "gennemsnit",
        "Udelad": 5,
        "Kilde": "Udlændingenævnets sagssystem, udtræk 15-01-2026",
    },
    {
        "Nr": "1.4",
        "Område": FAG,
        "Mål": "Kvalitetsmåling.",
        "Resultatkrav": "Kvalitetsmåling af sagsområder, som i 2. kvartal er udvalgt i dialog med "
        "departementet, gennemføres i 3. kvartal efter det godkendte koncept.",
        "Vægt": 5,
        "Type": "milepæle",
        "Samling": "alle",
        "Kilde": "Se arket Milepæle",
    },
    {
        "Nr": "2.1",
        "Område": KON,
        "Mål": "Informationssikkerhed.",
        "Resultatkrav": "Modenhedsniveauet efter ISO 27001 opretholdes; departementet vurderer "
        "ved årets afslutning, om målet er nået.",
        "Vægt": 2.5,
        "Type": "ja/nej",
        "Resultat": "Opfyldt",
        "Kilde": DEP,
    },
    {
        "Nr": "2.2",
        "Område": KON,
        "Mål": "Leverandørstyring/databehandlerforhold.",
        "Resultatkrav": "Internt tilsyn sikrer, at databeskyttelsesforordningen overholdes; "
        "departementet vurderer ved årets afslutning.",
        "Vægt": 2.5,
        "Type": "ja/nej",
        "Resultat": "Ikke opfyldt",
        "Kilde": DEP,
    },
    {
        "Nr": "2.3",
        "Område": KON,
        "Mål": "Intern finansiel kontrol.",
        "Resultatkrav": "Et internt finansielt kontrolmiljø opretholdes; departementet vurderer "
        "ved årets afslutning.",
        "Vægt": 5,
        "Type": "ja/nej",
        "Resultat": "Opfyldt",
        "Kilde": DEP,
    },
    {
        "Nr": "2.4",
        "Område": KON,
        "Mål": "Bæredygtighed (FN's verdensmål 12.7).",
        "Resultatkrav": "Valg af strategiske indsatsområder og indkøbsmål (3 point) og status for "
        "målopfyldelse (2 point).",
        "Vægt": 5,
        "Type": "delmål",
    },
    {
        "Nr": "2.4.1",
        "Under": "2.4",
        "Område": KON,
        "Mål": "Strategiske indsatsområder og indkøbsmål.",
        "Resultatkrav": "Styrelsen har valgt strategiske indsatsområder og opstillet indkøbsmål.",
        "Vægt": 3,
        "Type": "ja/nej",
        "Resultat": "Ja",
        "Kilde": "Indkøbsanalyse sendt til koncerndirektionen 28-03-2025",
    },
    {
        "Nr": "2.4.2",
        "Under": "2.4",
        "Område": KON,
        "Mål": "Status for målopfyldelse.",
        "Resultatkrav": "Der er afrapporteret status for indkøbsmålene til koncerndirektionen.",
        "Vægt": 2,
        "Type": "ja/nej",
        "Resultat": "Nej",
        "Kilde": "Status ikke afrapporteret ved årets udgang",
    },
)

MILESTONES: tuple[Row, ...] = (
    {
        "Mål": "1.4",
        "Milepæl": "Sagsområder til kvalitetsmålingen udvalgt i dialog med departementet.",
        "Frist": "udgangen af 2. kvartal 2025",
        "Leveret": date(2025, 6, 12),
        "Ansvarlig": "Kvalitet og Jura",
    },
    {
        "Mål": "1.4",
        "Milepæl": "Kvalitetsmålingen gennemført efter det godkendte kvalitetsmålingskoncept.",
        "Frist": "udgangen af 3. kvartal 2025",
        "Leveret": date(2025, 9, 26),
        "Ansvarlig": "Kvalitet og Jura",
    },
)

CASES: tuple[CaseSpec, ...] = (
    # 1.c: 41 included by their dates, 34 within 7 days (3 of them exactly 7), 7 later; 6 more
    # with lovligt forfald count as met (Som opfyldt; their dates are late); 4 without any
    # first conversation are left out (Nej). (34 + 6) / (41 + 6) = 40/47 = 85,1 % ≥ 85.
    ShareCases("1.c", "HJR", within=34, late=7, limit=7, slow=25, excluded=4, at_limit=3, as_met=6),
    # 1.f: violations reported by the end of the following month: outside the period
    # 01-03-2025–30-04-2025, 150 on time and 6 late; inside it, 12 on time and 8 late.
    FollowingMonthCases(
        "1.f",
        "KTR",
        within=150,
        late=6,
        period=(date(2025, 3, 1), date(2025, 4, 30)),
        period_within=12,
        period_late=8,
    ),
    # 1.2: 100 cases; the 95 fastest average exactly 104 days, the 5 outliers are 310, 365,
    # 402, 441, 512 (sum 2030): trimmed mean 104 ≤ 110, untrimmed (9880 + 2030)/100 = 119,1.
    MeanCases("1.2", "FLN", mean=104, kept=95, spread=40, outliers=(310, 365, 402, 441, 512)),
    # 1.3: 60 cases, ⌊60 × 5 / 100⌋ = 3 left out (480, 530, 610); the 57 others average
    # exactly 195 days = 6,41 months > 6.
    MeanCases("1.3", "UNA", mean=195, kept=57, spread=60, outliers=(480, 530, 610)),
)

PAY: tuple[Row, ...] = (
    {
        "Navn": "Karsten Bøgh Andersen",
        "Stilling": "Direktør",
        "Grundlag": 1187400,
        "Maks. pct.": 15,
        "Model": "lineær",
        "Bortfald": "Nej",
    },
)

EXAMPLE = Example(
    number=0,
    file="eksempel-000-hjemrejsestyrelsen-2025.xlsx",
    year=2025,
    institution="Hjemrejsestyrelsen",
    plan={
        "Departement": "Udlændinge- og Integrationsministeriet",
        "Titel": "Mål- og resultatplan 2025, bilag 1: resultatkrav (Hjemrejsestyrelsen, "
        "Flygtningenævnet og Udlændingenævnet)",
        "Vægtning": "point",
    },
    goals=GOALS,
    milestones=MILESTONES,
    cases=CASES,
    pay=PAY,
)
