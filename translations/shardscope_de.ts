<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
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
        <source>Window size, e.g. 1280x800.</source>
        <translation>Fenstergröße, z. B. 1280x800.</translation>
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
        <source>The shard heatmap will be here: one row per node, one column per shard group, coloured by size. Dragging a shard group onto another node will preview and run the move, and a rebalance preview will show every planned move before anything runs.</source>
        <translation>Hier erscheint die Shard-Heatmap: eine Zeile je Knoten, eine Spalte je Shard-Gruppe, nach Größe eingefärbt. Eine Shard-Gruppe auf einen anderen Knoten zu ziehen zeigt die Verschiebung vorab und führt sie aus; eine Rebalance-Vorschau zeigt jede geplante Verschiebung, bevor etwas läuft.</translation>
    </message>
    <message>
        <source>Skew</source>
        <translation>Schieflage</translation>
    </message>
    <message>
        <source>Skew figures will be here: bytes and shards per node and per colocation group, how far the largest is from the mean, and the hottest shards.</source>
        <translation>Hier erscheinen die Kennzahlen zur Schieflage: Bytes und Shards je Knoten und je Colocation-Gruppe, wie weit der größte Wert vom Mittel abweicht, und die heißesten Shards.</translation>
    </message>
    <message>
        <source>Queries</source>
        <translation>Abfragen</translation>
    </message>
    <message>
        <source>Statement statistics will be here: which queries run most often, how long they take, and how many shards each one touches (router, multi-shard or repartition).</source>
        <translation>Hier erscheinen die Statement-Statistiken: welche Abfragen am häufigsten laufen, wie lange sie dauern und wie viele Shards jede berührt (Router, Multi-Shard oder Repartition).</translation>
    </message>
    <message>
        <source>EXPLAIN</source>
        <translation>EXPLAIN</translation>
    </message>
    <message>
        <source>The EXPLAIN viewer will be here: open a distributed plan (JSON or text) and see the coordinator&apos;s plan, the tasks sent to the workers and where the time went.</source>
        <translation>Hier erscheint der EXPLAIN-Betrachter: einen verteilten Plan (JSON oder Text) öffnen und den Plan des Koordinators, die an die Worker gesendeten Tasks und den Verbleib der Zeit sehen.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Embedded demo cluster</source>
        <translation>Eingebauter Demo-Cluster</translation>
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
        <translation>%1 (%2, %3× der Mittelwert)</translation>
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
    <name>shardscope::PlaceholderPage</name>
    <message>
        <source>%1: not available yet</source>
        <translation>%1: noch nicht verfügbar</translation>
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
</TS>
