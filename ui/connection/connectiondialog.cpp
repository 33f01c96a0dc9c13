// SPDX-License-Identifier: MIT
#include "connectiondialog.h"

#include "live/connectiontest.h"
#include "profilestore.h"
#include "servicefile.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QThreadPool>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace shardscope {

namespace {

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

QString explain(const Error& error)
{
    return error.hint.empty() ? qs(error.message) : qs(error.message) + QLatin1Char('\n') + qs(error.hint);
}

} // namespace

ConnectionDialog::ConnectionDialog(ProfileStore& store, QWidget* parent) : QDialog(parent), m_store(store)
{
    setWindowTitle(tr("Connect to a Citus coordinator"));
    buildUi();
    reloadList();
}

ConnectionDialog::~ConnectionDialog()
{
    if (m_testAbort)
        m_testAbort->store(true); // a running test ends on its own; its result is dropped
}

void ConnectionDialog::buildUi()
{
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("profileList"));
    auto* newButton = new QPushButton(tr("&New"), this);
    auto* deleteButton = new QPushButton(tr("&Delete"), this);
    auto* importButton = new QPushButton(tr("&Import from pg_service.conf"), this);
    importButton->setObjectName(QStringLiteral("importButton"));
    auto* listButtons = new QHBoxLayout;
    listButtons->addWidget(newButton);
    listButtons->addWidget(deleteButton);
    auto* left = new QVBoxLayout;
    left->addWidget(m_list);
    left->addLayout(listButtons);
    left->addWidget(importButton);

    auto line = [this](const char* name, const QString& placeholder = {}) {
        auto* edit = new QLineEdit(this);
        edit->setObjectName(QLatin1String(name));
        edit->setPlaceholderText(placeholder);
        return edit;
    };
    m_name = line("name");
    m_host = line("host", tr("from PGHOST or local socket"));
    m_port = line("port", QStringLiteral("5432"));
    m_database = line("database", tr("same as the user"));
    m_user = line("user", tr("from PGUSER or your login"));
    m_password = line("password", tr("from the keychain or ~/.pgpass"));
    m_password->setEchoMode(QLineEdit::Password);
    m_savePassword = new QCheckBox(tr("Save the password in the system keychain"), this);
    m_savePassword->setObjectName(QStringLiteral("savePassword"));
    m_sslMode = new QComboBox(this);
    m_sslMode->setObjectName(QStringLiteral("sslmode"));
    m_sslMode->addItem(tr("(libpq default: prefer)"), QString());
    for (const char* mode : {"disable", "allow", "prefer", "require", "verify-ca", "verify-full"})
        m_sslMode->addItem(QLatin1String(mode), QLatin1String(mode));
    m_rootCert = line("sslrootcert", tr("root certificate for verify-ca / verify-full"));
    auto* browse = new QPushButton(tr("Browse…"), this);
    auto* certRow = new QHBoxLayout;
    certRow->addWidget(m_rootCert);
    certRow->addWidget(browse);
    m_timeout = new QSpinBox(this);
    m_timeout->setObjectName(QStringLiteral("connectTimeout"));
    m_timeout->setRange(0, 600);
    m_timeout->setSpecialValueText(tr("default (10 s)"));
    m_timeout->setSuffix(tr(" s"));
    m_conninfo = line("conninfo", tr("postgresql://… or key=value (anything libpq accepts)"));

    auto* form = new QFormLayout;
    form->addRow(tr("Profile &name"), m_name);
    form->addRow(tr("&Host"), m_host);
    form->addRow(tr("&Port"), m_port);
    form->addRow(tr("&Database"), m_database);
    form->addRow(tr("&User"), m_user);
    form->addRow(tr("Pass&word"), m_password);
    form->addRow(QString(), m_savePassword);
    form->addRow(tr("&SSL mode"), m_sslMode);
    form->addRow(tr("&Root certificate"), certRow);
    form->addRow(tr("Connect &timeout"), m_timeout);
    form->addRow(tr("Connection &string"), m_conninfo);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_testButton = new QPushButton(tr("&Test connection"), this);
    m_testButton->setObjectName(QStringLiteral("testButton"));
    auto* saveButton = new QPushButton(tr("Sa&ve"), this);
    saveButton->setObjectName(QStringLiteral("saveButton"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_connectButton = buttons->addButton(tr("&Connect"), QDialogButtonBox::AcceptRole);
    m_connectButton->setObjectName(QStringLiteral("connectButton"));
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_testButton);
    actions->addWidget(saveButton);
    actions->addStretch();
    actions->addWidget(buttons);

    auto* right = new QVBoxLayout;
    right->addLayout(form);
    right->addWidget(m_status);
    right->addStretch();
    right->addLayout(actions);
    auto* top = new QHBoxLayout(this);
    top->addLayout(left, 1);
    top->addLayout(right, 2);

    for (QLineEdit* edit : {m_host, m_port, m_database, m_user, m_rootCert})
        connect(edit, &QLineEdit::textEdited, this, &ConnectionDialog::updateConninfoPreview);
    connect(m_sslMode, &QComboBox::activated, this, &ConnectionDialog::updateConninfoPreview);
    connect(m_timeout, &QSpinBox::valueChanged, this, &ConnectionDialog::updateConninfoPreview);
    connect(m_conninfo, &QLineEdit::textEdited, this, &ConnectionDialog::fieldsFromConninfo);
    connect(m_list, &QListWidget::currentTextChanged, this, &ConnectionDialog::showProfile);
    connect(newButton, &QPushButton::clicked, this, [this] {
        m_list->clearSelection();
        showProfile({});
        m_name->setFocus();
    });
    connect(deleteButton, &QPushButton::clicked, this, [this] {
        if (!m_list->currentItem())
            return;
        const QString name = m_list->currentItem()->text();
        m_store.remove(name);
        m_vault.remove(name, [](PasswordVault::Outcome, const QString&) {});
        reloadList();
    });
    connect(importButton, &QPushButton::clicked, this, &ConnectionDialog::importServices);
    connect(browse, &QPushButton::clicked, this, [this] {
        auto* picker = new QFileDialog(this, tr("Root certificate"), QString(),
                                       tr("Certificates (*.crt *.pem *.cer);;All files (*)"));
        picker->setAttribute(Qt::WA_DeleteOnClose);
        picker->setFileMode(QFileDialog::ExistingFile);
        connect(picker, &QFileDialog::fileSelected, this, [this](const QString& file) {
            m_rootCert->setText(file);
            updateConninfoPreview();
        });
        picker->open(); // window-modal, never a blocking exec()
    });
    connect(m_testButton, &QPushButton::clicked, this, &ConnectionDialog::testConnection);
    connect(saveButton, &QPushButton::clicked, this, &ConnectionDialog::saveProfile);
    connect(buttons, &QDialogButtonBox::accepted, this, &ConnectionDialog::connectToServer);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void ConnectionDialog::reloadList(const QString& select)
{
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (const ConnectionProfile& profile : m_store.profiles())
        m_list->addItem(profile.name);
    const auto matches = m_list->findItems(select, Qt::MatchExactly);
    if (!select.isEmpty() && !matches.isEmpty())
        m_list->setCurrentItem(matches.first());
}

void ConnectionDialog::showProfile(const QString& name)
{
    ConnectionProfile profile;
    for (const ConnectionProfile& candidate : m_store.profiles()) {
        if (candidate.name == name)
            profile = candidate;
    }
    m_name->setText(profile.name);
    m_password->clear();
    m_passwordSaved = profile.passwordSaved;
    m_savePassword->setChecked(profile.passwordSaved);
    m_conninfo->setText(profile.conninfo);
    fieldsFromConninfo(profile.conninfo);
    setStatus(profile.passwordSaved ? tr("A password for this profile is saved in the keychain.") : QString());
}

void ConnectionDialog::fieldsFromConninfo(const QString& conninfo)
{
    auto options = live::ConnectionOptions::parse(conninfo.toStdString());
    if (!options) {
        setStatus(explain(options.error()), true);
        return;
    }
    setStatus({});
    auto value = [&](const char* key) { return qs(options->value(key).value_or("")); };
    m_host->setText(value("host"));
    m_port->setText(value("port"));
    m_database->setText(value("dbname"));
    m_user->setText(value("user"));
    m_rootCert->setText(value("sslrootcert"));
    const int mode = m_sslMode->findData(value("sslmode"));
    m_sslMode->setCurrentIndex(mode < 0 ? 0 : mode);
    const QSignalBlocker blocker(m_timeout);
    m_timeout->setValue(value("connect_timeout").toInt());
    if (options->value("password"))
        m_password->setText(value("password"));
}

QString ConnectionDialog::formConninfo() const
{
    auto parsed = live::ConnectionOptions::parse(m_conninfo->text().toStdString());
    live::ConnectionOptions options = parsed ? *parsed : live::ConnectionOptions();
    auto apply = [&](const char* key, const QString& text) {
        options = text.trimmed().isEmpty() ? options.without(key) : options.with(key, text.trimmed().toStdString());
    };
    apply("host", m_host->text());
    apply("port", m_port->text());
    apply("dbname", m_database->text());
    apply("user", m_user->text());
    apply("sslmode", m_sslMode->currentData().toString());
    apply("sslrootcert", m_rootCert->text());
    apply("connect_timeout", m_timeout->value() > 0 ? QString::number(m_timeout->value()) : QString());
    return qs(options.toDisplayConninfo());
}

void ConnectionDialog::updateConninfoPreview()
{
    m_conninfo->setText(formConninfo());
}

QString ConnectionDialog::statusText() const
{
    return m_status->text();
}

void ConnectionDialog::setStatus(const QString& text, bool error)
{
    m_status->setText(text);
    m_status->setProperty("error", error);
}

QString ConnectionDialog::connectionStringWithPassword(const QString& password) const
{
    auto options = live::ConnectionOptions::parse(formConninfo().toStdString());
    if (!options)
        return formConninfo();
    if (!password.isEmpty())
        return qs(options->with("password", password.toStdString()).toConninfo());
    return qs(options->toConninfo());
}

void ConnectionDialog::saveProfile()
{
    const QString name = m_name->text().trimmed();
    if (name.isEmpty()) {
        setStatus(tr("Give the profile a name first."), true);
        return;
    }
    ConnectionProfile profile{name, formConninfo(), m_passwordSaved};
    const QString password = m_password->text();
    if (!m_savePassword->isChecked() && m_passwordSaved) {
        m_vault.remove(name, [](PasswordVault::Outcome, const QString&) {});
        profile.passwordSaved = false;
    }
    m_store.save(profile);
    m_store.sync();
    reloadList(name);
    setStatus(tr("Profile \"%1\" saved.").arg(name));
    if (password.isEmpty() || !m_savePassword->isChecked()) {
        Q_EMIT profileSaved(name);
        return;
    }
    m_vault.write(name, password, [this, profile](PasswordVault::Outcome outcome, const QString& message) mutable {
        if (outcome == PasswordVault::Outcome::Ok) {
            profile.passwordSaved = true;
            m_passwordSaved = true;
            m_store.save(profile);
            m_store.sync();
            setStatus(tr("Profile \"%1\" saved; its password is in the system keychain.").arg(profile.name));
        } else {
            setStatus(tr("Profile \"%1\" saved, but the keychain refused the password (%2). It is stored nowhere "
                         "else: type it when connecting, or put it in ~/.pgpass.")
                          .arg(profile.name, message),
                      true);
        }
        Q_EMIT profileSaved(profile.name);
    });
}

void ConnectionDialog::testConnection()
{
    if (m_testAbort) {
        m_testAbort->store(true);
        m_testAbort.reset();
        m_testButton->setText(tr("&Test connection"));
        setStatus(tr("Test stopped."));
        ++m_testGeneration; // its late answer is dropped
        return;
    }
    auto options = live::ConnectionOptions::parse(connectionStringWithPassword(m_password->text()).toStdString());
    if (!options) {
        setStatus(explain(options.error()), true);
        Q_EMIT testFinished(false, statusText());
        return;
    }
    const quint64 generation = ++m_testGeneration;
    auto abort = std::make_shared<std::atomic<bool>>(false);
    m_testAbort = abort;
    m_testButton->setText(tr("S&top test"));
    setStatus(tr("Testing %1…").arg(qs(options->displayName())));
    QtConcurrent::run(QThreadPool::globalInstance(), [opts = *options, abort] {
        return live::testConnection(opts, abort.get());
    }).then(this, [this, generation](Result<live::ServerInfo> result) {
        if (generation != m_testGeneration)
            return;
        m_testAbort.reset();
        m_testButton->setText(tr("&Test connection"));
        if (!result) {
            setStatus(explain(result.error()), true);
            Q_EMIT testFinished(false, statusText());
            return;
        }
        QString text = tr("Connected: %1").arg(qs(live::statusSummary(*result)));
        if (!result->limitation.empty())
            text += QLatin1Char('\n') + qs(result->limitation);
        setStatus(text);
        Q_EMIT testFinished(true, statusText());
    });
}

void ConnectionDialog::importServices()
{
    const QString path = serviceFilePath();
    const QList<ServiceEntry> entries = readServiceFile(path);
    if (entries.isEmpty()) {
        setStatus(tr("No services found in %1.").arg(path), true);
        return;
    }
    QStringList existing;
    for (const ConnectionProfile& profile : m_store.profiles())
        existing << profile.name;
    int imported = 0;
    for (const ServiceEntry& entry : entries) {
        if (existing.contains(entry.name))
            continue;
        m_store.save(ConnectionProfile{entry.name, QStringLiteral("service=") + entry.name, false});
        ++imported;
    }
    m_store.sync();
    reloadList();
    setStatus(tr("Imported %n service(s) from %1.", nullptr, imported).arg(path));
}

void ConnectionDialog::connectToServer()
{
    const QString typed = m_password->text();
    if (!typed.isEmpty() || !m_passwordSaved) {
        finishConnect(typed);
        return;
    }
    const QString name = m_name->text().trimmed();
    setStatus(tr("Reading the password from the keychain…"));
    m_vault.read(name, [this, name](PasswordVault::Outcome outcome, const QString& value) {
        if (outcome == PasswordVault::Outcome::Ok) {
            finishConnect(value);
            return;
        }
        // QtKeychain 0.13 reports a locked keychain as "not found": say what we know.
        setStatus(tr("A password was saved in the system keychain for \"%1\", but the keychain did not return it "
                     "(%2). Unlock the keychain, or type the password.")
                      .arg(name, value),
                  true);
    });
}

void ConnectionDialog::finishConnect(const QString& password)
{
    m_chosen = connectionStringWithPassword(password);
    Q_EMIT connectionChosen(m_name->text().trimmed(), m_chosen);
    accept();
}

} // namespace shardscope
