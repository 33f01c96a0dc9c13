// SPDX-License-Identifier: MIT
#include "sim/democluster.h"
#include "sim/workloadsimulator.h"
#include "stats/fanoutclassifier.h"

#include <QTest>
#include <map>

using namespace shardscope;
using sim::WorkloadSimulator;
using stats::FanoutClass;

Q_DECLARE_METATYPE(stats::FanoutClass)

class TestWorkloadSimulator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyStatementClassifiesAsClaimed_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<stats::FanoutClass>("claimed");
        for (const sim::WorkloadStatement& statement : WorkloadSimulator::statements())
            QTest::newRow(statement.query.substr(0, 60).c_str())
                << QString::fromStdString(statement.query) << statement.claimed;
    }
    void everyStatementClassifiesAsClaimed()
    {
        QFETCH(QString, query);
        QFETCH(stats::FanoutClass, claimed);
        const auto catalog = stats::TableCatalog::fromClusterState(sim::makeDemoCluster());
        const stats::Fanout fanout = stats::classifyStatement(query.toStdString(), catalog);
        QVERIFY2(fanout.kind == claimed, fanout.reason.c_str());
        QVERIFY(!fanout.reason.empty());
    }

    void coversEveryClass()
    {
        std::map<FanoutClass, int> seen;
        for (const sim::WorkloadStatement& statement : WorkloadSimulator::statements())
            ++seen[statement.claimed];
        for (const FanoutClass kind : {FanoutClass::Router, FanoutClass::MultiShard, FanoutClass::Reference,
                                       FanoutClass::Repartition, FanoutClass::Unknown})
            QVERIFY2(seen[kind] > 0, stats::fanoutClassName(kind).data());
    }

    void deterministic_data()
    {
        QTest::addColumn<qint64>("tick");
        QTest::newRow("start") << qint64(WorkloadSimulator::kStartTick);
        QTest::newRow("one") << qint64(1);
        QTest::newRow("day") << qint64(1440);
    }
    void deterministic()
    {
        QFETCH(qint64, tick);
        const auto a = WorkloadSimulator().statsAt(tick);
        const auto b = WorkloadSimulator().statsAt(tick);
        QCOMPARE(a.citus.size(), b.citus.size());
        QCOMPARE(a.pgss.size(), b.pgss.size());
        for (std::size_t i = 0; i < a.citus.size(); ++i) {
            QCOMPARE(a.citus[i].calls, b.citus[i].calls);
            QCOMPARE(a.citus[i].partitionKey, b.citus[i].partitionKey);
        }
        for (std::size_t i = 0; i < a.pgss.size(); ++i)
            QCOMPARE(a.pgss[i].totalTimeMs, b.pgss[i].totalTimeMs);
        QVERIFY(a.simulated);
        // Another seed is another workload.
        const auto other = WorkloadSimulator(7).statsAt(tick);
        bool differs = false;
        for (std::size_t i = 0; i < std::min(a.pgss.size(), other.pgss.size()); ++i)
            differs = differs || a.pgss[i].calls != other.pgss[i].calls;
        QVERIFY(differs);
    }

    void countersNeverDecrease()
    {
        const WorkloadSimulator simulator;
        std::map<std::int64_t, std::int64_t> previous;
        for (std::int64_t tick = 1; tick <= 400; tick += 7) {
            const auto input = simulator.statsAt(tick);
            std::map<std::int64_t, std::int64_t> now;
            for (const stats::PgStatRow& row : input.pgss)
                now[row.queryId] = row.calls;
            for (const auto& [id, calls] : previous)
                QVERIFY(now[id] >= calls);
            previous = now;
        }
        QVERIFY(previous.size() >= WorkloadSimulator::statements().size() - 1);
    }

    void citusAndPostgresAgree()
    {
        const auto input = WorkloadSimulator().statsAt(WorkloadSimulator::kStartTick);
        std::map<std::int64_t, std::int64_t> citusCalls;
        std::map<std::int64_t, std::int64_t> keyedCalls;
        for (const stats::CitusStatRow& row : input.citus) {
            citusCalls[row.queryId] += row.calls;
            if (row.partitionKey)
                keyedCalls[*row.partitionKey == "1" ? 1 : 0] += row.calls;
        }
        for (const stats::PgStatRow& row : input.pgss) {
            QVERIFY(row.totalTimeMs > 0);
            if (citusCalls.contains(row.queryId))
                QCOMPARE(citusCalls[row.queryId], row.calls);
        }
        // user_id 1 is the hot tenant: more calls than any other single tenant by far, not everything.
        const double hot = static_cast<double>(keyedCalls[1]) / static_cast<double>(keyedCalls[1] + keyedCalls[0]);
        QVERIFY2(hot > 0.25 && hot < 0.75, QByteArray::number(hot).constData());
    }

    void reportOfTheDemoCluster()
    {
        const auto catalog = stats::TableCatalog::fromClusterState(sim::makeDemoCluster());
        const auto report = stats::buildStatementReport(WorkloadSimulator().statsAt(100), catalog);
        QCOMPARE(report.statements.size(), WorkloadSimulator::statements().size());
        QVERIFY(report.simulated);
        QVERIFY(!report.tenants.empty());
        QCOMPARE(report.tenants.front().key, std::string("1"));
        for (const stats::StatementFigures& figures : report.statements) {
            if (figures.fanout.kind == FanoutClass::MultiShard && figures.query.find(" IN ") == std::string::npos &&
                figures.query.find("events") != std::string::npos)
                QCOMPARE(figures.fanout.shards, std::optional<int>(32));
        }
    }
};

QTEST_GUILESS_MAIN(TestWorkloadSimulator)
#include "tst_workloadsimulator.moc"
