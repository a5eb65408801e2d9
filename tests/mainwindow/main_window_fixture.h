#pragma once

#include "core/profile/connection_profile.h"
#include "tests/mainwindow/memory_secret_store.h"
#include "ui/mainwindow/main_window.h"

#include <QTemporaryDir>

#include <memory>

namespace mqttdesk {

// A main window over a temporary data dir and an in-memory keychain.
class MainWindowFixture
{
public:
    explicit MainWindowFixture(const QString &dataDir = {});
    ~MainWindowFixture();

    MainWindow *window() const { return m_window.get(); }
    QString dataDir() const { return m_dataDir; }
    // Opens a fresh window on the same data dir (the old one is closed first), and waits
    // until it has loaded its connections.
    void reopen();
    // Creates a profile through the New action and the dialog; its id (0 on failure).
    qint64 createThroughDialog(const ConnectionProfile &profile);
    // The id of the profile with this name in the sidebar (0 when none).
    qint64 idOf(const QString &name) const;

    static ConnectionProfile profile(const QString &name, quint16 port,
                                     const QString &host = QStringLiteral("127.0.0.1"));

private:
    std::unique_ptr<QTemporaryDir> m_tmp;
    QString m_dataDir;
    MemorySecretStore m_store;
    std::unique_ptr<MainWindow> m_window;
};

} // namespace mqttdesk
