// SPDX-License-Identifier: MIT
// The connection dialog driven like a user would, offscreen: fields and the libpq connection string stay in
// step, passwords never reach the settings file, "Test connection" runs off the GUI thread against the real
// test server, pg_service.conf entries are imported, and Connect hands over the connection string.
#include "connection/connectiondialog.h"
#include "connection/profilestore.h"
#include "pgtestserver.h"

#include <QCheckBox>
#include <QFile>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace shardscope;

namespace {

QString s(const char* text)
{
    return QString::fromUtf8(text);
}

template <class T>
T* child(QObject* parent, const char* name)
{
    T* widget = parent->findChild<T*>(QLatin1String(name));
    if (!widget)
        qFatal("no child %s", name);
    return widget;
}

QString serverValue(const char* keyword)
{
    const QString info = test::PgTestServer::conninfo();
    for (const QString& part : info.split(QLatin1Char(' '))) {
        if (part.startsWith(QLatin1String(keyword) + QLatin1Char('=')))
            return part.section(QLatin1Char('='), 1);
    }
    return {};
}

} // namespace

class TestConnectionDialog : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString iniPath(const char* name) const { return m_dir.filePath(QLatin1String(name)); }

    static void fillServer(ConnectionDialog& dialog, const QString& port)
    {
        QTest::keyClicks(child<QLineEdit>(&dialog, "host"), s("127.0.0.1"));
        QTest::keyClicks(child<QLineEdit>(&dialog, "port"), port);
        QTest::keyClicks(child<QLineEdit>(&dialog, "user"), serverValue("user"));
        QTest::keyClicks(child<QLineEdit>(&dialog, "database"), s("postgres"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // No keychain here: the tests must not depend on the desktop's secret service.
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    }

    void fieldsFollowTheConnectionString()
    {
        ProfileStore store(iniPath("fields.ini"));
        ConnectionDialog dialog(store);
        QTest::keyClicks(child<QLineEdit>(&dialog, "host"), s("db1,db2"));
        QTest::keyClicks(child<QLineEdit>(&dialog, "port"), s("5432,6432"));
        QTest::keyClicks(child<QLineEdit>(&dialog, "user"), s("o'neil"));
        // libpq's keyword order, values quoted the way libpq reads them back.
        QCOMPARE(dialog.formConninfo(), s("user='o\\'neil' host=db1,db2 port=5432,6432"));
        const QString preview = child<QLineEdit>(&dialog, "conninfo")->text();
        QVERIFY(preview.contains(s("host=db1,db2")) && preview.contains(s("user='o\\'neil'")));

        auto* conninfo = child<QLineEdit>(&dialog, "conninfo");
        conninfo->clear();
        QTest::keyClicks(conninfo, s("postgresql://alice@h9:7000/app?sslmode=verify-full&sslrootcert=/tmp/ca.crt"));
        QCOMPARE(child<QLineEdit>(&dialog, "host")->text(), s("h9"));
        QCOMPARE(child<QLineEdit>(&dialog, "port")->text(), s("7000"));
        QCOMPARE(child<QLineEdit>(&dialog, "user")->text(), s("alice"));
        QCOMPARE(child<QLineEdit>(&dialog, "database")->text(), s("app"));
        QCOMPARE(child<QLineEdit>(&dialog, "sslrootcert")->text(), s("/tmp/ca.crt"));
        QVERIFY(dialog.formConninfo().contains(s("sslmode=verify-full")));

        conninfo->clear();
        QTest::keyClicks(conninfo, s("host='unterminated"));
        QVERIFY(dialog.statusText().contains(s("unterminated quoted string")));
    }

    void passwordsNeverReachTheSettingsFile()
    {
        const QString ini = iniPath("secrets.ini");
        {
            ProfileStore store(ini);
            ConnectionDialog dialog(store);
            QSignalSpy saved(&dialog, &ConnectionDialog::profileSaved);
            QTest::keyClicks(child<QLineEdit>(&dialog, "name"), s("prod"));
            fillServer(dialog, s("5432"));
            QTest::keyClicks(child<QLineEdit>(&dialog, "password"), s("s3cret-Ü-pw"));
            child<QCheckBox>(&dialog, "savePassword")->setChecked(true);
            QTest::mouseClick(child<QPushButton>(&dialog, "saveButton"), Qt::LeftButton);
            QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 20000);
            // Without a keychain the password is refused there and stored nowhere else: the user is told.
            QVERIFY2(dialog.statusText().contains(s("stored nowhere")) || dialog.statusText().contains(s("keychain")),
                     qPrintable(dialog.statusText()));

            // A password typed into the connection string is stripped as well.
            auto* conninfo = child<QLineEdit>(&dialog, "conninfo");
            conninfo->clear();
            QTest::keyClicks(conninfo, s("host=h password=inline-pw-42 user=u"));
            child<QLineEdit>(&dialog, "name")->clear();
            QTest::keyClicks(child<QLineEdit>(&dialog, "name"), s("inline"));
            child<QCheckBox>(&dialog, "savePassword")->setChecked(false);
            QTest::mouseClick(child<QPushButton>(&dialog, "saveButton"), Qt::LeftButton);
            QTRY_VERIFY(saved.count() >= 2);
        }
        QFile file(ini);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray contents = file.readAll();
        QVERIFY(contents.contains("prod"));
        QVERIFY(contents.contains("inline"));
        QVERIFY(!contents.contains("s3cret"));
        QVERIFY(!contents.contains(QStringLiteral("s3cret-Ü-pw").toUtf8()));
        QVERIFY(!contents.contains("inline-pw-42"));
        QVERIFY(!contents.contains("password="));

        ProfileStore reread(ini);
        QCOMPARE(reread.profiles().size(), 2);
        QCOMPARE(reread.profiles().at(0).name, s("prod"));
        QVERIFY(!reread.profiles().at(0).passwordSaved); // the keychain refused it
    }

    void testConnectionRunsOffTheGuiThread()
    {
        if (test::PgTestServer::conninfo().isEmpty())
            QFAIL(qPrintable(test::PgTestServer::error()));
        ProfileStore store(iniPath("test.ini"));
        ConnectionDialog dialog(store);
        QSignalSpy finished(&dialog, &ConnectionDialog::testFinished);
        fillServer(dialog, serverValue("port"));
        QTest::mouseClick(child<QPushButton>(&dialog, "testButton"), Qt::LeftButton);
        // The click returned before the server answered: the test is still under way.
        QVERIFY(dialog.isTesting());
        QVERIFY(dialog.statusText().startsWith(s("Testing")));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
        QVERIFY(finished.at(0).at(0).toBool());
        QVERIFY2(dialog.statusText().contains(s("PostgreSQL 15")), qPrintable(dialog.statusText()));
        QVERIFY(dialog.statusText().contains(s("limited mode")));
        QVERIFY(dialog.statusText().contains(s("CREATE EXTENSION citus")));
        QVERIFY(!dialog.isTesting());
    }

    void testConnectionFailureIsExplained()
    {
        ProfileStore store(iniPath("fail.ini"));
        ConnectionDialog dialog(store);
        QSignalSpy finished(&dialog, &ConnectionDialog::testFinished);
        fillServer(dialog, s("1"));
        QTest::mouseClick(child<QPushButton>(&dialog, "testButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
        QVERIFY(!finished.at(0).at(0).toBool());
        QVERIFY2(dialog.statusText().contains(s("cannot be reached")), qPrintable(dialog.statusText()));
        QVERIFY(dialog.statusText().contains(s("listen_addresses")));
    }

    void importFromServiceFile()
    {
        const QString path = m_dir.filePath(s("pg_service.conf"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("# services\n[alpha]\nhost=a1\nport=5432\n\n[beta]\nhost=b1\npassword=never-shown\n");
        file.close();
        qputenv("PGSERVICEFILE", QFile::encodeName(path));
        ProfileStore store(iniPath("import.ini"));
        ConnectionDialog dialog(store);
        QTest::mouseClick(child<QPushButton>(&dialog, "importButton"), Qt::LeftButton);
        qunsetenv("PGSERVICEFILE");
        auto* list = child<QListWidget>(&dialog, "profileList");
        QCOMPARE(list->count(), 2);
        QCOMPARE(list->item(0)->text(), s("alpha"));
        QVERIFY(dialog.statusText().contains(s("Imported 2")));
        list->setCurrentRow(1);
        QCOMPARE(child<QLineEdit>(&dialog, "conninfo")->text(), s("service=beta"));
        QCOMPARE(child<QLineEdit>(&dialog, "name")->text(), s("beta"));
    }

    void connectHandsOverTheConnectionString()
    {
        ProfileStore store(iniPath("connect.ini"));
        ConnectionDialog dialog(store);
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        QSignalSpy chosen(&dialog, &ConnectionDialog::connectionChosen);
        QTest::keyClicks(child<QLineEdit>(&dialog, "name"), s("local"));
        fillServer(dialog, s("5432"));
        QTest::keyClicks(child<QLineEdit>(&dialog, "password"), s("typed pw"));
        QTest::mouseClick(child<QPushButton>(&dialog, "connectButton"), Qt::LeftButton);
        QCOMPARE(accepted.count(), 1);
        QCOMPARE(chosen.count(), 1);
        QCOMPARE(chosen.at(0).at(0).toString(), s("local"));
        QVERIFY(dialog.chosenConninfo().contains(s("password='typed pw'")));
        QVERIFY(dialog.chosenConninfo().contains(s("host=127.0.0.1")));
    }

    void savedPasswordThatCannotBeRead()
    {
        ProfileStore store(iniPath("locked.ini"));
        store.save(ConnectionProfile{s("locked-profile"), s("host=h user=u"), true});
        ConnectionDialog dialog(store);
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        child<QListWidget>(&dialog, "profileList")->setCurrentRow(0);
        QVERIFY(dialog.statusText().contains(s("saved in the keychain")));
        QTest::mouseClick(child<QPushButton>(&dialog, "connectButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.statusText().contains(s("did not return it")), 20000);
        QVERIFY(dialog.statusText().contains(s("Unlock")));
        QCOMPARE(accepted.count(), 0);
    }
};

QTEST_MAIN(TestConnectionDialog)
#include "tst_connectiondialog.moc"
