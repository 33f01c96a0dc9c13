// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace shardscope {

/**
 * A saved way to reach a coordinator: a libpq connection string (URI or key=value, never with a password)
 * under a name. The password lives in the OS keychain (passwordSaved remembers that it was put there,
 * because a locked keychain reads as "not found") or in ~/.pgpass, which libpq reads itself.
 */
struct ConnectionProfile
{
    QString name;
    QString conninfo;
    bool passwordSaved = false;

    bool operator==(const ConnectionProfile&) const = default;
};

} // namespace shardscope
