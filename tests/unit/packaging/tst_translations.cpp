// SPDX-License-Identifier: MIT
#include "heatmap/heatmapformat.h"
#include "languagesetup.h"

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

    // Helpers outside QObject classes pass their own context to translate(): it must be the one lupdate wrote.
    void freeFunctionsUseTheExtractedContext()
    {
        QVERIFY(LanguageSetup::install(u"de"_s));
        QCOMPARE(heatmapformat::metricName(HeatmapMetric::Rows), u"Zeilen"_s);
        QCOMPARE(heatmapformat::value(HeatmapMetric::Rows, 12), u"12 Zeilen"_s);
    }

    void englishNeedsNoTranslator() { QVERIFY(!LanguageSetup::install(u"en"_s)); }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
