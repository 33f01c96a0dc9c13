// SPDX-License-Identifier: MIT
#include "journal/journalmodel.h"
#include "journal/journalrecorder.h"
#include "sim/embeddedclustersource.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace shardscope;

class TestJournalRecorder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void recordsEveryOperation()
    {
        QTemporaryDir dir;
        sim::EmbeddedClusterSource::Options options;
        options.workspacePath = dir.filePath(QStringLiteral("demo.sqlite"));
        options.resetDemo = true;
        sim::EmbeddedClusterSource source(options);
        const QString path = dir.filePath(QStringLiteral("journal.sqlite"));
        {
            JournalRecorder recorder(path);
            QVERIFY2(recorder.isOpen(), qPrintable(recorder.openError()));
            recorder.attach(&source);
            QSignalSpy recorded(&recorder, &JournalRecorder::entryRecorded);
            source.submit(engine::CreatePlainTable{"public", "journal_t", 1024, 10});
            source.submit(engine::CreateReferenceTable{"public", "journal_t"});
            // Already a reference table: Citus refuses.
            source.submit(engine::CreateReferenceTable{"public", "journal_t"});
            QTRY_COMPARE(recorded.count(), 3);
            source.waitForIdle();
        }
        JournalRecorder reopened(path);
        Result<std::vector<snapshot::JournalEntry>> entries = reopened.journal().entries();
        QVERIFY(entries.ok());
        QCOMPARE(entries->size(), std::size_t(3));
        const auto& e = *entries;
        QCOMPARE(e[0].outcome, std::string("ok"));
        QCOMPARE(e[1].outcome, std::string("ok"));
        QCOMPARE(e[1].sql, engine::operationSql(engine::CreateReferenceTable{"public", "journal_t"}));
        QVERIFY(e[1].sql.find("create_reference_table") != std::string::npos);
        QCOMPARE(e[1].source, std::string("embedded"));
        QCOMPARE(e[2].outcome, std::string("failed"));
        QVERIFY(!e[2].error.empty());
        QCOMPARE(e[2].sql, e[1].sql);
        QVERIFY(e[0].startedMs <= e[1].startedMs && e[1].startedMs <= e[2].startedMs);
        QVERIFY(e[0].durationMs >= 0);

        JournalModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setEntries(e);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.data(model.index(2, JournalModel::Outcome)).toString(), QStringLiteral("failed"));
        model.appendEntry(e[0]);
        QCOMPARE(model.rowCount(), 4);
    }
};

QTEST_GUILESS_MAIN(TestJournalRecorder)
#include "tst_journalrecorder.moc"
