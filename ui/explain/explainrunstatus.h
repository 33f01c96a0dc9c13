// SPDX-License-Identifier: MIT
#pragma once

#include "live/explainrunner.h"

#include <QLabel>

namespace shardscope {

/**
 * The line above the plan that says what a live EXPLAIN run is doing or did: running, cancelling, the rollback
 * note, or the error in plain words with the server's message (red). Hidden while there is nothing to say.
 */
class ExplainRunStatus : public QLabel
{
    Q_OBJECT

public:
    explicit ExplainRunStatus(QWidget* parent = nullptr);

    void showRunning(const QString& server, bool analyze);
    void showCancelling();
    void showNote(const QString& text);
    /** Shows a failed run (error or cancel) and returns the text shown. */
    QString showFailure(const live::ExplainOutcome& outcome);
    /** The note shown once the plan of a successful run is on screen. */
    static QString successNote(const live::ExplainOutcome& outcome);
    /** The text shown, or empty when hidden. */
    QString status() const;

private:
    void show(const QString& text, bool error);
};

} // namespace shardscope
