// SPDX-License-Identifier: MIT
#include "serverinfo.h"

#include "pgerrors.h"

#include <charconv>

namespace shardscope::live {

std::string citusRelease(const ServerInfo& info)
{
    // "Citus 13.2.2 on x86_64-pc-linux-gnu, compiled by ..."
    const std::string prefix = "Citus ";
    const std::string& full = info.citusFullVersion;
    if (full.rfind(prefix, 0) == 0) {
        const std::string release = full.substr(prefix.size(), full.find(' ', prefix.size()) - prefix.size());
        if (!release.empty() && release.find_first_not_of("0123456789.") == std::string::npos)
            return release;
    }
    return info.citusVersion;
}

std::string statusSummary(const ServerInfo& info)
{
    const ConnectionFacts& c = info.connection;
    std::string text = c.host + ':' + c.port;
    std::string version = c.serverVersion.substr(0, c.serverVersion.find(' '));
    text += " \u00b7 PostgreSQL " + version;
    text += info.kind == ServerKind::CitusCoordinator ? " \u00b7 Citus " + citusRelease(info)
                                                      : std::string(" \u00b7 no Citus (limited mode)");
    text += c.encrypted ? " \u00b7 " + c.sslProtocol + ' ' + c.sslCipher : std::string(" \u00b7 not encrypted");
    return text;
}

Status checkCitusVersion(const std::string& extensionVersion)
{
    int major = 0;
    int minor = 0;
    const char* begin = extensionVersion.data();
    const char* end = begin + extensionVersion.size();
    auto [afterMajor, ec1] = std::from_chars(begin, end, major);
    bool parsed = ec1 == std::errc() && afterMajor != end && *afterMajor == '.';
    if (parsed) {
        auto [afterMinor, ec2] = std::from_chars(afterMajor + 1, end, minor);
        parsed = ec2 == std::errc();
        (void)afterMinor;
    }
    const std::string minimum = std::to_string(kMinimumCitusMajor) + '.' + std::to_string(kMinimumCitusMinor);
    if (!parsed)
        return Error{"The Citus version \"" + extensionVersion + "\" cannot be read.",
                     codes::kCitusTooOld,
                     {},
                     "ShardScope needs Citus " + minimum + " or later.",
                     {}};
    if (major > kMinimumCitusMajor || (major == kMinimumCitusMajor && minor >= kMinimumCitusMinor))
        return Done{};
    return Error{"Citus " + std::to_string(major) + '.' + std::to_string(minor) + " is older than " + minimum +
                     ", the oldest version ShardScope supports.",
                 codes::kCitusTooOld,
                 "Citus " + minimum +
                     " introduced the background rebalancer (citus_rebalance_start) and shard "
                     "splits that ShardScope relies on.",
                 "Upgrade Citus on all nodes (install the new packages, then ALTER EXTENSION citus UPDATE), or "
                 "use an older tool for this cluster.",
                 {}};
}

} // namespace shardscope::live
