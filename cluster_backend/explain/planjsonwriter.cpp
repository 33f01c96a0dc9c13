// SPDX-License-Identifier: MIT
#include "explain/planjsonwriter.h"

#include "explain/numberformat.h"

namespace shardscope::explain {

namespace {

/** Appends JSON with PostgreSQL's layout: one member per line, objects opened on the member's line. */
class JsonPlanWriter
{
public:
    explicit JsonPlanWriter(int indent) : m_indent(indent) {}

    void statements(const std::vector<ExplainStatement>& list);
    std::string take() { return std::move(m_out); }

private:
    void statement(const ExplainStatement& s);
    void node(const PlanNode& n);
    void distributedQuery(const PlanNode& n);
    void job(const CitusJob& j);
    void task(const CitusTask& t);
    void value(const PlanValue& v);
    void properties(const PlanProperties& list);

    void open(char bracket);
    void close(char bracket);
    void item(); // the separator before an array element
    void key(std::string_view name);
    void string(std::string_view text);
    void member(std::string_view name, std::string_view text);
    void member(std::string_view name, double number);
    void member(std::string_view name, std::int64_t number);
    void memberBool(std::string_view name, bool flag);
    void newline();

    std::string m_out;
    int m_indent;
    int m_depth = 0;
    bool m_first = true; // no comma before the first element of a container
};

void JsonPlanWriter::newline()
{
    if (m_indent == 0)
        return;
    m_out += '\n';
    m_out.append(static_cast<std::size_t>(m_depth * m_indent), ' ');
}

void JsonPlanWriter::open(char bracket)
{
    m_out += bracket;
    ++m_depth;
    m_first = true;
}

void JsonPlanWriter::close(char bracket)
{
    --m_depth;
    if (!m_first)
        newline();
    m_out += bracket;
    m_first = false;
}

void JsonPlanWriter::item()
{
    if (!m_first)
        m_out += ',';
    m_first = false;
    newline();
}

void JsonPlanWriter::key(std::string_view name)
{
    item();
    string(name);
    m_out += m_indent ? ": " : ":";
}

void JsonPlanWriter::string(std::string_view text)
{
    static constexpr char kHex[] = "0123456789abcdef";
    m_out += '"';
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            m_out += '\\';
            m_out += c;
        } else if (c == '\n') {
            m_out += "\\n";
        } else if (c == '\t') {
            m_out += "\\t";
        } else if (u < 0x20) {
            m_out += "\\u00";
            m_out += kHex[u >> 4];
            m_out += kHex[u & 15];
        } else {
            m_out += c;
        }
    }
    m_out += '"';
}

void JsonPlanWriter::member(std::string_view name, std::string_view text)
{
    key(name);
    string(text);
}

void JsonPlanWriter::member(std::string_view name, double number)
{
    key(name);
    m_out += formatNumber(number);
}

void JsonPlanWriter::member(std::string_view name, std::int64_t number)
{
    key(name);
    m_out += std::to_string(number);
}

void JsonPlanWriter::memberBool(std::string_view name, bool flag)
{
    key(name);
    m_out += flag ? "true" : "false";
}

void JsonPlanWriter::value(const PlanValue& v)
{
    switch (v.kind) {
    case PlanValue::Kind::Null:
        m_out += "null";
        break;
    case PlanValue::Kind::Bool:
        m_out += v.boolean ? "true" : "false";
        break;
    case PlanValue::Kind::Integer:
        m_out += std::to_string(v.integer);
        break;
    case PlanValue::Kind::Number: {
        // Keep a fraction or exponent, so the value reads back as a number rather than an integer.
        const std::string text = formatNumber(v.number);
        m_out += text;
        if (text.find_first_of(".e") == std::string::npos)
            m_out += ".0";
        break;
    }
    case PlanValue::Kind::String:
        string(v.text);
        break;
    case PlanValue::Kind::Array:
        open('[');
        for (const PlanValue& element : v.items) {
            item();
            value(element);
        }
        close(']');
        break;
    case PlanValue::Kind::Object:
        open('{');
        for (std::size_t i = 0; i < v.keys.size() && i < v.items.size(); ++i) {
            key(v.keys[i]);
            value(v.items[i]);
        }
        close('}');
        break;
    }
}

void JsonPlanWriter::properties(const PlanProperties& list)
{
    for (const PlanProperty& p : list) {
        key(p.key);
        value(p.value);
    }
}

void JsonPlanWriter::statements(const std::vector<ExplainStatement>& list)
{
    open('[');
    for (const ExplainStatement& s : list) {
        item();
        statement(s);
    }
    close(']');
}

void JsonPlanWriter::statement(const ExplainStatement& s)
{
    open('{');
    for (const PlanNode& root : s.root) {
        key("Plan");
        node(root);
    }
    if (s.planningTimeMs)
        member("Planning Time", *s.planningTimeMs);
    properties(s.properties);
    if (s.executionTimeMs)
        member("Execution Time", *s.executionTimeMs);
    close('}');
}

void JsonPlanWriter::node(const PlanNode& n)
{
    open('{');
    // Keep this list in step with planjsonreader.cpp.
    const std::pair<std::string_view, const std::string*> texts[] = {
        {"Node Type", &n.nodeType},
        {"Strategy", &n.strategy},
        {"Partial Mode", &n.partialMode},
        {"Operation", &n.operation},
        {"Parent Relationship", &n.parentRelationship},
        {"Subplan Name", &n.subplanName},
        {"Custom Plan Provider", &n.customPlanProvider},
    };
    for (const auto& [name, text] : texts) {
        if (!text->empty() || name == "Node Type")
            member(name, *text);
    }
    if (n.parallelAware)
        memberBool("Parallel Aware", *n.parallelAware);
    if (n.asyncCapable)
        memberBool("Async Capable", *n.asyncCapable);
    const std::pair<std::string_view, const std::string*> names[] = {
        {"Relation Name", &n.relationName},
        {"Function Name", &n.functionName},
        {"CTE Name", &n.cteName},
        {"Schema", &n.schema},
        {"Alias", &n.alias},
        {"Scan Direction", &n.scanDirection},
        {"Index Name", &n.indexName},
        {"Join Type", &n.joinType},
    };
    for (const auto& [name, text] : names) {
        if (!text->empty())
            member(name, *text);
    }
    const std::pair<std::string_view, const std::optional<double>*> numbers[] = {
        {"Startup Cost", &n.startupCost},
        {"Total Cost", &n.totalCost},
        {"Plan Rows", &n.planRows},
        {"Plan Width", &n.planWidth},
        {"Actual Startup Time", &n.actualStartupTimeMs},
        {"Actual Total Time", &n.actualTotalTimeMs},
        {"Actual Rows", &n.actualRows},
        {"Actual Loops", &n.actualLoops},
    };
    for (const auto& [name, number] : numbers) {
        if (*number)
            member(name, **number);
    }
    if (n.workersPlanned)
        member("Workers Planned", *n.workersPlanned);
    if (n.workersLaunched)
        member("Workers Launched", *n.workersLaunched);
    properties(n.properties);
    if (!n.insertSelectMethod.empty())
        member("INSERT/SELECT method", n.insertSelectMethod);
    if (!n.selectQuery.empty()) {
        key("Select Query");
        statements(n.selectQuery);
    }
    if (n.job)
        distributedQuery(n);
    const PlanBuffers& b = n.buffers;
    const std::pair<std::string_view, const std::optional<std::int64_t>*> counters[] = {
        {"Shared Hit Blocks", &b.sharedHit},
        {"Shared Read Blocks", &b.sharedRead},
        {"Shared Dirtied Blocks", &b.sharedDirtied},
        {"Shared Written Blocks", &b.sharedWritten},
        {"Local Hit Blocks", &b.localHit},
        {"Local Read Blocks", &b.localRead},
        {"Local Dirtied Blocks", &b.localDirtied},
        {"Local Written Blocks", &b.localWritten},
        {"Temp Read Blocks", &b.tempRead},
        {"Temp Written Blocks", &b.tempWritten},
        {"WAL Records", &n.wal.records},
        {"WAL FPI", &n.wal.fullPageImages},
        {"WAL Bytes", &n.wal.bytes},
    };
    for (const auto& [name, counter] : counters) {
        if (*counter)
            member(name, **counter);
    }
    if (!n.children.empty()) {
        key("Plans");
        open('[');
        for (const PlanNode& child : n.children) {
            item();
            node(child);
        }
        close(']');
    }
    close('}');
}

void JsonPlanWriter::distributedQuery(const PlanNode& n)
{
    key("Distributed Query");
    open('{');
    if (!n.subplans.empty()) {
        key("Subplans");
        open('[');
        for (const CitusSubplan& sub : n.subplans) {
            item();
            open('{');
            if (!sub.name.empty())
                member("Subplan Name", sub.name);
            properties(sub.properties);
            key("PlannedStmt");
            statements(sub.plans);
            close('}');
        }
        close(']');
    }
    properties(n.distributedProperties);
    job(*n.job);
    close('}');
}

void JsonPlanWriter::job(const CitusJob& j)
{
    key("Job");
    open('{');
    if (j.taskCount)
        member("Task Count", *j.taskCount);
    if (!j.tupleDataReceived.empty())
        member("Tuple data received from nodes", j.tupleDataReceived);
    if (!j.tasksShown.empty())
        member("Tasks Shown", j.tasksShown);
    properties(j.properties);
    if (!j.tasks.empty()) {
        key("Tasks");
        open('[');
        for (const CitusTask& t : j.tasks) {
            item();
            task(t);
        }
        close(']');
    }
    if (!j.dependentJobs.empty()) {
        key("Dependent Jobs");
        open('[');
        for (const CitusDependentJob& d : j.dependentJobs) {
            item();
            open('{');
            if (d.mapTaskCount)
                member("Map Task Count", *d.mapTaskCount);
            if (d.mergeTaskCount)
                member("Merge Task Count", *d.mergeTaskCount);
            properties(d.properties);
            close('}');
        }
        close(']');
    }
    close('}');
}

void JsonPlanWriter::task(const CitusTask& t)
{
    open('{');
    if (!t.query.empty())
        member("Query", t.query);
    if (!t.tupleDataReceived.empty())
        member("Tuple data received from node", t.tupleDataReceived);
    if (!t.node.empty())
        member("Node", t.node);
    properties(t.properties);
    if (!t.remotePlan.empty()) {
        key("Remote Plan");
        open('[');
        item();
        statements(t.remotePlan);
        close(']');
    }
    close('}');
}

} // namespace

std::string writePlanJson(const ExplainPlan& plan, int indent)
{
    JsonPlanWriter writer(indent);
    writer.statements(plan.statements);
    std::string out = writer.take();
    if (indent)
        out += '\n';
    return out;
}

} // namespace shardscope::explain
