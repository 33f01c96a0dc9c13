// SPDX-License-Identifier: MIT
#include "explain/plantextheader.h"

#include "explain/numberformat.h"

#include <array>

namespace shardscope::explain {

namespace {

bool startsWith(std::string_view text, std::string_view prefix)
{
    return text.substr(0, prefix.size()) == prefix;
}

bool consume(std::string_view& text, std::string_view prefix)
{
    if (!startsWith(text, prefix))
        return false;
    text.remove_prefix(prefix.size());
    return true;
}

std::string_view trim(std::string_view text)
{
    while (!text.empty() && text.front() == ' ')
        text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ')
        text.remove_suffix(1);
    return text;
}

/** Reads "key=value" words into a callback; false if a value is not a number. */
template <class F>
bool forEachFigure(std::string_view text, F&& onFigure)
{
    while (!text.empty()) {
        text = trim(text);
        const std::size_t end = text.find(' ');
        const std::string_view word = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
        if (word.empty())
            continue;
        const std::size_t eq = word.find('=');
        if (eq == std::string_view::npos)
            return false;
        if (!onFigure(word.substr(0, eq), word.substr(eq + 1)))
            return false;
    }
    return true;
}

bool setRange(std::string_view value, std::optional<double>& low, std::optional<double>& high)
{
    const std::size_t dots = value.find("..");
    if (dots == std::string_view::npos)
        return false;
    low = parseDecimal(value.substr(0, dots));
    high = parseDecimal(value.substr(dots + 2));
    return low && high;
}

bool setNumber(std::string_view value, std::optional<double>& out)
{
    out = parseDecimal(value);
    return out.has_value();
}

/** Parses the parenthesised figures after the node name. */
std::string parseFigures(std::string_view tail, PlanNode& node)
{
    while (!(tail = trim(tail)).empty()) {
        if (tail.front() != '(')
            return "unexpected text after the node's figures";
        const std::size_t close = tail.find(')');
        if (close == std::string_view::npos)
            return "unclosed parenthesis in the node's figures";
        std::string_view group = tail.substr(1, close - 1);
        tail.remove_prefix(close + 1);
        bool ok = true;
        if (consume(group, "cost=")) {
            const std::size_t space = group.find(' ');
            ok = setRange(group.substr(0, space), node.startupCost, node.totalCost) &&
                 space != std::string_view::npos &&
                 forEachFigure(group.substr(space + 1), [&](std::string_view k, std::string_view v) {
                     if (k == "rows")
                         return setNumber(v, node.planRows);
                     if (k == "width")
                         return setNumber(v, node.planWidth);
                     return false;
                 });
        } else if (group == "never executed") {
            node.actualStartupTimeMs = 0;
            node.actualTotalTimeMs = 0;
            node.actualRows = 0;
            node.actualLoops = 0;
        } else if (consume(group, "actual ")) {
            ok = forEachFigure(group, [&](std::string_view k, std::string_view v) {
                if (k == "time")
                    return setRange(v, node.actualStartupTimeMs, node.actualTotalTimeMs);
                if (k == "rows")
                    return setNumber(v, node.actualRows);
                if (k == "loops")
                    return setNumber(v, node.actualLoops);
                return false;
            });
        } else {
            return "unknown figures \"(" + std::string(group) + ")\"";
        }
        if (!ok)
            return "malformed figures \"(" + std::string(group) + ")\"";
    }
    return {};
}

/** "public.events_102041" -> schema and relation. */
void setRelation(std::string_view name, PlanNode& node)
{
    const std::size_t dot = name.find('.');
    if (dot != std::string_view::npos && name.front() != '"') {
        node.schema = std::string(name.substr(0, dot));
        name.remove_prefix(dot + 1);
    }
    node.relationName = std::string(name);
}

/** "X on target alias": the target and alias words. */
void splitTarget(std::string_view rest, std::string_view& target, std::string_view& alias)
{
    rest = trim(rest);
    const std::size_t space = rest.rfind(' ');
    // Quoted names ("*VALUES*") may hold spaces; keep it simple and split on the last space outside quotes.
    if (space == std::string_view::npos || rest.back() == '"') {
        target = rest;
        alias = {};
        return;
    }
    target = rest.substr(0, space);
    alias = rest.substr(space + 1);
}

void parseName(std::string_view head, PlanNode& node)
{
    if (consume(head, "Parallel "))
        node.parallelAware = true;
    if (consume(head, "Async "))
        node.asyncCapable = true;

    if (consume(head, "Custom Scan (")) {
        node.nodeType = "Custom Scan";
        const std::size_t close = head.rfind(')');
        node.customPlanProvider = std::string(head.substr(0, close));
        return;
    }
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 4> kModify = {
        {{"Insert on ", "Insert"}, {"Update on ", "Update"}, {"Delete on ", "Delete"}, {"Merge on ", "Merge"}}};
    for (const auto& [prefix, operation] : kModify) {
        if (consume(head, prefix)) {
            node.nodeType = "ModifyTable";
            node.operation = std::string(operation);
            std::string_view target, alias;
            splitTarget(head, target, alias);
            setRelation(target, node);
            node.alias = std::string(alias);
            return;
        }
    }
    // Aggregates name their strategy; a partial aggregate says so first.
    std::string_view name = head;
    if (consume(name, "Partial "))
        node.partialMode = "Partial";
    else if (consume(name, "Finalize "))
        node.partialMode = "Finalize";
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 4> kAggregates = {
        {{"Aggregate", "Plain"},
         {"GroupAggregate", "Sorted"},
         {"HashAggregate", "Hashed"},
         {"MixedAggregate", "Mixed"}}};
    for (const auto& [text, strategy] : kAggregates) {
        if (name == text) {
            node.nodeType = "Aggregate";
            node.strategy = std::string(strategy);
            return;
        }
    }
    node.partialMode.clear();

    static constexpr std::array<std::string_view, 3> kJoins = {"Hash", "Merge", "Nested Loop"};
    for (std::string_view join : kJoins) {
        std::string_view rest = head;
        if (!consume(rest, join))
            continue;
        if (rest.empty() && join == "Nested Loop") {
            node.nodeType = "Nested Loop";
            node.joinType = "Inner";
            return;
        }
        if (!consume(rest, " ") || rest.size() < 4 || rest.substr(rest.size() - 4) != "Join")
            continue;
        rest.remove_suffix(4);
        rest = trim(rest);
        node.nodeType = join == "Nested Loop" ? std::string(join) : std::string(join) + " Join";
        node.joinType = rest.empty() ? "Inner" : std::string(rest);
        return;
    }
    if (consume(name, "HashSetOp ")) {
        node.nodeType = "SetOp";
        node.strategy = "Hashed";
        return;
    }
    if (consume(name, "SetOp ")) {
        node.nodeType = "SetOp";
        node.strategy = "Sorted";
        return;
    }

    const std::size_t using_ = head.find(" using ");
    const std::size_t on = head.find(" on ");
    if (using_ != std::string_view::npos && (on == std::string_view::npos || using_ < on)) {
        std::string_view type = head.substr(0, using_);
        if (type.size() > 9 && type.substr(type.size() - 9) == " Backward") {
            type.remove_suffix(9);
            node.scanDirection = "Backward";
        }
        node.nodeType = std::string(type);
        std::string_view rest = head.substr(using_ + 7);
        const std::size_t onIndex = rest.find(" on ");
        node.indexName = std::string(rest.substr(0, onIndex));
        if (onIndex != std::string_view::npos) {
            std::string_view target, alias;
            splitTarget(rest.substr(onIndex + 4), target, alias);
            setRelation(target, node);
            node.alias = std::string(alias);
        }
        return;
    }
    if (on == std::string_view::npos) {
        node.nodeType = std::string(head);
        return;
    }
    node.nodeType = std::string(head.substr(0, on));
    std::string_view target, alias;
    splitTarget(head.substr(on + 4), target, alias);
    if (node.nodeType == "Bitmap Index Scan") {
        node.indexName = std::string(target);
    } else if (node.nodeType == "Function Scan") {
        node.functionName = std::string(target);
        node.alias = std::string(alias);
    } else if (node.nodeType == "CTE Scan" || node.nodeType == "WorkTable Scan") {
        node.cteName = std::string(target);
        node.alias = std::string(alias);
    } else if (node.nodeType == "Subquery Scan" || node.nodeType == "Values Scan") {
        node.alias = std::string(alias.empty() ? target : alias);
    } else {
        setRelation(target, node);
        node.alias = std::string(alias);
    }
}

} // namespace

std::string parseTextNodeLine(std::string_view line, PlanNode& node)
{
    // The figures start at the first "  (" (two spaces) or at " (never executed)".
    std::size_t figures = std::string_view::npos;
    for (std::string_view marker : {"  (cost=", "  (actual ", " (never executed)", "  (never executed)"}) {
        const std::size_t at = line.find(marker);
        if (at < figures)
            figures = at;
    }
    const std::string_view head = trim(line.substr(0, figures));
    if (head.empty())
        return "a plan node has no name";
    parseName(head, node);
    if (node.nodeType.empty())
        return "a plan node has no name";
    return figures == std::string_view::npos ? std::string() : parseFigures(line.substr(figures), node);
}

bool parseTextBuffers(std::string_view value, PlanBuffers& b)
{
    std::size_t start = 0;
    while (start <= value.size()) {
        const std::size_t comma = value.find(',', start);
        std::string_view part = trim(value.substr(start, comma == std::string_view::npos ? comma : comma - start));
        start = comma == std::string_view::npos ? value.size() + 1 : comma + 1;
        const std::size_t space = part.find(' ');
        if (space == std::string_view::npos)
            return false;
        const std::string_view kind = part.substr(0, space);
        const bool ok = forEachFigure(part.substr(space + 1), [&](std::string_view k, std::string_view v) {
            const auto n = parseInteger(v);
            if (!n)
                return false;
            std::optional<std::int64_t>* target = nullptr;
            if (kind == "shared")
                target = k == "hit"       ? &b.sharedHit
                         : k == "read"    ? &b.sharedRead
                         : k == "dirtied" ? &b.sharedDirtied
                         : k == "written" ? &b.sharedWritten
                                          : nullptr;
            else if (kind == "local")
                target = k == "hit"       ? &b.localHit
                         : k == "read"    ? &b.localRead
                         : k == "dirtied" ? &b.localDirtied
                         : k == "written" ? &b.localWritten
                                          : nullptr;
            else if (kind == "temp")
                target = k == "read" ? &b.tempRead : k == "written" ? &b.tempWritten : nullptr;
            if (!target)
                return false;
            *target = *n;
            return true;
        });
        if (!ok)
            return false;
    }
    return true;
}

bool parseTextWal(std::string_view value, PlanWal& wal)
{
    return forEachFigure(value, [&](std::string_view k, std::string_view v) {
        const auto n = parseInteger(v);
        if (!n)
            return false;
        if (k == "records")
            wal.records = *n;
        else if (k == "fpi")
            wal.fullPageImages = *n;
        else if (k == "bytes")
            wal.bytes = *n;
        else
            return false;
        return true;
    });
}

} // namespace shardscope::explain
