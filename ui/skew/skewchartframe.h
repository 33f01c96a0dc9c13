// SPDX-License-Identifier: MIT
#pragma once

#include <QFrame>
#include <functional>

class QLabel;
class QToolButton;

namespace shardscope {

/** A dashboard chart with its title and an Export menu (PNG, SVG, CSV of its data). */
class SkewChartFrame : public QFrame
{
    Q_OBJECT

public:
    SkewChartFrame(const QString& title, QWidget* chart, std::function<QString()> csv, QWidget* parent = nullptr);

    QWidget* chart() const { return m_chart; }
    QString title() const;
    void setTitle(const QString& title);
    QString csv() const { return m_csv(); }
    /** Saves to path, the format taken from its suffix (.png, .svg, .csv); returns an error text, empty if saved. */
    QString exportTo(const QString& path) const;

Q_SIGNALS:
    void exported(const QString& path);
    void exportFailed(const QString& message);

private:
    void exportAs(const QString& suffix);

    QLabel* m_title;
    QToolButton* m_export;
    QWidget* m_chart;
    std::function<QString()> m_csv;
};

} // namespace shardscope
