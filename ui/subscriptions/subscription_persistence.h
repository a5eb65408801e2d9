#pragma once

#include <QObject>

namespace mqttdesk {

class ProfileRecords;
class SubscriptionListModel;

// Keeps a connection's subscriptions saved with its profile, through ProfileRecords (on its
// worker thread: no SQL here): load() asks for the saved subscriptions and fills the model
// when they arrive; afterwards every change the model reports (add, remove, enable, colour,
// alias, format) is sent to be written, and only the rows that differ are written.
class SubscriptionPersistence : public QObject
{
    Q_OBJECT
public:
    // `records` must outlive this object.
    SubscriptionPersistence(SubscriptionListModel *model, ProfileRecords *records,
                            QObject *parent = nullptr);

    // Puts the saved subscriptions into the model when they arrive (loaded()), before any
    // row added meanwhile. Nothing is saved until then, so an early change cannot write
    // over the saved rows.
    void load();
    // Sends new, changed and removed rows and the order; done on every model change.
    void save();
    // The model's rows replace the saved ones (an import): saved now, or once loading is
    // done, and the rows still loading are dropped.
    void replaceAll();
    bool isLoaded() const { return m_loaded; }

signals:
    void loaded();
    // A save was written (or failed: errorOccurred came first).
    void saved();
    // A save or load failed; the message says what and what to do.
    void errorOccurred(const QString &message);

private:
    SubscriptionListModel *m_model;
    ProfileRecords *m_records;
    bool m_loaded = false;
    bool m_replaced = false; // replaceAll() came before the saved rows did
};

} // namespace mqttdesk
