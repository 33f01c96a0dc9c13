// SPDX-License-Identifier: MIT
// The Queries page on a real Citus coordinator (CITUS_TEST_DSN), offscreen: statements run in a schema of our
// own show up with Citus's executor, the class and shards the CLI gives, and the page's interval reads again.
#include "clusterselection.h"
#include "live/liveclustersource.h"
#include "live/pgsession.h"
#include "queries/queriespage.h"
#include "queries/statementtablemodel.h"

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using namespace shardscope;

class TestQueriesPageCitus : public QObject
{
    Q_OBJECT

private:
    std::string m_schema = "fanout_page_" + std::to_string(QRandomGenerator::global()->generate() % 1000000);
    std::unique_ptr<live::PgSession> m_session;
    ClusterSelection m_selection;

    bool exec(const std::string& sql)
    {
        auto result = m_session->exec(sql);
        if (!result)
            qWarning("%s: %s", sql.c_str(), result.error().message.c_str());
        return result.ok();
    }

    static int rowOf(const QueriesPage& page, const std::string& text)
    {
        for (int row = 0; row < page.model()->rowCount(); ++row) {
            if (page.model()
                    ->index(row, 0)
                    .data(StatementTableModel::SqlRole)
                    .toString()
                    .contains(QString::fromStdString(text)))
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
        const QString dsn = qEnvironmentVariable("CITUS_TEST_DSN");
        if (dsn.isEmpty())
            QSKIP("CITUS_TEST_DSN is not set: no Citus coordinator to check against");
        auto options = live::ConnectionOptions::parse(dsn.toStdString());
        QVERIFY(options.ok());
        m_session = std::make_unique<live::PgSession>(*options);
        QVERIFY(m_session->connect().ok());
        const std::string s = m_schema;
        for (const std::string& statement : {
                 "CREATE SCHEMA " + s,
                 std::string("SET citus.shard_count = 4"),
                 "CREATE TABLE " + s + ".accounts (account_id bigint PRIMARY KEY, plan text)",
                 "CREATE TABLE " + s + ".archive (account_id bigint, plan text)",
                 "SELECT create_distributed_table('" + s + ".accounts', 'account_id')",
                 "SELECT create_distributed_table('" + s + ".archive', 'account_id', colocate_with => '" + s +
                     ".accounts')",
                 "INSERT INTO " + s + ".accounts SELECT i, 'free' FROM generate_series(1, 50) i",
             })
            QVERIFY(exec(statement));
        for (int i = 1; i <= 3; ++i)
            QVERIFY(exec("SELECT plan FROM " + s + ".accounts WHERE account_id = " + std::to_string(-i)));
        QVERIFY(exec("INSERT INTO " + s + ".archive (account_id, plan) SELECT plan::bigint, plan FROM " + s +
                     ".accounts WHERE plan = '7'"));
    }

    void cleanupTestCase()
    {
        if (m_session)
            (void)m_session->exec("DROP SCHEMA IF EXISTS " + m_schema + " CASCADE");
    }

    void pageShowsCitusStatistics()
    {
        auto source = std::make_unique<live::LiveClusterSource>(
            *live::ConnectionOptions::parse(qEnvironmentVariable("CITUS_TEST_DSN").toStdString()));
        QueriesPage page(PageContext{source.get(), &m_selection});
        page.setCitusTablesOnly(true);
        page.resize(1400, 900);
        page.show();
        QSignalSpy updated(&page, &QueriesPage::reportUpdated);
        source->refresh();
        QVERIFY(updated.wait(60000));
        QVERIFY2(!page.bannerText().contains(QLatin1String("could not be read")), qPrintable(page.bannerText()));

        // Negative keys: Citus ran a router plan per value.
        const int router = rowOf(page, m_schema + ".accounts WHERE account_id = $1");
        QVERIFY2(router >= 0, qPrintable(page.statusText()));
        QCOMPARE(cell(page, router, StatementTableModel::CallsColumn), QStringLiteral("3"));
        QCOMPARE(cell(page, router, StatementTableModel::ClassColumn), QStringLiteral("router"));
        QCOMPARE(cell(page, router, StatementTableModel::ShardsColumn), QStringLiteral("1"));
        QCOMPARE(cell(page, router, StatementTableModel::ExecutorColumn), QStringLiteral("adaptive"));

        // The key is fed by an expression: Citus repartitions the SELECT's rows.
        const int insertSelect = rowOf(page, "INSERT INTO " + m_schema + ".archive");
        QVERIFY(insertSelect >= 0);
        QCOMPARE(cell(page, insertSelect, StatementTableModel::ClassColumn), QStringLiteral("repartition"));
        QCOMPARE(cell(page, insertSelect, StatementTableModel::ExecutorColumn),
                 QStringLiteral("insert-select (repartition)"));

        // The page's own interval reads again.
        page.setStatisticsInterval(200);
        QVERIFY(exec("SELECT plan FROM " + m_schema + ".accounts WHERE account_id = 9"));
        QTRY_COMPARE_WITH_TIMEOUT(
            cell(page, rowOf(page, m_schema + ".accounts WHERE account_id = $1"), StatementTableModel::CallsColumn),
            QStringLiteral("4"), 60000);
        page.setStatisticsInterval(0);
    }
};

QTEST_MAIN(TestQueriesPageCitus)
#include "tst_queriespage_citus.moc"
