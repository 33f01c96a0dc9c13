// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <cstdint>

namespace shardscope {

/** The time axis format for a span of time: seconds for minutes, hours for days, dates beyond. */
class SkewTimeFormat
{
public:
    static QString forSpan(std::int64_t spanMs);
};

} // namespace shardscope
