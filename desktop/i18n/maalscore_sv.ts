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
        <location filename="../app.py" line="51"/>
        <source>Uventet fejl</source>
        <translation>Oväntat fel</translation>
    </message>
    <message>
        <location filename="../app.py" line="53"/>
        <source>Der opstod en uventet fejl. Programmet kører videre, men gem dit arbejde under et nyt navn, hvis du er i tvivl.</source>
        <translation>Ett oväntat fel inträffade. Programmet fortsätter, men spara ditt arbete under ett nytt namn om du är osäker.</translation>
    </message>
</context>
<context>
    <name>BatchDialog</name>
    <message>
        <location filename="../batch.py" line="40"/>
        <source>Flere projektmapper</source>
        <translation>Flera arbetsböcker</translation>
    </message>
    <message>
        <location filename="../batch.py" line="50"/>
        <source>Afbryd</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <location filename="../batch.py" line="56"/>
        <source>Institution</source>
        <translation>Myndighet</translation>
    </message>
    <message>
        <location filename="../batch.py" line="57"/>
        <source>År</source>
        <translation>År</translation>
    </message>
    <message>
        <location filename="../batch.py" line="58"/>
        <source>Målopfyldelse</source>
        <translation>Måluppfyllelse</translation>
    </message>
    <message>
        <location filename="../batch.py" line="59"/>
        <source>Resultatløn</source>
        <translation>Resultatlön</translation>
    </message>
    <message>
        <location filename="../batch.py" line="60"/>
        <source>Problemer</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../batch.py" line="61"/>
        <source>Fil</source>
        <translation>Fil</translation>
    </message>
    <message>
        <location filename="../batch.py" line="80"/>
        <source>Dobbeltklik på en række for at åbne projektmappen.</source>
        <translation>Dubbelklicka på en rad för att öppna arbetsboken.</translation>
    </message>
    <message>
        <location filename="../batch.py" line="86"/>
        <source>Mappe: %1</source>
        <translation>Mapp: %1</translation>
    </message>
    <message>
        <location filename="../batch.py" line="92"/>
        <source>Mappen indeholder ingen projektmapper (.xlsx).</source>
        <translation>Mappen innehåller inga arbetsböcker (.xlsx).</translation>
    </message>
    <message>
        <location filename="../batch.py" line="96"/>
        <source>Beregner %1 projektmapper …</source>
        <translation>Beräknar %1 arbetsböcker …</translation>
    </message>
    <message>
        <location filename="../batch.py" line="109"/>
        <source>Afbryder …</source>
        <translation>Avbryter …</translation>
    </message>
    <message>
        <location filename="../batch.py" line="119"/>
        <source>Beregner %1 (%2 af %3) …</source>
        <translation>Beräknar %1 (%2 av %3) …</translation>
    </message>
    <message>
        <location filename="../batch.py" line="142"/>
        <source>Afbrudt: %1 af %2 projektmapper er beregnet.</source>
        <translation>Avbrutet: %1 av %2 arbetsböcker är beräknade.</translation>
    </message>
    <message>
        <location filename="../batch.py" line="148"/>
        <source>Færdig: %1 projektmapper er beregnet.</source>
        <translation>Klart: %1 arbetsböcker är beräknade.</translation>
    </message>
    <message>
        <location filename="../batch.py" line="167"/>
        <source>%1 fejl</source>
        <translation>%1 fel</translation>
    </message>
    <message>
        <location filename="../batch.py" line="169"/>
        <source>1 advarsel</source>
        <translation>1 varning</translation>
    </message>
    <message>
        <location filename="../batch.py" line="171"/>
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
        <location filename="../panels.py" line="48"/>
        <source>Vælg et mål i tabellen for at se, hvordan det er beregnet.</source>
        <translation>Välj ett mål i tabellen för att se hur det har beräknats.</translation>
    </message>
    <message>
        <location filename="../panels.py" line="62"/>
        <source>Område</source>
        <translation>Område</translation>
    </message>
    <message>
        <location filename="../panels.py" line="63"/>
        <source>Resultatkrav</source>
        <translation>Resultatkrav</translation>
    </message>
    <message>
        <location filename="../panels.py" line="64"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../panels.py" line="65"/>
        <source>Målværdi</source>
        <translation>Målvärde</translation>
    </message>
    <message>
        <location filename="../panels.py" line="68"/>
        <source>Skala</source>
        <translation>Skala</translation>
    </message>
    <message>
        <location filename="../panels.py" line="70"/>
        <source>Nedre grænse</source>
        <translation>Nedre gräns</translation>
    </message>
    <message>
        <location filename="../panels.py" line="74"/>
        <source>Indikator</source>
        <translation>Indikator</translation>
    </message>
    <message>
        <location filename="../panels.py" line="75"/>
        <source>%1 af sagsdata</source>
        <translation>%1 av ärendedata</translation>
    </message>
    <message>
        <location filename="../panels.py" line="79"/>
        <source>Under mål</source>
        <translation>Under mål</translation>
    </message>
    <message>
        <location filename="../panels.py" line="80"/>
        <source>Resultat</source>
        <translation>Utfall</translation>
    </message>
    <message>
        <location filename="../panels.py" line="83"/>
        <source>Vægt</source>
        <translation>Vikt</translation>
    </message>
    <message>
        <location filename="../panels.py" line="83"/>
        <source>%1 point</source>
        <translation>%1 poäng</translation>
    </message>
    <message>
        <location filename="../panels.py" line="85"/>
        <source>Målopfyldelse</source>
        <translation>Måluppfyllelse</translation>
    </message>
    <message>
        <location filename="../panels.py" line="89"/>
        <source>Point</source>
        <translation>Poäng</translation>
    </message>
    <message>
        <location filename="../panels.py" line="90"/>
        <source>%1 af %2</source>
        <translation>%1 av %2</translation>
    </message>
    <message>
        <location filename="../panels.py" line="107"/>
        <source>Sidste år</source>
        <translation>Föregående år</translation>
    </message>
    <message>
        <location filename="../panels.py" line="108"/>
        <source>%1 · %2 point</source>
        <translation>%1 · %2 poäng</translation>
    </message>
    <message>
        <location filename="../panels.py" line="114"/>
        <source>Kilde</source>
        <translation>Källa</translation>
    </message>
    <message>
        <location filename="../panels.py" line="118"/>
        <location filename="../panels.py" line="143"/>
        <source>Celle</source>
        <translation>Cell</translation>
    </message>
    <message>
        <location filename="../panels.py" line="126"/>
        <location filename="../panels.py" line="145"/>
        <source>Problemer i denne række</source>
        <translation>Problem på den här raden</translation>
    </message>
    <message>
        <location filename="../panels.py" line="133"/>
        <source>Mål</source>
        <translation>Mål</translation>
    </message>
    <message>
        <location filename="../panels.py" line="137"/>
        <source>Frist</source>
        <translation>Tidsgräns</translation>
    </message>
    <message>
        <location filename="../panels.py" line="138"/>
        <source>Leveret</source>
        <translation>Levererat</translation>
    </message>
    <message>
        <location filename="../panels.py" line="139"/>
        <source>Ansvarlig</source>
        <translation>Ansvarig</translation>
    </message>
    <message>
        <location filename="../panels.py" line="96"/>
        <source>opfyldt</source>
        <translation>uppfylld</translation>
    </message>
    <message>
        <location filename="../panels.py" line="96"/>
        <source>ikke opfyldt</source>
        <translation>ej uppfylld</translation>
    </message>
    <message>
        <location filename="../panels.py" line="100"/>
        <source>Forudsætning</source>
        <translation>Förutsättning</translation>
    </message>
</context>
<context>
    <name>FollowUpMode</name>
    <message>
        <location filename="../followup.py" line="778"/>
        <source>Opfølgningen stoppede med en uventet fejl.</source>
        <translation>Uppföljningen avbröts av ett oväntat fel.</translation>
    </message>
    <message>
        <location filename="../followup.py" line="780"/>
        <source>Uventet fejl</source>
        <translation>Oväntat fel</translation>
    </message>
    <message>
        <location filename="../followup.py" line="781"/>
        <source>Opfølgningen stoppede med en uventet fejl. Dine ændringer er ikke tabt.</source>
        <translation>Uppföljningen avbröts av ett oväntat fel. Dina ändringar har inte gått förlorade.</translation>
    </message>
</context>
<context>
    <name>FollowUpModel</name>
    <message>
        <location filename="../followup.py" line="360"/>
        <source>Nr</source>
        <translation>Nr</translation>
    </message>
    <message>
        <location filename="../followup.py" line="361"/>
        <source>Mål</source>
        <translation>Mål</translation>
    </message>
    <message>
        <location filename="../followup.py" line="362"/>
        <source>Vægt</source>
        <translation>Vikt</translation>
    </message>
    <message>
        <location filename="../followup.py" line="363"/>
        <source>Pr. dato</source>
        <translation>Per datum</translation>
    </message>
    <message>
        <location filename="../followup.py" line="364"/>
        <source>Forventet</source>
        <translation>Förväntad</translation>
    </message>
    <message>
        <location filename="../followup.py" line="365"/>
        <source>Forventning</source>
        <translation>Förväntan</translation>
    </message>
    <message>
        <location filename="../followup.py" line="366"/>
        <source>Sidste år</source>
        <translation>Föregående år</translation>
    </message>
    <message>
        <location filename="../followup.py" line="367"/>
        <source>Kommentar</source>
        <translation>Kommentar</translation>
    </message>
</context>
<context>
    <name>FollowUpView</name>
    <message>
        <location filename="../followup.py" line="609"/>
        <source>Beregner opfølgningen …</source>
        <translation>Beräknar uppföljningen …</translation>
    </message>
    <message>
        <location filename="../followup.py" line="634"/>
        <source>Opfølgningen kan ikke beregnes: %1 fejl – se Problemer.</source>
        <translation>Uppföljningen kan inte beräknas: %1 fel – se Problem.</translation>
    </message>
    <message>
        <location filename="../followup.py" line="644"/>
        <source>Opfølgning pr. %1</source>
        <translation>Uppföljning per %1</translation>
    </message>
    <message>
        <location filename="../followup.py" line="647"/>
        <source>Forventet ved årets udgang: %1–%2 af %3 point (%4–%5)</source>
        <translation>Förväntat vid årets slut: %1–%2 av %3 poäng (%4–%5)</translation>
    </message>
    <message>
        <location filename="../followup.py" line="658"/>
        <source>Resultatløn %1: %2–%3</source>
        <translation>Resultatlön %1: %2–%3</translation>
    </message>
    <message>
        <location filename="../followup.py" line="667"/>
        <source>Sidste år: %1 point</source>
        <translation>Föregående år: %1 poäng</translation>
    </message>
    <message>
        <location filename="../followup.py" line="675"/>
        <source>Projektmappen har intet ark Opfølgning; intet skrives.</source>
        <translation>Arbetsboken har inget blad Uppföljning; inget skrivs.</translation>
    </message>
    <message>
        <location filename="../followup.py" line="715"/>
        <source>Beregnet prognose: %1</source>
        <translation>Beräknad prognos: %1</translation>
    </message>
    <message>
        <location filename="../followup.py" line="719"/>
        <source>Opfølgningens advarsler</source>
        <translation>Uppföljningens varningar</translation>
    </message>
</context>
<context>
    <name>Forecast</name>
    <message>
        <location filename="../followup.py" line="106"/>
        <source>forventes opfyldt</source>
        <translation>förväntas uppfyllt</translation>
    </message>
    <message>
        <location filename="../followup.py" line="107"/>
        <source>risiko</source>
        <translation>risk</translation>
    </message>
    <message>
        <location filename="../followup.py" line="108"/>
        <source>forventes ikke opfyldt</source>
        <translation>förväntas ej uppfyllt</translation>
    </message>
    <message>
        <location filename="../followup.py" line="109"/>
        <source>ukendt</source>
        <translation>okänd</translation>
    </message>
</context>
<context>
    <name>GoalTableModel</name>
    <message>
        <location filename="../goalmodel.py" line="94"/>
        <source>Nr</source>
        <translation>Nr</translation>
    </message>
    <message>
        <location filename="../goalmodel.py" line="95"/>
        <source>Mål</source>
        <translation>Mål</translation>
    </message>
    <message>
        <location filename="../goalmodel.py" line="96"/>
        <source>Vægt</source>
        <translation>Vikt</translation>
    </message>
    <message>
        <location filename="../goalmodel.py" line="97"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../goalmodel.py" line="98"/>
        <source>Målværdi</source>
        <translation>Målvärde</translation>
    </message>
    <message>
        <location filename="../goalmodel.py" line="99"/>
        <source>Resultat</source>
        <translation>Utfall</translation>
    </message>
    <message>
        <location filename="../goalmodel.py" line="100"/>
        <source>Opfyldelse</source>
        <translation>Uppfyllelse</translation>
    </message>
    <message>
        <location filename="../goalmodel.py" line="101"/>
        <source>Point</source>
        <translation>Poäng</translation>
    </message>
    <message>
        <location filename="../goalmodel.py" line="102"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../goalmodel.py" line="138"/>
        <source>(uden område)</source>
        <translation>(utan område)</translation>
    </message>
    <message>
        <location filename="../goalmodel.py" line="190"/>
        <source>fra delmål</source>
        <translation>från delmål</translation>
    </message>
    <message>
        <location filename="../goalmodel.py" line="192"/>
        <source>fra milepæle</source>
        <translation>från milstolpar</translation>
    </message>
    <message>
        <location filename="../goalmodel.py" line="194"/>
        <source>fra sagsdata</source>
        <translation>från ärendedata</translation>
    </message>
    <message>
        <location filename="../goalmodel.py" line="211"/>
        <source>milepæl</source>
        <translation>milstolpe</translation>
    </message>
    <message>
        <location filename="../goalmodel.py" line="225"/>
        <source>Ukendt frist</source>
        <translation>Okänd tidsgräns</translation>
    </message>
    <message>
        <location filename="../goalmodel.py" line="227"/>
        <source>Ikke leveret</source>
        <translation>Ej levererad</translation>
    </message>
    <message>
        <location filename="../goalmodel.py" line="229"/>
        <source>Rettidig</source>
        <translation>I tid</translation>
    </message>
    <message>
        <location filename="../goalmodel.py" line="231"/>
        <source>Ikke rettidig</source>
        <translation>Ej i tid</translation>
    </message>
    <message>
        <location filename="../goalmodel.py" line="309"/>
        <source>Ændret – ikke gemt</source>
        <translation>Ändrad – inte sparad</translation>
    </message>
    <message>
        <location filename="../goalmodel.py" line="311"/>
        <source>Dobbeltklik eller tryk F2 for at skrive resultatet</source>
        <translation>Dubbelklicka eller tryck F2 för att skriva utfallet</translation>
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
        <location filename="../mainwindow.py" line="154"/>
        <source>Mål</source>
        <translation>Mål</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="155"/>
        <source>Oversigt</source>
        <translation>Översikt</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="156"/>
        <source>Resultatløn</source>
        <translation>Resultatlön</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="176"/>
        <source>Problemer</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="229"/>
        <source>&amp;Åbn …</source>
        <translation>&amp;Öppna …</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="235"/>
        <source>Åbn &amp;mappe …</source>
        <translation>Öppna &amp;mapp …</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="238"/>
        <source>&amp;Gem</source>
        <translation>&amp;Spara</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="240"/>
        <source>Gem &amp;som …</source>
        <translation>Spara &amp;som …</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="242"/>
        <source>&amp;Beregn</source>
        <translation>&amp;Beräkna</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="245"/>
        <source>&amp;Eksportér rapport …</source>
        <translation>&amp;Exportera rapport …</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="251"/>
        <source>Send til &amp;departement …</source>
        <translation>Skicka till &amp;departementet …</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="257"/>
        <source>&amp;Departement …</source>
        <translation>&amp;Departement …</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="260"/>
        <source>&amp;Afslut</source>
        <translation>&amp;Avsluta</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="262"/>
        <source>&amp;Fortryd</source>
        <translation>&amp;Ångra</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="264"/>
        <source>&amp;Gentag</source>
        <translation>&amp;Gör om</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="269"/>
        <source>&amp;Filer</source>
        <translation>&amp;Arkiv</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="272"/>
        <source>Seneste &amp;filer</source>
        <translation>Senaste &amp;filer</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="283"/>
        <source>&amp;Rediger</source>
        <translation>&amp;Redigera</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="285"/>
        <source>&amp;Beregning</source>
        <translation>&amp;Beräkning</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="287"/>
        <source>&amp;Vis</source>
        <translation>&amp;Visa</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="289"/>
        <source>&amp;Sprog</source>
        <translation>&amp;Språk</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="295"/>
        <source>&amp;Hjælp</source>
        <translation>&amp;Hjälp</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="296"/>
        <source>&amp;Om Målscore</source>
        <translation>&amp;Om Målscore</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="297"/>
        <source>Værktøjslinje</source>
        <translation>Verktygsfält</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="324"/>
        <source>Målscore</source>
        <translation>Målscore</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="357"/>
        <source>Kan ikke åbne projektmappen</source>
        <translation>Kan inte öppna arbetsboken</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="358"/>
        <source>&apos;%1&apos; kan ikke åbnes.</source>
        <translation>&apos;%1&apos; kan inte öppnas.</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="411"/>
        <source>(ingen)</source>
        <translation>(inga)</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="438"/>
        <source>Projektmappen er åbnet skrivebeskyttet og kan ikke rettes her.</source>
        <translation>Arbetsboken är öppnad skrivskyddad och kan inte ändras här.</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="449"/>
        <source>Ret %1</source>
        <translation>Ändra %1</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="462"/>
        <source>Beregner …</source>
        <translation>Beräknar …</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="477"/>
        <source>Uventet fejl</source>
        <translation>Oväntat fel</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="478"/>
        <source>Beregningen stoppede med en uventet fejl. Dine ændringer er ikke tabt.</source>
        <translation>Beräkningen stoppade med ett oväntat fel. Dina ändringar har inte gått förlorade.</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="510"/>
        <source>Ingen projektmappe åben</source>
        <translation>Ingen arbetsbok öppen</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="512"/>
        <source>Åbn en projektmappe med Ctrl+O, eller træk den ind i vinduet.</source>
        <translation>Öppna en arbetsbok med Ctrl+O, eller dra in den i fönstret.</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="524"/>
        <source>skrivebeskyttet: tallene er Målscores nye beregning</source>
        <translation>skrivskyddad: siffrorna är Målscores nya beräkning</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="528"/>
        <source>Målopfyldelse %1 · %2 af %3 point</source>
        <translation>Måluppfyllelse %1 · %2 av %3 poäng</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="538"/>
        <source>sidste år %1</source>
        <translation>föregående år %1</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="541"/>
        <source>Kan ikke beregnes – se Problemer</source>
        <translation>Kan inte beräknas – se Problem</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="543"/>
        <source>Beregnet %1</source>
        <translation>Beräknad %1</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="547"/>
        <source>%1 ændrede celler er ikke gemt</source>
        <translation>%1 ändrade celler är inte sparade</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="555"/>
        <source>Problemer (%1 fejl, 1 advarsel)</source>
        <translation>Problem (%1 fel, 1 varning)</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="557"/>
        <source>Problemer (%1 fejl, %2 advarsler)</source>
        <translation>Problem (%1 fel, %2 varningar)</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="570"/>
        <source>(skrivebeskyttet)</source>
        <translation>(skrivskyddad)</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="609"/>
        <source>%1!%2 vises ikke i tabellen; åbn projektmappen i Excel for at rette den.</source>
        <translation>%1!%2 visas inte i tabellen; öppna arbetsboken i Excel för att rätta den.</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="656"/>
        <source>Et skøn over resultatlønnen kræver en skriftlig begrundelse. Skriv begrundelsen for %1 i fanen Resultatløn, og prøv igen.</source>
        <translation>En justering av resultatlönen kräver en skriftlig motivering. Skriv motiveringen för %1 under fliken Resultatlön och försök igen.</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="662"/>
        <source>Projektmappen har %1 fejl. Ret dem (se listen Problemer), og prøv igen.</source>
        <translation>Arbetsboken har %1 fel. Rätta dem (se listan Problem) och försök igen.</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="665"/>
        <source>Intet er gemt.</source>
        <translation>Inget har sparats.</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="675"/>
        <source>Gem projektmappen som</source>
        <translation>Spara arbetsboken som</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="675"/>
        <source>Excel-projektmappe (*.xlsx)</source>
        <translation>Excel-arbetsbok (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="683"/>
        <location filename="../mainwindow.py" line="696"/>
        <source>Kan ikke gemme</source>
        <translation>Kan inte spara</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="697"/>
        <source>Projektmappen blev ikke gemt; filen er uændret.</source>
        <translation>Arbetsboken sparades inte; filen är oförändrad.</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="703"/>
        <source>Gemt i %1</source>
        <translation>Sparad i %1</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="715"/>
        <source>Kan ikke genindlæse</source>
        <translation>Kan inte läsa in igen</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="739"/>
        <source>Eksportér rapport</source>
        <translation>Exportera rapport</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="740"/>
        <source>PDF-dokument (*.pdf)</source>
        <translation>PDF-dokument (*.pdf)</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="752"/>
        <location filename="../mainwindow.py" line="756"/>
        <source>Kan ikke skrive rapporten</source>
        <translation>Kan inte skriva rapporten</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="757"/>
        <source>PDF-filen kunne ikke oprettes: %1</source>
        <translation>PDF-filen kunde inte skapas: %1</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="760"/>
        <source>Rapport gemt i %1</source>
        <translation>Rapporten sparad i %1</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="772"/>
        <source>Kan ikke sende</source>
        <translation>Kan inte skicka</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="783"/>
        <source>Kan ikke lave e-mailen</source>
        <translation>Kan inte skapa e-postmeddelandet</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="787"/>
        <source>Send til departement</source>
        <translation>Skicka till departementet</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="788"/>
        <source>E-mailen er gemt i %1. Åbn den i dit mailprogram.</source>
        <translation>E-postmeddelandet är sparat i %1. Öppna det i ditt e-postprogram.</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="810"/>
        <source>Sprog</source>
        <translation>Språk</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="810"/>
        <source>Sproget skifter, næste gang Målscore startes.</source>
        <translation>Språket byts nästa gång Målscore startas.</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="817"/>
        <source>Om Målscore</source>
        <translation>Om Målscore</translation>
    </message>
    <message>
        <location filename="../mainwindow.py" line="819"/>
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
        <location filename="../paypanel.py" line="224"/>
        <source>Skøn skrives i kroner (fx -5.000) eller i procentpoint af maksimum (fx -10 %). Et skøn kræver altid en skriftlig begrundelse.</source>
        <translation>Justering skrivs i kronor (t.ex. -5 000) eller i procentenheter av maximum (t.ex. -10 %). En justering kräver alltid en skriftlig motivering.</translation>
    </message>
</context>
<context>
    <name>PayTableModel</name>
    <message>
        <location filename="../paypanel.py" line="58"/>
        <source>Navn</source>
        <translation>Namn</translation>
    </message>
    <message>
        <location filename="../paypanel.py" line="59"/>
        <source>Stilling</source>
        <translation>Befattning</translation>
    </message>
    <message>
        <location filename="../paypanel.py" line="60"/>
        <source>Maksimum</source>
        <translation>Maximum</translation>
    </message>
    <message>
        <location filename="../paypanel.py" line="61"/>
        <source>Beregnet</source>
        <translation>Beräknad</translation>
    </message>
    <message>
        <location filename="../paypanel.py" line="62"/>
        <source>Skøn</source>
        <translation>Justering</translation>
    </message>
    <message>
        <location filename="../paypanel.py" line="63"/>
        <source>Begrundelse</source>
        <translation>Motivering</translation>
    </message>
    <message>
        <location filename="../paypanel.py" line="64"/>
        <source>Bortfald</source>
        <translation>Bortfall</translation>
    </message>
    <message>
        <location filename="../paypanel.py" line="65"/>
        <source>Udbetaling</source>
        <translation>Utbetalning</translation>
    </message>
    <message>
        <location filename="../paypanel.py" line="160"/>
        <source>Et skøn eller bortfald kræver en skriftlig begrundelse.</source>
        <translation>En justering eller ett bortfall kräver en skriftlig motivering.</translation>
    </message>
    <message>
        <location filename="../paypanel.py" line="162"/>
        <source>Ændret – ikke gemt</source>
        <translation>Ändrad – inte sparad</translation>
    </message>
    <message>
        <location filename="../paypanel.py" line="183"/>
        <source>Ja</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location filename="../paypanel.py" line="186"/>
        <source>(mangler – skal udfyldes)</source>
        <translation>(saknas – måste fyllas i)</translation>
    </message>
</context>
<context>
    <name>PeriodSelector</name>
    <message>
        <location filename="../followup.py" line="281"/>
        <source>År (årsresultat)</source>
        <translation>År (årsresultat)</translation>
    </message>
    <message>
        <location filename="../followup.py" line="283"/>
        <source>Opfølgning Q%1</source>
        <translation>Uppföljning K%1</translation>
    </message>
    <message>
        <location filename="../followup.py" line="284"/>
        <source>Opfølgning pr. dato</source>
        <translation>Uppföljning per datum</translation>
    </message>
    <message>
        <location filename="../followup.py" line="285"/>
        <source>Periode</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../followup.py" line="290"/>
        <source>Opfølgningsdato</source>
        <translation>Uppföljningsdatum</translation>
    </message>
    <message>
        <location filename="../followup.py" line="292"/>
        <source>&amp;Periode:</source>
        <translation>&amp;Period:</translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <location filename="../panels.py" line="194"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../panels.py" line="194"/>
        <source>Celle</source>
        <translation>Cell</translation>
    </message>
    <message>
        <location filename="../panels.py" line="194"/>
        <source>Besked</source>
        <translation>Meddelande</translation>
    </message>
    <message>
        <location filename="../panels.py" line="221"/>
        <source>Fejl</source>
        <translation>Fel</translation>
    </message>
    <message>
        <location filename="../panels.py" line="221"/>
        <source>Advarsel</source>
        <translation>Varning</translation>
    </message>
    <message>
        <location filename="../panels.py" line="203" />
        <source>Info</source>
        <translation>Info</translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <location filename="../dialogs.py" line="40"/>
        <source>Filen er ændret</source>
        <translation>Filen har ändrats</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="42"/>
        <source>&apos;%1&apos; er ændret på disken, siden du åbnede den (måske i Excel).</source>
        <translation>&apos;%1&apos; har ändrats på disken sedan du öppnade den (kanske i Excel).</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="48"/>
        <source>Overskriv: gem dine ændringer oven i filen, så de andre ændringer går tabt.
Genindlæs: hent filens nye indhold; dine ikke-gemte ændringer kasseres.
Annuller: gør ingenting.</source>
        <translation>Skriv över: spara dina ändringar i filen, så att de andra ändringarna går förlorade.
Läs in igen: hämta filens nya innehåll; dina osparade ändringar kastas.
Avbryt: gör ingenting.</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="53"/>
        <source>Overskriv</source>
        <translation>Skriv över</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="54"/>
        <source>Genindlæs</source>
        <translation>Läs in igen</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="55"/>
        <location filename="../dialogs.py" line="71"/>
        <source>Annuller</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="67"/>
        <source>Ikke gemte ændringer</source>
        <translation>Osparade ändringar</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="68"/>
        <source>Vil du gemme ændringerne i &apos;%1&apos;?</source>
        <translation>Vill du spara ändringarna i &apos;%1&apos;?</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="69"/>
        <source>Gem</source>
        <translation>Spara</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="70"/>
        <source>Gem ikke</source>
        <translation>Spara inte</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="96"/>
        <source>Åbn projektmappe</source>
        <translation>Öppna arbetsbok</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="98"/>
        <source>Excel-projektmapper (*.xlsx *.xlsm)</source>
        <translation>Excel-arbetsböcker (*.xlsx *.xlsm)</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="114"/>
        <source>Vælg en mappe med projektmapper</source>
        <translation>Välj en mapp med arbetsböcker</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <location filename="../report.py" line="82"/>
        <source>Institution</source>
        <translation>Myndighet</translation>
    </message>
    <message>
        <location filename="../report.py" line="83"/>
        <source>Departement</source>
        <translation>Departement</translation>
    </message>
    <message>
        <location filename="../report.py" line="84"/>
        <source>År</source>
        <translation>År</translation>
    </message>
    <message>
        <location filename="../report.py" line="85"/>
        <location filename="../report.py" line="161"/>
        <source>Beregnet</source>
        <translation>Beräknad</translation>
    </message>
    <message>
        <location filename="../report.py" line="87"/>
        <source>Point i alt</source>
        <translation>Poäng totalt</translation>
    </message>
    <message>
        <location filename="../report.py" line="90"/>
        <source>Målopfyldelse i alt</source>
        <translation>Måluppfyllelse totalt</translation>
    </message>
    <message>
        <location filename="../report.py" line="93"/>
        <source>Integritetsstempel</source>
        <translation>Integritetsstämpel</translation>
    </message>
    <message>
        <location filename="../report.py" line="96"/>
        <source>Mål- og resultatplan: resultatopgørelse</source>
        <translation>Mål- och resultatplan: resultatredovisning</translation>
    </message>
    <message>
        <location filename="../report.py" line="99"/>
        <source>Pr. område</source>
        <translation>Per område</translation>
    </message>
    <message>
        <location filename="../report.py" line="103"/>
        <source>Resultatløn</source>
        <translation>Resultatlön</translation>
    </message>
    <message>
        <location filename="../report.py" line="107"/>
        <source>Mål og forklaringer</source>
        <translation>Mål och förklaringar</translation>
    </message>
    <message>
        <location filename="../report.py" line="147"/>
        <source>Område</source>
        <translation>Område</translation>
    </message>
    <message>
        <location filename="../report.py" line="148"/>
        <location filename="../report.py" line="189"/>
        <source>Point</source>
        <translation>Poäng</translation>
    </message>
    <message>
        <location filename="../report.py" line="149"/>
        <source>Mulige</source>
        <translation>Möjliga</translation>
    </message>
    <message>
        <location filename="../report.py" line="150"/>
        <location filename="../report.py" line="190"/>
        <source>Opfyldelse</source>
        <translation>Uppfyllelse</translation>
    </message>
    <message>
        <location filename="../report.py" line="160"/>
        <source>Navn</source>
        <translation>Namn</translation>
    </message>
    <message>
        <location filename="../report.py" line="162"/>
        <source>Udbetaling</source>
        <translation>Utbetalning</translation>
    </message>
    <message>
        <location filename="../report.py" line="187"/>
        <source>Nr</source>
        <translation>Nr</translation>
    </message>
    <message>
        <location filename="../report.py" line="188"/>
        <source>Mål</source>
        <translation>Mål</translation>
    </message>
    <message>
        <location filename="../report.py" line="191"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../report.py" line="192"/>
        <source>Forklaring</source>
        <translation>Förklaring</translation>
    </message>
    <message>
        <location filename="../report.py" line="240"/>
        <source>Resultatopgørelse %1 for %2</source>
        <translation>Resultatredovisning %1 för %2</translation>
    </message>
    <message>
        <location filename="../report.py" line="248"/>
        <source>Kære departement

Hermed resultatopgørelsen for mål- og resultatplanen %1 for %2.

Samlet målopfyldelse: %3 (%4 point).

Projektmappen og rapporten (PDF) er vedhæftet.

Med venlig hilsen
</source>
        <translation>Till departementet

Här kommer resultatredovisningen för mål- och resultatplanen %1 för %2.

Sammanlagd måluppfyllelse: %3 (%4 poäng).

Arbetsboken och rapporten (PDF) är bifogade.

Med vänlig hälsning
</translation>
    </message>
</context>
<context>
    <name>ResultDelegate</name>
    <message>
        <location filename="../goalmodel.py" line="406"/>
        <source>dd-mm-åååå eller Ja/Nej</source>
        <translation>åååå-mm-dd eller Ja/Nej</translation>
    </message>
    <message>
        <location filename="../goalmodel.py" line="408"/>
        <source>fx 96,4 eller 2.134</source>
        <translation>t.ex. 96,4 eller 2 134</translation>
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
        <location filename="../summary.py" line="102"/>
        <source>Område</source>
        <translation>Område</translation>
    </message>
    <message>
        <location filename="../summary.py" line="102"/>
        <source>Point</source>
        <translation>Poäng</translation>
    </message>
    <message>
        <location filename="../summary.py" line="102"/>
        <source>Mulige point</source>
        <translation>Möjliga poäng</translation>
    </message>
    <message>
        <location filename="../summary.py" line="102"/>
        <source>Opfyldelse</source>
        <translation>Uppfyllelse</translation>
    </message>
    <message>
        <location filename="../summary.py" line="112"/>
        <source>Point pr. mål: opnået af mulige</source>
        <translation>Poäng per mål: uppnådda av möjliga</translation>
    </message>
    <message>
        <location filename="../summary.py" line="125"/>
        <source>Ingen beregning</source>
        <translation>Ingen beräkning</translation>
    </message>
    <message>
        <location filename="../summary.py" line="130"/>
        <source>%1 af %2 point</source>
        <translation>%1 av %2 poäng</translation>
    </message>
    <message>
        <location filename="../summary.py" line="135"/>
        <source>Målopfyldelse i alt: %1</source>
        <translation>Måluppfyllelse totalt: %1</translation>
    </message>
    <message>
        <location filename="../summary.py" line="143"/>
        <source>(uden område)</source>
        <translation>(utan område)</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <location filename="../followup.py" line="500"/>
        <source>Ingen perioder endnu</source>
        <translation>Inga perioder ännu</translation>
    </message>
    <message>
        <location filename="../followup.py" line="537"/>
        <source>pr. dato</source>
        <translation>per datum</translation>
    </message>
    <message>
        <location filename="../followup.py" line="537"/>
        <source>forventet</source>
        <translation>förväntad</translation>
    </message>
    <message>
        <location filename="../followup.py" line="539"/>
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
