"""Example 003: Migrationsverket 2008 (seed 003, handlingsplan för återvändande; Swedish).

The whole action plan: its five goals and the communication plan (six goals, equal weights —
the plan gives none), every activity on the sheet Handlingsplan, one row per Hur/Vem/När (Mål /
Vad / Hur / Vem / När / Levererat), deadlines written as in the plan ("Juni 2008 och
fortlöpande", "31 augusti 2008", "Fortlöpande", "Utefter behov"); where the plan names a period
without a day ("Höst 2008", "Oktober/november 2008", "maj - juni") the period's last day is
written next to it. Goal 2 also has the plan's time targets (two and five months, two weeks,
three working days, the next day, the backlog by July), each measured from Ärenden as the
share of cases within the target, scored linearly from 0 % to the plan's "samtliga" (100 %).
The plan carries no performance pay: Resultatlön has headers only.
Keys are the template's Danish column roles; the sheet shows the Swedish headers.
"""

from __future__ import annotations

from datetime import date

from workbooks.examples.spec import (
    CaseSpec,
    Cell,
    DeadlineCases,
    Example,
    ExplicitCases,
    MonthCases,
    Row,
    ShareCases,
)

AREA = "Asylmottagning – återvändande"
SOURCE = "Uppföljning av handlingsplanen, december 2008"
REQUIREMENT = "Aktiviteterna i handlingsplanen genomförs i tid (se bladet Handlingsplan)."
STAB = "Verksamhetsområde Asylmottagning stab"
EC_ATERV = "Enhetschefer vid enheter med återvändandeuppdrag"
EC_ANS = "Enhetschefer vid ansökningsenheter och enheter med återvändandeuppdrag"
HOST = "Höst 2008 (senast 30 november 2008)"
STATS = "Planering och styrning"


def _goal(nr: str, text: str, **more: Cell) -> Row:
    return {"Nr": nr, "Område": AREA, "Mål": text, "Resultatkrav": REQUIREMENT,
            "Type": "handlingsplan", "Kilde": SOURCE, **more}  # fmt: skip


def _target(nr: str, text: str, frist: Cell, requirement: str) -> Row:
    """A time target of goal 2: the share of cases within it, linear from 0 % to 100 %."""
    return {
        "Nr": nr,
        "Under": "2.2",
        "Område": AREA,
        "Mål": text,
        "Resultatkrav": requirement,
        "Type": "minst",
        "Målværdi": 100,
        "Nedre grænse": 0,
        "Skala": "linjär",
        "Enhed": "%",
        "Indikator": "andel",
        "Frist": frist,
        "Kilde": "Ärendestatistik (PLUS/Eskil), uttag 2009-01-12",
    }


GOALS: tuple[Row, ...] = (
    _goal("1", "Ett värdigt och humant återvändande"),
    {
        "Nr": "2",
        "Område": AREA,
        "Mål": "Vi ökar antalet och andelen självmant återvända och når de interna tidsmålen",
        "Resultatkrav": "Aktiviteterna genomförs i tid (2.1) och de interna tidsmålen nås (2.2).",
        "Type": "delmål",
    },
    _goal("2.1", "Aktiviteterna i handlingsplanen för mål 2", Under="2"),
    {
        "Nr": "2.2",
        "Under": "2",
        "Område": AREA,
        "Mål": "De interna tidsmålen",
        "Resultatkrav": "Tidsmålen i handlingsplanens Vad- och Hur-kolumner, lika viktade.",
        "Type": "delmål",
    },
    _target("2.2.1", "Ärenden avgörs inom två månader (ej barn utan vårdnadshavare).",
            "2 månader", "Samtliga ärenden inkomna under 2008 avgörs innan de blir två månader "
            "gamla."),
    _target("2.2.2", "Ärenden rörande barn utan vårdnadshavare avgörs inom fem månader.",
            "5 månader", "Tidsmålet är fem månader i ärenden rörande barn utan vårdnadshavare."),
    _target("2.2.3", "Ärenden inkomna före 1 januari 2008 avgörs senast i juli 2008.",
            "senast juli 2008", "Samtliga ärenden inkomna före 1 januari 2008 avgörs senast i "
            "juli 2008."),
    _target("2.2.4", "Återvändandesamtal senast inom två veckor från verkställbart beslut.",
            "två veckor", "Genomföra återvändandesamtal senast inom två veckor från "
            "verkställbart beslut i samtliga ärenden."),
    _target("2.2.5", "Ärenden om anskaffande av resehandling handläggs inom tre arbetsdagar.",
            "tre arbetsdagar", "Handlägga ärenden om anskaffande av resehandling inom tre "
            "arbetsdagar."),
    _target("2.2.6", "Resa beställs senast dagen efter inkommen beställning.",
            1, "Beställa resa senast dagen efter inkommen beställning."),
    _target("2.2.7", "Beslut om återetableringsstöd inom två veckor från att ärendet inkommit.",
            "två veckor", "Fatta beslut i ärenden om återetableringsstöd inom två veckor från att "
            "ärendet inkommit."),
    _goal("3", "Jämnare flöde av beslut"),
    _goal("4", "Fastställda identiteter"),
    _goal("5", "Väl genomtänkt och förankrad samverkan med externa aktörer"),
    _goal(
        "6",
        "Kommunikationsplan: handlingsplanen är känd och förankrad internt och externt",
        Resultatkrav="Aktivitetsplanen i kommunikationsplanen (7.1) genomförs i tid.",
    ),
)  # fmt: skip


def _a(goal: str, vad: str, hur: str, vem: str, nar: Cell, levererat: Cell) -> Row:
    return {"Mål": goal, "Milepæl": vad, "Hur": hur, "Ansvarlig": vem, "Frist": nar,
            "Leveret": levererat}  # fmt: skip


D = date
G1_TYDLIG = (
    "Öka tydligheten så att alla sökande redan i inskrivningsfasen har god kunskap om möjliga "
    "utgångar i asylärendet och det egna ansvaret."
)
G1_UNDERRATT = (
    "Vid underrättelse om Migrationsverkets beslut får alla sökande relevant information."
)
G1_UNDERRATT_HUR = (
    "Lämna information om valmöjligheter och ordningen för den fortsatta processen, hur man "
    "överklagar, nöjdförklarar sig, möjligheten att återvända. Inkluderar både sökande som fått "
    "beslut från verksamhetsområde Asylprövning och Besök och bosättning."
)
G1_FOLJ = 'Följa upp målet "Ett humant och värdigt återvändande".'
G2_TID = (
    "Avgöra ärenden inom två månader och arbeta aktivt med uppföljningar av tidsmålen. I ärenden "
    "rörande barn utan vårdnadshavare är tidsmålet fem månader."
)
G2_INHIB = "Arbeta utifrån att endast inhibition hindrar verkställighet."
G2_INHIB_HUR = (
    "Fortsätta återvändandearbetet om inte inhibition föreligger, oavsett om ett ärende om "
    "verkställighetshinder är öppet. Registrera beslut om inhibition inklusive när beslut om "
    "inhibition upphävs."
)
G2_VERKST = "Säkerställa verkställighet"
G2_RESE = (
    "Handlägga ärenden om anskaffande av resehandling inom tre arbetsdagar samt beställa resa "
    "senast dagen efter inkommen beställning."
)
G2_RUTINER = (
    "Ta fram och publicera rutiner som ska medföra att andelen kompletta ärenden som skickas "
    "till operativa stödenheten kan öka."
)
G2_UAT = "Fatta beslut i ärenden om återetableringsstöd inom två veckor från att ärendet inkommit"
G2_STOD = "Stödja enheterna för en ökad enhetlighet och utveckling av arbetet."
G2_METOD = "Arbeta fram och förankra en bra och användbar metodik."
G2_KOMP = "Säkra att medarbetarna har goda kunskaper och rätt kompetens."
G2_FOLJ = (
    'Följa upp målet "Vi ökar antalet och andelen självmant återvända och når de interna tidsmålen"'
)
G2_STAT = (
    "Ta fram, bearbeta och sammanställa relevant statistik som sedan tas med som en del av den "
    "samlade uppföljningen av handlingsplanen."
)
G3_FOLJ = 'Följa upp målet "Jämnare flöde av beslut".'
G3_FOLJ_HUR = (
    "Ojämna flöden syns i statistiken och avrapporteras i prognoser och kvartalsrapporter. Om så "
    "har skett tas detta med i den samlade uppföljningen av handlingsplanen."
)
G4_ARB = "Arbeta fram och förankra ett ändamålsenligt och effektivt arbetssätt."
G4_FOLJ = 'Följa upp målet "Fastställda identiteter".'
G5_JU = "Ha en bra och aktiv framförhållning i samarbetet med justitiedepartementet."
G5_EXT = (
    "Utöka samarbetet med externa aktörer för att underlätta återvändandet och förmedla ökad "
    "kunskap om återvändande och utlänningslagstiftningen hos externa aktörer"
)
G5_RPS = "Samverka och samarbeta med Rikspolisstyrelsen"
G5_FOLJ = 'Följa upp målet "Väl genomtänkt och förankrad samverkan med externa aktörer".'
K_INFO = "Info om fastställd handlingsplan"
K_FORANK = "Förankring av handlingsplan"
MAJ_JUNI = "maj - juni (senast 30 juni 2008)"

ACTION_PLAN: tuple[Row, ...] = (
    # Goal 1 (rows 2–15)
    _a("1", G1_TYDLIG, "Lämna muntlig och skriftlig information vid mottagande av asylansökan "
       "och inskrivningssamtal enligt fastställda rutiner. Lämna ut faktablad om asylprocessen.",
       EC_ANS, "Fortlöpande", "Ja"),
    _a("1", G1_TYDLIG, "Erbjuda anläggningsboende i närhet av flygplats om en person finns i "
       "Eurodac vid ansökningstillfället.", "Fördelningsfunktionen inom verksamhetsområde "
       "Asylprövning", "Juni 2008 och fortlöpande", D(2008, 6, 16)),
    _a("1", G1_TYDLIG, "Utse ett antal enheter där boende i första hand ska erbjudas och i mån "
       "av plats.", "Verksamhetsområde Asylmottagning i samråd med enhetschefer", "Juni 2008",
       D(2008, 6, 24)),
    _a("1", "Öka enhetligheten i den information som lämnas ut, för att undvika missförstånd och "
       "ge tydligare information.", "Gå igenom relevanta faktablad och säkerställa att de är "
       "väl anpassade utefter behoven inom återvändandearbetet.", f"{STAB} och "
       "samordningsgruppen i samarbete med informationsenheten.", "Augusti 2008",
       D(2008, 9, 15)),
    _a("1", "Motivera av- och utvisningsbeslut tydligt.", "Inkludera frågan om verkställighet "
       "och verkställighetshinder i samtliga avlägsnandebeslut, vilket kan hjälpa att öka "
       "acceptansen.", "Enhetschefer vid asylprövningsenheter", "Fortlöpande", "Ja"),
    _a("1", G1_UNDERRATT, G1_UNDERRATT_HUR, EC_ANS, "Fortlöpande", "Ja"),
    _a("1", G1_UNDERRATT, G1_UNDERRATT_HUR, EC_ATERV, "Fortlöpande", "Ja"),
    _a("1", "Sammanställa information om olika länder och eventuella stödinsatser som kan "
       "erbjudas.", "Relevant information för olika nationaliteter som ska fungera som ett "
       "handläggarstöd inför återvändandesamtal sammanställs och publiceras. Informationen "
       "införs in i utlänningshandboken kap. 39.", f"{STAB} och samordningsgruppen",
       "Augusti 2008", D(2008, 8, 29)),
    _a("1", "Säkra att medarbetarna gör korrekta bedömningar kring sekretess.", "Vara "
       "tillgängliga för att stödja enheterna i enskilda ärenden när behov finns. Arbeta för en "
       "ökad kunskap i frågor om sekretess i återvändandearbetet.", "Verksamhetsområde "
       "Asylmottagning, operativa stödenheten", "Fortlöpande", "Ja"),
    _a("1", "Se över möjligheterna att utöka förordningen om återetableringsstöd till fler "
       "nationaliteter.", "Föreslå förändringar i förordningen som ska ge möjlighet att utöka "
       "stödet till fler nationaliteter.", "Verksamhetsområde Asylmottagning, Operativa "
       "stödenheten, i samarbete med rättsenheten.", "Maj 2008", D(2008, 5, 30)),
    _a("1", G1_FOLJ, "Ta fram utvärderingsblankett.", "Samordningsgruppen i samarbete med "
       "informationsenheten och Skapagruppen", "Juni 2008", D(2008, 6, 12)),
    _a("1", G1_FOLJ, "Vid sista samtalet med en person som ska återvända be personen delta i en "
       "utvärdering genom att muntligt besvara utvärderingsfrågor. Blanketten fylls i av "
       "handläggaren och skickas per e-post till GB-asylmottagning.", EC_ATERV,
       "Juni 2008 och fortlöpande", D(2008, 7, 7)),
    _a("1", G1_FOLJ, "Sammanställa inkomna svar och infoga i den samlade uppföljningen av "
       "handlingsplanen (delrapport).", STAB, "31 augusti 2008", D(2008, 9, 3)),
    _a("1", G1_FOLJ, "Sammanställa inkomna svar och infoga i den samlade uppföljningen av "
       "handlingsplanen (slutrapport).", STAB, "31 december 2008", D(2008, 12, 19)),
    # Goal 2, activities (2.1; rows 16–47)
    _a("2.1", G2_TID, "Med regelbundna uppföljningar arbeta för att samtliga ärenden inkomna "
       "före 1 januari 2008 avgörs senast i juli 2008 och att samtliga ärenden inkomna under "
       "2008 avgörs innan de blir två respektive fem månader gamla.", f"{STAB} och "
       "enhetschefer vid enheter med återvändandeuppdrag", "Fortlöpande", "Ja"),
    _a("2.1", G2_TID, "Utefter behov genomföra särskilda uppföljningar.", STAB, "Utefter behov",
       "Ja"),
    _a("2.1", G2_TID, "Vidareutveckla och bättre anpassa Eskilsystemet utefter de behov som "
       "finns.", "Verksamhetsområde Asylmottagning i samarbete med IT-enheten", "Juni 2008",
       "Nej"),
    _a("2.1", G2_TID, "Ta fram ett utvecklat statistiksystem som motsvarar behoven. Gå igenom "
       "tabeller i PLUS för fastställande av krav på förändringar som motsvarar behoven, såsom "
       "standardtabeller för alla tidsmål.", f"{STATS} i samverkan med verksamhetsområde "
       "Asylmottagning stab", "Juni 2008", D(2008, 6, 27)),
    _a("2.1", "Genomföra återvändandesamtal senast inom två veckor från verkställbart beslut i "
       "samtliga ärenden.", "Planera tidigt genom dagliga uttag av listor ur Eskil (laga kraft) "
       "varefter kallelse till samtal skickas i de ärenden som vunnit laga kraft. I övriga "
       "ärenden skickas kallelse snarast efter att beslut inkommit. Innan samtalet tar "
       "handläggaren bland annat del av kapitel 39.2 i utlänningshandboken.", EC_ATERV,
       "Fortlöpande", "Ja"),
    _a("2.1", G2_INHIB, G2_INHIB_HUR, EC_ATERV, "Fortlöpande", "Ja"),
    _a("2.1", G2_INHIB, G2_INHIB_HUR, "Enhetschefer vid asylprövnings-, tillstånds- och "
       "förvaltningsprocessenheter", "Fortlöpande", "Ja"),
    _a("2.1", "Effektivisera överföringar enligt Dublinförordningen", "Utöver prioritering av "
       "ärenden där barn utan vårdnadshavare ingår även prioritera överföringar enligt "
       "Dublinförordningen och undvika att tidsfrister överskrids genom aktiv bevakning av "
       "tidsfrister.", EC_ANS, "Fortlöpande", "Ja"),
    _a("2.1", G2_VERKST, "Ta förvarsfrågan i beaktande genom hela processen.",
       "Enhetschefer vid samtliga enheter", "Fortlöpande", "Ja"),
    _a("2.1", G2_VERKST, "Utnyttja förvarsplatserna effektivt genom att arbeta för korta "
       "förvarstider.", "Enhetschefer vid samtliga enheter", "Fortlöpande", "Ja"),
    _a("2.1", G2_VERKST, "Arbeta för att antalet förvarsplatser motsvarar behoven.",
       "Verksamhetsområde Asylmottagning och förvar", "Fortlöpande", "Nej"),
    _a("2.1", G2_RESE, G2_RUTINER, "Enhetschefen för operativa stödenheten i samråd med "
       "verksamhetsområde Asylmottagning stab", "Maj 2008", D(2008, 5, 27)),
    _a("2.1", G2_RESE, "Öka andelen kompletta ärenden.", EC_ATERV, "Juni 2008 och fortlöpande",
       "Ja"),
    _a("2.1", G2_UAT, "Ta ställning till om rekommendationer som är relevanta för "
       "handläggningen ska tas fram.", "Enhetschefen för operativa stödenheten i samråd med "
       "verksamhetsområde Asylmottagning stab och rättsenheten", "Maj 2008", D(2008, 5, 22)),
    _a("2.1", G2_UAT, G2_RUTINER, "Enhetschefen vid operativa stödenheten i samråd med "
       "verksamhetsområde Asylmottagning stab", "Maj 2008", D(2008, 6, 10)),
    _a("2.1", G2_UAT, "Öka andelen kompletta ärenden.", EC_ATERV, "Juni 2008 och fortlöpande",
       "Ja"),
    _a("2.1", G2_UAT, "Avgöra UAT-ärenden innan ansökan om återetableringsstöd snarast efter att "
       "ansökan om asyl återtagits.", "Enhetschefer vid asylprövningsenheter", "Fortlöpande",
       "Ja"),
    _a("2.1", "Minimera ledtider för flödet av verkställbara beslut.", "Ta fram förslag till "
       "rutiner och tidsmål för att minimera ledtider inom ramen för det interna VP-uppdraget. "
       "Uppdraget föredras för verksamhetschefer och därefter för generaldirektören.", "Staber "
       "för verksamhetsområde Förvaltningsprocess, Asylprövning, Asylmottagning och "
       "Asylmottagning och förvar.", "Maj 2008", D(2008, 5, 28)),
    _a("2.1", "Arbeta fram en modell för kollegial utvärdering.", "Ta fram ett förslag till "
       "pilotprojekt för kollegial utvärdering.", STAB, "Juni 2008", D(2008, 8, 20)),
    _a("2.1", G2_STOD, "Arbeta för en enhetlig praxis där samordningsgruppen stödjer, "
       "förtydligar, samlar in och återkopplar frågeställningar.", f"{STAB} och "
       "samordningsgruppen", "Fortlöpande", "Ja"),
    _a("2.1", G2_STOD, "Revidera UH kap 39.2 och underhålla löpande.", f"{STAB} och "
       "samordningsgruppen", "Maj 2008 och fortlöpande", D(2008, 5, 30)),
    _a("2.1", G2_METOD, "Ta tillvara goda exempel på enheter och i andra länder som därefter "
       "blir en del av ett underlag för att ta fram ett metodiskt stöd för arbetet med "
       "återvändande. Inkluderar även återvändandearbete rörande barn utan vårdnadshavare.",
       "Verksamhetsområde Asylmottagning tillsätter en arbetsgrupp", "Maj 2008",
       D(2008, 5, 15)),
    _a("2.1", G2_METOD, "Utreda hur vi ska arbeta med återvändande till Somalia och överföra "
       "lämpliga delar i arbetet med andra nationaliteter.", "Arbetsgrupp som har tillsatts "
       "återrapporterar till verksamhetsområde Asylmottagning", "Maj 2008", D(2008, 6, 5)),
    _a("2.1", G2_METOD, "Ta tillvara erfarenheter från kunskapsmässan som bedöms kunna ge en god "
       "påverkan på arbetet med återvändande.", STAB, HOST, D(2008, 11, 14)),
    _a("2.1", G2_KOMP, "Inarbeta förhållningssätt och förvarsfrågor i Migrationsprogrammets "
       "återvändandeutbildning.", f"{STAB} och samordningsgruppen i samråd med Asylmottagning "
       "och förvar", HOST, D(2008, 10, 30)),
    _a("2.1", G2_KOMP, "Genomföra seminarier om prövning av verkställighetshinder.",
       "Verksamhetsområde Förvaltningsprocess i samverkan med verksamhetsområde Asylmottagning",
       "Senast december 2008", D(2008, 12, 10)),
    _a("2.1", G2_KOMP, "Genomföra seminarier om återvändande och förvarsfrågor riktade till ett "
       "begränsat antal enheter per tillfälle.", f"{STAB} och samordningsgruppen i samarbete "
       "med Asylmottagning och förvar.", "Senast december 2008", "Nej"),
    _a("2.1", G2_KOMP, "Genomföra möten eller enhetsbesök med riktad landinformation",
       "Operativa stödenheten", "Fortlöpande", "Ja"),
    _a("2.1", G2_KOMP, "Inom Migrationsprogrammet ta fram en basutbildning i återvändande "
       "riktad till medarbetare inom andra verksamhetsområden. I syfte att öka kunskapen och "
       "förståelsen inom andra VO.", "Verksamhetsområde Asylmottagning i samarbete med "
       "personalenheten.", "Juli 2008", D(2008, 7, 31)),
    _a("2.1", "Ta tillvara tillfällen till informationsinhämtning i samband med resor i "
       "återvändandeärenden.", "Vid återvändanderesor där verkets medarbetare medföljer på "
       "resan kan det ges tillfälle och vara lämpligt att inhämta information som vi kan ha "
       "nytta av i återvändandearbetet. Möjligheten är främst avsedd för resor i ärenden "
       "rörande barn utan vårdnadshavare. Uppdraget ska förankras med verksamhetsområde "
       "Asylmottagning stab innan planering av resa.", f"{STAB} och enhetschefer vid enheter "
       "med återvändandeuppdrag", "Fortlöpande", "Ja"),
    _a("2.1", G2_FOLJ, G2_STAT + " (delrapport)", f"{STAB} i samarbete med {STATS}",
       "31 augusti 2008", D(2008, 8, 28)),
    _a("2.1", G2_FOLJ, G2_STAT + " (slutrapport)", f"{STAB} i samarbete med {STATS}",
       "31 december 2008", D(2008, 12, 18)),
    # Goal 3 (rows 48–51)
    _a("3", "Undvika tillfälligt höga inflöden av beslut och vara förberedda ifall sådant "
       "inflöde sker.", "Lämna prognoser på månadsnivå för totalt antal beslut. Avvikelser från "
       "prognoser meddelas Planering och styrning och staber för övriga berörda "
       "verksamhetsområden.", "Staber för verksamhetsområde Besök och bosättning och "
       "Asylprövning", "Prognos, maj 2008 och fortlöpande", D(2008, 5, 30)),
    _a("3", "Samverka mellan berörda enheter.", "Inleda dialog kring flödet av beslut mellan "
       "enskilda enheter och i processområdesgrupper. En dialog ger berörda enheter möjlighet "
       "att förbereda strategier för hantering av stora förväntade inflöden.", "Enhetschefer "
       "vid ansöknings-, asylprövnings- och förvaltningsprocessenheter samt enheter med "
       "återvändandeuppdrag", "Fortlöpande", "Ja"),
    _a("3", G3_FOLJ, G3_FOLJ_HUR + " (delrapport)", STAB, "31 augusti 2008", D(2008, 8, 29)),
    _a("3", G3_FOLJ, G3_FOLJ_HUR + " (slutrapport)", STAB, "31 december 2008",
       D(2008, 12, 17)),
    # Goal 4 (rows 52–56)
    _a("4", "Medvetandegöra sökanden om sitt ansvar att klarlägga sin identitet.", "Utreda "
       "identitetsfrågan i förhållande till möjligheten att återvända.", "Enhetschefer vid "
       "ansöknings-, asylprövnings- och tillståndsenheter samt enheter med "
       "återvändandeuppdrag", "Fortlöpande", "Nej"),
    _a("4", G4_ARB, "Utreda hur vi ska arbeta med identitetsfrågor och se över nuvarande "
       "rutiner och avsnitt i utlänningshandboken 39.4 för att anpassa dessa utefter behov.",
       "Verksamhetsområde Asylprövning tillsätter en arbetsgrupp i samarbete med berörda "
       "verksamhetsområden", "Maj 2008", D(2008, 6, 16)),
    _a("4", G4_ARB, "Se över möjligheten att återinföra identitetsdokument i Lifos.",
       "Verksamhetsområde Asylmottagning, operativa stödenheten, i samarbete med "
       "landinformationsenheten.", "September 2008", "Nej"),
    _a("4", G4_FOLJ, G2_STAT + " (delrapport)", f"{STAB} i samarbete med {STATS}",
       "31 augusti 2008", D(2008, 9, 5)),
    _a("4", G4_FOLJ, G2_STAT + " (slutrapport)", f"{STAB} i samarbete med {STATS}",
       "31 december 2008", "Nej"),
    # Goal 5 (rows 57–71)
    _a("5", G5_JU, "Bidra till departementets arbete med återtagandeavtal genom att bistå efter "
       "förfrågan och aktivt lyfta upp länder och, i förkommande fall, ärenden där behov finns. "
       "Aktuella länder fastställs bland annat i samråd med Rikspolisstyrelsen inom ramen för "
       "samarbetet kring länder.", "Verksamhetsområde Asylmottagning", "Fortlöpande", "Ja"),
    _a("5", G5_JU, "Undersöka möjligheterna att uppdra till migrationsattachéer att arbeta "
       "aktivt med återvändandefrågor och återkoppling till Migrationsverket.",
       "Verksamhetsområde Besök och bosättning inom ramen för UM-SAM", "Juni 2008",
       D(2008, 6, 30)),
    _a("5", G5_EXT, "Lokalt bjuda in till information och dialog med andra myndigheter, "
       "frivilligorganisationer och andra organisationer.", EC_ATERV, "Fortlöpande", "Ja"),
    _a("5", G5_EXT, "Ta tillvara goda idéer och arbetsätt och där det bedöms möjligt och "
       "lämpligt utarbeta projektförslag för ansökan om medel från Europeiska Flyktingfonden.",
       EC_ATERV, "Fortlöpande", "Ja"),
    _a("5", G5_EXT, "Ingå fler avtal mellan Migrationsverket och olika organisationer. Avtalen "
       "finansieras av de medel som är avsatta för att underlätta återvändande. Ambitionen är "
       "att de avsatta medlen ska användas effektivt.", "Verksamhetsområde Asylmottagning i "
       "samarbete med Europeiskt och internationellt samarbete", "Senast 31 december 2008",
       D(2008, 12, 15)),
    _a("5", G5_RPS, "Genomföra regelbundna möten och kontakter vid behov för dialog kring "
       "gemensamma frågor.", STAB, "Fortlöpande", "Ja"),
    _a("5", G5_RPS, "Vidareutveckla det särskilda arbetet kring länder för informations- och "
       "erfarenhetsutbyte. I ett senare skede kan problematik kring återvändande till vissa "
       "länder gemensamt tas upp med Justitiedepartementet.", STAB, "Fortlöpande", "Ja"),
    _a("5", G5_RPS, "Utarbeta ett förslag till ett nytt ändamålsenligt samverkansavtal med "
       "Rikspolisstyrelsen och polismyndigheterna. Förslag föredras för verksamhetschefer och "
       "därefter för generaldirektören", "Verksamhetsområde Asylmottagning, Asylmottagning och "
       "förvar samt Förvaltningsprocess", "Augusti 2008", D(2008, 10, 2)),
    _a("5", G5_RPS, "Arrangera ett seminarium med Rikspolisstyrelsen under hösten 2008 för att "
       "hitta former för förbättrad samverkan i återvändandearbetet. Enheter med "
       "återvändandeuppdrag inbjuds att delta.", f"{STAB} och samordningsgruppen",
       "Oktober 2008", D(2008, 10, 23)),
    _a("5", "Etablera och utveckla kontakter med polismyndigheterna lokalt.", "Bjuda in till "
       "möten med polismyndigheterna där framtida samarbetsformer bestäms. Dialog kring "
       "prognoser och gemensamma ärenden.", EC_ATERV, "Maj 2008 och därefter fortlöpande",
       D(2008, 5, 26)),
    _a("5", "Nå samförstånd med SIDA", "Fortsätta dialogen med SIDA kring möjligheterna för "
       "stödja de som finns i länder och länder dit vi har återvändande.", "Verksamhetsområde "
       "Europeiskt och internationellt samarbete", "Maj 2008 och fortlöpande", D(2008, 6, 18)),
    _a("5", "Förmedla ökad kunskap till media", "Genomföra journalistseminarium där "
       "Migrationsverkets uppdrag och återvändandearbete får utrymme.", "Informationsenheten",
       "Fortlöpande", "Ja"),
    _a("5", G5_FOLJ, "Ta fram enkäter för uppföljning av externa aktörers uppfattning om "
       "samverkan med Migrationsverket.", f"{STAB} och samordningsgruppen i samarbete med "
       "informationsenheten.", "September 2008", D(2008, 9, 19)),
    _a("5", G5_FOLJ, "Genomföra enkätuppföljning", STAB,
       "Oktober/november 2008 (senast 30 november 2008)", D(2008, 11, 21)),
    _a("5", G5_FOLJ, "Enkätuppföljningens resultat blir en del av den samlade uppföljningen av "
       "handlingsplanen.", STAB, "December 2008", D(2008, 12, 12)),
    # Goal 6: the communication plan's activity plan, 7.1 (rows 72–77)
    _a("6", K_INFO, "All personal: Verksnytt.", "Informationsenheten", "30 april 2008",
       D(2008, 4, 30)),
    _a("6", K_INFO, "Allmänheten och frivilligorganisationer: artikel på webbsidan.",
       "Informationsenheten", "30 april 2008", D(2008, 5, 6)),
    _a("6", K_INFO, "Berörda myndigheter: muntlig information och utskick.",
       "GD, stab VO-AM, stab", "30 april 2008", D(2008, 4, 29)),
    _a("6", K_FORANK, "Enhetschefer i berörda VO: chefsmöten.", "Respektive VO-chef", MAJ_JUNI,
       D(2008, 6, 17)),
    _a("6", K_FORANK, "Berörda medarbetare: enhetsmöten.", "Respektive enhetschef", MAJ_JUNI,
       D(2008, 6, 26)),
    _a("6", K_FORANK, "All personal: artikel i Inblick.", "Informationsenheten", "Maj 2008",
       D(2008, 5, 22)),
)  # fmt: skip

# 2.2.5: travel-document cases, written out so that the Swedish working days can be counted by
# hand (holidays on weekdays in 2008: 21/3 långfredag, 24/3 annandag påsk, 1/5 Kristi
# himmelsfärd and första maj, 6/6 nationaldagen, 20/6 midsommarafton, 24–26/12, 31/12).
TRAVEL_DOCUMENTS = ExplicitCases(
    "2.2.5",
    (
        ("RH-01", D(2008, 3, 20), D(2008, 3, 26)),  # 25, 26 → 2 (21 and 24 are holidays)
        ("RH-02", D(2008, 3, 19), D(2008, 3, 25)),  # 20, 25 → 2
        ("RH-03", D(2008, 3, 18), D(2008, 3, 27)),  # 19, 20, 25, 26, 27 → 5: late
        ("RH-04", D(2008, 4, 30), D(2008, 5, 6)),  # 2, 5, 6 → 3 (1 May is a holiday)
        ("RH-05", D(2008, 4, 29), D(2008, 5, 6)),  # 30, 2, 5, 6 → 4: late
        ("RH-06", D(2008, 6, 5), D(2008, 6, 10)),  # 9, 10 → 2 (6 June is a holiday)
        ("RH-07", D(2008, 6, 19), D(2008, 6, 25)),  # 23, 24, 25 → 3 (20 June: midsommarafton)
        ("RH-08", D(2008, 6, 18), D(2008, 6, 25)),  # 19, 23, 24, 25 → 4: late
        ("RH-09", D(2008, 9, 8), D(2008, 9, 11)),  # 9, 10, 11 → 3
        ("RH-10", D(2008, 10, 10), D(2008, 10, 15)),  # 13, 14, 15 → 3
        ("RH-11", D(2008, 12, 22), D(2008, 12, 29)),  # 23, 29 → 2 (24–26 are holidays)
        ("RH-12", D(2008, 11, 4), D(2008, 11, 7)),  # 5, 6, 7 → 3
    ),
)

CASES: tuple[CaseSpec, ...] = (
    # 2.2.1: 50 cases, 45 decided within two calendar months (3 of them on the very day), 5 later.
    MonthCases("2.2.1", "AV", months=2, within=45, late=5, at_limit=3),
    # 2.2.2: 20 cases (barn utan vårdnadshavare), 18 within five months (1 on the day), 2 later.
    MonthCases("2.2.2", "BUV", months=5, within=18, late=2, at_limit=1),
    # 2.2.3: 41 cases received in 2007: 36 decided before 31-07-2008, 2 on it, 3 after it.
    DeadlineCases(
        "2.2.3",
        "BAL",
        deadline=D(2008, 7, 31),
        early=36,
        early_from=D(2008, 1, 2),
        early_to=D(2008, 7, 29),
        on_deadline=2,
        after=(D(2008, 8, 12), D(2008, 9, 3), D(2008, 10, 20)),
        wait=(275, 500),
    ),
    # 2.2.4: 44 return conversations, 40 within 14 days of the enforceable decision (4 on day
    # 14), 4 later.
    ShareCases("2.2.4", "ÅS", within=40, late=4, limit=14, fast=2, slow=30, at_limit=4),
    TRAVEL_DOCUMENTS,
    # 2.2.6: 30 travel orders, 27 placed the same or the next day (9 the next day), 3 later.
    ShareCases("2.2.6", "RB", within=27, late=3, limit=1, fast=0, slow=5, at_limit=9),
    # 2.2.7: 20 re-establishment support cases, 16 decided within 14 days (2 on day 14), 4 later.
    ShareCases("2.2.7", "UAT", within=16, late=4, limit=14, fast=3, slow=35, at_limit=2),
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
        "effektivt arbete (verksamhetsområde Asylmottagning, 2008-05-05), med kommunikationsplan",
        "Vægtning": "lika",
    },
    goals=GOALS,
    milestones=ACTION_PLAN,
    cases=CASES,
    milestone_sheet="Handlingsplan",
)
