#include "core/packettrace/packet_trace.h"

#include <utility>

namespace mqttdesk {

PacketTrace::PacketTrace(qsizetype capacity)
    : m_capacity(qMax(qsizetype(1), capacity))
{}

void PacketTrace::setCapacity(qsizetype capacity)
{
    m_capacity = qMax(qsizetype(1), capacity);
    if (size() > m_capacity)
        dropOldest(size() - m_capacity);
}

qsizetype PacketTrace::rowOf(qint64 seq) const
{
    if (m_records.empty() || seq < 0)
        return -1;
    const quint64 first = m_records.front().seq;
    if (quint64(seq) < first || quint64(seq) - first >= m_records.size())
        return -1;
    return qsizetype(quint64(seq) - first);
}

qsizetype PacketTrace::overflowFor(qsizetype count) const
{
    return qBound(qsizetype(0), size() + count - m_capacity, size());
}

void PacketTrace::dropOldest(qsizetype count)
{
    count = qBound(qsizetype(0), count, size());
    m_records.erase(m_records.begin(), m_records.begin() + count);
}

PacketTraceRecord PacketTrace::linked(PacketTraceEntry entry, QList<qsizetype> *changed)
{
    PacketTraceRecord record;
    record.entry = std::move(entry);
    record.seq = m_nextSeq++;
    if (const std::optional<PacketLinker::FlowEnd> end = m_linker.link(record)) {
        // The flow's first packet shows the whole flow's time.
        const qsizetype row = rowOf(qint64(end->flowSeq));
        if (row >= 0) {
            m_records[std::size_t(row)].flowRttUs = end->flowRttUs;
            if (changed)
                changed->append(row);
        }
    }
    return record;
}

QList<qsizetype> PacketTrace::append(QList<PacketTraceEntry> entries)
{
    const qsizetype n = entries.size();
    // More than the ring holds: the first ones are only linked.
    const qsizetype keepFrom = qMax(qsizetype(0), n - m_capacity);
    for (qsizetype i = 0; i < keepFrom; ++i)
        linked(entries.at(i), nullptr);
    dropOldest(overflowFor(n - keepFrom));
    const qsizetype before = size();
    QList<qsizetype> changed;
    for (qsizetype i = keepFrom; i < n; ++i) {
        if (m_originUs < 0)
            m_originUs = entries.at(i).timestampUs();
        m_records.push_back(linked(std::move(entries[i]), &changed));
    }
    // Only rows that were there before: the new ones are new anyway.
    changed.removeIf([before](qsizetype row) { return row >= before; });
    return changed;
}

QList<qsizetype> PacketTrace::linkOnly(const QList<PacketTraceEntry> &entries)
{
    QList<qsizetype> changed;
    for (const PacketTraceEntry &entry : entries)
        linked(entry, &changed);
    return changed;
}

void PacketTrace::clear()
{
    m_records.clear();
    m_originUs = -1;
}

} // namespace mqttdesk
