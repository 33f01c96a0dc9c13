// SPDX-License-Identifier: MIT
#include "explain/plantextwriter.h"

#include <cstdio>

namespace shardscope::explain {

namespace {

std::string fixed(double value, int decimals)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

class TextPlanWriter
{
public:
    void statement(const ExplainStatement& s, std::size_t col, bool nested);
    std::string take() { return std::move(m_out); }

private:
    void node(const PlanNode& n, std::size_t col, bool arrow);
    void line(std::size_t col, const std::string& text);
    void properties(const PlanProperties& list, std::size_t col);

    std::string m_out;
};

void TextPlanWriter::line(std::size_t col, const std::string& text)
{
    m_out.append(col, ' ');
    m_out += text;
    m_out += '\n';
}

void TextPlanWriter::properties(const PlanProperties& list, std::size_t col)
{
    for (const PlanProperty& p : list) {
        if (p.value.kind == PlanValue::Kind::Object) {
            line(col, p.key + ':');
            for (std::size_t i = 0; i < p.value.keys.size() && i < p.value.items.size(); ++i)
                line(col + 2, p.value.keys[i] + ": " + p.value.items[i].display());
        } else if (p.value.kind == PlanValue::Kind::Null) {
            line(col, p.key);
        } else if (!(p.value.kind == PlanValue::Kind::Array && p.value.items.empty())) {
            line(col, p.key + ": " + p.value.display());
        }
    }
}

void TextPlanWriter::statement(const ExplainStatement& s, std::size_t col, bool nested)
{
    for (const PlanNode& root : s.root)
        node(root, nested ? col - 4 : col, nested);
    if (s.planningTimeMs)
        line(col, "Planning Time: " + fixed(*s.planningTimeMs, 3) + " ms");
    properties(s.properties, col);
    if (s.executionTimeMs)
        line(col, "Execution Time: " + fixed(*s.executionTimeMs, 3) + " ms");
}

void TextPlanWriter::node(const PlanNode& n, std::size_t col, bool arrow)
{
    std::string head = arrow ? "->  " : "";
    if (!n.subplanName.empty() && arrow) {
        line(col, n.subplanName);
        col += 2;
    }
    head += textNodeName(n);
    if (n.startupCost && n.totalCost)
        head += "  (cost=" + fixed(*n.startupCost, 2) + ".." + fixed(*n.totalCost, 2) +
                " rows=" + fixed(n.planRows.value_or(0), 0) + " width=" + fixed(n.planWidth.value_or(0), 0) + ')';
    if (n.actualLoops && *n.actualLoops == 0)
        head += " (never executed)";
    else if (n.actualLoops)
        head += " (actual time=" + fixed(n.actualStartupTimeMs.value_or(0), 3) + ".." +
                fixed(n.actualTotalTimeMs.value_or(0), 3) + " rows=" + fixed(n.actualRows.value_or(0), 0) +
                " loops=" + fixed(*n.actualLoops, 0) + ')';
    line(col, head);
    const std::size_t inner = col + (arrow ? 6 : 2);
    if (!n.insertSelectMethod.empty())
        line(inner, "INSERT/SELECT method: " + n.insertSelectMethod);
    if (n.workersPlanned)
        line(inner, "Workers Planned: " + std::to_string(*n.workersPlanned));
    if (n.workersLaunched)
        line(inner, "Workers Launched: " + std::to_string(*n.workersLaunched));
    properties(n.properties, inner);
    for (const ExplainStatement& s : n.selectQuery)
        statement(s, inner + 4, true);
    if (n.job) {
        const CitusJob& j = *n.job;
        for (const CitusSubplan& sub : n.subplans) {
            line(inner, "->  " + (sub.name.empty() ? std::string("Distributed Subplan") : sub.name));
            properties(sub.properties, inner + 6);
            for (const ExplainStatement& s : sub.plans)
                statement(s, inner + 10, true);
        }
        if (j.taskCount)
            line(inner, "Task Count: " + std::to_string(*j.taskCount));
        if (!j.tupleDataReceived.empty())
            line(inner, "Tuple data received from nodes: " + j.tupleDataReceived);
        if (!j.tasksShown.empty())
            line(inner, "Tasks Shown: " + j.tasksShown);
        properties(j.properties, inner);
        for (const CitusTask& t : j.tasks) {
            line(inner, "->  Task");
            if (!t.query.empty())
                line(inner + 6, "Query: " + t.query);
            if (!t.tupleDataReceived.empty())
                line(inner + 6, "Tuple data received from node: " + t.tupleDataReceived);
            if (!t.node.empty())
                line(inner + 6, "Node: " + t.node);
            properties(t.properties, inner + 6);
            for (const ExplainStatement& s : t.remotePlan)
                statement(s, inner + 10, true);
        }
        for (const CitusDependentJob& d : j.dependentJobs) {
            line(inner, "->  MapMergeJob");
            if (d.mapTaskCount)
                line(inner + 6, "Map Task Count: " + std::to_string(*d.mapTaskCount));
            if (d.mergeTaskCount)
                line(inner + 6, "Merge Task Count: " + std::to_string(*d.mergeTaskCount));
            properties(d.properties, inner + 6);
        }
    }
    const PlanBuffers& b = n.buffers;
    if (b.present()) {
        std::string text = "Buffers:";
        auto group = [&text](const char* name,
                             std::initializer_list<std::pair<const char*, std::optional<std::int64_t>>> list) {
            std::string part;
            for (const auto& [key, value] : list) {
                if (value && *value)
                    part += std::string(" ") + key + '=' + std::to_string(*value);
            }
            if (!part.empty())
                text += (text.size() > 8 ? ", " : " ") + std::string(name) + part;
        };
        group(
            "shared",
            {{"hit", b.sharedHit}, {"read", b.sharedRead}, {"dirtied", b.sharedDirtied}, {"written", b.sharedWritten}});
        group("local",
              {{"hit", b.localHit}, {"read", b.localRead}, {"dirtied", b.localDirtied}, {"written", b.localWritten}});
        group("temp", {{"read", b.tempRead}, {"written", b.tempWritten}});
        if (text.size() > 8)
            line(inner, text);
    }
    if (n.wal.present())
        line(inner, "WAL: records=" + std::to_string(n.wal.records.value_or(0)) +
                        " fpi=" + std::to_string(n.wal.fullPageImages.value_or(0)) +
                        " bytes=" + std::to_string(n.wal.bytes.value_or(0)));
    for (const PlanNode& child : n.children)
        node(child, inner, true);
}

} // namespace

std::string textNodeName(const PlanNode& n)
{
    std::string name;
    if (n.parallelAware.value_or(false))
        name += "Parallel ";
    if (n.asyncCapable.value_or(false) && n.nodeType == "Foreign Scan")
        name += "Async ";
    std::string type = n.nodeType;
    if (type == "Aggregate") {
        if (n.partialMode == "Partial" || n.partialMode == "Finalize")
            name += n.partialMode + ' ';
        type = n.strategy == "Sorted"   ? "GroupAggregate"
               : n.strategy == "Hashed" ? "HashAggregate"
               : n.strategy == "Mixed"  ? "MixedAggregate"
                                        : "Aggregate";
        return name + type;
    }
    if (type == "ModifyTable" && !n.operation.empty()) {
        name += n.operation + " on " + (n.schema.empty() ? "" : n.schema + '.') + n.relationName;
        if (!n.alias.empty() && n.alias != n.relationName)
            name += ' ' + n.alias;
        return name;
    }
    if ((type == "Hash Join" || type == "Merge Join" || type == "Nested Loop") && !n.joinType.empty() &&
        n.joinType != "Inner") {
        const std::string base = type == "Nested Loop" ? type : type.substr(0, type.size() - 5);
        return name + base + ' ' + n.joinType + " Join";
    }
    name += type;
    if (!n.customPlanProvider.empty())
        name += " (" + n.customPlanProvider + ')';
    if (n.scanDirection == "Backward")
        name += " Backward";
    if (!n.indexName.empty())
        name += (type == "Bitmap Index Scan" ? " on " : " using ") + n.indexName;
    std::string target = !n.relationName.empty() ? (n.schema.empty() ? "" : n.schema + '.') + n.relationName
                         : !n.cteName.empty()    ? n.cteName
                                                 : n.functionName;
    if (!target.empty()) {
        name += " on " + target;
        if (!n.alias.empty() && n.alias != n.relationName && n.alias != target)
            name += ' ' + n.alias;
    } else if (!n.alias.empty() && (type == "Subquery Scan" || type == "Values Scan")) {
        name += " on " + n.alias;
    }
    return name;
}

std::string writePlanText(const ExplainPlan& plan)
{
    TextPlanWriter writer;
    for (const ExplainStatement& s : plan.statements)
        writer.statement(s, 0, false);
    return writer.take();
}

} // namespace shardscope::explain
