// SPDX-License-Identifier: MIT
#include "fanout.h"

namespace shardscope::stats {

std::string_view fanoutClassName(FanoutClass kind)
{
    switch (kind) {
    case FanoutClass::Router:
        return "router";
    case FanoutClass::MultiShard:
        return "multi-shard";
    case FanoutClass::Reference:
        return "reference";
    case FanoutClass::Repartition:
        return "repartition";
    case FanoutClass::Unknown:
        break;
    }
    return "unknown";
}

} // namespace shardscope::stats
