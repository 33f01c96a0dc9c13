// SPDX-License-Identifier: MIT
#pragma once

#include <QLocale>
#include <QString>

namespace shardscope {

/** Installs Qt's own and ShardScope's translators for a locale. */
class LanguageSetup
{
public:
    /**
     * language: "de", "en", ... or empty for the system locale. Sets the default QLocale to it and installs
     * Qt's translation (when the system has it) and ShardScope's (embedded under :/i18n). Returns whether a
     * ShardScope translation was installed (English needs none).
     */
    static bool install(const QString& language = {});
    /** The languages ShardScope ships a finished translation for, besides English. */
    static QStringList availableLanguages();
};

} // namespace shardscope
