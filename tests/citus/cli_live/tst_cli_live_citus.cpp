// SPDX-License-Identifier: MIT
// shardscope-cli on a real Citus coordinator (CITUS_TEST_DSN): the snapshot equals the catalog, plan --citus
// finds ShardScope's plan identical to get_rebalance_table_shards_plan (built-in and custom strategies, on a
// cluster the test unbalanced), a move completes and shows up in the next snapshot, and a rebalance is
// followed to its end. Moves and rebalances touch only the tables of the test's own schema, dropped at the end.
#include "../citustestschema.h"
#include "live/connectionoptions.h"
#include "live/pgsession.h"
#include "snapshot/snapshotjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
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

const char* kSchema = "shardscope_citus_cli";
const char* kCountStrategy = "shardscope_cli_count";   // Citus's functions, other thresholds
const char* kCustomStrategy = "shardscope_cli_custom"; // SQL functions of the test's schema

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
    std::unique_ptr<test::CitusTestSchema> m_schema;
    QTemporaryDir m_dir;

    void dropStrategies()
    {
        (void)m_session->exec("DELETE FROM pg_dist_rebalance_strategy WHERE name IN ($1, $2)",
                              {std::string(kCountStrategy), std::string(kCustomStrategy)});
    }

    std::string scalar(const std::string& sql, const std::vector<std::optional<std::string>>& parameters = {})
    {
        auto result = m_session->exec(sql, parameters);
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
        m_schema = std::make_unique<test::CitusTestSchema>(*m_session, kSchema);
        QVERIFY(m_schema->create());
        QVERIFY(m_schema->unbalance()); // plans with moves to compare
        QVERIFY(m_schema->createConfinedStrategy());
        dropStrategies();
        const std::string q = *m_session->quoteIdentifier(kSchema);
        QVERIFY(m_schema->run(
            {"SELECT citus_add_rebalance_strategy('" + std::string(kCountStrategy) +
                 "', 'citus_shard_cost_1', 'citus_node_capacity_1', 'citus_shard_allowed_on_node_true', 0.3, 0.1)",
             "CREATE FUNCTION " + q +
                 ".cost(shardid bigint) RETURNS real LANGUAGE sql AS "
                 "$$SELECT CASE WHEN shardid % 2 = 0 THEN 3 ELSE 1 END::real$$",
             "CREATE FUNCTION " + q +
                 ".capacity(nodeid int) RETURNS real LANGUAGE sql AS "
                 "$$SELECT (CASE WHEN nodeid % 2 = 0 THEN 2 ELSE 1 END)::real$$",
             "CREATE FUNCTION " + q +
                 ".allowed(shardid bigint, nodeid int) RETURNS boolean LANGUAGE sql AS "
                 "$$SELECT shardid % 4 <> 1 OR nodeid % 2 = 1$$",
             "SELECT citus_add_rebalance_strategy('" + std::string(kCustomStrategy) + "', '" + q + ".cost', '" + q +
                 ".capacity', '" + q + ".allowed', 0.05, 0.01, 0.1)"}));
    }

    void cleanupTestCase()
    {
        if (!m_session)
            return;
        dropStrategies();
        if (m_schema)
            m_schema->drop();
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
        const auto citusTables = std::count_if(state->tables.begin(), state->tables.end(), [](const engine::Table& t) {
            return t.kind != engine::TableKind::Plain;
        });
        QCOMPARE(std::to_string(citusTables),
                 scalar("SELECT count(*) FROM pg_dist_partition WHERE partmethod IN ('h', 'n')"));
        // The coordinator's plain tables are in the file too (what the distribution wizard offers).
        QVERIFY(std::any_of(state->tables.begin(), state->tables.end(), [](const engine::Table& t) {
            return t.schema == kSchema && t.name == "notes" && t.kind == engine::TableKind::Plain && t.plainRows == 500;
        }));
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
        QTest::addColumn<bool>("moves"); // the unbalanced test schema guarantees a non-empty plan
        const QString accounts = s("%1.accounts").arg(s(kSchema));
        QTest::newRow("default") << QStringList{} << true;
        QTest::newRow("by_shard_count") << QStringList{s("--strategy"), s("by_shard_count")} << true;
        QTest::newRow("by_disk_size") << QStringList{s("--strategy"), s("by_disk_size")} << true;
        QTest::newRow("threshold 0") << QStringList{s("--strategy"), s("by_shard_count"), s("--threshold"), s("0")}
                                     << true;
        QTest::newRow("max 1 move") << QStringList{s("--max-shard-moves"), s("1")} << true;
        QTest::newRow("drain only") << QStringList{s("--drain-only")} << false;
        QTest::newRow("relation") << QStringList{s("--strategy"), s("by_shard_count"), s("--relation"), accounts}
                                  << true;
        QTest::newRow("improvement threshold")
            << QStringList{s("--strategy"), s("by_disk_size"), s("--improvement-threshold"), s("0.9")} << false;
        QTest::newRow("custom, Citus's functions") << QStringList{s("--strategy"), s(kCountStrategy)} << true;
        QTest::newRow("custom, SQL functions") << QStringList{s("--strategy"), s(kCustomStrategy)} << true;
        QTest::newRow("custom, reads the catalog") << QStringList{s("--strategy"), s(kSchema)} << true;
    }

    void planEqualsCitus()
    {
        QFETCH(QStringList, options);
        QFETCH(bool, moves);
        const Run json = runCli(QStringList{s("plan"), s("--dsn"), dsn(), s("--citus"), s("--json")} + options);
        QVERIFY2(json.exitCode == 0, qPrintable(json.err));
        QJsonParseError error;
        const QJsonObject root = QJsonDocument::fromJson(json.out.toUtf8(), &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString() + s(": ") + json.out));
        QVERIFY(root.value(s("shardscope")).isArray());
        QVERIFY(root.value(s("citus")).isArray());
        QCOMPARE(root.value(s("shardscope")).toArray().size(), root.value(s("citus")).toArray().size());
        QVERIFY2(root.value(s("identical")).toBool(), qPrintable(json.out));
        if (moves)
            QVERIFY2(!root.value(s("citus")).toArray().isEmpty(), qPrintable(json.out));

        const Run text = runCli(QStringList{s("plan"), s("--dsn"), dsn(), s("--citus")} + options);
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(s("The plans are identical.")), qPrintable(text.out));
    }

    void strategyErrors()
    {
        // An unknown strategy in Citus's words; a custom strategy cannot be evaluated on a snapshot file.
        const Run unknown = runCli({s("plan"), s("--dsn"), dsn(), s("--strategy"), s("no_such_strategy")});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY2(unknown.err.contains(s("could not find rebalance strategy with name no_such_strategy")),
                 qPrintable(unknown.err));
        const QString path = m_dir.filePath(s("plan.json"));
        QCOMPARE(runCli({s("snapshot"), s("--dsn"), dsn(), s("-o"), path}).exitCode, 0);
        const Run offline = runCli({s("plan"), s("--snapshot"), path, s("--strategy"), s(kCustomStrategy)});
        QCOMPARE(offline.exitCode, 1);
        QVERIFY2(offline.err.contains(s("could not find rebalance strategy with name %1").arg(s(kCustomStrategy))),
                 qPrintable(offline.err));
    }

    void moveShowsInNextSnapshot()
    {
        // A shard of the test's accounts table (its hostile colocated shard moves along), to another worker.
        auto shard = m_session->exec("SELECT s.shardid, p.groupid FROM pg_dist_shard s JOIN pg_dist_placement p "
                                     "USING (shardid) WHERE s.logicalrelid = $1::regclass ORDER BY s.shardid LIMIT 1",
                                     {m_schema->qualified("accounts")});
        QVERIFY(shard.ok() && !shard->rows.empty());
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
        QVERIFY(m_schema->unbalance());
        QVERIFY(m_schema->createConfinedStrategy());
        const auto foreign = m_schema->foreignTablesInPlan(m_schema->name());
        if (!foreign.empty())
            QSKIP(qPrintable(s("a rebalance would also move tables of schema %1, which this test does not own")
                                 .arg(QString::fromStdString(foreign.front()))));
        // by_shard_count, confined to the test's tables.
        const Run run = runCli({s("rebalance"), s("--dsn"), dsn(), s("--strategy"), s(kSchema), s("--mode"),
                                s("force_logical"), s("--wait")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.err.contains(s("SELECT pg_catalog.citus_rebalance_start(")), qPrintable(run.err));
        bool ok = false;
        const qint64 job = run.out.trimmed().toLongLong(&ok);
        QVERIFY2(ok, qPrintable(run.out));
        QVERIFY2(run.err.contains(s("Rebalance job %1 finished").arg(job)), qPrintable(run.err));
        // A logical move takes seconds: the progress lines name the shard group, its nodes and phase.
        static const QRegularExpression line(
            s("task \\d+ of \\d+: shard \\d+ of .+ \\(\\+1 colocated\\) \\S+ -> \\S+, [A-Z][a-z]+ [A-Z][a-z]+, "));
        QVERIFY2(run.err.contains(line), qPrintable(run.err));
        QCOMPARE(scalar("SELECT state FROM pg_dist_background_job WHERE job_id = " + std::to_string(job)),
                 std::string("finished"));
        // Moves keep every shard placed once: the next snapshot still equals the catalog, and Citus has
        // nothing left to do for the test's tables.
        const auto state = cliSnapshot();
        QVERIFY(state);
        QCOMPARE(std::to_string(state->placements.size()),
                 scalar("SELECT count(*) FROM pg_dist_placement WHERE shardstate = 1"));
        QCOMPARE(scalar("SELECT count(*) FROM get_rebalance_table_shards_plan($1::regclass, "
                        "rebalance_strategy => $2)",
                        {m_schema->qualified("accounts"), std::string(kSchema)}),
                 std::string("0"));
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
