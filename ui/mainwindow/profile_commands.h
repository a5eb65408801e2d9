#pragma once

#include <QObject>
#include <QPointer>

#include <functional>

class QWidget;

namespace mqttdesk {

class ConnectionDialog;
class ConnectionListModel;
class ConnectionSidebar;
class ConnectionTester;
class ConnectionWorkspace;
class LogModel;
class ProfileRepository;
class SecretsRunner;
struct ConnectionProfile;

// What the sidebar's actions do: new, edit, duplicate, delete, rename, move to folder,
// import, export, connect and disconnect. Goes through ProfileRepository, SecretsRunner and
// the workspace; asks the user through ConnectionDialog and Prompts (both seams).
class ProfileCommands : public QObject
{
    Q_OBJECT
public:
    struct Services
    {
        ProfileRepository *repository = nullptr;
        SecretsRunner *secrets = nullptr;
        ConnectionListModel *model = nullptr;
        ConnectionSidebar *sidebar = nullptr;
        ConnectionWorkspace *workspace = nullptr;
        LogModel *log = nullptr;
    };
    // Test seam: called with each connection dialog instead of exec(); the hook fills the
    // form and accepts or rejects it.
    using DialogHook = std::function<void(ConnectionDialog *)>;
    static void setDialogHook(DialogHook hook);

    ProfileCommands(const Services &services, QWidget *window);

    void reload();
    void newConnection();
    void edit(qint64 profileId);
    void duplicate(qint64 profileId);
    void remove(qint64 profileId);
    void rename(qint64 profileId);
    void moveToFolder(qint64 profileId);
    // Renames a folder (merges it when the new name exists; empty: to the top level).
    void renameFolder(const QString &folder);
    void importProfiles();
    void exportProfiles();
    void connectProfile(qint64 profileId);
    void disconnectProfile(qint64 profileId);
    // Adds a profile without a dialog (the first-start "Local broker").
    void addProfile(const ConnectionProfile &profile);

signals:
    // A short notice for the status bar.
    void notice(const QString &text);
    // A profile was added, edited or removed (after the list was reloaded).
    void profilesChanged();

private:
    bool runDialog(ConnectionDialog *dialog);
    void saveEdited(qint64 profileId, const ConnectionProfile &profile);
    void create(const ConnectionProfile &profile);
    void fail(const QString &title, const QString &message);
    void logInfo(const QString &source, const QString &text);

    Services m_s;
    QWidget *m_window;
    ConnectionTester *m_tester;
    QPointer<ConnectionDialog> m_testingDialog;
};

} // namespace mqttdesk
