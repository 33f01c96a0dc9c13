// SPDX-License-Identifier: MIT
#include "clustertreemodel.h"
#include "clustertreeproxymodel.h"
#include "itemroles.h"
#include "modeldump.h"
#include "testcluster.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace shardscope;
using namespace Qt::StringLiterals;

class TestClusterTreeModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void dump()
    {
        ClusterTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(test::snapshotOf(test::smallCluster()));
        SHARDSCOPE_COMPARE_DUMP(test::dumpModel(model), (QStringList{
                                                            u"Nodes | 3 nodes | 8 | 1.0 MiB"_s,
                                                            u"  coord:5432 | coordinator | 1 | 512 bytes"_s,
                                                            u"  worker-1:5432 | worker | 4 | 1.0 MiB"_s,
                                                            u"  worker-2:5433 | worker | 3 | 10.5 KiB"_s,
                                                            u"Colocation group 1 | hash, int8 | 2 | 1.0 MiB"_s,
                                                            u"  users | hash by user_id | 2 | 3.0 KiB"_s,
                                                            u"  events | hash by user_id | 2 | 1.0 MiB"_s,
                                                            u"Colocation group 3 | single shard | 1 | 0 bytes"_s,
                                                            u"  app.settings | single shard | 1 | 0 bytes"_s,
                                                            u"Reference tables | a copy on every node |  | 1.5 KiB"_s,
                                                            u"  countries | reference | 1 | 1.5 KiB"_s,
                                                            u"Local tables | on the coordinator |  | 4.0 KiB"_s,
                                                            u"  staging | plain PostgreSQL |  | 4.0 KiB"_s,
                                                        }));
    }

    void itemRefs()
    {
        ClusterTreeModel model;
        model.setSnapshot(test::snapshotOf(test::smallCluster()));
        const ClusterItemRef events{ClusterItemKind::Table, 16401};
        const QModelIndex index = model.indexOf(events);
        QVERIFY(index.isValid());
        QCOMPARE(index.data().toString(), u"events"_s);
        QCOMPARE(model.itemRef(index), events);
        QCOMPARE(index.data(ItemRefRole).value<ClusterItemRef>(), events);
        QCOMPARE(model.itemRef(index.parent()), (ClusterItemRef{ClusterItemKind::ColocationGroup, 1}));
        QVERIFY(!model.indexOf({ClusterItemKind::Node, 99}).isValid());
    }

    void sameShapeEmitsDataChanged()
    {
        ClusterTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(test::snapshotOf(test::smallCluster(), 1));
        engine::ClusterState changed = test::smallCluster();
        changed.placements[0].bytes = 3072; // users' first shard on worker-1 grows by 2 KiB
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
        model.setSnapshot(test::snapshotOf(changed, 2));
        QCOMPARE(resets.count(), 0);
        // Nodes heading, worker-1, the colocation group, users.
        QCOMPARE(changes.count(), 4);
        QCOMPARE(model.indexOf({ClusterItemKind::Table, 16400}).siblingAtColumn(3).data().toString(), u"5.0 KiB"_s);
    }

    void structuralChangeResets()
    {
        ClusterTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(test::snapshotOf(test::smallCluster(), 1));
        engine::ClusterState changed = test::smallCluster();
        changed.tables.pop_back(); // the plain table goes away, and with it the "Local tables" heading
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.setSnapshot(test::snapshotOf(changed, 2));
        QCOMPARE(resets.count(), 1);
        QCOMPARE(model.rowCount(), 4);
        model.setSnapshot({});
        QCOMPARE(model.rowCount(), 0);
    }

    void proxy_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<int>("sortColumn");
        QTest::addColumn<Qt::SortOrder>("order");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("no filter, size descending")
            << QString() << int(ClusterTreeModel::SizeColumn) << Qt::DescendingOrder
            << QStringList{u"Nodes | 3 nodes | 8 | 1.0 MiB"_s,
                           u"  worker-1:5432 | worker | 4 | 1.0 MiB"_s,
                           u"  worker-2:5433 | worker | 3 | 10.5 KiB"_s,
                           u"  coord:5432 | coordinator | 1 | 512 bytes"_s,
                           u"Colocation group 1 | hash, int8 | 2 | 1.0 MiB"_s,
                           u"  events | hash by user_id | 2 | 1.0 MiB"_s,
                           u"  users | hash by user_id | 2 | 3.0 KiB"_s,
                           u"Colocation group 3 | single shard | 1 | 0 bytes"_s,
                           u"  app.settings | single shard | 1 | 0 bytes"_s,
                           u"Reference tables | a copy on every node |  | 1.5 KiB"_s,
                           u"  countries | reference | 1 | 1.5 KiB"_s,
                           u"Local tables | on the coordinator |  | 4.0 KiB"_s,
                           u"  staging | plain PostgreSQL |  | 4.0 KiB"_s};
        QTest::newRow("filter by table name keeps the parents")
            << u"EVE"_s << -1 << Qt::AscendingOrder
            << QStringList{u"Colocation group 1 | hash, int8 | 2 | 1.0 MiB"_s,
                           u"  events | hash by user_id | 2 | 1.0 MiB"_s};
        QTest::newRow("filter matching a heading keeps its children")
            << u"reference"_s << -1 << Qt::AscendingOrder
            << QStringList{u"Reference tables | a copy on every node |  | 1.5 KiB"_s,
                           u"  countries | reference | 1 | 1.5 KiB"_s};
        QTest::newRow("no match") << u"nothing like this"_s << -1 << Qt::AscendingOrder << QStringList{};
    }

    void proxy()
    {
        QFETCH(QString, filter);
        QFETCH(int, sortColumn);
        QFETCH(Qt::SortOrder, order);
        QFETCH(QStringList, expected);
        ClusterTreeModel model;
        ClusterTreeProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(test::snapshotOf(test::smallCluster()));
        proxy.setFilterFixedString(filter);
        proxy.sort(sortColumn, order);
        SHARDSCOPE_COMPARE_DUMP(test::dumpModel(proxy), expected);
    }
};

QTEST_GUILESS_MAIN(TestClusterTreeModel)
#include "tst_clustertreemodel.moc"
