// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

namespace shardscope {

/** Node labels that fit under a bar or in a legend. */
class SkewNodeNames
{
public:
    /** "host:port" reduced to "host" when the hosts alone are unique; otherwise unchanged. */
    static QStringList shortNames(const QStringList& addresses);
};

} // namespace shardscope
