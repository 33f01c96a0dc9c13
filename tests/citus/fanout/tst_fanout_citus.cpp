// SPDX-License-Identifier: MIT
// shardscope-cli fanout on a real Citus coordinator (CITUS_TEST_DSN). A workload of router, multi-shard,
// reference, colocated and repartition joins and INSERT ... SELECT runs in a schema of its own; every statement
// carries a marker comment, which pg_stat_statements keeps, so its line in the CLI's JSON is found. Each class
// is checked against what Citus itself says: the executor and key values in citus_stat_statements and the task
// count or INSERT/SELECT method of EXPLAIN.
#include "live/connectionoptions.h"
#include "live/pgsession.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>

using namespace shardscope;

namespace {

QString dsn()
{
    return qEnvironmentVariable("CITUS_TEST_DSN");
}

struct Case
{
    const char* name;
    const char* sql;         ///< S stands for the schema
    const char* kind;        ///< the class the CLI must print
    int shards;              ///< fanout_shards, -1 for null
    const char* executor;    ///< citus_stat_statements' executor
    bool keyed;              ///< Citus recorded a key value for the executions
    const char* explainHint; ///< a line EXPLAIN must print ("Task Count: N" is compared with the shards)
};

// 8 shards per distributed table; users, events, events_copy colocated on user_id; other by oid_key alone.
const Case kCases[] = {
    {"router", "SELECT name FROM S.users WHERE user_id = 7", "router", 1, "adaptive", true, "Task Count: 1"},
    {"negative key", "SELECT name, country FROM S.users WHERE user_id = -5", "router", 1, "adaptive", true,
     "Task Count: 1"},
    {"negative cast key", "SELECT name FROM S.users WHERE user_id = -5::bigint", "router", 1, "adaptive", true,
     "Task Count: 1"},
    {"router update", "UPDATE S.users SET name = 'x' WHERE user_id = 3", "router", 1, "adaptive", true,
     "Task Count: 1"},
    {"router insert", "INSERT INTO S.events (user_id, event_id, kind, country) VALUES (5, 1000, 'view', 'FR')",
     "router", 1, "adaptive", true, "Task Count: 1"},
    {"multi-row insert",
     "INSERT INTO S.events (user_id, event_id, kind, country) VALUES (1, 1, 'a', 'DE'), (2, 2, 'a', 'DE'), "
     "(3, 3, 'a', 'DE')",
     "multi-shard", 3, "adaptive", false, "Task Count:"},
    {"all shards", "SELECT count(*) FROM S.events", "multi-shard", 8, "adaptive", false, "Task Count: 8"},
    {"in list", "SELECT count(*) FROM S.events WHERE user_id IN (1, 2, 3)", "multi-shard", 3, "adaptive", false,
     "Task Count:"},
    {"update all", "UPDATE S.events SET kind = 'y' WHERE kind = 'zzz'", "multi-shard", 8, "adaptive", false,
     "Task Count: 8"},
    {"reference read", "SELECT name FROM S.countries WHERE code = 'DE'", "reference", 1, "adaptive", false,
     "Task Count: 1"},
    {"reference write", "UPDATE S.countries SET name = 'France' WHERE code = 'FR'", "reference", 1, "adaptive", false,
     "Task Count: 1"},
    {"colocated join",
     "SELECT u.name, count(*) FROM S.users u JOIN S.events e ON e.user_id = u.user_id GROUP BY u.name", "multi-shard",
     8, "adaptive", false, "Task Count: 8"},
    {"colocated join by key",
     "SELECT u.name FROM S.users u JOIN S.events e ON e.user_id = u.user_id WHERE u.user_id = 9", "router", 1,
     "adaptive", true, "Task Count: 1"},
    {"reference join",
     "SELECT c.name, count(*) FROM S.events e JOIN S.countries c ON c.code = e.country GROUP BY c.name", "multi-shard",
     8, "adaptive", false, "Task Count: 8"},
    {"insert select pushdown",
     "INSERT INTO S.events_copy (user_id, event_id, kind, country) SELECT user_id, event_id, kind, country "
     "FROM S.events WHERE kind = 'click'",
     "multi-shard", 8, "adaptive", false, "Task Count: 8"},
    {"insert select pushdown to one shard",
     "INSERT INTO S.events_copy (user_id, event_id, kind, country) SELECT user_id, event_id, kind, country "
     "FROM S.events WHERE user_id = 8",
     "router", 1, "adaptive", false, "Task Count: 1"},
    {"insert select without columns",
     "INSERT INTO S.events_copy SELECT * FROM S.events WHERE kind = 'x' AND event_id > 0", "multi-shard", 8, "adaptive",
     false, "Task Count: 8"},
    {"insert select swapped key",
     "INSERT INTO S.events_copy (user_id, event_id, kind, country) SELECT event_id, user_id, kind, country "
     "FROM S.events",
     "repartition", -1, "insert-select", false, "INSERT/SELECT method: repartition"},
    {"insert select not colocated",
     "INSERT INTO S.events_copy (user_id, event_id, kind, country) SELECT user_id, oid_key, note, 'DE' FROM S.other",
     "repartition", -1, "insert-select", false, "INSERT/SELECT method: repartition"},
    {"insert select with limit",
     "INSERT INTO S.events_copy (user_id, event_id, kind, country) SELECT user_id, event_id, kind, country "
     "FROM S.events ORDER BY event_id LIMIT 5",
     "multi-shard", 16, "insert-select", false, "INSERT/SELECT method: pull to coordinator"},
    {"insert select aggregate",
     "INSERT INTO S.events_copy (user_id, event_id) SELECT max(user_id), count(*) FROM S.events", "multi-shard", 16,
     "insert-select", false, "INSERT/SELECT method: pull to coordinator"},
    {"insert select group by key",
     "INSERT INTO S.events_copy (user_id, event_id) SELECT user_id, count(*) FROM S.events GROUP BY user_id",
     "multi-shard", 8, "adaptive", false, "Task Count: 8"},
    {"insert select from reference",
     "INSERT INTO S.events_copy (user_id, event_id, kind, country) SELECT 1, 2, code, code FROM S.countries",
     "multi-shard", 9, "insert-select", false, "INSERT/SELECT method: pull to coordinator"},
    {"insert select into reference",
     "INSERT INTO S.countries (code, name) SELECT 'X' || user_id, name FROM S.users WHERE user_id = 1000",
     "multi-shard", 2, "insert-select", false, "INSERT/SELECT method: pull to coordinator"},
    {"insert select from function",
     "INSERT INTO S.other (oid_key, user_id, note) SELECT g, g, 'n' FROM generate_series(1000, 1010) g", "multi-shard",
     8, "insert-select", false, "INSERT/SELECT method: pull to coordinator"},
    {"repartition join other group", "SELECT count(*) FROM S.events e JOIN S.other o ON o.user_id = e.user_id",
     "repartition", -1, "adaptive", false, "MapMergeJob"},
    {"repartition join other column", "SELECT count(*) FROM S.users u JOIN S.events e ON u.name = e.kind",
     "repartition", -1, "adaptive", false, "MapMergeJob"},
};

QString marker(const Case& c)
{
    return QStringLiteral("/* fanout:%1 */").arg(QString::fromLatin1(c.name));
}

} // namespace

class TestFanoutCitus : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<live::PgSession> m_session;
    std::string m_schema = "fanout_citus_" + std::to_string(QRandomGenerator::global()->generate() % 1000000);
    QHash<QString, QJsonObject> m_cli;       ///< CLI line per case name
    QHash<QString, QStringList> m_executors; ///< citus_stat_statements executors per case name
    QHash<QString, bool> m_keyed;            ///< every citus_stat_statements row has a key value
    QHash<QString, QString> m_explain;       ///< EXPLAIN text per case name

    std::string sql(const Case& c) const
    {
        return QString::fromLatin1(c.sql)
            .replace(QStringLiteral("S."), QString::fromStdString(m_schema + "."))
            .toStdString();
    }

    bool exec(const std::string& statement)
    {
        auto result = m_session->exec(statement);
        if (!result)
            qWarning("%s: %s", statement.c_str(), result.error().message.c_str());
        return result.ok();
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (dsn().isEmpty())
            QSKIP("CITUS_TEST_DSN is not set: no Citus coordinator to check against");
        auto options = live::ConnectionOptions::parse(dsn().toStdString());
        QVERIFY(options.ok());
        m_session = std::make_unique<live::PgSession>(*options);
        QVERIFY(m_session->connect().ok());
        const std::string s = m_schema;
        for (const std::string& statement : {
                 "CREATE SCHEMA " + s,
                 std::string("SET citus.shard_count = 8"),
                 "CREATE TABLE " + s + ".users (user_id bigint PRIMARY KEY, name text, country text)",
                 "CREATE TABLE " + s + ".events (user_id bigint, event_id bigint, kind text, country text)",
                 "CREATE TABLE " + s + ".events_copy (user_id bigint, event_id bigint, kind text, country text)",
                 "CREATE TABLE " + s + ".other (oid_key bigint, user_id bigint, note text)",
                 "CREATE TABLE " + s + ".countries (code text PRIMARY KEY, name text)",
                 "SELECT create_distributed_table('" + s + ".users', 'user_id')",
                 "SELECT create_distributed_table('" + s + ".events', 'user_id', colocate_with => '" + s + ".users')",
                 "SELECT create_distributed_table('" + s + ".events_copy', 'user_id', colocate_with => '" + s +
                     ".users')",
                 "SELECT create_distributed_table('" + s + ".other', 'oid_key', colocate_with => 'none')",
                 "SELECT create_reference_table('" + s + ".countries')",
                 "INSERT INTO " + s + ".users SELECT i, 'u' || i, 'DE' FROM generate_series(-20, 100) i",
                 "INSERT INTO " + s + ".events SELECT i % 50 - 10, i, 'click', 'DE' FROM generate_series(1, 500) i",
                 "INSERT INTO " + s + ".other SELECT i, i % 50, 'n' FROM generate_series(1, 200) i",
                 "INSERT INTO " + s + ".countries VALUES ('DE', 'Germany'), ('FR', 'France')",
                 std::string("SET citus.enable_repartition_joins = on"),
             })
            QVERIFY(exec(statement));

        for (const Case& c : kCases) {
            const std::string statement = marker(c).toStdString() + ' ' + sql(c);
            for (int i = 0; i < 2; ++i)
                QVERIFY(exec(statement));
            auto plan = m_session->exec("EXPLAIN " + sql(c));
            QVERIFY(plan.ok());
            QString text;
            for (std::size_t r = 0; r < plan->rows.size(); ++r)
                text += QString::fromStdString(plan->text(r, 0)) + QLatin1Char('\n');
            m_explain.insert(QString::fromLatin1(c.name), text);
        }
        for (const Case& c : kCases) {
            // By queryid: a nested row (the query of an EXPLAIN) shares it under another text.
            auto rows = m_session->exec("SELECT executor, partition_key IS NOT NULL FROM citus_stat_statements "
                                        "WHERE queryid IN (SELECT queryid FROM pg_stat_statements WHERE toplevel "
                                        "AND query LIKE $1)",
                                        {marker(c).toStdString() + "%" + m_schema + "%"});
            QVERIFY(rows.ok());
            bool keyed = !rows->rows.empty();
            for (std::size_t r = 0; r < rows->rows.size(); ++r) {
                QStringList& executors = m_executors[QString::fromLatin1(c.name)];
                if (!executors.contains(QString::fromStdString(rows->text(r, 0))))
                    executors.append(QString::fromStdString(rows->text(r, 0)));
                keyed = keyed && rows->text(r, 1) == "t";
            }
            m_keyed.insert(QString::fromLatin1(c.name), keyed);
        }

        QProcess cli;
        cli.start(QStringLiteral(SHARDSCOPE_CLI_PATH),
                  {QStringLiteral("fanout"), QStringLiteral("--dsn"), dsn(), QStringLiteral("--json")});
        QVERIFY(cli.waitForFinished(300000));
        QCOMPARE(cli.exitCode(), 0);
        const QJsonArray lines = QJsonDocument::fromJson(cli.readAllStandardOutput()).array();
        QVERIFY(!lines.isEmpty());
        for (const QJsonValue& line : lines) {
            const QJsonObject object = line.toObject();
            const QStringList keys = object.keys();
            QCOMPARE(keys, (QStringList{QStringLiteral("calls"), QStringLiteral("class"),
                                        QStringLiteral("fanout_nodes"), QStringLiteral("fanout_shards"),
                                        QStringLiteral("query"), QStringLiteral("total_time_ms")}));
            const QString query = object.value(QLatin1String("query")).toString();
            if (!query.contains(QString::fromStdString(m_schema)))
                continue;
            for (const Case& c : kCases) {
                if (query.startsWith(marker(c)))
                    m_cli.insert(QString::fromLatin1(c.name), object);
            }
        }
    }

    void cleanupTestCase()
    {
        if (m_session)
            (void)m_session->exec("DROP SCHEMA IF EXISTS " + m_schema + " CASCADE");
    }

    void statement_data()
    {
        QTest::addColumn<int>("index");
        for (int i = 0; i < static_cast<int>(std::size(kCases)); ++i)
            QTest::newRow(kCases[i].name) << i;
    }

    void statement()
    {
        QFETCH(int, index);
        const Case& c = kCases[index];
        const QString name = QString::fromLatin1(c.name);
        QVERIFY2(m_cli.contains(name), "the statement is not in shardscope-cli fanout's output");
        const QJsonObject line = m_cli.value(name);
        QCOMPARE(line.value(QLatin1String("calls")).toInteger(), 2);
        QCOMPARE(line.value(QLatin1String("class")).toString(), QString::fromLatin1(c.kind));
        QCOMPARE(line.value(QLatin1String("fanout_shards")).toInt(-1), c.shards);
        if (c.shards > 0)
            QVERIFY(line.value(QLatin1String("fanout_nodes")).toInt() >= 1);

        // What Citus says about the same statement.
        QCOMPARE(m_executors.value(name), (QStringList{QString::fromLatin1(c.executor)}));
        QCOMPARE(m_keyed.value(name), c.keyed);
        if (c.keyed) // a key value per execution: Citus ran a router plan
            QCOMPARE(line.value(QLatin1String("class")).toString(), QStringLiteral("router"));
        const QString plan = m_explain.value(name);
        QVERIFY2(plan.contains(QString::fromLatin1(c.explainHint)), qPrintable(plan));
        const QRegularExpression taskCount(QStringLiteral("^\\s*Task Count: (\\d+)"),
                                           QRegularExpression::MultilineOption);
        if (QString::fromLatin1(c.executor) == QLatin1String("adaptive") && c.shards > 0) {
            const auto match = taskCount.match(plan);
            QVERIFY(match.hasMatch());
            // Task Count is the shards after pruning: equal, or at most the CLI's bound for key lists.
            QVERIFY2(match.captured(1).toInt() <= c.shards, qPrintable(plan));
            if (QString::fromLatin1(c.explainHint).endsWith(QString::number(c.shards)))
                QCOMPARE(match.captured(1).toInt(), c.shards);
        }
    }
};

QTEST_GUILESS_MAIN(TestFanoutCitus)
#include "tst_fanout_citus.moc"
