// SPDX-License-Identifier: MIT
// Round trips of the snapshot format: every field, odd names, int64 extremes, empty and unsorted states.
#include "samplestate.h"
#include "snapshot/snapshotjson.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <limits>

using namespace shardscope;
using namespace shardscope::engine;
using shardscope::test::sampleState;

Q_DECLARE_METATYPE(shardscope::engine::ClusterState)

namespace {

constexpr std::int64_t kMax64 = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin64 = std::numeric_limits<std::int64_t>::min();

ClusterState oddNames()
{
    ClusterState s = sampleState();
    s.name = std::string("quote\" backslash\\ slash/ tab\t nl\n nul") + '\0' + " \x01\x1f\x7f end";
    s.nodes[1].name = "wörker-ü-日本-🙂";
    s.nodes[1].rack = "\"\\\"";
    s.nodes[2].cluster = std::string(1, '\x1b') + "[31mred";
    s.tables[0].schema = "Schema With Spaces";
    s.tables[0].name = "\"users\"";
    s.tables[0].distributionColumn = "user\\id\u00e9";
    s.tables[2].name = std::string(300, 'x');
    return s;
}

ClusterState extremes()
{
    ClusterState s = sampleState();
    s.nodes[0].freeDiskBytes = kMin64;
    s.nodes[1].freeDiskBytes = kMax64;
    s.nodes[1].id = std::numeric_limits<std::int32_t>::max();
    s.nodes[1].port = 65535;
    s.nodes[2].port = 1;
    Node far = s.nodes[2];
    far.id = 4;
    far.name = "far";
    far.group = std::numeric_limits<std::int32_t>::max();
    s.nodes.push_back(far);
    s.colocationGroups[0].collation = std::numeric_limits<std::uint32_t>::max();
    s.colocationGroups[0].shardCount = 64000;
    s.tables.back().oid = std::numeric_limits<std::uint32_t>::max();
    s.shards[5].table = std::numeric_limits<std::uint32_t>::max();
    s.shards[6].table = std::numeric_limits<std::uint32_t>::max();
    s.tables[4].plainBytes = kMax64;
    s.tables[4].plainRows = kMax64;
    s.shards.back().id = kMax64;
    s.placements.back().shard = kMax64;
    s.placements.back().group = std::numeric_limits<std::int32_t>::max();
    s.placements.back().id = kMax64; // delta from a small id to the largest one
    s.placements.back().bytes = kMax64;
    s.placements.back().rows = kMax64;
    s.sequences = {kMax64,
                   kMax64,
                   std::numeric_limits<std::int32_t>::max(),
                   std::numeric_limits<std::int32_t>::max(),
                   std::numeric_limits<std::int32_t>::max(),
                   std::numeric_limits<std::uint32_t>::max()};
    return s;
}

ClusterState unsorted()
{
    ClusterState s = sampleState();
    std::swap(s.placements[0], s.placements[5]);
    std::swap(s.shards[0], s.shards[3]);
    std::swap(s.nodes[0], s.nodes[2]);
    return s;
}

ClusterState generated(int shardCount, int groups)
{
    ClusterState s;
    s.name = "generated";
    for (int g = 0; g <= groups; ++g) {
        Node node;
        node.id = g + 1;
        node.group = g;
        node.name = "n" + std::to_string(g);
        s.nodes.push_back(node);
    }
    s.colocationGroups.push_back({1, shardCount, 1, ColumnType::Int4, 0});
    Table t;
    t.oid = 20000;
    t.name = "t";
    t.distributionColumn = "k";
    t.columnType = ColumnType::Int4;
    t.colocationId = 1;
    s.tables.push_back(t);
    const std::int64_t width = (std::int64_t(1) << 32) / shardCount;
    for (int i = 0; i < shardCount; ++i) {
        const auto lo = static_cast<std::int32_t>(std::numeric_limits<std::int32_t>::min() + i * width);
        const auto hi =
            i == shardCount - 1 ? std::numeric_limits<std::int32_t>::max() : static_cast<std::int32_t>(lo + width - 1);
        s.shards.push_back({200000 + i, 20000, lo, hi, true});
        s.placements.push_back({1 + i * 3, 200000 + i, std::int64_t(i) * 977 % 100000007, i % 1000, 1 + i % groups});
    }
    return s;
}

} // namespace

class TestSnapshotJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<ClusterState>("state");
        QTest::newRow("sample") << sampleState();
        QTest::newRow("empty") << ClusterState{};
        ClusterState nodesOnly;
        nodesOnly.nodes = sampleState().nodes;
        QTest::newRow("nodes only") << nodesOnly;
        QTest::newRow("odd names") << oddNames();
        QTest::newRow("int64 extremes") << extremes();
        QTest::newRow("unsorted vectors") << unsorted();
        QTest::newRow("20000 placements") << generated(20000, 7);
    }

    void roundTrip()
    {
        QFETCH(ClusterState, state);
        const std::string json = snapshot::serializeSnapshot(state);
        const Result<ClusterState> parsed = snapshot::parseSnapshot(json);
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : parsed.error().message.c_str());
        QVERIFY(parsed.value() == state);
        // Serializing again gives the same text apart from the capture time.
        snapshot::SnapshotMetadata fixed;
        fixed.capturedAt = "2026-01-02T03:04:05Z";
        QCOMPARE(snapshot::serializeSnapshot(parsed.value(), fixed), snapshot::serializeSnapshot(state, fixed));
    }

    void roundTripThroughFile_data() { roundTrip_data(); }

    void roundTripThroughFile()
    {
        QFETCH(ClusterState, state);
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("cluster.json")).toStdString();
        const Status saved = snapshot::saveSnapshotFile(state, path);
        QVERIFY2(saved.ok(), saved.ok() ? "" : saved.error().message.c_str());
        const Result<ClusterState> loaded = snapshot::loadSnapshotFile(path);
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().message.c_str());
        QVERIFY(loaded.value() == state);
        // Atomic save: no temporary file is left beside the snapshot.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("cluster.json")});
    }

    void otherWritersAreRead_data()
    {
        QTest::addColumn<bool>("indented");
        QTest::newRow("compact") << false;
        QTest::newRow("indented") << true;
    }

    void otherWritersAreRead()
    {
        // Another JSON writer sorts members alphabetically ("version" after "tables", "bytes" before
        // "id_deltas") and lays the text out differently: the same state comes back.
        QFETCH(bool, indented);
        const std::string ours = snapshot::serializeSnapshot(sampleState());
        const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromStdString(ours));
        QVERIFY(document.isObject());
        const QByteArray theirs = document.toJson(indented ? QJsonDocument::Indented : QJsonDocument::Compact);
        QVERIFY(theirs.indexOf("\"version\"") > theirs.indexOf("\"tables\""));
        const auto parsed = snapshot::parseSnapshot(theirs.toStdString());
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : parsed.error().message.c_str());
        QVERIFY(*parsed == sampleState());
    }

    void metadataRoundTrips()
    {
        snapshot::SnapshotMetadata metadata;
        metadata.capturedAt = "2026-11-25T12:00:00.123Z";
        metadata.source = snapshot::SnapshotSource::Live;
        metadata.citusVersion = "13.2.0";
        metadata.postgresVersion = "15.8";
        const auto parsed = snapshot::parseSnapshotWithMetadata(snapshot::serializeSnapshot(sampleState(), metadata));
        QVERIFY(parsed.ok());
        QVERIFY(parsed->metadata == metadata);
        QCOMPARE(parsed->state.name, std::string("sample"));
    }

    void captureTimeDefaultsToNow()
    {
        const auto parsed = snapshot::parseSnapshotWithMetadata(snapshot::serializeSnapshot(ClusterState{}));
        QVERIFY(parsed.ok());
        const QDateTime captured =
            QDateTime::fromString(QString::fromStdString(parsed->metadata.capturedAt), Qt::ISODate);
        QVERIFY(captured.isValid());
        QVERIFY(qAbs(captured.secsTo(QDateTime::currentDateTimeUtc())) < 60);
        QCOMPARE(parsed->metadata.source, snapshot::SnapshotSource::Embedded);
        QVERIFY(parsed->metadata.citusVersion.empty());
    }

    void placementsAreCompact()
    {
        // Columns with delta-encoded ids: consecutive ids cost two bytes each ("1,").
        const ClusterState state = generated(20000, 7);
        const std::string json = snapshot::serializeSnapshot(state);
        QVERIFY2(json.size() < state.placements.size() * 60, std::to_string(json.size()).c_str());
        QVERIFY(json.find("\"id_deltas\":[200000,1,1,") != std::string::npos);
    }

    void invalidUtf8IsReplaced()
    {
        ClusterState state = sampleState();
        state.name = "bad\xff\xfe byte";
        const auto parsed = snapshot::parseSnapshot(snapshot::serializeSnapshot(state));
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->name, std::string("bad\xEF\xBF\xBD\xEF\xBF\xBD byte"));
    }

    void failedSaveKeepsThePreviousFile()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("cluster.json")).toStdString();
        QVERIFY(snapshot::saveSnapshotFile(sampleState(), path).ok());
        QFile file(QString::fromStdString(path));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray before = file.readAll();
        file.close();

        ClusterState broken = sampleState();
        broken.placements[0].shard = 999; // dangling: refused before anything is written
        const Status saved = snapshot::saveSnapshotFile(broken, path);
        QVERIFY(!saved.ok());
        QVERIFY2(saved.error().message.find("shard 999 does not exist") != std::string::npos,
                 saved.error().message.c_str());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), before);
    }

    void saveToMissingDirectoryFails()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("no/such/dir/cluster.json")).toStdString();
        const Status saved = snapshot::saveSnapshotFile(sampleState(), path);
        QVERIFY(!saved.ok());
        QVERIFY2(saved.error().message.find("cannot write snapshot") != std::string::npos,
                 saved.error().message.c_str());
    }

    void loadMissingFileFails()
    {
        const auto loaded = snapshot::loadSnapshotFile("/nonexistent/cluster.json");
        QVERIFY(!loaded.ok());
        QVERIFY2(loaded.error().message.find("cannot open snapshot /nonexistent/cluster.json") != std::string::npos,
                 loaded.error().message.c_str());
    }

    void everyFieldIsCovered()
    {
        // A field added to the engine's value types must be added to the format (and to FORMAT.md): these
        // sizes change with it.
        QCOMPARE(sizeof(Node), std::size_t(136));
        QCOMPARE(sizeof(Table), std::size_t(144));
        QCOMPARE(sizeof(ColocationGroup), std::size_t(20));
        QCOMPARE(sizeof(Shard), std::size_t(24));
        QCOMPARE(sizeof(Placement), std::size_t(40));
        QCOMPARE(sizeof(Sequences), std::size_t(32));
        QCOMPARE(sizeof(ClusterState), std::size_t(184));
    }
};

QTEST_GUILESS_MAIN(TestSnapshotJson)
#include "tst_snapshotjson.moc"
