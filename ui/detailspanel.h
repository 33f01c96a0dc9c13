// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QLabel;
class QTreeView;

namespace shardscope {

class ClusterSelection;
class ClusterSource;
class DetailsModel;

/** Properties of the selected node, table or colocation group. */
class DetailsPanel : public QWidget
{
    Q_OBJECT

public:
    DetailsPanel(ClusterSource* source, ClusterSelection* selection, QWidget* parent = nullptr);

    QString title() const;
    DetailsModel* model() const { return m_model; }

private:
    DetailsModel* m_model;
    QLabel* m_title;
    QTreeView* m_view;
};

} // namespace shardscope
