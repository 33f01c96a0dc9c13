// SPDX-License-Identifier: MIT
// The placement workspace against a real Citus coordinator (CITUS_TEST_DSN). Everything it creates lives in
// the schema ws_check and is dropped at the end; it moves only its own shards. A whole-cluster rebalance
// is not run here: citus_rebalance_start would move every table of the cluster.
//   - the preflight facts (node health, free disk of every node, background jobs) as the server tells them,
//     and the preview's checks built from them;
//   - column metadata of a plain coordinator table (types, pg_stats, keys, foreign keys);
//   - a shard group move from the placement page: inline progress, finished, the heatmap follows;
//   - the distribution wizard reading column advice from the server and distributing a table.
#include "clusterselection.h"
#include "distribution/columnadvicemodel.h"
#include "distribution/distributionactions.h"
#include "distribution/distributionwizard.h"
#include "heatmap/heatmapview.h"
#include "live/columnstatsreader.h"
#include "live/liveclustersource.h"
#include "live/preflightreader.h"
#include "placement/jobprogresspanel.h"
#include "placement/movepreviewdialog.h"
#include "placement/placementpage.h"
#include "placement/rebalancepreviewdialog.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <map>

using namespace shardscope;
using namespace shardscope::live;

namespace {

std::string dsn()
{
    return qEnvironmentVariable("CITUS_TEST_DSN").toStdString();
}

} // namespace

class TestWorkspaceLive : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<PgSession> m_session;

    std::string scalar(const std::string& sql)
    {
        auto result = m_session->exec(sql);
        return result ? result->text(0, 0) : "<error: " + result.error().message + '>';
    }

    void run(const std::string& sql)
    {
        auto result = m_session->exec(sql);
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().message.c_str());
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (dsn().empty())
            QSKIP("CITUS_TEST_DSN is not set: these tests need a real Citus coordinator.");
        QStandardPaths::setTestModeEnabled(true);
        auto options = ConnectionOptions::parse(dsn());
        QVERIFY(options.ok());
        m_session = std::make_unique<PgSession>(*options);
        QVERIFY(m_session->connect().ok());
        run("DROP SCHEMA IF EXISTS ws_check CASCADE");
        run("CREATE SCHEMA ws_check");
        run("CREATE TABLE ws_check.customers (id bigint PRIMARY KEY, region text)");
        run("CREATE TABLE ws_check.orders (order_id bigint, customer_id bigint NOT NULL REFERENCES "
            "ws_check.customers(id), status text, PRIMARY KEY (customer_id, order_id))");
        run("INSERT INTO ws_check.customers SELECT g, 'r' || g % 3 FROM generate_series(1, 40) g");
        run("INSERT INTO ws_check.orders SELECT g, 1 + g % 40, CASE WHEN g % 5 = 0 THEN 'open' ELSE 'done' END "
            "FROM generate_series(1, 2000) g");
        run("ANALYZE ws_check.orders");
        run("CREATE TABLE ws_check.lockme (id bigint PRIMARY KEY)");
        run("CREATE TABLE ws_check.moved (id bigint PRIMARY KEY, payload text)");
        run("SELECT create_distributed_table('ws_check.moved', 'id', shard_count => 4, colocate_with => 'none')");
        run("INSERT INTO ws_check.moved SELECT g, repeat('x', 100) FROM generate_series(1, 1000) g");
    }

    void cleanupTestCase()
    {
        if (m_session)
            m_session->exec("DROP SCHEMA IF EXISTS ws_check CASCADE");
    }

    void preflightFactsFromTheCluster()
    {
        auto facts = readPreflightFacts(*m_session);
        QVERIFY(facts.ok());
        QVERIFY2(facts->healthKnown, facts->healthError.c_str());
        const std::string nodes = scalar("SELECT count(*) FROM pg_dist_node WHERE isactive AND noderole = 'primary'");
        QCOMPARE(std::to_string(facts->health.size()), std::to_string(std::stoi(nodes) * std::stoi(nodes)));
        for (const NodeHealthPair& pair : facts->health)
            QVERIFY(pair.ok);
        QVERIFY2(facts->diskKnown, facts->diskError.c_str());
        QCOMPARE(std::to_string(facts->disks.size()), nodes); // the coordinator is in pg_dist_node here
        for (const NodeDiskSpace& disk : facts->disks) {
            QVERIFY2(disk.availableBytes && disk.totalBytes, disk.error.c_str());
            QVERIFY(*disk.availableBytes > 0 && *disk.availableBytes <= *disk.totalBytes);
        }
        QCOMPARE(facts->desiredPercentFree, std::stod(scalar("SHOW citus.desired_percent_disk_available_after_move")));
        QVERIFY2(facts->jobsKnown, facts->jobsError.c_str());
        QCOMPARE(std::to_string(facts->jobs.size()),
                 scalar("SELECT count(*) FROM pg_dist_background_job WHERE state IN "
                        "('scheduled', 'running', 'cancelling', 'failing')"));
    }

    void columnMetadataOfACoordinatorTable()
    {
        auto info = readPlainTableInfo(*m_session, "ws_check", "orders");
        QVERIFY2(info.ok(), info.ok() ? "" : info.error().message.c_str());
        QCOMPARE(info->rows, std::int64_t(2000));
        QCOMPARE(info->columns.size(), std::size_t(3));
        QCOMPARE(info->columns[1].name, std::string("customer_id"));
        QCOMPARE(info->columns[1].typeName, std::string("bigint"));
        QCOMPARE(*info->columns[1].distinct, 40.0);
        QCOMPARE(*info->columns[2].distinct, 2.0);
        QCOMPARE(info->uniqueKeys.size(), std::size_t(1));
        QCOMPARE(info->uniqueKeys[0].columns, (std::vector<std::string>{"customer_id", "order_id"}));
        QCOMPARE(info->foreignKeys.size(), std::size_t(1));
        QCOMPARE(info->foreignKeys[0].otherTable, std::string("customers"));
        // The engine's advice on it: customer_id is in the key; order_id is too, but the FK needs customers
        // distributed or a reference table first.
        const auto advice = engine::adviseDistribution(engine::ClusterState{}, *info, 32);
        QCOMPARE(advice.size(), std::size_t(3));
    }

    void moveFromThePlacementPage()
    {
        LiveClusterSource source(*ConnectionOptions::parse(dsn()));
        PlacementPage page(&source);
        page.resize(1200, 600);
        page.show();
        QSignalSpy updated(&page, &PlacementPage::heatmapUpdated);
        source.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(updated.count() >= 1, 60000);

        // One of our own shards, from the node holding it to another worker.
        auto placement = m_session->exec(
            "SELECT s.shardid, n.nodeid, (SELECT o.nodeid FROM pg_dist_node o WHERE o.shouldhaveshards AND "
            "o.noderole = 'primary' AND o.isactive AND o.groupid <> p.groupid ORDER BY o.nodeid LIMIT 1) "
            "FROM pg_dist_shard s JOIN pg_dist_placement p USING (shardid) JOIN pg_dist_node n USING (groupid) "
            "WHERE s.logicalrelid = 'ws_check.moved'::regclass ORDER BY s.shardid LIMIT 1");
        QVERIFY(placement.ok() && !placement->rows.empty());
        const qint64 shard = std::stoll(placement->text(0, 0));
        const int from = std::stoi(placement->text(0, 1));
        const int to = std::stoi(placement->text(0, 2));
        page.previewMove(shard, from, to);
        MovePreviewDialog* dialog = page.movePreview();
        QVERIFY(dialog);
        QVERIFY2(dialog->canConfirm(), qPrintable(dialog->sql()));
        dialog->setTransferMode(engine::TransferMode::BlockWrites);
        JobProgressPanel* panel = page.progressPanel();
        QSignalSpy finished(panel, &JobProgressPanel::taskFinished);
        updated.clear();
        dialog->accept();
        QVERIFY(panel->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 120000);
        QVERIFY2(finished.front().at(0).toInt() >= 1, qPrintable(finished.front().at(3).toString()));
        QCOMPARE(finished.front().at(1).toInt(), 0);
        QCOMPARE(scalar("SELECT n.nodeid FROM pg_dist_placement p JOIN pg_dist_node n USING (groupid) WHERE "
                        "p.shardid = " +
                        std::to_string(shard)),
                 std::to_string(to));
        // The heatmap follows the refreshed snapshot.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const auto matrix = page.heatmap()->matrix();
                const int column = matrix ? matrix->columnOfShard(shard) : -1;
                return column >= 0 && matrix->isPresent(matrix->rowOfNode(to), column);
            }(),
            60000);
    }

    void wizardOnTheLiveCoordinator()
    {
        LiveClusterSource source(*ConnectionOptions::parse(dsn()));
        QWidget window;
        ClusterSelection selection;
        DistributionActions actions(&source, &selection, nullptr, &window);
        QSignalSpy snapshots(&source, &ClusterSource::snapshotReady);
        source.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(snapshots.count() >= 1, 60000);
        std::map<std::string, engine::TableOid> oids;
        for (const engine::Table& t : source.currentSnapshot().state->tables) {
            if (t.schema == "ws_check" && t.kind == engine::TableKind::Plain)
                oids[t.name] = t.oid;
        }
        QVERIFY2(oids.count("orders") && oids.count("customers") && oids.count("lockme"),
                 "the live snapshot lists plain coordinator tables");
        selection.setCurrent({ClusterItemKind::Table, qint64(oids["orders"])});
        DistributionWizard* wizard = actions.openWizard();
        QVERIFY(wizard);

        // Column advice from the server: pg_stats' distinct count, and the foreign key to a local table.
        QTRY_VERIFY_WITH_TIMEOUT(!wizard->isReadingColumns() && wizard->adviceModel()->rowCount() == 3, 30000);
        if (const QString shots = qEnvironmentVariable("SHARDSCOPE_SCREENSHOT_DIR"); !shots.isEmpty())
            QVERIFY(wizard->grab().save(shots + QStringLiteral("/live-wizard.png")));
        const int row = wizard->adviceModel()->rowOf(QStringLiteral("customer_id"));
        QVERIFY(row >= 0);
        const engine::ColumnAdvice& advice = wizard->adviceModel()->advice()[std::size_t(row)];
        QVERIFY(advice.distinct && *advice.distinct == 40.0);
        QVERIFY(!advice.usable()); // customers is still local
        QVERIFY(wizard->selectColumn(QStringLiteral("customer_id")));
        QVERIFY(!wizard->runButton()->isEnabled());

        // Cancel: the distribution waits on a lock held here, and Cancel stops it on the server.
        QVERIFY(wizard->selectTable(oids["lockme"]));
        QTRY_VERIFY_WITH_TIMEOUT(!wizard->isReadingColumns() && wizard->adviceModel()->rowCount() == 1, 30000);
        QVERIFY(wizard->selectColumn(QStringLiteral("id")));
        run("BEGIN");
        // An open insert: blocks distributing the table, not the refresh's reads of its size.
        run("INSERT INTO ws_check.lockme VALUES (1)");
        QSignalSpy done(wizard, &DistributionWizard::distributionFinished);
        QVERIFY2(wizard->runButton()->isEnabled(), qPrintable(wizard->reasonLabel()->text()));
        wizard->runButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(scalar("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                                         "AND query LIKE '%create_distributed_table%'"),
                                  std::string("1"), 30000);
        QVERIFY(wizard->cancelButton()->isVisible());
        QTest::mouseClick(wizard->cancelButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 30000);
        run("ROLLBACK");
        QVERIFY2(done.front().at(0).value<JobResult>().canceled, qPrintable(wizard->statusLabel()->text()));
        QCOMPARE(scalar("SELECT count(*) FROM pg_dist_partition WHERE logicalrelid = 'ws_check.lockme'::regclass"),
                 std::string("0"));

        // Citus's refusal in plain words: the table was made a reference table behind the wizard's back.
        QVERIFY(wizard->selectTable(oids["customers"]));
        QTRY_VERIFY_WITH_TIMEOUT(!wizard->isReadingColumns() && wizard->adviceModel()->rowCount() == 2, 30000);
        wizard->setKind(DistributionWizard::Kind::Reference);
        QVERIFY2(wizard->runButton()->isEnabled(), qPrintable(wizard->reasonLabel()->text()));
        run("SELECT create_reference_table('ws_check.customers')");
        done.clear();
        wizard->runButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 60000);
        QVERIFY(!done.front().at(0).value<JobResult>().ok());
        const QString status = wizard->statusLabel()->text();
        if (const QString shots = qEnvironmentVariable("SHARDSCOPE_SCREENSHOT_DIR"); !shots.isEmpty())
            QVERIFY(wizard->grab().save(shots + QStringLiteral("/live-wizard-refused.png")));
        QVERIFY2(status.startsWith(QStringLiteral("Citus refused:")) &&
                     status.contains(QStringLiteral("already distributed")) &&
                     status.contains(QStringLiteral("another session")),
                 qPrintable(status));
        wizard->close();
    }

    void rebalancePreviewChecksTheCluster()
    {
        LiveClusterSource source(*ConnectionOptions::parse(dsn()));
        PlacementPage page(&source);
        QSignalSpy updated(&page, &PlacementPage::heatmapUpdated);
        source.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(updated.count() >= 1, 60000);
        page.previewRebalance();
        RebalancePreviewDialog* dialog = page.rebalancePreview();
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->preflightChecks().empty(), 60000);
        const auto& checks = dialog->preflightChecks();
        QCOMPARE(checks.size(), std::size_t(4));
        const QString shots = qEnvironmentVariable("SHARDSCOPE_SCREENSHOT_DIR");
        if (!shots.isEmpty())
            QVERIFY(dialog->grab().save(shots + QStringLiteral("/live-rebalance-preview.png")));
        QCOMPARE(checks[0].status, PreflightCheck::Status::Passed);
        QVERIFY(checks[0].detail.find("citus_check_cluster_node_health") != std::string::npos);
        QVERIFY(checks[2].status != PreflightCheck::Status::Unknown || dialog->preview()->plan.moves.empty());
        dialog->reject(); // not run: it would move other tables of the shared cluster
    }
};

QTEST_MAIN(TestWorkspaceLive)
#include "tst_workspace_live.moc"
