// SPDX-License-Identifier: MIT
// The main window wired to a live source: plain PostgreSQL shows limited mode and its version in the status
// bar, an unreachable server says so with the fix, and File › Open demo cluster switches back cleanly.
#include "api/clustersource.h"
#include "connection/connectiondialog.h"
#include "connection/profilestore.h"
#include "connectionbanner.h"
#include "mainwindow.h"
#include "pgtestserver.h"
#include "sourceswitcher.h"

#include <QAction>
#include <QLabel>
#include <QPointer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

using namespace shardscope;

namespace {

QString serverStatus(MainWindow* window)
{
    auto* label = window->statusBar()->findChild<QLabel*>(QStringLiteral("serverStatus"));
    return label ? label->text() : QStringLiteral("<no serverStatus label>");
}

bool bannerShown(MainWindow* window)
{
    auto* bar = window->findChild<QToolBar*>(QStringLiteral("connectionBar"));
    return bar && bar->isVisible();
}

} // namespace

class TestLiveWiring : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        if (test::PgTestServer::conninfo().isEmpty())
            QFAIL(qPrintable(test::PgTestServer::error()));
    }

    void plainPostgresShowsLimitedModeAndVersion()
    {
        SourceSwitcher switcher;
        QVERIFY(switcher.openLive(test::PgTestServer::conninfo()).ok());
        MainWindow* window = switcher.window();
        window->show();
        QCOMPARE(switcher.source()->kind(), SourceKind::Live);
        QSignalSpy ready(switcher.source(), &ClusterSource::snapshotReady);
        QVERIFY(ready.wait(30000));
        QTRY_VERIFY(serverStatus(window).contains(QStringLiteral("PostgreSQL 15")));
        QVERIFY2(serverStatus(window).contains(QStringLiteral("limited mode")), qPrintable(serverStatus(window)));
        QCOMPARE(switcher.source()->connectionState(), ClusterSource::ConnectionState::Connected);
        QTRY_VERIFY(bannerShown(window));
        QVERIFY2(switcher.banner()->text().contains(QStringLiteral("Limited mode")),
                 qPrintable(switcher.banner()->text()));
        QVERIFY(switcher.banner()->text().contains(QStringLiteral("CREATE EXTENSION citus")));
    }

    void failuresShowTheMessageAndFix_data()
    {
        QTest::addColumn<QString>("conninfo");
        QTest::addColumn<QString>("expected");
        // Port 1 on loopback: nothing listens there, the connection is refused at once.
        QTest::newRow("unreachable") << QStringLiteral("host=127.0.0.1 port=1 dbname=postgres connect_timeout=3")
                                     << QStringLiteral("Check host and port");
        QTest::newRow("missing database") << test::PgTestServer::conninfo(QStringLiteral("no_such_database_here"))
                                          << QStringLiteral("no_such_database_here");
    }

    void failuresShowTheMessageAndFix()
    {
        QFETCH(QString, conninfo);
        QFETCH(QString, expected);
        SourceSwitcher switcher;
        QVERIFY(switcher.openLive(conninfo).ok());
        MainWindow* window = switcher.window();
        window->show();
        QSignalSpy failed(switcher.source(), &ClusterSource::refreshFailed);
        QVERIFY(failed.wait(30000));
        QTRY_VERIFY(bannerShown(window));
        const QString text = switcher.banner()->text();
        QVERIFY2(text.contains(expected), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Fix:")), qPrintable(text));
        // Rich text: libpq's line breaks must become <br>, or the lines run into each other.
        QVERIFY2(!text.contains(QLatin1Char('\n')) && !text.contains(QLatin1Char('\t')), qPrintable(text));
        if (text.contains(QStringLiteral("Is the server running")))
            QVERIFY2(text.contains(QStringLiteral("<br>Is the server running")), qPrintable(text));
        QCOMPARE(switcher.source()->connectionState(), ClusterSource::ConnectionState::Failed);
    }

    void invalidConninfoIsRefusedWithoutSwitching()
    {
        SourceSwitcher switcher;
        switcher.openDemo();
        ClusterSource* demo = switcher.source();
        const Status status = switcher.openLive(QStringLiteral("this is not a conninfo"));
        QVERIFY(!status.ok());
        QVERIFY2(!status.error().message.empty(), "libpq's message is passed on");
        QCOMPARE(switcher.source(), demo);
    }

    void connectDialogSwitchesToTheChosenServer()
    {
        QTemporaryDir dir;
        ProfileStore store(dir.filePath(QStringLiteral("profiles.ini")));
        SourceSwitcher switcher;
        switcher.setProfileStore(&store);
        switcher.openDemo();
        QPointer<MainWindow> demoWindow = switcher.window();
        demoWindow->show();
        QSignalSpy changed(&switcher, &SourceSwitcher::windowChanged);
        demoWindow->findChild<QAction*>(QStringLiteral("connectAction"))->trigger();
        auto* dialog = demoWindow->findChild<ConnectionDialog*>(QStringLiteral("connectionDialog"));
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible()); // opened window-modal, not with a blocking exec()
        Q_EMIT dialog->connectionChosen(QStringLiteral("test"), test::PgTestServer::conninfo());
        QTRY_COMPARE(changed.count(), 1);
        QCOMPARE(switcher.source()->kind(), SourceKind::Live);
        QTRY_VERIFY(demoWindow.isNull());
        // The profile's name titles the window, before the connection's user@host:port/db.
        QVERIFY2(switcher.window()->windowTitle().startsWith(QStringLiteral("test (")),
                 qPrintable(switcher.window()->windowTitle()));
        QTRY_VERIFY_WITH_TIMEOUT(serverStatus(switcher.window()).contains(QStringLiteral("PostgreSQL")), 30000);
    }

    void openDemoSwitchesBack()
    {
        SourceSwitcher switcher;
        QVERIFY(switcher.openLive(QStringLiteral("host=127.0.0.1 port=1 connect_timeout=2")).ok());
        QPointer<MainWindow> liveWindow = switcher.window();
        liveWindow->resize(1000, 700);
        liveWindow->show();
        QSignalSpy changed(&switcher, &SourceSwitcher::windowChanged);

        auto* connectAction = liveWindow->findChild<QAction*>(QStringLiteral("connectAction"));
        QVERIFY(connectAction);
        QCOMPARE(connectAction->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_O));
        auto* demoAction = liveWindow->findChild<QAction*>(QStringLiteral("openDemoAction"));
        QVERIFY(demoAction);
        demoAction->trigger();
        QTRY_COMPARE(changed.count(), 1);
        QCOMPARE(switcher.source()->kind(), SourceKind::Embedded);
        QTRY_VERIFY(liveWindow.isNull()); // the old window (and its source) are gone
        MainWindow* window = switcher.window();
        QVERIFY(window->isVisible());
        QCOMPARE(window->size(), QSize(1000, 700));
        QSignalSpy ready(switcher.source(), &ClusterSource::snapshotReady);
        QVERIFY(switcher.source()->currentSnapshot().isNull() ? ready.wait(15000) : true);
        QVERIFY(!switcher.banner()->isActive());
        QVERIFY(!bannerShown(window));
        QVERIFY(serverStatus(window).isEmpty());
    }
};

QTEST_MAIN(TestLiveWiring)
#include "tst_livewiring.moc"
