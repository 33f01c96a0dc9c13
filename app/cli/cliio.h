// SPDX-License-Identifier: MIT
#pragma once

#include "api/error.h"

#include <QByteArray>
#include <QCommandLineParser>
#include <QJsonDocument>
#include <QString>
#include <QStringList>

namespace shardscope::cli {

/** Writes text to standard output as UTF-8 (a newline is added). */
void printLine(const QString& line);
/** Writes a JSON document to standard output, indented, followed by a newline. */
void printJson(const QJsonDocument& document);
/** Writes "shardscope-cli: <message>" (plus hint and detail lines) to standard error. */
void printError(const QString& message);
void printError(const Error& error);

/** The positional arguments, or when there are none, the non-empty lines of standard input. */
QStringList valuesFromArgsOrStdin(const QStringList& positional);

/**
 * Parses a subcommand's arguments; on a usage error prints it with the subcommand's help and returns false.
 * usage is the synopsis shown in --help, e.g. "hash --type TYPE [VALUE...]".
 */
bool parseArguments(QCommandLineParser& parser, const QStringList& args, const QString& usage);

} // namespace shardscope::cli
