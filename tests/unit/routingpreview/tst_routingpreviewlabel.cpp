// SPDX-License-Identifier: MIT
// The routing line of the EXPLAIN page follows the editor's text and the embedded cluster's snapshot.
#include "api/clustersource.h"
#include "explain/explainpage.h"
#include "explain/routingpreviewlabel.h"
#include "sim/embeddedclustersource.h"

#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace shardscope;

class TestRoutingPreviewLabel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        sim::EmbeddedClusterSource::Options options;
        options.workspacePath = m_dir.filePath(QStringLiteral("demo.sqlite"));
        options.resetDemo = true;
        m_source = std::make_unique<sim::EmbeddedClusterSource>(options);
        QSignalSpy ready(m_source.get(), &ClusterSource::snapshotReady);
        m_source->refresh();
        QTRY_VERIFY(!m_source->currentSnapshot().isNull());
    }

    void cleanupTestCase()
    {
        m_source->waitForIdle();
        m_source.reset();
    }

    void followsTheEditor_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("expected");
        QTest::newRow("hot tenant") << QStringLiteral("select * from events where user_id = 1")
                                    << QStringLiteral("Routing: Router: shard 102041 on worker-2:5432 (events)");
        QTest::newRow("no key") << QStringLiteral("select count(*) from events")
                                << QStringLiteral("Routing: Multi-shard: 32 shards on 4 nodes (events)");
        QTest::newRow("unparsable") << QStringLiteral("selec 1") << QStringLiteral("Routing: Unknown: syntax error");
    }

    void followsTheEditor()
    {
        QFETCH(QString, sql);
        QFETCH(QString, expected);
        ExplainPage page;
        page.setClusterSource(m_source.get());
        QVERIFY(page.routingPreview() != nullptr);
        page.sqlEditor()->setPlainText(sql);
        QTRY_VERIFY2(page.routingPreview()->text().startsWith(expected), qPrintable(page.routingPreview()->text()));
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<sim::EmbeddedClusterSource> m_source;
};

QTEST_MAIN(TestRoutingPreviewLabel)
#include "tst_routingpreviewlabel.moc"
