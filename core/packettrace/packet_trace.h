#pragma once

#include "core/packettrace/packet_linker.h"
#include "core/packettrace/packet_trace_record.h"

#include <QList>
#include <QtGlobal>

#include <deque>

namespace mqttdesk {

// The last N packets of a connection (a bounded ring: the oldest go first), each linked to
// the packet it answers with its round-trip time (PacketLinker), and the in-flight gauge.
// Fed with the batches of Connection::packetsTraced(). Linking goes on over every packet,
// also those the ring no longer holds or that are not kept (linkOnly: a paused inspector),
// so a PUBACK that comes after its PUBLISH was dropped still gets its round-trip time.
//
// Not thread-safe: one thread feeds and reads it.
class PacketTrace
{
public:
    static constexpr qsizetype kDefaultCapacity = 10000;

    explicit PacketTrace(qsizetype capacity = kDefaultCapacity);

    qsizetype capacity() const { return m_capacity; }
    // At least 1; the oldest records beyond it are dropped at once.
    void setCapacity(qsizetype capacity);

    qsizetype size() const { return qsizetype(m_records.size()); }
    bool isEmpty() const { return m_records.empty(); }
    // Row 0 is the oldest kept.
    const PacketTraceRecord &at(qsizetype row) const { return m_records[std::size_t(row)]; }
    // The row of the record numbered `seq`, or -1 when it is not (or no longer) kept.
    qsizetype rowOf(qint64 seq) const;
    // The seq the next packet gets.
    quint64 nextSeq() const { return m_nextSeq; }

    // How many of the oldest records appending `count` entries drops (for a model that
    // announces the removal before the insertion).
    qsizetype overflowFor(qsizetype count) const;
    void dropOldest(qsizetype count);
    // Links and keeps `entries` (the last capacity() of them when there are more), dropping
    // the oldest records beyond the capacity. Returns the rows, among those kept before
    // the call, that changed: first packets of flows that ended in this batch.
    // Taken by value: the entries move into the records (no copy when the caller moves).
    QList<qsizetype> append(QList<PacketTraceEntry> entries);
    // Links `entries` without keeping them: the gauge and later RTTs stay right. Returns the
    // rows that changed, as append() does.
    QList<qsizetype> linkOnly(const QList<PacketTraceEntry> &entries);
    // Forgets the records (not the flows in progress, nor the gauge).
    void clear();
    // Forgets the flows in progress (tracing was off for a while: their answers may have
    // gone by untraced); the records and the Receive Maximum stay.
    void forgetFlows() { m_linker.forgetFlows(); }

    // When the first packet kept since the trace began or was cleared went (its
    // timestampUs), -1 before any: the origin of the trace's relative times.
    qint64 originUs() const { return m_originUs; }

    int inFlight() const { return m_linker.inFlight(); }
    int receiveMaximum() const { return m_linker.receiveMaximum(); }

private:
    PacketTraceRecord linked(PacketTraceEntry entry, QList<qsizetype> *changed);

    qsizetype m_capacity;
    std::deque<PacketTraceRecord> m_records;
    quint64 m_nextSeq = 0;
    qint64 m_originUs = -1;
    PacketLinker m_linker;
};

} // namespace mqttdesk
