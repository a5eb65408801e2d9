#pragma once

#include "core/packettrace/packet_trace.h"

#include <QAbstractTableModel>
#include <QList>

namespace mqttdesk {

// The packet inspector's table: one row per packet of a PacketTrace, oldest first. Batches
// go in with one beginInsertRows() each; when the ring is full the oldest rows leave first
// with one beginRemoveRows(), so a view over it never resets during a flood (a batch larger
// than the whole ring resets it). A flow's first row gets its round-trip time when the flow
// ends (dataChanged on the RTT column).
//
// Paused, batches are still linked (the in-flight gauge and later round trips stay right)
// but add no rows.
class PacketTraceModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Time,
        Direction,
        Type,
        PacketId,
        Qos,
        Flags,
        Reason,
        Topic,
        Size,
        Rtt,
        ColumnCount
    };

    enum Role
    {
        TypeRole = Qt::UserRole + 1, // int(PacketType)
        // What the topic filter matches: the packet's topic, and for an acknowledgement the
        // topic of the flow it belongs to, separated by a newline.
        TopicMatchRole,
        FailureRole, // bool: a reason code of 0x80 or above
        SeqRole,     // the record's seq (qulonglong)
        RttUsRole,   // the RTT column's value in microseconds, -1 for none (qlonglong)
    };

    explicit PacketTraceModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    const PacketTrace &trace() const { return m_trace; }
    const PacketTraceRecord &record(int row) const { return m_trace.at(row); }
    qsizetype capacity() const { return m_trace.capacity(); }
    // Fewer than the rows there are: the oldest leave.
    void setCapacity(qsizetype capacity);

    void append(QList<PacketTraceEntry> entries);
    void setPaused(bool paused) { m_paused = paused; }
    bool isPaused() const { return m_paused; }
    // Removes every row; flows in progress and the gauge stay.
    void clear();
    // Tracing starts again after a pause in the feed: flows in progress are forgotten
    // (gaugeChanged follows).
    void forgetFlows();

    int inFlight() const { return m_trace.inFlight(); }
    int receiveMaximum() const { return m_trace.receiveMaximum(); }

    // "0x87 Not authorized", several joined with ", ", then the Reason String in quotes.
    static QString reasonText(const PacketTraceEntry &entry);
    // "DUP RETAIN", "Session present", "Clean start"; empty for none.
    static QString flagsText(const PacketTraceEntry &entry);
    // "0.41 ms", "12.5 ms", "1.24 s".
    static QString durationText(qint64 us);

signals:
    // After every batch (the values may be unchanged).
    void gaugeChanged(int inFlight, int receiveMaximum);

private:
    QString rttToolTip(const PacketTraceRecord &record) const;
    qint64 rttUs(const PacketTraceRecord &record) const;
    void rowsChanged(const QList<qsizetype> &rows);

    PacketTrace m_trace;
    bool m_paused = false;
};

} // namespace mqttdesk
