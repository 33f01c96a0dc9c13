// SPDX-License-Identifier: MIT
#pragma once

#include <QMainWindow>
#include <QStringList>

class QTabWidget;

namespace shardscope {

class ClusterSelection;
class ClusterSource;
class ClusterStatusBar;
class ClusterTreePanel;
class DetailsPanel;
class RefreshControls;

/**
 * The main window: cluster tree and details on the left, one tab per feature page, nodes at the bottom,
 * toolbar and status bar. It only places things; each page and panel wires itself to the source.
 */
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(ClusterSource* source, QWidget* parent = nullptr);
    ~MainWindow() override;

    /** Shows the page with this id ("placement", "skew", "queries", "explain"); false if there is none. */
    bool showPage(const QString& id);
    QString currentPageId() const;
    QWidget* page(const QString& id) const;
    QStringList pageIds() const { return m_pageIds; }

    ClusterSelection* selection() const { return m_selection; }
    ClusterTreePanel* treePanel() const { return m_tree; }
    DetailsPanel* detailsPanel() const { return m_details; }
    QTabWidget* tabs() const { return m_tabs; }

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createPages();
    void createDocks();
    void createActions();
    void restoreWindowState();

    ClusterSource* m_source;
    ClusterSelection* m_selection;
    QTabWidget* m_tabs;
    ClusterTreePanel* m_tree = nullptr;
    DetailsPanel* m_details = nullptr;
    RefreshControls* m_refresh = nullptr;
    ClusterStatusBar* m_status = nullptr;
    QStringList m_pageIds;
    QList<QWidget*> m_pages;
};

} // namespace shardscope
