// SPDX-License-Identifier: MIT
// The EXPLAIN page offscreen: open plans, select nodes, the sampling banner, the chart, compare, save.
#include "dashboards/explaintaskchart.h"
#include "explain/explaincomparepanel.h"
#include "explain/explainpage.h"
#include "explain/planfile.h"
#include "explain/plantreemodel.h"
#include "explain/plantreeview.h"
#include "testdata.h"

#include <QCheckBox>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace shardscope;

namespace {

bool open(ExplainPage& page, const QString& file)
{
    QSignalSpy loaded(&page, &ExplainPage::planLoaded);
    page.openPlanFile(test::dataPath(QStringLiteral("explain/") + file));
    return loaded.wait(20000);
}

} // namespace

class TestExplainPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sampledPlanShowsBannerAndSelectsSlowest()
    {
        ExplainPage page;
        page.resize(1200, 800);
        page.show();
        QVERIFY(open(page, QStringLiteral("03_explain_analyze_colocated_join.json")));
        QVERIFY(page.analysis());
        QVERIFY(page.samplingBanner().contains(QLatin1String("Only 1 of 32 tasks")));
        // The slowest node is selected and described.
        QCOMPARE(page.treeView()->selectedPlanRow(), page.analysis()->slowestRow);
        QVERIFY(page.nodeDetails().contains(QLatin1String("Custom Scan (Citus Adaptive)")));
        QCOMPARE(page.taskChart()->taskBarCount(), 0);

        // Clicking a worker node shows where it ran.
        PlanTreeView* tree = page.treeView();
        const int seqRow = static_cast<int>(page.analysis()->rows.size()) - 1;
        const QModelIndex seq = tree->planModel()->indexForPlanRow(seqRow);
        tree->scrollTo(seq);
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(seq).center());
        QCOMPARE(tree->selectedPlanRow(), seqRow);
        QVERIFY2(page.nodeDetails().contains(QLatin1String("Runs on: 127.0.0.1:9702")), qPrintable(page.nodeDetails()));
        QVERIFY(page.nodeDetails().contains(QLatin1String("Seq Scan on")));
        // Keyboard navigation moves the selection up the tree.
        QTest::keyClick(tree, Qt::Key_Up);
        QCOMPARE(tree->selectedPlanRow(), page.analysis()->rows[static_cast<std::size_t>(seqRow)].parent);

        // The options change the script preview.
        page.sqlEditor()->setPlainText(QStringLiteral("INSERT INTO t VALUES (1)"));
        page.allTasksOption()->setChecked(true);
        QVERIFY(page.scriptPreview().contains(QLatin1String("SET LOCAL citus.explain_all_tasks = on")));
    }

    void repartitionJoinFromOurCluster()
    {
        ExplainPage page;
        page.show();
        QVERIFY(open(page, QStringLiteral("citus1322_text_repartition_join.txt")));
        QVERIFY(page.samplingBanner().isEmpty()); // a re-run with all tasks would not show more
        PlanTreeModel* model = page.treeView()->planModel();
        int dependent = 0;
        for (int row = 0; row < static_cast<int>(page.analysis()->rows.size()); ++row) {
            if (page.analysis()->rows[static_cast<std::size_t>(row)].kind != explain::PlanRowKind::DependentJob)
                continue;
            ++dependent;
            const QModelIndex index = model->indexForPlanRow(row);
            QVERIFY(index.isValid());
            QCOMPARE(index.siblingAtColumn(PlanTreeModel::WorkerColumn).data().toString(), QStringLiteral("workers"));
            QVERIFY(model->rowLabel(row).startsWith(QLatin1String("MapMergeJob: ")));
        }
        QCOMPARE(dependent, 2);
        QCOMPARE(page.taskChart()->taskBarCount(), 0);
        QVERIFY2(page.taskChart()->placeholderText().contains(QLatin1String("repartition join")),
                 qPrintable(page.taskChart()->placeholderText()));
    }

    void allTasksChartAndTextPlan()
    {
        ExplainPage page;
        page.show();
        QVERIFY(open(page, QStringLiteral("03_explain_analyze_all_tasks_text_multi_shard_count.txt")));
        QVERIFY(page.samplingBanner().isEmpty());
        // The SQL from the capture's "-- ..." line fills the editor.
        QVERIFY(page.sqlEditor()->toPlainText().contains(QLatin1String("citus.explain_all_tasks")));
        QCOMPARE(page.taskChart()->taskBarCount(), 32);
        QCOMPARE(page.taskChart()->workerCount(), 2);
        page.tabs()->setCurrentIndex(1);
        auto* raw = qobject_cast<QPlainTextEdit*>(page.tabs()->currentWidget());
        QVERIFY(raw && raw->toPlainText().contains(QLatin1String("\"Tasks Shown\": \"All\"")));
    }

    void badFileIsReported()
    {
        ExplainPage page;
        QSignalSpy failed(&page, &ExplainPage::planFailed);
        page.openPlanFile(
            test::dataPath(QStringLiteral("explain/03_explain_analyze_insert_select_repartition.ERROR.txt")));
        QVERIFY(failed.wait(20000));
        QVERIFY(failed.at(0).at(0).toString().contains(QLatin1String("server error")));
        QVERIFY(!page.analysis());
    }

    void compareAndSave()
    {
        ExplainPage page;
        QVERIFY(open(page, QStringLiteral("03_explain_analyze_multi_shard_count.json")));
        QSignalSpy compared(&page, &ExplainPage::comparePlanLoaded);
        page.comparePlanFile(
            test::dataPath(QStringLiteral("explain/03_explain_analyze_all_tasks_multi_shard_count.json")));
        QVERIFY(compared.wait(20000));
        QCOMPARE(page.tabs()->currentWidget(), page.comparePanel());
        QVERIFY2(page.comparePanel()->differences().contains(
                     QStringLiteral("Execution time: 102.889 ms → 92.002 ms (-11%)")),
                 qPrintable(page.comparePanel()->differences()));
        QCOMPARE(page.comparePanel()->rightView()->planModel()->rowCount(
                     page.comparePanel()->rightView()->planModel()->index(
                         0, 0, page.comparePanel()->rightView()->planModel()->index(0, 0))),
                 32);

        QTemporaryDir dir;
        for (const QString& name : {QStringLiteral("plan.json"), QStringLiteral("plan.txt")}) {
            QString error;
            QVERIFY2(page.savePlanFile(dir.filePath(name), &error), qPrintable(error));
            Result<explain::ExplainPlan> again = explain::loadPlanFile(dir.filePath(name));
            QVERIFY(again.ok());
            QCOMPARE(again->sourceFormat,
                     name.endsWith(QLatin1String(".json")) ? explain::PlanFormat::Json : explain::PlanFormat::Text);
            QCOMPARE(again->statements.size(), std::size_t(1));
        }
    }
};

QTEST_MAIN(TestExplainPage)
#include "tst_explainpage.moc"
