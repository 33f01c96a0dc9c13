// SPDX-License-Identifier: MIT
// shardscope-cli plan and simulate, run as real processes on snapshot files of the fixture cluster.
#include "engine/rebalance/rebalanceplanner.h"
#include "fixturestate.h"
#include "snapshot/snapshotjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace shardscope;
using namespace shardscope::engine;
using namespace shardscope::test;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run runCli(const QStringList& args)
{
    QProcess process;
    process.start(QStringLiteral(SHARDSCOPE_CLI_PATH), args);
    if (!process.waitForStarted() || !process.waitForFinished(60000))
        return {};
    return Run{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(),
               process.readAllStandardError()};
}

QStringList jsonRowsAsCsv(const QByteArray& json)
{
    QStringList rows;
    const QJsonArray array = QJsonDocument::fromJson(json).array();
    for (const QJsonValue& value : array) {
        const QJsonObject o = value.toObject();
        rows << QStringLiteral("%1,%2,%3,%4,%5,%6,%7")
                    .arg(o.value(QStringLiteral("table_name")).toString())
                    .arg(o.value(QStringLiteral("shardid")).toInteger())
                    .arg(o.value(QStringLiteral("shard_size")).toInteger())
                    .arg(o.value(QStringLiteral("sourcename")).toString())
                    .arg(o.value(QStringLiteral("sourceport")).toInt())
                    .arg(o.value(QStringLiteral("targetname")).toString())
                    .arg(o.value(QStringLiteral("targetport")).toInt());
    }
    return rows;
}

QStringList csvRows(const QString& file)
{
    QStringList rows;
    for (const QStringList& row : readRebalanceCsv(file))
        rows << row.join(QLatin1Char(','));
    return rows;
}

} // namespace

class TestRebalanceCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_snapshot;
    QString m_balanced;
    QString m_twoWorkers;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_snapshot = m_dir.filePath(QStringLiteral("fixture.json"));
        QVERIFY(snapshot::saveSnapshotFile(fixtureClusterAtRebalance(), m_snapshot.toStdString()).ok());
        m_twoWorkers = m_dir.filePath(QStringLiteral("two.json"));
        QVERIFY(snapshot::saveSnapshotFile(fixtureCluster(QStringLiteral("01_pg_dist_node.csv")),
                                           m_twoWorkers.toStdString())
                    .ok());
    }

    void planJsonIsCitusOutput_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("file");
        QTest::newRow("default") << QStringList{} << QStringLiteral("05_rebalance_plan_default.csv");
        QTest::newRow("by_disk_size") << QStringList{QStringLiteral("--strategy"), QStringLiteral("by_disk_size")}
                                      << QStringLiteral("05_rebalance_plan_by_disk_size.csv");
        QTest::newRow("by_shard_count") << QStringList{QStringLiteral("--strategy"), QStringLiteral("by_shard_count")}
                                        << QStringLiteral("05_rebalance_plan_by_shard_count.csv");
        QTest::newRow("events only") << QStringList{QStringLiteral("--strategy"), QStringLiteral("by_shard_count"),
                                                    QStringLiteral("--relation"), QStringLiteral("events")}
                                     << QStringLiteral("05_rebalance_plan_by_shard_count_events_only.csv");
    }
    void planJsonIsCitusOutput()
    {
        QFETCH(QStringList, options);
        QFETCH(QString, file);
        const Run run = runCli(
            QStringList{QStringLiteral("plan"), QStringLiteral("--snapshot"), m_snapshot, QStringLiteral("--json")} +
            options);
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(jsonRowsAsCsv(run.out), csvRows(file));
        const QJsonObject first = QJsonDocument::fromJson(run.out).array().first().toObject();
        QStringList keys = first.keys();
        keys.sort();
        QCOMPARE(keys,
                 (QStringList{QStringLiteral("shard_size"), QStringLiteral("shardid"), QStringLiteral("sourcename"),
                              QStringLiteral("sourceport"), QStringLiteral("table_name"), QStringLiteral("targetname"),
                              QStringLiteral("targetport")}));
        QVERIFY(first.value(QStringLiteral("shardid")).isDouble());                     // numbers, not strings
        QVERIFY(run.out.indexOf("\"table_name\"") < run.out.indexOf("\"targetport\"")); // Citus's column order
    }

    void planOptions()
    {
        Run run = runCli({QStringLiteral("plan"), QStringLiteral("--snapshot"), m_snapshot, QStringLiteral("--json"),
                          QStringLiteral("--max-shard-moves"), QStringLiteral("2")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(jsonRowsAsCsv(run.out), csvRows(QStringLiteral("05_rebalance_plan_default.csv")).mid(0, 4));
        run = runCli({QStringLiteral("plan"), QStringLiteral("--snapshot"), m_snapshot, QStringLiteral("--json"),
                      QStringLiteral("--excluded-shards"), QStringLiteral("102009,102022")});
        QCOMPARE(run.exitCode, 0);
        const QStringList rows = jsonRowsAsCsv(run.out);
        RebalanceOptions excluded;
        excluded.excludedShards = {102009, 102022};
        const auto expected = planRebalance(fixtureClusterAtRebalance(), excluded);
        QVERIFY(expected.ok());
        QCOMPARE(rows.size(), static_cast<qsizetype>(expected->rows.size()));
        QVERIFY(!rows.isEmpty());
        for (const QString& row : rows)
            QVERIFY(!row.contains(QLatin1String(",102009,")) && !row.contains(QLatin1String(",102022,")));
        run = runCli({QStringLiteral("plan"), QStringLiteral("--snapshot"), m_snapshot, QStringLiteral("--json"),
                      QStringLiteral("--drain"), QStringLiteral("127.0.0.1:9702")});
        QCOMPARE(run.exitCode, 0);
        const QStringList drained = jsonRowsAsCsv(run.out);
        QCOMPARE(drained.size(), 32); // all 16 shard groups of 9702, users + events each
        for (const QString& row : drained)
            QVERIFY(row.contains(QLatin1String(",127.0.0.1,9702,127.0.0.1,")));
        run = runCli({QStringLiteral("plan"), QStringLiteral("--snapshot"), m_snapshot, QStringLiteral("--json"),
                      QStringLiteral("--threshold"), QStringLiteral("0.5")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(jsonRowsAsCsv(run.out).size() < 20);
        run = runCli({QStringLiteral("plan"), QStringLiteral("--snapshot"), m_snapshot, QStringLiteral("--json"),
                      QStringLiteral("--strategy"), QStringLiteral("shardscope_min_bytes")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(!jsonRowsAsCsv(run.out).isEmpty());
    }

    void planText()
    {
        Run run = runCli({QStringLiteral("plan"), QStringLiteral("--snapshot"), m_snapshot});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.startsWith("table_name | shardid | shard_size"));
        QVERIFY(run.out.contains("(20 rows)"));
        QVERIFY(run.out.contains("10 shard group moves, 20 shards"));
        run = runCli({QStringLiteral("plan"), QStringLiteral("--snapshot"), m_twoWorkers});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("(0 rows)"));
        QVERIFY2(run.out.contains("nothing to do because every node is within the threshold window"),
                 run.out.constData());
        run = runCli({QStringLiteral("plan"), QStringLiteral("--snapshot"), m_snapshot, QStringLiteral("--threshold"),
                      QStringLiteral("0")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("WARNING: threshold 0 is below the minimum threshold 0.01"));
    }

    void badOptions_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no snapshot") << QStringList{QStringLiteral("plan")};
        QTest::newRow("threshold") << QStringList{QStringLiteral("--threshold"), QStringLiteral("abc")};
        QTest::newRow("improvement") << QStringList{QStringLiteral("--improvement-threshold"), QStringLiteral("x")};
        QTest::newRow("moves") << QStringList{QStringLiteral("--max-shard-moves"), QStringLiteral("-1")};
        QTest::newRow("moves text") << QStringList{QStringLiteral("--max-shard-moves"), QStringLiteral("many")};
        QTest::newRow("drain") << QStringList{QStringLiteral("--drain"), QStringLiteral("nohost")};
        QTest::newRow("drain port") << QStringList{QStringLiteral("--drain"), QStringLiteral("host:99999")};
        QTest::newRow("excluded") << QStringList{QStringLiteral("--excluded-shards"), QStringLiteral("1,b")};
        QTest::newRow("positional") << QStringList{QStringLiteral("extra")};
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--bogus")};
        QTest::newRow("missing value") << QStringList{QStringLiteral("--threshold")};
    }
    void badOptions()
    {
        QFETCH(QStringList, args);
        for (const QString& command : {QStringLiteral("plan"), QStringLiteral("simulate")}) {
            QStringList full = {command};
            if (args != QStringList{QStringLiteral("plan")})
                full << QStringLiteral("--snapshot") << m_snapshot << args;
            const Run run = runCli(full);
            QCOMPARE(run.exitCode, 2);
            QVERIFY(run.err.contains("usage: shardscope-cli"));
            QVERIFY(run.out.isEmpty());
        }
    }

    void unknownStrategyFails()
    {
        for (const QString& command : {QStringLiteral("plan"), QStringLiteral("simulate")}) {
            const Run run = runCli({command, QStringLiteral("--snapshot"), m_snapshot, QStringLiteral("--strategy"),
                                    QStringLiteral("by_magic")});
            QCOMPARE(run.exitCode, 1);
            QCOMPARE(run.err.trimmed(),
                     QByteArray("shardscope-cli: could not find rebalance strategy with name by_magic"));
        }
    }

    void failures()
    {
        Run run =
            runCli({QStringLiteral("plan"), QStringLiteral("--snapshot"), m_dir.filePath(QStringLiteral("none"))});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(!run.err.isEmpty());
        run = runCli({QStringLiteral("plan"), QStringLiteral("--snapshot"), m_snapshot, QStringLiteral("--relation"),
                      QStringLiteral("nope")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains("relation \"nope\" does not exist"));
        run = runCli({QStringLiteral("plan"), QStringLiteral("--snapshot"), m_snapshot, QStringLiteral("--drain"),
                      QStringLiteral("127.0.0.1:1")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains("does not exist"));
    }

    void simulateJson()
    {
        const Run run = runCli({QStringLiteral("simulate"), QStringLiteral("--snapshot"), m_snapshot,
                                QStringLiteral("--copy-rate"), QStringLiteral("50"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(o.value(QStringLiteral("moves")).toInt(), 10);
        QCOMPARE(o.value(QStringLiteral("shards_to_move")).toInt(), 20);
        const qint64 bytes = o.value(QStringLiteral("bytes_to_move")).toInteger();
        QVERIFY(bytes > 0);
        QCOMPARE(o.value(QStringLiteral("estimated_seconds")).toDouble(), static_cast<double>(bytes) / 50e6);
        QVERIFY(o.value(QStringLiteral("skew_after")).toObject().value(QStringLiteral("max_over_mean")).toDouble() <
                o.value(QStringLiteral("skew_before")).toObject().value(QStringLiteral("max_over_mean")).toDouble());
        const QJsonArray nodes = o.value(QStringLiteral("nodes")).toArray();
        QCOMPARE(nodes.size(), 4);
        qint64 received = 0;
        for (const QJsonValue& n : nodes)
            if (n.toObject().value(QStringLiteral("nodeport")).toInt() == 9703)
                received = n.toObject().value(QStringLiteral("bytes_after")).toInteger();
        QCOMPARE(received, bytes);
        qint64 transferred = 0;
        for (const QJsonValue& t : o.value(QStringLiteral("transfers")).toArray())
            transferred += t.toObject().value(QStringLiteral("bytes")).toInteger();
        QCOMPARE(transferred, bytes);
    }

    void simulateWhatIf()
    {
        Run run = runCli({QStringLiteral("simulate"), QStringLiteral("--snapshot"), m_twoWorkers,
                          QStringLiteral("--add-nodes"), QStringLiteral("2"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        QJsonObject o = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(o.value(QStringLiteral("nodes")).toArray().size(), 5);
        QVERIFY(o.value(QStringLiteral("moves")).toInt() > 0);
        run = runCli({QStringLiteral("simulate"), QStringLiteral("--snapshot"), m_snapshot,
                      QStringLiteral("--remove-node"), QStringLiteral("127.0.0.1:9701")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("Skew (max/mean):"));
        QVERIFY(run.out.contains("Transfers:"));
        run = runCli({QStringLiteral("simulate"), QStringLiteral("--snapshot"), m_snapshot,
                      QStringLiteral("--shard-count"), QStringLiteral("users=16"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        run = runCli({QStringLiteral("simulate"), QStringLiteral("--snapshot"), m_snapshot,
                      QStringLiteral("--copy-rate"), QStringLiteral("0")});
        QCOMPARE(run.exitCode, 2);
        run = runCli({QStringLiteral("simulate"), QStringLiteral("--snapshot"), m_snapshot,
                      QStringLiteral("--shard-count"), QStringLiteral("users")});
        QCOMPARE(run.exitCode, 2);
        run = runCli({QStringLiteral("simulate"), QStringLiteral("--snapshot"), m_snapshot,
                      QStringLiteral("--remove-node"), QStringLiteral("nowhere:5")});
        QCOMPARE(run.exitCode, 1);
    }
};

QTEST_GUILESS_MAIN(TestRebalanceCli)
#include "tst_rebalancecli.moc"
