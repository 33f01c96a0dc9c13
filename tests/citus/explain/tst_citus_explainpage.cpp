// SPDX-License-Identifier: MIT
// The EXPLAIN page on a real Citus coordinator (CITUS_TEST_DSN), offscreen: EXPLAIN ANALYZE of a multi-shard query
// samples one task, the banner's "Re-run with all tasks" runs it again on the coordinator and every task and worker
// shows up in the chart. SHARDSCOPE_SCREENSHOT_DIR, when set, receives a picture of the page. Uses the schema
// ex_check_gui, dropped at the end.
#include "dashboards/explaintaskchart.h"
#include "explain/explainpage.h"
#include "explain/routingpreviewlabel.h"
#include "live/liveclustersource.h"
#include "live/pgsession.h"

#include <QCheckBox>
#include <QDir>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace shardscope;

namespace {

live::ConnectionOptions citusOptions()
{
    Result<live::ConnectionOptions> options =
        live::ConnectionOptions::parse(qEnvironmentVariable("CITUS_TEST_DSN").toStdString());
    return options ? options.value() : live::ConnectionOptions();
}

} // namespace

class TestCitusExplainPage : public QObject
{
    Q_OBJECT

    std::unique_ptr<live::PgSession> m_session;

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("CITUS_TEST_DSN"))
            QSKIP("CITUS_TEST_DSN is not set: no Citus coordinator to test against.");
        m_session = std::make_unique<live::PgSession>(citusOptions());
        QVERIFY(m_session->connect().ok());
        for (const char* sql : {
                 "DROP SCHEMA IF EXISTS ex_check_gui CASCADE",
                 "CREATE SCHEMA ex_check_gui",
                 "CREATE TABLE ex_check_gui.events (tenant_id int NOT NULL, id bigint NOT NULL, kind text)",
                 "SELECT create_distributed_table('ex_check_gui.events', 'tenant_id', shard_count := 8)",
                 "INSERT INTO ex_check_gui.events SELECT 1 + g % 40, g, 'k' || g % 3 FROM generate_series(1, 4000) g",
             }) {
            Result<live::QueryResult> r = m_session->exec(sql);
            QVERIFY2(r.ok(), r.ok() ? sql : r.error().message.c_str());
        }
    }

    void cleanupTestCase()
    {
        if (m_session && m_session->isConnected())
            (void)m_session->exec("DROP SCHEMA IF EXISTS ex_check_gui CASCADE");
    }

    void sampledPlanRerunsWithAllTasks()
    {
        live::LiveClusterSource source(citusOptions());
        QSignalSpy snapshot(&source, &ClusterSource::snapshotReady);
        source.refresh(); // for the routing line under the editor
        ExplainPage page;
        page.setClusterSource(&source);
        page.resize(1400, 900);
        page.show();
        QVERIFY(snapshot.wait(60000));

        QTest::keyClicks(page.sqlEditor(),
                         QStringLiteral("SELECT kind, count(*) FROM ex_check_gui.events GROUP BY kind"));
        page.findChild<QCheckBox*>()->click(); // ANALYZE
        QSignalSpy loaded(&page, &ExplainPage::planLoaded);
        QTest::mouseClick(page.runButton(), Qt::LeftButton);
        QVERIFY(loaded.wait(60000));
        QVERIFY2(page.samplingBanner().contains(QLatin1String("Only 1 of 8 tasks")), qPrintable(page.samplingBanner()));
        QCOMPARE(page.taskChart()->taskBarCount(), 0);

        QVERIFY(page.rerunAllTasksButton()->isEnabled());
        QTest::mouseClick(page.rerunAllTasksButton(), Qt::LeftButton);
        QVERIFY(page.allTasksOption()->isChecked());
        QVERIFY(loaded.wait(60000));
        QVERIFY(page.samplingBanner().isEmpty());
        QCOMPARE(page.taskChart()->taskBarCount(), 8);
        QVERIFY(page.taskChart()->workerCount() >= 1);
        QVERIFY2(page.runStatus().contains(QLatin1String("EXPLAIN ran on")), qPrintable(page.runStatus()));
        QTRY_VERIFY_WITH_TIMEOUT(page.routingPreview()->text().contains(QLatin1String("8 shards")), 20000);

        const QString dir = qEnvironmentVariable("SHARDSCOPE_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(page.grab().save(QDir(dir).filePath(QStringLiteral("explain_live_citus.png"))));
    }
};

QTEST_MAIN(TestCitusExplainPage)
#include "tst_citus_explainpage.moc"
