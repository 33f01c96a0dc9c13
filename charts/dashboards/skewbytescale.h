// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace shardscope {

/** The unit a byte axis is drawn in, chosen so its largest value reads as a small number. */
struct SkewByteScale
{
    double divisor = 1.0;
    QString unit = QStringLiteral("B");

    static SkewByteScale forMaximum(double bytes);
    double scaled(double bytes) const { return bytes / divisor; }
};

} // namespace shardscope
