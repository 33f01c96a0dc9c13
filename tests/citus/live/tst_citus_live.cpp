// SPDX-License-Identifier: MIT
// The live backend on a real Citus coordinator (CITUS_TEST_DSN): the snapshot equals the catalog, a worker
// is recognised as such, a shard move and a rebalance run through LiveClusterSource and show up in the
// next snapshot.
#include "live/liveclustersource.h"
#include "live/loadclusterstate.h"
#include "live/pgerrors.h"
#include "live/serverprobe.h"

#include <QSignalSpy>
#include <QTest>
#include <map>

using namespace shardscope;
using namespace shardscope::live;

namespace {

QString s(const char* text)
{
    return QString::fromUtf8(text);
}

std::string dsn()
{
    return qEnvironmentVariable("CITUS_TEST_DSN").toStdString();
}

} // namespace

class TestCitusLive : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<PgSession> m_session;

    std::string scalar(const std::string& sql)
    {
        auto result = m_session->exec(sql);
        return result ? result->text(0, 0) : std::string("<error: ") + result.error().message + '>';
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (dsn().empty())
            QSKIP("CITUS_TEST_DSN is not set: these tests need a real Citus coordinator "
                  "(../shared/tools/citus-cluster.sh starts one where Citus is installed).");
        auto options = ConnectionOptions::parse(dsn());
        QVERIFY2(options.ok(), options.ok() ? "" : options.error().message.c_str());
        m_session = std::make_unique<PgSession>(*options);
        Status connected = m_session->connect();
        QVERIFY2(connected.ok(), connected.ok() ? "" : connected.error().message.c_str());
    }

    void snapshotEqualsCatalog()
    {
        auto snapshot = loadLiveSnapshot(dsn());
        QVERIFY2(snapshot.ok(), snapshot.ok() ? "" : snapshot.error().message.c_str());
        QCOMPARE(snapshot->server.kind, ServerKind::CitusCoordinator);
        QVERIFY(!snapshot->server.citusVersion.empty());
        QVERIFY(statusSummary(snapshot->server).find("Citus") != std::string::npos);
        const engine::ClusterState& state = snapshot->state;
        QCOMPARE(std::to_string(state.nodes.size()), scalar("SELECT count(*) FROM pg_dist_node"));
        QCOMPARE(std::to_string(state.colocationGroups.size()), scalar("SELECT count(*) FROM pg_dist_colocation"));
        QCOMPARE(std::to_string(state.shards.size()), scalar("SELECT count(*) FROM pg_dist_shard"));
        QCOMPARE(std::to_string(state.placements.size()),
                 scalar("SELECT count(*) FROM pg_dist_placement WHERE shardstate = 1"));
        QCOMPARE(std::to_string(state.tables.size()),
                 scalar("SELECT count(*) FROM pg_dist_partition WHERE partmethod IN ('h', 'n')"));

        // Every shard range and placement group as the catalog has it.
        auto shards = m_session->exec("SELECT shardid, coalesce(shardminvalue, ''), coalesce(shardmaxvalue, '') "
                                      "FROM pg_dist_shard ORDER BY shardid");
        QVERIFY(shards.ok());
        for (std::size_t i = 0; i < shards->rows.size(); ++i) {
            QCOMPARE(std::to_string(state.shards[i].id), shards->text(i, 0));
            if (state.shards[i].hasRange) {
                QCOMPARE(std::to_string(state.shards[i].minValue), shards->text(i, 1));
                QCOMPARE(std::to_string(state.shards[i].maxValue), shards->text(i, 2));
            }
        }
        // The distribution columns are the ones Citus names.
        auto columns = m_session->exec("SELECT logicalrelid::oid, column_to_column_name(logicalrelid, partkey) "
                                       "FROM pg_dist_partition WHERE partkey IS NOT NULL");
        QVERIFY(columns.ok());
        for (std::size_t i = 0; i < columns->rows.size(); ++i) {
            const auto oid = static_cast<engine::TableOid>(std::stoul(columns->text(i, 0)));
            const auto table = std::find_if(state.tables.begin(), state.tables.end(),
                                            [&](const engine::Table& t) { return t.oid == oid; });
            QVERIFY(table != state.tables.end());
            QCOMPARE(table->distributionColumn, columns->text(i, 1));
        }
        // Sizes: the total equals citus_shard_sizes() (largest per shard, as citus_shards shows them).
        std::map<engine::ShardId, std::int64_t> perShard;
        for (const engine::Placement& p : state.placements)
            perShard[p.shard] = std::max(perShard[p.shard], p.bytes);
        std::int64_t total = 0;
        for (const auto& [shard, bytes] : perShard)
            total += bytes;
        const std::string expected = scalar("SELECT coalesce(sum(m), 0) FROM (SELECT max(size) AS m FROM "
                                            "citus_shard_sizes() GROUP BY shard_id) x");
        QCOMPARE(std::to_string(total), expected);
    }

    void workerIsRecognised()
    {
        auto worker = m_session->exec("SELECT nodename, nodeport FROM pg_dist_node WHERE groupid > 0 AND "
                                      "noderole = 'primary' AND isactive ORDER BY nodeid LIMIT 1");
        QVERIFY(worker.ok());
        if (worker->rows.empty())
            QSKIP("the cluster has no worker node");
        auto options = ConnectionOptions::parse(dsn());
        PgSession session(
            options->with("host", worker->text(0, 0)).with("port", worker->text(0, 1)).without("hostaddr"));
        if (!session.connect().ok())
            QSKIP("the worker does not accept this login");
        auto probed = probeServer(session);
        QVERIFY(!probed.ok());
        QCOMPARE(QString::fromStdString(probed.error().code), s(codes::kCitusWorker));
        QVERIFY(QString::fromStdString(probed.error().hint).startsWith(s("Connect to")));
    }

    void moveShowsInNextSnapshot()
    {
        auto candidate = m_session->exec(
            "SELECT p.shardid, src.nodeid, dst.nodeid, dst.groupid FROM pg_dist_placement p "
            "JOIN pg_dist_shard s USING (shardid) JOIN pg_dist_partition t ON t.logicalrelid = s.logicalrelid "
            "JOIN pg_dist_node src ON src.groupid = p.groupid "
            "JOIN pg_dist_node dst ON dst.groupid <> p.groupid AND dst.groupid > 0 AND dst.isactive "
            "     AND dst.shouldhaveshards AND dst.noderole = 'primary' "
            "WHERE t.partmethod = 'h' AND NOT EXISTS (SELECT 1 FROM pg_dist_placement q JOIN pg_dist_shard r "
            "     USING (shardid) WHERE r.logicalrelid IN (SELECT logicalrelid FROM pg_dist_partition WHERE "
            "     colocationid = t.colocationid) AND q.groupid = dst.groupid AND r.shardid = p.shardid) "
            "ORDER BY p.shardid LIMIT 1");
        QVERIFY(candidate.ok());
        if (candidate->rows.empty())
            QSKIP("no hash-distributed shard can move to another worker");
        const engine::ShardId shard = std::stoll(candidate->text(0, 0));
        const engine::NodeId source = std::stoi(candidate->text(0, 1));
        const engine::NodeId target = std::stoi(candidate->text(0, 2));
        const engine::GroupId targetGroup = std::stoi(candidate->text(0, 3));

        LiveClusterSource live(*ConnectionOptions::parse(dsn()));
        QSignalSpy finished(&live, &ClusterSource::jobFinished);
        QSignalSpy ready(&live, &ClusterSource::snapshotReady);
        live.submit(engine::MoveShardPlacement{shard, source, target, engine::TransferMode::BlockWrites});
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 300000);
        const auto result = finished.at(0).at(1).value<JobResult>();
        QVERIFY2(result.ok(), result.error ? result.error->message.c_str() : "");
        QVERIFY(result.generation > 0);
        QTRY_VERIFY_WITH_TIMEOUT(live.currentSnapshot().generation >= result.generation, 60000);
        const auto& placements = live.currentSnapshot().state->placements;
        const auto moved = std::find_if(placements.begin(), placements.end(),
                                        [&](const engine::Placement& p) { return p.shard == shard; });
        QVERIFY(moved != placements.end());
        QCOMPARE(moved->group, targetGroup);

        // And back again, so the cluster is left as it was.
        live.submit(engine::MoveShardPlacement{shard, target, source, engine::TransferMode::BlockWrites});
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 300000);
        QVERIFY(finished.at(1).at(1).value<JobResult>().ok());
    }

    void rebalanceRunsToTheEnd()
    {
        LiveClusterSource live(*ConnectionOptions::parse(dsn()));
        QSignalSpy finished(&live, &ClusterSource::jobFinished);
        RebalanceStart options;
        options.mode = engine::TransferMode::BlockWrites;
        live.startRebalance(options);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 600000);
        const auto result = finished.at(0).at(1).value<JobResult>();
        QVERIFY2(result.ok(), result.error ? result.error->message.c_str() : "");
        QVERIFY(!result.summary.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCitusLive)
#include "tst_citus_live.moc"
