#include "core/workspace/profile_repository.h"

#include "core/profile/profile_format_error.h"
#include "core/profile/profile_json.h"
#include "core/storage/database_connection.h"
#include "core/storage/decoding_rule_store.h"
#include "core/storage/profile_store.h"
#include "core/storage/subscription_store.h"
#include "core/workspace/subscription_record.h"

#include <QCoreApplication>

namespace mqttdesk {

namespace {

StoredProfile toStored(const ConnectionProfile &profile)
{
    StoredProfile stored;
    stored.uuid = profile.id.toString(QUuid::WithoutBraces);
    stored.folder = profile.folder;
    stored.name = profile.name;
    stored.data = ProfileJson::toJson(profile);
    return stored;
}

} // namespace

ProfileRepository::ProfileRepository(const DatabaseConnection &connection, MessageWriter *writer)
    : m_connection(connection)
    , m_writer(writer)
{}

QList<StoredProfile> ProfileRepository::list(StorageError *error) const
{
    return ProfileStore(m_connection).list(error);
}

std::optional<ConnectionProfile> ProfileRepository::profile(qint64 id, QString *error) const
{
    StorageError storageError;
    const auto stored = ProfileStore(m_connection).load(id, &storageError);
    if (!stored) {
        if (error)
            *error = storageError.isError()
                         ? storageError.message
                         : QCoreApplication::translate("ProfileRepository",
                                                       "The connection no longer exists.");
        return std::nullopt;
    }
    return fromStored(*stored, error);
}

std::optional<ConnectionProfile> ProfileRepository::fromStored(const StoredProfile &stored,
                                                               QString *error)
{
    ProfileFormatError formatError;
    auto profile = ProfileJson::fromJson(stored.data, &formatError);
    if (!profile) {
        if (error)
            *error = formatError.message();
        return std::nullopt;
    }
    // The placement columns win over the JSON: renames and moves update only them.
    profile->name = stored.name;
    profile->folder = stored.folder;
    return profile;
}

qint64 ProfileRepository::create(const ConnectionProfile &profile, StorageError *error) const
{
    return ProfileStore(m_connection).create(toStored(profile), error);
}

StorageError ProfileRepository::save(qint64 id, const ConnectionProfile &profile) const
{
    const ProfileStore store(m_connection);
    StorageError error;
    auto stored = store.load(id, &error);
    if (!stored)
        return error;
    const bool moved = stored->folder != profile.folder;
    stored->name = profile.name;
    stored->data = ProfileJson::toJson(profile);
    error = store.save(*stored);
    if (!error.isError() && moved)
        error = store.moveToFolder(id, profile.folder);
    return error;
}

StorageError ProfileRepository::rename(qint64 id, const QString &name) const
{
    auto current = profile(id);
    if (!current)
        return ProfileStore(m_connection).rename(id, name);
    current->name = name;
    return save(id, *current);
}

qint64 ProfileRepository::duplicate(qint64 id, const QString &newName, StorageError *error) const
{
    const qint64 copy = ProfileStore(m_connection).duplicate(id, newName, error);
    if (copy == 0)
        return 0;
    if (auto p = profile(copy)) {
        p->id = QUuid::createUuid();
        p->name = newName;
        const StorageError saveError = save(copy, *p);
        if (saveError.isError() && error)
            *error = saveError;
    }
    return copy;
}

StorageError ProfileRepository::moveToFolder(qint64 id, const QString &folder) const
{
    auto current = profile(id);
    if (current) {
        current->folder = folder;
        const StorageError error = ProfileStore(m_connection).moveToFolder(id, folder);
        if (error.isError())
            return error;
        return save(id, *current);
    }
    return ProfileStore(m_connection).moveToFolder(id, folder);
}

StorageError ProfileRepository::renameFolder(const QString &from, const QString &to) const
{
    StorageError error;
    const QList<StoredProfile> all = list(&error);
    if (error.isError())
        return error;
    // list() is in folder order, so moving one by one to the end keeps that order.
    for (const StoredProfile &p : all) {
        if (p.folder != from)
            continue;
        error = moveToFolder(p.id, to);
        if (error.isError())
            return error;
    }
    return {};
}

StorageError ProfileRepository::remove(qint64 id) const
{
    return ProfileStore(m_connection).remove(id, m_writer);
}

QList<ProfileSubscription> ProfileRepository::subscriptions(qint64 id, StorageError *error) const
{
    StorageError storageError;
    const auto stored = ProfileStore(m_connection).load(id, &storageError);
    QList<ProfileSubscription> result;
    if (stored) {
        const QUuid profileId = QUuid::fromString(stored->uuid);
        for (const StoredSubscription &row :
             SubscriptionStore(m_connection).list(id, &storageError))
            result << SubscriptionRecord::toProfile(SubscriptionRecord::fromStored(row), profileId);
    }
    if (error)
        *error = storageError;
    return result;
}

DecodingRules ProfileRepository::decodingRules(qint64 id, StorageError *error) const
{
    return DecodingRuleStore(m_connection).load(id, error);
}

StorageError
ProfileRepository::replaceSubscriptions(qint64 id,
                                        const QList<ProfileSubscription> &subscriptions) const
{
    const SubscriptionStore store(m_connection);
    StorageError error;
    const QList<StoredSubscription> rows = store.list(id, &error);
    if (error.isError())
        return error;
    for (const StoredSubscription &row : rows) {
        if (error = store.remove(row.id); error.isError())
            return error;
    }
    int position = 0;
    for (const ProfileSubscription &subscription : subscriptions) {
        const SubscriptionEntry entry = SubscriptionRecord::fromProfile(subscription);
        if (entry.subscription.filter.isEmpty())
            continue;
        store.add(SubscriptionRecord::toStored(entry, id, position++), &error);
        if (error.isError())
            return error;
    }
    return {};
}

qint64 ProfileRepository::apply(const ImportPlan::Action &action, StorageError *error) const
{
    qint64 id = action.kind == ImportPlan::Action::Kind::Replace ? action.key : 0;
    const StorageError e = m_connection.transaction([&]() -> StorageError {
        StorageError inner;
        if (action.kind == ImportPlan::Action::Kind::Add) {
            id = create(action.profile, &inner);
            if (id == 0)
                return inner;
        } else {
            // Deleted since the plan was made: say so rather than write nothing.
            if (!ProfileStore(m_connection).load(id, &inner))
                return inner.isError()
                           ? inner
                           : StorageError::make(StorageError::Kind::QueryFailed,
                                                m_connection.path(),
                                                QStringLiteral("no profile %1").arg(id));
            if (inner = save(id, action.profile); inner.isError())
                return inner;
        }
        if (action.decodingRules) {
            if (inner = DecodingRuleStore(m_connection).replace(id, *action.decodingRules);
                inner.isError())
                return inner;
        }
        if (action.kind == ImportPlan::Action::Kind::Add || action.replaceSubscriptions)
            return replaceSubscriptions(id, action.subscriptions);
        return {};
    });
    if (error)
        *error = e;
    return e.isError() ? 0 : id;
}

QList<ImportPlan::Existing> ProfileRepository::importTargets(const QList<StoredProfile> &stored)
{
    QList<ImportPlan::Existing> result;
    for (const StoredProfile &row : stored) {
        ImportPlan::Existing existing{row.id, {}};
        if (const auto profile = fromStored(row)) {
            existing.profile = *profile;
        } else {
            existing.profile.id = QUuid::fromString(row.uuid);
            existing.profile.name = row.name;
            existing.profile.clientId.clear();
        }
        result << existing;
    }
    return result;
}

} // namespace mqttdesk
