#pragma once

#include "core/profile/connection_profile.h"
#include "core/profile/import_plan.h"
#include "core/profile/profile_subscription.h"
#include "core/storage/storage_error.h"
#include "core/storage/stored_profile.h"

#include <QList>

#include <optional>

namespace mqttdesk {

class DatabaseConnection;
class MessageWriter;

// Saved connections as ConnectionProfile values: ProfileStore keeps the placement (folder,
// position, name) and the profile's JSON; ProfileJson converts. Secrets are not here (see
// ProfileSecrets). The app's connection list and the CLI's --profile both read through it.
class ProfileRepository
{
public:
    // `writer`, when given, is the app's history writer: removing a profile first stops it
    // from writing that profile's queued messages back after the delete.
    explicit ProfileRepository(const DatabaseConnection &connection,
                               MessageWriter *writer = nullptr);

    QList<StoredProfile> list(StorageError *error = nullptr) const;
    // The profile with its placement columns applied; nullopt when missing or unreadable.
    std::optional<ConnectionProfile> profile(qint64 id, QString *error = nullptr) const;
    // A listed row as a profile (the same conversion; for callers that chose from list()).
    static std::optional<ConnectionProfile> fromStored(const StoredProfile &stored,
                                                       QString *error = nullptr);
    qint64 create(const ConnectionProfile &profile, StorageError *error = nullptr) const;
    StorageError save(qint64 id, const ConnectionProfile &profile) const;
    StorageError rename(qint64 id, const QString &name) const;
    // The copy gets a new profile id inside its JSON too.
    qint64 duplicate(qint64 id, const QString &newName, StorageError *error = nullptr) const;
    StorageError moveToFolder(qint64 id, const QString &folder) const;
    // Every profile of folder `from` into `to`, keeping their order (a rename when `to` is
    // new, a merge when it exists).
    StorageError renameFolder(const QString &from, const QString &to) const;
    StorageError remove(qint64 id) const;

    // The profile's subscriptions in the export file's form (naming the profile's id).
    QList<ProfileSubscription> subscriptions(qint64 id, StorageError *error = nullptr) const;
    // The profile's decoding rules (none when it has none).
    DecodingRules decodingRules(qint64 id, StorageError *error = nullptr) const;
    // The profile's subscriptions become `subscriptions`, in their order (an import).
    StorageError replaceSubscriptions(qint64 id,
                                      const QList<ProfileSubscription> &subscriptions) const;
    // Writes one action of an import: adds or replaces the profile, with its subscriptions, in
    // one transaction. The profile's row id (0 when it failed).
    qint64 apply(const ImportPlan::Action &action, StorageError *error = nullptr) const;
    // The saved profiles as an import plan sees them (an unreadable one by its id and name).
    static QList<ImportPlan::Existing> importTargets(const QList<StoredProfile> &stored);

private:
    const DatabaseConnection &m_connection;
    MessageWriter *m_writer = nullptr;
};

} // namespace mqttdesk
