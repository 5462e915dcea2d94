"""The empty standard goal workbook (skabelon), built with openpyxl.

`build_template()` returns a workbook with the sheets, headers, dropdowns and number formats that
`workbooks/README.md` describes; `save_template()` writes it to a file. openpyxl is imported inside
the functions, so importing this module stays cheap (the calculation core never needs it).

The column layout lives in plain data (`MAAL`, `MILEPAELE`, `SAGSDATA`, `RESULTATLOEN`,
`OPFOELGNING`), so that tests and `workbooks/make_examples.py` can find a column by its role
without hard-coding letters.
"""

from __future__ import annotations

from dataclasses import dataclass
from os import PathLike
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover - typing only
    from openpyxl import Workbook  # type: ignore[import-untyped,unused-ignore]
    from openpyxl.worksheet.worksheet import Worksheet  # type: ignore[import-untyped,unused-ignore]

# Number formats (Excel's own codes; Danish Excel shows `.` as `,` and `,` as `.`).
FMT_WEIGHT = "General"  # shows 20 and 2,5 without a dangling decimal comma
FMT_PCT = '0.0" %"'  # holds 0–100 numbers, not fractions
FMT_PCT_INPUT = 'General" %"'
FMT_POINTS = "0.00"
FMT_MONEY = '#,##0" kr."'
FMT_DATE = "dd-mm-yyyy"
FMT_TEXT = "@"
FMT_GENERAL = "General"

OUTPUT_NOTE = {"da": "Udfyldes af Målscore", "sv": "Fylls i av Målscore"}

# Fills: input headers light blue, output headers light green, output cells light grey.
_HEADER_FILL = "DDEBF7"
_OUTPUT_HEADER_FILL = "E2EFDA"
_OUTPUT_CELL_FILL = "F2F2F2"


@dataclass(frozen=True)
class Column:
    """One column of a table sheet: its role (the Danish README name), header texts and style."""

    key: str
    da: str
    sv: str
    width: float
    fmt: str = FMT_GENERAL
    wrap: bool = False
    output: bool = False
    choices: tuple[str, ...] = ()
    choices_sv: tuple[str, ...] | None = None
    strict: bool = True  # False: the dropdown only suggests (dates are allowed too)

    def header(self, lang: str) -> str:
        return self.sv if lang == "sv" else self.da

    def options(self, lang: str) -> tuple[str, ...]:
        if lang == "sv" and self.choices_sv is not None:
            return self.choices_sv
        return self.choices


@dataclass(frozen=True)
class TableSheet:
    key: str
    da: str
    sv: str
    columns: tuple[Column, ...]
    rows: int  # pre-formatted empty data rows
    freeze: str = "A2"

    def title(self, lang: str) -> str:
        return self.sv if lang == "sv" else self.da

    def letter(self, key: str) -> str:
        """The column letter of the column with role `key`."""
        for i, col in enumerate(self.columns):
            if col.key == key:
                return _letter(i + 1)
        raise KeyError(key)

    def headers(self, lang: str) -> list[str]:
        return [col.header(lang) for col in self.columns]


_YES_NO = ("Ja", "Nej")

MAAL = TableSheet(
    "Mål",
    "Mål",
    "Mål",
    (
        Column("Nr", "Nr", "Nr", 8, FMT_TEXT),
        Column("Under", "Under", "Överordnat", 9, FMT_TEXT),
        Column("Område", "Område", "Verksamhetsområde", 20, wrap=True),
        Column("Mål", "Mål", "Mål", 42, wrap=True),
        Column("Resultatkrav", "Resultatkrav", "Krav", 48, wrap=True),
        Column("Vægt", "Vægt", "Vikt", 8, FMT_WEIGHT),
        Column(
            "Type",
            "Type",
            "Typ",
            13,
            choices=(
                "ja/nej",
                "mindst",
                "højst",
                "interval",
                "reduktion",
                "stigning",
                "afvigelse",
                "vurdering",
                "milepæle",
                "delmål",
            ),
            choices_sv=(
                "ja/nej",
                "minst",
                "högst",
                "intervall",
                "minskning",
                "ökning",
                "avvikelse",
                "bedömning",
                "milstolpar",
                "handlingsplan",
                "delmål",
            ),
        ),
        Column("Målværdi", "Målværdi", "Målvärde", 11),
        Column("Nedre grænse", "Nedre grænse", "Nedre gräns", 11),
        Column(
            "Skala",
            "Skala",
            "Skala",
            10,
            choices=("binær", "lineær", "trin"),
            choices_sv=("binär", "linjär", "steg"),
        ),
        Column("Trin", "Trin", "Steg", 18, wrap=True),
        Column(
            "Samling",
            "Samling",
            "Sammanvägning",
            11,
            choices=("vægtet", "alle"),
            choices_sv=("viktad", "alla"),
        ),
        Column("Basis", "Basis", "Basvärde", 10),
        Column("Enhed", "Enhed", "Enhet", 10),
        Column(
            "Indikator",
            "Indikator",
            "Indikator",
            12,
            choices=("andel", "gennemsnit", "median", "maksimum", "antal", "percentil 90"),
            choices_sv=("andel", "genomsnitt", "median", "maximum", "antal", "percentil 90"),
            strict=False,  # any `percentil N` may be typed
        ),
        Column(
            "Frist",
            "Frist",
            "Tidsgräns",
            12,
            choices=("31", "under 31 dage", "3 arbejdsdage", "2 måneder", "følgende måned"),
            choices_sv=("31", "under 31 dagar", "3 arbetsdagar", "2 månader", "följande månad"),
            strict=False,  # suggestions: any number of days, `senest 17-03-2025`, `før …`
        ),
        Column("Udelad", "Udelad", "Utelämna", 9),
        Column("Lokationer", "Lokationer", "Orter", 28, wrap=True),
        Column("Resultat", "Resultat", "Utfall", 12),
        Column("Kilde", "Kilde", "Källa", 28, wrap=True),
        Column("Målopfyldelse", "Målopfyldelse", "Måluppfyllelse", 14, FMT_PCT, output=True),
        Column("Point", "Point", "Poäng", 9, FMT_POINTS, output=True),
        Column("Status", "Status", "Status", 16, output=True),
        Column("Forklaring", "Forklaring", "Förklaring", 60, wrap=True, output=True),
        # Columns most plans leave empty, right of the results so that the usual layout (and
        # every cell reference into it) stays as it was before they were added.
        Column("Udelad periode", "Udelad periode", "Utelämnad period", 26, wrap=True),
        Column(
            "Lokationsberegning",
            "Lokationsberegning",
            "Ortsberäkning",
            14,
            choices=("pr. lokation", "samlet"),
            choices_sv=("per ort", "sammanvägd"),
        ),
        Column("Forudsætning", "Forudsætning", "Förutsättning", 36, wrap=True),
        Column(
            "Forudsætning opfyldt",
            "Forudsætning opfyldt",
            "Förutsättning uppfylld",
            12,
            choices=_YES_NO,
        ),
    ),
    rows=60,
    freeze="B2",
)

MILEPAELE = TableSheet(
    "Milepæle",
    "Milepæle",
    "Milstolpar",
    (
        Column("Mål", "Mål", "Mål", 8, FMT_TEXT),
        Column("Milepæl", "Milepæl", "Vad", 45, wrap=True),
        Column("Hur", "Hvordan", "Hur", 45, wrap=True),
        Column("Ansvarlig", "Ansvarlig", "Vem", 30, wrap=True),
        Column("Frist", "Frist", "När", 16, FMT_DATE),
        Column("Leveret", "Leveret", "Levererat", 13, FMT_DATE, choices=_YES_NO, strict=False),
        Column("Vægt", "Vægt", "Vikt", 8, FMT_WEIGHT),
        Column("Rettidig", "Rettidig", "I tid", 10, output=True),
    ),
    rows=100,
)

SAGSDATA = TableSheet(
    "Sagsdata",
    "Sagsdata",
    "Ärenden",
    (
        Column("Mål", "Mål", "Mål", 8, FMT_TEXT),
        Column("Sag", "Sag", "Ärende", 16, FMT_TEXT),
        Column("Modtaget", "Modtaget", "Mottaget", 12, FMT_DATE),
        Column("Afgjort", "Afgjort", "Avgjort", 12, FMT_DATE),
        Column("Lokation", "Lokation", "Ort", 14),
        Column(
            "Medtages",
            "Medtages",
            "Ingår",
            12,
            choices=("Ja", "Nej", "Som opfyldt"),
            choices_sv=("Ja", "Nej", "Räknas som uppfyllt"),
        ),
        Column("Dage", "Dage", "Dagar", 8),
    ),
    rows=200,
)

RESULTATLOEN = TableSheet(
    "Resultatløn",
    "Resultatløn",
    "Resultatlön",
    (
        Column("Navn", "Navn", "Namn", 24),
        Column("Stilling", "Stilling", "Befattning", 18),
        Column("Grundlag", "Grundlag", "Underlag", 14, FMT_MONEY),
        Column("Maks. pct.", "Maks. pct.", "Max procent", 11, FMT_PCT_INPUT),
        Column("Maks. beløb", "Maks. beløb", "Max belopp", 14, FMT_MONEY),
        Column(
            "Model",
            "Model",
            "Modell",
            10,
            choices=("lineær", "tærskel", "trin"),
            choices_sv=("linjär", "tröskel", "steg"),
        ),
        Column("Tærskel", "Tærskel", "Tröskel", 10, FMT_PCT_INPUT),
        Column("Trin", "Trin", "Steg", 24, wrap=True),
        Column("Skøn", "Skøn", "Justering", 12, FMT_MONEY),
        Column("Begrundelse", "Begrundelse", "Motivering", 40, wrap=True),
        Column("Bortfald", "Bortfald", "Bortfall", 10, choices=_YES_NO),
        Column("Beregnet", "Beregnet", "Beräknad", 14, FMT_MONEY, output=True),
        Column("Udbetaling", "Udbetaling", "Utbetalning", 14, FMT_MONEY, output=True),
        Column("Forklaring", "Forklaring", "Förklaring", 60, wrap=True, output=True),
    ),
    rows=10,
)

OPFOELGNING = TableSheet(
    "Opfølgning",
    "Opfølgning",
    "Uppföljning",
    (
        Column("Nr", "Nr", "Nr", 8, FMT_TEXT),
        Column(
            "Periode",
            "Periode",
            "Period",
            12,
            FMT_TEXT,
            choices=("Q1", "Q2", "Q3", "Q4"),
            strict=False,  # a date may be typed too
        ),
        Column("Resultat", "Resultat", "Utfall", 12),
        Column(
            "Prognose",
            "Prognose",
            "Prognos",
            22,
            choices=("forventes opfyldt", "risiko", "forventes ikke opfyldt", "ukendt"),
            choices_sv=("förväntas uppfyllt", "risk", "förväntas ej uppfyllt", "okänd"),
        ),
        Column("Kommentar", "Kommentar", "Kommentar", 40, wrap=True),
        Column("Status pr. dato", "Status pr. dato", "Status per datum", 12, FMT_PCT, output=True),
        Column(
            "Forventet opfyldelse",
            "Forventet opfyldelse",
            "Förväntad måluppfyllelse",
            13,
            FMT_PCT,
            output=True,
        ),
        Column("Forventning", "Forventning", "Förväntan", 20, output=True),
        Column("Forklaring", "Forklaring", "Förklaring", 60, wrap=True, output=True),
    ),
    rows=100,
)

TABLE_SHEETS = (MAAL, MILEPAELE, SAGSDATA, RESULTATLOEN, OPFOELGNING)

# Plan: (role, Danish label, Swedish label)
PLAN_LABELS = (
    ("Institution", "Institution", "Myndighet"),
    ("Departement", "Departement", "Departement"),
    ("År", "År", "År"),
    ("Titel", "Titel", "Titel"),
    ("Vægtning", "Vægtning", "Viktning"),
    ("Sprog", "Sprog", "Språk"),
    ("Helligdage", "Helligdage", "Helgdagar"),
)
PLAN_ROW = {role: i + 1 for i, (role, _, _) in enumerate(PLAN_LABELS)}

RESULTAT = {"da": "Resultat", "sv": "Resultat"}
VEJLEDNING = {"da": "Vejledning", "sv": "Vägledning"}

# The Vejledning sheet: docs/vejledning.md's ten steps in short. Målscore never reads it.
GUIDE_STEPS: dict[str, tuple[tuple[str, str], ...]] = {
    "da": (
        (
            "Gem skabelonen under et nyt navn",
            "Fx 'Mål- og resultatplan 2026.xlsx'. Kolonner med grøn overskrift og arket "
            "Resultat udfylder Målscore; resten udfylder du.",
        ),
        (
            "Udfyld arket Plan",
            "Institution, departement, år, titel og vægtning: point (kolonnen Vægt er point) "
            "eller ligelig (hvert hovedmål vejer lige meget).",
        ),
        (
            "Skriv målene i arket Mål",
            "Én række pr. mål: Nr (1, 2 …), Område, Mål, Resultatkrav, Vægt og Type. Delmål får "
            "Nr som 1.a og Type delmål på hovedmålet; deres Vægt er en andel af hovedmålets.",
        ),
        (
            "Beskriv, hvordan hvert mål måles",
            "Målværdi (fx 90 % eller 110 dage), Nedre grænse og Skala for delvis opfyldelse, "
            "Trin, Indikator for sagsdata. Se workbooks/README.md for hver type.",
        ),
        (
            "Milepæle og sagsdata",
            "Milepæle med Frist og Leveret i arket Milepæle; sager med Modtaget og Afgjort i "
            "arket Sagsdata (eller en .csv-fil, der nævnes på Plan under Sagsdata).",
        ),
        (
            "Resultatløn",
            "Én række pr. person: Navn, Grundlag, Maks. pct. (eller Maks. beløb) og Model; "
            "Skøn og Begrundelse, hvis der skønnes.",
        ),
        (
            "Skriv årets resultater",
            "Kolonnen Resultat på Mål (fx 88 eller 93,1 %), 'opfyldt'/'delvist' for vurderinger, "
            "og Kilde: hvor tallet kommer fra.",
        ),
        (
            "Beregn",
            "Klik Beregn i fanen Målscore i Excel, kør beregn i xlwings Lite, åbn filen i "
            "programmet Målscore (F9), eller: maalscore beregn FIL.xlsx.",
        ),
        (
            "Læs problemerne, ret og beregn igen",
            "Fejl og advarsler står med ark og celle (i arket Problemer i Excel). Ved fejl "
            "skrives intet. Læs Forklaring på Mål og sammendraget i arket Resultat.",
        ),
        (
            "Tjek og send",
            "Gem, og send projektmappen til departementet (i programmet: Send til "
            "departement). Departementet kontrollerer den med maalscore tjek.",
        ),
    ),
    "sv": (
        (
            "Spara mallen under ett nytt namn",
            "T.ex. 'Mål- och resultatplan 2026.xlsx'. Kolumner med grön rubrik och bladet "
            "Resultat fyller Målscore i; resten fyller du i.",
        ),
        (
            "Fyll i bladet Plan",
            "Myndighet, departement, år, titel och viktning: poäng (kolumnen Vikt är poäng) "
            "eller lika (varje huvudmål väger lika mycket).",
        ),
        (
            "Skriv målen på bladet Mål",
            "En rad per mål: Nr, Verksamhetsområde, Mål, Krav, Vikt och Typ. Delmål får Nr som "
            "1.a och Typ delmål på huvudmålet; deras Vikt är en andel av huvudmålets.",
        ),
        (
            "Beskriv hur varje mål mäts",
            "Målvärde, Nedre gräns och Skala för delvis uppfyllelse, Steg, Indikator för "
            "ärendedata. Se workbooks/README.md för varje typ.",
        ),
        (
            "Milstolpar och ärendedata",
            "Milstolpar med När och Levererat på bladet Milstolpar; ärenden med Mottaget och "
            "Avgjort på bladet Ärenden (eller en .csv-fil som anges på Plan).",
        ),
        (
            "Resultatlön",
            "En rad per person: Namn, Underlag, Max procent (eller Max belopp) och Modell; "
            "Justering och Motivering vid skön.",
        ),
        (
            "Skriv årets utfall",
            "Kolumnen Utfall på Mål, 'uppfyllt'/'delvis' för bedömningar, och Källa.",
        ),
        (
            "Beräkna",
            "Klicka Beregn på fliken Målscore i Excel, kör beregn i xlwings Lite, öppna filen "
            "i programmet Målscore (F9), eller: maalscore beregn FIL.xlsx.",
        ),
        (
            "Läs problemen, rätta och beräkna igen",
            "Fel och varningar visas med blad och cell (på bladet Problem i Excel). Vid fel "
            "skrivs inget. Läs Förklaring på Mål och sammanfattningen på bladet Resultat.",
        ),
        (
            "Kontrollera och skicka",
            "Spara och skicka arbetsboken till departementet (i programmet: Send til "
            "departement). Departementet kontrollerar den med maalscore tjek.",
        ),
    ),
}


def sheet_names(lang: str = "da") -> list[str]:
    """The template's sheet names in order."""
    return [
        "Plan",
        *(table.title(lang) for table in TABLE_SHEETS),
        RESULTAT[lang],
        VEJLEDNING[lang],
    ]


def _letter(index: int) -> str:
    """1 -> A, 27 -> AA."""
    letters = ""
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _check_lang(lang: str) -> str:
    if lang not in ("da", "sv"):
        raise ValueError(f"ukendt sprog: {lang!r} (brug 'da' eller 'sv')")
    return lang


def style_data_rows(ws: Worksheet, table: TableSheet, first: int, last: int) -> None:
    """Give rows `first`..`last` of a table sheet the column's number format, wrap and fill."""
    from openpyxl.styles import Alignment, PatternFill  # type: ignore[import-untyped,unused-ignore]

    out_fill = PatternFill("solid", fgColor=_OUTPUT_CELL_FILL)
    wrap = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")
    for c, col in enumerate(table.columns, start=1):
        for r in range(first, last + 1):
            cell = ws.cell(row=r, column=c)
            cell.number_format = col.fmt
            cell.alignment = wrap if col.wrap else top
            if col.output:
                cell.fill = out_fill


def _table_sheet(ws: Worksheet, table: TableSheet, lang: str) -> None:
    from openpyxl.comments import Comment  # type: ignore[import-untyped,unused-ignore]
    from openpyxl.styles import Alignment, Font, PatternFill  # type: ignore[import-untyped,unused-ignore]
    from openpyxl.worksheet.datavalidation import DataValidation  # type: ignore[import-untyped,unused-ignore]

    note = OUTPUT_NOTE[lang]
    head_fill = PatternFill("solid", fgColor=_HEADER_FILL)
    out_head_fill = PatternFill("solid", fgColor=_OUTPUT_HEADER_FILL)
    bold = Font(bold=True)
    out_bold = Font(bold=True, italic=True, color="375623")
    head_align = Alignment(wrap_text=True, vertical="center")
    last_row = table.rows + 1
    for c, col in enumerate(table.columns, start=1):
        cell = ws.cell(row=1, column=c, value=col.header(lang))
        cell.alignment = head_align
        if col.output:
            cell.font = out_bold
            cell.fill = out_head_fill
            comment = Comment(note, "Målscore")
            comment.width = 160
            comment.height = 40
            cell.comment = comment
        else:
            cell.font = bold
            cell.fill = head_fill
        ws.column_dimensions[_letter(c)].width = col.width
        options = col.options(lang)
        if options:
            dv = DataValidation(
                type="list",
                formula1='"' + ",".join(options) + '"',
                allow_blank=True,
                showErrorMessage=col.strict,
            )
            if col.strict:
                dv.errorTitle = "Ugyldig værdi" if lang == "da" else "Ogiltigt värde"
                dv.error = ("Vælg en af: " if lang == "da" else "Välj en av: ") + ", ".join(options)
            dv.add(f"{_letter(c)}2:{_letter(c)}5000")
            ws.add_data_validation(dv)
    ws.row_dimensions[1].height = 30
    ws.freeze_panes = table.freeze
    style_data_rows(ws, table, 2, last_row)


def _plan_sheet(ws: Worksheet, year: int | None, institution: str | None, lang: str) -> None:
    from openpyxl.styles import Font, PatternFill  # type: ignore[import-untyped,unused-ignore]
    from openpyxl.worksheet.datavalidation import DataValidation  # type: ignore[import-untyped,unused-ignore]

    head_fill = PatternFill("solid", fgColor=_HEADER_FILL)
    values: dict[str, Any] = {
        "Institution": institution,
        "År": year,
        "Vægtning": "poäng" if lang == "sv" else "point",
        "Sprog": lang,
    }
    for row, (role, da, sv) in enumerate(PLAN_LABELS, start=1):
        label = ws.cell(row=row, column=1, value=sv if lang == "sv" else da)
        label.font = Font(bold=True)
        label.fill = head_fill
        ws.cell(row=row, column=2, value=values.get(role))
    ws.cell(row=PLAN_ROW["År"], column=2).number_format = "0"
    ws.column_dimensions["A"].width = 16
    ws.column_dimensions["B"].width = 60
    weighting = ("poäng", "lika") if lang == "sv" else ("point", "ligelig")
    dv = DataValidation(type="list", formula1='"' + ",".join(weighting) + '"', allow_blank=True)
    dv.add(f"B{PLAN_ROW['Vægtning']}")
    ws.add_data_validation(dv)
    dv_lang = DataValidation(type="list", formula1='"da,sv"', allow_blank=True)
    dv_lang.add(f"B{PLAN_ROW['Sprog']}")
    ws.add_data_validation(dv_lang)
    countries = "Sverige,Danmark" if lang == "sv" else "Danmark,Sverige"
    dv_holidays = DataValidation(type="list", formula1=f'"{countries}"', allow_blank=True)
    dv_holidays.add(f"B{PLAN_ROW['Helligdage']}")
    ws.add_data_validation(dv_holidays)
    hints = (
        (
            "Vægtning: point = Vægt-kolonnen på Mål er point; ligelig = 100/N point pr. hovedmål.",
            "Helligdage: hvilke helligdage en frist i arbejdsdage springer over, Danmark "
            "eller Sverige (tom: planens sprog).",
        )
        if lang == "da"
        else (
            "Viktning: poäng = kolumnen Vikt på Mål är poäng; lika = 100/N poäng per huvudmål.",
            "Helgdagar: vilka helgdagar en tidsgräns i arbetsdagar hoppar över "
            "(tom: planens språk).",
        )
    )
    for i, hint in enumerate(hints):
        ws.cell(row=len(PLAN_LABELS) + 2 + i, column=1, value=hint).font = Font(italic=True)


# The Resultat summary's pay table (calc/output.py `summary_rows`) starts with a header row
# "Resultatløn | Beregnet | Udbetaling" whose place depends on the number of areas. Every number
# in columns B:C from that row down is an amount, so a conditional format gives those cells the
# kroner format wherever the table lands: the write-back writes values only and keeps the
# sheet's formatting, and Excel (add-in, Lite) and LibreOffice apply the rule when they show or
# print the sheet.
SUMMARY_ROWS = 60  # rows of the Resultat sheet covered by the format and the print area
SUMMARY_COLS = "D"


def summary_money_rule(lang: str) -> str:
    """The conditional-format formula (for B1, relative rows) that marks the pay table."""
    label, computed = ("Resultatlön", "Beräknad") if lang == "sv" else ("Resultatløn", "Beregnet")
    return f'COUNTIFS($A$1:$A1,"{label}",$B$1:$B1,"{computed}")>0'


def _resultat_sheet(ws: Worksheet, lang: str) -> None:
    from openpyxl.formatting.rule import Rule  # type: ignore[import-untyped,unused-ignore]
    from openpyxl.styles import Font  # type: ignore[import-untyped,unused-ignore]
    from openpyxl.styles.differential import DifferentialStyle  # type: ignore[import-untyped,unused-ignore]
    from openpyxl.styles.numbers import NumberFormat  # type: ignore[import-untyped,unused-ignore]
    from openpyxl.worksheet.properties import PageSetupProperties  # type: ignore[import-untyped,unused-ignore]

    from .output import SUMMARY_PLACEHOLDERS  # the summary replaces exactly these texts

    title, text = SUMMARY_PLACEHOLDERS["sv" if lang == "sv" else "da"]
    ws.cell(row=1, column=1, value=title).font = Font(bold=True, size=14)
    ws.cell(row=2, column=1, value=text).font = Font(italic=True)
    for letter, width in (("A", 36), ("B", 16), ("C", 16), ("D", 20)):
        ws.column_dimensions[letter].width = width
    money = DifferentialStyle(numFmt=NumberFormat(numFmtId=200, formatCode=FMT_MONEY))
    rule = Rule(type="expression", dxf=money, formula=[summary_money_rule(lang)])
    ws.conditional_formatting.add(f"B1:C{SUMMARY_ROWS}", rule)
    # One printed page: portrait A4, scaled to fit one page wide and one tall.
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_setup.orientation = "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 1
    ws.print_area = f"A1:{SUMMARY_COLS}{SUMMARY_ROWS}"


def _guide_sheet(ws: Worksheet, lang: str) -> None:
    """The ten steps, one row each, printable on one page."""
    from openpyxl.styles import Alignment, Font, PatternFill  # type: ignore[import-untyped,unused-ignore]
    from openpyxl.worksheet.properties import PageSetupProperties  # type: ignore[import-untyped,unused-ignore]

    title = (
        "Sådan udfylder og beregner du mål- og resultatplanen"
        if lang == "da"
        else "Så fyller du i och beräknar mål- och resultatplanen"
    )
    ws.cell(row=1, column=1, value=title).font = Font(bold=True, size=14)
    more = (
        "Hele vejledningen med billeder: docs/vejledning.md. Målscore læser ikke dette ark."
        if lang == "da"
        else "Hela vägledningen (på danska, med svensk sammanfattning): docs/vejledning.md."
    )
    ws.cell(row=2, column=1, value=more).font = Font(italic=True)
    head_fill = PatternFill("solid", fgColor=_HEADER_FILL)
    wrap = Alignment(wrap_text=True, vertical="top")
    for c, text in enumerate(
        ("Trin", "Hvad", "Sådan") if lang == "da" else ("Steg", "Vad", "Så här"), 1
    ):
        cell = ws.cell(row=4, column=c, value=text)
        cell.font = Font(bold=True)
        cell.fill = head_fill
    for i, (what, how) in enumerate(GUIDE_STEPS[lang], start=1):
        row = 4 + i
        ws.cell(row=row, column=1, value=i).alignment = wrap
        ws.cell(row=row, column=2, value=what).font = Font(bold=True)
        ws.cell(row=row, column=2).alignment = wrap
        ws.cell(row=row, column=3, value=how).alignment = wrap
        ws.row_dimensions[row].height = 48
    for letter, width in (("A", 6), ("B", 30), ("C", 90)):
        ws.column_dimensions[letter].width = width
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 1


def build_template(
    year: int | None = None, institution: str | None = None, lang: str = "da"
) -> Workbook:
    """An empty standard goal workbook (in Danish, or Swedish with `lang="sv"`)."""
    from openpyxl import Workbook  # type: ignore[import-untyped,unused-ignore]

    lang = _check_lang(lang)
    wb = Workbook()
    plan = wb.active
    plan.title = "Plan"
    _plan_sheet(plan, year, institution, lang)
    for table in TABLE_SHEETS:
        _table_sheet(wb.create_sheet(table.title(lang)), table, lang)
    _resultat_sheet(wb.create_sheet(RESULTAT[lang]), lang)
    # Last, so that the sheets' part names stay as they were (sheet1.xml is Plan), but the
    # sheet a new workbook opens on.
    guide = wb.create_sheet(VEJLEDNING[lang])
    _guide_sheet(guide, lang)
    wb.active = guide
    plan.sheet_view.tabSelected = False

    title = "Mål- og resultatplan" if lang == "da" else "Mål- och resultatplan"
    if institution:
        title += f" – {institution}"
    if year:
        title += f" {year}"
    wb.properties.title = title
    wb.properties.creator = "Målscore"
    wb.properties.lastModifiedBy = "Målscore"
    wb.properties.language = "da-DK" if lang == "da" else "sv-SE"
    return wb


def save_template(
    path: str | PathLike[str],
    year: int | None = None,
    institution: str | None = None,
    lang: str = "da",
) -> None:
    """Write a fresh template to `path`."""
    build_template(year=year, institution=institution, lang=lang).save(str(path))
