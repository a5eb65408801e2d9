#pragma once

#include "core/protocol/packet_type.h"

#include <QSortFilterProxyModel>
#include <QString>

namespace mqttdesk {

class PacketTraceModel;

// The packet inspector's filter over a PacketTraceModel: the packet types shown (all by
// default) and a topic substring (case-insensitive; an acknowledgement matches by the topic
// of the exchange it belongs to, so a PUBLISH stays with its PUBACK). Keeps the model's
// order: no sorting.
class PacketTraceFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit PacketTraceFilterModel(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;

    bool isTypeShown(PacketType type) const { return (m_types & bit(type)) != 0; }
    void setTypeShown(PacketType type, bool shown);
    // Every type shown again.
    void showAllTypes();
    bool showsAllTypes() const { return m_types == kAllTypes; }

    QString topicFilter() const { return m_topic; }
    void setTopicFilter(const QString &text);
    // Something is left out: a type hidden or a topic typed.
    bool isFiltering() const { return !showsAllTypes() || !m_topic.isEmpty(); }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    static constexpr quint16 bit(PacketType type) { return quint16(1u << quint8(type)); }
    // Bits 1..15, one per packet type.
    static constexpr quint16 kAllTypes = 0xFFFE;

    PacketTraceModel *m_trace = nullptr;
    quint16 m_types = kAllTypes;
    QString m_topic;
};

} // namespace mqttdesk
