// SPDX-License-Identifier: MIT
// Statements run on the throw-away server, read back from pg_stat_statements as the server normalizes them,
// then aggregated and classified against a catalog that describes the same tables as a Citus cluster would.
#include "pgtestserver.h"
#include "stats/fanoutclassifier.h"
#include "stats/statementstats.h"

#include <QRandomGenerator>
#include <QTest>
#include <libpq-fe.h>
#include <memory>

using namespace shardscope::stats;
using shardscope::engine::TableKind;

namespace {

struct PgResultDeleter
{
    void operator()(PGresult* result) const { PQclear(result); }
};
using PgResultPtr = std::unique_ptr<PGresult, PgResultDeleter>;

} // namespace

class TestStatementStatsServer : public QObject
{
    Q_OBJECT

private:
    PGconn* m_conn = nullptr;
    // A schema per run: pg_stat_statements outlives the tables, and repeated runs must not add up.
    QByteArray m_schema = "fanout_" + QByteArray::number(QRandomGenerator::global()->generate() % 1000000000);

    QByteArray named(const char* sql) const { return QByteArray(sql).replace("fanout_t", m_schema); }
    QString named(const QString& sql) const
    {
        return QString(sql).replace(QStringLiteral("fanout_t"), QString::fromLatin1(m_schema));
    }

    PgResultPtr exec(const char* text, const QList<QByteArray>& parameters = {})
    {
        const QByteArray sql = named(text);
        std::vector<const char*> values;
        for (const QByteArray& parameter : parameters)
            values.push_back(parameter.constData());
        return PgResultPtr(PQexecParams(m_conn, sql.constData(), static_cast<int>(values.size()), nullptr,
                                        values.data(), nullptr, nullptr, 0));
    }

    bool ok(const PgResultPtr& result)
    {
        const auto status = PQresultStatus(result.get());
        if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
            return true;
        qWarning("%s", PQresultErrorMessage(result.get()));
        return false;
    }

    TableCatalog catalog() const
    {
        const std::string schema = m_schema.toStdString();
        TableCatalog catalog;
        catalog.add(CatalogTable{schema, "users", TableKind::HashDistributed, "user_id", 1, 32, 4});
        catalog.add(CatalogTable{schema, "events", TableKind::HashDistributed, "user_id", 1, 32, 4});
        catalog.add(CatalogTable{schema, "countries", TableKind::Reference, "", 2, 1, 5});
        return catalog;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString conninfo = shardscope::test::PgTestServer::conninfo();
        QVERIFY2(!conninfo.isEmpty(), qPrintable(shardscope::test::PgTestServer::error()));
        m_conn = PQconnectdb(conninfo.toUtf8().constData());
        QVERIFY2(PQstatus(m_conn) == CONNECTION_OK, PQerrorMessage(m_conn));
        for (const char* sql : {
                 "CREATE EXTENSION IF NOT EXISTS pg_stat_statements",
                 "DROP SCHEMA IF EXISTS fanout_t CASCADE",
                 "CREATE SCHEMA fanout_t",
                 "CREATE TABLE fanout_t.users (user_id bigint PRIMARY KEY, email text)",
                 "CREATE TABLE fanout_t.events (user_id bigint, event_type text, country text)",
                 "CREATE TABLE fanout_t.countries (code text PRIMARY KEY, name text)",
                 "INSERT INTO fanout_t.users SELECT i, 'u' || i FROM generate_series(1, 100) i",
                 "INSERT INTO fanout_t.countries VALUES ('DE', 'Germany'), ('FR', 'France')",
             }) {
            QVERIFY(ok(exec(sql)));
        }
    }

    void cleanupTestCase()
    {
        exec("DROP SCHEMA IF EXISTS fanout_t CASCADE");
        PQfinish(m_conn);
    }

    void normalizedStatementsAreClassified()
    {
        // The workload: parameters and literals alike become $n in pg_stat_statements.
        for (int i = 1; i <= 7; ++i) {
            QVERIFY(ok(exec("SELECT count(*) FROM fanout_t.events WHERE user_id = $1", {QByteArray::number(i)})));
            QVERIFY(ok(exec("INSERT INTO fanout_t.events (user_id, event_type, country) VALUES ($1, 'click', 'DE')",
                            {QByteArray::number(i)})));
        }
        for (int i = 0; i < 3; ++i) {
            QVERIFY(ok(exec("SELECT count(*) FROM fanout_t.events WHERE event_type = 'click'")));
            QVERIFY(ok(exec("SELECT u.email, count(*) FROM fanout_t.users u JOIN fanout_t.events e "
                            "ON e.user_id = u.user_id GROUP BY u.email")));
        }
        QVERIFY(ok(exec("SELECT * FROM fanout_t.events WHERE user_id IN (1, 2, 3)")));
        QVERIFY(ok(exec("SELECT c.name FROM fanout_t.events e JOIN fanout_t.countries c ON c.code = e.country")));
        QVERIFY(ok(exec("SELECT name FROM fanout_t.countries WHERE code = 'DE'")));
        QVERIFY(ok(exec("SELECT * FROM fanout_t.users u JOIN fanout_t.events e ON u.email = e.event_type")));

        const PgResultPtr result =
            exec("SELECT queryid, userid, dbid, calls, total_exec_time, query FROM pg_stat_statements "
                 "WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) "
                 "AND query LIKE '%fanout_t.%' AND query NOT LIKE '%CREATE%' AND query NOT LIKE '%DROP%' "
                 "AND query NOT LIKE '%generate_series%' AND query NOT LIKE 'INSERT INTO fanout_t.countries%'");
        QVERIFY(ok(result));
        std::vector<PgStatRow> rows;
        for (int i = 0; i < PQntuples(result.get()); ++i) {
            rows.push_back(PgStatRow{QByteArray(PQgetvalue(result.get(), i, 0)).toLongLong(),
                                     QByteArray(PQgetvalue(result.get(), i, 1)).toUInt(),
                                     QByteArray(PQgetvalue(result.get(), i, 2)).toUInt(),
                                     PQgetvalue(result.get(), i, 5),
                                     QByteArray(PQgetvalue(result.get(), i, 3)).toLongLong(),
                                     QByteArray(PQgetvalue(result.get(), i, 4)).toDouble()});
        }
        const std::vector<StatementFigures> statements = aggregateStatements({}, rows);
        const TableCatalog tables = catalog();
        QMap<QString, QString> seen; // normalized text -> "class shards calls"
        for (const StatementFigures& figures : statements) {
            const Fanout fanout = classifyStatement(figures.query, tables);
            seen.insert(QString::fromStdString(figures.query)
                            .replace(QString::fromLatin1(m_schema), QStringLiteral("fanout_t")),
                        QStringLiteral("%1 %2 %3")
                            .arg(QString::fromLatin1(fanoutClassName(fanout.kind).data()))
                            .arg(fanout.shards.value_or(-1))
                            .arg(figures.calls));
            QVERIFY(figures.totalTimeMs.has_value());
        }
        const QMap<QString, QString> expected{
            {QStringLiteral("SELECT count(*) FROM fanout_t.events WHERE user_id = $1"), QStringLiteral("router 1 7")},
            {QStringLiteral("INSERT INTO fanout_t.events (user_id, event_type, country) VALUES ($1, $2, $3)"),
             QStringLiteral("router 1 7")},
            {QStringLiteral("SELECT count(*) FROM fanout_t.events WHERE event_type = $1"),
             QStringLiteral("multi-shard 32 3")},
            {QStringLiteral("SELECT u.email, count(*) FROM fanout_t.users u JOIN fanout_t.events e ON e.user_id = "
                            "u.user_id GROUP BY u.email"),
             QStringLiteral("multi-shard 32 3")},
            {QStringLiteral("SELECT * FROM fanout_t.events WHERE user_id IN ($1, $2, $3)"),
             QStringLiteral("multi-shard 3 1")},
            {QStringLiteral("SELECT c.name FROM fanout_t.events e JOIN fanout_t.countries c ON c.code = e.country"),
             QStringLiteral("multi-shard 32 1")},
            {QStringLiteral("SELECT name FROM fanout_t.countries WHERE code = $1"), QStringLiteral("reference 1 1")},
            {QStringLiteral("SELECT * FROM fanout_t.users u JOIN fanout_t.events e ON u.email = e.event_type"),
             QStringLiteral("repartition -1 1")},
        };
        QCOMPARE(seen, expected);
    }
};

QTEST_GUILESS_MAIN(TestStatementStatsServer)
#include "tst_statementstats_server.moc"
