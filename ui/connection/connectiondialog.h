// SPDX-License-Identifier: MIT
#pragma once

#include "connectionprofile.h"
#include "passwordvault.h"

#include <QDialog>
#include <atomic>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace shardscope {

class ProfileStore;

/**
 * Connection profiles: a list, the fields users expect (host, port, database, user, password, sslmode with
 * a root certificate, connect timeout) over a libpq connection string that keeps anything else libpq
 * accepts, "Test connection" off the GUI thread, and an import of pg_service.conf entries. Passwords go to
 * the keychain only.
 */
class ConnectionDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ConnectionDialog(ProfileStore& store, QWidget* parent = nullptr);
    ~ConnectionDialog() override;

    /** The connection string to use, with the password when one was typed or read from the keychain. */
    QString chosenConninfo() const { return m_chosen; }
    /** The current form as a connection string, without the password. */
    QString formConninfo() const;
    QString statusText() const;
    bool isTesting() const { return static_cast<bool>(m_testAbort); }

public Q_SLOTS:
    void saveProfile();
    void testConnection();
    void importServices();
    void connectToServer();

Q_SIGNALS:
    /** The user chose to connect; conninfo may carry a password (keep it in memory only). */
    void connectionChosen(const QString& profileName, const QString& conninfo);
    void testFinished(bool ok, const QString& message);
    void profileSaved(const QString& name);

private:
    void buildUi();
    void reloadList(const QString& select = {});
    void showProfile(const QString& name);
    void fieldsFromConninfo(const QString& conninfo);
    void updateConninfoPreview();
    void setStatus(const QString& text, bool error = false);
    void finishConnect(const QString& password);
    QString connectionStringWithPassword(const QString& password) const;

    ProfileStore& m_store;
    PasswordVault m_vault;
    QListWidget* m_list = nullptr;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_host = nullptr;
    QLineEdit* m_port = nullptr;
    QLineEdit* m_database = nullptr;
    QLineEdit* m_user = nullptr;
    QLineEdit* m_password = nullptr;
    QCheckBox* m_savePassword = nullptr;
    QComboBox* m_sslMode = nullptr;
    QLineEdit* m_rootCert = nullptr;
    QSpinBox* m_timeout = nullptr;
    QLineEdit* m_conninfo = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_testButton = nullptr;
    QPushButton* m_connectButton = nullptr;
    bool m_passwordSaved = false;
    QString m_chosen;
    quint64 m_testGeneration = 0;
    std::shared_ptr<std::atomic<bool>> m_testAbort;
};

} // namespace shardscope
