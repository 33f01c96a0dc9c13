// SPDX-License-Identifier: MIT
#include "journal/journaldialog.h"
#include "journal/journalmodel.h"
#include "journal/journalrecorder.h"
#include "sim/embeddedclustersource.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace shardscope;

class TestJournalDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void browseFilterExport()
    {
        QTemporaryDir dir;
        sim::EmbeddedClusterSource::Options options;
        options.workspacePath = dir.filePath(QStringLiteral("demo.sqlite"));
        options.resetDemo = true;
        sim::EmbeddedClusterSource source(options);
        JournalRecorder recorder(dir.filePath(QStringLiteral("journal.sqlite")));
        recorder.attach(&source);
        JournalDialog dialog(&recorder);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(dialog.model()->rowCount(), 0);

        source.submit(engine::CreatePlainTable{"public", "j1", 0, 0});
        source.submit(engine::CreateReferenceTable{"public", "j1"});
        source.submit(engine::CreateReferenceTable{"public", "j1"}); // refused
        QTRY_COMPARE(dialog.model()->rowCount(), 3);

        auto* filter = dialog.findChild<QLineEdit*>(QStringLiteral("journalFilter"));
        QVERIFY(filter);
        QTest::keyClicks(filter, QStringLiteral("reference"));
        QTRY_COMPARE(dialog.model()->rowCount(), 2);
        dialog.setOutcomeFilter(QStringLiteral("failed"));
        QTRY_COMPARE(dialog.model()->rowCount(), 1);

        const QString json = dir.filePath(QStringLiteral("out.json"));
        QVERIFY(dialog.exportTo(json, JournalDialog::Format::Json));
        QFile jsonFile(json);
        QVERIFY(jsonFile.open(QIODevice::ReadOnly));
        const QJsonArray array = QJsonDocument::fromJson(jsonFile.readAll()).array();
        QCOMPARE(array.size(), 1);
        QCOMPARE(array[0].toObject()[QStringLiteral("outcome")].toString(), QStringLiteral("failed"));
        QCOMPARE(array[0].toObject()[QStringLiteral("sql")].toString(),
                 QStringLiteral("SELECT create_reference_table('j1');"));

        dialog.setOutcomeFilter(QString());
        filter->clear();
        QTRY_COMPARE(dialog.model()->rowCount(), 3);
        const QString csv = dir.filePath(QStringLiteral("out.csv"));
        QVERIFY(dialog.exportTo(csv, JournalDialog::Format::Csv));
        QFile csvFile(csv);
        QVERIFY(csvFile.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = csvFile.readAll().split('\n');
        QCOMPARE(lines.size(), 5); // header, three rows, and the empty tail
        QVERIFY(lines[3].contains(",failed,"));
        QVERIFY(!dialog.exportTo(dir.filePath(QStringLiteral("missing/dir/x.csv")), JournalDialog::Format::Csv));
        QVERIFY(dialog.statusLabel()->text().startsWith(QStringLiteral("Cannot write")));
        source.waitForIdle();
    }
};

QTEST_MAIN(TestJournalDialog)
#include "tst_journaldialog.moc"
