// SPDX-License-Identifier: MIT
#include "profilestore.h"

#include "live/connectionoptions.h"

#include <QSettings>

namespace shardscope {

namespace {

const QString kGroup = QStringLiteral("connections");

} // namespace

ProfileStore::ProfileStore() : m_settings(std::make_unique<QSettings>()) {}

ProfileStore::ProfileStore(const QString& iniFile)
    : m_settings(std::make_unique<QSettings>(iniFile, QSettings::IniFormat))
{
}

ProfileStore::~ProfileStore() = default;

QString ProfileStore::withoutPassword(const QString& conninfo)
{
    auto options = live::ConnectionOptions::parse(conninfo.toStdString());
    if (!options)
        return conninfo;
    if (!options->value("password"))
        return conninfo; // keep the user's own spelling (a URI stays a URI)
    return QString::fromStdString(options->toDisplayConninfo());
}

QList<ConnectionProfile> ProfileStore::profiles() const
{
    QList<ConnectionProfile> result;
    const int count = m_settings->beginReadArray(kGroup);
    for (int i = 0; i < count; ++i) {
        m_settings->setArrayIndex(i);
        ConnectionProfile profile;
        profile.name = m_settings->value(QStringLiteral("name")).toString();
        profile.conninfo = m_settings->value(QStringLiteral("conninfo")).toString();
        profile.passwordSaved = m_settings->value(QStringLiteral("passwordSaved"), false).toBool();
        if (!profile.name.isEmpty())
            result << profile;
    }
    m_settings->endArray();
    return result;
}

void ProfileStore::save(const ConnectionProfile& profile)
{
    QList<ConnectionProfile> all = profiles();
    ConnectionProfile clean = profile;
    clean.conninfo = withoutPassword(profile.conninfo);
    bool replaced = false;
    for (ConnectionProfile& existing : all) {
        if (existing.name == clean.name) {
            existing = clean;
            replaced = true;
        }
    }
    if (!replaced)
        all << clean;
    m_settings->remove(kGroup);
    m_settings->beginWriteArray(kGroup, static_cast<int>(all.size()));
    for (int i = 0; i < all.size(); ++i) {
        m_settings->setArrayIndex(i);
        m_settings->setValue(QStringLiteral("name"), all[i].name);
        m_settings->setValue(QStringLiteral("conninfo"), all[i].conninfo);
        m_settings->setValue(QStringLiteral("passwordSaved"), all[i].passwordSaved);
    }
    m_settings->endArray();
}

void ProfileStore::remove(const QString& name)
{
    QList<ConnectionProfile> all = profiles();
    all.removeIf([&](const ConnectionProfile& p) { return p.name == name; });
    m_settings->remove(kGroup);
    m_settings->beginWriteArray(kGroup, static_cast<int>(all.size()));
    for (int i = 0; i < all.size(); ++i) {
        m_settings->setArrayIndex(i);
        m_settings->setValue(QStringLiteral("name"), all[i].name);
        m_settings->setValue(QStringLiteral("conninfo"), all[i].conninfo);
        m_settings->setValue(QStringLiteral("passwordSaved"), all[i].passwordSaved);
    }
    m_settings->endArray();
}

void ProfileStore::sync()
{
    m_settings->sync();
}

} // namespace shardscope
