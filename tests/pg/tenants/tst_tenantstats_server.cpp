// SPDX-License-Identifier: MIT
// readTenantStats() on the throw-away PostgreSQL 15 server (no Citus): not available, with a notice naming the
// Citus version it needs; a dead server is an error, not an empty answer.
#include "live/tenantstatsreader.h"
#include "pgtestserver.h"

#include <QTest>

using namespace shardscope;

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

    void badConninfoIsAnError()
    {
        const auto stats = live::loadTenantStats("host=127.0.0.1 nonsense");
        QVERIFY(!stats.ok());
    }
};

QTEST_GUILESS_MAIN(TestTenantStatsServer)
#include "tst_tenantstats_server.moc"
