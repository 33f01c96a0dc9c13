// SPDX-License-Identifier: MIT
#include "commandline.h"

#include <QCommandLineParser>
#include <QRegularExpression>

namespace shardscope {

bool CommandLine::parse(const QStringList& arguments, const QStringList& pageIds, AppOptions& options, QString& message)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("ShardScope: see and steer a Citus cluster."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();

    // One line per option; its value is read in the block below.
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        tr("Render the window to <file> (PNG) once the cluster is loaded, then exit."),
                                        tr("file"));
    const QCommandLineOption tab(QStringLiteral("tab"),
                                 tr("Show this page first: %1.").arg(pageIds.join(QStringLiteral(", "))), tr("page"));
    const QCommandLineOption dark(QStringLiteral("dark"), tr("Use the dark palette."));
    const QCommandLineOption size(QStringLiteral("size"), tr("Window size for --screenshot (default 1600x900)."),
                                  tr("WxH"));
    const QCommandLineOption lang(QStringLiteral("lang"), tr("Language of the interface, e.g. de or en."), tr("code"));
    const QCommandLineOption demo(QStringLiteral("demo"), tr("Open the embedded demo cluster."));
    const QCommandLineOption resetDemo(QStringLiteral("reset-demo"),
                                       tr("Recreate the embedded demo cluster, dropping all changes made to it."));
    const QCommandLineOption plan(QStringLiteral("plan"),
                                  tr("Open this EXPLAIN plan (JSON or text) on the EXPLAIN page."), tr("file"));
    const QCommandLineOption dsn(
        QStringLiteral("dsn"), tr("Connect to this Citus coordinator (libpq connection string or postgresql:// URI)."),
        tr("conninfo"));
    parser.addPositionalArgument(QStringLiteral("conninfo"), tr("Same as --dsn."), tr("[conninfo]"));
    for (const auto* option : {&screenshot, &tab, &dark, &size, &lang, &demo, &resetDemo, &plan, &dsn}) {
        parser.addOption(*option);
    }

    if (!parser.parse(arguments)) {
        message = parser.errorText();
        return false;
    }
    if (parser.isSet(help) || parser.isSet(version)) {
        parser.process(arguments); // prints and exits
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1 || (positional.size() == 1 && parser.isSet(dsn))) {
        message = tr("Unexpected argument: %1").arg(positional.constLast());
        return false;
    }
    options.dsn = parser.isSet(dsn) ? parser.value(dsn) : positional.value(0);
    if (parser.isSet(demo) && !options.dsn.isEmpty()) {
        message = tr("--demo and a connection string exclude each other.");
        return false;
    }

    options.screenshotFile = parser.value(screenshot);
    options.planFile = parser.value(plan);
    options.tab = parser.value(tab);
    if (!options.tab.isEmpty() && !pageIds.contains(options.tab)) {
        message = tr("Unknown page \"%1\"; choose one of: %2.").arg(options.tab, pageIds.join(QStringLiteral(", ")));
        return false;
    }
    options.dark = parser.isSet(dark);
    if (parser.isSet(size)) {
        static const QRegularExpression pattern(QStringLiteral("^(\\d{2,5})x(\\d{2,5})$"));
        const QRegularExpressionMatch match = pattern.match(parser.value(size));
        const int width = match.hasMatch() ? match.captured(1).toInt() : 0;
        const int height = match.hasMatch() ? match.captured(2).toInt() : 0;
        if (width < 320 || height < 240 || width > 10000 || height > 10000) {
            message = tr("Invalid --size \"%1\": expected WIDTHxHEIGHT between 320x240 and 10000x10000.")
                          .arg(parser.value(size));
            return false;
        }
        options.size = QSize(width, height);
    }
    options.language = parser.value(lang);
    options.demo = parser.isSet(demo);
    options.resetDemo = parser.isSet(resetDemo);
    return true;
}

} // namespace shardscope
