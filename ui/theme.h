// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QPalette>

namespace shardscope {

/** Fusion style with a light or a dark palette. */
class Theme
{
    Q_DECLARE_TR_FUNCTIONS(Theme)

public:
    enum class Mode
    {
        System, ///< dark when the desktop's palette is dark
        Light,
        Dark,
    };

    /** Call once after QApplication exists and before any window: remembers the desktop's palette. */
    static void initialize();
    static void apply(Mode mode);
    static bool isDark();
    static QPalette darkPalette();
    static QPalette lightPalette();
};

} // namespace shardscope
