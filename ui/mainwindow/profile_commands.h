#pragma once

#include <QObject>
#include <QPointer>
#include <QSet>

#include <functional>

class QWidget;

namespace mqttdesk {

class AppSettings;
class ConnectionDialog;
class ConnectionListModel;
class ConnectionSidebar;
class ConnectionTester;
class ConnectionWorkspace;
class LogModel;
class ProfileCatalog;
class ProfileImportCommand;
class SecretsRunner;
struct ConnectionProfile;
struct RetentionBudget;

// What the sidebar's actions do: new, edit, duplicate, delete, rename, move to folder,
// import, export, connect and disconnect. Goes through ProfileCatalog (storage, on its
// worker thread), SecretsRunner and the workspace; asks the user through ConnectionDialog
// and Prompts (both seams). Every command is asynchronous: it continues in the
// catalog's answer, on this (the GUI) thread.
class ProfileCommands : public QObject
{
    Q_OBJECT
public:
    struct Services
    {
        ProfileCatalog *catalog = nullptr;
        SecretsRunner *secrets = nullptr;
        ConnectionListModel *model = nullptr;
        ConnectionSidebar *sidebar = nullptr;
        ConnectionWorkspace *workspace = nullptr;
        LogModel *log = nullptr;
        AppSettings *settings = nullptr; // a new connection's defaults (Settings dialog)
    };
    // Test seam: called with each connection dialog instead of exec(); the hook fills the
    // form and accepts or rejects it.
    using DialogHook = std::function<void(ConnectionDialog *)>;
    static void setDialogHook(DialogHook hook);
    // What a new connection starts with from the Settings dialog: reconnect, proxy and
    // history retention.
    static void applyDefaults(const AppSettings &settings, ConnectionProfile *profile);
    // The history a new connection keeps, from Settings > History.
    static RetentionBudget retentionDefault(const AppSettings &settings);

    ProfileCommands(const Services &services, QWidget *window);

    // Reads the list again into the model (keeping the selection), then runs `then`.
    void reload(std::function<void()> then = {});
    void newConnection();
    void edit(qint64 profileId);
    void duplicate(qint64 profileId);
    // Closes the profile's view first, then deletes it with its whole history.
    void remove(qint64 profileId);
    void rename(qint64 profileId);
    void moveToFolder(qint64 profileId);
    // Renames a folder (merges it when the new name exists; empty: to the top level).
    void renameFolder(const QString &folder);
    void importProfiles();
    void exportProfiles();
    void connectProfile(qint64 profileId);
    // Opens the profile's view without connecting: its stored history can be read, filtered
    // and searched offline (storage is local). Nothing happens when it is open already.
    void openHistory(qint64 profileId);
    void disconnectProfile(qint64 profileId);
    // Adds a profile without a dialog (the first-start "Local broker").
    void addProfile(const ConnectionProfile &profile);
    // Saves a "from now on" answer to a server reference (int(ServerReferencePolicy)) in the
    // stored profile; only that field changes.
    void rememberServerReferencePolicy(qint64 profileId, int policy);
    // Gives every connection this history budget (saved in each profile; an open one's
    // writer trims at once). A notice says how many were changed.
    void applyRetentionToAll(const RetentionBudget &budget);

signals:
    // A short notice for the status bar.
    void notice(const QString &text);
    // A profile was added, edited or removed (after the list was reloaded).
    void profilesChanged();

private:
    bool runDialog(ConnectionDialog *dialog);
    // The saved profiles but `profileId`, for the dialog's client id check.
    QList<ConnectionProfile> otherProfiles(qint64 profileId) const;
    void saveEdited(qint64 profileId, const ConnectionProfile &profile);
    // The saved edit reaches an open connection (asks before reconnecting).
    void applyEdited(qint64 profileId, const ConnectionProfile &profile);
    void create(const ConnectionProfile &profile);
    void fail(const QString &title, const QString &message);
    void logInfo(const QString &source, const QString &text);
    // `f` for a catalog answer: skipped when this object is gone by then.
    template<typename F>
    auto guarded(F f)
    {
        return [self = QPointer<ProfileCommands>(this), f](auto &&...args) {
            if (self)
                f(std::forward<decltype(args)>(args)...);
        };
    }

    Services m_s;
    QWidget *m_window;
    ConnectionTester *m_tester;
    ProfileImportCommand *m_import;
    QPointer<ConnectionDialog> m_testingDialog;
    QSet<qint64> m_removing;       // deletions sent and not answered: no other command on them
    QSet<qint64> m_openingHistory; // openHistory asked the catalog and has no answer yet
};

} // namespace mqttdesk
