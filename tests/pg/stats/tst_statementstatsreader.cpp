// SPDX-License-Identifier: MIT
// live::readStatementStats on the throw-away PostgreSQL server (pg_stat_statements loaded, no Citus): limited
// mode with its notice, other roles' statements hidden from a role without pg_read_all_stats, a database
// without the extension refused with what to do, and the query of a plain EXPLAIN not counted as a call.
#include "live/pgsession.h"
#include "live/statementstatsreader.h"
#include "pgtestserver.h"
#include "stats/statementstats.h"

#include <QRandomGenerator>
#include <QTest>

using namespace shardscope;

namespace {

live::ConnectionOptions serverOptions()
{
    auto options = live::ConnectionOptions::parse(test::PgTestServer::conninfo().toStdString());
    return options ? *options : live::ConnectionOptions();
}

} // namespace

class TestStatementStatsReader : public QObject
{
    Q_OBJECT

private:
    std::string m_name = "q_reader_" + std::to_string(QRandomGenerator::global()->generate() % 1000000);
    std::unique_ptr<live::PgSession> m_admin;

    bool exec(const std::string& sql)
    {
        auto result = m_admin->exec(sql);
        if (!result)
            qWarning("%s: %s", sql.c_str(), result.error().message.c_str());
        return result.ok();
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (test::PgTestServer::conninfo().isEmpty())
            QFAIL(qPrintable(test::PgTestServer::error()));
        m_admin = std::make_unique<live::PgSession>(serverOptions());
        QVERIFY(m_admin->connect().ok());
        QVERIFY(exec("CREATE EXTENSION IF NOT EXISTS pg_stat_statements"));
        QVERIFY(exec("CREATE TABLE " + m_name + " (id bigint PRIMARY KEY, v text)"));
    }

    void cleanupTestCase()
    {
        if (!m_admin)
            return;
        exec("DROP TABLE IF EXISTS " + m_name);
        exec("DROP ROLE IF EXISTS " + m_name);
        exec("DROP DATABASE IF EXISTS " + m_name + " WITH (FORCE)");
    }

    void limitedModeWithoutCitus()
    {
        for (int i = 0; i < 3; ++i)
            QVERIFY(m_admin->exec("SELECT v FROM " + m_name + " WHERE id = $1", {std::to_string(i)}).ok());
        QVERIFY(exec("EXPLAIN SELECT v FROM " + m_name + " WHERE id = 1"));
        auto input = live::readStatementStats(*m_admin);
        QVERIFY2(input.ok(), input.ok() ? "" : input.error().message.c_str());
        QVERIFY(!input->citusAvailable);
        QVERIFY(input->citus.empty());
        QVERIFY(QString::fromStdString(input->notice).contains(QLatin1String("citus_stat_statements is missing")));
        const auto statements = stats::aggregateStatements(input->citus, input->pgss);
        const std::string text = "SELECT v FROM " + m_name + " WHERE id = $1";
        const auto it = std::find_if(statements.begin(), statements.end(),
                                     [&](const stats::StatementFigures& figures) { return figures.query == text; });
        QVERIFY(it != statements.end());
        QCOMPARE(it->calls, std::int64_t{3}); // the EXPLAIN planned it, it did not run it
    }

    void otherRolesStatementsAreHidden()
    {
        QVERIFY(exec("CREATE ROLE " + m_name + " LOGIN"));
        live::PgSession session(serverOptions().with("user", m_name));
        QVERIFY(session.connect().ok());
        auto input = live::readStatementStats(session);
        QVERIFY2(input.ok(), input.ok() ? "" : input.error().message.c_str());
        QVERIFY2(QString::fromStdString(input->notice).contains(QLatin1String("grant pg_read_all_stats")),
                 input->notice.c_str());
        for (const stats::PgStatRow& row : input->pgss)
            QVERIFY(row.query != "<insufficient privilege>");
    }

    void missingExtensionIsRefused()
    {
        QVERIFY(exec("CREATE DATABASE " + m_name));
        live::PgSession session(serverOptions().with("dbname", m_name));
        QVERIFY(session.connect().ok());
        auto input = live::readStatementStats(session);
        QVERIFY(!input.ok());
        QCOMPARE(input.error().code, std::string("shardscope.no_pg_stat_statements"));
        QVERIFY(QString::fromStdString(input.error().hint).contains(QLatin1String("CREATE EXTENSION")));
        session.disconnect();
    }
};

QTEST_GUILESS_MAIN(TestStatementStatsReader)
#include "tst_statementstatsreader.moc"
