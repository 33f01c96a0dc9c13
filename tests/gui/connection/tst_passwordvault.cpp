// SPDX-License-Identifier: MIT
// The keychain path for real: run inside a private D-Bus session with an unlocked gnome-keyring
// (with_keyring.sh). A password saved with a profile lands in the keychain, only a flag lands in the
// settings file, and Connect reads it back.
#include "connection/connectiondialog.h"
#include "connection/passwordvault.h"
#include "connection/profilestore.h"

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

struct Answer
{
    bool done = false;
    PasswordVault::Outcome outcome = PasswordVault::Outcome::Failed;
    QString value;
};

PasswordVault::Done into(Answer& answer)
{
    return [&answer](PasswordVault::Outcome outcome, const QString& value) { answer = Answer{true, outcome, value}; };
}

} // namespace

class TestPasswordVault : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("SHARDSCOPE_TEST_KEYRING"))
            QSKIP("needs a private D-Bus session with an unlocked gnome-keyring (run through with_keyring.sh)");
    }

    void roundTrip()
    {
        PasswordVault vault;
        Answer written;
        vault.write(s("vault-test"), s("pä ss:word'"), into(written));
        QTRY_VERIFY_WITH_TIMEOUT(written.done, 20000);
        QVERIFY2(written.outcome == PasswordVault::Outcome::Ok, qPrintable(written.value));

        Answer read;
        vault.read(s("vault-test"), into(read));
        QTRY_VERIFY_WITH_TIMEOUT(read.done, 20000);
        QCOMPARE(read.outcome, PasswordVault::Outcome::Ok);
        QCOMPARE(read.value, s("pä ss:word'"));

        Answer removed;
        vault.remove(s("vault-test"), into(removed));
        QTRY_VERIFY_WITH_TIMEOUT(removed.done, 20000);
        QCOMPARE(removed.outcome, PasswordVault::Outcome::Ok);

        Answer gone;
        vault.read(s("vault-test"), into(gone));
        QTRY_VERIFY_WITH_TIMEOUT(gone.done, 20000);
        QCOMPARE(gone.outcome, PasswordVault::Outcome::NotFound);
    }

    void dialogSavesToTheKeychainOnly()
    {
        QTemporaryDir dir;
        const QString ini = dir.filePath(s("profiles.ini"));
        {
            ProfileStore store(ini);
            ConnectionDialog dialog(store);
            QSignalSpy saved(&dialog, &ConnectionDialog::profileSaved);
            QTest::keyClicks(dialog.findChild<QLineEdit*>(s("name")), s("keyring-profile"));
            QTest::keyClicks(dialog.findChild<QLineEdit*>(s("host")), s("db.example"));
            QTest::keyClicks(dialog.findChild<QLineEdit*>(s("password")), s("kept-in-keyring-77"));
            dialog.findChild<QCheckBox*>(s("savePassword"))->setChecked(true);
            QTest::mouseClick(dialog.findChild<QPushButton*>(s("saveButton")), Qt::LeftButton);
            QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 20000);
            QVERIFY2(dialog.statusText().contains(s("is in the system keychain")), qPrintable(dialog.statusText()));
        }
        QFile file(ini);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray contents = file.readAll();
        QVERIFY(!contents.contains("kept-in-keyring-77"));
        QVERIFY(contents.contains("passwordSaved=true"));

        // A new dialog: Connect reads the password back from the keychain.
        ProfileStore store(ini);
        ConnectionDialog dialog(store);
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        dialog.findChild<QListWidget*>(s("profileList"))->setCurrentRow(0);
        QTest::mouseClick(dialog.findChild<QPushButton*>(s("connectButton")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(accepted.count(), 1, 20000);
        QVERIFY(dialog.chosenConninfo().contains(s("password=kept-in-keyring-77")));

        PasswordVault vault;
        Answer removed;
        vault.remove(s("keyring-profile"), into(removed));
        QTRY_VERIFY_WITH_TIMEOUT(removed.done, 20000);
    }
};

QTEST_MAIN(TestPasswordVault)
#include "tst_passwordvault.moc"
