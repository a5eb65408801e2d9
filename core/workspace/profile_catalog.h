#pragma once

#include "core/profile/connection_profile.h"
#include "core/profile/import_plan.h"
#include "core/profile/profile_exporter.h"
#include "core/storage/database_worker.h"
#include "core/storage/storage_error.h"
#include "core/storage/stored_profile.h"

#include <QList>

#include <functional>
#include <memory>
#include <optional>

namespace mqttdesk {

class MessageWriter;
class ProfileRepository;

// The saved connections, read and edited on a worker thread: open() creates and migrates
// the database there, then every request runs ProfileRepository on the worker's own
// connection, in the order sent. Each answer is a callback on the owner's (the GUI) thread,
// dropped if the catalog is gone by then. A request sent before open() opens the database
// first; once opening failed, every request answers that error.
class ProfileCatalog : public DatabaseWorker
{
    Q_OBJECT
public:
    using DoneCallback = std::function<void(const StorageError &error)>;
    using ListCallback =
        std::function<void(const QList<StoredProfile> &profiles, const StorageError &error)>;
    // The profile with its placement applied, or why there is none.
    using ProfileCallback =
        std::function<void(const std::optional<ConnectionProfile> &profile, const QString &error)>;
    using ProfilesCallback =
        std::function<void(const QList<ConnectionProfile> &profiles, const StorageError &error)>;
    using CreatedCallback = std::function<void(qint64 id, const StorageError &error)>;
    using TargetsCallback =
        std::function<void(const QList<ImportPlan::Existing> &existing, const StorageError &error)>;
    using ExportCallback = std::function<void(
        const QList<ConnectionProfile> &profiles, const QList<ProfileSubscription> &subscriptions,
        const ProfileExporter::RulesByProfile &rules, const StorageError &error)>;
    // What a duplicate made: the copy's id (0 when it failed), and the original and the
    // copy as profiles (for copying the secrets to the copy's own keychain entries).
    struct Duplicate
    {
        qint64 id = 0;
        std::optional<ConnectionProfile> source;
        std::optional<ConnectionProfile> copy;
    };
    using DuplicatedCallback =
        std::function<void(const Duplicate &copy, const StorageError &error)>;
    // The deleted profile as it was (to forget its secrets); nullopt when it was unreadable.
    using RemovedCallback = std::function<void(const std::optional<ConnectionProfile> &removed,
                                               const StorageError &error)>;

    // `writer`, when given, is the app's history writer; it must outlive the catalog (a
    // removal makes it drop the profile's queued messages, see ProfileRepository).
    explicit ProfileCatalog(const QString &databasePath, MessageWriter *writer = nullptr,
                            QObject *parent = nullptr);

    // Creates the database when missing, switches it to WAL and migrates it.
    void open(DoneCallback done);
    // After open() found the file damaged (DatabaseQuarantine::isDamage): moves it aside (with
    // its -wal and -shm) and forgets the error, so that the next request (open() again)
    // creates a new database. `done` gets where the old file went, or why it could not move.
    // Nothing else may use the file meanwhile: the history writer must not be started yet.
    using MovedCallback =
        std::function<void(const std::optional<QString> &movedTo, const QString &error)>;
    void moveAside(MovedCallback done);

    void list(ListCallback done);
    void profile(qint64 id, ProfileCallback done);
    // Every readable profile, in list order (unreadable ones are left out).
    void profiles(ProfilesCallback done);
    // As profiles(), with their subscriptions (an export).
    void exportable(ExportCallback done);
    void create(const ConnectionProfile &profile, CreatedCallback done);
    // The saved profiles as an import plan sees them (ProfileRepository::importTargets).
    void importTargets(TargetsCallback done);
    // Writes one action of an import (ProfileRepository::apply); `done` gets the row id.
    void apply(const ImportPlan::Action &action, CreatedCallback done);
    void save(qint64 id, const ConnectionProfile &profile, DoneCallback done);
    void rename(qint64 id, const QString &name, DoneCallback done);
    // The copy gets a new profile id inside its JSON too.
    void duplicate(qint64 id, const QString &newName, DuplicatedCallback done);
    void moveToFolder(qint64 id, const QString &folder, DoneCallback done);
    // Every profile of folder `from` into `to`, keeping their order.
    void renameFolder(const QString &from, const QString &to, DoneCallback done);
    // The profile, its subscriptions, publish history and its whole message history.
    void remove(qint64 id, RemovedCallback done);

private:
    // Runs on the worker: `repository` is null when the database could not be opened, and
    // `openError` then says why. Returns what runs on the owner's thread.
    using Request = std::function<std::function<void()>(const ProfileRepository *repository,
                                                        const StorageError &openError)>;
    void request(Request work);

    // Worker thread only: whether the database was prepared, and how that went.
    struct State
    {
        bool prepared = false;
        StorageError openError;
    };
    MessageWriter *const m_writer;
    const std::shared_ptr<State> m_state;
};

} // namespace mqttdesk
