// SPDX-License-Identifier: MIT
#include "api/error.h"
#include "distribution/citusrefusal.h"
#include "heatmap/heatmapformat.h"
#include "heatmap/heatmapmatrixbuilder.h"
#include "languagesetup.h"
#include "sim/democluster.h"

#include <QCoreApplication>
#include <QTest>
#include <QTranslator>

using namespace shardscope;
using namespace Qt::StringLiterals;

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void germanIsEmbedded()
    {
        QVERIFY(LanguageSetup::availableLanguages().contains(u"de"_s));
        QTranslator translator;
        QVERIFY(translator.load(QLocale(QLocale::German), u"shardscope"_s, u"_"_s, u":/i18n"_s));
        QVERIFY(!translator.isEmpty());
        QCOMPARE(translator.language(), u"de_DE"_s);
    }

    void translates_data()
    {
        QTest::addColumn<QString>("context");
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("german");
        QTest::newRow("tab") << u"MainPages"_s << u"Skew"_s << u"Schieflage"_s;
        QTest::newRow("menu") << u"shardscope::MainWindow"_s << u"&File"_s << u"&Datei"_s;
        QTest::newRow("status") << u"shardscope::ClusterStatusBar"_s << u"Connected"_s << u"Verbunden"_s;
        QTest::newRow("tree") << u"shardscope::ClusterTreeModel"_s << u"Reference tables"_s << u"Referenztabellen"_s;
        QTest::newRow("format") << u"Format"_s << u"coordinator"_s << u"Koordinator"_s;
        QTest::newRow("preflight") << u"shardscope::RebalancePreviewDialog"_s << u"Preflight checks"_s
                                   << u"Vorabprüfungen"_s;
        QTest::newRow("job stop") << u"shardscope::JobProgressPanel"_s << u"&Stop"_s << u"Anhal&ten"_s;
        QTest::newRow("queries live") << u"shardscope::QueriesPage"_s << u"Only Citus tables"_s
                                      << u"Nur Citus-Tabellen"_s;
        QTest::newRow("wizard live") << u"shardscope::DistributionWizard"_s << u"&Cancel operation"_s
                                     << u"Vorgang &abbrechen"_s;
        QTest::newRow("top tenants") << u"shardscope::TopTenantsModel"_s << u"Tenant"_s << u"Mandant"_s;
        QTest::newRow("time range") << u"shardscope::SkewPage"_s << u"last hour"_s << u"1 Stunde"_s;
        QTest::newRow("explain run") << u"shardscope::ExplainRunStatus"_s << u"(error code %1)"_s
                                     << u"(Fehlercode %1)"_s;
        QTest::newRow("source switch") << u"shardscope::SourceSwitcher"_s << u"Embedded demo cluster"_s
                                       << u"Eingebauter Demo-Cluster"_s;
    }

    void translates()
    {
        QFETCH(QString, context);
        QFETCH(QString, source);
        QFETCH(QString, german);
        QVERIFY(LanguageSetup::install(u"de"_s));
        const QByteArray c = context.toUtf8();
        const QByteArray s = source.toUtf8();
        QCOMPARE(QCoreApplication::translate(c.constData(), s.constData()), german);
        QCOMPARE(QLocale().language(), QLocale::German);
    }

    void plurals_data()
    {
        QTest::addColumn<QString>("context");
        QTest::addColumn<QString>("source");
        QTest::addColumn<int>("n");
        QTest::addColumn<QString>("german");
        const QString hidden = u"%n statement(s) on no Citus table hidden."_s;
        QTest::newRow("one") << u"shardscope::QueriesPage"_s << hidden << 1
                             << u"1 Statement ohne Citus-Tabelle ausgeblendet."_s;
        QTest::newRow("many") << u"shardscope::QueriesPage"_s << hidden << 3
                              << u"3 Statements ohne Citus-Tabelle ausgeblendet."_s;
        // %Ln in the translation: the count takes the German thousands separator.
        QTest::newRow("thousands") << u"shardscope::QueriesPage"_s << hidden << 3077
                                   << u"3.077 Statements ohne Citus-Tabelle ausgeblendet."_s;
        QTest::newRow("dative") << u"shardscope::HotShardModel"_s << u"%n colocated shard(s)"_s << 4
                                << u"4 colocierten Shards"_s;
    }

    void plurals()
    {
        QFETCH(QString, context);
        QFETCH(QString, source);
        QFETCH(int, n);
        QFETCH(QString, german);
        QVERIFY(LanguageSetup::install(u"de"_s));
        const QByteArray c = context.toUtf8();
        const QByteArray s = source.toUtf8();
        QCOMPARE(QCoreApplication::translate(c.constData(), s.constData(), nullptr, n), german);
    }

    // Helpers outside QObject classes pass their own context to translate(): it must be the one lupdate wrote.
    void freeFunctionsUseTheExtractedContext()
    {
        QVERIFY(LanguageSetup::install(u"de"_s));
        QCOMPARE(heatmapformat::metricName(HeatmapMetric::Rows), u"Zeilen"_s);
        QCOMPARE(heatmapformat::value(HeatmapMetric::Rows, 12), u"12 Zeilen"_s);
        const auto groups = HeatmapMatrixBuilder::selectableGroups(sim::makeDemoCluster());
        QVERIFY(!groups.empty());
        QVERIFY2(groups.front().second.startsWith(u"Gruppe "_s), qPrintable(groups.front().second));
        // Marked with QT_TRANSLATE_NOOP, translated by explainCitusRefusal() under the same context.
        QCOMPARE(explainCitusRefusal(Error::make("table \"events\" contains data", "55000")),
                 u"Diese Art der Verteilung erfordert eine leere Tabelle."_s);
        QCOMPARE(explainCitusRefusal(Error::make("canceling statement due to statement timeout", "57014")),
                 u"Das Statement wurde abgebrochen; nichts wurde geändert."_s);
    }

    // Figures formatted with QString::arg(double) take the German decimal comma from %L in the translation.
    void decimalsFollowTheLanguage()
    {
        QVERIFY(LanguageSetup::install(u"de"_s));
        const QString before = QCoreApplication::translate("shardscope::RebalancePreviewDialog", "Before: max/mean %1")
                                   .arg(1.5, 0, 'f', 2);
        QCOMPARE(before, u"Vorher: max./Mittel 1,50"_s);
        // Only the figure is localised: a shard id in the same text keeps its digits together.
        const QString largest = QCoreApplication::translate("shardscope::DetailsModel", "%1 (%2, %3× the mean)")
                                    .arg(102008)
                                    .arg(u"1.0 GiB"_s)
                                    .arg(3.2, 0, 'f', 1);
        QCOMPARE(largest, u"102008 (1.0 GiB, das 3,2-Fache des Mittelwerts)"_s);
    }

    void englishNeedsNoTranslator() { QVERIFY(!LanguageSetup::install(u"en"_s)); }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
