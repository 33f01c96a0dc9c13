// SPDX-License-Identifier: MIT
#include "explain/plannode.h"

namespace shardscope::explain {

bool PlanBuffers::present() const
{
    return sharedHit || sharedRead || sharedDirtied || sharedWritten || localHit || localRead || localDirtied ||
           localWritten || tempRead || tempWritten;
}

const PlanNode* ExplainStatement::plan() const
{
    return root.empty() ? nullptr : &root.front();
}

bool ExplainStatement::operator==(const ExplainStatement& other) const
{
    return root == other.root && planningTimeMs == other.planningTimeMs && executionTimeMs == other.executionTimeMs &&
           properties == other.properties;
}

std::string CitusTask::hostPort() const
{
    // Citus prints a libpq conninfo: "host=... port=... dbname=...".
    auto valueOf = [this](std::string_view key) -> std::string {
        std::size_t pos = 0;
        while (pos < node.size()) {
            const std::size_t end = node.find(' ', pos);
            const std::string_view word =
                std::string_view(node).substr(pos, end == std::string::npos ? std::string::npos : end - pos);
            if (word.size() > key.size() && word.substr(0, key.size()) == key && word[key.size()] == '=')
                return std::string(word.substr(key.size() + 1));
            if (end == std::string::npos)
                break;
            pos = end + 1;
        }
        return {};
    };
    const std::string host = valueOf("host");
    const std::string port = valueOf("port");
    if (host.empty() && port.empty())
        return {};
    return host + ':' + port;
}

bool CitusJob::allTasksShown() const
{
    if (tasksShown == "All")
        return true;
    if (!tasksShown.empty())
        return false;
    return taskCount && static_cast<std::int64_t>(tasks.size()) == *taskCount;
}

bool PlanNode::isCitusScan() const
{
    return job.has_value() || customPlanProvider.rfind("Citus", 0) == 0;
}

std::string PlanNode::label() const
{
    std::string out = nodeType;
    if (!customPlanProvider.empty())
        out += " (" + customPlanProvider + ')';
    if (!indexName.empty())
        out += (nodeType == "Bitmap Index Scan" ? " on " : " using ") + indexName;
    std::string target = relationName.empty() ? (cteName.empty() ? functionName : cteName) : relationName;
    if (!target.empty()) {
        out += " on " + target;
        if (!alias.empty() && alias != target)
            out += ' ' + alias;
    }
    return out;
}

} // namespace shardscope::explain
