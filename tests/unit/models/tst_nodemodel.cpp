// SPDX-License-Identifier: MIT
#include "itemroles.h"
#include "modeldump.h"
#include "nodemodel.h"
#include "testcluster.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace shardscope;
using namespace Qt::StringLiterals;

class TestNodeModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void dump()
    {
        NodeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        model.setSnapshot(test::snapshotOf(test::smallCluster()));
        SHARDSCOPE_COMPARE_DUMP(test::dumpModel(model),
                                (QStringList{
                                    u"coord:5432 | 0 | coordinator | yes | no | 1 | 512 bytes"_s,
                                    u"worker-1:5432 | 1 | worker | yes | yes | 4 | 1.0 MiB"_s,
                                    u"worker-2:5433 | 2 | worker | yes | no | 3 | 10.5 KiB"_s,
                                }));
        QCOMPARE(model.headerData(NodeModel::ShouldHaveShardsColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Should have shards"));
    }

    void sameNodesEmitDataChangedOnly()
    {
        NodeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(test::snapshotOf(test::smallCluster(), 1));
        engine::ClusterState changed = test::smallCluster();
        changed.placements[1].bytes = 4096; // worker-2 grows
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
        model.setSnapshot(test::snapshotOf(changed, 2));
        QCOMPARE(resets.count(), 0);
        QCOMPARE(changes.count(), 1);
        QCOMPARE(changes.first().at(0).toModelIndex().row(), 2);
        QCOMPARE(model.index(2, NodeModel::SizeColumn).data().toString(), QStringLiteral("12.5 KiB"));
        QCOMPARE(model.index(2, NodeModel::SizeColumn).data(SortRole).toLongLong(), 12800);
    }

    void newNodeResets()
    {
        NodeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(test::snapshotOf(test::smallCluster(), 1));
        engine::ClusterState changed = test::smallCluster();
        changed.nodes.push_back(engine::Node{.id = 4, .group = 3, .name = "worker-3", .isActive = false});
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.setSnapshot(test::snapshotOf(changed, 2));
        QCOMPARE(resets.count(), 1);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.index(3, NodeModel::ActiveColumn).data().toString(), QStringLiteral("no"));
        QVERIFY(model.index(3, 0).data(Qt::ForegroundRole).isValid());
        QVERIFY(!model.index(1, 0).data(Qt::ForegroundRole).isValid());
        model.setSnapshot({});
        QCOMPARE(model.rowCount(), 0);
    }

    void sortBySize_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<Qt::SortOrder>("order");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("size ascending") << int(NodeModel::SizeColumn) << Qt::AscendingOrder
                                        << QStringList{u"coord:5432"_s, u"worker-2:5433"_s, u"worker-1:5432"_s};
        QTest::newRow("size descending") << int(NodeModel::SizeColumn) << Qt::DescendingOrder
                                         << QStringList{u"worker-1:5432"_s, u"worker-2:5433"_s, u"coord:5432"_s};
        QTest::newRow("shards descending") << int(NodeModel::ShardsColumn) << Qt::DescendingOrder
                                           << QStringList{u"worker-1:5432"_s, u"worker-2:5433"_s, u"coord:5432"_s};
        QTest::newRow("name descending") << int(NodeModel::NameColumn) << Qt::DescendingOrder
                                         << QStringList{u"worker-2:5433"_s, u"worker-1:5432"_s, u"coord:5432"_s};
    }

    void sortBySize()
    {
        QFETCH(int, column);
        QFETCH(Qt::SortOrder, order);
        QFETCH(QStringList, expected);
        NodeModel model;
        QSortFilterProxyModel proxy;
        proxy.setSortRole(SortRole);
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(test::snapshotOf(test::smallCluster()));
        proxy.sort(column, order);
        QStringList names;
        for (int row = 0; row < proxy.rowCount(); ++row) {
            names << proxy.index(row, 0).data().toString();
        }
        QCOMPARE(names, expected);
    }
};

QTEST_GUILESS_MAIN(TestNodeModel)
#include "tst_nodemodel.moc"
