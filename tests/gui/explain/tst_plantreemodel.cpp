// SPDX-License-Identifier: MIT
// The plan tree model over real Citus plans: structure, figures and highlights, checked by the model tester.
#include "explain/planfile.h"
#include "explain/plantreemodel.h"
#include "testdata.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace shardscope;

namespace {

std::shared_ptr<const explain::PlanAnalysis> analysisOf(const QString& file)
{
    Result<explain::ExplainPlan> plan = explain::loadPlanFile(test::dataPath(QStringLiteral("explain/") + file));
    if (!plan)
        return {};
    return std::make_shared<const explain::PlanAnalysis>(
        explain::analyzePlan(std::make_shared<const explain::ExplainPlan>(std::move(plan).value())));
}

void dump(const QAbstractItemModel& model, const QModelIndex& parent, int depth, QStringList& out)
{
    for (int r = 0; r < model.rowCount(parent); ++r) {
        QStringList cells;
        for (int c = 0; c < model.columnCount(parent); ++c)
            cells << model.index(r, c, parent).data().toString();
        out << QString(depth * 2, QLatin1Char(' ')) + cells.join(QLatin1Char('|'));
        dump(model, model.index(r, 0, parent), depth + 1, out);
    }
}

} // namespace

class TestPlanTreeModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void analyzedPlanAsText()
    {
        PlanTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setAnalysis(analysisOf(QStringLiteral("03_explain_analyze_multi_shard_count.json")));
        QStringList lines;
        dump(model, {}, 0, lines);
        const QStringList expected{
            // Above a Citus scan the estimate is built on Citus's fixed guess: no misestimate factor.
            QStringLiteral("Aggregate|coordinator|1 → 1||0.014|102.797|1|80 hit|250.02"),
            QStringLiteral(
                "  Custom Scan (Citus Adaptive) · Task Count 32, shown: One of 32|coordinator|100000 → 32||102.783|"
                "102.783|1|80 hit|0.00"),
            QStringLiteral("    Task on 127.0.0.1:9702|127.0.0.1:9702||||34.129|||"),
            QStringLiteral("      Aggregate|127.0.0.1:9702|1 → 1|1.0|11.530|34.101|1|1786 hit|3225.92"),
            QStringLiteral(
                "        Seq Scan on public.events_102041 events|127.0.0.1:9702|14000 → 14257|▲ 1.0|22.571|22.571|1|"
                "1786 hit|3190.91"),
        };
        QCOMPARE(lines, expected);
        // The Citus scan is the slowest (it waits for the workers); the seq scan's 2% miss is not worth a mark.
        const QModelIndex scan = model.index(0, 0, model.index(0, 0));
        QCOMPARE(scan.data(PlanTreeModel::HighlightRole).toInt(), int(PlanTreeModel::SlowestHighlight));
        QVERIFY(scan.data(Qt::BackgroundRole).isValid());
        QCOMPARE(model.planRow(scan), 1);
        QCOMPARE(model.indexForPlanRow(1), scan);
        const QModelIndex seq = model.indexForPlanRow(4);
        QCOMPARE(seq.data(PlanTreeModel::HighlightRole).toInt(), int(PlanTreeModel::NoHighlight));
        QVERIFY(seq.data(Qt::ToolTipRole).toString().contains(QLatin1String("Rows Removed by Filter: 98010")));
        QCOMPARE(model.index(0, PlanTreeModel::SelfTimeColumn, model.index(0, 0))
                     .data(PlanTreeModel::SortValueRole)
                     .toDouble(),
                 102.783);
    }

    void repartitionAndAllTasks()
    {
        PlanTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setAnalysis(analysisOf(QStringLiteral("03_text_explain_verbose_repartition_join_dual.txt")));
        const QModelIndex scan = model.index(0, 0, model.index(0, 0));
        QCOMPARE(model.rowCount(scan), 2);
        QCOMPARE(model.index(1, 0, scan).data().toString(), QStringLiteral("MapMergeJob: 32 map / 12 merge tasks"));

        model.setAnalysis(analysisOf(QStringLiteral("03_explain_analyze_all_tasks_multi_shard_count.json")));
        QCOMPARE(model.rowCount(model.index(0, 0, model.index(0, 0))), 32);
        model.setAnalysis({});
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestPlanTreeModel)
#include "tst_plantreemodel.moc"
