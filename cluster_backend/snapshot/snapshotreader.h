// SPDX-License-Identifier: MIT
#pragma once

#include "snapshotjson.h"

#include <cstddef>

namespace shardscope::snapshot {

/**
 * Reads a snapshot document with simdjson's On-Demand parser straight into a ClusterState: no DOM and no
 * second copy of the data, columns are sized once from their element count. Validation of the parsed state
 * (references, duplicates) is done afterwards by validateClusterState.
 */
class SnapshotReader
{
public:
    /**
     * data must stay valid during the call and be followed by at least simdjson::SIMDJSON_PADDING readable
     * bytes (capacity >= length + padding).
     */
    static Result<Snapshot> read(const char* data, std::size_t length, std::size_t capacity);
};

} // namespace shardscope::snapshot
