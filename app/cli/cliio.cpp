// SPDX-License-Identifier: MIT
#include "cliio.h"

#include "clicommand.h"

#include <QFile>
#include <QTextStream>
#include <cstdio>
#include <cstdlib>

namespace shardscope::cli {

void printLine(const QString& line)
{
    const QByteArray bytes = line.toUtf8();
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stdout);
    std::fputc('\n', stdout);
}

void printJson(const QJsonDocument& document)
{
    const QByteArray bytes = document.toJson(QJsonDocument::Indented);
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stdout);
}

void printError(const QString& message)
{
    std::fprintf(stderr, "shardscope-cli: %s\n", message.toUtf8().constData());
}

void printError(const Error& error)
{
    printError(QString::fromStdString(error.message));
    if (!error.detail.empty())
        std::fprintf(stderr, "DETAIL: %s\n", error.detail.c_str());
    if (!error.hint.empty())
        std::fprintf(stderr, "HINT: %s\n", error.hint.c_str());
}

QStringList valuesFromArgsOrStdin(const QStringList& positional)
{
    if (!positional.isEmpty())
        return positional;
    QStringList values;
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return values;
    QTextStream stream(&in);
    stream.setEncoding(QStringConverter::Utf8);
    QString line;
    while (stream.readLineInto(&line)) {
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        if (!line.isEmpty())
            values.append(line);
    }
    return values;
}

bool parseArguments(QCommandLineParser& parser, const QStringList& args, const QString& usage)
{
    parser.addHelpOption();
    QStringList withProgram = args;
    withProgram.prepend(QStringLiteral("shardscope-cli"));
    if (!parser.parse(withProgram)) {
        printError(parser.errorText());
        std::fprintf(stderr, "usage: shardscope-cli %s\n", usage.toUtf8().constData());
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::printf("usage: shardscope-cli %s\n\n%s", usage.toUtf8().constData(),
                    parser.helpText().section(QLatin1Char('\n'), 2).toUtf8().constData());
        std::exit(ExitOk);
    }
    return true;
}

} // namespace shardscope::cli
