// SPDX-License-Identifier: MIT
#include "detailsmodel.h"
#include "modeldump.h"
#include "testcluster.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace shardscope;
using namespace Qt::StringLiterals;

class TestDetailsModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void describe_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<qint64>("id");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("node") << int(ClusterItemKind::Node) << qint64(3) << u"Node worker-2:5433"_s
                              << QStringList{u"Address | worker-2:5433"_s,
                                             u"Node id | 3"_s,
                                             u"Group id | 2"_s,
                                             u"Role | worker"_s,
                                             u"Active | yes"_s,
                                             u"Should have shards | no"_s,
                                             u"Has metadata | no"_s,
                                             u"Shard placements | 3"_s,
                                             u"Data size | 10.5 KiB"_s,
                                             u"Share of cluster data | 1.0 %"_s,
                                             u"Estimated rows | 105"_s};
        QTest::newRow("hash table") << int(ClusterItemKind::Table) << qint64(16401) << u"Table events"_s
                                    << QStringList{u"Name | public.events"_s,
                                                   u"Kind | hash-distributed"_s,
                                                   u"Distribution column | user_id (int8)"_s,
                                                   u"Colocation group | 1"_s,
                                                   u"Shards | 2"_s,
                                                   u"Placements | 2"_s,
                                                   u"Size | 1.0 MiB"_s,
                                                   u"Estimated rows | 1,080"_s,
                                                   u"Largest shard | 102010 (1.0 MiB, 2.0× the mean)"_s};
        QTest::newRow("plain table") << int(ClusterItemKind::Table) << qint64(16404) << u"Table staging"_s
                                     << QStringList{u"Name | public.staging"_s, u"Kind | plain PostgreSQL"_s,
                                                    u"Size | 4.0 KiB"_s, u"Estimated rows | 10"_s};
        QTest::newRow("colocation group")
            << int(ClusterItemKind::ColocationGroup) << qint64(1) << u"Colocation group 1"_s
            << QStringList{
                   u"Colocation id | 1"_s,    u"Distribution column type | int8"_s, u"Shard count at creation | 2"_s,
                   u"Shard groups now | 2"_s, u"Replication factor | 1"_s,          u"Tables | users, events"_s,
                   u"Size | 1.0 MiB"_s,       u"Estimated rows | 1,110"_s};
        QTest::newRow("nodes heading") << int(ClusterItemKind::Section) << qint64(ClusterSection::Nodes) << u"Nodes"_s
                                       << QStringList{u"Nodes | 3"_s, u"Active | 3"_s, u"Accepting shards | 1"_s,
                                                      u"Shard placements | 8"_s, u"Data size | 1.0 MiB"_s};
        QTest::newRow("gone") << int(ClusterItemKind::Table) << qint64(1) << u"This table is no longer in the cluster"_s
                              << QStringList{};
        QTest::newRow("nothing") << int(ClusterItemKind::None) << qint64(0) << u"Nothing selected"_s << QStringList{};
    }

    void describe()
    {
        QFETCH(int, kind);
        QFETCH(qint64, id);
        QFETCH(QString, title);
        QFETCH(QStringList, expected);
        DetailsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.title(), QString());
        model.setSnapshot(test::snapshotOf(test::smallCluster()));
        model.setItem({ClusterItemKind(kind), id});
        QCOMPARE(model.title(), title);
        SHARDSCOPE_COMPARE_DUMP(test::dumpModel(model), expected);
    }

    void followsSnapshots()
    {
        DetailsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy titles(&model, &DetailsModel::titleChanged);
        model.setItem({ClusterItemKind::Node, 2});
        QCOMPARE(model.title(), u"No cluster loaded yet"_s);
        model.setSnapshot(test::snapshotOf(test::smallCluster(), 1));
        QCOMPARE(model.title(), u"Node worker-1:5432"_s);
        QCOMPARE(titles.count(), 2);
        engine::ClusterState changed = test::smallCluster();
        changed.nodes[1].isActive = false;
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
        model.setSnapshot(test::snapshotOf(changed, 2));
        QCOMPARE(resets.count(), 0);
        QCOMPARE(changes.count(), 1);
        QCOMPARE(model.index(4, 1).data().toString(), u"no"_s);
    }
};

QTEST_GUILESS_MAIN(TestDetailsModel)
#include "tst_detailsmodel.moc"
