// SPDX-License-Identifier: MIT
#pragma once

#include <QLabel>

namespace shardscope {

class ClusterSource;

/** For a live source: server, PostgreSQL and Citus versions and the encryption, in the status bar. */
class ConnectionStatusLabel : public QLabel
{
    Q_OBJECT

public:
    explicit ConnectionStatusLabel(ClusterSource* source, QWidget* parent = nullptr);

private:
    void showFacts(const QString& message);

    ClusterSource* m_source;
};

} // namespace shardscope
