#include "tests/mainwindow/main_window_fixture.h"

#include "ui/connections/connection_list_model.h"
#include "ui/dialogs/connection_dialog.h"
#include "ui/mainwindow/connection_actions.h"
#include "ui/mainwindow/profile_commands.h"

#include <QAction>
#include <QPushButton>
#include <QTest>

namespace mqttdesk {

MainWindowFixture::MainWindowFixture(const QString &dataDir)
{
    if (dataDir.isEmpty()) {
        m_tmp = std::make_unique<QTemporaryDir>();
        m_dataDir = m_tmp->path();
    } else {
        m_dataDir = dataDir;
    }
    reopen();
}

MainWindowFixture::~MainWindowFixture()
{
    ProfileCommands::setDialogHook({});
    if (m_window)
        m_window->close();
    m_window.reset();
}

void MainWindowFixture::reopen()
{
    if (m_window)
        m_window->close();
    m_window.reset();
    MainWindow::Options options;
    options.dataDir = m_dataDir;
    options.secretStore = &m_store;
    m_window = std::make_unique<MainWindow>(options);
    // The saved connections arrive from the catalog's worker thread.
    if (!QTest::qWaitFor([this] { return m_window->isLoaded(); }, 10000))
        qWarning("the main window did not load its connections");
}

qint64 MainWindowFixture::createThroughDialog(const ConnectionProfile &profile)
{
    bool saveEnabled = false;
    ProfileCommands::setDialogHook([&](ConnectionDialog *dialog) {
        dialog->setProfile(profile);
        saveEnabled = dialog->saveButton()->isEnabled();
        if (saveEnabled)
            dialog->saveButton()->click();
        else
            dialog->reject();
    });
    m_window->actions()->newConnection->trigger();
    ProfileCommands::setDialogHook({});
    if (!saveEnabled)
        return 0;
    // The secrets are saved asynchronously, then the profile.
    if (!QTest::qWaitFor([&] { return idOf(profile.name) != 0; }, 5000))
        return 0;
    return idOf(profile.name);
}

qint64 MainWindowFixture::idOf(const QString &name) const
{
    const ConnectionListModel *model = m_window->connectionModel();
    QList<QModelIndex> pending{QModelIndex()};
    while (!pending.isEmpty()) {
        const QModelIndex parent = pending.takeFirst();
        for (int r = 0; r < model->rowCount(parent); ++r) {
            const QModelIndex index = model->index(r, 0, parent);
            if (index.data(ConnectionListModel::IsFolderRole).toBool())
                pending.append(index);
            else if (index.data().toString() == name)
                return model->profileIdAt(index);
        }
    }
    return 0;
}

ConnectionProfile MainWindowFixture::profile(const QString &name, quint16 port, const QString &host)
{
    ConnectionProfile p;
    p.name = name;
    p.host = host;
    p.port = port;
    p.clientId = QStringLiteral("desk-%1").arg(p.id.toString(QUuid::Id128).left(10));
    p.reconnect.enabled = false;
    return p;
}

} // namespace mqttdesk
