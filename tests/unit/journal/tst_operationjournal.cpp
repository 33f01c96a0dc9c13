// SPDX-License-Identifier: MIT
#include "snapshot/operationjournal.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace shardscope;
using namespace shardscope::snapshot;

namespace {

JournalEntry entry(std::int64_t at, std::string what, std::string sql, std::string outcome, std::string error = {})
{
    JournalEntry e;
    e.startedMs = at;
    e.durationMs = 42;
    e.source = "embedded";
    e.cluster = "Embedded demo cluster";
    e.what = std::move(what);
    e.sql = std::move(sql);
    e.outcome = std::move(outcome);
    e.error = std::move(error);
    return e;
}

std::vector<JournalEntry> sampleEntries()
{
    return {
        entry(1764000000000, "SELECT create_distributed_table('public.customers', 'customer_id');",
              "SELECT create_distributed_table('public.customers', 'customer_id');", "ok"),
        entry(1764000001000, "move shard 102008", "SELECT citus_move_shard_placement(102008, 2, 3, 'auto');", "failed",
              "cannot move shard to the same node [XX000]"),
        entry(1764000002000, "rebalance, \"quoted\", with commas",
              "SELECT citus_rebalance_start();\nSELECT citus_rebalance_wait();", "canceled"),
    };
}

} // namespace

class TestOperationJournal : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void storeAndReopen()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("sub/journal.sqlite")).toStdString();
        std::vector<JournalEntry> stored = sampleEntries();
        {
            OperationJournal journal;
            QVERIFY(journal.open(path).ok());
            for (JournalEntry& e : stored) {
                Result<std::int64_t> id = journal.append(e);
                QVERIFY(id.ok());
                e.id = *id;
            }
        }
        OperationJournal reopened;
        QVERIFY(reopened.open(path).ok());
        Result<std::vector<JournalEntry>> read = reopened.entries();
        QVERIFY(read.ok());
        QCOMPARE(read->size(), stored.size());
        for (std::size_t i = 0; i < stored.size(); ++i)
            QVERIFY((*read)[i] == stored[i]);
    }

    void filter_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("outcome");
        QTest::addColumn<qint64>("fromMs");
        QTest::addColumn<int>("count");
        QTest::newRow("all") << ""
                             << "" << qint64(0) << 3;
        QTest::newRow("sql text, any case") << "CITUS_MOVE"
                                            << "" << qint64(0) << 1;
        QTest::newRow("error text") << "same node"
                                    << "" << qint64(0) << 1;
        QTest::newRow("percent is literal") << "%"
                                            << "" << qint64(0) << 0;
        QTest::newRow("outcome") << ""
                                 << "ok" << qint64(0) << 1;
        QTest::newRow("outcome and text") << "rebalance"
                                          << "failed" << qint64(0) << 0;
        QTest::newRow("time") << ""
                              << "" << qint64(1764000001000) << 2;
    }

    void filter()
    {
        QFETCH(QString, text);
        QFETCH(QString, outcome);
        QFETCH(qint64, fromMs);
        QFETCH(int, count);
        QTemporaryDir dir;
        OperationJournal journal;
        QVERIFY(journal.open(dir.filePath(QStringLiteral("j.sqlite")).toStdString()).ok());
        for (const JournalEntry& e : sampleEntries())
            QVERIFY(journal.append(e).ok());
        JournalFilter f;
        f.text = text.toStdString();
        f.outcome = outcome.toStdString();
        f.fromMs = fromMs;
        Result<std::vector<JournalEntry>> read = journal.entries(f);
        QVERIFY(read.ok());
        QCOMPARE(int(read->size()), count);
    }

    void exportCsv()
    {
        std::vector<JournalEntry> entries = sampleEntries();
        entries[0].id = 1;
        const QByteArray csv = OperationJournal::toCsv(entries);
        const QList<QByteArray> lines = csv.split('\n');
        QCOMPARE(lines[0], QByteArray("id,started,duration_ms,source,cluster,what,sql,outcome,error\r"));
        QVERIFY(lines[1].startsWith("1,2025-11-24T16:00:00.000Z,42,embedded,Embedded demo cluster,"));
        QVERIFY(csv.contains("\"rebalance, \"\"quoted\"\", with commas\""));
        QVERIFY(csv.contains("\"SELECT citus_rebalance_start();\nSELECT citus_rebalance_wait();\",canceled,"));
        QVERIFY(csv.contains(",failed,cannot move shard to the same node [XX000]\r\n"));
    }

    void exportJson()
    {
        const QJsonDocument doc = QJsonDocument::fromJson(OperationJournal::toJson(sampleEntries()));
        QVERIFY(doc.isArray());
        const QJsonArray array = doc.array();
        QCOMPARE(array.size(), 3);
        const QJsonObject failed = array[1].toObject();
        QCOMPARE(failed[QStringLiteral("outcome")].toString(), QStringLiteral("failed"));
        QCOMPARE(failed[QStringLiteral("started")].toString(), QStringLiteral("2025-11-24T16:00:01.000Z"));
        QCOMPARE(failed[QStringLiteral("duration_ms")].toInteger(), 42);
        QCOMPARE(failed[QStringLiteral("error")].toString(),
                 QStringLiteral("cannot move shard to the same node [XX000]"));
        QCOMPARE(array[2].toObject()[QStringLiteral("sql")].toString(),
                 QStringLiteral("SELECT citus_rebalance_start();\nSELECT citus_rebalance_wait();"));
    }

    void refusesForeignFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("other.sqlite"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("this is not sqlite at all, just some text that is long enough to be a header");
        file.close();
        OperationJournal journal;
        QVERIFY(!journal.open(path.toStdString()).ok());
        QVERIFY(!journal.isOpen());
        QVERIFY(!journal.append(JournalEntry{}).ok());
    }
};

QTEST_GUILESS_MAIN(TestOperationJournal)
#include "tst_operationjournal.moc"
