// SPDX-License-Identifier: MIT
#include "sim/democluster.h"
#include "sim/embeddedclustersource.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace shardscope;
using namespace Qt::StringLiterals;

class TestEmbeddedClusterSource : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void firstRefreshGivesTheDemoCluster()
    {
        sim::EmbeddedClusterSource source(options());
        QSignalSpy ready(&source, &ClusterSource::snapshotReady);
        QSignalSpy refreshing(&source, &ClusterSource::refreshingChanged);
        QVERIFY(source.currentSnapshot().isNull());
        const quint64 generation = source.refresh();
        QVERIFY(source.isRefreshing());
        QVERIFY(ready.wait(20000));
        const auto snapshot = ready.first().first().value<ClusterSnapshot>();
        QCOMPARE(snapshot.generation, generation);
        QCOMPARE(snapshot.sourceKind, SourceKind::Embedded);
        QCOMPARE(snapshot.sourceName, u"test cluster"_s);
        QVERIFY(snapshot.takenAt.isValid());
        QVERIFY(*snapshot.state == sim::makeDemoCluster());
        QCOMPARE(source.connectionState(), ClusterSource::ConnectionState::Connected);
        QVERIFY(!source.isRefreshing());
        QCOMPARE(refreshing.count(), 2);
    }

    void resultsArriveOnTheGuiThreadInOrder()
    {
        sim::EmbeddedClusterSource source(options());
        QList<quint64> generations;
        connect(&source, &ClusterSource::snapshotReady, this, [&](const ClusterSnapshot& snapshot) {
            QCOMPARE(QThread::currentThread(), thread());
            generations << snapshot.generation;
        });
        source.refresh();
        source.refresh();
        const quint64 last = source.refresh();
        QTRY_COMPARE(generations.isEmpty() ? 0 : generations.last(), last);
        for (qsizetype i = 1; i < generations.size(); ++i) {
            QVERIFY(generations[i] > generations[i - 1]); // never an older picture after a newer one
        }
    }

    void operationChangesTheCluster()
    {
        sim::EmbeddedClusterSource source(options());
        source.refresh();
        QTRY_VERIFY(!source.currentSnapshot().isNull());
        const engine::Node worker = source.currentSnapshot().state->nodes.at(1);
        QVERIFY(worker.shouldHaveShards);

        QSignalSpy finished(&source, &ClusterSource::jobFinished);
        QSignalSpy progress(&source, &ClusterSource::jobProgressed);
        const JobId job = source.submit(engine::SetNodeShouldHaveShards{worker.name, worker.port, false});
        QVERIFY(job != 0);
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.first().at(0).value<JobId>(), job);
        const auto result = finished.first().at(1).value<JobResult>();
        QVERIFY(result.ok());
        QVERIFY(result.summary.contains(u"citus_set_node_property"_s));
        QVERIFY(progress.count() >= 1);
        QCOMPARE(source.currentSnapshot().generation, result.generation);
        QVERIFY(!source.currentSnapshot().state->nodes.at(1).shouldHaveShards);
    }

    void invalidOperationChangesNothing()
    {
        sim::EmbeddedClusterSource source(options());
        source.refresh();
        QTRY_VERIFY(!source.currentSnapshot().isNull());
        const ClusterSnapshot before = source.currentSnapshot();
        QSignalSpy finished(&source, &ClusterSource::jobFinished);
        QSignalSpy ready(&source, &ClusterSource::snapshotReady);
        source.submit(engine::RemoveNode{"no-such-node", 5432});
        QVERIFY(finished.wait(20000));
        const auto result = finished.first().at(1).value<JobResult>();
        QVERIFY(!result.ok());
        QVERIFY(result.error.has_value());
        QVERIFY(!result.error->message.empty());
        QCOMPARE(ready.count(), 0);
        QCOMPARE(source.currentSnapshot().generation, before.generation);
    }

    void canceledBeforeItRuns()
    {
        sim::EmbeddedClusterSource source(options());
        source.refresh(); // occupies the worker while the next job waits in the queue
        const JobId job = source.submit(engine::SetNodeShouldHaveShards{"worker-1", 5432, false});
        source.cancel(job);
        QSignalSpy finished(&source, &ClusterSource::jobFinished);
        QVERIFY(finished.wait(20000));
        const auto result = finished.first().at(1).value<JobResult>();
        QVERIFY(result.canceled);
        QVERIFY(!result.ok());
        QTRY_VERIFY(!source.currentSnapshot().isNull());
        QVERIFY(source.currentSnapshot().state->nodes.at(1).shouldHaveShards);
    }

    void changesSurviveARestartUntilReset()
    {
        const auto setNoShards = [](sim::EmbeddedClusterSource& source) {
            QSignalSpy finished(&source, &ClusterSource::jobFinished);
            source.submit(engine::SetNodeShouldHaveShards{"worker-3", 5432, false});
            QVERIFY(finished.wait(20000));
            QVERIFY(finished.first().at(1).value<JobResult>().ok());
        };
        const auto load = [](sim::EmbeddedClusterSource& source) -> engine::ClusterState {
            QSignalSpy ready(&source, &ClusterSource::snapshotReady);
            source.refresh();
            ready.wait(20000);
            return source.currentSnapshot().isNull() ? engine::ClusterState{} : *source.currentSnapshot().state;
        };
        QTemporaryDir dir;
        auto o = options();
        o.workspacePath = dir.filePath(u"restart.sqlite"_s);
        {
            sim::EmbeddedClusterSource source(o);
            QVERIFY(load(source) == sim::makeDemoCluster());
            setNoShards(source);
        }
        engine::ClusterState expected = sim::makeDemoCluster();
        expected.nodes.at(3).shouldHaveShards = false;
        QCOMPARE(expected.nodes.at(3).name, std::string("worker-3"));
        {
            sim::EmbeddedClusterSource source(o);
            QVERIFY(load(source) == expected);
        }
        o.resetDemo = true;
        {
            sim::EmbeddedClusterSource source(o);
            QVERIFY(load(source) == sim::makeDemoCluster());
        }
    }

    void unusableWorkspaceIsAnError()
    {
        QTemporaryDir dir;
        auto o = options();
        o.workspacePath = dir.path(); // a directory is not a database file
        sim::EmbeddedClusterSource source(o);
        QSignalSpy failed(&source, &ClusterSource::refreshFailed);
        source.refresh();
        QVERIFY(failed.wait(20000));
        QVERIFY(!failed.first().first().value<Error>().message.empty());
        QCOMPARE(source.connectionState(), ClusterSource::ConnectionState::Failed);
        QVERIFY(source.currentSnapshot().isNull());
    }

private:
    sim::EmbeddedClusterSource::Options options()
    {
        sim::EmbeddedClusterSource::Options o;
        o.displayName = u"test cluster"_s;
        o.workspacePath = m_dir.filePath(u"demo-%1.sqlite"_s.arg(++m_files)); // every test starts fresh
        return o;
    }

    QTemporaryDir m_dir;
    int m_files = 0;
};

QTEST_GUILESS_MAIN(TestEmbeddedClusterSource)
#include "tst_embeddedclustersource.moc"
