// SPDX-License-Identifier: MIT
#pragma once

#include "engine/clusterstate.h"

#include <string>
#include <string_view>
#include <vector>

namespace shardscope::stats {

/** What fan-out classification needs to know about one table of the cluster. */
struct CatalogTable
{
    std::string schema = "public";
    std::string name;
    engine::TableKind kind = engine::TableKind::HashDistributed;
    std::string distributionColumn; ///< empty when there is none
    engine::ColocationId colocationId = 0;
    int shardCount = 0; ///< shards of the table now (after splits)
    int nodeCount = 0;  ///< nodes holding at least one of its placements
};

/** The tables of a cluster by name, as statements refer to them. */
class TableCatalog
{
public:
    static TableCatalog fromClusterState(const engine::ClusterState& state);

    void add(CatalogTable table);
    /** Finds schema.name, or name in any schema when schema is empty (public first). */
    const CatalogTable* find(std::string_view schema, std::string_view name) const;
    const std::vector<CatalogTable>& tables() const { return m_tables; }

private:
    std::vector<CatalogTable> m_tables;
};

} // namespace shardscope::stats
