// SPDX-License-Identifier: MIT
// citus_stat_tenants rows as a real Citus 13.2 coordinator returned them, parsed into values; broken rows are
// a clear error, never a crash or a silent zero.
#include "live/tenantstatsreader.h"
#include "tenantfixture.h"

#include <QTest>

using namespace shardscope;
using namespace shardscope::live;

class TestTenantStats : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fixtureHasTheReaderColumns()
    {
        const QueryResult result = test::readCsvResult(QStringLiteral("skew/citus_stat_tenants.csv"));
        QCOMPARE(result.columns, tenantStatColumns());
        QCOMPARE(result.rows.size(), std::size_t(9));
    }

    void parsesRealRows_data()
    {
        QTest::addColumn<int>("row");
        QTest::addColumn<QString>("tenant");
        QTest::addColumn<qint64>("node");
        QTest::addColumn<qint64>("colocation");
        QTest::addColumn<qint64>("readsNow");
        QTest::addColumn<qint64>("readsLast");
        QTest::addColumn<qint64>("queriesNow");
        QTest::addColumn<qint64>("queriesLast");
        QTest::addColumn<double>("cpuNow");
        QTest::addColumn<double>("cpuLast");
        QTest::newRow("hot tenant 7") << 0 << QStringLiteral("7") << 2LL << 1LL << 125LL << 115LL << 157LL << 143LL
                                      << 0.003500999999999999 << 0.0031449999999999985;
        QTest::newRow("text key") << 2 << QStringLiteral("eu-west") << 2LL << 2LL << 44LL << 36LL << 44LL << 36LL
                                  << 0.0012229999999999997 << 0.000955;
        QTest::newRow("exponent notation")
            << 7 << QStringLiteral("ap-south") << 3LL << 2LL << 4LL << 1LL << 4LL << 1LL << 0.000127 << 2.5e-05;
        QTest::newRow("quiet now") << 8 << QStringLiteral("5") << 3LL << 1LL << 0LL << 3LL << 1LL << 3LL << 3.8e-05
                                   << 6.2e-05;
    }

    void parsesRealRows()
    {
        QFETCH(int, row);
        const auto rows = parseTenantStatRows(test::readCsvResult(QStringLiteral("skew/citus_stat_tenants.csv")));
        QVERIFY2(rows.ok(), rows.ok() ? "" : rows.error().message.c_str());
        QCOMPARE(rows->size(), std::size_t(9));
        const TenantStatRow& r = (*rows)[std::size_t(row)];
        QTEST(QString::fromStdString(r.tenant), "tenant");
        QTEST(qint64(r.nodeId), "node");
        QTEST(qint64(r.colocationId), "colocation");
        QTEST(qint64(r.readsThisPeriod), "readsNow");
        QTEST(qint64(r.readsLastPeriod), "readsLast");
        QTEST(qint64(r.queriesThisPeriod), "queriesNow");
        QTEST(qint64(r.queriesLastPeriod), "queriesLast");
        QTEST(r.cpuSecondsThisPeriod, "cpuNow");
        QTEST(r.cpuSecondsLastPeriod, "cpuLast");
    }

    void columnsAreFoundByName()
    {
        // The same rows with the columns in another order parse to the same values.
        QueryResult result = test::readCsvResult(QStringLiteral("skew/citus_stat_tenants.csv"));
        const auto straight = parseTenantStatRows(result);
        std::reverse(result.columns.begin(), result.columns.end());
        for (auto& row : result.rows)
            std::reverse(row.begin(), row.end());
        const auto reversed = parseTenantStatRows(result);
        QVERIFY(straight.ok() && reversed.ok());
        QCOMPARE(*reversed, *straight);
    }

    void nullTenantIsEmpty()
    {
        QueryResult result = test::readCsvResult(QStringLiteral("skew/citus_stat_tenants.csv"));
        result.rows[0][std::size_t(result.columnIndex("tenant_attribute"))] = std::nullopt;
        const auto rows = parseTenantStatRows(result);
        QVERIFY(rows.ok());
        QCOMPARE((*rows)[0].tenant, std::string());
        QCOMPARE((*rows)[0].queriesThisPeriod, std::int64_t(157));
    }

    void badRowsAreErrors_data()
    {
        QTest::addColumn<QString>("column");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("message");
        QTest::newRow("text count") << QStringLiteral("query_count_in_this_period") << QStringLiteral("many")
                                    << QStringLiteral("'many' in column query_count_in_this_period");
        QTest::newRow("trailing junk") << QStringLiteral("nodeid") << QStringLiteral("2x")
                                       << QStringLiteral("'2x' in column nodeid");
        QTest::newRow("bad cpu") << QStringLiteral("cpu_usage_in_last_period") << QStringLiteral("NaN")
                                 << QStringLiteral("'NaN' in column cpu_usage_in_last_period");
    }

    void badRowsAreErrors()
    {
        QFETCH(QString, column);
        QFETCH(QString, value);
        QFETCH(QString, message);
        QueryResult result = test::readCsvResult(QStringLiteral("skew/citus_stat_tenants.csv"));
        result.rows[3][std::size_t(result.columnIndex(column.toStdString()))] = value.toStdString();
        const auto rows = parseTenantStatRows(result);
        QVERIFY(!rows.ok());
        QVERIFY2(QString::fromStdString(rows.error().message).contains(message), rows.error().message.c_str());
        QCOMPARE(rows.error().code, std::string("shardscope.bad_tenant_stats"));
    }

    void missingColumnIsAnError()
    {
        QueryResult result = test::readCsvResult(QStringLiteral("skew/citus_stat_tenants.csv"));
        result.columns[5] = "queries";
        const auto rows = parseTenantStatRows(result);
        QVERIFY(!rows.ok());
        QCOMPARE(rows.error().message, std::string("citus_stat_tenants has no column query_count_in_this_period"));
    }
};

QTEST_APPLESS_MAIN(TestTenantStats)
#include "tst_tenantstats.moc"
