// SPDX-License-Identifier: MIT
#include "distribution/columnadvicemodel.h"
#include "distribution/distributionwizard.h"
#include "sim/demoplaintables.h"
#include "sim/embeddedclustersource.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace shardscope;

namespace {

const engine::Table* tableNamed(const ClusterSource& source, const std::string& name)
{
    for (const engine::Table& t : source.currentSnapshot().state->tables) {
        if (t.name == name)
            return &t;
    }
    return nullptr;
}

// A row of the column view, clicked like a user does.
void clickColumn(DistributionWizard& wizard, const QString& column)
{
    QTableView* view = wizard.columnView();
    const int row = wizard.adviceModel()->rowOf(column);
    QVERIFY(row >= 0);
    const QRect rect = view->visualRect(wizard.adviceModel()->index(row, 0));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
}

} // namespace

class TestDistributionWizard : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        QVERIFY(m_dir.isValid());
        sim::EmbeddedClusterSource::Options options;
        options.workspacePath = m_dir.filePath(QStringLiteral("demo.sqlite"));
        options.resetDemo = true;
        m_source = std::make_unique<sim::EmbeddedClusterSource>(options);
        QSignalSpy finished(m_source.get(), &ClusterSource::jobFinished);
        for (const engine::CreatePlainTable& request : sim::demoPlainTableRequests())
            m_source->submit(request);
        QTRY_COMPARE(finished.count(), 3);
        QTRY_VERIFY(tableNamed(*m_source, "audit_log"));
        m_wizard = std::make_unique<DistributionWizard>(
            m_source.get(), [](const engine::Table& t) { return sim::demoPlainTable(t.schema, t.name); });
        m_wizard->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_wizard.get()));
    }

    void cleanup()
    {
        m_wizard.reset();
        m_source->waitForIdle();
        m_source.reset();
    }

    void distributesByChosenColumn()
    {
        QAbstractItemModelTester tester(m_wizard->adviceModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const engine::Table* customers = tableNamed(*m_source, "customers");
        QVERIFY(customers);
        QVERIFY(m_wizard->selectTable(customers->oid));
        QCOMPARE(m_wizard->adviceModel()->rowCount(), 5);
        QVERIFY(!m_wizard->runButton()->isEnabled()); // no column chosen yet
        clickColumn(*m_wizard, QStringLiteral("customer_id"));
        QCOMPARE(m_wizard->sqlPreview()->toPlainText(),
                 QStringLiteral("SELECT create_distributed_table('customers', 'customer_id');"));
        QVERIFY(m_wizard->runButton()->isEnabled());
        m_wizard->setShardCount(8);
        QCOMPARE(m_wizard->sqlPreview()->toPlainText(),
                 QStringLiteral("SELECT create_distributed_table('customers', 'customer_id', "
                                "shard_count => 8);"));

        QSignalSpy done(m_wizard.get(), &DistributionWizard::distributionFinished);
        QTest::mouseClick(m_wizard->runButton(), Qt::LeftButton);
        QTRY_COMPARE(done.count(), 1);
        QVERIFY(done.at(0).at(0).value<JobResult>().ok());
        QVERIFY(m_wizard->statusLabel()->text().contains(QStringLiteral("Done")));
        const engine::Table* distributed = tableNamed(*m_source, "customers");
        QVERIFY(distributed);
        QCOMPARE(distributed->kind, engine::TableKind::HashDistributed);
        QCOMPARE(distributed->distributionColumn, std::string("customer_id"));
        QCOMPARE(distributed->columnType, engine::ColumnType::Int8);
        int shards = 0;
        for (const engine::Shard& s : m_source->currentSnapshot().state->shards)
            shards += s.table == distributed->oid ? 1 : 0;
        QCOMPARE(shards, 8);
        // It left the list of local tables.
        QCOMPARE(m_wizard->tableChooser()->findText(QStringLiteral("customers")), -1);
        // The advice follows the table the chooser shows now, with no column chosen.
        const QString shown = m_wizard->tableChooser()->currentText();
        const auto info = sim::demoPlainTable("public", shown.toStdString());
        QVERIFY(info);
        QCOMPARE(m_wizard->adviceModel()->rowCount(), int(info->columns.size()));
        QVERIFY(!m_wizard->columnView()->currentIndex().isValid());
        QVERIFY(!m_wizard->runButton()->isEnabled());
        grabScreenshot(QStringLiteral("after-run"));
    }

    void unsupportedTypeBlocksRun()
    {
        QVERIFY(m_wizard->selectTable(tableNamed(*m_source, "customers")->oid));
        clickColumn(*m_wizard, QStringLiteral("profile"));
        QVERIFY(!m_wizard->runButton()->isEnabled());
        QVERIFY(m_wizard->sqlPreview()->toPlainText().isEmpty());
        const QString reason = m_wizard->reasonLabel()->text();
        QVERIFY2(reason.contains(QStringLiteral("jsonb")), qPrintable(reason));
        QVERIFY(reason.contains(QStringLiteral("Citus would refuse column profile")));
        const int row = m_wizard->adviceModel()->rowOf(QStringLiteral("profile"));
        const QString verdict =
            m_wizard->adviceModel()->data(m_wizard->adviceModel()->index(row, ColumnAdviceModel::Verdict)).toString();
        QVERIFY2(verdict.startsWith(QStringLiteral("unsupported: type jsonb")), qPrintable(verdict));
        // Nothing ran: still a local table.
        QCOMPARE(tableNamed(*m_source, "customers")->kind, engine::TableKind::Plain);
    }

    void foreignKeyOffersColocation()
    {
        QVERIFY(m_wizard->selectTable(tableNamed(*m_source, "invoices")->oid));
        clickColumn(*m_wizard, QStringLiteral("customer_id"));
        QComboBox* colocate = m_wizard->colocateChooser();
        QVERIFY(colocate->findData(QStringLiteral("users")) >= 0);
        QVERIFY(colocate->findData(QStringLiteral("orders")) < 0); // int4, not bigint
        m_wizard->setColocateWith(QStringLiteral("users"));
        m_wizard->setShardCount(8); // ignored with a named table, as Citus requires
        QCOMPARE(m_wizard->sqlPreview()->toPlainText(),
                 QStringLiteral("SELECT create_distributed_table('invoices', 'customer_id', "
                                "colocate_with => 'users');"));
        grabScreenshot(QStringLiteral("invoices"));
        QSignalSpy done(m_wizard.get(), &DistributionWizard::distributionFinished);
        QTest::mouseClick(m_wizard->runButton(), Qt::LeftButton);
        QTRY_COMPARE(done.count(), 1);
        const engine::Table* invoices = tableNamed(*m_source, "invoices");
        const engine::Table* users = tableNamed(*m_source, "users");
        QCOMPARE(invoices->colocationId, users->colocationId);
    }

    void referenceAndCitusRefusal()
    {
        const engine::Table* audit = tableNamed(*m_source, "audit_log");
        QVERIFY(m_wizard->selectTable(audit->oid));
        m_wizard->setKind(DistributionWizard::Kind::Reference);
        QCOMPARE(m_wizard->sqlPreview()->toPlainText(), QStringLiteral("SELECT create_reference_table('audit_log');"));
        // Someone else distributes it first (queued before the wizard's run, no event loop in between): the
        // wizard's run is refused by Citus and says so.
        m_source->submit(engine::CreateReferenceTable{"public", "audit_log"});
        QSignalSpy done(m_wizard.get(), &DistributionWizard::distributionFinished);
        m_wizard->runButton()->click();
        QTRY_COMPARE(done.count(), 1);
        QVERIFY(!done.at(0).at(0).value<JobResult>().ok());
        const QString status = m_wizard->statusLabel()->text();
        QVERIFY2(status.startsWith(QStringLiteral("Citus refused:")), qPrintable(status));
        QVERIFY(status.contains(QStringLiteral("already distributed")));
    }

    void readsColumnsAsynchronously()
    {
        // As on a live coordinator: the answer comes later, from elsewhere; the advice waits for it.
        int asked = 0;
        auto provider = [&asked](const engine::Table& t, QObject* context,
                                 DistributionWizard::TableInfoCallback callback) {
            ++asked;
            QTimer::singleShot(50, context, [t, callback] {
                if (t.name == "audit_log")
                    callback(Error::make("permission denied for table audit_log", "42501"));
                else
                    callback(*sim::demoPlainTable(t.schema, t.name));
            });
        };
        DistributionWizard wizard(m_source.get(), DistributionWizard::AsyncTableInfoProvider(provider));
        wizard.show();
        const engine::Table* customers = tableNamed(*m_source, "customers");
        QVERIFY(wizard.selectTable(customers->oid));
        QVERIFY(wizard.isReadingColumns());
        QVERIFY(wizard.reasonLabel()->text().startsWith(QStringLiteral("Reading the columns")));
        QVERIFY(!wizard.runButton()->isEnabled());
        QSignalSpy read(&wizard, &DistributionWizard::columnsRead);
        QTRY_VERIFY(read.count() >= 1);
        QVERIFY(!wizard.isReadingColumns());
        QVERIFY(wizard.adviceModel()->rowCount() > 0);
        QVERIFY(wizard.selectColumn(QStringLiteral("customer_id")));
        QVERIFY(wizard.runButton()->isEnabled());

        // A table whose columns cannot be read: said so, reference distribution still possible.
        const engine::Table* audit = tableNamed(*m_source, "audit_log");
        read.clear();
        QVERIFY(wizard.selectTable(audit->oid));
        QTRY_VERIFY(read.count() >= 1);
        QVERIFY2(wizard.reasonLabel()->text().contains(QStringLiteral("permission denied")),
                 qPrintable(wizard.reasonLabel()->text()));
        QCOMPARE(wizard.adviceModel()->rowCount(), 0);
        wizard.setKind(DistributionWizard::Kind::Reference);
        QVERIFY(wizard.runButton()->isEnabled());
        QVERIFY(asked >= 2);
    }

    void staleAnswerIsDropped()
    {
        // The first table's answer arrives after the second was chosen: the advice is the second's.
        auto provider = [](const engine::Table& t, QObject* context, DistributionWizard::TableInfoCallback callback) {
            QTimer::singleShot(t.name == "customers" ? 300 : 10, context,
                               [t, callback] { callback(*sim::demoPlainTable(t.schema, t.name)); });
        };
        DistributionWizard wizard(m_source.get(), DistributionWizard::AsyncTableInfoProvider(provider));
        QSignalSpy read(&wizard, &DistributionWizard::columnsRead);
        QVERIFY(wizard.selectTable(tableNamed(*m_source, "customers")->oid));
        QVERIFY(wizard.selectTable(tableNamed(*m_source, "audit_log")->oid));
        QTest::qWait(400);
        const auto audit = sim::demoPlainTable("public", "audit_log");
        QCOMPARE(wizard.adviceModel()->rowCount(), int(audit->columns.size()));
        QCOMPARE(wizard.adviceModel()->advice().front().column, audit->columns.front().name);
    }

    void cancelStopsTheRun()
    {
        const engine::Table* audit = tableNamed(*m_source, "audit_log");
        QVERIFY(m_wizard->selectTable(audit->oid));
        m_wizard->setKind(DistributionWizard::Kind::Reference);
        // Keep the embedded cluster busy so the run is still queued when Cancel is pressed.
        for (int i = 0; i < 40; ++i)
            m_source->submit(engine::CreatePlainTable{"public", "busy_" + std::to_string(i), 0, 0});
        QSignalSpy done(m_wizard.get(), &DistributionWizard::distributionFinished);
        m_wizard->runButton()->click();
        QVERIFY(m_wizard->cancelButton()->isVisible());
        QTest::mouseClick(m_wizard->cancelButton(), Qt::LeftButton);
        QTRY_COMPARE(done.count(), 1);
        QVERIFY(done.at(0).at(0).value<JobResult>().canceled);
        QVERIFY(!m_wizard->cancelButton()->isVisible());
        QVERIFY(m_wizard->statusLabel()->text().startsWith(QStringLiteral("Canceled")));
        m_source->waitForIdle();
        QTRY_VERIFY(tableNamed(*m_source, "busy_39"));
        QCOMPARE(tableNamed(*m_source, "audit_log")->kind, engine::TableKind::Plain);
    }

    void refusalsInPlainWords_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("meaning");
        QTest::newRow("unique without the column") << "cannot create constraint on \"orders_102008\""
                                                   << "does not include the distribution column";
        QTest::newRow("fk to a local table") << "referenced table \"customers\" must be a distributed table or a "
                                                "reference table"
                                             << "still local";
        QTest::newRow("no hash function") << "could not identify a hash function for type point"
                                          << "no hash function";
        QTest::newRow("shard count") << "70000 is outside the valid range for parameter \"shard_count\" (1 .. 64000)"
                                     << "between 1 and 64000";
        QTest::newRow("cancel") << "canceling statement due to user request"
                                << "nothing changed";
        QTest::newRow("unknown stays bare") << "something new"
                                            << "";
    }

    void refusalsInPlainWords()
    {
        QFETCH(QString, message);
        QFETCH(QString, meaning);
        const QString text = DistributionWizard::plainError(Error::make(message.toStdString(), "XX000"));
        QVERIFY(text.startsWith(QStringLiteral("Citus refused: ") + message));
        if (meaning.isEmpty())
            QCOMPARE(text.count(QLatin1Char('\n')), 0);
        else
            QVERIFY2(text.contains(meaning), qPrintable(text));
    }

private:
    void grabScreenshot(const QString& name)
    {
        const QString dir = qEnvironmentVariable("SHARDSCOPE_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(m_wizard->grab().save(dir + QStringLiteral("/wizard-") + name + QStringLiteral(".png")));
    }

    QTemporaryDir m_dir;
    std::unique_ptr<sim::EmbeddedClusterSource> m_source;
    std::unique_ptr<DistributionWizard> m_wizard;
};

QTEST_MAIN(TestDistributionWizard)
#include "tst_distributionwizard.moc"
