// SPDX-License-Identifier: MIT
#pragma once

#include <QFrame>

class QLabel;

namespace shardscope {

class ClusterSource;
struct Error;

/**
 * A strip above the pages saying what is wrong with a live connection and how to fix it: limited mode on
 * plain PostgreSQL, authentication failures, unreachable servers. Inactive while all is well and for the demo.
 */
class ConnectionBanner : public QFrame
{
    Q_OBJECT

public:
    explicit ConnectionBanner(ClusterSource* source, QWidget* parent = nullptr);

    /** The message shown, empty while all is well. */
    QString text() const;
    bool isActive() const { return m_active; }

Q_SIGNALS:
    /** The banner has something to say (true) or nothing any more (false); the window shows or hides it. */
    void activeChanged(bool active);

private:
    void showServerInfo();
    void showFailure(const Error& error);
    void showText(const QString& html, bool error);
    void setActive(bool active);

    ClusterSource* m_source;
    QLabel* m_label;
    bool m_active = false;
};

} // namespace shardscope
