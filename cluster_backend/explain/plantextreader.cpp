// SPDX-License-Identifier: MIT
#include "explain/plantextreader.h"

#include "explain/numberformat.h"
#include "explain/planjsonreader.h"
#include "explain/plantextheader.h"

#include <simdjson.h>

namespace shardscope::explain {

namespace {

constexpr const char* kCode = "shardscope.invalid_plan";

std::string_view trimRight(std::string_view text)
{
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r'))
        text.remove_suffix(1);
    return text;
}

bool startsWith(std::string_view text, std::string_view prefix)
{
    return text.substr(0, prefix.size()) == prefix;
}

/** "0.283 ms" -> 0.283 */
std::optional<double> parseMilliseconds(std::string_view value)
{
    if (value.size() > 3 && value.substr(value.size() - 3) == " ms")
        value.remove_suffix(3);
    return parseDecimal(value);
}

bool isNodeLine(std::string_view content)
{
    return content.find("  (cost=") != std::string_view::npos || content.find("  (actual ") != std::string_view::npos ||
           content.find(" (never executed)") != std::string_view::npos;
}

/** An open block of the indentation tree; its own detail lines sit at column propCol. */
struct Frame
{
    enum class Kind : std::uint8_t
    {
        Statement,
        Node,
        Task,
        DependentJob,
        Subplan,
        Label, // "InitPlan 1 (returns $0)", "SubPlan 2", "CTE c": names the next child of the node below
        Group, // "Planning:", "JIT:": a nested block of detail lines
    };
    Frame(Kind k, std::size_t col) : kind(k), propCol(col) {}

    Kind kind;
    std::size_t propCol;
    ExplainStatement* statement = nullptr;
    PlanNode* node = nullptr;
    CitusTask* task = nullptr;
    CitusDependentJob* dependentJob = nullptr;
    CitusSubplan* subplan = nullptr;
    PlanValue* group = nullptr;
    std::string label;
};

/** A detail line's key, renamed when JSON gives that name a typed meaning ("Plan Rows: many" is no figure). */
std::string keyFor(Frame::Kind kind, std::string_view key)
{
    PlanKeyContext context = PlanKeyContext::Node;
    switch (kind) {
    case Frame::Kind::Statement:
        context = PlanKeyContext::Statement;
        break;
    case Frame::Kind::Task:
        context = PlanKeyContext::Task;
        break;
    case Frame::Kind::DependentJob:
        context = PlanKeyContext::DependentJob;
        break;
    case Frame::Kind::Subplan:
        context = PlanKeyContext::Subplan;
        break;
    case Frame::Kind::Node:
    case Frame::Kind::Label:
    case Frame::Kind::Group:
        break;
    }
    std::string out(key);
    if (kind != Frame::Kind::Group && isModelledPlanKey(context, key))
        out += " (text)";
    return out;
}

class TextPlanReader
{
public:
    bool line(std::string_view raw, std::size_t number);
    bool finish();
    ExplainPlan& plan() { return m_plan; }
    const Error& error() const { return m_error; }

private:
    bool arrow(std::size_t col, std::string_view content);
    bool detail(std::size_t col, std::string_view content);
    bool startStatement(std::vector<ExplainStatement>& list, std::size_t col, std::string_view content);
    bool pushNode(PlanNode& node, std::size_t col, std::string_view content);
    bool push(Frame frame);
    void popAbove(std::size_t col);
    void nodeDetail(PlanNode& node, std::string_view key, std::string_view value, bool hasValue);
    bool fail(std::string message);

    ExplainPlan m_plan;
    std::vector<Frame> m_stack;
    std::size_t m_line = 0;
    Error m_error;
};

bool TextPlanReader::fail(std::string message)
{
    m_error = Error::make("Invalid EXPLAIN text: " + message + " (line " + std::to_string(m_line) + ").", kCode,
                          "Save the plan with EXPLAIN (FORMAT JSON) or as psql prints EXPLAIN's text.");
    return false;
}

bool TextPlanReader::push(Frame frame)
{
    if (m_stack.size() >= kMaxPlanTextDepth)
        return fail("the plan is nested deeper than " + std::to_string(kMaxPlanTextDepth) + " levels");
    m_stack.push_back(std::move(frame));
    return true;
}

void TextPlanReader::popAbove(std::size_t col)
{
    while (m_stack.size() > 1 && m_stack.back().propCol > col)
        m_stack.pop_back();
}

bool TextPlanReader::line(std::string_view raw, std::size_t number)
{
    m_line = number;
    raw = trimRight(raw);
    std::size_t col = 0;
    while (col < raw.size() && raw[col] == ' ')
        ++col;
    const std::string_view content = raw.substr(col);
    if (content.empty())
        return true;
    if (m_stack.empty()) {
        if (startsWith(content, "->"))
            return fail("the plan starts with an arrow; the first line must be the top plan node");
        return startStatement(m_plan.statements, col, content);
    }
    if (startsWith(content, "->"))
        return arrow(col, content);
    // A new top-level node line after a complete statement: the next statement of the same file.
    if (col <= m_stack.front().propCol && isNodeLine(content)) {
        m_stack.clear();
        return startStatement(m_plan.statements, col, content);
    }
    return detail(col, content);
}

bool TextPlanReader::startStatement(std::vector<ExplainStatement>& list, std::size_t col, std::string_view content)
{
    list.emplace_back();
    ExplainStatement& statement = list.back();
    Frame frame(Frame::Kind::Statement, col);
    frame.statement = &statement;
    if (!push(std::move(frame)))
        return false;
    statement.root.emplace_back();
    return pushNode(statement.root.back(), col, content);
}

bool TextPlanReader::pushNode(PlanNode& node, std::size_t col, std::string_view content)
{
    if (std::string message = parseTextNodeLine(content, node); !message.empty())
        return fail(message);
    Frame frame(Frame::Kind::Node, col + 2);
    frame.node = &node;
    return push(std::move(frame));
}

bool TextPlanReader::arrow(std::size_t col, std::string_view content)
{
    std::size_t skip = 2;
    while (skip < content.size() && content[skip] == ' ')
        ++skip;
    const std::string_view text = content.substr(skip);
    const std::size_t contentCol = col + skip;
    popAbove(col);
    while (m_stack.size() > 1 && m_stack.back().kind == Frame::Kind::Group)
        m_stack.pop_back();
    Frame& parent = m_stack.back();

    switch (parent.kind) {
    case Frame::Kind::Task:
        return startStatement(parent.task->remotePlan, contentCol, text);
    case Frame::Kind::Subplan:
        return startStatement(parent.subplan->plans, contentCol, text);
    case Frame::Kind::Label: {
        const std::string label = parent.label;
        m_stack.pop_back();
        PlanNode& owner = *m_stack.back().node;
        owner.children.emplace_back();
        PlanNode& child = owner.children.back();
        child.subplanName = label;
        child.parentRelationship = startsWith(label, "SubPlan") ? "SubPlan" : "InitPlan";
        return pushNode(child, contentCol, text);
    }
    case Frame::Kind::Node:
        break;
    case Frame::Kind::Statement:
    case Frame::Kind::DependentJob:
    case Frame::Kind::Group:
        return fail("a \"->\" line is not below a plan node");
    }

    PlanNode& owner = *parent.node;
    if (text == "Task") {
        if (!owner.job)
            owner.job.emplace();
        owner.job->tasks.emplace_back();
        Frame frame(Frame::Kind::Task, contentCol + 2);
        frame.task = &owner.job->tasks.back();
        return push(std::move(frame));
    }
    if (text == "MapMergeJob") {
        if (!owner.job)
            owner.job.emplace();
        owner.job->dependentJobs.emplace_back();
        Frame frame(Frame::Kind::DependentJob, contentCol + 2);
        frame.dependentJob = &owner.job->dependentJobs.back();
        return push(std::move(frame));
    }
    if (startsWith(text, "Distributed Subplan")) {
        if (!owner.job)
            owner.job.emplace();
        owner.subplans.emplace_back();
        owner.subplans.back().name = std::string(text);
        Frame frame(Frame::Kind::Subplan, contentCol + 2);
        frame.subplan = &owner.subplans.back();
        return push(std::move(frame));
    }
    if (owner.customPlanProvider.find("INSERT ... SELECT") != std::string::npos)
        return startStatement(owner.selectQuery, contentCol, text);
    owner.children.emplace_back();
    return pushNode(owner.children.back(), contentCol, text);
}

bool TextPlanReader::detail(std::size_t col, std::string_view content)
{
    popAbove(col);
    Frame& frame = m_stack.back();
    if (frame.kind == Frame::Kind::Label) // a label without its plan
        return fail("\"" + frame.label + "\" is not followed by a plan node");

    const bool isLabel = frame.kind == Frame::Kind::Node &&
                         (startsWith(content, "InitPlan ") || startsWith(content, "SubPlan ") ||
                          (startsWith(content, "CTE ") && content.find(':') == std::string_view::npos));
    if (isLabel) {
        Frame label(Frame::Kind::Label, col + 2);
        label.label = std::string(content);
        return push(std::move(label));
    }

    std::string_view key = content;
    std::string_view value;
    bool hasValue = false;
    bool opensGroup = false;
    if (const std::size_t sep = content.find(": "); sep != std::string_view::npos) {
        key = content.substr(0, sep);
        value = content.substr(sep + 2);
        while (!value.empty() && value.front() == ' ')
            value.remove_prefix(1);
        hasValue = true;
    } else if (content.back() == ':') {
        key = content.substr(0, content.size() - 1);
        opensGroup = true;
    }

    auto addTo = [&](PlanProperties& list) {
        list.push_back({keyFor(frame.kind, key), hasValue ? PlanValue::makeString(std::string(value)) : PlanValue()});
        if (opensGroup) {
            list.back().value.kind = PlanValue::Kind::Object;
            Frame group(Frame::Kind::Group, col + 2);
            group.group = &list.back().value;
            return push(std::move(group));
        }
        return true;
    };

    switch (frame.kind) {
    case Frame::Kind::Statement:
        if (key == "Planning Time" && hasValue) {
            if (!(frame.statement->planningTimeMs = parseMilliseconds(value)))
                return fail("\"Planning Time\" is not a number");
            return true;
        }
        if (key == "Execution Time" && hasValue) {
            if (!(frame.statement->executionTimeMs = parseMilliseconds(value)))
                return fail("\"Execution Time\" is not a number");
            return true;
        }
        return addTo(frame.statement->properties);
    case Frame::Kind::Node:
        if (!opensGroup) {
            nodeDetail(*frame.node, key, value, hasValue);
            return true;
        }
        return addTo(frame.node->properties);
    case Frame::Kind::Task:
        if (key == "Node" && hasValue)
            frame.task->node = std::string(value);
        else if (key == "Query" && hasValue)
            frame.task->query = std::string(value);
        else if (key == "Tuple data received from node" && hasValue)
            frame.task->tupleDataReceived = std::string(value);
        else
            return addTo(frame.task->properties);
        return true;
    case Frame::Kind::DependentJob:
        if (key == "Map Task Count" && hasValue && parseInteger(value))
            frame.dependentJob->mapTaskCount = parseInteger(value);
        else if (key == "Merge Task Count" && hasValue && parseInteger(value))
            frame.dependentJob->mergeTaskCount = parseInteger(value);
        else
            return addTo(frame.dependentJob->properties);
        return true;
    case Frame::Kind::Subplan:
        return addTo(frame.subplan->properties);
    case Frame::Kind::Group: {
        PlanValue& group = *frame.group;
        group.keys.emplace_back(key);
        group.items.push_back(hasValue ? PlanValue::makeString(std::string(value)) : PlanValue());
        return true;
    }
    case Frame::Kind::Label:
        break;
    }
    return fail("unexpected line");
}

void TextPlanReader::nodeDetail(PlanNode& node, std::string_view key, std::string_view value, bool hasValue)
{
    if (hasValue) {
        if (key == "Task Count" && parseInteger(value)) {
            if (!node.job)
                node.job.emplace();
            node.job->taskCount = parseInteger(value);
            return;
        }
        if (key == "Tasks Shown") {
            if (!node.job)
                node.job.emplace();
            node.job->tasksShown = std::string(value);
            return;
        }
        if (key == "Tuple data received from nodes") {
            if (!node.job)
                node.job.emplace();
            node.job->tupleDataReceived = std::string(value);
            return;
        }
        if (key == "INSERT/SELECT method") {
            node.insertSelectMethod = std::string(value);
            return;
        }
        if (key == "Workers Planned" && parseInteger(value)) {
            node.workersPlanned = parseInteger(value);
            return;
        }
        if (key == "Workers Launched" && parseInteger(value)) {
            node.workersLaunched = parseInteger(value);
            return;
        }
        if (key == "Buffers") {
            PlanBuffers buffers = node.buffers;
            if (parseTextBuffers(value, buffers)) {
                node.buffers = buffers;
                return;
            }
        }
        if (key == "WAL") {
            PlanWal wal = node.wal;
            if (parseTextWal(value, wal)) {
                node.wal = wal;
                return;
            }
        }
    }
    node.properties.push_back(
        {keyFor(Frame::Kind::Node, key), hasValue ? PlanValue::makeString(std::string(value)) : PlanValue()});
}

bool TextPlanReader::finish()
{
    if (m_plan.statements.empty())
        return fail("no plan node found");
    if (!m_stack.empty() && m_stack.back().kind == Frame::Kind::Label)
        return fail("\"" + m_stack.back().label + "\" is not followed by a plan node");
    return true;
}

} // namespace

Result<ExplainPlan> parsePlanText(std::string_view text)
{
    if (!simdjson::validate_utf8(text.data(), text.size()))
        return Error::make("This is not an EXPLAIN plan: the text is not UTF-8.", kCode);
    TextPlanReader reader;
    std::size_t number = 0;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        if (!reader.line(text.substr(start, end - start), ++number))
            return reader.error();
        start = end + 1;
    }
    if (!reader.finish())
        return reader.error();
    ExplainPlan plan = std::move(reader.plan());
    plan.sourceFormat = PlanFormat::Text;
    return plan;
}

} // namespace shardscope::explain
