// SPDX-License-Identifier: MIT
#include "languagesetup.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QTranslator>

namespace shardscope {

bool LanguageSetup::install(const QString& language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    QLocale::setDefault(locale);
    auto* app = QCoreApplication::instance();
    // Translators are children of the application, so they live as long as it does.
    auto* qt = new QTranslator(app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
    } else {
        delete qt;
    }
    auto* own = new QTranslator(app);
    if (own->load(locale, QStringLiteral("shardscope"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(own);
        return true;
    }
    delete own;
    return false;
}

QStringList LanguageSetup::availableLanguages()
{
    QStringList languages;
    const QStringList files = QDir(QStringLiteral(":/i18n")).entryList({QStringLiteral("shardscope_*.qm")});
    for (const QString& file : files) {
        languages << file.mid(11, file.size() - 14); // shardscope_<lang>.qm
    }
    return languages;
}

} // namespace shardscope
