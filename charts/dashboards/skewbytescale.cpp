// SPDX-License-Identifier: MIT
#include "skewbytescale.h"

#include <array>

namespace shardscope {

SkewByteScale SkewByteScale::forMaximum(double bytes)
{
    static const std::array<const char*, 5> units{"B", "KiB", "MiB", "GiB", "TiB"};
    SkewByteScale scale;
    std::size_t unit = 0;
    while (unit + 1 < units.size() && bytes / scale.divisor >= 1024.0) {
        scale.divisor *= 1024.0;
        ++unit;
    }
    scale.unit = QString::fromLatin1(units[unit]);
    return scale;
}

} // namespace shardscope
