// SPDX-License-Identifier: MIT
#include "detailspanel.h"

#include "api/clustersource.h"
#include "clusterselection.h"
#include "detailsmodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeView>
#include <QVBoxLayout>

namespace shardscope {

DetailsPanel::DetailsPanel(ClusterSource* source, ClusterSelection* selection, QWidget* parent)
    : QWidget(parent), m_model(new DetailsModel(this)), m_title(new QLabel(this)), m_view(new QTreeView(this))
{
    m_title->setObjectName(QStringLiteral("detailsTitle"));
    QFont font = m_title->font();
    font.setBold(true);
    m_title->setFont(font);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_title->setWordWrap(true);

    m_view->setObjectName(QStringLiteral("detailsView"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setHeaderHidden(true);
    m_view->setAlternatingRowColors(true);
    m_view->setUniformRowHeights(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->header()->setSectionResizeMode(DetailsModel::PropertyColumn, QHeaderView::ResizeToContents);
    m_view->header()->setStretchLastSection(true);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_title);
    layout->addWidget(m_view);

    connect(m_model, &DetailsModel::titleChanged, m_title, &QLabel::setText);
    connect(source, &ClusterSource::snapshotReady, m_model, &DetailsModel::setSnapshot);
    connect(selection, &ClusterSelection::currentChanged, m_model, &DetailsModel::setItem);
    m_model->setSnapshot(source->currentSnapshot());
    m_model->setItem(selection->current());
    m_title->setText(m_model->title());
}

QString DetailsPanel::title() const
{
    return m_title->text();
}

} // namespace shardscope
