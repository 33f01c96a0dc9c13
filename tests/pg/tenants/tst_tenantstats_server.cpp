// SPDX-License-Identifier: MIT
// readTenantStats() on the throw-away PostgreSQL 15 server (no Citus): not available, with a notice naming the
// Citus version it needs; a dead server is an error, not an empty answer.
#include "live/tenantstatsreader.h"
#include "pgtestserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace shardscope;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run runCli(const QStringList& args)
{
    QProcess process;
    process.start(QStringLiteral(SHARDSCOPE_CLI), args);
    Run run;
    if (!process.waitForFinished(60000))
        return run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

} // namespace

class TestTenantStatsServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (test::PgTestServer::conninfo().isEmpty())
            QFAIL(qPrintable(test::PgTestServer::error()));
    }

    void plainPostgresIsNotAvailable()
    {
        const auto stats = live::loadTenantStats(test::PgTestServer::conninfo().toStdString());
        QVERIFY2(stats.ok(), stats.ok() ? "" : stats.error().message.c_str());
        QVERIFY(!stats->available);
        QVERIFY(stats->rows.empty());
        QVERIFY2(QString::fromStdString(stats->notice).contains(QLatin1String("citus_stat_tenants")),
                 stats->notice.c_str());
        QVERIFY(QString::fromStdString(stats->notice).contains(QLatin1String("Citus 11.3")));
    }

    void unreachableServerIsAnError()
    {
        const auto stats = live::loadTenantStats("host=127.0.0.1 port=1 connect_timeout=2 user=postgres");
        QVERIFY(!stats.ok());
        QVERIFY(!stats.error().message.empty());
    }

    void cliSaysWhyThereAreNoTenants()
    {
        const QString dsn = test::PgTestServer::conninfo();
        const Run text = runCli({QStringLiteral("skew"), QStringLiteral("--dsn"), dsn, QStringLiteral("--tenants")});
        QVERIFY2(text.exitCode == 0, qPrintable(text.err));
        QVERIFY2(text.out.startsWith(QLatin1String("No tenant statistics: this server has no citus_stat_tenants")),
                 qPrintable(text.out));
        const Run json = runCli({QStringLiteral("skew"), QStringLiteral("--dsn"), dsn, QStringLiteral("--tenants"),
                                 QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 0);
        const QJsonObject object = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(object.value(QStringLiteral("available")).toBool(true), false);
        QVERIFY(object.value(QStringLiteral("tenants")).toArray().isEmpty());
    }

    void cliUsageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("tenants of a snapshot")
            << QStringLiteral("skew|--snapshot|x.json|--tenants").split(QLatin1Char('|'))
            << QStringLiteral("--tenants needs --dsn");
        QTest::newRow("both sources") << QStringLiteral("skew|--snapshot|x.json|--dsn|host=x").split(QLatin1Char('|'))
                                      << QStringLiteral("not both");
    }

    void cliUsageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run run = runCli(args);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
    }

    void cliUnreachableServerFails()
    {
        const Run run =
            runCli({QStringLiteral("skew"), QStringLiteral("--dsn"),
                    QStringLiteral("host=127.0.0.1 port=1 connect_timeout=2"), QStringLiteral("--tenants")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(!run.err.isEmpty());
    }

    void badConninfoIsAnError()
    {
        const auto stats = live::loadTenantStats("host=127.0.0.1 nonsense");
        QVERIFY(!stats.ok());
    }
};

QTEST_GUILESS_MAIN(TestTenantStatsServer)
#include "tst_tenantstats_server.moc"
