// SPDX-License-Identifier: MIT
#include "rebalancestrategy.h"

namespace shardscope::engine {

RebalanceStrategy RebalanceStrategy::byShardCount()
{
    RebalanceStrategy strategy;
    strategy.name = "by_shard_count";
    strategy.cost = ShardCostKind::One;
    strategy.defaultThreshold = 0.0F;
    strategy.minimumThreshold = 0.0F;
    strategy.improvementThreshold = 0.0F;
    return strategy;
}

RebalanceStrategy RebalanceStrategy::byDiskSize()
{
    return RebalanceStrategy{}; // the defaults of the struct are by_disk_size's catalog row
}

Result<RebalanceStrategy> builtinRebalanceStrategy(const std::string& name)
{
    if (name == "by_shard_count")
        return RebalanceStrategy::byShardCount();
    if (name == "by_disk_size")
        return RebalanceStrategy::byDiskSize();
    return Error::make("could not find rebalance strategy with name " + name, "XX000");
}

} // namespace shardscope::engine
