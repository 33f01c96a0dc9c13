// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>
#include <vector>

namespace shardscope::cli {

/** Exit codes of shardscope-cli: 0 success, 1 the operation failed, 2 usage error. */
enum ExitCode
{
    ExitOk = 0,
    ExitFailed = 1,
    ExitUsage = 2,
};

/** A subcommand; args holds what follows the subcommand's name. */
struct CliCommand
{
    const char* name;
    const char* summary;
    int (*run)(const QStringList& args);
};

/** Subcommands register themselves from their own file: SHARDSCOPE_CLI_COMMAND(hash, "...", runHash). */
class CliRegistry
{
public:
    static bool add(CliCommand command);
    static const std::vector<CliCommand>& commands();
};

} // namespace shardscope::cli

#define SHARDSCOPE_CLI_COMMAND(NAME, SUMMARY, FUNCTION)                                                                \
    namespace {                                                                                                        \
    [[maybe_unused]] const bool registered_##NAME = ::shardscope::cli::CliRegistry::add({#NAME, SUMMARY, FUNCTION});   \
    }
