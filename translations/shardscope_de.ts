<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ChartExport</name>
    <message>
        <source>The chart has nothing to draw yet.</source>
        <translation>Das Diagramm hat noch nichts zu zeigen.</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>%1 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Exported from ShardScope</source>
        <translation>Aus ShardScope exportiert</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>CitusRefusal</name>
    <message>
        <source>A primary key, unique or exclusion constraint of the table does not include the distribution column: Citus can only enforce it inside one shard. Choose a column that every such key contains, or change the key first.</source>
        <translation>Ein Primärschlüssel-, Unique- oder Exclusion-Constraint der Tabelle enthält die Verteilungsspalte nicht: Citus kann ihn nur innerhalb eines Shards durchsetzen. Wählen Sie eine Spalte, die jeder solche Schlüssel enthält, oder ändern Sie zuerst den Schlüssel.</translation>
    </message>
    <message>
        <source>The table has a foreign key to a table that is still local. Distribute that table (or make it a reference table) first.</source>
        <translation>Die Tabelle hat einen Fremdschlüssel auf eine Tabelle, die noch lokal ist. Verteilen Sie zuerst jene Tabelle (oder machen Sie sie zur Referenztabelle).</translation>
    </message>
    <message>
        <source>A foreign key joins this table to a distributed table it would not be colocated with on the key&apos;s column. Distribute on the foreign key&apos;s column and colocate with that table, or point the key at a reference table.</source>
        <translation>Ein Fremdschlüssel verbindet diese Tabelle mit einer verteilten Tabelle, mit der sie über die Schlüsselspalte nicht colociert wäre. Verteilen Sie über die Spalte des Fremdschlüssels und colocieren Sie mit jener Tabelle, oder lassen Sie den Schlüssel auf eine Referenztabelle verweisen.</translation>
    </message>
    <message>
        <source>The table is already distributed (perhaps from another session); the refreshed cluster shows how.</source>
        <translation>Die Tabelle ist bereits verteilt (vielleicht aus einer anderen Sitzung); der aktualisierte Cluster zeigt, wie.</translation>
    </message>
    <message>
        <source>The column&apos;s type has no hash function, so its values cannot be spread over shards. Choose a column of another type.</source>
        <translation>Der Typ der Spalte hat keine Hash-Funktion, daher lassen sich ihre Werte nicht auf Shards verteilen. Wählen Sie eine Spalte eines anderen Typs.</translation>
    </message>
    <message>
        <source>The shard count must be between 1 and 64000.</source>
        <translation>Die Shard-Anzahl muss zwischen 1 und 64000 liegen.</translation>
    </message>
    <message>
        <source>A table colocated with another takes that table&apos;s shard count: leave the shard count at its default.</source>
        <translation>Eine mit einer anderen Tabelle colocierte Tabelle übernimmt deren Shard-Anzahl: Lassen Sie die Shard-Anzahl auf der Vorgabe.</translation>
    </message>
    <message>
        <source>The two tables cannot share shards: their distribution column types or shard counts differ. Colocate with a table of the same column type, or choose none.</source>
        <translation>Die beiden Tabellen können sich keine Shards teilen: Die Typen ihrer Verteilungsspalten oder ihre Shard-Anzahlen unterscheiden sich. Colocieren Sie mit einer Tabelle desselben Spaltentyps oder wählen Sie „keine“.</translation>
    </message>
    <message>
        <source>There are fewer nodes taking shards than copies asked for.</source>
        <translation>Es gibt weniger Knoten, die Shards annehmen, als Kopien verlangt sind.</translation>
    </message>
    <message>
        <source>The statement was cancelled; the server rolled it back and nothing changed.</source>
        <translation>Das Statement wurde abgebrochen; der Server hat es zurückgerollt, nichts wurde geändert.</translation>
    </message>
    <message>
        <source>This kind of distribution needs an empty table.</source>
        <translation>Diese Art der Verteilung erfordert eine leere Tabelle.</translation>
    </message>
    <message>
        <source>The statement was cancelled; nothing changed.</source>
        <translation>Das Statement wurde abgebrochen; nichts wurde geändert.</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>ShardScope: see and steer a Citus cluster.</source>
        <translation>ShardScope: einen Citus-Cluster sehen und steuern.</translation>
    </message>
    <message>
        <source>Render the window to &lt;file&gt; (PNG) once the cluster is loaded, then exit.</source>
        <translation>Das Fenster nach dem Laden des Clusters als PNG in &lt;Datei&gt; speichern und beenden.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Show this page first: %1.</source>
        <translation>Diese Seite zuerst zeigen: %1.</translation>
    </message>
    <message>
        <source>page</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>Use the dark palette.</source>
        <translation>Die dunkle Farbpalette verwenden.</translation>
    </message>
    <message>
        <source>WxH</source>
        <translation>BxH</translation>
    </message>
    <message>
        <source>Language of the interface, e.g. de or en.</source>
        <translation>Sprache der Oberfläche, z. B. de oder en.</translation>
    </message>
    <message>
        <source>code</source>
        <translation>Kürzel</translation>
    </message>
    <message>
        <source>Open the embedded demo cluster.</source>
        <translation>Den eingebauten Demo-Cluster öffnen.</translation>
    </message>
    <message>
        <source>Recreate the embedded demo cluster, dropping all changes made to it.</source>
        <translation>Den eingebauten Demo-Cluster neu anlegen und alle Änderungen daran verwerfen.</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Unerwartetes Argument: %1</translation>
    </message>
    <message>
        <source>Unknown page &quot;%1&quot;; choose one of: %2.</source>
        <translation>Unbekannte Seite „%1“; möglich sind: %2.</translation>
    </message>
    <message>
        <source>Invalid --size &quot;%1&quot;: expected WIDTHxHEIGHT between 320x240 and 10000x10000.</source>
        <translation>Ungültiges --size „%1“: erwartet wird BREITExHÖHE zwischen 320x240 und 10000x10000.</translation>
    </message>
    <message>
        <source>Window size for --screenshot (default 1600x900).</source>
        <translation>Fenstergröße für --screenshot (Vorgabe 1600x900).</translation>
    </message>
    <message>
        <source>Open this EXPLAIN plan (JSON or text) on the EXPLAIN page.</source>
        <translation>Diesen EXPLAIN-Plan (JSON oder Text) auf der Seite EXPLAIN öffnen.</translation>
    </message>
    <message>
        <source>Connect to this Citus coordinator (libpq connection string or postgresql:// URI).</source>
        <translation>Mit diesem Citus-Koordinator verbinden (libpq-Verbindungszeichenkette oder postgresql://-URI).</translation>
    </message>
    <message>
        <source>conninfo</source>
        <translation>conninfo</translation>
    </message>
    <message>
        <source>Same as --dsn.</source>
        <translation>Wie --dsn.</translation>
    </message>
    <message>
        <source>[conninfo]</source>
        <translation>[conninfo]</translation>
    </message>
    <message>
        <source>--demo and a connection string exclude each other.</source>
        <translation>--demo und eine Verbindungszeichenkette schließen einander aus.</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <source>coordinator</source>
        <translation>Koordinator</translation>
    </message>
    <message>
        <source>worker</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>%1 (secondary)</source>
        <translation>%1 (sekundär)</translation>
    </message>
    <message>
        <source>%1 (unavailable)</source>
        <translation>%1 (nicht verfügbar)</translation>
    </message>
    <message>
        <source>hash-distributed</source>
        <translation>hash-verteilt</translation>
    </message>
    <message>
        <source>reference</source>
        <translation>Referenztabelle</translation>
    </message>
    <message>
        <source>single shard</source>
        <translation>ein Shard</translation>
    </message>
    <message>
        <source>Citus local</source>
        <translation>Citus-lokal</translation>
    </message>
    <message>
        <source>plain PostgreSQL</source>
        <translation>reines PostgreSQL</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
</context>
<context>
    <name>MainPages</name>
    <message>
        <source>Placement</source>
        <translation>Platzierung</translation>
    </message>
    <message>
        <source>Skew</source>
        <translation>Schieflage</translation>
    </message>
    <message>
        <source>Queries</source>
        <translation>Abfragen</translation>
    </message>
    <message>
        <source>EXPLAIN</source>
        <translation>EXPLAIN</translation>
    </message>
</context>
<context>
    <name>SkewVerdict</name>
    <message>
        <source>no data to judge yet</source>
        <translation>Noch keine Daten zum Beurteilen</translation>
    </message>
    <message>
        <source>balanced</source>
        <translation>ausgeglichen</translation>
    </message>
    <message>
        <source>%1 holds %2% more than average: rebalance recommended</source>
        <translation>%1 liegt %2 % über dem Mittel: Rebalancing empfohlen</translation>
    </message>
    <message>
        <source>The nodes hold no shard data.</source>
        <translation>Die Knoten halten keine Shard-Daten.</translation>
    </message>
    <message>
        <source>The fullest node, %1, holds %2% more than average (threshold %3%).</source>
        <translation>Der vollste Knoten, %1, liegt %2 % über dem Mittel (Schwelle %L3 %).</translation>
    </message>
    <message>
        <source>Recommended above %1% more than the average of the nodes that hold shards.</source>
        <translation>Empfohlen ab %L1 % über dem Mittel der Knoten, die Shards halten.</translation>
    </message>
</context>
<context>
    <name>shardscope</name>
    <message>
        <source>group %1: %2 (%3 shards)</source>
        <translation>Gruppe %1: %2 (%3 Shards)</translation>
    </message>
</context>
<context>
    <name>shardscope::ClusterStatusBar</name>
    <message>
        <source>Not refreshed yet</source>
        <translation>Noch nicht aktualisiert</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Refreshed %1</source>
        <translation>Aktualisiert %1</translation>
    </message>
    <message>
        <source>%1 nodes · %2 tables · %3 shards · %4</source>
        <translation>%1 Knoten · %2 Tabellen · %3 Shards · %4</translation>
    </message>
    <message>
        <source>Citus %1 on PostgreSQL %2</source>
        <translation>Citus %1 auf PostgreSQL %2</translation>
    </message>
    <message>
        <source>Refresh failed: %1</source>
        <translation>Aktualisierung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>Aktualisiere …</translation>
    </message>
    <message>
        <source>Refresh failed</source>
        <translation>Aktualisierung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Getrennt</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde …</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Connection failed</source>
        <translation>Verbindung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>Erledigt: %1</translation>
    </message>
</context>
<context>
    <name>shardscope::ClusterTreeModel</name>
    <message>
        <source>hash by %1</source>
        <translation>Hash über %1</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>1 node</source>
        <translation>1 Knoten</translation>
    </message>
    <message>
        <source>%1 nodes</source>
        <translation>%1 Knoten</translation>
    </message>
    <message>
        <source>%1, disabled</source>
        <translation>%1, deaktiviert</translation>
    </message>
    <message>
        <source>shouldhaveshards is false: the rebalancer moves shards away from this node.</source>
        <translation>shouldhaveshards ist false: Der Rebalancer verschiebt Shards von diesem Knoten weg.</translation>
    </message>
    <message>
        <source>Colocation group %1</source>
        <translation>Colocation-Gruppe %1</translation>
    </message>
    <message>
        <source>hash, %1</source>
        <translation>Hash, %1</translation>
    </message>
    <message>
        <source>Tables of one colocation group keep the shards of each hash range together on one node.</source>
        <translation>Die Tabellen einer Colocation-Gruppe halten die Shards jedes Hash-Bereichs gemeinsam auf einem Knoten.</translation>
    </message>
    <message>
        <source>Reference tables</source>
        <translation>Referenztabellen</translation>
    </message>
    <message>
        <source>a copy on every node</source>
        <translation>eine Kopie auf jedem Knoten</translation>
    </message>
    <message>
        <source>Local tables</source>
        <translation>Lokale Tabellen</translation>
    </message>
    <message>
        <source>on the coordinator</source>
        <translation>auf dem Koordinator</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Shards</source>
        <translation>Shards</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
</context>
<context>
    <name>shardscope::ClusterTreePanel</name>
    <message>
        <source>Filter nodes and tables (Ctrl+F)</source>
        <translation>Knoten und Tabellen filtern (Strg+F)</translation>
    </message>
</context>
<context>
    <name>shardscope::ColumnAdviceModel</name>
    <message>
        <source>Refused: %1</source>
        <translation>Abgelehnt: %1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <source>No distributed table of this column type to colocate with.</source>
        <translation>Keine verteilte Tabelle mit diesem Spaltentyp, mit der colociert werden könnte.</translation>
    </message>
    <message>
        <source>Can be colocated with: %1</source>
        <translation>Kann colociert werden mit: %1</translation>
    </message>
    <message>
        <source>%1 (not supported)</source>
        <translation>%1 (nicht unterstützt)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>no statistics</source>
        <translation>keine Statistik</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>no sample</source>
        <translation>keine Stichprobe</translation>
    </message>
    <message>
        <source>max %1× mean (%2 values)</source>
        <translation>max. %1× Mittel (%2 Werte)</translation>
    </message>
    <message>
        <source>refused: %1</source>
        <translation>abgelehnt: %1</translation>
    </message>
    <message>
        <source>unsupported: %1</source>
        <translation>nicht unterstützt: %1</translation>
    </message>
    <message>
        <source>good</source>
        <translation>gut</translation>
    </message>
    <message>
        <source>possible: %1</source>
        <translation>möglich: %1</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Distinct</source>
        <translation>Verschiedene Werte</translation>
    </message>
    <message>
        <source>NULLs</source>
        <translation>NULLs</translation>
    </message>
    <message>
        <source>Skew</source>
        <translation>Schieflage</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Bewertung</translation>
    </message>
</context>
<context>
    <name>shardscope::ConnectionBanner</name>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1 …</translation>
    </message>
    <message>
        <source>&lt;b&gt;Limited mode:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Eingeschränkter Modus:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Cannot read the cluster %1:&lt;/b&gt; %2</source>
        <translation>&lt;b&gt;Der Cluster %1 kann nicht gelesen werden:&lt;/b&gt; %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;Fix:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Abhilfe:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>Use File › Connect… to change the connection, or Refresh to try again.</source>
        <translation>Mit Datei › Verbinden … die Verbindung ändern oder mit Aktualisieren erneut versuchen.</translation>
    </message>
</context>
<context>
    <name>shardscope::ConnectionDialog</name>
    <message>
        <source>Connect to a Citus coordinator</source>
        <translation>Mit einem Citus-Koordinator verbinden</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>&amp;Import from pg_service.conf</source>
        <translation>Aus pg_service.conf &amp;importieren</translation>
    </message>
    <message>
        <source>from PGHOST or local socket</source>
        <translation>aus PGHOST oder lokalem Socket</translation>
    </message>
    <message>
        <source>same as the user</source>
        <translation>wie der Benutzer</translation>
    </message>
    <message>
        <source>from PGUSER or your login</source>
        <translation>aus PGUSER oder Ihrer Anmeldung</translation>
    </message>
    <message>
        <source>from the keychain or ~/.pgpass</source>
        <translation>aus dem Schlüsselbund oder ~/.pgpass</translation>
    </message>
    <message>
        <source>Save the password in the system keychain</source>
        <translation>Das Passwort im Schlüsselbund des Systems speichern</translation>
    </message>
    <message>
        <source>(libpq default: prefer)</source>
        <translation>(libpq-Vorgabe: prefer)</translation>
    </message>
    <message>
        <source>root certificate for verify-ca / verify-full</source>
        <translation>Stammzertifikat für verify-ca / verify-full</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen …</translation>
    </message>
    <message>
        <source>default (10 s)</source>
        <translation>Vorgabe (10 s)</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>postgresql://… or key=value (anything libpq accepts)</source>
        <translation>postgresql://… oder key=value (alles, was libpq akzeptiert)</translation>
    </message>
    <message>
        <source>Profile &amp;name</source>
        <translation>Profilna&amp;me</translation>
    </message>
    <message>
        <source>&amp;Host</source>
        <translation>&amp;Host</translation>
    </message>
    <message>
        <source>&amp;Port</source>
        <translation>&amp;Port</translation>
    </message>
    <message>
        <source>&amp;Database</source>
        <translation>&amp;Datenbank</translation>
    </message>
    <message>
        <source>&amp;User</source>
        <translation>&amp;Benutzer</translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation>Pass&amp;wort</translation>
    </message>
    <message>
        <source>&amp;SSL mode</source>
        <translation>&amp;SSL-Modus</translation>
    </message>
    <message>
        <source>&amp;Root certificate</source>
        <translation>Stammze&amp;rtifikat</translation>
    </message>
    <message>
        <source>Connect &amp;timeout</source>
        <translation>Verbindungs-&amp;Zeitlimit</translation>
    </message>
    <message>
        <source>Connection &amp;string</source>
        <translation>Verbindungszeichen&amp;kette</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Sa&amp;ve</source>
        <translation>Spei&amp;chern</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>Root certificate</source>
        <translation>Stammzertifikat</translation>
    </message>
    <message>
        <source>Certificates (*.crt *.pem *.cer);;All files (*)</source>
        <translation>Zertifikate (*.crt *.pem *.cer);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>A password for this profile is saved in the keychain.</source>
        <translation>Für dieses Profil ist ein Passwort im Schlüsselbund gespeichert.</translation>
    </message>
    <message>
        <source>Give the profile a name first.</source>
        <translation>Geben Sie dem Profil zuerst einen Namen.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; saved.</source>
        <translation>Profil „%1“ gespeichert.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; saved; its password is in the system keychain.</source>
        <translation>Profil „%1“ gespeichert; sein Passwort liegt im Schlüsselbund des Systems.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; saved, but the keychain refused the password (%2). It is stored nowhere else: type it when connecting, or put it in ~/.pgpass.</source>
        <translation>Profil „%1“ gespeichert, aber der Schlüsselbund hat das Passwort abgelehnt (%2). Es wird nirgends sonst gespeichert: Geben Sie es beim Verbinden ein oder legen Sie es in ~/.pgpass ab.</translation>
    </message>
    <message>
        <source>Test stopped.</source>
        <translation>Test angehalten.</translation>
    </message>
    <message>
        <source>S&amp;top test</source>
        <translation>Test anhal&amp;ten</translation>
    </message>
    <message>
        <source>Testing %1…</source>
        <translation>Teste %1 …</translation>
    </message>
    <message>
        <source>Connected: %1</source>
        <translation>Verbunden: %1</translation>
    </message>
    <message>
        <source>No services found in %1.</source>
        <translation>Keine Dienste in %1 gefunden.</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n service(s) from %1.</source>
        <translation>
            <numerusform>%Ln Dienst aus %1 importiert.</numerusform>
            <numerusform>%Ln Dienste aus %1 importiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the password from the keychain…</source>
        <translation>Lese das Passwort aus dem Schlüsselbund …</translation>
    </message>
    <message>
        <source>A password was saved in the system keychain for &quot;%1&quot;, but the keychain did not return it (%2). Unlock the keychain, or type the password.</source>
        <translation>Für „%1“ ist ein Passwort im Schlüsselbund des Systems gespeichert, aber der Schlüsselbund hat es nicht herausgegeben (%2). Entsperren Sie den Schlüsselbund oder geben Sie das Passwort ein.</translation>
    </message>
</context>
<context>
    <name>shardscope::DetailsModel</name>
    <message>
        <source>No cluster loaded yet</source>
        <translation>Noch kein Cluster geladen</translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation>Nichts ausgewählt</translation>
    </message>
    <message>
        <source>This node is no longer in the cluster</source>
        <translation>Dieser Knoten gehört nicht mehr zum Cluster</translation>
    </message>
    <message>
        <source>Node %1</source>
        <translation>Knoten %1</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Node id</source>
        <translation>Knoten-ID</translation>
    </message>
    <message>
        <source>Group id</source>
        <translation>Gruppen-ID</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Should have shards</source>
        <translation>Soll Shards haben</translation>
    </message>
    <message>
        <source>Has metadata</source>
        <translation>Hat Metadaten</translation>
    </message>
    <message>
        <source>Shard placements</source>
        <translation>Shard-Platzierungen</translation>
    </message>
    <message>
        <source>Data size</source>
        <translation>Datenmenge</translation>
    </message>
    <message>
        <source>Share of cluster data</source>
        <translation>Anteil an den Clusterdaten</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Estimated rows</source>
        <translation>Geschätzte Zeilen</translation>
    </message>
    <message>
        <source>Free disk</source>
        <translation>Freier Plattenplatz</translation>
    </message>
    <message>
        <source>This table is no longer in the cluster</source>
        <translation>Diese Tabelle gehört nicht mehr zum Cluster</translation>
    </message>
    <message>
        <source>Table %1</source>
        <translation>Tabelle %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Distribution column</source>
        <translation>Verteilungsspalte</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Colocation group</source>
        <translation>Colocation-Gruppe</translation>
    </message>
    <message>
        <source>Shards</source>
        <translation>Shards</translation>
    </message>
    <message>
        <source>Placements</source>
        <translation>Platzierungen</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Largest shard</source>
        <translation>Größter Shard</translation>
    </message>
    <message>
        <source>%1 (%2, %3× the mean)</source>
        <translation>%1 (%2, das %L3-Fache des Mittelwerts)</translation>
    </message>
    <message>
        <source>This colocation group is no longer in the cluster</source>
        <translation>Diese Colocation-Gruppe gehört nicht mehr zum Cluster</translation>
    </message>
    <message>
        <source>Colocation group %1</source>
        <translation>Colocation-Gruppe %1</translation>
    </message>
    <message>
        <source>Colocation id</source>
        <translation>Colocation-ID</translation>
    </message>
    <message>
        <source>Distribution column type</source>
        <translation>Typ der Verteilungsspalte</translation>
    </message>
    <message>
        <source>Shard count at creation</source>
        <translation>Shard-Anzahl beim Anlegen</translation>
    </message>
    <message>
        <source>Shard groups now</source>
        <translation>Shard-Gruppen jetzt</translation>
    </message>
    <message>
        <source>Replication factor</source>
        <translation>Replikationsfaktor</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>Tabellen</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Accepting shards</source>
        <translation>Nehmen Shards an</translation>
    </message>
    <message>
        <source>Reference tables</source>
        <translation>Referenztabellen</translation>
    </message>
    <message>
        <source>Local tables</source>
        <translation>Lokale Tabellen</translation>
    </message>
    <message>
        <source>Placement</source>
        <translation>Platzierung</translation>
    </message>
    <message>
        <source>a full copy on every node</source>
        <translation>eine vollständige Kopie auf jedem Knoten</translation>
    </message>
    <message>
        <source>on the coordinator only, not distributed</source>
        <translation>nur auf dem Koordinator, nicht verteilt</translation>
    </message>
    <message>
        <source>Property</source>
        <translation>Eigenschaft</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>shardscope::DistributionActions</name>
    <message>
        <source>&amp;Distribute table…</source>
        <translation>Tabelle &amp;verteilen …</translation>
    </message>
    <message>
        <source>Make the selected local table a distributed or reference table</source>
        <translation>Die ausgewählte lokale Tabelle zu einer verteilten Tabelle oder Referenztabelle machen</translation>
    </message>
    <message>
        <source>&amp;Distribute %1…</source>
        <translation>%1 &amp;verteilen …</translation>
    </message>
</context>
<context>
    <name>shardscope::DistributionWizard</name>
    <message>
        <source>Distribute table</source>
        <translation>Tabelle verteilen</translation>
    </message>
    <message>
        <source>Add the demo&apos;s local tables</source>
        <translation>Die lokalen Tabellen der Demo hinzufügen</translation>
    </message>
    <message>
        <source>Local table:</source>
        <translation>Lokale Tabelle:</translation>
    </message>
    <message>
        <source>&amp;Hash-distributed</source>
        <translation>&amp;Hash-verteilt</translation>
    </message>
    <message>
        <source>&amp;Reference (copy on every node)</source>
        <translation>&amp;Referenztabelle (Kopie auf jedem Knoten)</translation>
    </message>
    <message>
        <source>&amp;Single shard</source>
        <translation>&amp;Ein Shard</translation>
    </message>
    <message>
        <source>Distribute as:</source>
        <translation>Verteilen als:</translation>
    </message>
    <message>
        <source>Distribution column</source>
        <translation>Verteilungsspalte</translation>
    </message>
    <message>
        <source>default (%1)</source>
        <translation>Vorgabe (%1)</translation>
    </message>
    <message>
        <source>Shard count:</source>
        <translation>Shard-Anzahl:</translation>
    </message>
    <message>
        <source>Colocate with:</source>
        <translation>Colocieren mit:</translation>
    </message>
    <message>
        <source>SQL that will run on the coordinator:</source>
        <translation>SQL, das auf dem Koordinator ausgeführt wird:</translation>
    </message>
    <message>
        <source>&amp;Distribute</source>
        <translation>&amp;Verteilen</translation>
    </message>
    <message>
        <source>default (matching group)</source>
        <translation>Vorgabe (passende Gruppe)</translation>
    </message>
    <message>
        <source>none (a new group)</source>
        <translation>keine (neue Gruppe)</translation>
    </message>
    <message>
        <source>This cluster has no local table left to distribute.</source>
        <translation>Dieser Cluster hat keine lokale Tabelle mehr, die verteilt werden könnte.</translation>
    </message>
    <message>
        <source>Choose a table.</source>
        <translation>Wählen Sie eine Tabelle.</translation>
    </message>
    <message>
        <source>The columns of this table are not known to ShardScope for this source, so no column can be advised; reference and single-shard distribution still work.</source>
        <translation>Die Spalten dieser Tabelle sind ShardScope bei dieser Quelle nicht bekannt, daher kann keine Spalte empfohlen werden; Referenztabelle und Verteilung auf einen Shard funktionieren trotzdem.</translation>
    </message>
    <message>
        <source>Choose the distribution column.</source>
        <translation>Wählen Sie die Verteilungsspalte.</translation>
    </message>
    <message>
        <source>Citus would refuse column %1.</source>
        <translation>Citus würde die Spalte %1 ablehnen.</translation>
    </message>
    <message>
        <source>Note: the shard count follows %1 when colocating with it.</source>
        <translation>Hinweis: Beim Colocieren mit %1 richtet sich die Shard-Anzahl nach dieser Tabelle.</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Abgelehnt: %1</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>Läuft …</translation>
    </message>
    <message>
        <source>Citus refused: %1</source>
        <translation>Citus hat abgelehnt: %1</translation>
    </message>
    <message>
        <source>What to do: %1</source>
        <translation>Was zu tun ist: %1</translation>
    </message>
    <message>
        <source>Canceled; nothing changed.</source>
        <translation>Abgebrochen; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Done: the table is distributed.</source>
        <translation>Erledigt: Die Tabelle ist verteilt.</translation>
    </message>
    <message>
        <source>&amp;Cancel operation</source>
        <translation>Vorgang &amp;abbrechen</translation>
    </message>
    <message>
        <source>Ask the server to stop; Citus rolls the distribution back</source>
        <translation>Den Server bitten, abzubrechen; Citus rollt die Verteilung zurück</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Breche ab …</translation>
    </message>
    <message>
        <source>Reading the columns, keys and statistics of %1 from the server…</source>
        <translation>Lese Spalten, Schlüssel und Statistiken von %1 vom Server …</translation>
    </message>
    <message>
        <source>The columns could not be read from the server: %1. Reference and single-shard distribution still work.</source>
        <translation>Die Spalten konnten nicht vom Server gelesen werden: %1. Referenztabelle und Verteilung auf einen Shard funktionieren trotzdem.</translation>
    </message>
</context>
<context>
    <name>shardscope::ExplainComparePanel</name>
    <message>
        <source>Current plan</source>
        <translation>Aktueller Plan</translation>
    </message>
    <message>
        <source>Open a second plan with “Compare with…”</source>
        <translation>Einen zweiten Plan mit „Vergleichen mit …“ öffnen</translation>
    </message>
    <message>
        <source>Before: %1</source>
        <translation>Vorher: %1</translation>
    </message>
    <message>
        <source>After: %1</source>
        <translation>Nachher: %1</translation>
    </message>
    <message>
        <source>Compare two plans of the same statement, e.g. before and after adding an index or changing the distribution column.</source>
        <translation>Zwei Pläne desselben Statements vergleichen, z. B. vor und nach dem Anlegen eines Index oder dem Wechsel der Verteilungsspalte.</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>Execution time: %1 → %2 (%3%4%)</source>
        <translation>Ausführungszeit: %1 → %2 (%3%4 %)</translation>
    </message>
    <message>
        <source>Execution time: %1 → %2</source>
        <translation>Ausführungszeit: %1 → %2</translation>
    </message>
    <message>
        <source>Tasks: %1 → %2</source>
        <translation>Tasks: %1 → %2</translation>
    </message>
    <message>
        <source>Plan nodes: %1 → %2</source>
        <translation>Planknoten: %1 → %2</translation>
    </message>
    <message>
        <source>Slowest node: %1 → %2</source>
        <translation>Langsamster Planknoten: %1 → %2</translation>
    </message>
</context>
<context>
    <name>shardscope::ExplainPage</name>
    <message>
        <source>
… (%1 MB in all; save the plan to read the rest)</source>
        <translation>
… (insgesamt %1 MB; den Plan speichern, um den Rest zu lesen)</translation>
    </message>
    <message>
        <source>Open a plan saved from EXPLAIN (FORMAT JSON) or from psql&apos;s text output.</source>
        <translation>Einen Plan öffnen, der mit EXPLAIN (FORMAT JSON) oder aus der Textausgabe von psql gespeichert wurde.</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Raw JSON</source>
        <translation>Roh-JSON</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>SELECT ... -- the statement to explain</source>
        <translation>SELECT ... -- das zu erklärende Statement</translation>
    </message>
    <message>
        <source>Runs the statement. A data-changing statement runs in a transaction that is rolled back.</source>
        <translation>Führt das Statement aus. Ein datenänderndes Statement läuft in einer Transaktion, die zurückgerollt wird.</translation>
    </message>
    <message>
        <source>Needs ANALYZE.</source>
        <translation>Erfordert ANALYZE.</translation>
    </message>
    <message>
        <source>Explain every task instead of one of them, to see skew between shards and workers.</source>
        <translation>Jeden Task statt nur eines erklären, um Schieflage zwischen Shards und Workern zu sehen.</translation>
    </message>
    <message>
        <source>Run EXPLAIN</source>
        <translation>EXPLAIN ausführen</translation>
    </message>
    <message>
        <source>Open plan…</source>
        <translation>Plan öffnen …</translation>
    </message>
    <message>
        <source>Save plan…</source>
        <translation>Plan speichern …</translation>
    </message>
    <message>
        <source>Compare with…</source>
        <translation>Vergleichen mit …</translation>
    </message>
    <message>
        <source>Type a statement to see the EXPLAIN that will run.</source>
        <translation>Ein Statement eingeben, um das auszuführende EXPLAIN zu sehen.</translation>
    </message>
    <message>
        <source>
This statement changes data: ANALYZE runs it inside a transaction that is rolled back.</source>
        <translation>
Dieses Statement ändert Daten: ANALYZE führt es in einer Transaktion aus, die zurückgerollt wird.</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Lese %1 …</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Comparing with %1.</source>
        <translation>Vergleich mit %1.</translation>
    </message>
    <message>
        <source>distributed: Task Count %1, tasks shown on %2 worker(s)</source>
        <translation>verteilt: Task Count %1, gezeigte Tasks auf Workern: %2</translation>
    </message>
    <message>
        <source>planning %1 ms</source>
        <translation>Planung %1 ms</translation>
    </message>
    <message>
        <source>execution %1 ms</source>
        <translation>Ausführung %1 ms</translation>
    </message>
    <message>
        <source>slowest: %1 (%2 ms self)</source>
        <translation>langsamster: %1 (%2 ms selbst)</translation>
    </message>
    <message>
        <source>worst estimate: %1, off by %2×</source>
        <translation>schlechteste Schätzung: %1, um %2× daneben</translation>
    </message>
    <message>
        <source>Runs on: %1</source>
        <translation>Läuft auf: %1</translation>
    </message>
    <message>
        <source>coordinator</source>
        <translation>Koordinator</translation>
    </message>
    <message>
        <source>Total time: %1 ms</source>
        <translation>Gesamtzeit: %1 ms</translation>
    </message>
    <message>
        <source>Self time: %1 ms</source>
        <translation>Eigenzeit: %1 ms</translation>
    </message>
    <message>
        <source>Rows %1 than estimated, by %2×</source>
        <translation>Zeilen: %1 als geschätzt, Faktor %2</translation>
    </message>
    <message>
        <source>more</source>
        <translation>mehr</translation>
    </message>
    <message>
        <source>fewer</source>
        <translation>weniger</translation>
    </message>
    <message>
        <source>There is no plan to save.</source>
        <translation>Es gibt keinen Plan zum Speichern.</translation>
    </message>
    <message>
        <source>Open plan</source>
        <translation>Plan öffnen</translation>
    </message>
    <message>
        <source>Plans (*.json *.txt *.sql *.log);;All files (*)</source>
        <translation>Pläne (*.json *.txt *.sql *.log);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Compare with plan</source>
        <translation>Mit Plan vergleichen</translation>
    </message>
    <message>
        <source>Save plan</source>
        <translation>Plan speichern</translation>
    </message>
    <message>
        <source>JSON plan (*.json);;Text plan (*.txt)</source>
        <translation>JSON-Plan (*.json);;Text-Plan (*.txt)</translation>
    </message>
    <message>
        <source>Re-run with all tasks</source>
        <translation>Mit allen Tasks erneut ausführen</translation>
    </message>
    <message>
        <source>repartition joins</source>
        <translation>Repartition-Joins</translation>
    </message>
    <message>
        <source>SET LOCAL citus.enable_repartition_joins = on: lets Citus plan joins that are not on the distribution column.</source>
        <translation>SET LOCAL citus.enable_repartition_joins = on: Citus darf Joins planen, die nicht über die Verteilungsspalte laufen.</translation>
    </message>
    <message>
        <source>Needs a live connection (File &gt; Connect…); meanwhile open a plan file.</source>
        <translation>Erfordert eine Live-Verbindung (Datei &gt; Verbinden …); bis dahin eine Plandatei öffnen.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Asks the server to stop the running EXPLAIN.</source>
        <translation>Bittet den Server, das laufende EXPLAIN abzubrechen.</translation>
    </message>
    <message>
        <source>distributed: Task Count %1, tasks shown: %2</source>
        <translation>verteilt: Task Count %1, gezeigte Tasks: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n distributed subplan(s) first: %1 ms</source>
        <translation>
            <numerusform>vorab %Ln verteilter Subplan: %1 ms</numerusform>
            <numerusform>vorab %Ln verteilte Subpläne: %1 ms</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n distributed subplan(s)</source>
        <translation>
            <numerusform>%Ln verteilter Subplan</numerusform>
            <numerusform>%Ln verteilte Subpläne</numerusform>
        </translation>
    </message>
    <message>
        <source>Only %1 of %2 tasks was explained (Tasks Shown: %3). The worker plan below is a sample: other shards may be much slower.</source>
        <translation>Nur %1 von %2 Tasks wurde erklärt (Tasks Shown: %3). Der Worker-Plan unten ist eine Stichprobe: Andere Shards können deutlich langsamer sein.</translation>
    </message>
    <message>
        <source>the server (no Citus)</source>
        <translation>Server (ohne Citus)</translation>
    </message>
    <message>
        <source>Rows as estimated</source>
        <translation>Zeilen wie geschätzt</translation>
    </message>
    <message>
        <source>Runs the EXPLAIN shown below on %1, on a connection of its own (Ctrl+Enter).</source>
        <translation>Führt das unten gezeigte EXPLAIN auf %1 aus, über eine eigene Verbindung (Strg+Eingabe).</translation>
    </message>
    <message>
        <source>Connect to the coordinator and run with citus.explain_all_tasks to see every task and the time per worker.</source>
        <translation>Mit dem Koordinator verbinden und mit citus.explain_all_tasks ausführen, um jeden Task und die Zeit je Worker zu sehen.</translation>
    </message>
    <message>
        <source>Type the statement in the editor above, then re-run with all tasks to see every task and the time per worker.</source>
        <translation>Das Statement oben im Editor eingeben und dann mit allen Tasks erneut ausführen, um jeden Task und die Zeit je Worker zu sehen.</translation>
    </message>
    <message>
        <source>Re-run with all tasks to see every task and the time per worker.</source>
        <translation>Mit allen Tasks erneut ausführen, um jeden Task und die Zeit je Worker zu sehen.</translation>
    </message>
    <message>
        <source>live plan (%1)</source>
        <translation>Live-Plan (%1)</translation>
    </message>
    <message>
        <source>Reading the plan…</source>
        <translation>Lese den Plan …</translation>
    </message>
</context>
<context>
    <name>shardscope::ExplainRunStatus</name>
    <message>
        <source>Running EXPLAIN ANALYZE on %1…</source>
        <translation>Führe EXPLAIN ANALYZE auf %1 aus …</translation>
    </message>
    <message>
        <source>Running EXPLAIN on %1…</source>
        <translation>Führe EXPLAIN auf %1 aus …</translation>
    </message>
    <message>
        <source>Cancelling: the server has been asked to stop the EXPLAIN…</source>
        <translation>Breche ab: Der Server wurde gebeten, das EXPLAIN abzubrechen …</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <source>Hint: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <source>(error code %1)</source>
        <translation>(Fehlercode %1)</translation>
    </message>
    <message>
        <source>EXPLAIN ran on %1 in %2 ms.</source>
        <translation>EXPLAIN lief auf %1 in %2 ms.</translation>
    </message>
    <message>
        <source>ANALYZE really ran this data-changing statement, inside a transaction that was rolled back: nothing was changed.</source>
        <translation>ANALYZE hat dieses datenändernde Statement tatsächlich ausgeführt, in einer Transaktion, die zurückgerollt wurde: Nichts wurde geändert.</translation>
    </message>
</context>
<context>
    <name>shardscope::ExplainTaskChart</name>
    <message>
        <source>Only one task was explained. Run EXPLAIN ANALYZE with citus.explain_all_tasks on to chart the time of every task and worker.</source>
        <translation>Nur ein Task wurde erklärt. EXPLAIN ANALYZE mit eingeschaltetem citus.explain_all_tasks ausführen, um die Zeit jedes Tasks und Workers darzustellen.</translation>
    </message>
    <message>
        <source>Task and worker times appear here for EXPLAIN ANALYZE plans with several tasks.</source>
        <translation>Hier erscheinen die Zeiten je Task und Worker für EXPLAIN-ANALYZE-Pläne mit mehreren Tasks.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Time per task (ms), slowest first</source>
        <translation>Zeit je Task (ms), langsamste zuerst</translation>
    </message>
    <message>
        <source>total ms</source>
        <translation>ms gesamt</translation>
    </message>
    <message>
        <source>slowest task ms</source>
        <translation>ms langsamster Task</translation>
    </message>
    <message>
        <source>Per worker (tasks)</source>
        <translation>Je Worker (Tasks)</translation>
    </message>
    <message>
        <source>Citus does not explain the tasks of a repartition join, so there is no time per task to chart.</source>
        <translation>Citus erklärt die Tasks eines Repartition-Joins nicht, daher lässt sich keine Zeit je Task darstellen.</translation>
    </message>
</context>
<context>
    <name>shardscope::FanoutClassChart</name>
    <message>
        <source>% of calls</source>
        <translation>% der Aufrufe</translation>
    </message>
    <message>
        <source>% of total time</source>
        <translation>% der Gesamtzeit</translation>
    </message>
    <message>
        <source>Calls and time by fan-out class</source>
        <translation>Aufrufe und Zeit nach Fan-out-Klasse</translation>
    </message>
</context>
<context>
    <name>shardscope::FanoutCostChart</name>
    <message>
        <source>shards × calls</source>
        <translation>Shards × Aufrufe</translation>
    </message>
    <message>
        <source>Shards touched × calls per statement</source>
        <translation>Berührte Shards × Aufrufe je Statement</translation>
    </message>
</context>
<context>
    <name>shardscope::FanoutTenantChart</name>
    <message>
        <source>Single-tenant traffic per tenant</source>
        <translation>Einzelmandanten-Verkehr je Mandant</translation>
    </message>
    <message>
        <source>key %1: %2%</source>
        <translation>Schlüssel %1: %2 %</translation>
    </message>
    <message numerus="yes">
        <source>%n other(s): %1%</source>
        <translation>
            <numerusform>%Ln weiterer: %1 %</numerusform>
            <numerusform>%Ln weitere: %1 %</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>shardscope::HeatmapDecorations</name>
    <message>
        <source>inactive</source>
        <translation>inaktiv</translation>
    </message>
    <message>
        <source>coordinator, no shards</source>
        <translation>Koordinator, keine Shards</translation>
    </message>
    <message>
        <source>no shards</source>
        <translation>keine Shards</translation>
    </message>
    <message>
        <source>coordinator</source>
        <translation>Koordinator</translation>
    </message>
    <message>
        <source>node total</source>
        <translation>Summe je Knoten</translation>
    </message>
    <message>
        <source>max %1</source>
        <translation>max. %1</translation>
    </message>
    <message>
        <source>shard groups %1–%2 of %3, by hash range</source>
        <translation>Shard-Gruppen %1–%2 von %3, nach Hash-Bereich</translation>
    </message>
    <message>
        <source> · %1 per pixel (%2)</source>
        <translation> · %1 je Pixel (%2)</translation>
    </message>
    <message>
        <source>sum</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>max</source>
        <translation>Maximum</translation>
    </message>
    <message>
        <source>no placement</source>
        <translation>keine Platzierung</translation>
    </message>
    <message>
        <source>No %1 data yet: cells show where placements are.</source>
        <translation>Noch keine Daten zu %1: Die Zellen zeigen nur, wo Platzierungen liegen.</translation>
    </message>
    <message>
        <source>%1 per cell (%2)</source>
        <translation>%1 je Zelle (%2)</translation>
    </message>
    <message>
        <source>log scale</source>
        <translation>logarithmische Skala</translation>
    </message>
    <message>
        <source>linear</source>
        <translation>linear</translation>
    </message>
</context>
<context>
    <name>shardscope::HeatmapDrop</name>
    <message>
        <source>the group is already here</source>
        <translation>die Gruppe liegt bereits hier</translation>
    </message>
    <message>
        <source>already holds this shard group</source>
        <translation>hält diese Shard-Gruppe bereits</translation>
    </message>
    <message>
        <source>node does not accept shards (shouldhaveshards = false)</source>
        <translation>Knoten nimmt keine Shards an (shouldhaveshards = false)</translation>
    </message>
    <message>
        <source>node is inactive</source>
        <translation>Knoten ist inaktiv</translation>
    </message>
    <message>
        <source>reference tables are on every node and cannot move</source>
        <translation>Referenztabellen liegen auf jedem Knoten und lassen sich nicht verschieben</translation>
    </message>
    <message>
        <source>no placement here to move</source>
        <translation>hier gibt es keine Platzierung zum Verschieben</translation>
    </message>
</context>
<context>
    <name>shardscope::HeatmapMatrixBuilder</name>
    <message>
        <source>reference tables</source>
        <translation>Referenztabellen</translation>
    </message>
</context>
<context>
    <name>shardscope::HeatmapTooltip</name>
    <message>
        <source>&lt;b&gt;Reference table shard %1&lt;/b&gt;</source>
        <translation>&lt;b&gt;Shard %1 einer Referenztabelle&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Shard group %1 of colocation group %2&lt;/b&gt;</source>
        <translation>&lt;b&gt;Shard-Gruppe %1 der Colocation-Gruppe %2&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Shards:</source>
        <translation>Shards:</translation>
    </message>
    <message>
        <source>Tables:</source>
        <translation>Tabellen:</translation>
    </message>
    <message>
        <source>Hash range:</source>
        <translation>Hash-Bereich:</translation>
    </message>
    <message>
        <source>Node:</source>
        <translation>Knoten:</translation>
    </message>
    <message>
        <source>Bytes:</source>
        <translation>Bytes:</translation>
    </message>
    <message>
        <source>Rows:</source>
        <translation>Zeilen:</translation>
    </message>
    <message>
        <source>Load:</source>
        <translation>Last:</translation>
    </message>
    <message>
        <source>Placement:</source>
        <translation>Platzierung:</translation>
    </message>
    <message>
        <source>none on this node</source>
        <translation>keine auf diesem Knoten</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 shard groups (zoom in to see each)&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1 Shard-Gruppen (zum Einzeln-Sehen hineinzoomen)&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;tr&gt;&lt;td&gt;Shards:&lt;/td&gt;&lt;td&gt;%1 … %2&lt;/td&gt;&lt;/tr&gt;</source>
        <translation>&lt;tr&gt;&lt;td&gt;Shards:&lt;/td&gt;&lt;td&gt;%1 … %2&lt;/td&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <source>&lt;tr&gt;&lt;td&gt;Hash range:&lt;/td&gt;&lt;td&gt;[%1, %2]&lt;/td&gt;&lt;/tr&gt;</source>
        <translation>&lt;tr&gt;&lt;td&gt;Hash-Bereich:&lt;/td&gt;&lt;td&gt;[%1, %2]&lt;/td&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <source>&lt;tr&gt;&lt;td&gt;Node:&lt;/td&gt;&lt;td&gt;%1&lt;/td&gt;&lt;/tr&gt;</source>
        <translation>&lt;tr&gt;&lt;td&gt;Knoten:&lt;/td&gt;&lt;td&gt;%1&lt;/td&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <source>&lt;tr&gt;&lt;td&gt;Held here:&lt;/td&gt;&lt;td&gt;%1&lt;/td&gt;&lt;/tr&gt;</source>
        <translation>&lt;tr&gt;&lt;td&gt;Hier gehalten:&lt;/td&gt;&lt;td&gt;%1&lt;/td&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <source>&lt;tr&gt;&lt;td&gt;Bytes:&lt;/td&gt;&lt;td&gt;%1&lt;/td&gt;&lt;/tr&gt;</source>
        <translation>&lt;tr&gt;&lt;td&gt;Bytes:&lt;/td&gt;&lt;td&gt;%1&lt;/td&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <source>&lt;tr&gt;&lt;td&gt;Rows:&lt;/td&gt;&lt;td&gt;%1&lt;/td&gt;&lt;/tr&gt;</source>
        <translation>&lt;tr&gt;&lt;td&gt;Zeilen:&lt;/td&gt;&lt;td&gt;%1&lt;/td&gt;&lt;/tr&gt;</translation>
    </message>
</context>
<context>
    <name>shardscope::HeatmapView</name>
    <message>
        <source>No distributed tables to show.</source>
        <translation>Keine verteilten Tabellen vorhanden.</translation>
    </message>
    <message>
        <source>drop here</source>
        <translation>hier ablegen</translation>
    </message>
    <message>
        <source>shard group %1 · %2</source>
        <translation>Shard-Gruppe %1 · %2</translation>
    </message>
</context>
<context>
    <name>shardscope::HotShardModel</name>
    <message>
        <source>unplaced</source>
        <translation>nicht platziert</translation>
    </message>
    <message>
        <source>Shard</source>
        <translation>Shard</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>Tabellen</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Shard group of shard %1 (colocation group %2): %3 in %4. Click to show it on the Placement tab.</source>
        <translation>Shard-Gruppe von Shard %1 (Colocation-Gruppe %2): %3 in %4. Klicken zeigt sie auf der Seite Platzierung.</translation>
    </message>
    <message numerus="yes">
        <source>%n colocated shard(s)</source>
        <translation>
            <numerusform>%Ln colocierten Shard</numerusform>
            <numerusform>%Ln colocierten Shards</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>shardscope::JobProgressPanel</name>
    <message>
        <source>&amp;Stop</source>
        <translation>Anhal&amp;ten</translation>
    </message>
    <message>
        <source>Cancel the running operation and those not started yet</source>
        <translation>Die laufende Operation und die noch nicht gestarteten abbrechen</translation>
    </message>
    <message>
        <source>%v of %m</source>
        <translation>%v von %m</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Starte …</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Halte an …</translation>
    </message>
</context>
<context>
    <name>shardscope::JournalActions</name>
    <message>
        <source>Operations &amp;journal</source>
        <translation>Operations&amp;journal</translation>
    </message>
</context>
<context>
    <name>shardscope::JournalDialog</name>
    <message>
        <source>Operations journal</source>
        <translation>Operationsjournal</translation>
    </message>
    <message>
        <source>Filter by table, SQL or error…</source>
        <translation>Nach Tabelle, SQL oder Fehler filtern …</translation>
    </message>
    <message>
        <source>All outcomes</source>
        <translation>Alle Ergebnisse</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>&amp;CSV exportieren …</translation>
    </message>
    <message>
        <source>Export &amp;JSON…</source>
        <translation>&amp;JSON exportieren …</translation>
    </message>
    <message>
        <source>The journal cannot be opened: %1</source>
        <translation>Das Journal kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>No journal.</source>
        <translation>Kein Journal.</translation>
    </message>
    <message numerus="yes">
        <source>%n operation(s) shown; journal: %1</source>
        <translation>
            <numerusform>%Ln Operation gezeigt; Journal: %1</numerusform>
            <numerusform>%Ln Operationen gezeigt; Journal: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n operation(s) to %1</source>
        <translation>
            <numerusform>%Ln Operation nach %1 exportiert</numerusform>
            <numerusform>%Ln Operationen nach %1 exportiert</numerusform>
        </translation>
    </message>
    <message>
        <source>Export journal</source>
        <translation>Journal exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
</context>
<context>
    <name>shardscope::JournalModel</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>canceled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Vorgang</translation>
    </message>
    <message>
        <source>SQL</source>
        <translation>SQL</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
</context>
<context>
    <name>shardscope::LiveScreenshot</name>
    <message>
        <source>The server did not answer within 30 seconds.</source>
        <translation>Der Server hat nicht innerhalb von 30 Sekunden geantwortet.</translation>
    </message>
    <message>
        <source>The cluster could not be read: %1</source>
        <translation>Der Cluster konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The window was closed before the screenshot.</source>
        <translation>Das Fenster wurde vor dem Bildschirmfoto geschlossen.</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>%1 kann nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>shardscope::MainWindow</name>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Cluster</source>
        <translation>&amp;Cluster</translation>
    </message>
    <message>
        <source>&amp;Find in tree</source>
        <translation>Im Baum &amp;suchen</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Dark mode</source>
        <translation>&amp;Dunkler Modus</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About ShardScope</source>
        <translation>&amp;Über ShardScope</translation>
    </message>
    <message>
        <source>About ShardScope</source>
        <translation>Über ShardScope</translation>
    </message>
    <message>
        <source>&lt;h3&gt;ShardScope %1&lt;/h3&gt;&lt;p&gt;See and steer a Citus cluster: nodes, colocation groups, shards and placements, skew, queries and distributed plans.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;ShardScope %1&lt;/h3&gt;&lt;p&gt;Einen Citus-Cluster sehen und steuern: Knoten, Colocation-Gruppen, Shards und Platzierungen, Schieflage, Abfragen und verteilte Pläne.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>shardscope::MovePreviewDialog</name>
    <message>
        <source>Move shard group</source>
        <translation>Shard-Gruppe verschieben</translation>
    </message>
    <message>
        <source>Move shard group &lt;b&gt;%1&lt;/b&gt; from &lt;b&gt;%2&lt;/b&gt; to &lt;b&gt;%3&lt;/b&gt;</source>
        <translation>Shard-Gruppe &lt;b&gt;%1&lt;/b&gt; von &lt;b&gt;%2&lt;/b&gt; nach &lt;b&gt;%3&lt;/b&gt; verschieben</translation>
    </message>
    <message>
        <source>What moves: every colocated shard of the group</source>
        <translation>Was verschoben wird: jeder colocierte Shard der Gruppe</translation>
    </message>
    <message numerus="yes">
        <source>%n shard(s), %1 and %2 rows in total</source>
        <translation>
            <numerusform>%Ln Shard, insgesamt %1 und %2 Zeilen</numerusform>
            <numerusform>%Ln Shards, insgesamt %1 und %2 Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <source>Node totals</source>
        <translation>Summen je Knoten</translation>
    </message>
    <message>
        <source>auto (logical replication when the tables have a replica identity)</source>
        <translation>auto (logische Replikation, wenn die Tabellen eine Replica Identity haben)</translation>
    </message>
    <message>
        <source>force_logical (writes continue, even without a replica identity)</source>
        <translation>force_logical (Schreibzugriffe laufen weiter, auch ohne Replica Identity)</translation>
    </message>
    <message>
        <source>block_writes (copy while writes wait)</source>
        <translation>block_writes (kopieren, während Schreibzugriffe warten)</translation>
    </message>
    <message>
        <source>Transfer mode:</source>
        <translation>Übertragungsmodus:</translation>
    </message>
    <message>
        <source>Checking whether the next rebalance would move it back…</source>
        <translation>Prüfe, ob das nächste Rebalancing sie zurückverschieben würde …</translation>
    </message>
    <message>
        <source>SQL that will run on the coordinator:</source>
        <translation>SQL, das auf dem Koordinator ausgeführt wird:</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Verschieben</translation>
    </message>
    <message>
        <source>&lt;b&gt;Citus would refuse this move:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Citus würde diese Verschiebung ablehnen:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Shard</source>
        <translation>Shard</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source> (source)</source>
        <translation> (Quelle)</translation>
    </message>
    <message>
        <source> (target)</source>
        <translation> (Ziel)</translation>
    </message>
    <message>
        <source>Could not check the next rebalance: %1</source>
        <translation>Das nächste Rebalancing konnte nicht geprüft werden: %1</translation>
    </message>
    <message>
        <source>✔ The next automatic rebalance (%1) would leave the group on %2.</source>
        <translation>✔ Das nächste automatische Rebalancing (%1) würde die Gruppe auf %2 lassen.</translation>
    </message>
    <message>
        <source>back to %1</source>
        <translation>zurück nach %1</translation>
    </message>
    <message>
        <source>on to %1</source>
        <translation>weiter nach %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;⚠ The next automatic rebalance (%1) would move this group %2.&lt;/b&gt;&lt;br&gt;To keep it in place, stop new shards on %3 (shouldhaveshards = false; the rebalancer then moves that node&apos;s other shards away too), or rebalance with a custom strategy whose shard_allowed_on_node_function keeps this group on %4.</source>
        <translation>&lt;b&gt;⚠ Das nächste automatische Rebalancing (%1) würde diese Gruppe %2 verschieben.&lt;/b&gt;&lt;br&gt;Damit sie bleibt, neue Shards auf %3 unterbinden (shouldhaveshards = false; der Rebalancer verschiebt dann auch die übrigen Shards dieses Knotens weg) oder mit einer eigenen Strategie rebalancieren, deren shard_allowed_on_node_function diese Gruppe auf %4 hält.</translation>
    </message>
    <message>
        <source>Also set shouldhaveshards = false on %1</source>
        <translation>Auch shouldhaveshards = false auf %1 setzen</translation>
    </message>
</context>
<context>
    <name>shardscope::NodeModel</name>
    <message>
        <source>This node is disabled: Citus does not route queries to it.</source>
        <translation>Dieser Knoten ist deaktiviert: Citus leitet keine Abfragen an ihn.</translation>
    </message>
    <message>
        <source>shouldhaveshards is false: the rebalancer moves shards away from this node.</source>
        <translation>shouldhaveshards ist false: Der Rebalancer verschiebt Shards von diesem Knoten weg.</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Should have shards</source>
        <translation>Soll Shards haben</translation>
    </message>
    <message>
        <source>Shards</source>
        <translation>Shards</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
</context>
<context>
    <name>shardscope::PlacementPage</name>
    <message>
        <source>Not moved: %1.</source>
        <translation>Nicht verschoben: %1.</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Query load</source>
        <translation>Abfragelast</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Log</translation>
    </message>
    <message>
        <source>Linear</source>
        <translation>Linear</translation>
    </message>
    <message>
        <source>&amp;Scale:</source>
        <translation>&amp;Skala:</translation>
    </message>
    <message>
        <source>Sum</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Maximum</translation>
    </message>
    <message>
        <source>Zoom out (-)</source>
        <translation>Herauszoomen (-)</translation>
    </message>
    <message>
        <source>Zoom in (+)</source>
        <translation>Hineinzoomen (+)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Show every shard group (0)</source>
        <translation>Alle Shard-Gruppen zeigen (0)</translation>
    </message>
    <message>
        <source>Hover a cell for details, click to select, drag a shard group onto another node&apos;s row to move it. Wheel or +/- zooms, middle-drag or space+drag pans.</source>
        <translation>Eine Zelle überfahren zeigt Details, Klicken wählt aus, eine Shard-Gruppe auf die Zeile eines anderen Knotens ziehen verschiebt sie. Mausrad oder +/- zoomt, Ziehen mit mittlerer Taste oder Leertaste verschiebt die Ansicht.</translation>
    </message>
    <message>
        <source>All groups, side by side</source>
        <translation>Alle nebeneinander</translation>
    </message>
    <message>
        <source>%1 nodes · %2 stored · node skew max/mean %3</source>
        <translation>%1 Knoten · %2 gespeichert · Knoten-Schieflage max./Mittel %L3</translation>
    </message>
    <message>
        <source>No query load data yet: statement statistics fill it in. The cells only show where placements are.</source>
        <translation>Noch keine Daten zur Abfragelast: Die Statement-Statistiken liefern sie. Die Zellen zeigen nur, wo Platzierungen liegen.</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Erledigt.</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Colocation group to show, or all of them side by side</source>
        <translation>Die zu zeigende Colocation-Gruppe, oder alle nebeneinander</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>&amp;Gruppe:</translation>
    </message>
    <message>
        <source>&amp;Colour:</source>
        <translation>&amp;Farbe:</translation>
    </message>
    <message>
        <source>How shard groups sharing one pixel are combined when there are more groups than pixels</source>
        <translation>Wie Shard-Gruppen zusammengefasst werden, die sich ein Pixel teilen, wenn es mehr Gruppen als Pixel gibt</translation>
    </message>
    <message>
        <source>&amp;Merge:</source>
        <translation>&amp;Zusammenfassen:</translation>
    </message>
    <message>
        <source>Rebalance preview…</source>
        <translation>Rebalance-Vorschau …</translation>
    </message>
    <message>
        <source>Plan a rebalance or a drain and see it before it runs</source>
        <translation>Ein Rebalancing oder Leeren eines Knotens planen und ansehen, bevor es läuft</translation>
    </message>
    <message numerus="yes">
        <source>Running the rebalance plan: %n operation(s)…</source>
        <translation>
            <numerusform>Führe den Rebalance-Plan aus: %Ln Operation …</numerusform>
            <numerusform>Führe den Rebalance-Plan aus: %Ln Operationen …</numerusform>
        </translation>
    </message>
    <message>
        <source>Moving shard group %1 from %2 to %3</source>
        <translation>Verschiebe Shard-Gruppe %1 von %2 nach %3</translation>
    </message>
    <message>
        <source>Background rebalance</source>
        <translation>Rebalancing im Hintergrund</translation>
    </message>
    <message>
        <source>Starting a background rebalance (%1)…</source>
        <translation>Starte ein Rebalancing im Hintergrund (%1) …</translation>
    </message>
    <message>
        <source>Draining the node</source>
        <translation>Leere den Knoten</translation>
    </message>
    <message>
        <source>Rebalance plan</source>
        <translation>Rebalance-Plan</translation>
    </message>
    <message>
        <source>Finished with errors: %1 done, %2 failed, %3 canceled. %4</source>
        <translation>Mit Fehlern beendet: %1 erledigt, %2 fehlgeschlagen, %3 abgebrochen. %4</translation>
    </message>
    <message>
        <source>Stopped: %1 done, %2 canceled. The heatmap shows the state now.</source>
        <translation>Angehalten: %1 erledigt, %2 abgebrochen. Die Heatmap zeigt den jetzigen Stand.</translation>
    </message>
</context>
<context>
    <name>shardscope::PlanTreeModel</name>
    <message>
        <source>Node</source>
        <translation>Planknoten</translation>
    </message>
    <message>
        <source>Runs on</source>
        <translation>Läuft auf</translation>
    </message>
    <message>
        <source>Rows (est → actual)</source>
        <translation>Zeilen (Plan → Ist)</translation>
    </message>
    <message>
        <source>Misestimate</source>
        <translation>Fehlschätzung</translation>
    </message>
    <message>
        <source>Self ms</source>
        <translation>Eigen ms</translation>
    </message>
    <message>
        <source>Total ms</source>
        <translation>Gesamt ms</translation>
    </message>
    <message>
        <source>Loops</source>
        <translation>Schleifen</translation>
    </message>
    <message>
        <source>Shared buffers</source>
        <translation>Shared Buffers</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source> · Task Count %1</source>
        <translation> · Task Count %1</translation>
    </message>
    <message>
        <source>, shown: %1</source>
        <translation>, gezeigt: %1</translation>
    </message>
    <message>
        <source> · method: %1</source>
        <translation> · Methode: %1</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>Task on %1</source>
        <translation>Task auf %1</translation>
    </message>
    <message>
        <source>Distributed subplan</source>
        <translation>Verteilter Subplan</translation>
    </message>
    <message>
        <source>MapMergeJob: %1 map / %2 merge tasks</source>
        <translation>MapMergeJob: %1 Map- / %2 Merge-Tasks</translation>
    </message>
    <message>
        <source>coordinator</source>
        <translation>Koordinator</translation>
    </message>
    <message>
        <source>%1 hit, %2 read</source>
        <translation>%1 Treffer, %2 gelesen</translation>
    </message>
    <message>
        <source>%1 hit</source>
        <translation>%1 Treffer</translation>
    </message>
    <message>
        <source>Node: %1</source>
        <translation>Knoten: %1</translation>
    </message>
    <message>
        <source>Query: %1</source>
        <translation>Abfrage: %1</translation>
    </message>
    <message>
        <source>Tuple data received: %1</source>
        <translation>Empfangene Tupeldaten: %1</translation>
    </message>
    <message>
        <source>workers</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>server</source>
        <translation>Server</translation>
    </message>
</context>
<context>
    <name>shardscope::QueriesPage</name>
    <message>
        <source>Waiting for the cluster…</source>
        <translation>Warte auf den Cluster …</translation>
    </message>
    <message>
        <source>Filter statements</source>
        <translation>Statements filtern</translation>
    </message>
    <message>
        <source>All classes</source>
        <translation>Alle Klassen</translation>
    </message>
    <message>
        <source>Open in EXPLAIN</source>
        <translation>In EXPLAIN öffnen</translation>
    </message>
    <message>
        <source>Open the selected statement in the EXPLAIN tab</source>
        <translation>Das ausgewählte Statement auf der Seite EXPLAIN öffnen</translation>
    </message>
    <message>
        <source>Simulated workload: the embedded demo cluster runs no queries, so these statistics come from a built-in workload generator shaped like a web application on the demo schema (user_id 1 is the hot tenant).</source>
        <translation>Simulierte Last: Der eingebaute Demo-Cluster führt keine Abfragen aus, daher stammen diese Statistiken von einem eingebauten Lastgenerator, der eine Webanwendung auf dem Demo-Schema nachbildet (user_id 1 ist der heiße Mandant).</translation>
    </message>
    <message numerus="yes">
        <source>%n statement(s), %1 calls; %2% of calls went to a single tenant.</source>
        <translation>
            <numerusform>%Ln Statement, %1 Aufrufe; %2 % der Aufrufe gingen an einen einzelnen Mandanten.</numerusform>
            <numerusform>%Ln Statements, %1 Aufrufe; %2 % der Aufrufe gingen an einen einzelnen Mandanten.</numerusform>
        </translation>
    </message>
    <message>
        <source>Top offenders by total time</source>
        <translation>Größte Verursacher nach Gesamtzeit</translation>
    </message>
    <message>
        <source>How often the statement statistics of the coordinator are read again</source>
        <translation>Wie oft die Statement-Statistiken des Koordinators neu gelesen werden</translation>
    </message>
    <message>
        <source>Statistics: on refresh</source>
        <translation>Statistiken: bei Aktualisierung</translation>
    </message>
    <message>
        <source>Statistics: every 10 s</source>
        <translation>Statistiken: alle 10 s</translation>
    </message>
    <message>
        <source>Statistics: every 30 s</source>
        <translation>Statistiken: alle 30 s</translation>
    </message>
    <message>
        <source>Statistics: every minute</source>
        <translation>Statistiken: jede Minute</translation>
    </message>
    <message>
        <source>Statistics: every 5 minutes</source>
        <translation>Statistiken: alle 5 Minuten</translation>
    </message>
    <message>
        <source>Only Citus tables</source>
        <translation>Nur Citus-Tabellen</translation>
    </message>
    <message>
        <source>Hide utility statements and statements that read no Citus table (catalog queries, Citus&apos;s own queries on shards)</source>
        <translation>Utility-Statements und Statements ausblenden, die keine Citus-Tabelle lesen (Katalogabfragen, Citus’ eigene Abfragen auf Shards)</translation>
    </message>
    <message>
        <source>Statement statistics could not be read: %1</source>
        <translation>Die Statement-Statistiken konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Statement statistics not read (%1).</source>
        <translation>Statement-Statistiken nicht gelesen (%1).</translation>
    </message>
    <message numerus="yes">
        <source>%n statement(s) on no Citus table hidden.</source>
        <translation>
            <numerusform>%Ln Statement ohne Citus-Tabelle ausgeblendet.</numerusform>
            <numerusform>%Ln Statements ohne Citus-Tabelle ausgeblendet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Read from the coordinator at %1.</source>
        <translation>Um %1 vom Koordinator gelesen.</translation>
    </message>
    <message>
        <source>%1% of time · %2 · %3</source>
        <translation>%1 % der Zeit · %2 · %3</translation>
    </message>
</context>
<context>
    <name>shardscope::RebalancePreviewDialog</name>
    <message>
        <source>Rebalance preview</source>
        <translation>Rebalance-Vorschau</translation>
    </message>
    <message>
        <source>ShardScope&apos;s own: at least Citus&apos;s balance while moving as few bytes as it can</source>
        <translation>ShardScopes eigene: mindestens so ausgeglichen wie Citus, mit so wenig verschobenen Bytes wie möglich</translation>
    </message>
    <message>
        <source>&amp;Strategy:</source>
        <translation>&amp;Strategie:</translation>
    </message>
    <message>
        <source>strategy default</source>
        <translation>Vorgabe der Strategie</translation>
    </message>
    <message>
        <source>&amp;Threshold:</source>
        <translation>Sch&amp;welle:</translation>
    </message>
    <message>
        <source>&amp;Max moves:</source>
        <translation>&amp;Max. Verschiebungen:</translation>
    </message>
    <message>
        <source>none: rebalance</source>
        <translation>keiner: Rebalancing</translation>
    </message>
    <message>
        <source>&amp;Drain node:</source>
        <translation>Knoten &amp;leeren:</translation>
    </message>
    <message>
        <source>Transfer &amp;mode:</source>
        <translation>Ü&amp;bertragungsmodus:</translation>
    </message>
    <message>
        <source>Planning…</source>
        <translation>Plane …</translation>
    </message>
    <message>
        <source>Moves</source>
        <translation>Verschiebungen</translation>
    </message>
    <message>
        <source>Before / after</source>
        <translation>Vorher / nachher</translation>
    </message>
    <message>
        <source>Run plan</source>
        <translation>Plan ausführen</translation>
    </message>
    <message>
        <source>#</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Shard group</source>
        <translation>Shard-Gruppe</translation>
    </message>
    <message>
        <source>Colocation group</source>
        <translation>Colocation-Gruppe</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Nach</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>&lt;b&gt;No plan:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Kein Plan:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>evacuate</source>
        <translation>räumen</translation>
    </message>
    <message>
        <source>balance</source>
        <translation>ausgleichen</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n move(s)&lt;/b&gt; of shard groups, %1 to copy (about %2 s at 100 MB/s). Node skew max/mean %3 → %4, coefficient of variation %5 → %6.</source>
        <translation>
            <numerusform>&lt;b&gt;%Ln Verschiebung&lt;/b&gt; von Shard-Gruppen, %1 zu kopieren (etwa %2 s bei 100 MB/s). Knoten-Schieflage max./Mittel %L3 → %L4, Variationskoeffizient %L5 → %L6.</numerusform>
            <numerusform>&lt;b&gt;%Ln Verschiebungen&lt;/b&gt; von Shard-Gruppen, %1 zu kopieren (etwa %2 s bei 100 MB/s). Knoten-Schieflage max./Mittel %L3 → %L4, Variationskoeffizient %L5 → %L6.</numerusform>
        </translation>
    </message>
    <message>
        <source>Before: max/mean %1</source>
        <translation>Vorher: max./Mittel %L1</translation>
    </message>
    <message>
        <source>After: max/mean %1</source>
        <translation>Nachher: max./Mittel %L1</translation>
    </message>
    <message>
        <source>Preflight checks</source>
        <translation>Vorabprüfungen</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Prüfe …</translation>
    </message>
    <message>
        <source>No plan, nothing to check.</source>
        <translation>Kein Plan, nichts zu prüfen.</translation>
    </message>
    <message>
        <source>Checking once the plan is ready…</source>
        <translation>Die Prüfung folgt, sobald der Plan steht …</translation>
    </message>
    <message>
        <source>Asking the coordinator…</source>
        <translation>Frage den Koordinator …</translation>
    </message>
    <message>
        <source>A preflight check failed</source>
        <translation>Eine Vorabprüfung ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>Run applies the plan to the embedded cluster, one move after another.</source>
        <translation>„Plan ausführen“ wendet den Plan auf den eingebauten Cluster an, eine Verschiebung nach der anderen.</translation>
    </message>
    <message>
        <source>Run starts a background rebalance on the coordinator (citus_rebalance_start with this strategy and transfer mode); it goes on if ShardScope closes. Stop calls citus_rebalance_stop().</source>
        <translation>„Plan ausführen“ startet ein Rebalancing im Hintergrund auf dem Koordinator (citus_rebalance_start mit dieser Strategie und diesem Übertragungsmodus); es läuft weiter, auch wenn ShardScope geschlossen wird. „Anhalten“ ruft citus_rebalance_stop() auf.</translation>
    </message>
    <message>
        <source>Run drains the node with citus_drain_node on the coordinator; Stop cancels the statement.</source>
        <translation>„Plan ausführen“ leert den Knoten mit citus_drain_node auf dem Koordinator; „Anhalten“ bricht das Statement ab.</translation>
    </message>
    <message>
        <source>citus_rebalance_start takes no threshold, move limit or ShardScope strategy, so Run carries out the planned moves one after another (citus_move_shard_placement); Stop cancels the move running and the ones not started.</source>
        <translation>citus_rebalance_start kennt weder Schwelle noch Höchstzahl an Verschiebungen noch ShardScope-Strategien, daher führt „Plan ausführen“ die geplanten Verschiebungen nacheinander aus (citus_move_shard_placement); „Anhalten“ bricht die laufende Verschiebung und die noch nicht begonnenen ab.</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>unbegrenzt</translation>
    </message>
</context>
<context>
    <name>shardscope::RefreshControls</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Pause auto-refresh</source>
        <translation>Automatische Aktualisierung &amp;pausieren</translation>
    </message>
    <message>
        <source>Read the cluster again (F5)</source>
        <translation>Den Cluster neu einlesen (F5)</translation>
    </message>
    <message>
        <source>Stop refreshing automatically until unpaused (Ctrl+P)</source>
        <translation>Automatisches Aktualisieren anhalten, bis die Pause aufgehoben wird (Strg+P)</translation>
    </message>
    <message>
        <source>Refresh automatically</source>
        <translation>Automatisch aktualisieren</translation>
    </message>
    <message>
        <source>Auto-refresh off</source>
        <translation>Automatisch: aus</translation>
    </message>
    <message>
        <source>Every %1 s</source>
        <translation>Alle %1 s</translation>
    </message>
    <message>
        <source>Every %1 min</source>
        <translation>Alle %1 min</translation>
    </message>
</context>
<context>
    <name>shardscope::RoutingPreviewLabel</name>
    <message>
        <source>Routing: write a statement to see which shards and nodes it touches</source>
        <translation>Routing: ein Statement schreiben, um zu sehen, welche Shards und Knoten es berührt</translation>
    </message>
    <message>
        <source>Routing: no cluster metadata yet</source>
        <translation>Routing: noch keine Cluster-Metadaten</translation>
    </message>
    <message>
        <source>Routing: %1</source>
        <translation>Routing: %1</translation>
    </message>
</context>
<context>
    <name>shardscope::SkewChartFrame</name>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Save this chart as PNG or SVG, or its data as CSV</source>
        <translation>Dieses Diagramm als PNG oder SVG oder seine Daten als CSV speichern</translation>
    </message>
    <message>
        <source>Chart as PNG…</source>
        <translation>Diagramm als PNG …</translation>
    </message>
    <message>
        <source>Chart as SVG…</source>
        <translation>Diagramm als SVG …</translation>
    </message>
    <message>
        <source>Data as CSV…</source>
        <translation>Daten als CSV …</translation>
    </message>
    <message>
        <source>Cannot export to %1: choose a .png, .svg or .csv file.</source>
        <translation>Export nach %1 nicht möglich: Wählen Sie eine .png-, .svg- oder .csv-Datei.</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>SVG images (*.svg)</source>
        <translation>SVG-Bilder (*.svg)</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation>%1 exportieren</translation>
    </message>
</context>
<context>
    <name>shardscope::SkewGrowthChart</name>
    <message>
        <source>Collecting history: one sample per refresh</source>
        <translation>Verlauf wird gesammelt: ein Messpunkt je Aktualisierung</translation>
    </message>
</context>
<context>
    <name>shardscope::SkewHistogramChart</name>
    <message>
        <source>shards</source>
        <translation>Shards</translation>
    </message>
    <message>
        <source>shard size</source>
        <translation>Shard-Größe</translation>
    </message>
</context>
<context>
    <name>shardscope::SkewNodeBarChart</name>
    <message>
        <source>reference and other</source>
        <translation>Referenz und Sonstiges</translation>
    </message>
</context>
<context>
    <name>shardscope::SkewPage</name>
    <message>
        <source>History: %1</source>
        <translation>Verlauf: %1</translation>
    </message>
    <message>
        <source>Bytes per node by colocation group</source>
        <translation>Bytes je Knoten nach Colocation-Gruppe</translation>
    </message>
    <message>
        <source>Shard size distribution</source>
        <translation>Shard-Größenverteilung</translation>
    </message>
    <message>
        <source>Skew over time</source>
        <translation>Schieflage im Verlauf</translation>
    </message>
    <message>
        <source>Growth per node</source>
        <translation>Wachstum je Knoten</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Click a shard group to show it on the Placement tab</source>
        <translation>Eine Shard-Gruppe anklicken, um sie auf der Seite Platzierung zu zeigen</translation>
    </message>
    <message>
        <source>Hottest shard groups</source>
        <translation>Heißeste Shard-Gruppen</translation>
    </message>
    <message>
        <source>Preview rebalance…</source>
        <translation>Rebalance-Vorschau …</translation>
    </message>
    <message>
        <source>Show the moves a rebalance would make, before anything runs</source>
        <translation>Die Verschiebungen eines Rebalancings zeigen, bevor etwas läuft</translation>
    </message>
    <message>
        <source>Recommend a rebalance when a node holds this much more than the average</source>
        <translation>Ein Rebalancing empfehlen, wenn ein Knoten so viel mehr als der Durchschnitt hält</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Older samples and operation markers are deleted from the local history</source>
        <translation>Ältere Messpunkte und Operationsmarken werden aus dem lokalen Verlauf gelöscht</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Stop updating the charts and recording history until resumed</source>
        <translation>Diagramme und Verlaufsaufzeichnung anhalten, bis es weitergeht</translation>
    </message>
    <message>
        <source>Waiting for the cluster&apos;s sizes…</source>
        <translation>Warte auf die Größen des Clusters …</translation>
    </message>
    <message>
        <source>Balanced</source>
        <translation>Ausgeglichen</translation>
    </message>
    <message>
        <source>Paused: a newer snapshot is waiting</source>
        <translation>Angehalten: ein neuerer Snapshot wartet</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation>Aktualisiere …</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>colocation group</source>
        <translation>Colocation-Gruppe</translation>
    </message>
    <message>
        <source>table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Bytes per node by table</source>
        <translation>Bytes je Knoten nach Tabelle</translation>
    </message>
    <message>
        <source>Top tenants</source>
        <translation>Top-Mandanten</translation>
    </message>
    <message>
        <source>How much of the history the skew and growth charts show</source>
        <translation>Wie weit die Diagramme zu Schieflage und Wachstum in den Verlauf zurückreichen</translation>
    </message>
    <message>
        <source>last hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message>
        <source>last day</source>
        <translation>24 Stunden</translation>
    </message>
    <message>
        <source>last week</source>
        <translation>7 Tage</translation>
    </message>
    <message>
        <source>all kept</source>
        <translation>gesamt</translation>
    </message>
    <message>
        <source>Threshold:</source>
        <translation>Schwelle:</translation>
    </message>
    <message>
        <source>History:</source>
        <translation>Verlauf:</translation>
    </message>
    <message>
        <source>Stack by:</source>
        <translation>Stapeln:</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Zeitraum:</translation>
    </message>
    <message numerus="yes">
        <source>%n history sample(s)</source>
        <translation>
            <numerusform>%Ln Messpunkt</numerusform>
            <numerusform>%Ln Messpunkte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rebalance started: %n operation(s)</source>
        <translation>
            <numerusform>Rebalancing gestartet: %Ln Operation</numerusform>
            <numerusform>Rebalancing gestartet: %Ln Operationen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Running the rebalance plan: %n operation(s)…</source>
        <translation>
            <numerusform>Führe den Rebalance-Plan aus: %Ln Operation …</numerusform>
            <numerusform>Führe den Rebalance-Plan aus: %Ln Operationen …</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>shardscope::SkewTimelineChart</name>
    <message>
        <source>max / mean (solid)</source>
        <translation>max./Mittel (Linie)</translation>
    </message>
    <message>
        <source>CV (dashed)</source>
        <translation>VK (gestrichelt)</translation>
    </message>
    <message>
        <source>operations</source>
        <translation>Operationen</translation>
    </message>
    <message>
        <source> CV</source>
        <translation> VK</translation>
    </message>
    <message>
        <source>all nodes</source>
        <translation>alle Knoten</translation>
    </message>
    <message>
        <source>Collecting history: one sample per refresh</source>
        <translation>Verlauf wird gesammelt: ein Messpunkt je Aktualisierung</translation>
    </message>
</context>
<context>
    <name>shardscope::SourceSwitcher</name>
    <message>
        <source>Embedded demo cluster</source>
        <translation>Eingebauter Demo-Cluster</translation>
    </message>
    <message>
        <source>&amp;Connect…</source>
        <translation>&amp;Verbinden …</translation>
    </message>
    <message>
        <source>Open &amp;demo cluster</source>
        <translation>&amp;Demo-Cluster öffnen</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
</context>
<context>
    <name>shardscope::StatementTableModel</name>
    <message>
        <source>Statement</source>
        <translation>Statement</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Aufrufe</translation>
    </message>
    <message>
        <source>Mean ms</source>
        <translation>Mittel ms</translation>
    </message>
    <message>
        <source>Total ms</source>
        <translation>Gesamt ms</translation>
    </message>
    <message>
        <source>Executor</source>
        <translation>Executor</translation>
    </message>
    <message>
        <source>Shards</source>
        <translation>Shards</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <source>Shards × calls</source>
        <translation>Shards × Aufrufe</translation>
    </message>
</context>
<context>
    <name>shardscope::TenantTopChart</name>
    <message>
        <source>CPU ms</source>
        <translation>ms CPU</translation>
    </message>
    <message>
        <source>queries</source>
        <translation>Abfragen</translation>
    </message>
    <message>
        <source>No tenant traffic to show</source>
        <translation>Kein Mandantenverkehr vorhanden</translation>
    </message>
</context>
<context>
    <name>shardscope::TopTenantsModel</name>
    <message>
        <source>(no value)</source>
        <translation>(kein Wert)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 in %2: %3 queries (%4 in the running period), %5 reads, %6 ms CPU. Click to show its shard.</source>
        <translation>%1 in %2: %3 Abfragen (%4 im laufenden Zeitraum), %5 Leseabfragen, %6 ms CPU. Klicken zeigt seinen Shard.</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>Tabellen</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Queries</source>
        <translation>Abfragen</translation>
    </message>
    <message>
        <source>Reads</source>
        <translation>Leseabfragen</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Shard</source>
        <translation>Shard</translation>
    </message>
</context>
<context>
    <name>shardscope::TopTenantsPanel</name>
    <message>
        <source>Tenants by queries</source>
        <translation>Abfragen je Mandant</translation>
    </message>
    <message>
        <source>queries</source>
        <translation>Abfragen</translation>
    </message>
    <message>
        <source>CPU time</source>
        <translation>CPU-Zeit</translation>
    </message>
    <message>
        <source>Waiting for the cluster…</source>
        <translation>Warte auf den Cluster …</translation>
    </message>
    <message>
        <source>Click a tenant to show its shard on the Placement tab</source>
        <translation>Einen Mandanten anklicken, um seinen Shard auf der Seite Platzierung zu zeigen</translation>
    </message>
    <message>
        <source>Rank by:</source>
        <translation>Sortierung:</translation>
    </message>
    <message>
        <source>this cluster source has no tenant statistics</source>
        <translation>diese Cluster-Quelle hat keine Mandantenstatistiken</translation>
    </message>
    <message>
        <source>citus_stat_tenants could not be read: %1</source>
        <translation>citus_stat_tenants konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Simulated traffic (the demo cluster runs no queries); user_id 1 is the hot tenant.</source>
        <translation>Simulierter Verkehr (der Demo-Cluster führt keine Abfragen aus); user_id 1 ist der heiße Mandant.</translation>
    </message>
    <message>
        <source>No tenant statistics: %1.</source>
        <translation>Keine Mandantenstatistiken: %1.</translation>
    </message>
    <message numerus="yes">
        <source>No tenant had a query in the last two periods (%n idle tenant(s) listed).</source>
        <translation>
            <numerusform>Kein Mandant hatte in den letzten beiden Zeiträumen eine Abfrage (%Ln inaktiver Mandant aufgeführt).</numerusform>
            <numerusform>Kein Mandant hatte in den letzten beiden Zeiträumen eine Abfrage (%Ln inaktive Mandanten aufgeführt).</numerusform>
        </translation>
    </message>
    <message>
        <source>No tenants yet: %1.</source>
        <translation>Noch keine Mandanten: %1.</translation>
    </message>
    <message>
        <source>citus_stat_tenants: the last %1 s period and the running one.</source>
        <translation>citus_stat_tenants: der letzte Zeitraum von %1 s und der laufende.</translation>
    </message>
    <message>
        <source>citus_stat_tenants: the last period and the running one.</source>
        <translation>citus_stat_tenants: der letzte Zeitraum und der laufende.</translation>
    </message>
    <message>
        <source>Tenants by CPU time</source>
        <translation>CPU-Zeit je Mandant</translation>
    </message>
</context>
<context>
    <name>shardscope::WindowScreenshot</name>
    <message>
        <source>No cluster snapshot arrived within a minute.</source>
        <translation>Innerhalb einer Minute kam kein Cluster-Snapshot an.</translation>
    </message>
    <message>
        <source>The cluster could not be read: %1</source>
        <translation>Der Cluster konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The window was closed before the screenshot.</source>
        <translation>Das Fenster wurde vor dem Bildschirmfoto geschlossen.</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>%1 kann nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>shardscope::heatmapformat</name>
    <message>
        <source>%1 rows</source>
        <translation>%1 Zeilen</translation>
    </message>
    <message>
        <source>%1 calls</source>
        <translation>%1 Aufrufe</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>query load</source>
        <translation>Abfragelast</translation>
    </message>
    <message>
        <source>no hash range</source>
        <translation>kein Hash-Bereich</translation>
    </message>
</context>
</TS>
