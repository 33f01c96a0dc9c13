// SPDX-License-Identifier: MIT
#include "skewnodenames.h"

#include <QSet>

namespace shardscope {

QStringList SkewNodeNames::shortNames(const QStringList& addresses)
{
    QStringList hosts;
    QSet<QString> seen;
    for (const QString& address : addresses) {
        const qsizetype colon = address.lastIndexOf(QLatin1Char(':'));
        const QString host = colon > 0 ? address.left(colon) : address;
        if (seen.contains(host))
            return addresses; // several nodes on one host: the port tells them apart
        seen.insert(host);
        hosts.append(host);
    }
    return hosts;
}

} // namespace shardscope
