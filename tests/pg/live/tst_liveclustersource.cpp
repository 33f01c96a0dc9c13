// SPDX-License-Identifier: MIT
// LiveClusterSource against the test server: snapshots of a catalog-shaped cluster with increasing
// generations, no overlapping refreshes, periodic refresh paused on demand, operations reported with their
// SQL and never shown as done when the server refused them, and an unreachable server.
#include "live/liveclustersource.h"
#include "pgtestserver.h"
#include "syntheticcatalog.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace shardscope;
using namespace shardscope::live;

namespace {

const char* const kSchema = "shardscope_source_catalog";

ConnectionOptions serverOptions()
{
    return *ConnectionOptions::parse(test::PgTestServer::conninfo().toStdString());
}

QString s(const char* text)
{
    return QString::fromUtf8(text);
}

} // namespace

class TestLiveClusterSource : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<PgSession> m_admin;

    std::unique_ptr<LiveClusterSource> makeSource()
    {
        auto source = std::make_unique<LiveClusterSource>(serverOptions());
        CatalogOptions options;
        options.schema = kSchema;
        source->setCatalogOptions(options);
        return source;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (test::PgTestServer::conninfo().isEmpty())
            QFAIL(qPrintable(test::PgTestServer::error()));
        m_admin = std::make_unique<PgSession>(serverOptions());
        QVERIFY(m_admin->connect().ok());
        test::SyntheticCatalogShape shape;
        shape.schema = kSchema;
        QVERIFY(test::createSyntheticCatalog(*m_admin, shape).ok());
    }

    void cleanupTestCase()
    {
        if (m_admin)
            (void)test::dropSyntheticCatalog(*m_admin, kSchema);
    }

    void refreshPublishesSnapshots()
    {
        auto source = makeSource();
        QCOMPARE(source->kind(), SourceKind::Live);
        QSignalSpy ready(source.get(), &ClusterSource::snapshotReady);
        QSignalSpy states(source.get(), &ClusterSource::connectionStateChanged);
        const quint64 first = source->refresh();
        QVERIFY(source->isRefreshing());
        QCOMPARE(source->refresh(), first); // no second read while one runs
        QTRY_COMPARE(ready.count(), 1);
        QVERIFY(!source->isRefreshing());
        const ClusterSnapshot snapshot = source->currentSnapshot();
        QCOMPARE(snapshot.generation, first);
        QCOMPARE(snapshot.sourceKind, SourceKind::Live);
        QCOMPARE(snapshot.state->nodes.size(), std::size_t(3));
        QCOMPARE(snapshot.state->placements.size(), std::size_t(27));
        QVERIFY(snapshot.postgresVersion.startsWith(s("15")));
        QVERIFY(snapshot.takenAt.isValid());
        QCOMPARE(source->connectionState(), ClusterSource::ConnectionState::Connected);
        QVERIFY(source->connectionMessage().startsWith(s("Connected to")));
        QVERIFY(!source->serverInfo().connection.encrypted);
        QCOMPARE(source->backgroundJobs().size(), std::size_t(1));

        const quint64 second = source->refresh();
        QVERIFY(second > first);
        QTRY_COMPARE(ready.count(), 2);
        QCOMPARE(source->currentSnapshot().generation, second);
    }

    void lockedSizesKeepThePreviousOnes()
    {
        auto source = makeSource();
        CatalogOptions options;
        options.schema = kSchema;
        options.lockTimeoutMs = 200;
        source->setCatalogOptions(options);
        QSignalSpy ready(source.get(), &ClusterSource::snapshotReady);
        source->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 20000);
        const auto first = source->currentSnapshot().state;
        QVERIFY(std::any_of(first->placements.begin(), first->placements.end(),
                            [](const engine::Placement& p) { return p.bytes > 0; }));
        QVERIFY(source->warnings().isEmpty());

        // citus_shard_sizes() waits for a lock held elsewhere (as Citus's does for a locked distributed
        // table): the refresh still ends, says so, and shows the sizes it had.
        PgSession locker(serverOptions());
        QVERIFY(locker.connect().ok());
        QVERIFY(locker.exec("BEGIN").ok());
        QVERIFY(locker.exec(std::string("LOCK TABLE ") + kSchema + ".shard_size IN ACCESS EXCLUSIVE MODE").ok());
        source->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 2, 20000);
        QVERIFY(locker.exec("ROLLBACK").ok());
        const auto second = source->currentSnapshot().state;
        QCOMPARE(second->placements, first->placements);
        QVERIFY2(source->warnings().join(s("\n")).contains(s("Shard sizes could not be read: a table is locked")),
                 qPrintable(source->warnings().join(s("\n"))));
        QVERIFY(source->warnings().join(s("\n")).contains(s("previous refresh")));
    }

    void periodicRefreshAndPause()
    {
        auto source = makeSource();
        QSignalSpy ready(source.get(), &ClusterSource::snapshotReady);
        source->setRefreshInterval(100);
        QTRY_VERIFY_WITH_TIMEOUT(ready.count() >= 3, 10000);
        source->setPaused(true);
        QVERIFY(source->isPaused());
        QTRY_VERIFY(!source->isRefreshing());
        const int count = ready.count();
        QTest::qWait(600);
        QCOMPARE(ready.count(), count);
        source->setPaused(false);
        QTRY_VERIFY_WITH_TIMEOUT(ready.count() > count, 10000);
    }

    void refusedOperationIsNotDone()
    {
        auto source = makeSource();
        QSignalSpy progress(source.get(), &ClusterSource::jobProgressed);
        QSignalSpy finished(source.get(), &ClusterSource::jobFinished);
        const JobId job = source->submit(engine::MoveShardPlacement{102008, 2, 3, engine::TransferMode::BlockWrites});
        QVERIFY(job != 0);
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(finished.at(0).at(0).value<JobId>(), job);
        const auto result = finished.at(0).at(1).value<JobResult>();
        QVERIFY(!result.ok());
        QVERIFY(result.error.has_value());
        QCOMPARE(result.generation, quint64(0));
        // The exact SQL was reported before it ran.
        QVERIFY(progress.count() >= 1);
        QVERIFY(progress.at(0).at(1).value<JobProgress>().text.contains(
            s("citus_move_shard_placement('102008'::int8, '2'::int4, '3'::int4")));
    }

    // A background rebalance reports its exact SQL before it runs, like every other operation (the journal
    // keeps it); on a server without Citus it then fails and nothing is shown as done.
    void rebalanceStartReportsItsSql()
    {
        auto source = makeSource();
        QSignalSpy progress(source.get(), &ClusterSource::jobProgressed);
        QSignalSpy finished(source.get(), &ClusterSource::jobFinished);
        RebalanceStart options;
        options.strategy = "by_shard_count";
        const JobId job = source->startRebalance(options);
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(finished.at(0).at(0).value<JobId>(), job);
        QVERIFY(!finished.at(0).at(1).value<JobResult>().ok());
        QVERIFY(progress.count() >= 1);
        const QString text = progress.at(0).at(1).value<JobProgress>().text;
        QVERIFY2(text.startsWith(s("Running:")) && text.contains(s("citus_rebalance_start(")) &&
                     text.contains(s("'by_shard_count'")),
                 qPrintable(text));
    }

    void unreachableServer()
    {
        LiveClusterSource source(serverOptions().with("port", "1").with("connect_timeout", "2"));
        QSignalSpy failed(&source, &ClusterSource::refreshFailed);
        source.refresh();
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
        QCOMPARE(source.connectionState(), ClusterSource::ConnectionState::Failed);
        QVERIFY(source.currentSnapshot().isNull());
        QVERIFY(!source.isRefreshing());
        QSignalSpy finished(&source, &ClusterSource::jobFinished);
        source.submit(engine::AddNode{"w9", 5432});
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QVERIFY(!finished.at(0).at(1).value<JobResult>().ok());
    }

    void retireNeverWaits_data()
    {
        QTest::addColumn<bool>("silent"); // connecting to a server that never answers, or running a statement
        QTest::newRow("connecting") << true;
        QTest::newRow("running a statement") << false;
    }

    void retireNeverWaits()
    {
        QFETCH(bool, silent);
        // A listening socket that never answers: the TCP handshake completes, the PostgreSQL one never does.
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof addr;
        QVERIFY(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 && ::listen(fd, 4) == 0 &&
                ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0);
        const std::string silentServer =
            "host=127.0.0.1 port=" + std::to_string(ntohs(addr.sin_port)) + " connect_timeout=30 user=x dbname=x";
        auto* source = new LiveClusterSource(silent ? *ConnectionOptions::parse(silentServer) : serverOptions());
        QSignalSpy destroyed(source, &QObject::destroyed);
        if (silent) {
            source->refresh();
            QTRY_COMPARE(source->connectionState(), ClusterSource::ConnectionState::Connecting);
        } else {
            // A catalog read stuck in a slow statement (citus_shard_sizes() of a loaded cluster).
            test::SyntheticCatalogShape shape;
            shape.schema = "shardscope_slow_catalog";
            QVERIFY(test::createSyntheticCatalog(*m_admin, shape).ok());
            QVERIFY(m_admin
                        ->exec("CREATE OR REPLACE FUNCTION shardscope_slow_catalog.citus_shard_sizes(OUT shard_id "
                               "integer, OUT size bigint) RETURNS SETOF record LANGUAGE sql AS 'SELECT shard_id, size "
                               "FROM shardscope_slow_catalog.shard_size, pg_sleep(30)'")
                        .ok());
            CatalogOptions options;
            options.schema = shape.schema;
            source->setCatalogOptions(options);
            source->refresh();
            const std::string sleeping = "SELECT count(*) FROM pg_stat_activity WHERE query LIKE "
                                         "'%citus_shard_sizes()%' AND wait_event = 'PgSleep'";
            QTRY_VERIFY_WITH_TIMEOUT(m_admin->exec(sleeping)->text(0, 0) != "0", 10000);
        }
        QElapsedTimer clock;
        clock.start();
        source->retire();
        QVERIFY2(clock.elapsed() < 100, qPrintable(s("retire took %1 ms").arg(clock.elapsed())));
        QTRY_COMPARE_WITH_TIMEOUT(destroyed.count(), 1, 10000); // the statement was cancelled, not waited for
        ::close(fd);
        (void)test::dropSyntheticCatalog(*m_admin, "shardscope_slow_catalog");
    }
};

QTEST_GUILESS_MAIN(TestLiveClusterSource)
#include "tst_liveclustersource.moc"
