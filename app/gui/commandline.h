// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QSize>
#include <QString>
#include <QStringList>

namespace shardscope {

/** What the command line asked for. Add a field here and its option in CommandLine::parse(). */
struct AppOptions
{
    QString screenshotFile; ///< --screenshot FILE: render the window to FILE and exit
    QString tab;            ///< --tab ID: the page to show first
    bool dark = false;      ///< --dark: dark palette whatever the system says
    QSize size{1600, 900};  ///< --size WxH (window size for --screenshot)
    QString language;       ///< --lang CODE: "de", "en"; empty: the system's
    bool demo = false;      ///< --demo: the embedded demo cluster (also the default without a DSN)
    bool resetDemo = false; ///< --reset-demo: recreate the demo cluster, dropping changes
    QString planFile;       ///< --plan FILE: open this EXPLAIN plan (JSON or text) on the EXPLAIN page
    QString dsn;            ///< --dsn CONNINFO or the positional argument: a live coordinator
};

/** Parses shardscope's arguments; on a usage error returns false with a message (exit status 2). */
class CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    /** Page ids --tab accepts, from the main window. */
    static bool parse(const QStringList& arguments, const QStringList& pageIds, AppOptions& options, QString& message);
};

} // namespace shardscope
