#pragma once

#include "core/session/session_state.h"
#include "core/storage/stored_profile.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QList>
#include <QStringList>

#include <optional>

namespace mqttdesk {

// The sidebar: saved connections grouped in folders (top-level profiles first, then one
// node per folder), each with its live state. A two-level tree over ProfileStore's list.
class ConnectionListModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Role
    {
        ProfileIdRole = Qt::UserRole + 1, // qint64, 0 for folders
        IsFolderRole,                     // bool
        HostPortRole,                     // "host:port"
        StateRole,                        // int(ConnectionListModel::Status)
        FolderRole,                       // the folder name
    };
    enum class Status
    {
        Disconnected,
        Connecting,
        Connected,
        Error,
    };
    Q_ENUM(Status)

    explicit ConnectionListModel(QObject *parent = nullptr);

    // Replaces the content (after any change in the store); keeps the live states.
    void setProfiles(const QList<StoredProfile> &profiles);
    void setStatus(qint64 profileId, Status status);
    Status status(qint64 profileId) const
    {
        return m_status.value(profileId, Status::Disconnected);
    }
    // What the row's tooltip and accessible text say about its status instead of the status
    // word (ConnectionController::statusText(): a reconnect countdown, "Failed: <reason>");
    // empty: the word.
    void setStatusText(qint64 profileId, const QString &text);
    // Reconnecting shows as Connecting: the connection is still trying, so Disconnect (which
    // cancels) is offered, not Connect. Error is a connection that failed and stopped.
    static Status statusFor(SessionState state);
    static QString statusText(Status status);         // "Connected", "Failed", ...
    static QString failedText(const QString &reason); // "Failed: <reason>"

    QModelIndex indexOf(qint64 profileId) const;
    qint64 profileIdAt(const QModelIndex &index) const;
    std::optional<StoredProfile> profile(qint64 profileId) const;
    // Every profile, in sidebar order.
    QList<StoredProfile> profiles() const;
    QStringList folders() const;
    QModelIndex folderIndex(const QString &folder) const;
    // The texts (tooltips, status words) follow a language change.
    void retranslate();

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    struct Group
    {
        QString folder; // "" = top level (its profiles are root rows)
        QList<StoredProfile> profiles;
    };
    static constexpr quintptr kRoot = 0; // internalId of root-level rows
    const StoredProfile *profileAt(const QModelIndex &index) const;

    QList<StoredProfile> m_topLevel;
    QList<Group> m_folders;
    QHash<qint64, Status> m_status;
    QHash<qint64, QString> m_statusText;
};

} // namespace mqttdesk
