// SPDX-License-Identifier: MIT
#include "clustertreepanel.h"

#include "api/clustersource.h"
#include "clusterselection.h"
#include "clustertreemodel.h"
#include "clustertreeproxymodel.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QTreeView>
#include <QVBoxLayout>

namespace shardscope {

ClusterTreePanel::ClusterTreePanel(ClusterSource* source, ClusterSelection* selection, QWidget* parent)
    : QWidget(parent), m_selection(selection), m_model(new ClusterTreeModel(this)),
      m_proxy(new ClusterTreeProxyModel(this)), m_filter(new QLineEdit(this)), m_view(new QTreeView(this))
{
    m_proxy->setSourceModel(m_model);
    m_filter->setPlaceholderText(tr("Filter nodes and tables (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    m_view->setObjectName(QStringLiteral("clusterTree"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder); // catalog order until the user clicks a header
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    // Figures keep their full width; long names are elided first, so a narrow dock never cuts off a size.
    m_view->header()->setStretchLastSection(false);
    for (int column = 0; column < ClusterTreeModel::ColumnCount; ++column) {
        m_view->header()->setSectionResizeMode(
            column, column == ClusterTreeModel::NameColumn ? QHeaderView::Stretch : QHeaderView::ResizeToContents);
    }

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_filter);
    layout->addWidget(m_view);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_proxy->setFilterFixedString(text);
        m_view->expandAll();
    });
    connect(source, &ClusterSource::snapshotReady, this, [this](const ClusterSnapshot& snapshot) {
        m_model->setSnapshot(snapshot);
        if (m_firstSnapshot) {
            m_firstSnapshot = false;
            m_view->expandAll();
            if (!m_selection->current().isValid()) { // start with the cluster overview in the details panel
                m_selection->setCurrent({ClusterItemKind::Section, qint64(ClusterSection::Nodes)});
            }
        }
        showSelection(m_selection->current());
    });
    connect(m_model, &QAbstractItemModel::modelReset, m_view, &QTreeView::expandAll);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex& current) {
        m_selection->setCurrent(m_model->itemRef(m_proxy->mapToSource(current)));
    });
    connect(m_selection, &ClusterSelection::currentChanged, this, &ClusterTreePanel::showSelection);
    if (!source->currentSnapshot().isNull()) {
        m_model->setSnapshot(source->currentSnapshot());
        m_firstSnapshot = false;
        m_view->expandAll();
    }
}

void ClusterTreePanel::showSelection(const ClusterItemRef& ref)
{
    const QModelIndex index = m_proxy->mapFromSource(m_model->indexOf(ref));
    if (index.isValid() && index != m_view->currentIndex()) {
        m_view->setCurrentIndex(index);
        m_view->scrollTo(index);
    }
}

} // namespace shardscope
