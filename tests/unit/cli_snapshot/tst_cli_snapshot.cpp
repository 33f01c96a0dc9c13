// SPDX-License-Identifier: MIT
// shardscope-cli demo --save and skew --snapshot, end to end through the real binary.
#include "engine/skew.h"
#include "sim/democluster.h"
#include "snapshot/snapshotjson.h"
#include "testdata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace shardscope;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run runCli(const QStringList& args)
{
    QProcess process;
    process.start(QStringLiteral(SHARDSCOPE_CLI), args);
    Run run;
    if (!process.waitForFinished(60000))
        return run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QString grouped(std::int64_t value)
{
    return QLocale(QLocale::English, QLocale::UnitedStates).toString(static_cast<qlonglong>(value));
}

} // namespace

class TestCliSnapshot : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_demo = m_dir.filePath(QStringLiteral("demo.json"));
        const Run run = runCli({QStringLiteral("demo"), QStringLiteral("--save"), m_demo});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(m_demo), qPrintable(run.out));
    }

    void demoSnapshotIsTheDemoCluster()
    {
        const auto loaded = snapshot::loadSnapshotFileWithMetadata(m_demo.toStdString());
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().message.c_str());
        QVERIFY(loaded->state == sim::makeDemoCluster());
        QCOMPARE(loaded->metadata.source, snapshot::SnapshotSource::Embedded);
    }

    void skewText()
    {
        const Run run = runCli({QStringLiteral("skew"), QStringLiteral("--snapshot"), m_demo});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.err.isEmpty());
        const engine::ClusterState demo = sim::makeDemoCluster();
        const engine::SkewReport report = engine::computeSkew(demo);
        // Bytes human-readable and exact, per node and per colocation group, then the hottest shards.
        QVERIFY2(run.out.contains(QStringLiteral("(%1 bytes)").arg(grouped(report.totalBytes))), qPrintable(run.out));
        QVERIFY(run.out.contains(QStringLiteral("GiB")));
        for (const engine::NodeSkew& node : report.nodes) {
            const QString label = QStringLiteral("%1:%2").arg(QString::fromStdString(node.name)).arg(node.port);
            const QStringList lines = run.out.split(QLatin1Char('\n')).filter(label);
            QVERIFY2(!lines.isEmpty(), qPrintable(label));
            QVERIFY2(lines.front().contains(grouped(node.bytes)), qPrintable(lines.front()));
            QVERIFY2(lines.front().contains(QString::number(node.share * 100.0, 'f', 1) + QLatin1Char('%')),
                     qPrintable(lines.front()));
        }
        for (const engine::ColocationSkew& group : report.colocationGroups) {
            QVERIFY2(run.out.contains(QStringLiteral("Colocation group %1:").arg(group.colocationId)),
                     qPrintable(run.out));
            QVERIFY(run.out.contains(QStringLiteral("max/mean %1, coefficient of variation %2")
                                         .arg(QString::number(group.maxOverMean, 'f', 2),
                                              QString::number(group.coefficientOfVariation, 'f', 2))));
        }
        const int hottest = int(run.out.indexOf(QStringLiteral("Hottest shard groups")));
        QVERIFY(hottest > 0);
        QVERIFY(run.out.indexOf(QString::number(report.hottest.front().shard), hottest) > hottest);
        QVERIFY(run.out.contains(grouped(report.hottest.front().bytes)));
    }

    void skewJson()
    {
        const Run run = runCli({QStringLiteral("skew"), QStringLiteral("--snapshot"), m_demo, QStringLiteral("--json"),
                                QStringLiteral("--top"), QStringLiteral("3")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(run.out.toUtf8(), &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        const QJsonObject root = document.object();
        const engine::SkewReport report = engine::computeSkew(sim::makeDemoCluster(), 3);
        QCOMPARE(root.value(QStringLiteral("total_bytes")).toInteger(), report.totalBytes);
        QCOMPARE(root.value(QStringLiteral("total_rows")).toInteger(), report.totalRows);
        QCOMPARE(root.value(QStringLiteral("node_max_over_mean")).toDouble(), report.nodeMaxOverMean);
        const QJsonArray nodes = root.value(QStringLiteral("nodes")).toArray();
        QCOMPARE(nodes.size(), qsizetype(report.nodes.size()));
        for (qsizetype i = 0; i < nodes.size(); ++i) {
            const QJsonObject node = nodes[i].toObject();
            QCOMPARE(node.value(QStringLiteral("node_id")).toInt(), report.nodes[std::size_t(i)].node);
            QCOMPARE(node.value(QStringLiteral("bytes")).toInteger(), report.nodes[std::size_t(i)].bytes);
            QCOMPARE(node.value(QStringLiteral("shards")).toInteger(), report.nodes[std::size_t(i)].shards);
            QCOMPARE(node.value(QStringLiteral("share")).toDouble(), report.nodes[std::size_t(i)].share);
        }
        const QJsonArray groups = root.value(QStringLiteral("colocation_groups")).toArray();
        QCOMPARE(groups.size(), qsizetype(report.colocationGroups.size()));
        const QJsonObject first = groups.first().toObject();
        QCOMPARE(first.value(QStringLiteral("coefficient_of_variation")).toDouble(),
                 report.colocationGroups.front().coefficientOfVariation);
        QCOMPARE(first.value(QStringLiteral("per_node")).toArray().size(),
                 qsizetype(report.colocationGroups.front().perNode.size()));
        const QJsonArray hottest = root.value(QStringLiteral("hottest")).toArray();
        QCOMPARE(hottest.size(), 3);
        QCOMPARE(hottest.first().toObject().value(QStringLiteral("shard_id")).toInteger(),
                 report.hottest.front().shard);
        QCOMPARE(hottest.first().toObject().value(QStringLiteral("bytes")).toInteger(), report.hottest.front().bytes);
    }

    void failures_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const QString corrupt = test::dataPath(QStringLiteral("snapshot/bad/truncated_half.json"));
        const QString dangling = test::dataPath(QStringLiteral("snapshot/bad/dangling_group.json"));
        QTest::newRow("corrupt snapshot") << QStringList{QStringLiteral("skew"), QStringLiteral("--snapshot"), corrupt}
                                          << 1 << QStringLiteral("invalid snapshot: not valid JSON: truncated");
        QTest::newRow("dangling reference")
            << QStringList{QStringLiteral("skew"), QStringLiteral("--snapshot"), dangling} << 1
            << QStringLiteral("no node has group 7");
        QTest::newRow("missing file") << QStringList{QStringLiteral("skew"), QStringLiteral("--snapshot"),
                                                     QStringLiteral("/nonexistent/x.json")}
                                      << 1 << QStringLiteral("cannot open snapshot /nonexistent/x.json");
        QTest::newRow("skew without snapshot")
            << QStringList{QStringLiteral("skew")} << 2 << QStringLiteral("--snapshot FILE is required");
        QTest::newRow("bad top") << QStringList{QStringLiteral("skew"), QStringLiteral("--snapshot"), corrupt,
                                                QStringLiteral("--top"), QStringLiteral("many")}
                                 << 2 << QStringLiteral("--top must be a number");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("skew"), QStringLiteral("--colour")} << 2
                                        << QStringLiteral("usage: shardscope-cli skew");
        QTest::newRow("demo without save")
            << QStringList{QStringLiteral("demo")} << 2 << QStringLiteral("--save FILE is required");
        QTest::newRow("demo into missing folder")
            << QStringList{QStringLiteral("demo"), QStringLiteral("--save"), QStringLiteral("/nonexistent/dir/d.json")}
            << 1 << QStringLiteral("cannot write snapshot /nonexistent/dir/d.json");
    }

    void failures()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const Run run = runCli(args);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
        QVERIFY(run.out.isEmpty());
    }

private:
    QTemporaryDir m_dir;
    QString m_demo;
};

QTEST_GUILESS_MAIN(TestCliSnapshot)
#include "tst_cli_snapshot.moc"
