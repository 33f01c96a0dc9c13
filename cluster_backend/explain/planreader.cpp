// SPDX-License-Identifier: MIT
#include "explain/planreader.h"

#include "explain/planjsonreader.h"
#include "explain/plantextreader.h"

#include <simdjson.h>

namespace shardscope::explain {

namespace {

constexpr const char* kCode = "shardscope.invalid_plan";

std::string_view trim(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r'))
        text.remove_suffix(1);
    return text;
}

bool isRowCountFooter(std::string_view line)
{
    // "(1 row)", "(12 rows)"
    line = trim(line);
    if (line.size() < 7 || line.front() != '(' || line.back() != ')')
        return false;
    line = line.substr(1, line.size() - 2);
    std::size_t digits = 0;
    while (digits < line.size() && line[digits] >= '0' && line[digits] <= '9')
        ++digits;
    return digits > 0 && (line.substr(digits) == " row" || line.substr(digits) == " rows");
}

bool isRule(std::string_view line)
{
    line = trim(line);
    return !line.empty() && line.find_first_not_of("-+") == std::string_view::npos;
}

std::vector<std::string_view> splitLines(std::string_view data)
{
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start < data.size()) {
        std::size_t end = data.find('\n', start);
        if (end == std::string_view::npos)
            end = data.size();
        std::string_view line = data.substr(start, end - start);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        lines.push_back(line);
        start = end + 1;
    }
    return lines;
}

} // namespace

Result<ExplainPlan> parsePlan(std::string_view data)
{
    if (data.size() > kMaxPlanBytes)
        return Error::make("The plan file is larger than 512 MB.", kCode);
    if (data.size() >= 3 && data.substr(0, 3) == "\xEF\xBB\xBF") // a UTF-8 byte order mark
        data.remove_prefix(3);
    if (data.find('\0') != std::string_view::npos || !simdjson::validate_utf8(data.data(), data.size()))
        return Error::make("This is not an EXPLAIN plan: the file is not UTF-8 text.", kCode,
                           "Open a plan saved from EXPLAIN (FORMAT JSON) or from psql's EXPLAIN output.");

    // Fast path: a bare JSON plan is handed to simdjson as is.
    const std::string_view content = trim(data.substr(0, 256));
    if (!content.empty() && (content.front() == '[' || content.front() == '{'))
        return parsePlanJson(data);

    std::vector<std::string_view> lines = splitLines(data);
    std::size_t first = 0;
    std::string sql;
    while (first < lines.size()) {
        const std::string_view line = trim(lines[first]);
        if (line.empty()) {
            ++first;
        } else if (line.substr(0, 2) == "--" && !isRule(line)) {
            sql += std::string(trim(line.substr(2))) + (sql.empty() ? "" : " ");
            ++first;
        } else {
            break;
        }
    }
    if (first == lines.size())
        return Error::make("This file holds no EXPLAIN plan.", kCode);

    const std::string_view head = trim(lines[first]);
    if (head.substr(0, 6) == "ERROR:")
        return Error::make("The file holds a server error instead of a plan: " + std::string(trim(head.substr(6))),
                           kCode, "Run the EXPLAIN again once the statement works.");

    // psql's aligned framing: header, rule, rows indented by one space, "+" at wrapped line ends, row count.
    const bool framed = head == "QUERY PLAN" && first + 1 < lines.size() && isRule(lines[first + 1]);
    std::string body;
    body.reserve(data.size());
    for (std::size_t i = framed ? first + 2 : first; i < lines.size(); ++i) {
        std::string_view line = lines[i];
        if (framed) {
            if (isRowCountFooter(line))
                break;
            if (!line.empty() && line.front() == ' ')
                line.remove_prefix(1);
            std::string_view right = line;
            while (!right.empty() && right.back() == ' ')
                right.remove_suffix(1);
            if (!right.empty() && right.back() == '+')
                right.remove_suffix(1);
            line = right;
        }
        body.append(line);
        body += '\n';
    }

    const std::string_view bodyStart = trim(std::string_view(body).substr(0, 256));
    Result<ExplainPlan> plan = (!bodyStart.empty() && (bodyStart.front() == '[' || bodyStart.front() == '{'))
                                   ? parsePlanJson(body)
                                   : parsePlanText(body);
    if (plan.ok())
        plan->sourceSql = sql;
    return plan;
}

} // namespace shardscope::explain
