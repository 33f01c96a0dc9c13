// SPDX-License-Identifier: MIT
// Routing preview on the demo cluster: exact shards and nodes from the statement text and the metadata.
#include "engine/clusterindex.h"
#include "engine/shardrouter.h"
#include "sim/democluster.h"
#include "stats/routingpreview.h"

#include <QTest>

using namespace shardscope;

namespace {

const engine::ClusterState& demo()
{
    static const engine::ClusterState state = sim::makeDemoCluster();
    return state;
}

// The shard of a key, found by the engine's own router over the table's shard ranges.
engine::ShardId engineShardOf(const std::string& table, const std::string& key)
{
    const engine::ClusterIndex index(demo());
    const engine::Table* t = index.tableByName("public", table);
    std::vector<engine::HashRange> ranges;
    for (const std::size_t p : index.shardsOfTable(t->oid))
        ranges.push_back({demo().shards[p].minValue, demo().shards[p].maxValue});
    const auto route = engine::ShardRouter(ranges).route(t->columnType, key);
    return route ? demo().shards[index.shardsOfTable(t->oid)[static_cast<std::size_t>(route->shardIndex)]].id : -1;
}

// The one shard of a reference table.
qint64 referenceShard(const std::string& table)
{
    const engine::ClusterIndex index(demo());
    const auto positions = index.shardsOfTable(index.tableByName("public", table)->oid);
    return positions.size() == 1 ? demo().shards[positions.front()].id : -1;
}

// Index of a shard among its table's shards (colocated shards share it).
int shardIndexOf(engine::ShardId shard)
{
    const engine::ClusterIndex index(demo());
    for (const engine::Shard& s : demo().shards) {
        if (s.id != shard)
            continue;
        const auto positions = index.shardsOfTable(s.table);
        for (std::size_t i = 0; i < positions.size(); ++i) {
            if (demo().shards[positions[i]].id == shard)
                return static_cast<int>(i);
        }
    }
    return -1;
}

QList<qint64> toList(const std::vector<engine::ShardId>& shards)
{
    return QList<qint64>(shards.begin(), shards.end());
}

} // namespace

class TestRoutingPreview : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hotTenant()
    {
        const auto preview = stats::previewRouting("select * from events where user_id = 1", demo());
        QCOMPARE(preview.kind, stats::FanoutClass::Router);
        QCOMPARE(toList(preview.shards), QList<qint64>{102041});
        QCOMPARE(engineShardOf("events", "1"), 102041);
        QCOMPARE(preview.nodes, std::vector<std::string>{"worker-2:5432"});
        QCOMPARE(QString::fromStdString(stats::routingSummary(preview)),
                 QStringLiteral("Router: shard 102041 on worker-2:5432 (events)"));
    }

    void matchesEngineRouting_data()
    {
        QTest::addColumn<QString>("table");
        QTest::addColumn<QString>("key");
        for (const char* key : {"0", "1", "2", "7", "42", "-5", "1000000", "9223372036854775807"}) {
            QTest::addRow("events %s", key) << QStringLiteral("events") << QString::fromLatin1(key);
            QTest::addRow("orders %s", key) << QStringLiteral("orders") << QString::fromLatin1(key);
        }
    }

    void matchesEngineRouting()
    {
        QFETCH(QString, table);
        QFETCH(QString, key);
        const std::string column = table == QLatin1String("events") ? "user_id" : "customer_id";
        const auto preview = stats::previewRouting(
            "select count(*) from " + table.toStdString() + " where " + column + " = " + key.toStdString(), demo());
        if (table == QLatin1String("orders") && key.size() > 12) { // out of int4 range: an error, never a guess
            QCOMPARE(preview.kind, stats::FanoutClass::Unknown);
            QVERIFY(preview.shards.empty());
            return;
        }
        QCOMPARE(preview.kind, stats::FanoutClass::Router);
        QCOMPARE(toList(preview.shards), QList<qint64>{engineShardOf(table.toStdString(), key.toStdString())});
        QCOMPARE(preview.nodes.size(), std::size_t(1));
    }

    void statements_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QList<qint64>>("shards"); // empty: no exact list
        QTest::addColumn<int>("shardCount");
        QTest::addColumn<int>("nodeCount");
        QTest::addColumn<QString>("reason"); // a part of the reason, when it matters

        const QList<qint64> userOne{engineShardOf("events", "1")};
        QList<qint64> inList{engineShardOf("events", "1"), engineShardOf("events", "2"), engineShardOf("events", "3")};
        std::sort(inList.begin(), inList.end());
        inList.erase(std::unique(inList.begin(), inList.end()), inList.end());

        QTest::newRow("in list") << QStringLiteral("select * from events where user_id in (1, 2, 3)")
                                 << QStringLiteral("multi-shard") << inList << int(inList.size()) << -1 << QString();
        QTest::newRow("any array") << QStringLiteral("select * from events where user_id = any(array[3, 1, 2])")
                                   << QStringLiteral("multi-shard") << inList << int(inList.size()) << -1 << QString();
        QTest::newRow("or") << QStringLiteral("select * from events where user_id = 1 or user_id = 2 or user_id = 3")
                            << QStringLiteral("multi-shard") << inList << int(inList.size()) << -1 << QString();
        QTest::newRow("in list one shard") << QStringLiteral("select * from events where user_id in (1, 1)")
                                           << QStringLiteral("router") << userOne << 1 << 1 << QString();
        QList<qint64> negatives{engineShardOf("events", "-5"), engineShardOf("events", "0"),
                                engineShardOf("events", "-2147483649")};
        std::sort(negatives.begin(), negatives.end());
        negatives.erase(std::unique(negatives.begin(), negatives.end()), negatives.end());
        QTest::newRow("negative and zero keys")
            << QStringLiteral("select * from events where user_id in (-5, 0, - 2147483649)")
            << QString::fromLatin1(negatives.size() == 1 ? "router" : "multi-shard") << negatives
            << int(negatives.size()) << -1 << QString();
        QTest::newRow("no key") << QStringLiteral("select count(*) from events where event_type = 'click'")
                                << QStringLiteral("multi-shard") << QList<qint64>() << 32 << 4 << QString();
        QTest::newRow("reference read") << QStringLiteral("select * from countries where code = 'NL'")
                                        << QStringLiteral("reference") << QList<qint64>() << 1 << 1 << QString();
        // A join touches the shard of every table: the colocated shard of the same index, the reference shard.
        QList<qint64> joined{engineShardOf("users", "1"), engineShardOf("events", "1")};
        std::sort(joined.begin(), joined.end());
        QTest::newRow("colocated join on key")
            << QStringLiteral("select * from users u join events e on u.user_id = e.user_id where e.user_id = 1")
            << QStringLiteral("router") << joined << 2 << 1 << QString();
        QList<qint64> withReference{engineShardOf("events", "1"), referenceShard("countries")};
        std::sort(withReference.begin(), withReference.end());
        QTest::newRow("colocated join with reference")
            << QStringLiteral("select * from events e, countries c where e.country = c.code and e.user_id = 1")
            << QStringLiteral("router") << withReference << 2 << 1 << QString();
        QTest::newRow("contradicting keys")
            << QStringLiteral("select * from events where user_id = 1 and user_id in (2)") << QStringLiteral("router")
            << QList<qint64>() << 0 << 0 << QString();
        QTest::newRow("non-colocated join")
            << QStringLiteral("select * from events e join page_views p on e.user_id = p.site_id")
            << QStringLiteral("repartition") << QList<qint64>() << 0 << 0 << QStringLiteral("colocation");
        QTest::newRow("parameter") << QStringLiteral("select * from events where user_id = $1")
                                   << QStringLiteral("router") << QList<qint64>() << 0 << 0
                                   << QStringLiteral("not constants");
        QTest::newRow("unparsable") << QStringLiteral("selec * form events") << QStringLiteral("unknown")
                                    << QList<qint64>() << 0 << 0 << QStringLiteral("syntax error");
        QTest::newRow("unknown table") << QStringLiteral("select * from nowhere where id = 1")
                                       << QStringLiteral("unknown") << QList<qint64>() << 0 << 0
                                       << QStringLiteral("not in the cluster metadata");
        QTest::newRow("subquery") << QStringLiteral("select * from (select * from events) s where user_id = 1")
                                  << QStringLiteral("unknown") << QList<qint64>() << 0 << 0
                                  << QStringLiteral("subqueries");
    }

    void statements()
    {
        QFETCH(QString, sql);
        QFETCH(QString, kind);
        QFETCH(QList<qint64>, shards);
        QFETCH(int, shardCount);
        QFETCH(int, nodeCount);
        QFETCH(QString, reason);
        const auto preview = stats::previewRouting(sql.toStdString(), demo());
        QCOMPARE(QString::fromLatin1(stats::fanoutClassName(preview.kind)), kind);
        if (!shards.isEmpty())
            QCOMPARE(toList(preview.shards), shards);
        QCOMPARE(int(preview.shards.size()), shardCount);
        if (nodeCount >= 0)
            QCOMPARE(int(preview.nodes.size()), nodeCount);
        QVERIFY2(QString::fromStdString(preview.reason).contains(reason), preview.reason.c_str());
        QVERIFY(!stats::routingSummary(preview).empty());
    }

    void routerJoinNamesTheShardOfEveryTable()
    {
        const auto preview = stats::previewRouting(
            "select * from users u join events e on u.user_id = e.user_id where u.user_id = 42", demo());
        QCOMPARE(preview.kind, stats::FanoutClass::Router);
        QCOMPARE(preview.tableShards.size(), std::size_t(2));
        QCOMPARE(QString::fromStdString(preview.tableShards[0].table), QStringLiteral("users"));
        QCOMPARE(QString::fromStdString(preview.tableShards[1].table), QStringLiteral("events"));
        const engine::ShardId users = engineShardOf("users", "42");
        const engine::ShardId events = engineShardOf("events", "42");
        QCOMPARE(toList(preview.tableShards[0].shards), QList<qint64>{users});
        QCOMPARE(toList(preview.tableShards[1].shards), QList<qint64>{events});
        QVERIFY(users != events);
        QCOMPARE(shardIndexOf(users), shardIndexOf(events)); // colocated: the same shard index
        QCOMPARE(preview.nodes.size(), std::size_t(1));      // colocated shards live together
        QCOMPARE(QString::fromStdString(stats::routingSummary(preview)),
                 QStringLiteral("Router: shards %1 (users), %2 (events) on %3")
                     .arg(users)
                     .arg(events)
                     .arg(QString::fromStdString(preview.nodes.front())));
    }

    void insertValues_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QStringList>("keys"); // events keys whose shards are expected; empty: no exact list
        QTest::addColumn<QString>("reason");   // a part of the reason, when there is no list
        QTest::newRow("one row") << QStringLiteral("insert into events (user_id, event_type) values (7, 'click')")
                                 << QStringLiteral("router") << QStringList{QStringLiteral("7")} << QString();
        QTest::newRow("key not first") << QStringLiteral(
                                              "INSERT INTO public.events (event_type, user_id) VALUES ('view', 123456)")
                                       << QStringLiteral("router") << QStringList{QStringLiteral("123456")}
                                       << QString();
        QTest::newRow("negative key, cast")
            << QStringLiteral("insert into events (user_id, event_type) values (-5::bigint, 'x')")
            << QStringLiteral("router") << QStringList{QStringLiteral("-5")} << QString();
        QTest::newRow("zero key") << QStringLiteral("insert into events (user_id) values (0)")
                                  << QStringLiteral("router") << QStringList{QStringLiteral("0")} << QString();
        QTest::newRow("with returning") << QStringLiteral(
                                               "insert into events (user_id, event_type) values (99, 'x') returning *")
                                        << QStringLiteral("router") << QStringList{QStringLiteral("99")} << QString();
        QTest::newRow("several rows")
            << QStringLiteral("insert into events (user_id, event_type) values (1, 'a'), (2, 'b'), (3, 'c')")
            << QStringLiteral("multi-shard")
            << QStringList{QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")} << QString();
        QTest::newRow("several rows, one key")
            << QStringLiteral("insert into events (user_id, event_type) values (5, 'a'), (5, 'b')")
            << QStringLiteral("router") << QStringList{QStringLiteral("5")} << QString();
        QTest::newRow("no column list") << QStringLiteral("insert into events values (1, 'x')")
                                        << QStringLiteral("router") << QStringList() << QStringLiteral("not read");
        QTest::newRow("parameter") << QStringLiteral("insert into events (user_id, event_type) values ($1, 'x')")
                                   << QStringLiteral("router") << QStringList() << QStringLiteral("not constants");
        QTest::newRow("expression") << QStringLiteral("insert into events (user_id, event_type) values (1 + 1, 'x')")
                                    << QStringLiteral("router") << QStringList() << QStringLiteral("not constants");
        QTest::newRow("default") << QStringLiteral("insert into events (user_id, event_type) values (default, 'x')")
                                 << QStringLiteral("router") << QStringList() << QStringLiteral("not constants");
    }

    void insertValues()
    {
        QFETCH(QString, sql);
        QFETCH(QString, kind);
        QFETCH(QStringList, keys);
        QFETCH(QString, reason);
        const auto preview = stats::previewRouting(sql.toStdString(), demo());
        QCOMPARE(QString::fromLatin1(stats::fanoutClassName(preview.kind)), kind);
        QList<qint64> expected;
        for (const QString& key : keys)
            expected << engineShardOf("events", key.toStdString());
        std::sort(expected.begin(), expected.end());
        expected.erase(std::unique(expected.begin(), expected.end()), expected.end());
        QCOMPARE(toList(preview.shards), expected);
        if (keys.isEmpty()) {
            QVERIFY2(QString::fromStdString(preview.reason).contains(reason), preview.reason.c_str());
            QVERIFY(preview.nodes.empty());
            return;
        }
        QVERIFY(!preview.nodes.empty());
        if (expected.size() == 1)
            QVERIFY(QString::fromStdString(stats::routingSummary(preview))
                        .startsWith(QStringLiteral("Router: shard %1 on ").arg(expected.front())));
    }

    void insertOutOfRangeKeyIsAnError()
    {
        // orders.customer_id is an int4: a key past its range is Citus's error, never a guessed shard.
        const auto preview =
            stats::previewRouting("insert into orders (customer_id, total) values (9223372036854775807, 1)", demo());
        QCOMPARE(preview.kind, stats::FanoutClass::Unknown);
        QVERIFY(preview.shards.empty());
    }

    void referenceWriteTouchesEveryPlacement()
    {
        const auto preview = stats::previewRouting("update countries set name = 'x' where code = 'NL'", demo());
        QCOMPARE(preview.kind, stats::FanoutClass::Reference);
        QCOMPARE(preview.shards.size(), std::size_t(1));
        QVERIFY(preview.nodes.size() >= 4);
    }
};

QTEST_GUILESS_MAIN(TestRoutingPreview)
#include "tst_routingpreview.moc"
