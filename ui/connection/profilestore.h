// SPDX-License-Identifier: MIT
#pragma once

#include "connectionprofile.h"

#include <QList>
#include <QString>
#include <memory>

class QSettings;

namespace shardscope {

/**
 * Connection profiles in QSettings (group "connections"), without secrets: a password in a connection
 * string is removed before anything is written.
 */
class ProfileStore
{
public:
    /** The application's settings. */
    ProfileStore();
    /** An INI file of its own (tests). */
    explicit ProfileStore(const QString& iniFile);
    ~ProfileStore();
    ProfileStore(const ProfileStore&) = delete;
    ProfileStore& operator=(const ProfileStore&) = delete;

    QList<ConnectionProfile> profiles() const;
    /** Adds or replaces the profile of that name. */
    void save(const ConnectionProfile& profile);
    void remove(const QString& name);
    void sync();

    /** The connection string without its password (libpq parses it; unparsable text is kept as typed). */
    static QString withoutPassword(const QString& conninfo);

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace shardscope
