// SPDX-License-Identifier: MIT
#include "skewtimeformat.h"

namespace shardscope {

QString SkewTimeFormat::forSpan(std::int64_t spanMs)
{
    constexpr std::int64_t hour = 3600 * 1000LL;
    if (spanMs <= hour)
        return QStringLiteral("HH:mm:ss");
    if (spanMs <= 48 * hour)
        return QStringLiteral("HH:mm");
    return QStringLiteral("dd MMM");
}

} // namespace shardscope
