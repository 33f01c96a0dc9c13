// SPDX-License-Identifier: MIT
// The difference the workspace writes: rows keyed by id, positions of small vectors, readable summaries.
#include "samplestate.h"
#include "snapshot/statediff.h"

#include <QTest>
#include <algorithm>

using namespace shardscope;
using namespace shardscope::engine;
using shardscope::test::sampleState;

Q_DECLARE_METATYPE(shardscope::engine::ClusterState)

class TestStateDiff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void summary_data()
    {
        QTest::addColumn<ClusterState>("before");
        QTest::addColumn<ClusterState>("after");
        QTest::addColumn<QString>("summary");
        QTest::addColumn<int>("upserts");
        QTest::addColumn<int>("deletes");
        QTest::addColumn<bool>("clusterChanged");

        const ClusterState s = sampleState();
        QTest::newRow("same") << s << s << QStringLiteral("no changes") << 0 << 0 << false;
        QTest::newRow("from empty") << ClusterState{} << s
                                    << QStringLiteral("nodes: 3 added; colocation groups: 3 added; tables: 6 added; "
                                                      "shards: 7 added; placements: 9 added")
                                    << 28 << 0 << true;
        ClusterState resized = s;
        resized.placements[3].bytes = 1;
        resized.placements[4].rows = 2;
        QTest::newRow("sizes") << s << resized << QStringLiteral("placements: 2 changed") << 2 << 0 << false;
        ClusterState moved = s;
        moved.placements.erase(moved.placements.begin());
        moved.placements.push_back({100, 102008, 1, 1, 2});
        moved.sequences.nextPlacementId = 101;
        QTest::newRow("move") << s << moved << QStringLiteral("placements: 1 added, 1 removed") << 1 << 1 << true;
        ClusterState reordered = s;
        std::swap(reordered.tables[0], reordered.tables[1]);
        // Table order matters (creation order): both rows are rewritten, but nothing "changed".
        QTest::newRow("table order") << s << reordered << QStringLiteral("no changes") << 2 << 0 << false;
        ClusterState shuffled = s;
        std::reverse(shuffled.placements.begin(), shuffled.placements.end());
        // Placements are stored in id order: their order in the vector is not stored.
        QTest::newRow("placement order") << s << shuffled << QStringLiteral("no changes") << 0 << 0 << false;
        ClusterState renamed = s;
        renamed.name = "other";
        QTest::newRow("name") << s << renamed << QStringLiteral("no changes") << 0 << 0 << true;
        QTest::newRow("to empty") << s << ClusterState{}
                                  << QStringLiteral("nodes: 3 removed; colocation groups: 3 removed; tables: 6 "
                                                    "removed; shards: 7 removed; placements: 9 removed")
                                  << 0 << 28 << true;
    }

    void summary()
    {
        QFETCH(ClusterState, before);
        QFETCH(ClusterState, after);
        QFETCH(QString, summary);
        QFETCH(int, upserts);
        QFETCH(int, deletes);
        QFETCH(bool, clusterChanged);
        const snapshot::StateDiff diff = snapshot::diffStates(before, after);
        QCOMPARE(QString::fromStdString(diff.summary()), summary);
        const auto count = [&](auto member) {
            return int((diff.nodes.*member).size() + (diff.colocationGroups.*member).size() +
                       (diff.tables.*member).size() + (diff.shards.*member).size() + (diff.placements.*member).size());
        };
        QCOMPARE(count(&snapshot::EntityDiff::upserts), upserts);
        QCOMPARE(count(&snapshot::EntityDiff::deletes), deletes);
        QCOMPARE(diff.clusterChanged, clusterChanged);
    }
};

QTEST_GUILESS_MAIN(TestStateDiff)
#include "tst_statediff.moc"
