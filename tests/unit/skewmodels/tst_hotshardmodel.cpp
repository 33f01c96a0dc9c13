// SPDX-License-Identifier: MIT
// The hottest shard groups as a table model: rows, roles and resets, under QAbstractItemModelTester.
#include "itemroles.h"
#include "sim/democluster.h"
#include "skew/hotshardmodel.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace shardscope;
using namespace shardscope::engine;

namespace {

QStringList dump(const QAbstractItemModel& model)
{
    QStringList lines;
    for (int row = 0; row < model.rowCount(); ++row) {
        QStringList cells;
        for (int column = 0; column < model.columnCount(); ++column)
            cells.append(model.index(row, column).data().toString());
        lines.append(cells.join(QStringLiteral(" | ")));
    }
    return lines;
}

SkewReport handMade()
{
    SkewReport report;
    report.totalBytes = 4000;
    HotShardGroup a;
    a.colocationId = 3;
    a.shard = 102040;
    a.shards = {102040, 102072};
    a.tables = {"users", "events"};
    a.shardBytes = {1000, 1000};
    a.bytes = 2000;
    a.rows = 12345;
    a.node = 2;
    a.group = 2;
    a.nodeName = "worker-2";
    a.nodePort = 5432;
    HotShardGroup b;
    b.colocationId = 5;
    b.shard = 102100;
    b.shards = {102100};
    b.tables = {"orders"};
    b.bytes = 500;
    b.rows = 10;
    report.hottest = {a, b};
    return report;
}

} // namespace

class TestHotShardModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void rowsAndRoles()
    {
        HotShardModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.setReport(handMade());
        QCOMPARE(resets.count(), 1);
        QCOMPARE(dump(model), (QStringList{
                                  QStringLiteral("102040 | users, events | worker-2:5432 | 2.0 KiB | 50.0 % | 12,345"),
                                  QStringLiteral("102100 | orders | unplaced | 500 bytes | 12.5 % | 10"),
                              }));
        const QModelIndex first = model.index(0, HotShardModel::SizeColumn);
        QCOMPARE(first.data(HotShardModel::ShardIdRole).toLongLong(), 102040);
        QCOMPARE(first.data(HotShardModel::ColocationIdRole).toLongLong(), 3);
        QCOMPARE(first.data(HotShardModel::NodeIdRole).toLongLong(), 2);
        QCOMPARE(first.data(HotShardModel::BytesRole).toLongLong(), 2000);
        QCOMPARE(first.data(SortRole).toLongLong(), 2000);
        QCOMPARE(model.shardGroupAt(1)->shard, ShardId(102100));
        QVERIFY(model.shardGroupAt(2) == nullptr);
        QCOMPARE(model.headerData(HotShardModel::NodeColumn, Qt::Horizontal).toString(), QStringLiteral("Node"));

        // Sorting by the raw size, not the text.
        QSortFilterProxyModel proxy;
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        proxy.setSortRole(SortRole);
        proxy.sort(HotShardModel::SizeColumn, Qt::AscendingOrder);
        QCOMPARE(proxy.index(0, HotShardModel::ShardColumn).data().toString(), QStringLiteral("102100"));

        model.setReport({});
        QCOMPARE(model.rowCount(), 0);
    }

    void demoCluster()
    {
        HotShardModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const SkewReport report = computeSkew(sim::makeDemoCluster(), 10);
        model.setReport(report);
        QCOMPARE(model.rowCount(), 10);
        // Biggest first: the hot tenant's shard group.
        QCOMPARE(model.index(0, 0).data(HotShardModel::ShardIdRole).toLongLong(), qint64(report.hottest[0].shard));
        for (int row = 1; row < model.rowCount(); ++row) {
            QVERIFY(model.index(row - 1, 0).data(HotShardModel::BytesRole).toLongLong() >=
                    model.index(row, 0).data(HotShardModel::BytesRole).toLongLong());
        }
    }
};

QTEST_GUILESS_MAIN(TestHotShardModel)
#include "tst_hotshardmodel.moc"
