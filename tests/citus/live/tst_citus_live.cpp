// SPDX-License-Identifier: MIT
// The live backend on a real Citus coordinator (CITUS_TEST_DSN): the snapshot equals the catalog (plain local
// tables included), a worker is recognised as such, rebalance progress is read as Citus 13 writes it, custom
// rebalance strategies are read with their functions evaluated by the server, a shard move and a rebalance run
// through LiveClusterSource and show up in the next snapshot, and a move or a rebalance can be stopped.
// Everything happens on tables of the test's own schema, dropped at the end.
#include "../citustestschema.h"
#include "live/liveclustersource.h"
#include "live/loadclusterstate.h"
#include "live/pgerrors.h"
#include "live/rebalanceprogress.h"
#include "live/serverprobe.h"
#include "live/strategyreader.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <map>
#include <set>

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

const char* kSchema = "shardscope_citus_live";
const char* kStrategy = "shardscope_test_custom";

const engine::Table* findTable(const engine::ClusterState& state, const std::string& schema, const std::string& name)
{
    for (const engine::Table& table : state.tables) {
        if (table.schema == schema && table.name == name)
            return &table;
    }
    return nullptr;
}

} // namespace

class TestCitusLive : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<PgSession> m_session;
    std::unique_ptr<test::CitusTestSchema> m_schema;

    // The first shard of a table in the test schema with another worker that may take it: shard id, source node,
    // target node, source group, target group (no row when the cluster has a single such worker).
    auto moveCandidate(const char* table)
    {
        return m_session->exec(
            "SELECT p.shardid, src.nodeid, dst.nodeid, p.groupid, dst.groupid FROM pg_dist_placement p "
            "JOIN pg_dist_shard s USING (shardid) JOIN pg_dist_node src ON src.groupid = p.groupid "
            "JOIN pg_dist_node dst ON dst.groupid <> p.groupid AND dst.groupid > 0 AND dst.isactive "
            "     AND dst.shouldhaveshards AND dst.noderole = 'primary' "
            "WHERE s.logicalrelid = $1::regclass ORDER BY p.shardid LIMIT 1",
            {m_schema->qualified(table)});
    }

    std::string scalar(const std::string& sql, const std::vector<std::optional<std::string>>& parameters = {})
    {
        auto result = m_session->exec(sql, parameters);
        return result ? result->text(0, 0) : std::string("<error: ") + result.error().message + '>';
    }

    std::unique_ptr<PgSession> openSession()
    {
        auto session = std::make_unique<PgSession>(*ConnectionOptions::parse(dsn()));
        return session->connect().ok() ? std::move(session) : nullptr;
    }

    /** Waits until no rebalance job is running (a previous test's, or an aborted run's). */
    bool noRunningRebalance()
    {
        for (int i = 0; i < 600; ++i) {
            if (scalar("SELECT count(*) FROM pg_dist_background_job WHERE state IN ('scheduled', 'running', "
                       "'cancelling', 'failing')") == "0")
                return true;
            QTest::qWait(500);
        }
        return false;
    }

    /** The placements of the accounts group per node group that may hold shards, from a snapshot. */
    static std::map<engine::GroupId, int> accountsPerGroup(const engine::ClusterState& state)
    {
        const engine::Table* accounts = findTable(state, kSchema, "accounts");
        std::set<engine::ShardId> shards;
        for (const engine::Shard& shard : state.shards) {
            if (accounts && shard.table == accounts->oid)
                shards.insert(shard.id);
        }
        std::map<engine::GroupId, int> perGroup;
        for (const engine::Node& node : state.nodes) {
            if (node.shouldHaveShards && node.isActive && node.role == engine::NodeRole::Primary)
                perGroup[node.group] = 0;
        }
        for (const engine::Placement& placement : state.placements) {
            if (shards.count(placement.shard))
                ++perGroup[placement.group];
        }
        return perGroup;
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
        QVERIFY(noRunningRebalance());
        m_schema = std::make_unique<test::CitusTestSchema>(*m_session, kSchema);
        QVERIFY(m_schema->create());
    }

    void cleanupTestCase()
    {
        if (!m_session)
            return;
        (void)m_session->exec("SELECT citus_rebalance_stop()");
        (void)m_session->exec("DELETE FROM pg_dist_rebalance_strategy WHERE name = $1", {std::string(kStrategy)});
        if (m_schema)
            m_schema->drop();
    }

    void snapshotEqualsCatalog()
    {
        auto snapshot = loadLiveSnapshot(dsn());
        QVERIFY2(snapshot.ok(), snapshot.ok() ? "" : snapshot.error().message.c_str());
        QCOMPARE(snapshot->server.kind, ServerKind::CitusCoordinator);
        QVERIFY(!snapshot->server.citusVersion.empty());
        // The release users know (13.2.2), not the extension's version (13.2-1).
        const std::string release = scalar("SELECT split_part(citus_version(), ' ', 2)");
        QCOMPARE(citusRelease(snapshot->server), release);
        QVERIFY(statusSummary(snapshot->server).find(" \u00b7 Citus " + release + " \u00b7 ") != std::string::npos);
        const engine::ClusterState& state = snapshot->state;
        QCOMPARE(std::to_string(state.nodes.size()), scalar("SELECT count(*) FROM pg_dist_node"));
        QCOMPARE(std::to_string(state.colocationGroups.size()), scalar("SELECT count(*) FROM pg_dist_colocation"));
        QCOMPARE(std::to_string(state.shards.size()), scalar("SELECT count(*) FROM pg_dist_shard"));
        QCOMPARE(std::to_string(state.placements.size()),
                 scalar("SELECT count(*) FROM pg_dist_placement WHERE shardstate = 1"));
        const auto citusTables = std::count_if(state.tables.begin(), state.tables.end(), [](const engine::Table& t) {
            return t.kind != engine::TableKind::Plain;
        });
        QCOMPARE(std::to_string(citusTables),
                 scalar("SELECT count(*) FROM pg_dist_partition WHERE partmethod IN ('h', 'n')"));

        // Every node, shard range and placement as the catalog has it.
        auto nodes = m_session->exec("SELECT nodeid, groupid, nodename, nodeport, shouldhaveshards, isactive "
                                     "FROM pg_dist_node ORDER BY nodeid");
        QVERIFY(nodes.ok());
        for (std::size_t i = 0; i < nodes->rows.size(); ++i) {
            QCOMPARE(std::to_string(state.nodes[i].id), nodes->text(i, 0));
            QCOMPARE(std::to_string(state.nodes[i].group), nodes->text(i, 1));
            QCOMPARE(state.nodes[i].name, nodes->text(i, 2));
            QCOMPARE(std::to_string(state.nodes[i].port), nodes->text(i, 3));
            QCOMPARE(state.nodes[i].shouldHaveShards, nodes->text(i, 4) == "t");
            QCOMPARE(state.nodes[i].isActive, nodes->text(i, 5) == "t");
        }
        auto shards = m_session->exec("SELECT shardid, coalesce(shardminvalue, ''), coalesce(shardmaxvalue, '') "
                                      "FROM pg_dist_shard ORDER BY shardid");
        QVERIFY(shards.ok());
        for (std::size_t i = 0; i < shards->rows.size(); ++i) {
            QCOMPARE(std::to_string(state.shards[i].id), shards->text(i, 0));
            QCOMPARE(state.shards[i].hasRange, !shards->text(i, 1).empty());
            if (state.shards[i].hasRange) {
                QCOMPARE(std::to_string(state.shards[i].minValue), shards->text(i, 1));
                QCOMPARE(std::to_string(state.shards[i].maxValue), shards->text(i, 2));
            }
        }
        auto placements = m_session->exec(
            "SELECT placementid, shardid, groupid FROM pg_dist_placement WHERE shardstate = 1 ORDER BY placementid");
        QVERIFY(placements.ok());
        for (std::size_t i = 0; i < placements->rows.size(); ++i) {
            QCOMPARE(std::to_string(state.placements[i].id), placements->text(i, 0));
            QCOMPARE(std::to_string(state.placements[i].shard), placements->text(i, 1));
            QCOMPARE(std::to_string(state.placements[i].group), placements->text(i, 2));
        }
        // Kinds and distribution columns as Citus names them (citus_tables is Citus's own view of them).
        auto kinds =
            m_session->exec("SELECT t.table_name::oid, t.citus_table_type, t.distribution_column, t.colocation_id "
                            "FROM citus_tables t");
        QVERIFY(kinds.ok());
        for (std::size_t i = 0; i < kinds->rows.size(); ++i) {
            const auto oid = static_cast<engine::TableOid>(std::stoul(kinds->text(i, 0)));
            const auto table = std::find_if(state.tables.begin(), state.tables.end(),
                                            [&](const engine::Table& t) { return t.oid == oid; });
            QVERIFY(table != state.tables.end());
            const std::string type = kinds->text(i, 1);
            const engine::TableKind expected = type == "distributed" && kinds->text(i, 2) != "<none>"
                                                   ? engine::TableKind::HashDistributed
                                               : type == "reference" ? engine::TableKind::Reference
                                               : type == "local"     ? engine::TableKind::CitusLocal
                                                                     : engine::TableKind::SingleShard;
            QCOMPARE(int(table->kind), int(expected));
            if (expected == engine::TableKind::HashDistributed)
                QCOMPARE(table->distributionColumn, kinds->text(i, 2));
            QCOMPARE(std::to_string(table->colocationId), kinds->text(i, 3));
        }
        // The strategies to choose from, as pg_dist_rebalance_strategy lists them.
        QCOMPARE(std::to_string(snapshot->strategies.size()),
                 scalar("SELECT count(*) FROM pg_dist_rebalance_strategy"));
        QVERIFY(std::any_of(snapshot->strategies.begin(), snapshot->strategies.end(), [](const StrategyRow& row) {
            return row.name == "by_shard_count" && row.builtinFunctions();
        }));
        // The hostile name arrives intact.
        QVERIFY(findTable(state, kSchema, test::CitusTestSchema::hostileTable()));

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

    void rowEstimatesPerPlacement()
    {
        // reltuples of each shard, read on its node in one call: equal to what Citus reads per placement.
        QVERIFY(m_schema->run({"ANALYZE " + m_schema->qualified("accounts")}));
        auto snapshot = loadLiveSnapshot(dsn());
        QVERIFY2(snapshot.ok(), snapshot.ok() ? "" : snapshot.error().message.c_str());
        QVERIFY2(snapshot->warnings.empty(), snapshot->warnings.empty() ? "" : snapshot->warnings.front().c_str());
        const engine::ClusterState& state = snapshot->state;
        auto expected =
            m_session->exec("SELECT r.shardid, n.groupid, r.result FROM run_command_on_placements($1::regclass, "
                            "$$SELECT reltuples::int8 FROM pg_class WHERE oid = '%s'::regclass$$) r "
                            "JOIN pg_dist_node n ON n.nodename = r.nodename AND n.nodeport = r.nodeport",
                            {m_schema->qualified("accounts")});
        QVERIFY2(expected.ok(), expected.ok() ? "" : expected.error().message.c_str());
        QCOMPARE(expected->rows.size(), std::size_t(6));
        std::int64_t total = 0;
        for (std::size_t i = 0; i < expected->rows.size(); ++i) {
            const auto placement =
                std::find_if(state.placements.begin(), state.placements.end(), [&](const engine::Placement& p) {
                    return std::to_string(p.shard) == expected->text(i, 0) &&
                           std::to_string(p.group) == expected->text(i, 1);
                });
            QVERIFY(placement != state.placements.end());
            QCOMPARE(std::to_string(placement->rows), expected->text(i, 2));
            total += placement->rows;
        }
        QCOMPARE(total, std::int64_t(6000)); // ANALYZE counted every row of these small shards
    }

    void localTablesListed()
    {
        auto snapshot = loadLiveSnapshot(dsn());
        QVERIFY2(snapshot.ok(), snapshot.ok() ? "" : snapshot.error().message.c_str());
        const engine::ClusterState& state = snapshot->state;
        // Exactly the coordinator's tables that pg_dist_partition does not list (shards stay hidden).
        std::set<std::string> plain;
        for (const engine::Table& table : state.tables) {
            if (table.kind == engine::TableKind::Plain && table.schema == kSchema)
                plain.insert(table.name);
        }
        QCOMPARE(plain, (std::set<std::string>{"events", "events_2026", "notes"}));
        const engine::Table* notes = findTable(state, kSchema, "notes");
        QCOMPARE(notes->plainRows, std::int64_t(500));
        QCOMPARE(std::to_string(notes->plainBytes),
                 scalar("SELECT pg_table_size($1::regclass)", {m_schema->qualified("notes")}));
        QVERIFY(notes->hasReplicaIdentity);
        const engine::Table* parent = findTable(state, kSchema, "events");
        const engine::Table* partition = findTable(state, kSchema, "events_2026");
        QCOMPARE(partition->partitionOf, parent->oid);
        QCOMPARE(partition->plainRows, std::int64_t(50));
        QVERIFY(!partition->hasReplicaIdentity);
        // Citus's tables are not listed twice, and no shard relation (countries_1020xx on the coordinator).
        const auto countries = std::count_if(state.tables.begin(), state.tables.end(), [](const engine::Table& t) {
            return t.schema == kSchema && t.name.rfind("countries", 0) == 0;
        });
        QCOMPARE(countries, 1);
        QCOMPARE(int(findTable(state, kSchema, "countries")->kind), int(engine::TableKind::Reference));
        QVERIFY(snapshot->warnings.empty());
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

    void progressColumnsAsParsed()
    {
        // The parsers find every column they need by name in what this server returns.
        auto progress = m_session->exec(rebalanceProgressStatement());
        QVERIFY2(progress.ok(), progress.ok() ? "" : progress.error().message.c_str());
        for (const char* column :
             {"sessionid", "table_name", "shardid", "shard_size", "sourcename", "sourceport", "targetname",
              "targetport", "progress", "source_shard_size", "target_shard_size", "operation_type", "status"})
            QVERIFY2(progress->columnIndex(column) >= 0, column);
        QVERIFY(parseRebalanceProgress(*progress).ok());
        auto status = m_session->exec(rebalanceStatusStatement());
        QVERIFY2(status.ok(), status.ok() ? "" : status.error().message.c_str());
        auto parsed = parseRebalanceStatus(*status);
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : parsed.error().message.c_str());
    }

    void builtinStrategiesRead()
    {
        auto rows = readRebalanceStrategies(*m_session);
        QVERIFY2(rows.ok(), rows.ok() ? "" : rows.error().message.c_str());
        QCOMPARE(std::to_string(rows->size()), scalar("SELECT count(*) FROM pg_dist_rebalance_strategy"));
        auto byDisk = loadRebalanceStrategy(*m_session, "by_disk_size");
        QVERIFY(byDisk.ok());
        QCOMPARE(int(byDisk->cost), int(engine::ShardCostKind::DiskSize));
        QCOMPARE(
            byDisk->diskSizeBaseCost,
            std::stoll(scalar("SELECT pg_size_bytes(current_setting('citus.rebalancer_by_disk_size_base_cost'))")));
        auto byCount = loadRebalanceStrategy(*m_session, "by_shard_count");
        QVERIFY(byCount.ok());
        QCOMPARE(int(byCount->cost), int(engine::ShardCostKind::One));
        auto fallback = loadRebalanceStrategy(*m_session, "");
        QVERIFY(fallback.ok());
        QCOMPARE(fallback->name, scalar("SELECT name FROM pg_dist_rebalance_strategy WHERE default_strategy"));
        auto missing = loadRebalanceStrategy(*m_session, "no_such_strategy");
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().message, std::string("could not find rebalance strategy with name no_such_strategy"));
    }

    void customStrategyEvaluatedByServer()
    {
        const std::string s = *m_session->quoteIdentifier(kSchema);
        QVERIFY(m_schema->run({"CREATE FUNCTION " + s +
                                   ".cost(shardid bigint) RETURNS real LANGUAGE sql AS "
                                   "$$SELECT CASE WHEN shardid % 3 = 0 THEN 2.5 ELSE 1 END::real$$",
                               "CREATE FUNCTION " + s +
                                   ".capacity(nodeid int) RETURNS real LANGUAGE sql AS "
                                   "$$SELECT (nodeid % 2 + 1)::real$$",
                               "CREATE FUNCTION " + s +
                                   ".allowed(shardid bigint, nodeid int) RETURNS boolean LANGUAGE sql AS "
                                   "$$SELECT shardid % 5 <> 0 OR nodeid % 2 = 0$$",
                               "DELETE FROM pg_dist_rebalance_strategy WHERE name = '" + std::string(kStrategy) + "'",
                               "SELECT citus_add_rebalance_strategy('" + std::string(kStrategy) + "', '" + s +
                                   ".cost', '" + s + ".capacity', '" + s + ".allowed', 0.05, 0.01, 0.125)"}));
        auto rows = readRebalanceStrategies(*m_session);
        QVERIFY(rows.ok());
        const auto row =
            std::find_if(rows->begin(), rows->end(), [](const StrategyRow& r) { return r.name == kStrategy; });
        QVERIFY(row != rows->end());
        QVERIFY(!row->builtinFunctions());
        QCOMPARE(row->shardCostFunction, std::string(kSchema) + ".cost");
        QVERIFY(!builtinStrategyFor(*row).ok()); // offline it cannot be evaluated, and says so

        auto strategy = loadRebalanceStrategy(*m_session, kStrategy);
        QVERIFY2(strategy.ok(), strategy.ok() ? "" : strategy.error().message.c_str());
        QCOMPARE(int(strategy->cost), int(engine::ShardCostKind::CustomData));
        QCOMPARE(int(strategy->capacity), int(engine::NodeCapacityKind::CustomData));
        QCOMPARE(int(strategy->allowed), int(engine::ShardAllowedKind::AllButListed));
        QCOMPARE(strategy->defaultThreshold, 0.05F);
        QCOMPARE(strategy->improvementThreshold, 0.125F);
        auto shard = m_session->exec("SELECT min(shardid) FROM pg_dist_shard WHERE logicalrelid = $1::regclass AND "
                                     "shardid % 3 = 0",
                                     {m_schema->qualified("accounts")});
        QVERIFY(shard.ok() && !shard->text(0, 0).empty());
        QCOMPARE(strategy->shardCost.at(std::stoll(shard->text(0, 0))), 2.5F);
        auto node = m_session->exec("SELECT nodeid FROM pg_dist_node WHERE shouldhaveshards AND isactive ORDER BY 1 "
                                    "LIMIT 1");
        QVERIFY(node.ok());
        const int nodeId = std::stoi(node->text(0, 0));
        QCOMPARE(strategy->nodeCapacity.at(nodeId), float(nodeId % 2 + 1));
        for (const engine::ShardNodePair& pair : strategy->disallowedPairs)
            QVERIFY(pair.shard % 5 == 0 && pair.node % 2 != 0);

        // A function that fails on the server is named, with the server's own message.
        QVERIFY(m_schema->run({"CREATE OR REPLACE FUNCTION " + s +
                               ".cost(shardid bigint) RETURNS real LANGUAGE sql "
                               "AS $$SELECT (1 / (shardid - shardid))::real$$"}));
        auto failing = loadRebalanceStrategy(*m_session, kStrategy);
        QVERIFY(!failing.ok());
        QVERIFY2(failing.error().message.find(std::string(kSchema) + ".cost failed on the server: division by zero") !=
                     std::string::npos,
                 failing.error().message.c_str());
        QCOMPARE(failing.error().code, std::string("22012"));

        // A function dropped after the strategy was added leaves a bare oid: listed, and named when used.
        QVERIFY(m_schema->run({"DROP FUNCTION " + s + ".cost(bigint)"}));
        rows = readRebalanceStrategies(*m_session);
        QVERIFY(rows.ok());
        QCOMPARE(std::to_string(rows->size()), scalar("SELECT count(*) FROM pg_dist_rebalance_strategy"));
        auto dangling = loadRebalanceStrategy(*m_session, kStrategy);
        QVERIFY(!dangling.ok());
        QVERIFY2(dangling.error().message.find("names a function that no longer exists (dropped function, oid ") !=
                     std::string::npos,
                 dangling.error().message.c_str());
        QVERIFY(
            m_schema->run({"DELETE FROM pg_dist_rebalance_strategy WHERE name = '" + std::string(kStrategy) + "'"}));
    }

    void moveShowsInNextSnapshot()
    {
        // A shard of the hostile table's group (the hostile shard moves with it), to another worker.
        auto candidate = moveCandidate("accounts");
        QVERIFY(candidate.ok());
        if (candidate->rows.empty())
            QSKIP("the cluster needs two workers that may hold shards for a move");
        const engine::ShardId shard = std::stoll(candidate->text(0, 0));
        const engine::NodeId source = std::stoi(candidate->text(0, 1));
        const engine::NodeId target = std::stoi(candidate->text(0, 2));
        const engine::GroupId targetGroup = std::stoi(candidate->text(0, 4));
        const std::string colocated = scalar(
            "SELECT s2.shardid FROM pg_dist_shard s1 JOIN pg_dist_shard s2 ON s2.shardminvalue = s1.shardminvalue "
            "WHERE s1.shardid = $1::int8 AND s2.logicalrelid = $2::regclass",
            {std::to_string(shard), m_schema->qualified(test::CitusTestSchema::hostileTable())});

        LiveClusterSource live(*ConnectionOptions::parse(dsn()));
        QSignalSpy finished(&live, &ClusterSource::jobFinished);
        live.submit(engine::MoveShardPlacement{shard, source, target, engine::TransferMode::BlockWrites});
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 300000);
        const auto result = finished.at(0).at(1).value<JobResult>();
        QVERIFY2(result.ok(), result.error ? result.error->message.c_str() : "");
        QVERIFY(result.generation > 0);
        QTRY_VERIFY_WITH_TIMEOUT(live.currentSnapshot().generation >= result.generation, 60000);
        for (const engine::Placement& placement : live.currentSnapshot().state->placements) {
            if (placement.shard == shard || std::to_string(placement.shard) == colocated)
                QCOMPARE(placement.group, targetGroup);
        }

        // And back again, so the layout is as before.
        live.submit(engine::MoveShardPlacement{shard, target, source, engine::TransferMode::BlockWrites});
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 300000);
        QVERIFY(finished.at(1).at(1).value<JobResult>().ok());
    }

    void moveCanBeCancelled()
    {
        // Another session holds a lock the move needs: the move waits until ShardScope cancels it.
        auto candidate = moveCandidate("blobs");
        QVERIFY(candidate.ok());
        if (candidate->rows.empty())
            QSKIP("the cluster needs two workers that may hold shards for a move");
        const engine::ShardId shard = std::stoll(candidate->text(0, 0));
        auto locker = openSession();
        QVERIFY(locker);
        QVERIFY(locker->exec("BEGIN").ok());
        QVERIFY(locker->exec("LOCK TABLE " + m_schema->qualified("blobs") + " IN ACCESS EXCLUSIVE MODE").ok());

        LiveClusterSource live(*ConnectionOptions::parse(dsn()));
        QSignalSpy finished(&live, &ClusterSource::jobFinished);
        QSignalSpy progressed(&live, &ClusterSource::jobProgressed);
        const JobId job = live.submit(engine::MoveShardPlacement{shard, std::stoi(candidate->text(0, 1)),
                                                                 std::stoi(candidate->text(0, 2)),
                                                                 engine::TransferMode::BlockWrites});
        const std::string waiting = "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query "
                                    "LIKE '%citus_move_shard_placement(%' AND pid <> pg_backend_pid()";
        QTRY_VERIFY_WITH_TIMEOUT(scalar(waiting) != "0", 60000);
        live.cancel(job);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QVERIFY(locker->exec("ROLLBACK").ok());
        const auto result = finished.at(0).at(1).value<JobResult>();
        QVERIFY(result.canceled);
        QVERIFY(!result.error);
        // Nothing moved, and nothing is left for Citus to clean up.
        QCOMPARE(scalar("SELECT groupid FROM pg_dist_placement WHERE shardid = $1::int8", {std::to_string(shard)}),
                 candidate->text(0, 3));
        QCOMPARE(
            scalar("SELECT count(*) FROM pg_dist_cleanup WHERE object_name LIKE '%\\_' || $1", {std::to_string(shard)}),
            std::string("0"));
    }

    void rebalanceRunsToTheEnd()
    {
        QVERIFY(noRunningRebalance());
        QVERIFY(m_schema->unbalance());
        QVERIFY(m_schema->createConfinedStrategy());
        const auto foreign = m_schema->foreignTablesInPlan(m_schema->name());
        if (!foreign.empty())
            QSKIP(qPrintable(s("a rebalance would also move tables of schema %1, which this test does not own")
                                 .arg(QString::fromStdString(foreign.front()))));
        LiveClusterSource live(*ConnectionOptions::parse(dsn()));
        QSignalSpy finished(&live, &ClusterSource::jobFinished);
        QSignalSpy progressed(&live, &ClusterSource::jobProgressed);
        RebalanceStart options;
        options.strategy = m_schema->name();               // by_shard_count, confined to the test's tables
        options.mode = engine::TransferMode::ForceLogical; // slow enough to see its phases
        live.startRebalance(options);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 600000);
        const auto result = finished.at(0).at(1).value<JobResult>();
        QVERIFY2(result.ok(), result.error ? result.error->message.c_str() : "");
        QVERIFY2(result.summary.contains(s(": finished, ")), qPrintable(result.summary));
        QTRY_VERIFY_WITH_TIMEOUT(live.currentSnapshot().generation >= result.generation, 60000);

        // Progress named the job's tasks; the last report counted all of them done.
        QStringList texts;
        for (const auto& args : progressed)
            texts << args.at(1).value<JobProgress>().text;
        QVERIFY2(texts.join(s("\n")).contains(s("tasks done")), qPrintable(texts.join(s("\n"))));
        // A logical move takes seconds: at least one poll saw a shard group in flight, with its phase.
        static const QRegularExpression moving(
            s("moving shard \\d+ of \"?%1\"?\\..+ \\(\\+1 colocated\\) \\S+ -> \\S+, "
              "[A-Z][a-z]+ [A-Z][a-z]+, ")
                .arg(s(kSchema)));
        QVERIFY2(texts.join(s("\n")).contains(moving), qPrintable(texts.join(s("\n"))));
        const JobProgress last = progressed.last().at(1).value<JobProgress>();
        QVERIFY(last.total > 0);
        QCOMPARE(last.step, last.total);

        // Balanced now: the accounts group differs by at most one placement between workers.
        const auto perGroup = accountsPerGroup(*live.currentSnapshot().state);
        int low = INT_MAX;
        int high = 0;
        for (const auto& [group, count] : perGroup) {
            low = std::min(low, count);
            high = std::max(high, count);
        }
        QVERIFY2(high - low <= 1, qPrintable(s("%1 to %2 placements per worker").arg(low).arg(high)));
    }

    void rebalanceWithNothingToMove()
    {
        // Balanced by the previous test, and every other table pinned by the confined strategy: Citus returns
        // NULL and a NOTICE instead of a job; the operation ends at once, done, saying so.
        QVERIFY(noRunningRebalance());
        QVERIFY(m_schema->createConfinedStrategy());
        QCOMPARE(scalar("SELECT count(*) FROM get_rebalance_table_shards_plan(rebalance_strategy => $1)",
                        {m_schema->name()}),
                 std::string("0"));
        LiveClusterSource live(*ConnectionOptions::parse(dsn()));
        QSignalSpy finished(&live, &ClusterSource::jobFinished);
        RebalanceStart options;
        options.strategy = m_schema->name();
        live.startRebalance(options);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        const auto result = finished.at(0).at(1).value<JobResult>();
        QVERIFY2(result.ok(), result.error ? result.error->message.c_str() : "");
        QVERIFY2(result.summary.contains(s("No moves available for rebalancing")), qPrintable(result.summary));
    }

    void rebalanceCanBeStopped()
    {
        QVERIFY(noRunningRebalance());
        QVERIFY(m_schema->unbalance());
        QVERIFY(m_schema->createConfinedStrategy());
        const auto foreign = m_schema->foreignTablesInPlan(m_schema->name());
        if (!foreign.empty())
            QSKIP(qPrintable(s("a rebalance would also move tables of schema %1, which this test does not own")
                                 .arg(QString::fromStdString(foreign.front()))));
        auto locker = openSession();
        QVERIFY(locker);
        QVERIFY(locker->exec("BEGIN").ok());
        QVERIFY(locker->exec("LOCK TABLE " + m_schema->qualified("accounts") + " IN ACCESS EXCLUSIVE MODE").ok());

        LiveClusterSource live(*ConnectionOptions::parse(dsn()));
        QSignalSpy finished(&live, &ClusterSource::jobFinished);
        QSignalSpy progressed(&live, &ClusterSource::jobProgressed);
        RebalanceStart options;
        options.strategy = m_schema->name(); // by_shard_count, confined to the test's tables
        options.mode = engine::TransferMode::BlockWrites;
        const JobId job = live.startRebalance(options);
        // The background task has started its move and waits for the lock.
        QTRY_VERIFY_WITH_TIMEOUT(scalar("SELECT count(*) FROM pg_dist_background_task t JOIN pg_dist_background_job j "
                                        "USING (job_id) WHERE j.state = 'running' AND t.status = 'running'") != "0",
                                 60000);
        live.cancel(job);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 120000);
        QVERIFY(locker->exec("ROLLBACK").ok());
        const auto result = finished.at(0).at(1).value<JobResult>();
        QVERIFY2(result.canceled, qPrintable(result.summary));
        QVERIFY(!result.error);
        QCOMPARE(scalar("SELECT state FROM pg_dist_background_job ORDER BY job_id DESC LIMIT 1"),
                 std::string("cancelled"));
        QStringList texts;
        for (const auto& args : progressed)
            texts << args.at(1).value<JobProgress>().text;
        QVERIFY2(texts.join(s("\n")).contains(s("Stopping the rebalance")), qPrintable(texts.join(s("\n"))));
    }
};

QTEST_GUILESS_MAIN(TestCitusLive)
#include "tst_citus_live.moc"
