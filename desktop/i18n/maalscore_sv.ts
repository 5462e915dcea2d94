<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE" sourcelanguage="da_DK">
<context>
    <name>AgencyModel</name>
    <message>
        <location filename="../departement.py" line="169"/>
        <source>Vurdering</source>
        <translation>Bedömning</translation>
    </message>
    <message>
        <location filename="../departement.py" line="170"/>
        <source>Institution</source>
        <translation>Myndighet</translation>
    </message>
    <message>
        <location filename="../departement.py" line="171"/>
        <source>År</source>
        <translation>År</translation>
    </message>
    <message>
        <location filename="../departement.py" line="172"/>
        <source>Målopfyldelse</source>
        <translation>Måluppfyllelse</translation>
    </message>
    <message>
        <location filename="../departement.py" line="173"/>
        <source>Point</source>
        <translation>Poäng</translation>
    </message>
    <message>
        <location filename="../departement.py" line="174"/>
        <source>Opfyldt / delvist / ikke / mangler</source>
        <translation>Uppfyllda / delvis / ej / saknas</translation>
    </message>
    <message>
        <location filename="../departement.py" line="175"/>
        <source>Resultatløn</source>
        <translation>Resultatlön</translation>
    </message>
    <message>
        <location filename="../departement.py" line="176"/>
        <source>Fil</source>
        <translation>Fil</translation>
    </message>
    <message>
        <location filename="../departement.py" line="177"/>
        <source>Begrundelse</source>
        <translation>Motivering</translation>
    </message>
    <message>
        <location filename="../departement.py" line="208"/>
        <source>%1 af %2</source>
        <translation>%1 av %2</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../app.py" line="86"/>
        <source>Uventet fejl</source>
        <translation>Oväntat fel</translation>
    </message>
    <message>
        <location filename="../app.py" line="88"/>
        <source>Der opstod en uventet fejl. Programmet kører videre, men gem dit arbejde under et nyt navn, hvis du er i tvivl.</source>
        <translation>Ett oväntat fel inträffade. Programmet fortsätter, men spara ditt arbete under ett nytt namn om du är osäker.</translation>
    </message>
</context>
<context>
    <name>BatchDialog</name>
    <message>
        <location filename="../batch.py" line="112"/>
        <source>Flere projektmapper</source>
        <translation>Flera arbetsböcker</translation>
    </message>
    <message>
        <location filename="../batch.py" line="113"/>
        <source>Afbryd</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <location filename="../batch.py" line="114"/>
        <source>&amp;Eksportér …</source>
        <translation>&amp;Exportera …</translation>
    </message>
    <message>
        <location filename="../batch.py" line="117"/>
        <source>Institution</source>
        <translation>Myndighet</translation>
    </message>
    <message>
        <location filename="../batch.py" line="118"/>
        <source>År</source>
        <translation>År</translation>
    </message>
    <message>
        <location filename="../batch.py" line="119"/>
        <source>Målopfyldelse</source>
        <translation>Måluppfyllelse</translation>
    </message>
    <message>
        <location filename="../batch.py" line="120"/>
        <source>Resultatløn</source>
        <translation>Resultatlön</translation>
    </message>
    <message>
        <location filename="../batch.py" line="121"/>
        <source>Problemer</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../batch.py" line="122"/>
        <source>Fil</source>
        <translation>Fil</translation>
    </message>
    <message>
        <location filename="../batch.py" line="127"/>
        <source>Enter eller dobbeltklik åbner projektmappen. Klik på en kolonne for at sortere.</source>
        <translation>Enter eller dubbelklick öppnar arbetsboken. Klicka på en kolumn för att sortera.</translation>
    </message>
    <message>
        <location filename="../batch.py" line="142"/>
        <source>Mappe: %1</source>
        <translation>Mapp: %1</translation>
    </message>
    <message>
        <location filename="../batch.py" line="150"/>
        <source>Mappen indeholder ingen projektmapper (.xlsx).</source>
        <translation>Mappen innehåller inga arbetsböcker (.xlsx).</translation>
    </message>
    <message>
        <location filename="../batch.py" line="155"/>
        <source>Beregner %1 projektmapper …</source>
        <translation>Beräknar %1 arbetsböcker …</translation>
    </message>
    <message>
        <location filename="../batch.py" line="168"/>
        <source>Afbryder …</source>
        <translation>Avbryter …</translation>
    </message>
    <message>
        <location filename="../batch.py" line="178"/>
        <source>Beregner %1 (%2 af %3) …</source>
        <translation>Beräknar %1 (%2 av %3) …</translation>
    </message>
    <message>
        <location filename="../batch.py" line="210"/>
        <source>Afbrudt: %1 af %2 projektmapper er beregnet.</source>
        <translation>Avbrutet: %1 av %2 arbetsböcker är beräknade.</translation>
    </message>
    <message>
        <location filename="../batch.py" line="216"/>
        <source>Færdig: %1 projektmapper er beregnet.</source>
        <translation>Klart: %1 arbetsböcker är beräknade.</translation>
    </message>
    <message>
        <location filename="../batch.py" line="236"/>
        <source>oversigt.csv</source>
        <translation>oversikt.csv</translation>
    </message>
    <message>
        <location filename="../batch.py" line="238"/>
        <source>Eksportér oversigten</source>
        <translation>Exportera översikten</translation>
    </message>
    <message>
        <location filename="../batch.py" line="238"/>
        <source>CSV-fil (*.csv)</source>
        <translation>CSV-fil (*.csv)</translation>
    </message>
    <message>
        <location filename="../batch.py" line="248"/>
        <source>Kan ikke eksportere</source>
        <translation>Kan inte exportera</translation>
    </message>
    <message>
        <location filename="../batch.py" line="259"/>
        <source>Point i alt</source>
        <translation>Poäng totalt</translation>
    </message>
    <message>
        <location filename="../batch.py" line="279"/>
        <source>ingen mål at beregne</source>
        <translation>inga mål att beräkna</translation>
    </message>
    <message>
        <location filename="../batch.py" line="281"/>
        <source>%1 fejl</source>
        <translation>%1 fel</translation>
    </message>
    <message>
        <location filename="../batch.py" line="283"/>
        <source>1 advarsel</source>
        <translation>1 varning</translation>
    </message>
    <message>
        <location filename="../batch.py" line="285"/>
        <source>%1 advarsler</source>
        <translation>%1 varningar</translation>
    </message>
</context>
<context>
    <name>DepartementWindow</name>
    <message>
        <location filename="../departement.py" line="317"/>
        <source>Departement – Målscore</source>
        <translation>Departement – Målscore</translation>
    </message>
    <message>
        <location filename="../departement.py" line="355"/>
        <source>Åbn en mappe, eller træk projektmapper, mapper og gemte e-mails (.eml) hertil. Kilderne ændres aldrig.</source>
        <translation>Öppna en mapp, eller dra arbetsböcker, mappar och sparade e-postmeddelanden (.eml) hit. Källorna ändras aldrig.</translation>
    </message>
    <message>
        <location filename="../departement.py" line="363"/>
        <source>Afbryd</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <location filename="../departement.py" line="376"/>
        <source>Dobbeltklik på en række for at se projektmappen (skrivebeskyttet).</source>
        <translation>Dubbelklicka på en rad för att se arbetsboken (skrivskyddad).</translation>
    </message>
    <message>
        <location filename="../departement.py" line="381"/>
        <source>Åbn &amp;mappe …</source>
        <translation>Öppna &amp;mapp …</translation>
    </message>
    <message>
        <location filename="../departement.py" line="382"/>
        <source>Tilføj &amp;filer …</source>
        <translation>Lägg till &amp;filer …</translation>
    </message>
    <message>
        <location filename="../departement.py" line="383"/>
        <source>&amp;Eksportér oversigt …</source>
        <translation>&amp;Exportera översikt …</translation>
    </message>
    <message>
        <location filename="../departement.py" line="384"/>
        <source>&amp;Ryd</source>
        <translation>&amp;Rensa</translation>
    </message>
    <message>
        <location filename="../departement.py" line="385"/>
        <source>Departement</source>
        <translation>Departement</translation>
    </message>
    <message>
        <location filename="../departement.py" line="407"/>
        <source>Tilføj projektmapper og e-mails</source>
        <translation>Lägg till arbetsböcker och e-post</translation>
    </message>
    <message>
        <location filename="../departement.py" line="409"/>
        <source>Projektmapper og e-mails (*.xlsx *.xlsm *.xls *.xlsb *.eml)</source>
        <translation>Arbetsböcker och e-post (*.xlsx *.xlsm *.xls *.xlsb *.eml)</translation>
    </message>
    <message>
        <location filename="../departement.py" line="428"/>
        <source>Søger efter projektmapper …</source>
        <translation>Söker efter arbetsböcker …</translation>
    </message>
    <message>
        <location filename="../departement.py" line="437"/>
        <source>Afbryder …</source>
        <translation>Avbryter …</translation>
    </message>
    <message>
        <location filename="../departement.py" line="462"/>
        <source>Kontrollerer %1 filer …</source>
        <translation>Kontrollerar %1 filer …</translation>
    </message>
    <message>
        <location filename="../departement.py" line="469"/>
        <source>Kontrolleret %1 af %2 filer …</source>
        <translation>Kontrollerat %1 av %2 filer …</translation>
    </message>
    <message>
        <location filename="../departement.py" line="482"/>
        <source>Afbrudt. %1</source>
        <translation>Avbrutet. %1</translation>
    </message>
    <message>
        <location filename="../departement.py" line="484"/>
        <source>Færdig: %1.</source>
        <translation>Klart: %1.</translation>
    </message>
    <message>
        <location filename="../departement.py" line="484"/>
        <source>ingen</source>
        <translation>inga</translation>
    </message>
    <message>
        <location filename="../departement.py" line="529"/>
        <source>Kan ikke åbne vedhæftningen</source>
        <translation>Kan inte öppna bilagan</translation>
    </message>
    <message>
        <location filename="../departement.py" line="542"/>
        <source>oversigt.xlsx</source>
        <translation>oversikt.xlsx</translation>
    </message>
    <message>
        <location filename="../departement.py" line="543"/>
        <source>Eksportér oversigt</source>
        <translation>Exportera översikt</translation>
    </message>
    <message>
        <location filename="../departement.py" line="544"/>
        <source>Excel-projektmappe (*.xlsx)</source>
        <translation>Excel-arbetsbok (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../departement.py" line="551"/>
        <source>Kan ikke eksportere oversigten</source>
        <translation>Kan inte exportera översikten</translation>
    </message>
    <message>
        <location filename="../departement.py" line="554"/>
        <source>Oversigten er gemt i %1</source>
        <translation>Översikten har sparats i %1</translation>
    </message>
</context>
<context>
    <name>ExplanationPanel</name>
    <message>
        <location filename="../panels.py" line="56"/>
        <source>Vælg et mål i tabellen for at se, hvordan det er beregnet.</source>
        <translation>Välj ett mål i tabellen för att se hur det har beräknats.</translation>
    </message>
    <message>
        <location filename="../panels.py" line="75"/>
        <source>Område</source>
        <translation>Område</translation>
    </message>
    <message>
        <location filename="../panels.py" line="76"/>
        <source>Resultatkrav</source>
        <translation>Resultatkrav</translation>
    </message>
    <message>
        <location filename="../panels.py" line="77"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../panels.py" line="78"/>
        <source>Målværdi</source>
        <translation>Målvärde</translation>
    </message>
    <message>
        <location filename="../panels.py" line="81"/>
        <source>Skala</source>
        <translation>Skala</translation>
    </message>
    <message>
        <location filename="../panels.py" line="83"/>
        <source>Nedre grænse</source>
        <translation>Nedre gräns</translation>
    </message>
    <message>
        <location filename="../panels.py" line="87"/>
        <source>Indikator</source>
        <translation>Indikator</translation>
    </message>
    <message>
        <location filename="../panels.py" line="88"/>
        <source>%1 af sagsdata</source>
        <translation>%1 av ärendedata</translation>
    </message>
    <message>
        <location filename="../panels.py" line="92"/>
        <source>Under mål</source>
        <translation>Under mål</translation>
    </message>
    <message>
        <location filename="../panels.py" line="93"/>
        <source>Resultat</source>
        <translation>Utfall</translation>
    </message>
    <message>
        <location filename="../panels.py" line="96"/>
        <source>Vægt</source>
        <translation>Vikt</translation>
    </message>
    <message>
        <location filename="../panels.py" line="96"/>
        <source>%1 point</source>
        <translation>%1 poäng</translation>
    </message>
    <message>
        <location filename="../panels.py" line="98"/>
        <source>Målopfyldelse</source>
        <translation>Måluppfyllelse</translation>
    </message>
    <message>
        <location filename="../panels.py" line="102"/>
        <source>Point</source>
        <translation>Poäng</translation>
    </message>
    <message>
        <location filename="../panels.py" line="103"/>
        <source>%1 af %2</source>
        <translation>%1 av %2</translation>
    </message>
    <message>
        <location filename="../panels.py" line="109"/>
        <source>opfyldt</source>
        <translation>uppfylld</translation>
    </message>
    <message>
        <location filename="../panels.py" line="109"/>
        <source>ikke opfyldt</source>
        <translation>ej uppfylld</translation>
    </message>
    <message>
        <location filename="../panels.py" line="113"/>
        <source>Forudsætning</source>
        <translation>Förutsättning</translation>
    </message>
    <message>
        <location filename="../panels.py" line="120"/>
        <source>Sidste år</source>
        <translation>Föregående år</translation>
    </message>
    <message>
        <location filename="../panels.py" line="121"/>
        <source>%1 · %2 point</source>
        <translation>%1 · %2 poäng</translation>
    </message>
    <message>
        <location filename="../panels.py" line="127"/>
        <source>Kilde</source>
        <translation>Källa</translation>
    </message>
    <message>
        <location filename="../panels.py" line="131"/>
        <location filename="../panels.py" line="164"/>
        <source>Celle</source>
        <translation>Cell</translation>
    </message>
    <message>
        <location filename="../panels.py" line="146"/>
        <location filename="../panels.py" line="167"/>
        <source>Problemer i denne række</source>
        <translation>Problem på den här raden</translation>
    </message>
    <message>
        <location filename="../panels.py" line="154"/>
        <source>Mål</source>
        <translation>Mål</translation>
    </message>
    <message>
        <location filename="../panels.py" line="158"/>
        <source>Frist</source>
        <translation>Tidsgräns</translation>
    </message>
    <message>
        <location filename="../panels.py" line="159"/>
        <source>Leveret</source>
        <translation>Levererat</translation>
    </message>
    <message>
        <location filename="../panels.py" line="160"/>
        <source>Ansvarlig</source>
        <translation>Ansvarig</translation>
    </message>
    <message>
        <location filename="../panels.py" line="188"/>
        <source>fra milepæle</source>
        <translation>från milstolpar</translation>
    </message>
    <message>
        <location filename="../panels.py" line="190"/>
        <source>fra delmål</source>
        <translation>från delmål</translation>
    </message>
    <message>
        <location filename="../panels.py" line="192"/>
        <source>fra sagsdata</source>
        <translation>från ärendedata</translation>
    </message>
</context>
<context>
    <name>FollowUpMode</name>
    <message>
        <location filename="../followup.py" line="800"/>
        <source>Opfølgningen stoppede med en uventet fejl.</source>
        <translation>Uppföljningen avbröts av ett oväntat fel.</translation>
    </message>
    <message>
        <location filename="../followup.py" line="802"/>
        <source>Uventet fejl</source>
        <translation>Oväntat fel</translation>
    </message>
    <message>
        <location filename="../followup.py" line="803"/>
        <source>Opfølgningen stoppede med en uventet fejl. Dine ændringer er ikke tabt.</source>
        <translation>Uppföljningen avbröts av ett oväntat fel. Dina ändringar har inte gått förlorade.</translation>
    </message>
</context>
<context>
    <name>FollowUpModel</name>
    <message>
        <location filename="../followup.py" line="371"/>
        <source>Nr</source>
        <translation>Nr</translation>
    </message>
    <message>
        <location filename="../followup.py" line="372"/>
        <source>Mål</source>
        <translation>Mål</translation>
    </message>
    <message>
        <location filename="../followup.py" line="373"/>
        <source>Vægt</source>
        <translation>Vikt</translation>
    </message>
    <message>
        <location filename="../followup.py" line="374"/>
        <source>Pr. dato</source>
        <translation>Per datum</translation>
    </message>
    <message>
        <location filename="../followup.py" line="375"/>
        <source>Forventet</source>
        <translation>Förväntad</translation>
    </message>
    <message>
        <location filename="../followup.py" line="376"/>
        <source>Forventning</source>
        <translation>Förväntan</translation>
    </message>
    <message>
        <location filename="../followup.py" line="377"/>
        <source>Sidste år</source>
        <translation>Föregående år</translation>
    </message>
    <message>
        <location filename="../followup.py" line="378"/>
        <source>Kommentar</source>
        <translation>Kommentar</translation>
    </message>
</context>
<context>
    <name>FollowUpView</name>
    <message>
        <location filename="../followup.py" line="621"/>
        <source>Beregner opfølgningen …</source>
        <translation>Beräknar uppföljningen …</translation>
    </message>
    <message>
        <location filename="../followup.py" line="651"/>
        <source>Opfølgningen kan ikke beregnes: %1 fejl – se Problemer.</source>
        <translation>Uppföljningen kan inte beräknas: %1 fel – se Problem.</translation>
    </message>
    <message>
        <location filename="../followup.py" line="661"/>
        <source>Opfølgning pr. %1</source>
        <translation>Uppföljning per %1</translation>
    </message>
    <message>
        <location filename="../followup.py" line="664"/>
        <source>Forventet ved årets udgang: %1–%2 af %3 point (%4–%5)</source>
        <translation>Förväntat vid årets slut: %1–%2 av %3 poäng (%4–%5)</translation>
    </message>
    <message>
        <location filename="../followup.py" line="675"/>
        <source>Resultatløn %1: %2–%3</source>
        <translation>Resultatlön %1: %2–%3</translation>
    </message>
    <message>
        <location filename="../followup.py" line="684"/>
        <source>Sidste år: %1 point</source>
        <translation>Föregående år: %1 poäng</translation>
    </message>
    <message>
        <location filename="../followup.py" line="692"/>
        <source>Projektmappen har intet ark Opfølgning; intet skrives.</source>
        <translation>Arbetsboken har inget blad Uppföljning; inget skrivs.</translation>
    </message>
    <message>
        <location filename="../followup.py" line="732"/>
        <source>Beregnet prognose: %1</source>
        <translation>Beräknad prognos: %1</translation>
    </message>
    <message>
        <location filename="../followup.py" line="736"/>
        <source>Opfølgningens advarsler</source>
        <translation>Uppföljningens varningar</translation>
    </message>
</context>
<context>
    <name>Forecast</name>
    <message>
        <location filename="../followup.py" line="107"/>
        <source>forventes opfyldt</source>
        <translation>förväntas uppfyllt</translation>
    </message>
    <message>
        <location filename="../followup.py" line="108"/>
        <source>risiko</source>
        <translation>risk</translation>
    </message>
    <message>
        <location filename="../followup.py" line="109"/>
        <source>forventes ikke opfyldt</source>
        <translation>förväntas ej uppfyllt</translation>
    </message>
    <message>
        <location filename="../followup.py" line="110"/>
        <source>ukendt</source>
        <translation>okänd</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <location filename="../style.py" line="99"/>
        <location filename="../style.py" line="104"/>
        <source>%d-%m-%Y</source>
        <translation>%Y-%m-%d</translation>
    </message>
</context>
<context>
    <name>GoalTableModel</name>
    <message>
        <location filename="../goalmodel.py" line="141"/>
        <source>Nr</source>
        <translation>Nr</translation>
    </message>
    <message>
        <location filename="../goalmodel.py" line="142"/>
        <source>Mål</source>
        <translation>Mål</translation>
    </message>
    <message>
        <location filename="../goalmodel.py" line="143"/>
        <source>Vægt</source>
        <translation>Vikt</translation>
    </message>
    <message>
        <location filename="../goalmodel.py" line="144"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../goalmodel.py" line="145"/>
        <source>Målværdi</source>
        <translation>Målvärde</translation>
    </message>
    <message>
        <location filename="../goalmodel.py" line="146"/>
        <source>Resultat</source>
        <translation>Utfall</translation>
    </message>
    <message>
        <location filename="../goalmodel.py" line="147"/>
        <source>Opfyldelse</source>
        <translation>Uppfyllelse</translation>
    </message>
    <message>
        <location filename="../goalmodel.py" line="148"/>
        <source>Point</source>
        <translation>Poäng</translation>
    </message>
    <message>
        <location filename="../goalmodel.py" line="149"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../goalmodel.py" line="193"/>
        <source>(uden område)</source>
        <translation>(utan område)</translation>
    </message>
    <message>
        <location filename="../goalmodel.py" line="292"/>
        <location filename="../goalmodel.py" line="350"/>
        <source>(tom)</source>
        <translation>(tom)</translation>
    </message>
    <message>
        <location filename="../goalmodel.py" line="301"/>
        <source>fra delmål</source>
        <translation>från delmål</translation>
    </message>
    <message>
        <location filename="../goalmodel.py" line="303"/>
        <source>fra milepæle</source>
        <translation>från milstolpar</translation>
    </message>
    <message>
        <location filename="../goalmodel.py" line="309"/>
        <source>fra sagsdata</source>
        <translation>från ärendedata</translation>
    </message>
    <message>
        <location filename="../goalmodel.py" line="336"/>
        <source>milepæl</source>
        <translation>milstolpe</translation>
    </message>
    <message>
        <location filename="../goalmodel.py" line="357"/>
        <source>Ukendt frist</source>
        <translation>Okänd tidsgräns</translation>
    </message>
    <message>
        <location filename="../goalmodel.py" line="359"/>
        <source>Ikke leveret</source>
        <translation>Ej levererad</translation>
    </message>
    <message>
        <location filename="../goalmodel.py" line="361"/>
        <source>Rettidig</source>
        <translation>I tid</translation>
    </message>
    <message>
        <location filename="../goalmodel.py" line="363"/>
        <source>Ikke rettidig</source>
        <translation>Ej i tid</translation>
    </message>
    <message>
        <location filename="../goalmodel.py" line="470"/>
        <source>Ændret – ikke gemt</source>
        <translation>Ändrad – inte sparad</translation>
    </message>
    <message>
        <location filename="../goalmodel.py" line="474"/>
        <source>Dobbeltklik eller tryk F2 for at rette cellen</source>
        <translation>Dubbelklicka eller tryck F2 för att ändra cellen</translation>
    </message>
    <message>
        <location filename="../goalmodel.py" line="484"/>
        <source>Leveret</source>
        <translation>Levererat</translation>
    </message>
    <message>
        <location filename="../goalmodel.py" line="486"/>
        <location filename="../goalmodel.py" line="488"/>
        <source>%1 for %2</source>
        <translation>%1 för %2</translation>
    </message>
</context>
<context>
    <name>GoalType</name>
    <message>
        <location filename="../goalmodel.py" line="116"/>
        <source>ja/nej</source>
        <translation>ja/nej</translation>
    </message>
    <message>
        <location filename="../goalmodel.py" line="117"/>
        <source>mindst</source>
        <translation>minst</translation>
    </message>
    <message>
        <location filename="../goalmodel.py" line="118"/>
        <source>højst</source>
        <translation>högst</translation>
    </message>
    <message>
        <location filename="../goalmodel.py" line="119"/>
        <source>interval</source>
        <translation>intervall</translation>
    </message>
    <message>
        <location filename="../goalmodel.py" line="120"/>
        <source>reduktion</source>
        <translation>minskning</translation>
    </message>
    <message>
        <location filename="../goalmodel.py" line="121"/>
        <source>stigning</source>
        <translation>ökning</translation>
    </message>
    <message>
        <location filename="../goalmodel.py" line="122"/>
        <source>milepæle</source>
        <translation>milstolpar</translation>
    </message>
    <message>
        <location filename="../goalmodel.py" line="123"/>
        <source>vurdering</source>
        <translation>bedömning</translation>
    </message>
    <message>
        <location filename="../goalmodel.py" line="124"/>
        <source>delmål</source>
        <translation>delmål</translation>
    </message>
    <message>
        <location filename="../goalmodel.py" line="125" />
        <source>afvigelse</source>
        <translation>avvikelse</translation>
    </message>
</context>
<context>
    <name>Loading</name>
    <message>
        <location filename="../loading.py" line="45"/>
        <source>Læser %1 og dens sagsdata …</source>
        <translation>Läser %1 och dess ärendedata …</translation>
    </message>
    <message>
        <location filename="../loading.py" line="46"/>
        <source>Annullér</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <location filename="../loading.py" line="48"/>
        <source>Åbner projektmappe</source>
        <translation>Öppnar arbetsbok</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../mainwindow.py" line="584"/>
        <source>Kan ikke åbne projektmappen</source>
        <translation>Kan inte öppna arbetsboken</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="585"/>
        <source>&apos;%1&apos; kan ikke åbnes.</source>
        <translation>&apos;%1&apos; kan inte öppnas.</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="646"/>
        <source>(ingen)</source>
        <translation>(inga)</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="785"/>
        <source>Beregner …</source>
        <translation>Beräknar …</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="803"/>
        <source>Uventet fejl</source>
        <translation>Oväntat fel</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="804"/>
        <source>Beregningen stoppede med en uventet fejl. Dine ændringer er ikke tabt.</source>
        <translation>Beräkningen stoppade med ett oväntat fel. Dina ändringar har inte gått förlorade.</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="845"/>
        <source>Ingen projektmappe åben</source>
        <translation>Ingen arbetsbok öppen</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="847"/>
        <source>Åbn en projektmappe med Ctrl+O, eller træk den ind i vinduet.</source>
        <translation>Öppna en arbetsbok med Ctrl+O, eller dra in den i fönstret.</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="866"/>
        <source>Målopfyldelse %1 · %2 af %3 point</source>
        <translation>Måluppfyllelse %1 · %2 av %3 poäng</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="888"/>
        <source>Beregnet %1</source>
        <translation>Beräknad %1</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="895"/>
        <source>%1 ændrede celler er ikke gemt</source>
        <translation>%1 ändrade celler är inte sparade</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="906"/>
        <source>Problemer (%1 fejl, 1 advarsel)</source>
        <translation>Problem (%1 fel, 1 varning)</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="908"/>
        <source>Problemer (%1 fejl, %2 advarsler)</source>
        <translation>Problem (%1 fel, %2 varningar)</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="961"/>
        <source>%1!%2 vises ikke i tabellen; åbn projektmappen i Excel for at rette den.</source>
        <translation>%1!%2 visas inte i tabellen; öppna arbetsboken i Excel för att rätta den.</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="1007"/>
        <source>Et skøn over resultatlønnen kræver en skriftlig begrundelse. Skriv begrundelsen for %1 i fanen Resultatløn, og prøv igen.</source>
        <translation>En justering av resultatlönen kräver en skriftlig motivering. Skriv motiveringen för %1 under fliken Resultatlön och försök igen.</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="1016"/>
        <source>Intet er gemt.</source>
        <translation>Inget har sparats.</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="1026"/>
        <source>Gem projektmappen som</source>
        <translation>Spara arbetsboken som</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="1026"/>
        <source>Excel-projektmappe (*.xlsx)</source>
        <translation>Excel-arbetsbok (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="1047"/>
        <location filename="../mainwindow.py" line="1058"/>
        <location filename="../mainwindow.py" line="1065"/>
        <source>Kan ikke gemme</source>
        <translation>Kan inte spara</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="1059"/>
        <source>Projektmappen blev ikke gemt; filen er uændret.</source>
        <translation>Arbetsboken sparades inte; filen är oförändrad.</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="1071"/>
        <source>Gemt i %1</source>
        <translation>Sparad i %1</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="711"/>
        <location filename="../mainwindow.py" line="740"/>
        <source>Kan ikke genindlæse</source>
        <translation>Kan inte läsa in igen</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="400"/>
        <source>&amp;Åbn …</source>
        <translation>&amp;Öppna …</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="401"/>
        <source>Åbn &amp;mappe …</source>
        <translation>Öppna &amp;mapp …</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="402"/>
        <source>&amp;Gem</source>
        <translation>&amp;Spara</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="403"/>
        <source>Gem &amp;som …</source>
        <translation>Spara &amp;som …</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="404"/>
        <source>&amp;Beregn</source>
        <translation>&amp;Beräkna</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="405"/>
        <source>&amp;Eksportér rapport …</source>
        <translation>&amp;Exportera rapport …</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="406"/>
        <source>Send til &amp;departement …</source>
        <translation>Skicka till &amp;departementet …</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="407"/>
        <source>&amp;Departement …</source>
        <translation>&amp;Departement …</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="408"/>
        <source>&amp;Afslut</source>
        <translation>&amp;Avsluta</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="409"/>
        <source>&amp;Næste fane</source>
        <translation>&amp;Nästa flik</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="410"/>
        <source>Forrige &amp;fane</source>
        <translation>Föregående &amp;flik</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="411"/>
        <source>Gå til &amp;problemer</source>
        <translation>Gå till &amp;problem</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="412"/>
        <source>&amp;Forklaring</source>
        <translation>&amp;Förklaring</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="413"/>
        <source>&amp;Om Målscore</source>
        <translation>&amp;Om Målscore</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="414"/>
        <source>Fortryd</source>
        <translation>Ångra</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="415"/>
        <source>Gentag</source>
        <translation>Gör om</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="419"/>
        <source>Beregn igen (F9 eller F5); en ændret fil læses først</source>
        <translation>Beräkna igen (F9 eller F5); en ändrad fil läses in först</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="420"/>
        <source>Problem&amp;liste</source>
        <translation>Problem&amp;lista</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="422"/>
        <source>&amp;Filer</source>
        <translation>&amp;Arkiv</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="423"/>
        <source>&amp;Rediger</source>
        <translation>&amp;Redigera</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="424"/>
        <source>&amp;Beregning</source>
        <translation>&amp;Beräkning</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="425"/>
        <source>&amp;Vis</source>
        <translation>&amp;Visa</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="426"/>
        <source>&amp;Hjælp</source>
        <translation>&amp;Hjälp</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="430"/>
        <source>Seneste &amp;filer</source>
        <translation>Senaste &amp;filer</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="431"/>
        <source>&amp;Sprog</source>
        <translation>&amp;Språk</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="432"/>
        <source>Værktøjslinje</source>
        <translation>Verktygsfält</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="435"/>
        <source>&amp;Mål</source>
        <translation>&amp;Mål</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="435"/>
        <source>&amp;Oversigt</source>
        <translation>&amp;Översikt</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="435"/>
        <source>Resultat&amp;løn</source>
        <translation>Resultat&amp;lön</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="469"/>
        <source>&amp;Fortryd %1</source>
        <translation>&amp;Ångra %1</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="470"/>
        <source>Fortryd %1</source>
        <translation>Ångra %1</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="473"/>
        <source>&amp;Gentag %1</source>
        <translation>&amp;Gör om %1</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="474"/>
        <source>Gentag %1</source>
        <translation>Gör om %1</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="676"/>
        <source>&apos;%1&apos; er flyttet eller slettet. Brug Gem som … for at gemme.</source>
        <translation>&apos;%1&apos; har flyttats eller tagits bort. Använd Spara som … för att spara.</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="685"/>
        <source>&apos;%1&apos; er ændret på disken og er indlæst igen.</source>
        <translation>&apos;%1&apos; har ändrats på disken och är inläst igen.</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="720"/>
        <source>%1: din ændring %2 er erstattet af filens nye værdi %3</source>
        <translation>%1: din ändring %2 har ersatts av filens nya värde %3</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="727"/>
        <source>Filen er indlæst igen</source>
        <translation>Filen är inläst igen</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="728"/>
        <source>Filen var også ændret i de celler, du havde rettet:</source>
        <translation>Filen hade också ändrats i cellerna som du hade ändrat:</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="755"/>
        <source>Projektmappen er åbnet skrivebeskyttet og kan ikke rettes her.</source>
        <translation>Arbetsboken är öppnad skrivskyddad och kan inte ändras här.</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="771"/>
        <source>ændring af %1</source>
        <translation>ändring av %1</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="771"/>
        <source>ændring</source>
        <translation>ändring</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="859"/>
        <source>skrivebeskyttet: tallene er Målscores nye beregning</source>
        <translation>skrivskyddad: siffrorna är Målscores nya beräkning</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="876"/>
        <source>sidste år %1</source>
        <translation>föregående år %1</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="880"/>
        <source>I alt afventer rettelse af %1 fejl – se Problemer (F8)</source>
        <translation>Totalen inväntar rättelse av %1 fel – se Problem (F8)</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="885"/>
        <source>Kan ikke beregnes – se Problemer (F8)</source>
        <translation>Kan inte beräknas – se Problem (F8)</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="893"/>
        <source>1 ændret celle er ikke gemt</source>
        <translation>1 ändrad cell är inte sparad</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="898"/>
        <source>%1 fejl – kan ikke gemmes</source>
        <translation>%1 fel – kan inte sparas</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="900"/>
        <source>filen er ændret på disken – F9 indlæser den</source>
        <translation>filen har ändrats på disken – F9 läser in den</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="921"/>
        <source>(skrivebeskyttet)</source>
        <translation>(skrivskyddad)</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="1013"/>
        <source>Projektmappen har %1 fejl. Ret dem (se listen Problemer, F8), og prøv igen.</source>
        <translation>Arbetsboken har %1 fel. Rätta dem (se listan Problem, F8) och försök igen.</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="1049"/>
        <source>&apos;%1&apos; findes ikke længere. Brug Gem som … for at gemme et andet sted.</source>
        <translation>&apos;%1&apos; finns inte längre. Använd Spara som … för att spara någon annanstans.</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="1123"/>
        <source>Eksportér rapport</source>
        <translation>Exportera rapport</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="1137"/>
        <source>Kan ikke skrive rapporten</source>
        <translation>Kan inte skriva rapporten</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="1139"/>
        <source>Rapport gemt i %1</source>
        <translation>Rapporten sparad i %1</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="1163"/>
        <source>Kan ikke sende</source>
        <translation>Kan inte skicka</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="1182"/>
        <source>&apos;%1&apos; er ikke én e-mailadresse (fx post@fm.dk).</source>
        <translation>&apos;%1&apos; är inte en e-postadress (t.ex. registrator@fi.se).</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="1203"/>
        <source>Kan ikke lave e-mailen</source>
        <translation>Kan inte skapa e-postmeddelandet</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="1213"/>
        <source>E-mailen er gemt her:
%1

Rapporten: %2
Projektmappen: %3</source>
        <translation>E-postmeddelandet är sparat här:
%1

Rapporten: %2
Arbetsboken: %3</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="1221"/>
        <source>Udkastet er sendt til dit mailprogram. Kontrollér det, og tryk Send. Åbner det ikke, så åbn filen herunder.</source>
        <translation>Utkastet har skickats till ditt e-postprogram. Kontrollera det och tryck Skicka. Öppnas det inte, öppna filen nedan.</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="1233"/>
        <source>departementet</source>
        <translation>departementet</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="1237"/>
        <source>E-mail gemt i %1</source>
        <translation>E-post sparad i %1</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="1206"/>
        <location filename="../mainwindow.py" line="1238"/>
        <source>Send til departement</source>
        <translation>Skicka till departementet</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="1124"/>
        <source>PDF-dokument (*.pdf);;Word-dokument (*.docx)</source>
        <translation>PDF-dokument (*.pdf);;Word-dokument (*.docx)</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="1130"/>
        <source>Kan ikke lave rapporten</source>
        <translation>Kan inte skapa rapporten</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="1230"/>
        <source>Der er intet mailprogram, der kan åbne udkastet. Åbn e-mailfilen herunder i dit mailprogram (fx ved at trække den ind i det), og send den til %1: den har projektmappen, som den skal sendes, og rapporten med.</source>
        <translation>Det finns inget e-postprogram som kan öppna utkastet. Öppna e-postfilen nedan i ditt e-postprogram (t.ex. genom att dra in den), och skicka den till %1: den har arbetsboken, så som den ska skickas, och rapporten med.</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="1259"/>
        <source>Om Målscore</source>
        <translation>Om Målscore</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="1261"/>
        <source>Målscore %1

Beregner målopfyldelse, point og resultatløn i en mål- og resultatplan. Alle tal beregnes af Målscores kerne og kan forklares mål for mål.</source>
        <translation>Målscore %1

Beräknar måluppfyllelse, poäng och resultatlön i en mål- och resultatplan. Alla tal beräknas av Målscores kärna och kan förklaras mål för mål.</translation>
    </message>
</context>
<context>
    <name>NewYearAction</name>
    <message>
        <location filename="../newyear.py" line="146"/>
        <source>&amp;Nyt år …</source>
        <translation>&amp;Nytt år …</translation>
    </message>
    <message>
        <location filename="../newyear.py" line="148"/>
        <source>Lav næste års plan ud fra den åbne</source>
        <translation>Gör nästa års plan utifrån den öppna</translation>
    </message>
    <message>
        <location filename="../newyear.py" line="172"/>
        <source>Laver næste års plan …</source>
        <translation>Gör nästa års plan …</translation>
    </message>
    <message>
        <location filename="../newyear.py" line="183"/>
        <location filename="../newyear.py" line="197"/>
        <location filename="../newyear.py" line="205"/>
        <source>Nyt år</source>
        <translation>Nytt år</translation>
    </message>
    <message>
        <location filename="../newyear.py" line="184"/>
        <source>Projektmappen har fejl, så næste års plan er ikke lavet. Ret dem først.</source>
        <translation>Arbetsboken har fel, så nästa års plan har inte gjorts. Rätta dem först.</translation>
    </message>
    <message>
        <location filename="../newyear.py" line="190"/>
        <source>Planen for %1 er gemt i %2.</source>
        <translation>Planen för %1 är sparad i %2.</translation>
    </message>
    <message>
        <location filename="../newyear.py" line="196"/>
        <source>Se efter:</source>
        <translation>Kontrollera:</translation>
    </message>
    <message>
        <location filename="../newyear.py" line="206"/>
        <source>Næste års plan kunne ikke laves på grund af en uventet fejl.</source>
        <translation>Nästa års plan kunde inte göras på grund av ett oväntat fel.</translation>
    </message>
</context>
<context>
    <name>NewYearDialog</name>
    <message>
        <location filename="../newyear.py" line="62"/>
        <source>Nyt år</source>
        <translation>Nytt år</translation>
    </message>
    <message>
        <location filename="../newyear.py" line="68"/>
        <source>Flyt fristerne ét år frem (29. februar bliver 28. februar)</source>
        <translation>Flytta tidsgränserna ett år framåt (29 februari blir 28 februari)</translation>
    </message>
    <message>
        <location filename="../newyear.py" line="71"/>
        <source>Åbn den nye plan bagefter</source>
        <translation>Öppna den nya planen efteråt</translation>
    </message>
    <message>
        <location filename="../newyear.py" line="74"/>
        <source>Vælg …</source>
        <translation>Välj …</translation>
    </message>
    <message>
        <location filename="../newyear.py" line="80"/>
        <source>&amp;År:</source>
        <translation>&amp;År:</translation>
    </message>
    <message>
        <location filename="../newyear.py" line="81"/>
        <source>&amp;Ny fil:</source>
        <translation>&amp;Ny fil:</translation>
    </message>
    <message>
        <location filename="../newyear.py" line="93"/>
        <source>Gem næste års plan som</source>
        <translation>Spara nästa års plan som</translation>
    </message>
    <message>
        <location filename="../newyear.py" line="94"/>
        <source>Excel-projektmappe (*.xlsx)</source>
        <translation>Excel-arbetsbok (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>PayPanel</name>
    <message>
        <location filename="../paypanel.py" line="260"/>
        <source>Skøn skrives i kroner (fx -5.000 kr.) eller i procentpoint af maksimum (fx -10 %). Et skøn kræver altid en skriftlig begrundelse.</source>
        <translation>Justering skrivs i kronor (t.ex. -5 000 kr) eller i procentenheter av maximum (t.ex. -10 %). En justering kräver alltid en skriftlig motivering.</translation>
    </message>
</context>
<context>
    <name>PayTableModel</name>
    <message>
        <location filename="../paypanel.py" line="64"/>
        <source>Navn</source>
        <translation>Namn</translation>
    </message>
    <message>
        <location filename="../paypanel.py" line="65"/>
        <source>Stilling</source>
        <translation>Befattning</translation>
    </message>
    <message>
        <location filename="../paypanel.py" line="66"/>
        <source>Maksimum</source>
        <translation>Maximum</translation>
    </message>
    <message>
        <location filename="../paypanel.py" line="67"/>
        <source>Beregnet</source>
        <translation>Beräknad</translation>
    </message>
    <message>
        <location filename="../paypanel.py" line="68"/>
        <source>Skøn</source>
        <translation>Justering</translation>
    </message>
    <message>
        <location filename="../paypanel.py" line="69"/>
        <source>Begrundelse</source>
        <translation>Motivering</translation>
    </message>
    <message>
        <location filename="../paypanel.py" line="70"/>
        <source>Bortfald</source>
        <translation>Bortfall</translation>
    </message>
    <message>
        <location filename="../paypanel.py" line="71"/>
        <source>Udbetaling</source>
        <translation>Utbetalning</translation>
    </message>
    <message>
        <location filename="../paypanel.py" line="172"/>
        <source>Et skøn eller bortfald kræver en skriftlig begrundelse.</source>
        <translation>En justering eller ett bortfall kräver en skriftlig motivering.</translation>
    </message>
    <message>
        <location filename="../paypanel.py" line="174"/>
        <source>Ændret – ikke gemt</source>
        <translation>Ändrad – inte sparad</translation>
    </message>
    <message>
        <location filename="../paypanel.py" line="195"/>
        <source>afventer rettelse</source>
        <translation>inväntar rättelse</translation>
    </message>
    <message>
        <location filename="../paypanel.py" line="199"/>
        <source>Ja</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location filename="../paypanel.py" line="202"/>
        <source>(mangler – skal udfyldes)</source>
        <translation>(saknas – måste fyllas i)</translation>
    </message>
    <message>
        <location filename="../paypanel.py" line="214"/>
        <source>%1 for %2</source>
        <translation>%1 för %2</translation>
    </message>
</context>
<context>
    <name>PeriodSelector</name>
    <message>
        <location filename="../followup.py" line="302"/>
        <source>År (årsresultat)</source>
        <translation>År (årsresultat)</translation>
    </message>
    <message>
        <location filename="../followup.py" line="301"/>
        <source>Opfølgning Q%1</source>
        <translation>Uppföljning K%1</translation>
    </message>
    <message>
        <location filename="../followup.py" line="302"/>
        <source>Opfølgning pr. dato</source>
        <translation>Uppföljning per datum</translation>
    </message>
    <message>
        <location filename="../followup.py" line="305"/>
        <source>Periode</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../followup.py" line="306"/>
        <source>Opfølgningsdato</source>
        <translation>Uppföljningsdatum</translation>
    </message>
    <message>
        <location filename="../followup.py" line="308"/>
        <source>&amp;Periode:</source>
        <translation>&amp;Period:</translation>
    </message>
</context>
<context>
    <name>PointsChart</name>
    <message>
        <location filename="../summary.py" line="85"/>
        <source>afventer rettelse</source>
        <translation>inväntar rättelse</translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <location filename="../panels.py" line="272"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../panels.py" line="272"/>
        <source>Celle</source>
        <translation>Cell</translation>
    </message>
    <message>
        <location filename="../panels.py" line="272"/>
        <source>Besked</source>
        <translation>Meddelande</translation>
    </message>
    <message>
        <location filename="../panels.py" line="291"/>
        <source>Fejl</source>
        <translation>Fel</translation>
    </message>
    <message>
        <location filename="../panels.py" line="291"/>
        <source>Advarsel</source>
        <translation>Varning</translation>
    </message>
    <message>
        <location filename="../panels.py" line="291"/>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <location filename="../panels.py" line="306"/>
        <source>Ingen problemer i projektmappen.</source>
        <translation>Inga problem i arbetsboken.</translation>
    </message>
    <message>
        <location filename="../panels.py" line="309"/>
        <source>Ingen fejl eller advarsler. Til orientering: %1</source>
        <translation>Inga fel eller varningar. För kännedom: %1</translation>
    </message>
    <message>
        <location filename="../panels.py" line="313"/>
        <source>%1 fejl og %2 advarsler. Tryk Enter på en række for at gå til cellen.</source>
        <translation>%1 fel och %2 varningar. Tryck Enter på en rad för att gå till cellen.</translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <location filename="../dialogs.py" line="88"/>
        <location filename="../dialogs.py" line="118"/>
        <source>Filen er ændret</source>
        <translation>Filen har ändrats</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="90"/>
        <source>&apos;%1&apos; er ændret på disken, siden du åbnede den (måske i Excel).</source>
        <translation>&apos;%1&apos; har ändrats på disken sedan du öppnade den (kanske i Excel).</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="194"/>
        <source>Overskriv</source>
        <translation>Skriv över</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="103"/>
        <location filename="../dialogs.py" line="136"/>
        <source>Genindlæs</source>
        <translation>Läs in igen</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="96"/>
        <source>Genindlæs: hent filens nye indhold og læg dine ændringer ovenpå; intet gemmes endnu, så du kan se de nye tal først.
Gem alligevel: det samme, og gem så med det samme. Resultaterne beregnes ud fra filens nye indhold plus dine ændringer.
Annuller: gør ingenting.</source>
        <translation>Läs in igen: hämta filens nya innehåll och lägg dina ändringar ovanpå; inget sparas ännu, så att du kan se de nya siffrorna först.
Spara ändå: samma sak, och spara sedan direkt. Resultaten beräknas från filens nya innehåll plus dina ändringar.
Avbryt: gör ingenting.</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="104"/>
        <source>Gem alligevel</source>
        <translation>Spara ändå</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="105"/>
        <location filename="../dialogs.py" line="159"/>
        <location filename="../dialogs.py" line="195"/>
        <location filename="../dialogs.py" line="227"/>
        <source>Annuller</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="120"/>
        <source>&apos;%1&apos; er ændret på disken (måske i Excel).</source>
        <translation>&apos;%1&apos; har ändrats på disken (kanske i Excel).</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="123"/>
        <source>Du har 1 ændring, der ikke er gemt.</source>
        <translation>Du har 1 ändring som inte är sparad.</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="125"/>
        <source>Du har %1 ændringer, der ikke er gemt.</source>
        <translation>Du har %1 ändringar som inte är sparade.</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="130"/>
        <source>Genindlæs: hent filens nye indhold og behold dine ændringer ovenpå (hvor filen ikke selv er ændret i samme celle).
Genindlæs og kassér: hent filens nye indhold og kassér dine ændringer.
Senere: behold skærmen som den er; du bliver spurgt igen, når du gemmer.</source>
        <translation>Läs in igen: hämta filens nya innehåll och behåll dina ändringar ovanpå (där filen inte själv har ändrats i samma cell).
Läs in och kasta: hämta filens nya innehåll och kasta dina ändringar.
Senare: behåll skärmen som den är; du tillfrågas igen när du sparar.</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="138"/>
        <source>Genindlæs og kassér</source>
        <translation>Läs in och kasta</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="140"/>
        <source>Senere</source>
        <translation>Senare</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="155"/>
        <source>Ikke gemte ændringer</source>
        <translation>Osparade ändringar</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="156"/>
        <source>Vil du gemme ændringerne i &apos;%1&apos;?</source>
        <translation>Vill du spara ändringarna i &apos;%1&apos;?</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="157"/>
        <location filename="../dialogs.py" line="226"/>
        <source>Gem</source>
        <translation>Spara</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="158"/>
        <source>Gem ikke</source>
        <translation>Spara inte</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="185"/>
        <source>Filen findes allerede</source>
        <translation>Filen finns redan</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="187"/>
        <source>Der ligger allerede en tidligere rapport:
%1</source>
        <translation>Det finns redan en tidigare rapport:
%1</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="190"/>
        <source>Nyt navn: gem den nye ved siden af, fx &apos;… (2).pdf&apos;. Den gamle bliver liggende.</source>
        <translation>Nytt namn: spara den nya bredvid, t.ex. &apos;… (2).pdf&apos;. Den gamla ligger kvar.</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="193"/>
        <source>Nyt navn</source>
        <translation>Nytt namn</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="218"/>
        <source>Gem først</source>
        <translation>Spara först</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="221"/>
        <source>&apos;%1&apos; er ikke gemt med Målscores beregning, så departementet kan ikke kontrollere tallene. Gem projektmappen med resultaterne nu?</source>
        <translation>&apos;%1&apos; är inte sparad med Målscores beräkning, så departementet kan inte kontrollera siffrorna. Spara arbetsboken med resultaten nu?</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="237"/>
        <source>Adgangskoden til projektmappen:

%1</source>
        <translation>Lösenordet till arbetsboken:

%1</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="240"/>
        <source>Skriv den ned nu: den vises kun denne ene gang og står ikke i e-mailen. Giv den til modtageren ad en anden vej, fx pr. telefon eller sms.</source>
        <translation>Skriv ner det nu: det visas bara denna enda gång och står inte i e-postmeddelandet. Ge det till mottagaren på annat sätt, t.ex. per telefon eller sms.</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="254"/>
        <source>Åbn mappen</source>
        <translation>Öppna mappen</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="265"/>
        <source>Åbn projektmappe</source>
        <translation>Öppna arbetsbok</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="267"/>
        <source>Excel-projektmapper (*.xlsx *.xlsm)</source>
        <translation>Excel-arbetsböcker (*.xlsx *.xlsm)</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="283"/>
        <source>Vælg en mappe med projektmapper</source>
        <translation>Välj en mapp med arbetsböcker</translation>
    </message>
</context>
<context>
    <name>ResultDelegate</name>
    <message>
        <location filename="../goalmodel.py" line="590"/>
        <source>dd-mm-åååå eller Ja/Nej</source>
        <translation>åååå-mm-dd eller Ja/Nej</translation>
    </message>
    <message>
        <location filename="../goalmodel.py" line="592"/>
        <source>point, fx 10 eller 2,5</source>
        <translation>poäng, t.ex. 10 eller 2,5</translation>
    </message>
    <message>
        <location filename="../goalmodel.py" line="594"/>
        <source>fx 85 %, 30 eller 3-5</source>
        <translation>t.ex. 85 %, 30 eller 3-5</translation>
    </message>
    <message>
        <location filename="../goalmodel.py" line="596"/>
        <source>fx 96,4 eller 2.134</source>
        <translation>t.ex. 96,4 eller 2 134</translation>
    </message>
</context>
<context>
    <name>Scale</name>
    <message>
        <location filename="../panels.py" line="176"/>
        <source>binær</source>
        <translation>binär</translation>
    </message>
    <message>
        <location filename="../panels.py" line="177"/>
        <source>lineær</source>
        <translation>linjär</translation>
    </message>
    <message>
        <location filename="../panels.py" line="178"/>
        <source>trin</source>
        <translation>steg</translation>
    </message>
</context>
<context>
    <name>SendDialog</name>
    <message>
        <location filename="../dialogs.py" line="299"/>
        <source>Send til departement</source>
        <translation>Skicka till departementet</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="303"/>
        <source>fx post@fm.dk</source>
        <translation>t.ex. registrator@fi.se</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="307"/>
        <source>Navn
Stilling
Institution, telefon</source>
        <translation>Namn
Befattning
Myndighet, telefon</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="310"/>
        <source>Send en &amp;kopi uden resultatløn (ikke krypteret), fx til videre omdeling</source>
        <translation>Skicka en &amp;kopia utan resultatlön (inte krypterad), t.ex. för vidare spridning</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="314"/>
        <source>&amp;Rapporten med resultatløn (krypteret med samme adgangskode)</source>
        <translation>&amp;Rapporten med resultatlön (krypterad med samma lösenord)</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="325"/>
        <source>&amp;Til:</source>
        <translation>&amp;Till:</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="328"/>
        <source>&amp;Underskrift:</source>
        <translation>&amp;Underskrift:</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="335"/>
        <source>Lav e-mailen</source>
        <translation>Skapa e-postmeddelandet</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="343"/>
        <source>Beskeden:</source>
        <translation>Meddelandet:</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="360"/>
        <source>Kopien uden resultatløn og rapporten (PDF) vedhæftes. Underskriften huskes.</source>
        <translation>Kopian utan resultatlön och rapporten (PDF) bifogas. Underskriften sparas.</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="364"/>
        <source>Projektmappen vedhæftes krypteret; adgangskoden vises én gang, når e-mailen er lavet. Rapporten (PDF) vedhæftes. Underskriften huskes.</source>
        <translation>Arbetsboken bifogas krypterad; lösenordet visas en gång när e-postmeddelandet är skapat. Rapporten (PDF) bifogas. Underskriften sparas.</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../style.py" line="40"/>
        <source>Opfyldt</source>
        <translation>Uppfyllt</translation>
    </message>
    <message>
        <location filename="../style.py" line="41"/>
        <source>Delvist opfyldt</source>
        <translation>Delvis uppfyllt</translation>
    </message>
    <message>
        <location filename="../style.py" line="42"/>
        <source>Ikke opfyldt</source>
        <translation>Ej uppfyllt</translation>
    </message>
    <message>
        <location filename="../style.py" line="43"/>
        <source>Mangler resultat</source>
        <translation>Resultat saknas</translation>
    </message>
    <message>
        <location filename="../style.py" line="44"/>
        <source>Afventer rettelse</source>
        <translation>Inväntar rättelse</translation>
    </message>
    <message>
        <location filename="../style.py" line="45"/>
        <source>Udgår</source>
        <translation>Utgår</translation>
    </message>
</context>
<context>
    <name>SummaryPanel</name>
    <message>
        <location filename="../summary.py" line="131"/>
        <source>Område</source>
        <translation>Område</translation>
    </message>
    <message>
        <location filename="../summary.py" line="131"/>
        <source>Point</source>
        <translation>Poäng</translation>
    </message>
    <message>
        <location filename="../summary.py" line="131"/>
        <source>Mulige point</source>
        <translation>Möjliga poäng</translation>
    </message>
    <message>
        <location filename="../summary.py" line="131"/>
        <source>Opfyldelse</source>
        <translation>Uppfyllelse</translation>
    </message>
    <message>
        <location filename="../summary.py" line="133"/>
        <source>Point pr. mål: opnået af mulige</source>
        <translation>Poäng per mål: uppnådda av möjliga</translation>
    </message>
    <message>
        <location filename="../summary.py" line="144"/>
        <source>Ingen beregning</source>
        <translation>Ingen beräkning</translation>
    </message>
    <message>
        <location filename="../summary.py" line="149"/>
        <source>Afventer rettelse</source>
        <translation>Inväntar rättelse</translation>
    </message>
    <message>
        <location filename="../summary.py" line="152"/>
        <source>Point i alt og målopfyldelse vises, når fejlene i listen Problemer er rettet. Målene uden fejl står med deres tal.</source>
        <translation>Poäng totalt och måluppfyllelse visas när felen i listan Problem är rättade. Målen utan fel visas med sina siffror.</translation>
    </message>
    <message>
        <location filename="../summary.py" line="158"/>
        <source>%1 af %2 point</source>
        <translation>%1 av %2 poäng</translation>
    </message>
    <message>
        <location filename="../summary.py" line="163"/>
        <source>Målopfyldelse i alt: %1</source>
        <translation>Måluppfyllelse totalt: %1</translation>
    </message>
    <message>
        <location filename="../summary.py" line="170"/>
        <source>(uden område)</source>
        <translation>(utan område)</translation>
    </message>
    <message>
        <location filename="../summary.py" line="172"/>
        <source>afventer rettelse</source>
        <translation>inväntar rättelse</translation>
    </message>
</context>
<context>
    <name>Target</name>
    <message>
        <location filename="../goalmodel.py" line="515"/>
        <source>%1 ift. %2</source>
        <translation>%1 jfr %2</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <location filename="../followup.py" line="512"/>
        <source>Ingen perioder endnu</source>
        <translation>Inga perioder ännu</translation>
    </message>
    <message>
        <location filename="../followup.py" line="549"/>
        <source>pr. dato</source>
        <translation>per datum</translation>
    </message>
    <message>
        <location filename="../followup.py" line="549"/>
        <source>forventet</source>
        <translation>förväntad</translation>
    </message>
    <message>
        <location filename="../followup.py" line="551"/>
        <source>sidste år</source>
        <translation>föregående år</translation>
    </message>
</context>
<context>
    <name>Verdict</name>
    <message>
        <location filename="../departement.py" line="92"/>
        <source>godkendt</source>
        <translation>godkänd</translation>
    </message>
    <message>
        <location filename="../departement.py" line="93"/>
        <source>ændret</source>
        <translation>ändrad</translation>
    </message>
    <message>
        <location filename="../departement.py" line="94"/>
        <source>ikke beregnet</source>
        <translation>ej beräknad</translation>
    </message>
    <message>
        <location filename="../departement.py" line="95"/>
        <source>afviger</source>
        <translation>avviker</translation>
    </message>
    <message>
        <location filename="../departement.py" line="96"/>
        <source>fejl</source>
        <translation>fel</translation>
    </message>
</context>
</TS>
