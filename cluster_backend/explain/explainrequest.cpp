// SPDX-License-Identifier: MIT
#include "explain/explainrequest.h"

#include <cctype>

namespace shardscope::explain {

namespace {

/** The statement's words in upper case, outside strings, quoted identifiers and comments. */
std::string words(const std::string& sql)
{
    std::string out;
    std::size_t i = 0;
    while (i < sql.size()) {
        const char c = sql[i];
        if (c == '\'' || c == '"') {
            const std::size_t end = sql.find(c, i + 1);
            i = end == std::string::npos ? sql.size() : end + 1;
            out += ' ';
        } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
            const std::size_t end = sql.find('\n', i);
            i = end == std::string::npos ? sql.size() : end + 1;
            out += ' ';
        } else if (c == '/' && i + 1 < sql.size() && sql[i + 1] == '*') {
            const std::size_t end = sql.find("*/", i + 2);
            i = end == std::string::npos ? sql.size() : end + 2;
            out += ' ';
        } else {
            out += std::isalnum(static_cast<unsigned char>(c)) || c == '_'
                       ? static_cast<char>(std::toupper(static_cast<unsigned char>(c)))
                       : ' ';
            ++i;
        }
    }
    return ' ' + out + ' ';
}

std::string trimmed(const std::string& sql)
{
    std::size_t begin = 0;
    std::size_t end = sql.size();
    while (begin < end && std::isspace(static_cast<unsigned char>(sql[begin])))
        ++begin;
    while (end > begin && (std::isspace(static_cast<unsigned char>(sql[end - 1])) || sql[end - 1] == ';'))
        --end;
    return sql.substr(begin, end - begin);
}

} // namespace

bool changesData(const std::string& sql)
{
    const std::string w = words(sql);
    for (const char* verb : {" INSERT ", " UPDATE ", " DELETE ", " MERGE ", " INTO ", " TRUNCATE "}) {
        if (w.find(verb) != std::string::npos)
            return true;
    }
    return false;
}

ExplainScript buildExplainScript(const std::string& sql, const ExplainOptions& options)
{
    std::string list;
    auto add = [&list](bool on, const char* option) {
        if (on)
            list += std::string(option) + ", ";
    };
    add(options.analyze, "ANALYZE");
    add(options.verbose, "VERBOSE");
    add(options.buffers, "BUFFERS");
    add(options.settings, "SETTINGS");
    add(options.wal && options.analyze, "WAL");
    list += "FORMAT JSON";

    ExplainScript script;
    script.rolledBack = options.analyze && changesData(sql);
    script.transaction = script.rolledBack || options.allTasks || options.repartitionJoins;
    if (script.transaction)
        script.statements.emplace_back("BEGIN");
    if (options.allTasks)
        script.statements.emplace_back("SET LOCAL citus.explain_all_tasks = on");
    if (options.repartitionJoins)
        script.statements.emplace_back("SET LOCAL citus.enable_repartition_joins = on");
    const std::string statement = trimmed(sql);
    // A trailing "-- comment" would swallow the semicolon.
    const std::size_t lastLine = statement.rfind('\n');
    const bool endsInComment = statement.find("--", lastLine == std::string::npos ? 0 : lastLine) != std::string::npos;
    script.explainIndex = script.statements.size();
    script.statements.push_back("EXPLAIN (" + list + ") " + statement + (endsInComment ? "\n" : ""));
    if (script.transaction)
        script.statements.emplace_back("ROLLBACK");
    for (const std::string& s : script.statements)
        script.text += s + ";\n";
    return script;
}

} // namespace shardscope::explain
