// SPDX-License-Identifier: MIT
#include "itemroles.h"
#include "queries/statementfilterproxy.h"
#include "queries/statementtablemodel.h"
#include "sim/democluster.h"
#include "sim/workloadsimulator.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace shardscope;

namespace {

stats::StatementReport demoReport(std::int64_t tick)
{
    return stats::buildStatementReport(sim::WorkloadSimulator().statsAt(tick),
                                       stats::TableCatalog::fromClusterState(sim::makeDemoCluster()));
}

} // namespace

class TestStatementTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void passesTheModelTester()
    {
        StatementTableModel model;
        StatementFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setReport(demoReport(10));
        proxy.sort(StatementTableModel::CallsColumn, Qt::DescendingOrder);
        proxy.setClassFilter(stats::FanoutClass::MultiShard);
        model.setReport(demoReport(20));
        proxy.setClassFilter(std::nullopt);
        model.setReport({});
        QCOMPARE(model.rowCount(), 0);
    }

    void sortsByRawNumbers_data()
    {
        QTest::addColumn<int>("column");
        QTest::newRow("calls") << int(StatementTableModel::CallsColumn);
        QTest::newRow("total") << int(StatementTableModel::TotalColumn);
        QTest::newRow("shard calls") << int(StatementTableModel::ShardCallsColumn);
        QTest::newRow("mean") << int(StatementTableModel::MeanColumn);
    }
    void sortsByRawNumbers()
    {
        QFETCH(int, column);
        StatementTableModel model;
        model.setReport(demoReport(sim::WorkloadSimulator::kStartTick));
        StatementFilterProxy proxy;
        proxy.setSourceModel(&model);
        proxy.sort(column, Qt::DescendingOrder);
        QVERIFY(proxy.rowCount() > 10);
        for (int row = 1; row < proxy.rowCount(); ++row)
            QVERIFY(proxy.index(row - 1, column).data(SortRole).toDouble() >=
                    proxy.index(row, column).data(SortRole).toDouble());
    }

    void figuresShown_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("cls");
        QTest::addColumn<QString>("shards");
        QTest::addColumn<QString>("nodes");
        QTest::newRow("router") << QStringLiteral("SELECT * FROM users WHERE user_id = $1") << QStringLiteral("router")
                                << QStringLiteral("1") << QStringLiteral("1");
        QTest::newRow("all shards") << QStringLiteral("SELECT event_type, count(*) FROM events GROUP BY event_type")
                                    << QStringLiteral("multi-shard") << QStringLiteral("32") << QStringLiteral("4");
        QTest::newRow("in list") << QStringLiteral("SELECT * FROM events WHERE user_id IN ($1, $2, $3)")
                                 << QStringLiteral("multi-shard") << QStringLiteral("≤ 3") << QStringLiteral("≤ 3");
        QTest::newRow("insert select")
            << QStringLiteral("INSERT INTO events (user_id, event_type, created_at) SELECT user_id, $1, now() FROM "
                              "users WHERE last_seen < $2")
            << QStringLiteral("multi-shard") << QStringLiteral("32") << QStringLiteral("4");
        QTest::newRow("cte") << QStringLiteral(
                                    "WITH recent AS (SELECT user_id FROM events WHERE created_at > $1) SELECT "
                                    "count(DISTINCT user_id) FROM recent")
                             << QStringLiteral("unknown") << QStringLiteral("–") << QStringLiteral("–");
    }
    void figuresShown()
    {
        QFETCH(QString, query);
        QFETCH(QString, cls);
        QFETCH(QString, shards);
        QFETCH(QString, nodes);
        StatementTableModel model;
        model.setReport(demoReport(sim::WorkloadSimulator::kStartTick));
        for (int row = 0; row < model.rowCount(); ++row) {
            if (model.index(row, 0).data(StatementTableModel::SqlRole).toString() != query)
                continue;
            QCOMPARE(model.index(row, StatementTableModel::ClassColumn).data().toString(), cls);
            QCOMPARE(model.index(row, StatementTableModel::ShardsColumn).data().toString(), shards);
            QCOMPARE(model.index(row, StatementTableModel::NodesColumn).data().toString(), nodes);
            QVERIFY(!model.index(row, StatementTableModel::ClassColumn).data(Qt::ToolTipRole).toString().isEmpty());
            return;
        }
        QFAIL("statement not in the model");
    }

    void insertSelectMethodShown_data()
    {
        QTest::addColumn<QString>("start");
        QTest::addColumn<QString>("executor");
        QTest::newRow("pushdown") << QStringLiteral("INSERT INTO events (user_id, event_type, created_at) SELECT")
                                  << QStringLiteral("adaptive (pushdown)");
        QTest::newRow("repartition") << QStringLiteral("INSERT INTO page_views")
                                     << QStringLiteral("insert-select (repartition)");
        QTest::newRow("plain insert") << QStringLiteral("INSERT INTO events (user_id, event_type, payload) VALUES")
                                      << QStringLiteral("adaptive");
    }
    void insertSelectMethodShown()
    {
        QFETCH(QString, start);
        QFETCH(QString, executor);
        StatementTableModel model;
        model.setReport(demoReport(sim::WorkloadSimulator::kStartTick));
        for (int row = 0; row < model.rowCount(); ++row) {
            if (!model.index(row, 0).data(StatementTableModel::SqlRole).toString().startsWith(start))
                continue;
            const QModelIndex cell = model.index(row, StatementTableModel::ExecutorColumn);
            QCOMPARE(cell.data().toString(), executor);
            QCOMPARE(cell.data(Qt::ToolTipRole).toString().isEmpty(), !executor.contains(QLatin1Char('(')));
            return;
        }
        QFAIL("statement not in the model");
    }
};

QTEST_GUILESS_MAIN(TestStatementTableModel)
#include "tst_statementtablemodel.moc"
