// SPDX-License-Identifier: MIT
#include "explain/planjsonreader.h"

#include <algorithm>
#include <simdjson.h>

namespace shardscope::explain {

namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

constexpr const char* kCode = "shardscope.invalid_plan";

// Copies out of simdjson's result wrappers, so no loop iterates over a temporary.
simdjson::dom::array arrayOf(element value)
{
    simdjson::dom::array out;
    [[maybe_unused]] const auto code = value.get_array().get(out);
    return out;
}

simdjson::dom::object objectOf(element value)
{
    simdjson::dom::object out;
    [[maybe_unused]] const auto code = value.get_object().get(out);
    return out;
}

/** Walks a simdjson DOM into plan values; stops at the first defect, remembered in m_error. */
class JsonPlanReader
{
public:
    bool statements(element value, std::vector<ExplainStatement>& out);
    const Error& error() const { return m_error; }

private:
    bool statement(element value, ExplainStatement& out);
    bool node(element value, PlanNode& out);
    bool distributedQuery(element value, PlanNode& out);
    bool job(element value, CitusJob& out);
    bool task(element value, CitusTask& out);
    bool dependentJob(element value, CitusDependentJob& out);
    bool subplan(element value, CitusSubplan& out);
    bool generic(element value, PlanValue& out);

    bool text(element value, std::string_view key, std::string& out);
    bool boolean(element value, std::string_view key, std::optional<bool>& out);
    bool number(element value, std::string_view key, std::optional<double>& out);
    bool integer(element value, std::string_view key, std::optional<std::int64_t>& out);
    bool expect(element value, element_type type, std::string_view key, const char* what);
    bool fail(std::string message);

    Error m_error;
    std::vector<std::string_view> m_path; // for messages: where the defect is
};

bool JsonPlanReader::fail(std::string message)
{
    std::string where;
    for (std::string_view part : m_path) {
        if (!where.empty())
            where += " > ";
        where += part;
    }
    m_error = Error::make("Invalid EXPLAIN JSON: " + message + (where.empty() ? "" : " (at " + where + ")"), kCode,
                          "Save the plan with EXPLAIN (FORMAT JSON) or as psql prints EXPLAIN's text.");
    return false;
}

bool JsonPlanReader::expect(element value, element_type type, std::string_view key, const char* what)
{
    if (value.type() == type)
        return true;
    return fail('"' + std::string(key) + "\" must be " + what);
}

bool JsonPlanReader::text(element value, std::string_view key, std::string& out)
{
    if (!expect(value, element_type::STRING, key, "a string"))
        return false;
    out = std::string(value.get_string().value_unsafe());
    return true;
}

bool JsonPlanReader::boolean(element value, std::string_view key, std::optional<bool>& out)
{
    if (!expect(value, element_type::BOOL, key, "true or false"))
        return false;
    out = value.get_bool().value_unsafe();
    return true;
}

bool JsonPlanReader::number(element value, std::string_view key, std::optional<double>& out)
{
    switch (value.type()) {
    case element_type::INT64:
        out = static_cast<double>(value.get_int64().value_unsafe());
        return true;
    case element_type::UINT64:
        out = static_cast<double>(value.get_uint64().value_unsafe());
        return true;
    case element_type::DOUBLE:
        out = value.get_double().value_unsafe();
        return true;
    default:
        return fail('"' + std::string(key) + "\" must be a number");
    }
}

bool JsonPlanReader::integer(element value, std::string_view key, std::optional<std::int64_t>& out)
{
    if (value.type() != element_type::INT64)
        return fail('"' + std::string(key) + "\" must be an integer of at most 64 bits");
    out = value.get_int64().value_unsafe();
    return true;
}

bool JsonPlanReader::generic(element value, PlanValue& out)
{
    switch (value.type()) {
    case element_type::NULL_VALUE:
        out.kind = PlanValue::Kind::Null;
        return true;
    case element_type::BOOL:
        out = PlanValue::makeBool(value.get_bool().value_unsafe());
        return true;
    case element_type::INT64:
        out = PlanValue::makeInteger(value.get_int64().value_unsafe());
        return true;
    case element_type::UINT64:
        out = PlanValue::makeNumber(static_cast<double>(value.get_uint64().value_unsafe()));
        return true;
    case element_type::DOUBLE:
        out = PlanValue::makeNumber(value.get_double().value_unsafe());
        return true;
    case element_type::STRING:
        out = PlanValue::makeString(std::string(value.get_string().value_unsafe()));
        return true;
    case element_type::ARRAY:
        out.kind = PlanValue::Kind::Array;
        for (element item : arrayOf(value)) {
            out.items.emplace_back();
            if (!generic(item, out.items.back()))
                return false;
        }
        return true;
    case element_type::OBJECT:
        out.kind = PlanValue::Kind::Object;
        for (auto field : objectOf(value)) {
            out.keys.emplace_back(field.key);
            out.items.emplace_back();
            if (!generic(field.value, out.items.back()))
                return false;
        }
        return true;
    }
    return fail("unknown JSON value");
}

bool JsonPlanReader::statements(element value, std::vector<ExplainStatement>& out)
{
    if (value.type() == element_type::OBJECT) {
        out.emplace_back();
        return statement(value, out.back());
    }
    if (value.type() != element_type::ARRAY)
        return fail("expected an array of plans or a plan object");
    for (element item : arrayOf(value)) {
        if (item.type() == element_type::ARRAY) { // "Remote Plan": [[ {...} ]]
            if (!statements(item, out))
                return false;
            continue;
        }
        if (item.type() != element_type::OBJECT)
            return fail("a plan must be a JSON object with a \"Plan\" member");
        // pgAdmin's export wraps each plan as {"QUERY PLAN": [...]}; a plan that merely has a property of
        // that name (a text plan can) is not a wrapper.
        auto wrapped = objectOf(item)["QUERY PLAN"];
        const bool isWrapper = wrapped.error() == simdjson::SUCCESS &&
                               objectOf(item)["Plan"].error() != simdjson::SUCCESS &&
                               (wrapped.value_unsafe().type() == element_type::ARRAY ||
                                wrapped.value_unsafe().type() == element_type::OBJECT);
        if (isWrapper) {
            if (!statements(wrapped.value_unsafe(), out))
                return false;
            continue;
        }
        out.emplace_back();
        if (!statement(item, out.back()))
            return false;
    }
    return true;
}

bool JsonPlanReader::statement(element value, ExplainStatement& out)
{
    if (!expect(value, element_type::OBJECT, "Plan", "an object"))
        return false;
    bool hasPlan = false;
    for (auto field : objectOf(value)) {
        const std::string_view key = field.key;
        m_path.push_back(key);
        bool ok = true;
        if (key == "Plan") {
            out.root.emplace_back();
            hasPlan = true;
            ok = expect(field.value, element_type::OBJECT, key, "an object") && node(field.value, out.root.back());
        } else if (key == "Planning Time") {
            ok = number(field.value, key, out.planningTimeMs);
        } else if (key == "Execution Time") {
            ok = number(field.value, key, out.executionTimeMs);
        } else {
            out.properties.push_back({std::string(key), {}});
            ok = generic(field.value, out.properties.back().value);
        }
        if (!ok)
            return false;
        m_path.pop_back();
    }
    if (!hasPlan)
        return fail("a statement has no \"Plan\"");
    if (out.root.size() > 1)
        return fail("a statement has more than one \"Plan\"");
    return true;
}

bool JsonPlanReader::node(element value, PlanNode& out)
{
    for (auto field : objectOf(value)) {
        const std::string_view key = field.key;
        const element v = field.value;
        m_path.push_back(key);
        bool ok = true;
        // Keep this list in step with planjsonwriter.cpp.
        if (key == "Node Type")
            ok = text(v, key, out.nodeType);
        else if (key == "Custom Plan Provider")
            ok = text(v, key, out.customPlanProvider);
        else if (key == "Parent Relationship")
            ok = text(v, key, out.parentRelationship);
        else if (key == "Subplan Name")
            ok = text(v, key, out.subplanName);
        else if (key == "Relation Name")
            ok = text(v, key, out.relationName);
        else if (key == "Schema")
            ok = text(v, key, out.schema);
        else if (key == "Alias")
            ok = text(v, key, out.alias);
        else if (key == "Index Name")
            ok = text(v, key, out.indexName);
        else if (key == "CTE Name")
            ok = text(v, key, out.cteName);
        else if (key == "Function Name")
            ok = text(v, key, out.functionName);
        else if (key == "Join Type")
            ok = text(v, key, out.joinType);
        else if (key == "Strategy")
            ok = text(v, key, out.strategy);
        else if (key == "Partial Mode")
            ok = text(v, key, out.partialMode);
        else if (key == "Operation")
            ok = text(v, key, out.operation);
        else if (key == "Scan Direction")
            ok = text(v, key, out.scanDirection);
        else if (key == "Parallel Aware")
            ok = boolean(v, key, out.parallelAware);
        else if (key == "Async Capable")
            ok = boolean(v, key, out.asyncCapable);
        else if (key == "Startup Cost")
            ok = number(v, key, out.startupCost);
        else if (key == "Total Cost")
            ok = number(v, key, out.totalCost);
        else if (key == "Plan Rows")
            ok = number(v, key, out.planRows);
        else if (key == "Plan Width")
            ok = number(v, key, out.planWidth);
        else if (key == "Actual Startup Time")
            ok = number(v, key, out.actualStartupTimeMs);
        else if (key == "Actual Total Time")
            ok = number(v, key, out.actualTotalTimeMs);
        else if (key == "Actual Rows")
            ok = number(v, key, out.actualRows);
        else if (key == "Actual Loops")
            ok = number(v, key, out.actualLoops);
        else if (key == "Workers Planned")
            ok = integer(v, key, out.workersPlanned);
        else if (key == "Workers Launched")
            ok = integer(v, key, out.workersLaunched);
        else if (key == "Shared Hit Blocks")
            ok = integer(v, key, out.buffers.sharedHit);
        else if (key == "Shared Read Blocks")
            ok = integer(v, key, out.buffers.sharedRead);
        else if (key == "Shared Dirtied Blocks")
            ok = integer(v, key, out.buffers.sharedDirtied);
        else if (key == "Shared Written Blocks")
            ok = integer(v, key, out.buffers.sharedWritten);
        else if (key == "Local Hit Blocks")
            ok = integer(v, key, out.buffers.localHit);
        else if (key == "Local Read Blocks")
            ok = integer(v, key, out.buffers.localRead);
        else if (key == "Local Dirtied Blocks")
            ok = integer(v, key, out.buffers.localDirtied);
        else if (key == "Local Written Blocks")
            ok = integer(v, key, out.buffers.localWritten);
        else if (key == "Temp Read Blocks")
            ok = integer(v, key, out.buffers.tempRead);
        else if (key == "Temp Written Blocks")
            ok = integer(v, key, out.buffers.tempWritten);
        else if (key == "WAL Records")
            ok = integer(v, key, out.wal.records);
        else if (key == "WAL FPI")
            ok = integer(v, key, out.wal.fullPageImages);
        else if (key == "WAL Bytes")
            ok = integer(v, key, out.wal.bytes);
        else if (key == "INSERT/SELECT method")
            ok = text(v, key, out.insertSelectMethod);
        else if (key == "Distributed Query")
            ok = expect(v, element_type::OBJECT, key, "an object") && distributedQuery(v, out);
        else if (key == "Select Query")
            ok = expect(v, element_type::ARRAY, key, "an array of plans") && statements(v, out.selectQuery);
        else if (key == "Plans") {
            if (!expect(v, element_type::ARRAY, key, "an array of plan nodes"))
                return false;
            for (element child : arrayOf(v)) {
                out.children.emplace_back();
                if (!expect(child, element_type::OBJECT, key, "an array of plan nodes") ||
                    !node(child, out.children.back()))
                    return false;
            }
        } else {
            out.properties.push_back({std::string(key), {}});
            ok = generic(v, out.properties.back().value);
        }
        if (!ok)
            return false;
        m_path.pop_back();
    }
    if (out.nodeType.empty())
        return fail("a plan node has no \"Node Type\"");
    return true;
}

bool JsonPlanReader::distributedQuery(element value, PlanNode& out)
{
    for (auto field : objectOf(value)) {
        const std::string_view key = field.key;
        m_path.push_back(key);
        bool ok = true;
        if (key == "Job") {
            out.job.emplace();
            ok = expect(field.value, element_type::OBJECT, key, "an object") && job(field.value, *out.job);
        } else if (key == "Subplans") {
            if (!expect(field.value, element_type::ARRAY, key, "an array"))
                return false;
            for (element item : arrayOf(field.value)) {
                out.subplans.emplace_back();
                if (!expect(item, element_type::OBJECT, key, "an array of objects") ||
                    !subplan(item, out.subplans.back()))
                    return false;
            }
        } else {
            out.distributedProperties.push_back({std::string(key), {}});
            ok = generic(field.value, out.distributedProperties.back().value);
        }
        if (!ok)
            return false;
        m_path.pop_back();
    }
    if (!out.job) // keep "Distributed Query" on the node even when it holds only subplans
        out.job.emplace();
    return true;
}

bool JsonPlanReader::job(element value, CitusJob& out)
{
    for (auto field : objectOf(value)) {
        const std::string_view key = field.key;
        const element v = field.value;
        m_path.push_back(key);
        bool ok = true;
        if (key == "Task Count") {
            ok = integer(v, key, out.taskCount);
        } else if (key == "Tasks Shown") {
            ok = text(v, key, out.tasksShown);
        } else if (key == "Tuple data received from nodes") {
            ok = text(v, key, out.tupleDataReceived);
        } else if (key == "Tasks") {
            if (!expect(v, element_type::ARRAY, key, "an array"))
                return false;
            for (element item : arrayOf(v)) {
                out.tasks.emplace_back();
                if (!expect(item, element_type::OBJECT, key, "an array of objects") || !task(item, out.tasks.back()))
                    return false;
            }
        } else if (key == "Dependent Jobs") {
            if (!expect(v, element_type::ARRAY, key, "an array"))
                return false;
            for (element item : arrayOf(v)) {
                out.dependentJobs.emplace_back();
                if (!expect(item, element_type::OBJECT, key, "an array of objects") ||
                    !dependentJob(item, out.dependentJobs.back()))
                    return false;
            }
        } else {
            out.properties.push_back({std::string(key), {}});
            ok = generic(v, out.properties.back().value);
        }
        if (!ok)
            return false;
        m_path.pop_back();
    }
    return true;
}

bool JsonPlanReader::task(element value, CitusTask& out)
{
    for (auto field : objectOf(value)) {
        const std::string_view key = field.key;
        m_path.push_back(key);
        bool ok = true;
        if (key == "Node")
            ok = text(field.value, key, out.node);
        else if (key == "Query")
            ok = text(field.value, key, out.query);
        else if (key == "Tuple data received from node")
            ok = text(field.value, key, out.tupleDataReceived);
        else if (key == "Remote Plan")
            ok = expect(field.value, element_type::ARRAY, key, "an array") && statements(field.value, out.remotePlan);
        else {
            out.properties.push_back({std::string(key), {}});
            ok = generic(field.value, out.properties.back().value);
        }
        if (!ok)
            return false;
        m_path.pop_back();
    }
    return true;
}

bool JsonPlanReader::dependentJob(element value, CitusDependentJob& out)
{
    for (auto field : objectOf(value)) {
        const std::string_view key = field.key;
        m_path.push_back(key);
        bool ok = true;
        if (key == "Map Task Count")
            ok = integer(field.value, key, out.mapTaskCount);
        else if (key == "Merge Task Count")
            ok = integer(field.value, key, out.mergeTaskCount);
        else {
            out.properties.push_back({std::string(key), {}});
            ok = generic(field.value, out.properties.back().value);
        }
        if (!ok)
            return false;
        m_path.pop_back();
    }
    return true;
}

bool JsonPlanReader::subplan(element value, CitusSubplan& out)
{
    for (auto field : objectOf(value)) {
        const std::string_view key = field.key;
        m_path.push_back(key);
        bool ok = true;
        if (key == "Subplan Name")
            ok = text(field.value, key, out.name);
        else if (key == "PlannedStmt")
            ok = expect(field.value, element_type::ARRAY, key, "an array") && statements(field.value, out.plans);
        else if (key == "Subplan" && field.value.type() == element_type::OBJECT)
            ok = subplan(field.value, out); // tolerate {"Subplan": {...}} wrapping
        else {
            out.properties.push_back({std::string(key), {}});
            ok = generic(field.value, out.properties.back().value);
        }
        if (!ok)
            return false;
        m_path.pop_back();
    }
    return true;
}

} // namespace

bool isModelledPlanKey(PlanKeyContext context, std::string_view key)
{
    // Keep these lists in step with the readers above.
    static constexpr std::string_view kStatement[] = {"Plan", "Planning Time", "Execution Time"};
    static constexpr std::string_view kNode[] = {"Node Type",
                                                 "Custom Plan Provider",
                                                 "Parent Relationship",
                                                 "Subplan Name",
                                                 "Relation Name",
                                                 "Schema",
                                                 "Alias",
                                                 "Index Name",
                                                 "CTE Name",
                                                 "Function Name",
                                                 "Join Type",
                                                 "Strategy",
                                                 "Partial Mode",
                                                 "Operation",
                                                 "Scan Direction",
                                                 "Parallel Aware",
                                                 "Async Capable",
                                                 "Startup Cost",
                                                 "Total Cost",
                                                 "Plan Rows",
                                                 "Plan Width",
                                                 "Actual Startup Time",
                                                 "Actual Total Time",
                                                 "Actual Rows",
                                                 "Actual Loops",
                                                 "Workers Planned",
                                                 "Workers Launched",
                                                 "Shared Hit Blocks",
                                                 "Shared Read Blocks",
                                                 "Shared Dirtied Blocks",
                                                 "Shared Written Blocks",
                                                 "Local Hit Blocks",
                                                 "Local Read Blocks",
                                                 "Local Dirtied Blocks",
                                                 "Local Written Blocks",
                                                 "Temp Read Blocks",
                                                 "Temp Written Blocks",
                                                 "WAL Records",
                                                 "WAL FPI",
                                                 "WAL Bytes",
                                                 "INSERT/SELECT method",
                                                 "Distributed Query",
                                                 "Select Query",
                                                 "Plans"};
    static constexpr std::string_view kTask[] = {"Node", "Query", "Tuple data received from node", "Remote Plan"};
    static constexpr std::string_view kDependentJob[] = {"Map Task Count", "Merge Task Count"};
    static constexpr std::string_view kSubplan[] = {"Subplan Name", "PlannedStmt", "Subplan"};
    auto in = [key](const auto& list) { return std::find(std::begin(list), std::end(list), key) != std::end(list); };
    switch (context) {
    case PlanKeyContext::Statement:
        return in(kStatement);
    case PlanKeyContext::Node:
        return in(kNode);
    case PlanKeyContext::Task:
        return in(kTask);
    case PlanKeyContext::DependentJob:
        return in(kDependentJob);
    case PlanKeyContext::Subplan:
        return in(kSubplan);
    }
    return false;
}

Result<ExplainPlan> parsePlanJson(std::string_view json)
{
    simdjson::dom::parser parser;
    if (parser.allocate(json.size() + 64, kMaxPlanJsonDepth) != simdjson::SUCCESS)
        return Error::make("The plan is too large to read.", kCode);
    const simdjson::padded_string padded(json.data(), json.size());
    element root;
    if (const auto code = parser.parse(padded).get(root); code != simdjson::SUCCESS) {
        std::string reason = simdjson::error_message(code);
        if (code == simdjson::DEPTH_ERROR)
            reason = "nested deeper than " + std::to_string(kMaxPlanJsonDepth) + " levels";
        return Error::make("Invalid EXPLAIN JSON: " + reason + '.', kCode,
                           "Save the plan with EXPLAIN (FORMAT JSON) or as psql prints EXPLAIN's text.");
    }
    ExplainPlan plan;
    plan.sourceFormat = PlanFormat::Json;
    JsonPlanReader reader;
    if (!reader.statements(root, plan.statements))
        return reader.error();
    if (plan.statements.empty())
        return Error::make("Invalid EXPLAIN JSON: the document holds no plan.", kCode);
    return plan;
}

} // namespace shardscope::explain
