// SPDX-License-Identifier: MIT
#include "clusterselection.h"
#include "dashboards/fanoutclasschart.h"
#include "dashboards/fanoutcostchart.h"
#include "dashboards/fanouttenantchart.h"
#include "queries/queriespage.h"
#include "queries/statementfilterproxy.h"
#include "queries/statementtablemodel.h"
#include "sim/embeddedclustersource.h"
#include "sim/workloadsimulator.h"

#include <QDir>
#include <QImage>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace shardscope;

class TestQueriesPage : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<sim::EmbeddedClusterSource> m_source;
    std::unique_ptr<ClusterSelection> m_selection;
    std::unique_ptr<QueriesPage> m_page;

private Q_SLOTS:
    void init()
    {
        sim::EmbeddedClusterSource::Options options;
        options.workspacePath = m_dir.filePath(QStringLiteral("demo.sqlite"));
        options.resetDemo = true;
        m_source = std::make_unique<sim::EmbeddedClusterSource>(options);
        m_selection = std::make_unique<ClusterSelection>();
        m_page = std::make_unique<QueriesPage>(PageContext{m_source.get(), m_selection.get()});
        m_page->setCitusTablesOnly(false);
        m_page->resize(1200, 1000);
        m_page->show();
        QSignalSpy updated(m_page.get(), &QueriesPage::reportUpdated);
        m_source->refresh();
        QVERIFY(updated.wait(20000));
    }
    void cleanup()
    {
        m_page.reset();
        m_source->waitForIdle();
        m_source.reset();
    }

    void showsTheSimulatedWorkload()
    {
        // The monitoring query reads no Citus table: hidden unless asked for.
        m_page->setCitusTablesOnly(true);
        const int all = static_cast<int>(sim::WorkloadSimulator::statements().size());
        QCOMPARE(m_page->model()->rowCount(), all - 1);
        QVERIFY(m_page->statusText().contains(QStringLiteral("on no Citus table hidden")));
        m_page->setCitusTablesOnly(false);
        QCOMPARE(m_page->model()->rowCount(), all);
        QVERIFY(!m_page->statusText().contains(QStringLiteral("hidden")));
        QVERIFY(m_page->bannerText().contains(QStringLiteral("Simulated")));
        QVERIFY(m_page->offendersText().contains(QStringLiteral("Top offenders")));
        // The hot tenant is the largest slice.
        QVERIFY(!m_page->tenantChart()->labels().isEmpty());
        QVERIFY(m_page->tenantChart()->labels().first().startsWith(QStringLiteral("key 1:")));
        // Every class has calls, and multi-shard statements dominate the cost chart although routers have the calls.
        for (const qint64 calls : m_page->classChart()->calls())
            QVERIFY(calls > 0);
        QVERIFY(m_page->classChart()->calls().first() > m_page->classChart()->calls().at(1));
        QVERIFY(!m_page->costChart()->costs().isEmpty());
        QVERIFY(m_page->costChart()->costs().size() <= FanoutCostChart::kMaxBars);
    }

    void unknownRowsCarryTheirReason()
    {
        m_page->setCitusTablesOnly(false);
        StatementTableModel* model = m_page->model();
        int unknown = 0;
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex cls = model->index(row, StatementTableModel::ClassColumn);
            const QString tip = cls.data(Qt::ToolTipRole).toString();
            QVERIFY(!tip.isEmpty());
            if (cls.data().toString() == QStringLiteral("unknown")) {
                ++unknown;
                QCOMPARE(model->index(row, StatementTableModel::ShardsColumn).data().toString(), QStringLiteral("–"));
            }
        }
        QVERIFY(unknown >= 2);
    }

    void filterByClassAndText_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("expected");
        // A repartition join and an INSERT ... SELECT repartitioned by a constant site_id.
        QTest::newRow("repartition") << int(stats::FanoutClass::Repartition) << QString() << 2;
        QTest::newRow("router users") << int(stats::FanoutClass::Router) << QStringLiteral("* FROM users") << 1;
        QTest::newRow("reference") << int(stats::FanoutClass::Reference) << QString() << 2;
        QTest::newRow("text only") << -1 << QStringLiteral("page_views") << 3;
    }
    void filterByClassAndText()
    {
        QFETCH(int, kind);
        QFETCH(QString, text);
        QFETCH(int, expected);
        StatementFilterProxy* proxy = m_page->proxy();
        proxy->setClassFilter(kind < 0 ? std::nullopt : std::optional(static_cast<stats::FanoutClass>(kind)));
        proxy->setFilterFixedString(text);
        QCOMPARE(proxy->rowCount(), expected);
    }

    void explainButtonRequestsTheStatement()
    {
        QTableView* table = m_page->table();
        auto* button = m_page->findChild<QPushButton*>(QStringLiteral("explainButton"));
        QVERIFY(button);
        QVERIFY(!button->isEnabled());
        table->selectRow(0);
        QVERIFY(button->isEnabled());
        QSignalSpy requested(m_page.get(), &QueriesPage::explainRequested);
        button->click();
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.first().first().toString(),
                 m_page->proxy()->index(0, 0).data(StatementTableModel::SqlRole).toString());
        QVERIFY(requested.first().first().toString().startsWith(QStringLiteral("SELECT")) ||
                requested.first().first().toString().startsWith(QStringLiteral("INSERT")) ||
                requested.first().first().toString().startsWith(QStringLiteral("WITH")));
    }

    void rendersTheCharts()
    {
        m_page->resize(1400, 1500);
        QTest::qWait(50);
        const QImage image = m_page->grab().toImage();
        QVERIFY(!image.isNull());
        // Bars and slices are drawn: the chart area holds many distinct colours, not a blank widget.
        QSet<QRgb> colours;
        for (int y = image.height() / 2; y < image.height(); y += 7)
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 20, QByteArray::number(colours.size()).constData());
        image.save(QDir::temp().filePath(QStringLiteral("shardscope-queries-page.png")));
    }

    void countersAdvanceWithSnapshots()
    {
        const auto before = m_page->classChart()->calls();
        QSignalSpy updated(m_page.get(), &QueriesPage::reportUpdated);
        m_source->refresh();
        QVERIFY(updated.wait(20000));
        const auto after = m_page->classChart()->calls();
        QCOMPARE(after.size(), before.size());
        QVERIFY(after.first() > before.first());
    }
};

QTEST_MAIN(TestQueriesPage)
#include "tst_queriespage.moc"
