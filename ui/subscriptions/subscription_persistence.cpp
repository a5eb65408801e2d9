#include "ui/subscriptions/subscription_persistence.h"

#include "core/storage/database_connection.h"
#include "ui/subscriptions/subscription_list_model.h"
#include "ui/subscriptions/subscription_record.h"

#include <QSet>

namespace mqttdesk {

SubscriptionPersistence::SubscriptionPersistence(SubscriptionListModel *model,
                                                 const DatabaseConnection &connection,
                                                 qint64 profileId, QObject *parent)
    : QObject(parent)
    , m_model(model)
    , m_connection(connection)
    , m_profileId(profileId)
{
    connect(m_model, &SubscriptionListModel::changed, this, [this] { save(); });
}

StorageError SubscriptionPersistence::report(const StorageError &error)
{
    if (error.isError())
        emit errorOccurred(
            tr("The subscriptions could not be saved with the connection: %1").arg(error.message));
    return error;
}

StorageError SubscriptionPersistence::load()
{
    StorageError error;
    const QList<StoredSubscription> saved =
        SubscriptionStore(m_connection).list(m_profileId, &error);
    if (error.isError()) {
        emit errorOccurred(tr("The saved subscriptions could not be read: %1").arg(error.message));
        return error;
    }
    m_saved.clear();
    QList<SubscriptionEntry> entries;
    for (const StoredSubscription &s : saved) {
        m_saved.insert(s.id, s);
        entries.append(SubscriptionRecord::fromStored(s));
    }
    m_model->loadEntries(entries);
    // Colours assigned while loading (an empty colour column) are written back.
    return save();
}

StorageError SubscriptionPersistence::save()
{
    if (!m_connection.isOpen())
        return report(m_connection.error());
    const SubscriptionStore store(m_connection);
    QSet<qint64> present;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        StoredSubscription s = SubscriptionRecord::toStored(m_model->at(row), m_profileId, row);
        if (s.id == 0) {
            StorageError error;
            s.id = store.add(s, &error);
            if (error.isError())
                return report(error);
            m_model->setStoredId(row, s.id);
            // add() appends after the last position; the row decides.
            m_saved.insert(s.id, StoredSubscription{});
        }
        present.insert(s.id);
        const auto it = m_saved.constFind(s.id);
        if (it == m_saved.constEnd() || !SubscriptionRecord::sameSavedFields(*it, s)) {
            if (StorageError error = store.update(s); error.isError())
                return report(error);
            m_saved.insert(s.id, s);
        }
    }
    const QList<qint64> ids = m_saved.keys();
    for (qint64 id : ids) {
        if (present.contains(id))
            continue;
        if (StorageError error = store.remove(id); error.isError())
            return report(error);
        m_saved.remove(id);
    }
    return {};
}

} // namespace mqttdesk
