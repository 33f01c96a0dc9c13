// SPDX-License-Identifier: MIT
#include "queryresult.h"

namespace shardscope::live {

int QueryResult::columnIndex(const std::string& name) const
{
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (columns[i] == name)
            return static_cast<int>(i);
    }
    return -1;
}

std::string QueryResult::text(std::size_t row, int column, const std::string& fallback) const
{
    if (row >= rows.size() || column < 0 || static_cast<std::size_t>(column) >= rows[row].size())
        return fallback;
    const auto& cell = rows[row][static_cast<std::size_t>(column)];
    return cell ? *cell : fallback;
}

} // namespace shardscope::live
