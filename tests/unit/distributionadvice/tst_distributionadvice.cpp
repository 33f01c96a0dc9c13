// SPDX-License-Identifier: MIT
#include "engine/distributionadvice.h"
#include "engine/operationrequest.h"
#include "engine/pghash.h"
#include "engine/shardrange.h"
#include "sim/democluster.h"
#include "sim/demoplaintables.h"

#include <QTest>
#include <algorithm>

using namespace shardscope;
using namespace shardscope::engine;

namespace {

ClusterState demoWithPlainTables()
{
    ClusterState state = sim::makeDemoCluster();
    for (const CreatePlainTable& request : sim::demoPlainTableRequests()) {
        Result<ClusterState> next = applyOperation(state, request);
        if (next)
            state = std::move(next).value();
    }
    return state;
}

const ColumnAdvice& adviceFor(const std::vector<ColumnAdvice>& all, const std::string& column)
{
    const auto it = std::find_if(all.begin(), all.end(), [&](const ColumnAdvice& a) { return a.column == column; });
    Q_ASSERT(it != all.end());
    return *it;
}

bool mentions(const std::vector<std::string>& lines, const std::string& text)
{
    return std::any_of(lines.begin(), lines.end(),
                       [&](const std::string& l) { return l.find(text) != std::string::npos; });
}

} // namespace

class TestDistributionAdvice : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void verdicts_data()
    {
        QTest::addColumn<QString>("table");
        QTest::addColumn<QString>("column");
        QTest::addColumn<bool>("supported");
        QTest::addColumn<bool>("usable");
        QTest::addColumn<QString>("mentioned"); // text expected among problems or warnings

        QTest::newRow("primary key column") << "customers"
                                            << "customer_id" << true << true << "";
        QTest::newRow("not in primary key") << "customers"
                                            << "email" << true << false << "customers_pkey";
        QTest::newRow("jsonb has no modelled hash") << "customers"
                                                    << "profile" << false << false << "jsonb";
        QTest::newRow("nulls refused") << "customers"
                                       << "signup_day" << true << false << "NULL";
        QTest::newRow("low cardinality") << "customers"
                                         << "country_code" << true << false << "customers_pkey";
        QTest::newRow("fk to distributed, same column") << "invoices"
                                                        << "customer_id" << true << true << "colocate_with => 'users'";
        QTest::newRow("fk to distributed, other column")
            << "invoices"
            << "invoice_id" << true << false << "cannot create foreign key constraint";
        QTest::newRow("pk without tenant") << "audit_log"
                                           << "entry_id" << true << true << "";
    }

    void verdicts()
    {
        QFETCH(QString, table);
        QFETCH(QString, column);
        QFETCH(bool, supported);
        QFETCH(bool, usable);
        QFETCH(QString, mentioned);
        const ClusterState state = demoWithPlainTables();
        const auto info = sim::demoPlainTable("public", table.toStdString());
        QVERIFY(info);
        const auto all = adviseDistribution(state, *info, 32);
        QCOMPARE(all.size(), info->columns.size());
        const ColumnAdvice& a = adviceFor(all, column.toStdString());
        QCOMPARE(a.supported, supported);
        QCOMPARE(a.usable(), usable);
        if (!mentioned.isEmpty()) {
            QVERIFY2(mentions(a.problems, mentioned.toStdString()) || mentions(a.warnings, mentioned.toStdString()),
                     qPrintable(mentioned));
        }
    }

    void skewUsesRealHashAndRanges_data()
    {
        QTest::addColumn<int>("shardCount");
        QTest::newRow("4") << 4;
        QTest::newRow("32") << 32;
        QTest::newRow("7") << 7;
    }

    void skewUsesRealHashAndRanges()
    {
        QFETCH(int, shardCount);
        PlainTableInfo table;
        table.name = "t";
        PlainColumn c;
        c.name = "k";
        c.typeName = "bigint";
        for (int i = 1; i <= 200; ++i)
            c.sampleValues.push_back(std::to_string(i));
        table.columns = {c};
        // The expected share, with the hash and ranges computed here independently of the advice code.
        std::vector<int> counts(std::size_t(shardCount), 0);
        for (int i = 1; i <= 200; ++i) {
            const auto ranges = uniformRanges(shardCount);
            const int index = findShardIndex(ranges, hashInt8(i));
            QVERIFY(index >= 0);
            ++counts[std::size_t(index)];
        }
        const double expectedMax = *std::max_element(counts.begin(), counts.end()) / 200.0;
        const auto advice = adviseDistribution(ClusterState{}, table, shardCount);
        QCOMPARE(advice.size(), std::size_t(1));
        QVERIFY(advice[0].maxShardShare);
        QCOMPARE(*advice[0].maxShardShare, expectedMax);
        QCOMPARE(advice[0].sampleSize, 200);
        QCOMPARE(advice[0].meanShardShare, 1.0 / shardCount);
    }

    void hotTenantIsSkewed()
    {
        const ClusterState state = demoWithPlainTables();
        const auto info = sim::demoPlainTable("public", "invoices");
        const auto all = adviseDistribution(state, *info, 32);
        const ColumnAdvice& tenant = adviceFor(all, "customer_id");
        const ColumnAdvice& id = adviceFor(all, "invoice_id");
        QVERIFY(tenant.maxOverMean() > 8.0); // a third of the rows in one of 32 shards
        QVERIFY(id.maxOverMean() < 3.0);
        QVERIFY(mentions(tenant.warnings, "mean share"));
    }

    void colocationCandidatesMatchType()
    {
        const ClusterState state = demoWithPlainTables();
        const auto info = sim::demoPlainTable("public", "audit_log");
        const auto all = adviseDistribution(state, *info, 32);
        const auto& bigint = adviceFor(all, "entry_id").colocationCandidates;
        const auto& integer = adviceFor(all, "tenant_id").colocationCandidates;
        QVERIFY(std::find(bigint.begin(), bigint.end(), "users") != bigint.end());
        QVERIFY(std::find(bigint.begin(), bigint.end(), "orders") == bigint.end()); // orders is int4
        QVERIFY(std::find(integer.begin(), integer.end(), "orders") != integer.end());
        QVERIFY(std::find(integer.begin(), integer.end(), "users") == integer.end());
    }

    void referenceTableRules()
    {
        const ClusterState state = demoWithPlainTables();
        QVERIFY(referenceTableProblems(state, *sim::demoPlainTable("public", "customers")).empty());
        // invoices references the distributed users table: a reference table may not.
        const auto problems = referenceTableProblems(state, *sim::demoPlainTable("public", "invoices"));
        QCOMPARE(problems.size(), std::size_t(1));
        QVERIFY(mentions(problems, "users"));
    }

    void foreignKeyToPlainTableRefused()
    {
        PlainTableInfo t;
        t.name = "child";
        PlainColumn id;
        id.name = "id";
        id.typeName = "int8";
        id.notNull = true;
        t.columns = {id};
        t.foreignKeys = {ForeignKey{"child_parent_fkey", {"id"}, "public", "parent", {"id"}, false}};
        ClusterState state;
        Table parent;
        parent.oid = 1;
        parent.name = "parent";
        parent.kind = TableKind::Plain;
        state.tables.push_back(parent);
        const auto advice = adviseDistribution(state, t, 8);
        QVERIFY(!advice[0].usable());
        QVERIFY(mentions(advice[0].problems, "must be a distributed table or a reference table"));
        QVERIFY(!advice[0].maxShardShare); // no sample: no skew figure
    }
};

QTEST_GUILESS_MAIN(TestDistributionAdvice)
#include "tst_distributionadvice.moc"
