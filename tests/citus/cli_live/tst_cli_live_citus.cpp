// SPDX-License-Identifier: MIT
// shardscope-cli on a real Citus coordinator (CITUS_TEST_DSN): the snapshot equals the catalog, plan --citus
// finds ShardScope's plan identical to get_rebalance_table_shards_plan, and a move completes and shows up in
// the next snapshot.
#include "live/connectionoptions.h"
#include "live/pgsession.h"
#include "snapshot/snapshotjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace shardscope;
using namespace shardscope::live;

namespace {

QString s(const char* text)
{
    return QString::fromUtf8(text);
}

QString dsn()
{
    return qEnvironmentVariable("CITUS_TEST_DSN");
}

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run runCli(const QStringList& args)
{
    QProcess process;
    process.start(s(SHARDSCOPE_CLI_PATH), args);
    Run run;
    if (!process.waitForFinished(300000)) {
        process.kill();
        process.waitForFinished();
        run.err = s("timed out");
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

} // namespace

class TestCliLiveCitus : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<PgSession> m_session;
    QTemporaryDir m_dir;

    std::string scalar(const std::string& sql)
    {
        auto result = m_session->exec(sql);
        return result ? result->text(0, 0) : std::string("<error: ") + result.error().message + '>';
    }

    /** shardscope-cli snapshot --dsn, read back with the snapshot reader. */
    std::optional<engine::ClusterState> cliSnapshot()
    {
        const QString path = m_dir.filePath(s("live.json"));
        const Run run = runCli({s("snapshot"), s("--dsn"), dsn(), s("-o"), path});
        if (run.exitCode != 0) {
            qWarning("%s", qPrintable(run.err));
            return std::nullopt;
        }
        auto state = snapshot::loadSnapshotFile(path.toStdString());
        if (!state.ok()) {
            qWarning("%s", state.error().message.c_str());
            return std::nullopt;
        }
        return std::move(state).value();
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (dsn().isEmpty())
            QSKIP("CITUS_TEST_DSN is not set: these tests need a real Citus coordinator "
                  "(../shared/tools/citus-cluster.sh starts one where Citus is installed).");
        auto options = ConnectionOptions::parse(dsn().toStdString());
        QVERIFY2(options.ok(), options.ok() ? "" : options.error().message.c_str());
        m_session = std::make_unique<PgSession>(*options);
        Status connected = m_session->connect();
        QVERIFY2(connected.ok(), connected.ok() ? "" : connected.error().message.c_str());
    }

    void snapshotEqualsCatalog()
    {
        const auto state = cliSnapshot();
        QVERIFY(state);
        QCOMPARE(std::to_string(state->nodes.size()), scalar("SELECT count(*) FROM pg_dist_node"));
        QCOMPARE(std::to_string(state->colocationGroups.size()), scalar("SELECT count(*) FROM pg_dist_colocation"));
        QCOMPARE(std::to_string(state->shards.size()), scalar("SELECT count(*) FROM pg_dist_shard"));
        QCOMPARE(std::to_string(state->placements.size()),
                 scalar("SELECT count(*) FROM pg_dist_placement WHERE shardstate = 1"));
        QCOMPARE(std::to_string(state->tables.size()),
                 scalar("SELECT count(*) FROM pg_dist_partition WHERE partmethod IN ('h', 'n')"));
        std::int64_t bytes = 0;
        for (const engine::Placement& placement : state->placements)
            bytes += placement.bytes;
        QCOMPARE(std::to_string(bytes), scalar("SELECT coalesce(sum(size), 0) FROM citus_shard_sizes()"));

        // Standard output carries the same document.
        const Run run = runCli({s("snapshot"), s("--dsn"), dsn()});
        QCOMPARE(run.exitCode, 0);
        auto parsed = snapshot::parseSnapshotWithMetadata(run.out.toStdString());
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : parsed.error().message.c_str());
        QCOMPARE(parsed->metadata.source, snapshot::SnapshotSource::Live);
        QVERIFY(!parsed->metadata.citusVersion.empty());
        QCOMPARE(parsed->state.shards.size(), state->shards.size());
    }

    void planEqualsCitus_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::newRow("default") << QStringList{};
        QTest::newRow("by_shard_count") << QStringList{s("--strategy"), s("by_shard_count")};
        QTest::newRow("by_disk_size") << QStringList{s("--strategy"), s("by_disk_size")};
        QTest::newRow("threshold 0") << QStringList{s("--strategy"), s("by_shard_count"), s("--threshold"), s("0")};
        QTest::newRow("max 3 moves") << QStringList{s("--max-shard-moves"), s("3")};
        QTest::newRow("drain only") << QStringList{s("--drain-only")};
    }

    void planEqualsCitus()
    {
        QFETCH(QStringList, options);
        const Run json = runCli(QStringList{s("plan"), s("--dsn"), dsn(), s("--citus"), s("--json")} + options);
        QCOMPARE(json.exitCode, 0);
        QJsonParseError error;
        const QJsonObject root = QJsonDocument::fromJson(json.out.toUtf8(), &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString() + s(": ") + json.out));
        QVERIFY(root.value(s("shardscope")).isArray());
        QVERIFY(root.value(s("citus")).isArray());
        QCOMPARE(root.value(s("shardscope")).toArray().size(), root.value(s("citus")).toArray().size());
        QVERIFY2(root.value(s("identical")).toBool(), qPrintable(json.out));

        const Run text = runCli(QStringList{s("plan"), s("--dsn"), dsn(), s("--citus")} + options);
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(s("The plans are identical.")), qPrintable(text.out));
    }

    void moveShowsInNextSnapshot()
    {
        // A shard of a hash-distributed table with one placement, and another node that may hold shards.
        auto shard = m_session->exec(
            "SELECT s.shardid, p.groupid FROM pg_dist_shard s JOIN pg_dist_partition t USING (logicalrelid) "
            "JOIN pg_dist_placement p USING (shardid) WHERE t.partmethod = 'h' "
            "AND (SELECT count(*) FROM pg_dist_placement q WHERE q.shardid = s.shardid) = 1 ORDER BY s.shardid LIMIT "
            "1");
        QVERIFY(shard.ok());
        if (shard->rows.empty())
            QSKIP("the cluster has no hash-distributed shard to move");
        const std::string shardId = shard->text(0, 0);
        const std::string sourceGroup = shard->text(0, 1);
        auto nodes = m_session->exec("SELECT groupid, nodename, nodeport FROM pg_dist_node WHERE noderole = 'primary' "
                                     "AND isactive AND shouldhaveshards ORDER BY nodeid");
        QVERIFY(nodes.ok());
        std::string sourceAddress;
        std::string targetGroup;
        std::string targetAddress;
        for (std::size_t i = 0; i < nodes->rows.size(); ++i) {
            const std::string address = nodes->text(i, 1) + ':' + nodes->text(i, 2);
            if (nodes->text(i, 0) == sourceGroup)
                sourceAddress = address;
            else if (targetGroup.empty()) {
                targetGroup = nodes->text(i, 0);
                targetAddress = address;
            }
        }
        if (targetGroup.empty() || sourceAddress.empty())
            QSKIP("the cluster needs two nodes that may hold shards for a move");

        const Run moved = runCli({s("move"), s("--dsn"), dsn(), s("--shard"), QString::fromStdString(shardId),
                                  s("--to"), QString::fromStdString(targetAddress), s("--mode"), s("block_writes")});
        QVERIFY2(moved.exitCode == 0, qPrintable(moved.err));
        QVERIFY2(moved.out.contains(s("SELECT pg_catalog.citus_move_shard_placement(")), qPrintable(moved.out));
        QVERIFY2(moved.out.contains(s("'block_writes'")), qPrintable(moved.out));
        QVERIFY2(moved.out.contains(s("Moved shard ")), qPrintable(moved.out));

        const auto state = cliSnapshot();
        QVERIFY(state);
        bool found = false;
        for (const engine::Placement& placement : state->placements) {
            if (std::to_string(placement.shard) == shardId) {
                QCOMPARE(std::to_string(placement.group), targetGroup);
                found = true;
            }
        }
        QVERIFY(found);

        // Moving it to where it already is is refused in plain words; then it goes back.
        const Run again = runCli({s("move"), s("--dsn"), dsn(), s("--shard"), QString::fromStdString(shardId),
                                  s("--to"), QString::fromStdString(targetAddress)});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains(s("is already on")), qPrintable(again.err));
        const Run back = runCli({s("move"), s("--dsn"), dsn(), s("--shard"), QString::fromStdString(shardId), s("--to"),
                                 QString::fromStdString(sourceAddress), s("--mode"), s("block_writes")});
        QVERIFY2(back.exitCode == 0, qPrintable(back.err));
    }

    void rebalanceWaits()
    {
        // Whatever the cluster looks like: either nothing to move, or a job that is followed until it finishes.
        const Run run = runCli({s("rebalance"), s("--dsn"), dsn(), s("--mode"), s("block_writes"), s("--wait")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.err.contains(s("SELECT pg_catalog.citus_rebalance_start(")), qPrintable(run.err));
        if (run.out.trimmed().isEmpty()) {
            QVERIFY2(run.err.contains(s("Nothing to rebalance")), qPrintable(run.err));
            return;
        }
        bool ok = false;
        const qint64 job = run.out.trimmed().toLongLong(&ok);
        QVERIFY2(ok, qPrintable(run.out));
        QVERIFY2(run.err.contains(s("Rebalance job %1 finished").arg(job)), qPrintable(run.err));
        QCOMPARE(scalar("SELECT state FROM pg_dist_background_job WHERE job_id = " + std::to_string(job)),
                 std::string("finished"));
        // Moves keep every shard placed once: the next snapshot still equals the catalog.
        const auto state = cliSnapshot();
        QVERIFY(state);
        QCOMPARE(std::to_string(state->placements.size()),
                 scalar("SELECT count(*) FROM pg_dist_placement WHERE shardstate = 1"));
    }

    void moveErrorsInPlainWords()
    {
        const Run unknownNode =
            runCli({s("move"), s("--dsn"), dsn(), s("--shard"), s("1"), s("--to"), s("no-such-node.invalid:5432")});
        QCOMPARE(unknownNode.exitCode, 1);
        QVERIFY2(unknownNode.err.contains(s("No node no-such-node.invalid:5432 in pg_dist_node")),
                 qPrintable(unknownNode.err));
        auto node = m_session->exec("SELECT nodename || ':' || nodeport FROM pg_dist_node ORDER BY nodeid LIMIT 1");
        QVERIFY(node.ok());
        const Run unknownShard = runCli({s("move"), s("--dsn"), dsn(), s("--shard"), s("987654321987"), s("--to"),
                                         QString::fromStdString(node->text(0, 0))});
        QCOMPARE(unknownShard.exitCode, 1);
        QVERIFY2(unknownShard.err.contains(s("does not exist")), qPrintable(unknownShard.err));
    }
};

QTEST_GUILESS_MAIN(TestCliLiveCitus)
#include "tst_cli_live_citus.moc"
