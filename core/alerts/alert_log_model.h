#pragma once

#include "core/alerts/alert_event.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>
#include <QString>

namespace mqttdesk {

// The app's alert log, across connections: one row per rule that fired or cleared, oldest
// first, newest last. Bounded: past the capacity the oldest rows are dropped. A batch of
// events (AlertMonitor::alertsRaised) is one insertion, so a burst of alerts costs a view one
// update. QtCore only: the Alerts panel styles it.
class AlertLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    static constexpr int kDefaultCapacity = 10000;

    enum Column
    {
        TimeColumn,
        ConnectionColumn,
        RuleColumn,
        EventColumn,
        TopicColumn,
        ValueColumn,
        ColumnCount,
    };
    enum Role
    {
        ProfileIdRole = Qt::UserRole + 1, // qint64
        // QDateTime (UTC) to show in the connection's stream: the received time of the
        // message behind the alert, else the alert's own time.
        StreamTimeRole,
        FiredRole, // bool: fired (true) or cleared
    };

    struct Entry
    {
        qint64 profileId = 0;
        QString connectionName;
        AlertEvent event; // without its action message (not kept)
    };

    explicit AlertLogModel(QObject *parent = nullptr, int capacity = kDefaultCapacity);

    // Appends `events` of one connection as one insertion (dropping the oldest rows first
    // when the log is full).
    void append(qint64 profileId, const QString &connectionName, const QList<AlertEvent> &events);
    void clear();
    const QList<Entry> &entries() const { return m_entries; }
    int capacity() const { return m_capacity; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    // Texts the model computes (the event's name, the header): call after a language change.
    void retranslate();

private:
    QString eventText(const AlertEvent &event) const;

    const int m_capacity;
    QList<Entry> m_entries;
};

} // namespace mqttdesk
