// SPDX-License-Identifier: MIT
// shardscope-cli fanout as a real process against the throw-away server. The server has pg_stat_statements
// but no Citus: the command says citus_stat_statements is missing and lists the statements as "unknown".
#include "pgtestserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>
#include <libpq-fe.h>

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run runCli(const QStringList& args)
{
    QProcess process;
    process.start(QStringLiteral(SHARDSCOPE_CLI_PATH), args);
    if (!process.waitForFinished(60000))
        return {};
    return Run{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(),
               process.readAllStandardError()};
}

bool execOk(PGconn* conn, const QByteArray& sql)
{
    PGresult* result = PQexec(conn, sql.constData());
    const auto status = PQresultStatus(result);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
        qWarning("%s: %s", sql.constData(), PQresultErrorMessage(result));
    PQclear(result);
    return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
}

} // namespace

class TestCliFanout : public QObject
{
    Q_OBJECT

private:
    QString m_conninfo;
    QByteArray m_table = "fanout_cli_" + QByteArray::number(QRandomGenerator::global()->generate() % 1000000000);

private Q_SLOTS:
    void initTestCase()
    {
        m_conninfo = shardscope::test::PgTestServer::conninfo();
        QVERIFY2(!m_conninfo.isEmpty(), qPrintable(shardscope::test::PgTestServer::error()));
        PGconn* conn = PQconnectdb(m_conninfo.toUtf8().constData());
        QVERIFY2(PQstatus(conn) == CONNECTION_OK, PQerrorMessage(conn));
        QVERIFY(execOk(conn, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"));
        QVERIFY(execOk(conn, "CREATE TABLE " + m_table + " (id int, v text)"));
        for (int i = 0; i < 3; ++i)
            QVERIFY(execOk(conn, "SELECT * FROM " + m_table + " WHERE id = " + QByteArray::number(i)));
        PQfinish(conn);
    }

    void jsonListsStatementsAsUnknown()
    {
        const Run run =
            runCli({QStringLiteral("fanout"), QStringLiteral("--dsn"), m_conninfo, QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.err.contains("citus_stat_statements is missing"), run.err.constData());
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(run.out, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QVERIFY(document.isArray());
        const QStringList keys{QStringLiteral("calls"),        QStringLiteral("class"),
                               QStringLiteral("fanout_nodes"), QStringLiteral("fanout_shards"),
                               QStringLiteral("query"),        QStringLiteral("total_time_ms")};
        bool found = false;
        for (const QJsonValue& value : document.array()) {
            const QJsonObject row = value.toObject();
            QStringList rowKeys = row.keys();
            rowKeys.sort();
            QCOMPARE(rowKeys, keys);
            QCOMPARE(row.value(QStringLiteral("class")).toString(), QStringLiteral("unknown"));
            QVERIFY(row.value(QStringLiteral("fanout_shards")).isNull());
            QVERIFY(row.value(QStringLiteral("fanout_nodes")).isNull());
            if (row.value(QStringLiteral("query")).toString() ==
                QStringLiteral("SELECT * FROM %1 WHERE id = $1").arg(QString::fromLatin1(m_table))) {
                found = true;
                QVERIFY(row.value(QStringLiteral("calls")).toInteger() >= 3);
                QVERIFY(row.value(QStringLiteral("total_time_ms")).toDouble() >= 0);
            }
        }
        QVERIFY2(found, run.out.left(2000).constData());
    }

    void textIsATable()
    {
        const Run run = runCli({QStringLiteral("fanout"), QStringLiteral("--dsn"), m_conninfo});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(run.out.startsWith("class "));
        QVERIFY(run.out.contains(m_table));
        QVERIFY(run.out.contains(" statements\n"));
    }

    void exitCodes_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("no dsn") << QStringList{QStringLiteral("fanout")} << 2 << QByteArray("--dsn");
        QTest::newRow("extra argument") << QStringList{QStringLiteral("fanout"), QStringLiteral("--dsn"),
                                                       QStringLiteral("host=x"), QStringLiteral("extra")}
                                        << 2 << QByteArray("--dsn");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("fanout"), QStringLiteral("--bogus")} << 2
                                        << QByteArray("bogus");
        QTest::newRow("unreachable") << QStringList{QStringLiteral("fanout"), QStringLiteral("--dsn"),
                                                    QStringLiteral(
                                                        "host=127.0.0.1 port=1 connect_timeout=2 user=postgres")}
                                     << 1 << QByteArray("shardscope-cli:");
        QTest::newRow("bad dsn") << QStringList{QStringLiteral("fanout"), QStringLiteral("--dsn"),
                                                QStringLiteral("nonsense_key=1")}
                                 << 1 << QByteArray("shardscope-cli:");
    }
    void exitCodes()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QByteArray, message);
        const Run run = runCli(args);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(run.err.contains(message), run.err.constData());
        QVERIFY(run.out.isEmpty() || exitCode == 0);
    }

    void failsWithoutPgStatStatements()
    {
        // A fresh database without the extension: a clear message and exit 1.
        const QByteArray database = m_table + "_noext";
        PGconn* conn = PQconnectdb(m_conninfo.toUtf8().constData());
        QVERIFY(execOk(conn, "CREATE DATABASE " + database));
        PQfinish(conn);
        const Run run = runCli({QStringLiteral("fanout"), QStringLiteral("--dsn"),
                                shardscope::test::PgTestServer::conninfo(QString::fromLatin1(database))});
        conn = PQconnectdb(m_conninfo.toUtf8().constData());
        execOk(conn, "DROP DATABASE " + database);
        PQfinish(conn);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("pg_stat_statements is not installed"), run.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliFanout)
#include "tst_cli_fanout.moc"
