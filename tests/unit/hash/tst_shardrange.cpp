// SPDX-License-Identifier: MIT
// Shard ranges, routing and shard relation names (reference §2).
#include "engine/pghash.h"
#include "engine/shardname.h"
#include "engine/shardrange.h"
#include "engine/shardrouter.h"
#include "engine/uniformshardindexer.h"
#include "testdata.h"

#include <QMap>
#include <QRandomGenerator>
#include <QTest>
#include <algorithm>

using namespace shardscope::engine;

Q_DECLARE_METATYPE(std::vector<HashRange>)

class TestShardRange : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void uniform_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("index");
        QTest::addColumn<int>("min");
        QTest::addColumn<int>("max");
        QTest::newRow("1 shard") << 1 << 0 << INT32_MIN << INT32_MAX;
        QTest::newRow("32 first") << 32 << 0 << INT32_MIN << -2013265921;
        QTest::newRow("32 middle") << 32 << 16 << 0 << 134217727;
        QTest::newRow("32 last") << 32 << 31 << 2013265920 << INT32_MAX;
        QTest::newRow("3 first") << 3 << 0 << INT32_MIN << -715827884;
        QTest::newRow("3 middle") << 3 << 1 << -715827883 << 715827881;
        QTest::newRow("3 last") << 3 << 2 << 715827882 << INT32_MAX;
        QTest::newRow("4 second") << 4 << 1 << -1073741824 << -1;
        QTest::newRow("4 third") << 4 << 2 << 0 << 1073741823;
        QTest::newRow("7 last takes the remainder") << 7 << 6 << 1533916888 << INT32_MAX;
        QTest::newRow("64000 first") << 64000 << 0 << INT32_MIN << -2147416541;
        QTest::newRow("64000 last") << 64000 << 63999 << 2147361244 << INT32_MAX;
    }

    void uniform()
    {
        QFETCH(int, count);
        QFETCH(int, index);
        QFETCH(int, min);
        QFETCH(int, max);
        const std::vector<HashRange> ranges = uniformRanges(count);
        QCOMPARE(static_cast<int>(ranges.size()), count);
        QCOMPARE(ranges[static_cast<std::size_t>(index)], (HashRange{min, max}));
        QVERIFY(isUniform(ranges));
        QCOMPARE(uniformShardIndex(min, count), index);
        QCOMPARE(uniformShardIndex(max, count), index);
    }

    void everyCountCoversTheHashSpace()
    {
        for (int count = kMinShardCount; count <= kMaxShardCount; count += (count < 200 ? 1 : 997)) {
            const std::vector<HashRange> ranges = uniformRanges(count);
            QCOMPARE(ranges.front().min, INT32_MIN);
            QCOMPARE(ranges.back().max, INT32_MAX);
            for (std::size_t i = 1; i < ranges.size(); ++i)
                QCOMPARE(static_cast<std::int64_t>(ranges[i].min), std::int64_t{ranges[i - 1].max} + 1);
        }
        QVERIFY(uniformRanges(0).empty());
        QVERIFY(uniformRanges(64001).empty());
        QCOMPARE(uniformRanges(64000).size(), std::size_t{64000});
    }

    void fastPathAgreesWithBinarySearch()
    {
        QRandomGenerator random(42);
        for (const int count : {1, 2, 3, 7, 32, 100, 1000, 4097, 63999, 64000}) {
            const std::vector<HashRange> ranges = uniformRanges(count);
            for (int i = 0; i < 20000; ++i) {
                const auto hash = static_cast<std::int32_t>(random.generate());
                QCOMPARE(uniformShardIndex(hash, count), findShardIndex(ranges, hash));
            }
            for (const std::int32_t edge : {INT32_MIN, INT32_MAX, 0, -1}) {
                QCOMPARE(uniformShardIndex(edge, count), findShardIndex(ranges, edge));
            }
        }
    }

    void indexerAgreesWithDivision()
    {
        // Every shard count, at each range's edges and at random hashes.
        QRandomGenerator random(7);
        for (int count = kMinShardCount; count <= kMaxShardCount; ++count) {
            const UniformShardIndexer indexer(count);
            const std::int64_t increment = uniformIncrement(count);
            for (const std::int64_t k : {std::int64_t{1}, std::int64_t{count / 2}, std::int64_t{count - 1}}) {
                for (const std::int64_t offset : {k * increment - 1, k * increment, k * increment + 1}) {
                    const auto hash = static_cast<std::int32_t>(
                        std::clamp<std::int64_t>(offset - 2147483648LL, INT32_MIN, INT32_MAX));
                    if (indexer(hash) != uniformShardIndex(hash, count))
                        QFAIL(qPrintable(QStringLiteral("%1 shards, hash %2").arg(count).arg(hash)));
                }
            }
            for (const std::int32_t hash :
                 {INT32_MIN, INT32_MAX, 0, -1, static_cast<std::int32_t>(random.generate())}) {
                if (indexer(hash) != uniformShardIndex(hash, count))
                    QFAIL(qPrintable(QStringLiteral("%1 shards, hash %2").arg(count).arg(hash)));
            }
        }
        static_assert(UniformShardIndexer(32)(-1905060026) == 1, "usable at compile time");
    }

    void fixtureLayouts()
    {
        // All shards of the real cluster's 8 tables: ranges in min order equal uniformRanges(n).
        QMap<QByteArray, std::vector<HashRange>> tables;
        const QByteArrayList lines =
            shardscope::test::readData(QStringLiteral("hash/06_hash_vector_shard_layouts.csv")).split('\n');
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArrayList f = lines[i].trimmed().split(',');
            if (f.size() < 7)
                continue;
            std::vector<HashRange>& ranges = tables[f[0]];
            QCOMPARE(f[1].toInt(), static_cast<int>(ranges.size()));
            ranges.push_back(HashRange{f[3].toInt(), f[4].toInt()});
            QCOMPARE(f[5].toLongLong(), std::int64_t{ranges.back().max} - ranges.back().min + 1);
        }
        QCOMPARE(tables.size(), 8);
        for (auto it = tables.cbegin(); it != tables.cend(); ++it) {
            QVERIFY2(isUniform(it.value()), it.key().constData());
            QCOMPARE(it.value(), uniformRanges(static_cast<int>(it.value().size())));
        }
    }

    void splitRanges_data()
    {
        QTest::addColumn<std::vector<HashRange>>("ranges");
        QTest::addColumn<int>("hash");
        QTest::addColumn<int>("index");
        // 4 shards; shard 1 split at -536870913 (as citus_split_shard_by_split_points would).
        const std::vector<HashRange> split{{INT32_MIN, -1073741825},
                                           {-1073741824, -536870913},
                                           {-536870912, -1},
                                           {0, 1073741823},
                                           {1073741824, INT32_MAX}};
        QTest::newRow("first") << split << INT32_MIN << 0;
        QTest::newRow("split low half") << split << -1073741824 << 1;
        QTest::newRow("split boundary") << split << -536870913 << 1;
        QTest::newRow("split high half") << split << -536870912 << 2;
        QTest::newRow("zero") << split << 0 << 3;
        QTest::newRow("last") << split << INT32_MAX << 4;
        // A tenant isolated into its own single-value shard.
        const std::vector<HashRange> isolated{{INT32_MIN, 41}, {42, 42}, {43, INT32_MAX}};
        QTest::newRow("tenant") << isolated << 42 << 1;
        QTest::newRow("below tenant") << isolated << 41 << 0;
        QTest::newRow("above tenant") << isolated << 43 << 2;
        // A hole: no shard holds the hash.
        const std::vector<HashRange> hole{{INT32_MIN, -1}, {1, INT32_MAX}};
        QTest::newRow("hole") << hole << 0 << -1;
    }

    void splitRanges()
    {
        QFETCH(std::vector<HashRange>, ranges);
        QFETCH(int, hash);
        QFETCH(int, index);
        QVERIFY(!isUniform(ranges));
        QCOMPARE(findShardIndex(ranges, hash), index);
        const ShardRouter router(ranges);
        QVERIFY(!router.isUniform());
        QCOMPARE(router.indexOf(hash), index);
        const auto route = router.routeHash(hash);
        QCOMPARE(route.ok(), index >= 0);
        if (route.ok())
            QCOMPARE(route->range, ranges[static_cast<std::size_t>(index)]);
        else
            QVERIFY(route.error().message.find("cannot find shard interval") != std::string::npos);
    }

    void routerOnValues()
    {
        const ShardRouter router = ShardRouter::uniform(32);
        QVERIFY(router.isUniform());
        const auto route = router.route(ColumnType::Int8, "1"); // reference §2.3 example
        QVERIFY(route.ok());
        QCOMPARE(route->hash, -1905060026);
        QCOMPARE(route->shardIndex, 1);
        QCOMPARE(route->range, (HashRange{-2013265920, -1879048193}));
        QVERIFY(!router.route(ColumnType::Int8, "one").ok());
    }

    void shardNames_data()
    {
        QTest::addColumn<QString>("table");
        QTest::addColumn<qint64>("shardId");
        QTest::addColumn<QString>("expected");
        QTest::newRow("short") << QStringLiteral("events") << qint64{102008} << QStringLiteral("events_102008");
        const QString fits = QString(56, QLatin1Char('a')); // 56 + 7 = 63 bytes
        QTest::newRow("fits exactly") << fits << qint64{102008} << fits + QStringLiteral("_102008");
        const QString tooLong = QString(57, QLatin1Char('a'));
        const auto hash = hashBytes(reinterpret_cast<const unsigned char*>(tooLong.toLatin1().constData()), 57);
        QTest::newRow("clipped") << tooLong << qint64{102008}
                                 << QString(47, QLatin1Char('a')) +
                                        QStringLiteral("_%1_102008").arg(hash, 8, 16, QLatin1Char('0'));
    }

    void shardNames()
    {
        QFETCH(QString, table);
        QFETCH(qint64, shardId);
        QFETCH(QString, expected);
        const std::string name = shardRelationName(table.toStdString(), shardId);
        QCOMPARE(QString::fromStdString(name), expected);
        QVERIFY(name.size() <= 63);
    }

    void clippedNamesKeepCharactersWhole()
    {
        // 30 two-byte characters: the 47-byte limit falls inside one, so only 23 characters (46 bytes) stay.
        std::string table;
        for (int i = 0; i < 30; ++i)
            table += "\xc3\xa9";
        const std::string name = shardRelationName(table, 102008);
        QCOMPARE(name.size(), std::size_t{62});
        QCOMPARE(name.substr(0, 46), table.substr(0, 46));
        QCOMPARE(name.substr(46, 1), std::string("_"));
        QCOMPARE(name.substr(55), std::string("_102008"));
        // Names differing only after the clip point stay distinct.
        QVERIFY(shardRelationName(std::string(60, 'x') + "1", 7) != shardRelationName(std::string(60, 'x') + "2", 7));
    }
};

QTEST_APPLESS_MAIN(TestShardRange)
#include "tst_shardrange.moc"
