// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>

namespace shardscope::engine::ops {

/** PostgreSQL's quote_ident: quotes unless the name is a lower-case identifier that is not a keyword. */
std::string quoteIdent(std::string_view name);
/** PostgreSQL's quote_literal: single quotes doubled, E'' with doubled backslashes when there are any. */
std::string quoteLiteral(std::string_view text);

} // namespace shardscope::engine::ops
