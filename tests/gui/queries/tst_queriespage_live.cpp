// SPDX-License-Identifier: MIT
// The Queries page on a live connection to the throw-away PostgreSQL server (pg_stat_statements loaded, a
// synthetic Citus catalog in a scratch schema), offscreen: statistics read on the page's own connection, a
// citus_stat_statements view classified, the page's interval reading again, and a database without the
// extension said in the banner.
#include "clusterselection.h"
#include "live/liveclustersource.h"
#include "live/pgsession.h"
#include "pgtestserver.h"
#include "queries/queriespage.h"
#include "queries/statementtablemodel.h"
#include "syntheticcatalog.h"

#include <QComboBox>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using namespace shardscope;

namespace {

live::ConnectionOptions serverOptions()
{
    auto options = live::ConnectionOptions::parse(test::PgTestServer::conninfo().toStdString());
    return options ? *options : live::ConnectionOptions();
}

} // namespace

class TestQueriesPageLive : public QObject
{
    Q_OBJECT

private:
    std::string m_schema = "q_gui_" + std::to_string(QRandomGenerator::global()->generate() % 1000000);
    std::unique_ptr<live::PgSession> m_admin;
    ClusterSelection m_selection;

    std::unique_ptr<live::LiveClusterSource> makeSource(const live::ConnectionOptions& options)
    {
        auto source = std::make_unique<live::LiveClusterSource>(options);
        live::CatalogOptions catalog;
        catalog.schema = m_schema;
        source->setCatalogOptions(catalog);
        return source;
    }

    void run(const std::string& sql, int times = 1)
    {
        for (int i = 0; i < times; ++i)
            QVERIFY2(m_admin->exec(sql, {std::to_string(i + 1)}).ok(), sql.c_str());
    }

    // The model row whose statement contains text, or -1.
    static int rowOf(const QueriesPage& page, const QString& text)
    {
        for (int row = 0; row < page.model()->rowCount(); ++row) {
            if (page.model()->index(row, StatementTableModel::StatementColumn).data().toString().contains(text))
                return row;
        }
        return -1;
    }

    static QString cell(const QueriesPage& page, int row, int column)
    {
        return page.model()->index(row, column).data().toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (test::PgTestServer::conninfo().isEmpty())
            QFAIL(qPrintable(test::PgTestServer::error()));
        m_admin = std::make_unique<live::PgSession>(serverOptions());
        QVERIFY(m_admin->connect().ok());
        QVERIFY(m_admin->exec("CREATE EXTENSION IF NOT EXISTS pg_stat_statements").ok());
        test::SyntheticCatalogShape shape;
        shape.schema = m_schema;
        QVERIFY(test::createSyntheticCatalog(*m_admin, shape).ok());
    }

    void cleanupTestCase()
    {
        if (m_admin)
            (void)test::dropSyntheticCatalog(*m_admin, m_schema);
    }

    void plainPostgresListsStatementsWithANotice()
    {
        run("SELECT payload FROM " + m_schema + ".t1 WHERE id = $1", 4);
        auto source = makeSource(serverOptions());
        QueriesPage page(PageContext{source.get(), &m_selection});
        page.resize(1200, 900);
        page.show();
        QVERIFY(page.findChild<QComboBox*>(QStringLiteral("statisticsInterval"))->isVisible());
        QSignalSpy updated(&page, &QueriesPage::reportUpdated);
        source->refresh();
        QVERIFY(updated.wait(30000));
        const int row = rowOf(page, QString::fromStdString(m_schema + ".t1 WHERE id = $1"));
        QVERIFY2(row >= 0, qPrintable(page.statusText()));
        QCOMPARE(cell(page, row, StatementTableModel::CallsColumn), QStringLiteral("4"));
        QCOMPARE(cell(page, row, StatementTableModel::ClassColumn), QStringLiteral("unknown"));
        QVERIFY2(page.bannerText().contains(QLatin1String("citus_stat_statements is missing")),
                 qPrintable(page.bannerText()));
        QVERIFY(page.statusText().contains(QLatin1String("Read from the coordinator")));
    }

    void citusStatisticsAreClassified()
    {
        // A view shaped like Citus's, found first on the page's search_path: every execution was keyed.
        const std::string view = m_schema + ".citus_stat_statements";
        QVERIFY(m_admin
                    ->exec("CREATE VIEW " + view +
                           " AS SELECT queryid, userid, dbid, query, 'adaptive'::text AS executor, "
                           "'7'::text AS partition_key, calls FROM pg_stat_statements WHERE queryid IS NOT NULL")
                    .ok());
        run("SELECT payload FROM " + m_schema + ".t2 WHERE id = $1", 3);
        run("SELECT count(*) FROM " + m_schema + ".t2 WHERE payload = $1::text", 2);
        auto source = makeSource(serverOptions().with("options", "-c search_path=" + m_schema + ",public"));
        QueriesPage page(PageContext{source.get(), &m_selection});
        page.show();
        QSignalSpy updated(&page, &QueriesPage::reportUpdated);
        source->refresh();
        QVERIFY(updated.wait(30000));
        const int router = rowOf(page, QString::fromStdString(m_schema + ".t2 WHERE id = $1"));
        QVERIFY(router >= 0);
        QCOMPARE(cell(page, router, StatementTableModel::ClassColumn), QStringLiteral("router"));
        QCOMPARE(cell(page, router, StatementTableModel::ShardsColumn), QStringLiteral("1"));
        const int scan = rowOf(page, QString::fromStdString(m_schema + ".t2 WHERE payload = $1"));
        QVERIFY(scan >= 0);
        QVERIFY(!page.bannerText().contains(QLatin1String("missing")));

        // The page's own interval reads again without a new snapshot: the counters grow.
        page.setStatisticsInterval(200);
        QCOMPARE(page.statisticsInterval(), 200);
        run("SELECT payload FROM " + m_schema + ".t2 WHERE id = $1", 2);
        QTRY_COMPARE_WITH_TIMEOUT(cell(page, rowOf(page, QString::fromStdString(m_schema + ".t2 WHERE id = $1")),
                                       StatementTableModel::CallsColumn),
                                  QStringLiteral("5"), 30000);
        page.setStatisticsInterval(0);
        QCOMPARE(page.statisticsInterval(), 0);
        QVERIFY(m_admin->exec("DROP VIEW " + view).ok());
    }

    void missingExtensionIsSaid()
    {
        const std::string database = m_schema + "_noext";
        QVERIFY(m_admin->exec("CREATE DATABASE " + database).ok());
        {
            const live::ConnectionOptions options = serverOptions().with("dbname", database);
            live::PgSession session(options);
            QVERIFY(session.connect().ok());
            test::SyntheticCatalogShape shape;
            shape.schema = m_schema;
            QVERIFY(test::createSyntheticCatalog(session, shape).ok());
            auto source = makeSource(options);
            QueriesPage page(PageContext{source.get(), &m_selection});
            page.show();
            QSignalSpy updated(&page, &QueriesPage::reportUpdated);
            source->refresh();
            QVERIFY(updated.wait(30000));
            QVERIFY2(page.bannerText().contains(QLatin1String("pg_stat_statements is not installed")),
                     qPrintable(page.bannerText()));
            QVERIFY(page.bannerText().contains(QLatin1String("CREATE EXTENSION pg_stat_statements")));
            QCOMPARE(page.model()->rowCount(), 0);
        }
        QVERIFY(m_admin->exec("DROP DATABASE " + database + " WITH (FORCE)").ok());
    }
};

QTEST_MAIN(TestQueriesPageLive)
#include "tst_queriespage_live.moc"
