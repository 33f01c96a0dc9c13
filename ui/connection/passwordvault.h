// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QString>
#include <functional>

namespace shardscope {

/**
 * Connection passwords in the OS keychain through QtKeychain, asynchronously. QtKeychain 0.13 cannot tell
 * a locked or missing keychain from a missing entry, so callers keep their own "a password was saved" flag
 * and explain a read that finds nothing.
 */
class PasswordVault : public QObject
{
    Q_OBJECT

public:
    enum class Outcome
    {
        Ok,
        NotFound, ///< no entry, or the keychain is locked/unavailable (0.13 cannot tell which)
        Failed,   ///< the keychain refused (no secret service, access denied, ...)
    };
    Q_ENUM(Outcome)

    using Done = std::function<void(Outcome outcome, const QString& passwordOrMessage)>;

    explicit PasswordVault(QObject* parent = nullptr);

    void write(const QString& profile, const QString& password, Done done);
    void read(const QString& profile, Done done);
    void remove(const QString& profile, Done done);

    /** The service name entries are stored under. */
    static QString service();
};

} // namespace shardscope
