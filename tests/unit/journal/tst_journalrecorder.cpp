// SPDX-License-Identifier: MIT
#include "journal/journalmodel.h"
#include "journal/journalrecorder.h"
#include "sim/embeddedclustersource.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace shardscope;

namespace {

// Reads the journal through the writer's thread, as the browser does.
std::vector<snapshot::JournalEntry> readAll(JournalRecorder& recorder, QObject* context)
{
    std::optional<Result<std::vector<snapshot::JournalEntry>>> answer;
    recorder.writer()->query(
        {}, context, [&answer](Result<std::vector<snapshot::JournalEntry>> entries) { answer = std::move(entries); });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, 10000) || !answer->ok())
        return {};
    return std::move(*answer).value();
}

// Reports jobs the way the live source does, without a server: what the recorder sees at the signal boundary.
class ScriptedSource : public ClusterSource
{
public:
    SourceKind kind() const override { return SourceKind::Live; }
    QString displayName() const override { return QStringLiteral("scripted"); }
    quint64 refresh() override { return 0; }
    JobId submit(const engine::OperationRequest&) override { return nextJobId(); }
    void cancel(JobId) override {}
    JobId start() { return nextJobId(); }
    void report(JobId job, const QString& text) { Q_EMIT jobProgressed(job, JobProgress{0, 0, text}); }
    void finish(JobId job, const JobResult& result) { Q_EMIT jobFinished(job, result); }
};

} // namespace

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
            QSignalSpy opened(recorder.writer(), &JournalWriter::opened);
            QVERIFY(opened.wait(10000));
            QVERIFY2(recorder.isOpen(), qPrintable(recorder.openError()));
            // The file is written on the writer's own thread, never the GUI thread.
            QVERIFY(recorder.writer()->writerThread() != nullptr);
            QVERIFY(recorder.writer()->writerThread() != QThread::currentThread());
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
        const std::vector<snapshot::JournalEntry> e = readAll(reopened, this);
        QCOMPARE(e.size(), std::size_t(3));
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

    void foreignFileIsReportedAndWritesFail()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("not-a-journal.sqlite"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("this is not sqlite at all, just some text that is long enough to be a header");
        file.close();
        JournalRecorder recorder(path);
        QSignalSpy opened(recorder.writer(), &JournalWriter::opened);
        QVERIFY(opened.wait(10000));
        QCOMPARE(opened.front().at(0).toBool(), false);
        QVERIFY(!recorder.isOpen());
        QVERIFY(!recorder.openError().isEmpty());
        QSignalSpy failed(&recorder, &JournalRecorder::recordFailed);
        recorder.writer()->append(snapshot::JournalEntry{});
        QVERIFY(failed.wait(10000));
        QVERIFY(failed.front().at(0).toString().contains(QStringLiteral("not open")));
    }

    void statementsOrDescriptions_data()
    {
        QTest::addColumn<QString>("firstReport");
        QTest::addColumn<QString>("summary");
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("what");
        QTest::newRow("live statement") << "Running:\nSELECT citus_move_shard_placement(1, 2, 3, 'auto');"
                                        << "Done: SELECT citus_move_shard_placement(1, 2, 3, 'auto');"
                                        << "SELECT citus_move_shard_placement(1, 2, 3, 'auto');"
                                        << "Done: SELECT citus_move_shard_placement(1, 2, 3, 'auto');";
        QTest::newRow("embedded statement") << "SELECT create_reference_table('t');"
                                            << ""
                                            << "SELECT create_reference_table('t');"
                                            << "SELECT create_reference_table('t');";
        QTest::newRow("background job is not SQL") << "Rebalance job 7 scheduled"
                                                   << ""
                                                   << ""
                                                   << "Rebalance job 7 scheduled";
        QTest::newRow("background job finished") << "Rebalance job 7 scheduled"
                                                 << "Rebalance job 7: finished, 3 of 3 moves done"
                                                 << ""
                                                 << "Rebalance job 7: finished, 3 of 3 moves done";
    }

    void statementsOrDescriptions()
    {
        QFETCH(QString, firstReport);
        QFETCH(QString, summary);
        QFETCH(QString, sql);
        QFETCH(QString, what);
        QTemporaryDir dir;
        ScriptedSource source;
        JournalRecorder recorder(dir.filePath(QStringLiteral("j.sqlite")));
        recorder.attach(&source);
        QSignalSpy recorded(&recorder, &JournalRecorder::entryRecorded);
        const JobId job = source.start();
        source.report(job, firstReport);
        source.report(job, QStringLiteral("Rebalance job 7: running, 1 of 3 moves done"));
        JobResult result;
        result.summary = summary;
        source.finish(job, result);
        QTRY_COMPARE(recorded.count(), 1);
        const auto entry = recorded.front().at(0).value<snapshot::JournalEntry>();
        QCOMPARE(QString::fromStdString(entry.sql), sql);
        QCOMPARE(QString::fromStdString(entry.what), what);
        QCOMPARE(entry.source, std::string("live"));
        QCOMPARE(entry.outcome, std::string("ok"));
    }

    void entriesAreWrittenInOrderWithoutWaiting()
    {
        QTemporaryDir dir;
        JournalRecorder recorder(dir.filePath(QStringLiteral("order.sqlite")));
        QSignalSpy recorded(&recorder, &JournalRecorder::entryRecorded);
        for (int i = 0; i < 50; ++i) {
            snapshot::JournalEntry entry;
            entry.startedMs = 1000 + i;
            entry.what = "op " + std::to_string(i);
            entry.outcome = "ok";
            recorder.writer()->append(entry); // queued: returns before the row is stored
        }
        QTRY_COMPARE(recorded.count(), 50);
        const auto entries = readAll(recorder, this);
        QCOMPARE(entries.size(), std::size_t(50));
        for (int i = 0; i < 50; ++i) {
            QCOMPARE(entries[std::size_t(i)].what, "op " + std::to_string(i));
            QCOMPARE(recorded.at(i).at(0).value<snapshot::JournalEntry>().id, entries[std::size_t(i)].id);
        }
    }
};

QTEST_GUILESS_MAIN(TestJournalRecorder)
#include "tst_journalrecorder.moc"
