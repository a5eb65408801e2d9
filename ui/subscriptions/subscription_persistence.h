#pragma once

#include "core/storage/storage_error.h"
#include "core/storage/subscription_store.h"

#include <QHash>
#include <QObject>

namespace mqttdesk {

class DatabaseConnection;
class SubscriptionListModel;

// Keeps a connection's subscriptions saved with its profile (SubscriptionStore): load()
// fills the model from storage; afterwards every change the model reports (add, remove,
// enable, colour, alias, format) is written at once, only the rows that differ.
class SubscriptionPersistence : public QObject
{
    Q_OBJECT
public:
    // `connection` is the GUI thread's and must outlive this object.
    SubscriptionPersistence(SubscriptionListModel *model, const DatabaseConnection &connection,
                            qint64 profileId, QObject *parent = nullptr);

    // Replaces the model's rows with the saved subscriptions.
    StorageError load();
    // Writes new, changed and removed rows and the order; done on every model change.
    StorageError save();

signals:
    // A save or load failed; the message says what and what to do.
    void errorOccurred(const QString &message);

private:
    StorageError report(const StorageError &error);

    SubscriptionListModel *m_model;
    const DatabaseConnection &m_connection;
    qint64 m_profileId;
    QHash<qint64, StoredSubscription> m_saved; // what storage holds, by id
};

} // namespace mqttdesk
