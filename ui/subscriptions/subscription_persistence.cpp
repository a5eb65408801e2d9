#include "ui/subscriptions/subscription_persistence.h"

#include "core/workspace/profile_records.h"
#include "core/workspace/subscription_record.h"
#include "ui/subscriptions/subscription_list_model.h"

#include <QPointer>

namespace mqttdesk {

SubscriptionPersistence::SubscriptionPersistence(SubscriptionListModel *model,
                                                 ProfileRecords *records, QObject *parent)
    : QObject(parent)
    , m_model(model)
    , m_records(records)
{
    connect(m_model, &SubscriptionListModel::changed, this, [this] {
        if (m_loaded)
            save();
    });
}

void SubscriptionPersistence::load()
{
    m_loaded = false;
    m_replaced = false;
    QPointer<SubscriptionPersistence> self(this);
    m_records->loadSubscriptions(
        [self](const QList<StoredSubscription> &rows, const StorageError &error) {
            if (!self)
                return;
            self->m_loaded = true;
            if (error.isError()) {
                emit self->errorOccurred(
                    tr("The saved subscriptions could not be read: %1").arg(error.message));
            } else if (!self->m_replaced) {
                QList<SubscriptionEntry> entries;
                for (const StoredSubscription &s : rows)
                    entries.append(SubscriptionRecord::fromStored(s));
                self->m_model->prependEntries(entries);
            }
            // Colours assigned while loading (an empty colour column) and rows added
            // meanwhile are written now.
            if (!error.isError() || self->m_model->rowCount() > 0)
                self->save();
            emit self->loaded();
        });
}

void SubscriptionPersistence::replaceAll()
{
    if (m_loaded)
        save();
    else
        m_replaced = true;
}

void SubscriptionPersistence::save()
{
    QList<ProfileRecords::KeyedSubscription> rows;
    rows.reserve(m_model->rowCount());
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const SubscriptionEntry &e = m_model->at(row);
        rows.append({e.uid, SubscriptionRecord::toStored(e, m_records->profileId(), row)});
    }
    QPointer<SubscriptionPersistence> self(this);
    m_records->saveSubscriptions(
        rows, [self](const QHash<quint64, qint64> &ids, const StorageError &error) {
            if (!self)
                return;
            for (auto it = ids.constBegin(); it != ids.constEnd(); ++it) {
                const int row = self->m_model->rowOfUid(it.key());
                if (row >= 0)
                    self->m_model->setStoredId(row, it.value());
            }
            if (error.isError())
                emit self->errorOccurred(
                    tr("The subscriptions could not be saved with the connection: %1")
                        .arg(error.message));
            emit self->saved();
        });
}

} // namespace mqttdesk
