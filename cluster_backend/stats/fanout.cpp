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

std::string_view insertSelectMethodName(InsertSelectMethod method)
{
    switch (method) {
    case InsertSelectMethod::Pushdown:
        return "pushdown";
    case InsertSelectMethod::Repartition:
        return "repartition";
    case InsertSelectMethod::ViaCoordinator:
        return "via-coordinator";
    case InsertSelectMethod::None:
        break;
    }
    return "";
}

} // namespace shardscope::stats
