#include "core/packettrace/packet_trace_filter_model.h"

#include "core/packettrace/packet_trace_model.h"

namespace mqttdesk {

PacketTraceFilterModel::PacketTraceFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    // New rows are filtered as they come; nothing is sorted.
    setDynamicSortFilter(true);
}

void PacketTraceFilterModel::setSourceModel(QAbstractItemModel *model)
{
    m_trace = qobject_cast<PacketTraceModel *>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

void PacketTraceFilterModel::setTypeShown(PacketType type, bool shown)
{
    const quint16 types = shown ? quint16(m_types | bit(type)) : quint16(m_types & ~bit(type));
    if (types == m_types)
        return;
    m_types = types;
    invalidateRowsFilter();
}

void PacketTraceFilterModel::showAllTypes()
{
    if (m_types == kAllTypes)
        return;
    m_types = kAllTypes;
    invalidateRowsFilter();
}

void PacketTraceFilterModel::setTopicFilter(const QString &text)
{
    const QString topic = text.trimmed();
    if (topic == m_topic)
        return;
    m_topic = topic;
    invalidateRowsFilter();
}

bool PacketTraceFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid() || !m_trace || sourceRow >= m_trace->rowCount())
        return false;
    const PacketTraceRecord &r = m_trace->record(sourceRow);
    if (!isTypeShown(r.entry.type))
        return false;
    if (m_topic.isEmpty())
        return true;
    return r.entry.topic.contains(m_topic, Qt::CaseInsensitive) ||
           r.flowTopic.contains(m_topic, Qt::CaseInsensitive);
}

} // namespace mqttdesk
