// SPDX-License-Identifier: MIT
#pragma once

#include "pagecontext.h"

#include <QCoreApplication>
#include <QList>

namespace shardscope {

/** The tabs of the main window. */
class MainPages
{
    Q_DECLARE_TR_FUNCTIONS(MainPages)

public:
    /** In tab order (Ctrl+1, Ctrl+2, ... follow it). */
    static QList<PageFactory> all();
};

} // namespace shardscope
