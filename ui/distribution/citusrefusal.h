// SPDX-License-Identifier: MIT
#pragma once

#include "api/error.h"

#include <QString>

namespace shardscope {

/**
 * What a refusal of create_distributed_table / create_reference_table means for the user and what to do,
 * in plain words (translated); empty when ShardScope does not know the message. Citus's own text is shown
 * as well, so this only adds.
 */
QString explainCitusRefusal(const Error& error);

} // namespace shardscope
