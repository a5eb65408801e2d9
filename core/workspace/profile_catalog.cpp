#include "core/workspace/profile_catalog.h"

#include "core/storage/database.h"
#include "core/storage/database_connection.h"
#include "core/storage/database_quarantine.h"
#include "core/workspace/profile_repository.h"

namespace mqttdesk {

namespace {

// An answer that only reports how the work went.
std::function<void()> doneAnswer(const ProfileCatalog::DoneCallback &done,
                                 const StorageError &error)
{
    return [done, error] {
        if (done)
            done(error);
    };
}

} // namespace

ProfileCatalog::ProfileCatalog(const QString &databasePath, MessageWriter *writer, QObject *parent)
    : DatabaseWorker(databasePath, QStringLiteral("profile-catalog"), parent)
    , m_writer(writer)
    , m_state(std::make_shared<State>())
{}

void ProfileCatalog::request(Request work)
{
    post([state = m_state, writer = m_writer,
          work = std::move(work)](DatabaseConnection &connection) {
        if (!state->prepared) {
            state->prepared = true;
            state->openError = Database::prepare(connection);
        }
        if (state->openError.isError())
            return work(nullptr, state->openError);
        const ProfileRepository repository(connection, writer);
        return work(&repository, {});
    });
}

void ProfileCatalog::open(DoneCallback done)
{
    request([done = std::move(done)](const ProfileRepository *, const StorageError &openError) {
        return std::function<void()>([done, openError] {
            if (done)
                done(openError);
        });
    });
}

void ProfileCatalog::moveAside(MovedCallback done)
{
    postClosed([state = m_state, path = databasePath(), done = std::move(done)] {
        QString why;
        const std::optional<QString> movedTo = DatabaseQuarantine::moveAside(path, &why);
        if (movedTo) {
            // The next request prepares (creates and migrates) the new file.
            state->prepared = false;
            state->openError = {};
        }
        return std::function<void()>([done, movedTo, why] {
            if (done)
                done(movedTo, why);
        });
    });
}

void ProfileCatalog::list(ListCallback done)
{
    request([done = std::move(done)](const ProfileRepository *repository, StorageError error) {
        QList<StoredProfile> profiles;
        if (repository)
            profiles = repository->list(&error);
        return std::function<void()>([done, profiles, error] {
            if (done)
                done(profiles, error);
        });
    });
}

void ProfileCatalog::profile(qint64 id, ProfileCallback done)
{
    request([id, done = std::move(done)](const ProfileRepository *repository,
                                         const StorageError &openError) {
        QString error = openError.message;
        std::optional<ConnectionProfile> profile;
        if (repository)
            profile = repository->profile(id, &error);
        return std::function<void()>([done, profile, error] {
            if (done)
                done(profile, error);
        });
    });
}

void ProfileCatalog::profiles(ProfilesCallback done)
{
    request([done = std::move(done)](const ProfileRepository *repository, StorageError error) {
        QList<ConnectionProfile> profiles;
        if (repository) {
            for (const StoredProfile &stored : repository->list(&error))
                if (auto p = ProfileRepository::fromStored(stored))
                    profiles.append(*p);
        }
        return std::function<void()>([done, profiles, error] {
            if (done)
                done(profiles, error);
        });
    });
}

void ProfileCatalog::exportable(ExportCallback done)
{
    request([done = std::move(done)](const ProfileRepository *repository, StorageError error) {
        QList<ConnectionProfile> profiles;
        QList<ProfileSubscription> subscriptions;
        ProfileExporter::RulesByProfile rules;
        if (repository) {
            for (const StoredProfile &stored : repository->list(&error)) {
                const auto p = ProfileRepository::fromStored(stored);
                if (!p)
                    continue;
                profiles.append(*p);
                StorageError subscriptionsError;
                subscriptions += repository->subscriptions(stored.id, &subscriptionsError);
                if (subscriptionsError.isError() && !error.isError())
                    error = subscriptionsError;
                StorageError rulesError;
                rules.insert(p->id, repository->decodingRules(stored.id, &rulesError));
                if (rulesError.isError() && !error.isError())
                    error = rulesError;
            }
        }
        return std::function<void()>([done, profiles, subscriptions, rules, error] {
            if (done)
                done(profiles, subscriptions, rules, error);
        });
    });
}

void ProfileCatalog::importTargets(TargetsCallback done)
{
    request([done = std::move(done)](const ProfileRepository *repository, StorageError error) {
        QList<ImportPlan::Existing> existing;
        if (repository)
            existing = ProfileRepository::importTargets(repository->list(&error));
        return std::function<void()>([done, existing, error] {
            if (done)
                done(existing, error);
        });
    });
}

void ProfileCatalog::apply(const ImportPlan::Action &action, CreatedCallback done)
{
    request(
        [action, done = std::move(done)](const ProfileRepository *repository, StorageError error) {
            const qint64 id = repository ? repository->apply(action, &error) : 0;
            return std::function<void()>([done, id, error] {
                if (done)
                    done(id, error);
            });
        });
}

void ProfileCatalog::create(const ConnectionProfile &profile, CreatedCallback done)
{
    request(
        [profile, done = std::move(done)](const ProfileRepository *repository, StorageError error) {
            const qint64 id = repository ? repository->create(profile, &error) : 0;
            return std::function<void()>([done, id, error] {
                if (done)
                    done(id, error);
            });
        });
}

void ProfileCatalog::save(qint64 id, const ConnectionProfile &profile, DoneCallback done)
{
    request([id, profile, done = std::move(done)](const ProfileRepository *repository,
                                                  const StorageError &openError) {
        return doneAnswer(done, repository ? repository->save(id, profile) : openError);
    });
}

void ProfileCatalog::rename(qint64 id, const QString &name, DoneCallback done)
{
    request([id, name, done = std::move(done)](const ProfileRepository *repository,
                                               const StorageError &openError) {
        return doneAnswer(done, repository ? repository->rename(id, name) : openError);
    });
}

void ProfileCatalog::duplicate(qint64 id, const QString &newName, DuplicatedCallback done)
{
    request([id, newName, done = std::move(done)](const ProfileRepository *repository,
                                                  StorageError error) {
        Duplicate copy;
        if (repository) {
            copy.id = repository->duplicate(id, newName, &error);
            if (copy.id != 0) {
                copy.source = repository->profile(id);
                copy.copy = repository->profile(copy.id);
            }
        }
        return std::function<void()>([done, copy, error] {
            if (done)
                done(copy, error);
        });
    });
}

void ProfileCatalog::moveToFolder(qint64 id, const QString &folder, DoneCallback done)
{
    request([id, folder, done = std::move(done)](const ProfileRepository *repository,
                                                 const StorageError &openError) {
        return doneAnswer(done, repository ? repository->moveToFolder(id, folder) : openError);
    });
}

void ProfileCatalog::renameFolder(const QString &from, const QString &to, DoneCallback done)
{
    request([from, to, done = std::move(done)](const ProfileRepository *repository,
                                               const StorageError &openError) {
        return doneAnswer(done, repository ? repository->renameFolder(from, to) : openError);
    });
}

void ProfileCatalog::remove(qint64 id, RemovedCallback done)
{
    request([id, done = std::move(done)](const ProfileRepository *repository, StorageError error) {
        std::optional<ConnectionProfile> removed;
        if (repository) {
            // Read before the row goes: the caller forgets the profile's secrets with it.
            removed = repository->profile(id);
            error = repository->remove(id);
        }
        return std::function<void()>([done, removed, error] {
            if (done)
                done(removed, error);
        });
    });
}

} // namespace mqttdesk
