// SPDX-License-Identifier: MIT
// shardscope-cli explain --dsn --sql on the throw-away PostgreSQL server: the summary of a plan run there, ANALYZE of
// an INSERT rolled back, the server's error in plain words, usage errors.
#include "live/pgsession.h"
#include "pgtestserver.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace shardscope;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run cli(const QStringList& args)
{
    QProcess process;
    process.start(QStringLiteral(SHARDSCOPE_CLI), QStringList{QStringLiteral("explain")} + args);
    process.waitForFinished(60000);
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

} // namespace

class TestExplainCliLive : public QObject
{
    Q_OBJECT

    QString m_dsn;
    std::unique_ptr<live::PgSession> m_session;

private Q_SLOTS:
    void initTestCase()
    {
        m_dsn = test::PgTestServer::conninfo();
        if (m_dsn.isEmpty())
            QFAIL(qPrintable(test::PgTestServer::error()));
        Result<live::ConnectionOptions> options = live::ConnectionOptions::parse(m_dsn.toStdString());
        QVERIFY(options.ok());
        m_session = std::make_unique<live::PgSession>(options.value());
        QVERIFY(m_session->connect().ok());
        QVERIFY(m_session->exec("DROP TABLE IF EXISTS ex_cli").ok());
        QVERIFY(m_session->exec("CREATE TABLE ex_cli (id int PRIMARY KEY)").ok());
        QVERIFY(m_session->exec("INSERT INTO ex_cli SELECT generate_series(1, 10)").ok());
    }

    void cleanupTestCase()
    {
        if (m_session)
            (void)m_session->exec("DROP TABLE IF EXISTS ex_cli");
    }

    void summaryOfARun()
    {
        QTemporaryDir dir;
        const QString saved = dir.filePath(QStringLiteral("plan.json"));
        const Run r =
            cli({QStringLiteral("--dsn"), m_dsn, QStringLiteral("--sql"), QStringLiteral("SELECT * FROM ex_cli"),
                 QStringLiteral("--analyze"), QStringLiteral("--save"), saved, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject summary = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(summary.value(QLatin1String("distributed")).toBool(true), false);
        QVERIFY(summary.value(QLatin1String("execution_time_ms")).isDouble());
        QCOMPARE(summary.value(QLatin1String("slowest_node")).toObject().value(QLatin1String("node_type")).toString(),
                 QStringLiteral("Seq Scan"));
        QCOMPARE(summary.value(QLatin1String("rolled_back")).toBool(true), false);
        // The saved plan is the server's JSON and reads back as a file.
        const Run again = cli({QStringLiteral("--file"), saved, QStringLiteral("--json")});
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(again.out).object().value(QLatin1String("slowest_node")),
                 summary.value(QLatin1String("slowest_node")));
    }

    void analyzeOfInsertIsRolledBack()
    {
        const Run r =
            cli({QStringLiteral("--dsn"), m_dsn, QStringLiteral("--sql"),
                 QStringLiteral("INSERT INTO ex_cli SELECT generate_series(100, 199)"), QStringLiteral("--analyze")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("rolled back: nothing was changed"));
        Result<live::QueryResult> count = m_session->exec("SELECT count(*) FROM ex_cli");
        QVERIFY(count.ok());
        QCOMPARE(count->text(0, 0), std::string("10"));
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("syntax error") << QStringList{QStringLiteral("--sql"), QStringLiteral("SELEC 1")} << 1
                                      << QStringLiteral("The statement is not valid SQL: syntax error at or near");
        QTest::newRow("no statement") << QStringList() << 2 << QStringLiteral("--dsn needs --sql SQL");
        QTest::newRow("file and server") << QStringList{QStringLiteral("--sql"), QStringLiteral("SELECT 1"),
                                                        QStringLiteral("--file"), QStringLiteral("x.json")}
                                         << 2 << QStringLiteral("explain needs --file FILE");
    }

    void errors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const Run r = cli(QStringList{QStringLiteral("--dsn"), m_dsn} + args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestExplainCliLive)
#include "tst_explain_cli_live.moc"
