// SPDX-License-Identifier: MIT
// The EXPLAIN page on a live connection (the throw-away PostgreSQL server), offscreen: Run EXPLAIN, ANALYZE of an
// INSERT rolled back, Cancel, an error in plain words, and the sampling banner's re-run with all tasks.
#include "explain/explainpage.h"
#include "explain/plantreemodel.h"
#include "explain/plantreeview.h"
#include "live/liveclustersource.h"
#include "live/pgsession.h"
#include "pgtestserver.h"
#include "testdata.h"

#include <QCheckBox>
#include <QDir>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace shardscope;

namespace {

live::ConnectionOptions testOptions()
{
    Result<live::ConnectionOptions> options =
        live::ConnectionOptions::parse(test::PgTestServer::conninfo().toStdString());
    return options ? options.value() : live::ConnectionOptions();
}

/** Types the statement into the editor as a user would. */
void type(ExplainPage& page, const QString& sql)
{
    page.sqlEditor()->clear();
    QTest::keyClicks(page.sqlEditor(), sql);
}

/** A picture of the page for a human to look at, when SHARDSCOPE_SCREENSHOT_DIR is set. */
void saveShot(ExplainPage& page, const QString& name)
{
    const QString dir = qEnvironmentVariable("SHARDSCOPE_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QTest::qWait(100); // let the layout settle first
    page.grab().save(QDir(dir).filePath(name));
}

} // namespace

class TestExplainPageLive : public QObject
{
    Q_OBJECT

    std::unique_ptr<live::PgSession> m_session;
    std::unique_ptr<live::LiveClusterSource> m_source;

    QString scalar(const std::string& sql)
    {
        Result<live::QueryResult> r = m_session->exec(sql);
        return QString::fromStdString(r ? r->text(0, 0) : "error: " + r.error().message);
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (test::PgTestServer::conninfo().isEmpty())
            QFAIL(qPrintable(test::PgTestServer::error()));
        m_session = std::make_unique<live::PgSession>(testOptions());
        QVERIFY(m_session->connect().ok());
        QVERIFY(m_session->exec("DROP TABLE IF EXISTS ex_gui").ok());
        QVERIFY(m_session->exec("CREATE TABLE ex_gui (id int PRIMARY KEY, v text)").ok());
        QVERIFY(m_session->exec("INSERT INTO ex_gui SELECT g, 'v' || g FROM generate_series(1, 20) g").ok());
        m_source = std::make_unique<live::LiveClusterSource>(testOptions());
    }

    void cleanupTestCase()
    {
        if (m_session)
            (void)m_session->exec("DROP TABLE IF EXISTS ex_gui");
    }

    void runPlanThroughThePage()
    {
        ExplainPage page;
        QVERIFY(!page.runButton()->isEnabled()); // no connection yet
        page.setClusterSource(m_source.get());
        page.resize(1200, 800);
        page.show();
        QVERIFY(!page.runButton()->isEnabled()); // no statement yet
        type(page, QStringLiteral("SELECT * FROM ex_gui WHERE v = 'v3'"));
        QVERIFY(page.runButton()->isEnabled());

        QSignalSpy loaded(&page, &ExplainPage::planLoaded);
        QTest::mouseClick(page.runButton(), Qt::LeftButton);
        QVERIFY(!page.runButton()->isEnabled()); // one run at a time
        QVERIFY(loaded.wait(30000));
        QVERIFY(page.analysis());
        QCOMPARE(page.treeView()->planModel()->rowLabel(0), QStringLiteral("Seq Scan on ex_gui"));
        // Plain PostgreSQL has no coordinator: the plan ran on "the server".
        PlanTreeModel* model = page.treeView()->planModel();
        QCOMPARE(model->index(0, PlanTreeModel::WorkerColumn).data().toString(), QStringLiteral("server"));
        QVERIFY2(page.runStatus().contains(QLatin1String("EXPLAIN ran on")), qPrintable(page.runStatus()));
        QVERIFY(!page.runStatus().contains(QLatin1String("rolled back")));
        QVERIFY(page.runButton()->isEnabled());
        QVERIFY(page.cancelButton()->isHidden());
    }

    void analyzeOfInsertIsRolledBack()
    {
        ExplainPage page;
        page.setClusterSource(m_source.get());
        page.show();
        type(page, QStringLiteral("INSERT INTO ex_gui SELECT g, 'x' FROM generate_series(100, 149) g"));
        auto* analyze = page.findChild<QCheckBox*>();
        QVERIFY(analyze && analyze->text() == QLatin1String("ANALYZE"));
        analyze->click();
        QVERIFY(page.scriptPreview().contains(QLatin1String("rolled back")));
        QSignalSpy loaded(&page, &ExplainPage::planLoaded);
        QTest::mouseClick(page.runButton(), Qt::LeftButton);
        QVERIFY(loaded.wait(30000));
        QVERIFY2(page.runStatus().contains(QLatin1String("rolled back: nothing was changed")),
                 qPrintable(page.runStatus()));
        saveShot(page, QStringLiteral("explain_live_rolled_back.png"));
        QVERIFY(page.analysis()->plan->first()->plan()->analyzed());
        QCOMPARE(scalar("SELECT count(*) FROM ex_gui"), QStringLiteral("20"));
    }

    void cancelSlowStatement()
    {
        ExplainPage page;
        page.setClusterSource(m_source.get());
        page.show();
        type(page, QStringLiteral("SELECT pg_sleep(60)"));
        page.findChild<QCheckBox*>()->click(); // ANALYZE: really sleeps
        QSignalSpy failed(&page, &ExplainPage::runFailed);
        QTest::mouseClick(page.runButton(), Qt::LeftButton);
        QVERIFY(page.cancelButton()->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(scalar("SELECT count(*) FROM pg_stat_activity WHERE query LIKE "
                                         "'EXPLAIN%pg_sleep%' AND pid <> pg_backend_pid()"),
                                  QStringLiteral("1"), 20000);
        QTest::mouseClick(page.cancelButton(), Qt::LeftButton);
        QVERIFY2(page.runStatus().startsWith(QLatin1String("Cancelling")), qPrintable(page.runStatus())); // at once
        saveShot(page, QStringLiteral("explain_live_cancelling.png"));
        QVERIFY(!failed.isEmpty() || failed.wait(20000)); // it may already have ended
        QVERIFY2(page.runStatus().contains(QLatin1String("EXPLAIN was cancelled")), qPrintable(page.runStatus()));
        QVERIFY(page.cancelButton()->isHidden());
        QVERIFY(page.runButton()->isEnabled());
    }

    void syntaxErrorInPlainWords()
    {
        ExplainPage page;
        page.setClusterSource(m_source.get());
        page.show();
        type(page, QStringLiteral("SELEC * FROM ex_gui"));
        QSignalSpy failed(&page, &ExplainPage::runFailed);
        QTest::keyClick(page.sqlEditor(), Qt::Key_Return, Qt::ControlModifier); // Ctrl+Enter runs
        QVERIFY(failed.wait(30000));
        const QString status = page.runStatus();
        QVERIFY2(status.startsWith(QLatin1String("The statement is not valid SQL: syntax error at or near \"SELEC\"")),
                 qPrintable(status));
        QVERIFY(status.contains(QLatin1String("42601")));
        saveShot(page, QStringLiteral("explain_live_syntax_error.png"));
    }

    void sampledPlanOffersRerunWithAllTasks()
    {
        ExplainPage page;
        page.setClusterSource(m_source.get());
        page.show();
        // A plan of 1 of 32 tasks opened from a file: the banner offers the re-run on this connection.
        QSignalSpy loaded(&page, &ExplainPage::planLoaded);
        page.openPlanFile(test::dataPath(QStringLiteral("explain/03_explain_analyze_colocated_join.json")));
        QVERIFY(loaded.wait(20000));
        // A JSON plan does not carry its statement: the banner asks for it and the button waits for it.
        QVERIFY2(page.samplingBanner().contains(QLatin1String("Type the statement in the editor above")),
                 qPrintable(page.samplingBanner()));
        QVERIFY(page.rerunAllTasksButton()->isVisible());
        QVERIFY(!page.rerunAllTasksButton()->isEnabled());
        type(page, QStringLiteral("SELECT count(*) FROM ex_gui"));
        QVERIFY(page.samplingBanner().contains(QLatin1String("Re-run with all tasks to see every task")));
        QVERIFY(page.rerunAllTasksButton()->isEnabled());
        QTest::mouseClick(page.rerunAllTasksButton(), Qt::LeftButton);
        QVERIFY(page.allTasksOption()->isChecked());
        QVERIFY(page.scriptPreview().contains(QLatin1String("SET LOCAL citus.explain_all_tasks = on")));
        QVERIFY(loaded.wait(30000));
        // The live plan replaced the sample (plain PostgreSQL: not distributed, so no banner).
        QVERIFY(page.samplingBanner().isEmpty());
        QCOMPARE(page.treeView()->planModel()->rowLabel(0), QStringLiteral("Aggregate"));
    }
};

QTEST_MAIN(TestExplainPageLive)
#include "tst_explainpage_live.moc"
