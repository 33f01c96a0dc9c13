// SPDX-License-Identifier: MIT
#include "clicommand.h"

namespace shardscope::cli {

namespace {
std::vector<CliCommand>& registry()
{
    static std::vector<CliCommand> commands;
    return commands;
}
} // namespace

bool CliRegistry::add(CliCommand command)
{
    registry().push_back(command);
    return true;
}

const std::vector<CliCommand>& CliRegistry::commands()
{
    return registry();
}

} // namespace shardscope::cli
