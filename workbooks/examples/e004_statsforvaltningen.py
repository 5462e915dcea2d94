"""Example 004: Statsforvaltningen 2017 (seed 004, resultatplan).

Twelve goals with equal weights (100/12) and binary fulfilment; "Et mål betragtes som opfyldt
såfremt alle delelementer blev realiseret fuldt ud", so a goal with several parts is a delmål
(or milestone) goal with Samling `alle`, and every report the plan dates is a milestone with its
deadline. Reductions are measured against 2016; the budget deviation is two-sided (`afvigelse`).
Two people's pay, one withheld by the department head with a written reason.
"""

from __future__ import annotations

from datetime import date

from workbooks.examples.spec import Example, Row

STRAT, KERNE, OKO = "Strategiske mål", "Kernefaglige mål", "Økonomiske mål"
Q3 = "udgangen af 3. kvartal 2017"

GOALS: tuple[Row, ...] = (
    {
        "Nr": "1.1",
        "Område": STRAT,
        "Mål": "Borgertilfredshed.",
        "Resultatkrav": "Mindst én årlig borgertilfredshedsundersøgelse, der omfatter alle større "
        "sagsområder; samlet borgertilfredshed 75 pct.; resultatet og evt. handlingsplan for "
        "områder under målet fremsendes til departementet inden udgangen af resultatåret.",
        "Type": "delmål",
        "Samling": "alle",
    },
    {
        "Nr": "1.1.1",
        "Under": "1.1",
        "Område": STRAT,
        "Mål": "Borgertilfredshedsundersøgelse gennemført for alle større sagsområder.",
        "Resultatkrav": "Mindst én årlig undersøgelse, repræsentativ for et kvartals borgere "
        "(EU-ophold indgår ikke).",
        "Type": "ja/nej",
        "Resultat": "Ja",
        "Kilde": "Borgertilfredshedsundersøgelsen 2017, 2. kvartal",
    },
    {
        "Nr": "1.1.2",
        "Under": "1.1",
        "Område": STRAT,
        "Mål": "Samlet borgertilfredshed.",
        "Resultatkrav": "Samlet borgertilfredshed (pct.) 2017: 75.",
        "Type": "mindst",
        "Målværdi": 75,
        "Enhed": "%",
        "Resultat": 77,
        "Kilde": "Borgertilfredshedsundersøgelsen 2017",
    },
    {
        "Nr": "1.1.3",
        "Under": "1.1",
        "Område": STRAT,
        "Mål": "Resultat og evt. handlingsplan fremsendt til departementet.",
        "Resultatkrav": "Inden udgangen af resultatåret.",
        "Type": "milepæle",
        "Kilde": "Se arket Milepæle",
    },
    {
        "Nr": "1.2",
        "Område": STRAT,
        "Mål": "Udvikling af tilfredshedsmålinger for EU-området.",
        "Resultatkrav": "Rapport om valg af metode for tilfredshedsmåling på EU-området sendt til "
        "departementet senest ved udgangen af 3. kv. 2017.",
        "Type": "milepæle",
        "Kilde": "Se arket Milepæle",
    },
    {
        "Nr": "1.3",
        "Område": STRAT,
        "Mål": "Høj kvalitet i den borgernære kontakt.",
        "Resultatkrav": "Ved udgangen af 2017 reduktion på 15 pct. ift. 2016-niveauet i "
        "aktindsigter og i henvendelser om status og om formularer (ægteskabsområdet).",
        "Type": "delmål",
        "Samling": "alle",
    },
    {
        "Nr": "1.3.1",
        "Under": "1.3",
        "Område": STRAT,
        "Mål": "Anmodninger om aktindsigt vedr. sagsbehandling i egen sag.",
        "Resultatkrav": "Reduktion 15 pct. ift. 2016.",
        "Type": "reduktion",
        "Målværdi": 15,
        "Basis": 412,
        "Enhed": "antal",
        "Resultat": 338,
        "Kilde": "Journalsystemet, 2016 og 2017",
    },
    {
        "Nr": "1.3.2",
        "Under": "1.3",
        "Område": STRAT,
        "Mål": "Henvendelser til info-centeret vedr. status på sagsbehandlingen.",
        "Resultatkrav": "Reduktion 15 pct. ift. 2016.",
        "Type": "reduktion",
        "Målværdi": 15,
        "Basis": 9850,
        "Enhed": "antal",
        "Resultat": 8120,
        "Kilde": "Info-centerets telefonistatistik",
    },
    {
        "Nr": "1.3.3",
        "Under": "1.3",
        "Område": STRAT,
        "Mål": "Henvendelser til info-centeret vedr. formularer.",
        "Resultatkrav": "Reduktion 15 pct. ift. 2016.",
        "Type": "reduktion",
        "Målværdi": 15,
        "Basis": 3240,
        "Enhed": "antal",
        "Resultat": 2900,
        "Kilde": "Info-centerets telefonistatistik",
    },
    {
        "Nr": "1.4",
        "Område": STRAT,
        "Mål": "Styrket vidensgrundlag og dataindsamling på det familieretlige område.",
        "Resultatkrav": "Spørgeskemaet besvares i 90 pct. af sagsforløbene; statistisk oversigt "
        "afrapporteret til departementet senest 1. juni 2017.",
        "Type": "delmål",
        "Samling": "alle",
    },
    {
        "Nr": "1.4.1",
        "Under": "1.4",
        "Område": STRAT,
        "Mål": "Svarprocent.",
        "Resultatkrav": "Andel af sagsforløb, hvor tilknyttet spørgeskema besvares (pct.) "
        "2017: 90.",
        "Type": "mindst",
        "Målværdi": 90,
        "Enhed": "%",
        "Resultat": 92.4,
        "Kilde": "Spørgeskemadata, familieretlige sager 2017",
    },
    {
        "Nr": "1.4.2",
        "Under": "1.4",
        "Område": STRAT,
        "Mål": "Statistisk oversigt over indsamlede data.",
        "Resultatkrav": "Afrapporteret til departementet senest 1. juni 2017.",
        "Type": "milepæle",
        "Kilde": "Se arket Milepæle",
    },
    {
        "Nr": "1.5",
        "Område": STRAT,
        "Mål": "Forretningsudvikling.",
        "Resultatkrav": "Idékatalog for værgemål og bidrag rapporteret til departementet senest "
        "1. april 2017.",
        "Type": "milepæle",
        "Kilde": "Se arket Milepæle",
    },
    {
        "Nr": "2.1",
        "Område": KERNE,
        "Mål": "Kvalitet i sagsbehandlingen.",
        "Resultatkrav": "Rapport om kvalitetsmåling og handlingsplan forelagt senest med udgangen "
        "af 3. kvartal; handlingsplanen iværksat inden udgangen af 2017.",
        "Type": "milepæle",
        "Samling": "alle",
        "Kilde": "Se arket Milepæle",
    },
    {
        "Nr": "2.2",
        "Område": KERNE,
        "Mål": "Nedbringelse af liggetid for sagsområder.",
        "Resultatkrav": "Gennemsnitlig liggetid 2017: 10, 5, 12 og 12 uger på de fire sagsområder.",
        "Type": "delmål",
        "Samling": "alle",
    },
    {
        "Nr": "2.2.1",
        "Under": "2.2",
        "Område": KERNE,
        "Mål": "Forældreansvarsområdet (bopæl, samvær og forældremyndighed).",
        "Resultatkrav": "Gennemsnitlig liggetid højst 10 uger.",
        "Type": "højst",
        "Målværdi": 10,
        "Enhed": "uger",
        "Resultat": 9.6,
        "Kilde": "Ledelsesinformation, liggetid 2017",
    },
    {
        "Nr": "2.2.2",
        "Under": "2.2",
        "Område": KERNE,
        "Mål": "Separation og skilsmisse.",
        "Resultatkrav": "Gennemsnitlig liggetid højst 5 uger.",
        "Type": "højst",
        "Målværdi": 5,
        "Enhed": "uger",
        "Resultat": 4.8,
        "Kilde": "Ledelsesinformation, liggetid 2017",
    },
    {
        "Nr": "2.2.3",
        "Under": "2.2",
        "Område": KERNE,
        "Mål": "Fastsættelse af børnebidrag.",
        "Resultatkrav": "Gennemsnitlig liggetid højst 12 uger.",
        "Type": "højst",
        "Målværdi": 12,
        "Enhed": "uger",
        "Resultat": 11.2,
        "Kilde": "Ledelsesinformation, liggetid 2017",
    },
    {
        "Nr": "2.2.4",
        "Under": "2.2",
        "Område": KERNE,
        "Mål": "Værgemål (disposition).",
        "Resultatkrav": "Gennemsnitlig liggetid højst 12 uger.",
        "Type": "højst",
        "Målværdi": 12,
        "Enhed": "uger",
        "Resultat": 12,
        "Kilde": "Ledelsesinformation, liggetid 2017",
    },
    {
        "Nr": "2.3",
        "Område": KERNE,
        "Mål": "Borgerinddragelse i familieretlige sager.",
        "Resultatkrav": "Indkaldelse senest inden 10 dage (75 %), møde tilbudt inden 35 dage "
        "(75 %) og sagen afsluttet i Statsforvaltningen (70 %).",
        "Type": "delmål",
        "Samling": "alle",
    },
    {
        "Nr": "2.3.1",
        "Under": "2.3",
        "Område": KERNE,
        "Mål": "Indkaldelse til møde senest inden 10 dage fra modtagelsen af ansøgningen.",
        "Resultatkrav": "75 pct. af tvistsagerne.",
        "Type": "mindst",
        "Målværdi": 75,
        "Enhed": "%",
        "Resultat": 81,
        "Kilde": "Sagssystemet, udtræk 10-01-2018",
    },
    {
        "Nr": "2.3.2",
        "Under": "2.3",
        "Område": KERNE,
        "Mål": "Møde tilbudt til afholdelse inden 35 dage efter ansøgningens modtagelse.",
        "Resultatkrav": "75 pct. af tvistsagerne.",
        "Type": "mindst",
        "Målværdi": 75,
        "Enhed": "%",
        "Resultat": 77,
        "Kilde": "Sagssystemet, udtræk 10-01-2018",
    },
    {
        "Nr": "2.3.3",
        "Under": "2.3",
        "Område": KERNE,
        "Mål": "Sager om forældremyndighed og bopæl, hvor parterne er uenige, afsluttet i "
        "Statsforvaltningen.",
        "Resultatkrav": "70 pct. af sagerne.",
        "Type": "mindst",
        "Målværdi": 70,
        "Enhed": "%",
        "Resultat": 72,
        "Kilde": "Sagssystemet, udtræk 10-01-2018",
    },
    {
        "Nr": "2.4",
        "Område": KERNE,
        "Mål": "Øget kvalitet i risikovurderingerne af informationssikkerheden.",
        "Resultatkrav": "Risikovurderingerne revideret med de fire elementer (mennesker, "
        "naturkatastrofer, ulykker, nedbrud og tekniske fejl), forelagt den øverste ledelse og "
        "sendt til departementet senest ved udgangen af 3. kv. 2017.",
        "Type": "milepæle",
        "Samling": "alle",
        "Kilde": "Se arket Milepæle",
    },
    {
        "Nr": "2.5",
        "Område": KERNE,
        "Mål": "Forbedret logning og overvågning af it-miljøet.",
        "Resultatkrav": "Ledelsen tager stilling til niveauet for logning (herunder SIEM); "
        "det dokumenteres over for departementet inden udgangen af 3. kv. 2017, at CFCS' "
        "anbefalinger om logning er implementeret.",
        "Type": "milepæle",
        "Samling": "alle",
        "Kilde": "Se arket Milepæle",
    },
    {
        "Nr": "3.1",
        "Område": OKO,
        "Mål": "Budgetoverholdelse.",
        "Resultatkrav": "Afvigelse mellem budgetteret og realiseret forbrug højst 2 pct. ift. "
        "grundbudgettet og højst 1 pct. ift. 2. udgiftsopfølgning, i begge retninger.",
        "Type": "delmål",
        "Samling": "alle",
    },
    {
        "Nr": "3.1.1",
        "Under": "3.1",
        "Område": OKO,
        "Mål": "Afvigelse mellem grundbudget og årsregnskab.",
        "Resultatkrav": "(Budgetteret − realiseret forbrug) / budgetteret forbrug, højst 2 pct. "
        "(positiv: mindreforbrug, negativ: merforbrug).",
        "Type": "afvigelse",
        "Målværdi": 2,
        "Enhed": "%",
        "Resultat": 1.4,
        "Kilde": "Grundbudget og årsrapport 2017",
    },
    {
        "Nr": "3.1.2",
        "Under": "3.1",
        "Område": OKO,
        "Mål": "Afvigelse mellem 2. udgiftsopfølgning og årsregnskab.",
        "Resultatkrav": "(Budgetteret − realiseret forbrug) / budgetteret forbrug, højst 1 pct. "
        "(positiv: mindreforbrug, negativ: merforbrug).",
        "Type": "afvigelse",
        "Målværdi": 1,
        "Enhed": "%",
        "Resultat": -0.8,
        "Kilde": "Udgiftsopfølgning 2 og årsrapport 2017 (merforbrug)",
    },
    {
        "Nr": "3.2",
        "Område": OKO,
        "Mål": "Sygefravær.",
        "Resultatkrav": "Gennemsnitligt antal sygefraværsdage pr. medarbejder reduceret med "
        "mindst 10 % ift. niveauet for 2016 (rullende år efter 3. kvartal).",
        "Type": "reduktion",
        "Målværdi": 10,
        "Basis": 11.3,
        "Enhed": "dage",
        "Resultat": 10.2,
        "Kilde": 'Statens Benchmarkdatabase, nøgletallet "Sygefravær ministeransvarsområder"; '
        "2016-niveauet (11,3) står ikke i planen, hvis tabel kun viser 2015 (11,6)",
    },
)

MILESTONES: tuple[Row, ...] = (
    {
        "Mål": "1.1.3",
        "Milepæl": "Resultatet af borgertilfredshedsundersøgelsen og handlingsplan for områder "
        "under tilfredsmålet fremsendt til departementet.",
        "Frist": "udgangen af 2017",
        "Leveret": date(2017, 12, 15),
        "Ansvarlig": "Direktionssekretariatet",
    },
    {
        "Mål": "1.2",
        "Milepæl": "Rapport om valg af metode for tilfredshedsmåling på EU-området sendt til "
        "departementet.",
        "Frist": Q3,
        "Leveret": date(2017, 9, 28),
        "Ansvarlig": "EU-området",
    },
    {
        "Mål": "1.4.2",
        "Milepæl": "Statistisk oversigt over indsamlede data afrapporteret til departementet.",
        "Frist": "senest 1. juni 2017",
        "Leveret": date(2017, 5, 30),
        "Ansvarlig": "Familieretsområdet",
    },
    {
        "Mål": "1.5",
        "Milepæl": "Idékatalog (værgemål og bidrag) rapporteret til departementet.",
        "Frist": "senest 1. april 2017",
        "Leveret": date(2017, 3, 30),
        "Ansvarlig": "Forretningsudvikling",
    },
    {
        "Mål": "2.1",
        "Milepæl": "Rapport om kvalitetsmålingen (børnesagkyndige undersøgelser og byggelev) "
        "publiceret, og handlingsplan forelagt.",
        "Frist": Q3,
        "Leveret": date(2017, 9, 29),
        "Ansvarlig": "Kvalitetsenheden",
    },
    {
        "Mål": "2.1",
        "Milepæl": "Handlingsplanen for kvalitetsforbedringer iværksat.",
        "Frist": "udgangen af 2017",
        "Leveret": date(2017, 11, 1),
        "Ansvarlig": "Kvalitetsenheden",
    },
    {
        "Mål": "2.4",
        "Milepæl": "Reviderede risikovurderinger med de fire elementer forelagt den øverste "
        "ledelse.",
        "Frist": Q3,
        "Leveret": date(2017, 9, 20),
        "Ansvarlig": "IT-sikkerhed",
    },
    {
        "Mål": "2.4",
        "Milepæl": "Risikovurderingerne sendt til departementet til orientering.",
        "Frist": Q3,
        "Leveret": date(2017, 9, 29),
        "Ansvarlig": "IT-sikkerhed",
    },
    {
        "Mål": "2.5",
        "Milepæl": "Ledelsen har taget stilling til det ønskede niveau for logning, herunder SIEM.",
        "Frist": Q3,
        "Leveret": date(2017, 9, 12),
        "Ansvarlig": "IT-drift",
    },
    {
        "Mål": "2.5",
        "Milepæl": "Dokumentation for implementeringen af CFCS' anbefalinger sendt til "
        "departementet.",
        "Frist": Q3,
        "Leveret": date(2017, 11, 14),
        "Ansvarlig": "IT-drift",
    },
)

PAY: tuple[Row, ...] = (
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
)

EXAMPLE = Example(
    number=4,
    file="eksempel-004-statsforvaltningen-2017.xlsx",
    year=2017,
    institution="Statsforvaltningen",
    plan={
        "Departement": "Børne- og Socialministeriet",
        "Titel": "Resultatplan 2017",
        "Vægtning": "ligelig",
    },
    goals=GOALS,
    milestones=MILESTONES,
    pay=PAY,
)
