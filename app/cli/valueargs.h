// SPDX-License-Identifier: MIT
#pragma once

#include "cliio.h"
#include "engine/columntype.h"

#include <QCommandLineParser>
#include <QRegularExpression>
#include <QStringList>
#include <optional>

namespace shardscope::cli {

/**
 * Moves value arguments behind a "--" so that values such as -1 or -Infinity are not taken for options.
 * valuedOptions are the options that consume the next argument ("--type").
 */
inline QStringList protectValueArguments(const QStringList& args, const QStringList& valuedOptions)
{
    static const QRegularExpression negativeValue(QStringLiteral("^-(\\d|\\.\\d|inf|nan)"),
                                                  QRegularExpression::CaseInsensitiveOption);
    QStringList options;
    QStringList values;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& arg = args[i];
        if (arg == QLatin1String("--")) {
            values += args.mid(i + 1);
            break;
        }
        if (valuedOptions.contains(arg) && i + 1 < args.size()) {
            options << arg << args[i + 1];
            ++i;
        } else if (arg.startsWith(QLatin1Char('-')) && arg.size() > 1 && !negativeValue.match(arg).hasMatch()) {
            options << arg;
        } else {
            values << arg;
        }
    }
    return options + QStringList{QStringLiteral("--")} + values;
}

/** The column type named by --type; prints a usage error and returns nullopt when missing or unknown. */
inline std::optional<engine::ColumnType> typeOption(const QCommandLineParser& parser)
{
    if (!parser.isSet(QStringLiteral("type"))) {
        printError(QStringLiteral("missing --type (for example --type bigint)"));
        return std::nullopt;
    }
    const QString name = parser.value(QStringLiteral("type"));
    const auto type = engine::columnTypeFromName(name.toStdString());
    if (!type || *type == engine::ColumnType::None) {
        printError(QStringLiteral("unknown type \"%1\"; use one of int2, int4, int8, text, varchar, bpchar, uuid, "
                                  "date, timestamp, timestamptz, numeric, bool, oid (or bigint, integer, ...)")
                       .arg(name));
        return std::nullopt;
    }
    return type;
}

} // namespace shardscope::cli
