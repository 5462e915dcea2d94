"""Example 003: Migrationsverket 2008 (seed 003, handlingsplan för återvändande; Swedish).

An action plan: five goals with equal weights, each met through its activities (Vad / Hur / Vem /
När) on the sheet Handlingsplan, with deadlines written as text ("Juni 2008", "31 augusti 2008",
"Fortlöpande", "Höst 2008"). A period such as "Höst 2008" names no day, so the example writes the
day it is taken to mean next to the plan's own words ("Höst 2008 (senast 30 november 2008)": autumn
ends with November). The plan carries no performance pay: Resultatlön has headers only.
Keys are the template's Danish column roles; the sheet shows the Swedish headers.
"""

from __future__ import annotations

from datetime import date

from workbooks.examples.spec import Example, Row

AREA = "Asylmottagning – återvändande"
SOURCE = "Uppföljning av handlingsplanen, december 2008"
REQUIREMENT = "Aktiviteterna i handlingsplanen genomförs i tid (se bladet Handlingsplan)."

GOALS: tuple[Row, ...] = (
    {
        "Nr": "1",
        "Område": AREA,
        "Mål": "Ett värdigt och humant återvändande",
        "Resultatkrav": REQUIREMENT,
        "Type": "handlingsplan",
        "Kilde": SOURCE,
    },
    {
        "Nr": "2",
        "Område": AREA,
        "Mål": "Vi ökar antalet och andelen självmant återvända och når de interna tidsmålen",
        "Resultatkrav": REQUIREMENT,
        "Type": "handlingsplan",
        "Kilde": SOURCE,
    },
    {
        "Nr": "3",
        "Område": AREA,
        "Mål": "Jämnare flöde av beslut",
        "Resultatkrav": REQUIREMENT,
        "Type": "handlingsplan",
        "Kilde": SOURCE,
    },
    {
        "Nr": "4",
        "Område": AREA,
        "Mål": "Fastställda identiteter",
        "Resultatkrav": REQUIREMENT,
        "Type": "handlingsplan",
        "Kilde": SOURCE,
    },
    {
        "Nr": "5",
        "Område": AREA,
        "Mål": "Väl genomtänkt och förankrad samverkan med externa aktörer",
        "Resultatkrav": REQUIREMENT,
        "Type": "handlingsplan",
        "Kilde": SOURCE,
    },
)

# Mål / Vad (Milepæl) / Hur / Vem (Ansvarlig) / När (Frist) / Levererat (Leveret)
ACTION_PLAN: tuple[Row, ...] = (
    {
        "Mål": "1",
        "Milepæl": "Öka tydligheten så att alla sökande redan i inskrivningsfasen har god kunskap "
        "om möjliga utgångar i asylärendet och det egna ansvaret.",
        "Hur": "Lämna muntlig och skriftlig information vid mottagande av asylansökan och "
        "inskrivningssamtal enligt fastställda rutiner.",
        "Ansvarlig": "Enhetschefer vid ansökningsenheter och enheter med återvändandeuppdrag",
        "Frist": "Fortlöpande",
        "Leveret": "Ja",
    },
    {
        "Mål": "1",
        "Milepæl": "Öka tydligheten så att alla sökande redan i inskrivningsfasen har god kunskap "
        "om möjliga utgångar i asylärendet och det egna ansvaret.",
        "Hur": "Utse ett antal enheter där boende i första hand ska erbjudas och i mån av plats.",
        "Ansvarlig": "Verksamhetsområde Asylmottagning i samråd med enhetschefer",
        "Frist": "Juni 2008",
        "Leveret": date(2008, 6, 24),
    },
    {
        "Mål": "1",
        "Milepæl": "Öka enhetligheten i den information som lämnas ut, för att undvika "
        "missförstånd och ge tydligare information.",
        "Hur": "Gå igenom relevanta faktablad och säkerställa att de är väl anpassade utefter "
        "behoven inom återvändandearbetet.",
        "Ansvarlig": "Verksamhetsområde Asylmottagning stab och samordningsgruppen i samarbete "
        "med informationsenheten",
        "Frist": "Augusti 2008",
        "Leveret": date(2008, 9, 15),
    },
    {
        "Mål": "1",
        "Milepæl": "Sammanställa information om olika länder och eventuella stödinsatser som kan "
        "erbjudas.",
        "Hur": "Relevant information för olika nationaliteter sammanställs och publiceras i "
        "utlänningshandboken kap. 39.",
        "Ansvarlig": "Verksamhetsområde Asylmottagning stab och samordningsgruppen",
        "Frist": "Augusti 2008",
        "Leveret": date(2008, 8, 29),
    },
    {
        "Mål": "1",
        "Milepæl": "Se över möjligheterna att utöka förordningen om återetableringsstöd till fler "
        "nationaliteter.",
        "Hur": "Föreslå förändringar i förordningen som ska ge möjlighet att utöka stödet till "
        "fler nationaliteter.",
        "Ansvarlig": "Verksamhetsområde Asylmottagning, Operativa stödenheten, i samarbete med "
        "rättsenheten",
        "Frist": "Maj 2008",
        "Leveret": date(2008, 5, 30),
    },
    {
        "Mål": "1",
        "Milepæl": 'Följa upp målet "Ett humant och värdigt återvändande".',
        "Hur": "Ta fram utvärderingsblankett.",
        "Ansvarlig": "Samordningsgruppen i samarbete med informationsenheten och Skapagruppen",
        "Frist": "Juni 2008",
        "Leveret": date(2008, 6, 12),
    },
    {
        "Mål": "1",
        "Milepæl": 'Följa upp målet "Ett humant och värdigt återvändande".',
        "Hur": "Sammanställa inkomna svar och infoga i den samlade uppföljningen (delrapport).",
        "Ansvarlig": "Verksamhetsområde Asylmottagning stab",
        "Frist": "31 augusti 2008",
        "Leveret": date(2008, 9, 3),
    },
    {
        "Mål": "1",
        "Milepæl": 'Följa upp målet "Ett humant och värdigt återvändande".',
        "Hur": "Sammanställa inkomna svar och infoga i den samlade uppföljningen (slutrapport).",
        "Ansvarlig": "Verksamhetsområde Asylmottagning stab",
        "Frist": "31 december 2008",
        "Leveret": date(2008, 12, 19),
    },
    {
        "Mål": "2",
        "Milepæl": "Avgöra ärenden inom två månader och arbeta aktivt med uppföljningar av "
        "tidsmålen.",
        "Hur": "Med regelbundna uppföljningar arbeta för att samtliga ärenden avgörs innan de "
        "blir två respektive fem månader gamla.",
        "Ansvarlig": "Verksamhetsområde Asylmottagning stab och enhetschefer vid enheter med "
        "återvändandeuppdrag",
        "Frist": "Fortlöpande",
        "Leveret": "Ja",
    },
    {
        "Mål": "2",
        "Milepæl": "Avgöra ärenden inom två månader och arbeta aktivt med uppföljningar av "
        "tidsmålen.",
        "Hur": "Vidareutveckla och bättre anpassa Eskilsystemet utefter de behov som finns.",
        "Ansvarlig": "Verksamhetsområde Asylmottagning i samarbete med IT-enheten",
        "Frist": "Juni 2008",
        "Leveret": "Nej",
    },
    {
        "Mål": "2",
        "Milepæl": "Avgöra ärenden inom två månader och arbeta aktivt med uppföljningar av "
        "tidsmålen.",
        "Hur": "Ta fram ett utvecklat statistiksystem som motsvarar behoven.",
        "Ansvarlig": "Planering och styrning i samverkan med verksamhetsområde Asylmottagning stab",
        "Frist": "Juni 2008",
        "Leveret": date(2008, 6, 27),
    },
    {
        "Mål": "2",
        "Milepæl": "Minimera ledtider för flödet av verkställbara beslut.",
        "Hur": "Ta fram förslag till rutiner och tidsmål för att minimera ledtider inom ramen för "
        "det interna VP-uppdraget.",
        "Ansvarlig": "Staber för verksamhetsområde Förvaltningsprocess, Asylprövning, "
        "Asylmottagning och Asylmottagning och förvar",
        "Frist": "Maj 2008",
        "Leveret": date(2008, 5, 28),
    },
    {
        "Mål": "2",
        "Milepæl": "Arbeta fram en modell för kollegial utvärdering.",
        "Hur": "Ta fram ett förslag till pilotprojekt för kollegial utvärdering.",
        "Ansvarlig": "Verksamhetsområde Asylmottagning stab",
        "Frist": "Juni 2008",
        "Leveret": date(2008, 8, 20),
    },
    {
        "Mål": "2",
        "Milepæl": "Arbeta fram och förankra en bra och användbar metodik.",
        "Hur": "Ta tillvara erfarenheter från kunskapsmässan som bedöms kunna ge en god påverkan "
        "på arbetet med återvändande.",
        "Ansvarlig": "Verksamhetsområde Asylmottagning stab",
        "Frist": "Höst 2008 (senast 30 november 2008)",
        "Leveret": date(2008, 11, 14),
    },
    {
        "Mål": "2",
        "Milepæl": "Säkra att medarbetarna har goda kunskaper och rätt kompetens.",
        "Hur": "Inarbeta förhållningssätt och förvarsfrågor i Migrationsprogrammets "
        "återvändandeutbildning.",
        "Ansvarlig": "Verksamhetsområde Asylmottagning stab och samordningsgruppen i samråd med "
        "Asylmottagning och förvar",
        "Frist": "Höst 2008 (senast 30 november 2008)",
        "Leveret": date(2008, 10, 30),
    },
    {
        "Mål": "2",
        "Milepæl": "Säkra att medarbetarna har goda kunskaper och rätt kompetens.",
        "Hur": "Genomföra seminarier om prövning av verkställighetshinder.",
        "Ansvarlig": "Verksamhetsområde Förvaltningsprocess i samverkan med verksamhetsområde "
        "Asylmottagning",
        "Frist": "Senast december 2008",
        "Leveret": date(2008, 12, 10),
    },
    {
        "Mål": "2",
        "Milepæl": "Säkra att medarbetarna har goda kunskaper och rätt kompetens.",
        "Hur": "Genomföra seminarier om återvändande och förvarsfrågor riktade till ett begränsat "
        "antal enheter per tillfälle.",
        "Ansvarlig": "Verksamhetsområde Asylmottagning stab och samordningsgruppen i samarbete "
        "med Asylmottagning och förvar",
        "Frist": "Senast december 2008",
        "Leveret": "Nej",
    },
    {
        "Mål": "2",
        "Milepæl": "Säkra att medarbetarna har goda kunskaper och rätt kompetens.",
        "Hur": "Inom Migrationsprogrammet ta fram en basutbildning i återvändande riktad till "
        "medarbetare inom andra verksamhetsområden.",
        "Ansvarlig": "Verksamhetsområde Asylmottagning i samarbete med personalenheten",
        "Frist": "Juli 2008",
        "Leveret": date(2008, 7, 31),
    },
    {
        "Mål": "3",
        "Milepæl": "Samverka mellan berörda enheter.",
        "Hur": "Inleda dialog kring flödet av beslut mellan enskilda enheter och i "
        "processområdesgrupper.",
        "Ansvarlig": "Enhetschefer vid ansöknings-, asylprövnings- och förvaltningsprocessenheter "
        "samt enheter med återvändandeuppdrag",
        "Frist": "Fortlöpande",
        "Leveret": "Ja",
    },
    {
        "Mål": "3",
        "Milepæl": 'Följa upp målet "Jämnare flöde av beslut".',
        "Hur": "Ojämna flöden syns i statistiken och avrapporteras i prognoser och "
        "kvartalsrapporter (delrapport).",
        "Ansvarlig": "Verksamhetsområde Asylmottagning stab",
        "Frist": "31 augusti 2008",
        "Leveret": date(2008, 8, 29),
    },
    {
        "Mål": "3",
        "Milepæl": 'Följa upp målet "Jämnare flöde av beslut".',
        "Hur": "Ojämna flöden tas med i den samlade uppföljningen av handlingsplanen "
        "(slutrapport).",
        "Ansvarlig": "Verksamhetsområde Asylmottagning stab",
        "Frist": "31 december 2008",
        "Leveret": date(2008, 12, 17),
    },
    {
        "Mål": "4",
        "Milepæl": "Medvetandegöra sökanden om sitt ansvar att klarlägga sin identitet.",
        "Hur": "Utreda identitetsfrågan i förhållande till möjligheten att återvända.",
        "Ansvarlig": "Enhetschefer vid ansöknings-, asylprövnings- och tillståndsenheter samt "
        "enheter med återvändandeuppdrag",
        "Frist": "Fortlöpande",
        "Leveret": "Nej",
    },
    {
        "Mål": "4",
        "Milepæl": "Arbeta fram och förankra ett ändamålsenligt och effektivt arbetssätt.",
        "Hur": "Utreda hur vi ska arbeta med identitetsfrågor och se över rutinerna i "
        "utlänningshandboken 39.4.",
        "Ansvarlig": "Verksamhetsområde Asylprövning tillsätter en arbetsgrupp i samarbete med "
        "berörda verksamhetsområden",
        "Frist": "Maj 2008",
        "Leveret": date(2008, 6, 16),
    },
    {
        "Mål": "4",
        "Milepæl": "Arbeta fram och förankra ett ändamålsenligt och effektivt arbetssätt.",
        "Hur": "Se över möjligheten att återinföra identitetsdokument i Lifos.",
        "Ansvarlig": "Verksamhetsområde Asylmottagning, operativa stödenheten, i samarbete med "
        "landinformationsenheten",
        "Frist": "September 2008",
        "Leveret": "Nej",
    },
    {
        "Mål": "4",
        "Milepæl": 'Följa upp målet "Fastställda identiteter".',
        "Hur": "Ta fram, bearbeta och sammanställa relevant statistik (delrapport).",
        "Ansvarlig": "Verksamhetsområde Asylmottagning stab i samarbete med Planering och styrning",
        "Frist": "31 augusti 2008",
        "Leveret": date(2008, 9, 5),
    },
    {
        "Mål": "4",
        "Milepæl": 'Följa upp målet "Fastställda identiteter".',
        "Hur": "Ta fram, bearbeta och sammanställa relevant statistik (slutrapport).",
        "Ansvarlig": "Verksamhetsområde Asylmottagning stab i samarbete med Planering och styrning",
        "Frist": "31 december 2008",
        "Leveret": "Nej",
    },
    {
        "Mål": "5",
        "Milepæl": "Ha en bra och aktiv framförhållning i samarbetet med justitiedepartementet.",
        "Hur": "Bidra till departementets arbete med återtagandeavtal genom att bistå efter "
        "förfrågan.",
        "Ansvarlig": "Verksamhetsområde Asylmottagning",
        "Frist": "Fortlöpande",
        "Leveret": "Ja",
    },
    {
        "Mål": "5",
        "Milepæl": "Ha en bra och aktiv framförhållning i samarbetet med justitiedepartementet.",
        "Hur": "Undersöka möjligheterna att uppdra till migrationsattachéer att arbeta aktivt med "
        "återvändandefrågor.",
        "Ansvarlig": "Verksamhetsområde Besök och bosättning inom ramen för UM-SAM",
        "Frist": "Juni 2008",
        "Leveret": date(2008, 6, 30),
    },
    {
        "Mål": "5",
        "Milepæl": "Utöka samarbetet med externa aktörer för att underlätta återvändandet.",
        "Hur": "Ingå fler avtal mellan Migrationsverket och olika organisationer.",
        "Ansvarlig": "Verksamhetsområde Asylmottagning i samarbete med Europeiskt och "
        "internationellt samarbete",
        "Frist": "Senast 31 december 2008",
        "Leveret": date(2008, 12, 15),
    },
    {
        "Mål": "5",
        "Milepæl": "Samverka och samarbeta med Rikspolisstyrelsen.",
        "Hur": "Utarbeta ett förslag till ett nytt ändamålsenligt samverkansavtal med "
        "Rikspolisstyrelsen och polismyndigheterna.",
        "Ansvarlig": "Verksamhetsområde Asylmottagning, Asylmottagning och förvar samt "
        "Förvaltningsprocess",
        "Frist": "Augusti 2008",
        "Leveret": date(2008, 10, 2),
    },
    {
        "Mål": "5",
        "Milepæl": "Samverka och samarbeta med Rikspolisstyrelsen.",
        "Hur": "Arrangera ett seminarium med Rikspolisstyrelsen under hösten 2008.",
        "Ansvarlig": "Verksamhetsområde Asylmottagning stab och samordningsgruppen",
        "Frist": "Oktober 2008",
        "Leveret": date(2008, 10, 23),
    },
    {
        "Mål": "5",
        "Milepæl": 'Följa upp målet "Väl genomtänkt och förankrad samverkan med externa aktörer".',
        "Hur": "Ta fram enkäter för uppföljning av externa aktörers uppfattning om samverkan.",
        "Ansvarlig": "Verksamhetsområde Asylmottagning stab och samordningsgruppen i samarbete "
        "med informationsenheten",
        "Frist": "September 2008",
        "Leveret": date(2008, 9, 19),
    },
    {
        "Mål": "5",
        "Milepæl": 'Följa upp målet "Väl genomtänkt och förankrad samverkan med externa aktörer".',
        "Hur": "Enkätuppföljningens resultat blir en del av den samlade uppföljningen av "
        "handlingsplanen.",
        "Ansvarlig": "Verksamhetsområde Asylmottagning stab",
        "Frist": "December 2008",
        "Leveret": date(2008, 12, 12),
    },
)

EXAMPLE = Example(
    number=3,
    file="eksempel-003-migrationsverket-2008.xlsx",
    year=2008,
    institution="Migrationsverket",
    lang="sv",
    plan={
        "Departement": "Justitiedepartementet",
        "Titel": "Handlingsplan för återvändande i syfte att förbättra förutsättningarna för ett "
        "effektivt arbete (verksamhetsområde Asylmottagning, 2008-05-05)",
        "Vægtning": "lika",
    },
    goals=GOALS,
    milestones=ACTION_PLAN,
    milestone_sheet="Handlingsplan",
)
