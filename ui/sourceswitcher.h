// SPDX-License-Identifier: MIT
#pragma once

#include "api/error.h"
#include "connectionbanner.h"

#include <QObject>
#include <QPointer>
#include <QSize>
#include <memory>

namespace shardscope {

class ClusterSource;
class MainWindow;
class ProfileStore;

/**
 * Owns the cluster source and the main window on it. Switching source (File › Connect…, File › Open demo
 * cluster) builds a new window on the new source where the old one was, then drops the old window and
 * source: pages are wired to one source for their whole life, so none of them needs to learn re-wiring.
 */
class SourceSwitcher : public QObject
{
    Q_OBJECT

public:
    explicit SourceSwitcher(QObject* parent = nullptr);
    ~SourceSwitcher() override;

    /** The embedded demo cluster; resetDemo recreates it from scratch. */
    void openDemo(bool resetDemo = false);
    /**
     * A live coordinator; fails (without switching) only when libpq cannot parse the conninfo. profileName
     * (a saved connection's name) titles the window before the connection's own user@host:port/db.
     */
    Status openLive(const QString& conninfo, const QString& profileName = {});

    MainWindow* window() const { return m_window; }
    /** The banner of the current window (limited mode, connection failures and their fix). */
    ConnectionBanner* banner() const { return m_banner; }
    ClusterSource* source() const { return m_source; }
    /** For tests: where the connection dialog keeps its profiles (default: the user's settings). */
    void setProfileStore(ProfileStore* store) { m_store = store; }

public Q_SLOTS:
    /** Opens the connection dialog; accepting it switches to that server. */
    void showConnectDialog();

Q_SIGNALS:
    /** A new window (and source) took over; the previous ones are being deleted. */
    void windowChanged(shardscope::MainWindow* window);

private:
    void install(ClusterSource* source);
    /** Lets go of a source nobody uses any more; a live one ends its connection without the GUI waiting. */
    static void release(ClusterSource* source);
    void addConnectionUi(MainWindow* window, ClusterSource* source);

    ClusterSource* m_source = nullptr;
    QPointer<MainWindow> m_window;
    QPointer<ConnectionBanner> m_banner;
    ProfileStore* m_store = nullptr;
    std::unique_ptr<ProfileStore> m_ownStore;
};

} // namespace shardscope
