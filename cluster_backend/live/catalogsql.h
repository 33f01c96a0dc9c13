// SPDX-License-Identifier: MIT
#pragma once

#include <string>

namespace shardscope::live {

/** The text of a catalog query kept in sql/<name>.sql (compiled in as a Qt resource); empty if unknown. */
std::string catalogSql(const char* name);

} // namespace shardscope::live
