#include "core/packettrace/packet_trace_model.h"

#include <QStringList>

namespace mqttdesk {

PacketTraceModel::PacketTraceModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int PacketTraceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_trace.size());
}

int PacketTraceModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

void PacketTraceModel::setCapacity(qsizetype capacity)
{
    const qsizetype drop = qMax(qsizetype(0), m_trace.size() - qMax(qsizetype(1), capacity));
    if (drop > 0)
        beginRemoveRows({}, 0, int(drop - 1));
    m_trace.setCapacity(capacity);
    if (drop > 0)
        endRemoveRows();
}

void PacketTraceModel::append(QList<PacketTraceEntry> entries)
{
    if (entries.isEmpty())
        return;
    if (m_paused) {
        rowsChanged(m_trace.linkOnly(entries));
    } else if (entries.size() >= m_trace.capacity()) {
        // The batch alone fills the ring: every row is new.
        beginResetModel();
        m_trace.append(std::move(entries));
        endResetModel();
    } else {
        if (const qsizetype drop = m_trace.overflowFor(entries.size()); drop > 0) {
            beginRemoveRows({}, 0, int(drop - 1));
            m_trace.dropOldest(drop);
            endRemoveRows();
        }
        const int first = int(m_trace.size());
        beginInsertRows({}, first, first + int(entries.size()) - 1);
        const QList<qsizetype> changed = m_trace.append(std::move(entries));
        endInsertRows();
        rowsChanged(changed);
    }
    emit gaugeChanged(m_trace.inFlight(), m_trace.receiveMaximum());
}

void PacketTraceModel::rowsChanged(const QList<qsizetype> &rows)
{
    for (const qsizetype row : rows) {
        const QModelIndex at = index(int(row), Rtt);
        emit dataChanged(at, at);
    }
}

void PacketTraceModel::clear()
{
    if (m_trace.isEmpty())
        return;
    beginRemoveRows({}, 0, int(m_trace.size()) - 1);
    m_trace.clear();
    endRemoveRows();
}

void PacketTraceModel::forgetFlows()
{
    m_trace.forgetFlows();
    emit gaugeChanged(m_trace.inFlight(), m_trace.receiveMaximum());
}

qint64 PacketTraceModel::rttUs(const PacketTraceRecord &record) const
{
    // A flow's first packet shows the whole flow; every answer its own step.
    if (record.flowSeq == qint64(record.seq))
        return record.flowRttUs;
    return record.stepRttUs;
}

QString PacketTraceModel::durationText(qint64 us)
{
    if (us < 0)
        return {};
    const double ms = double(us) / 1000.0;
    if (ms < 10.0)
        return tr("%1 ms").arg(ms, 0, 'f', 2);
    if (ms < 100.0)
        return tr("%1 ms").arg(ms, 0, 'f', 1);
    if (ms < 10000.0)
        return tr("%1 ms").arg(ms, 0, 'f', 0);
    return tr("%1 s").arg(ms / 1000.0, 0, 'f', 2);
}

QString PacketTraceModel::reasonText(const PacketTraceEntry &entry)
{
    QStringList codes;
    for (const ReasonCode code : entry.allReasonCodes())
        codes << reasonCodeText(code, entry.type);
    QString text = codes.join(QLatin1String(", "));
    if (!entry.reasonString.isEmpty()) {
        if (!text.isEmpty())
            text += QLatin1Char(' ');
        text += tr("\"%1\"").arg(entry.reasonString);
    }
    return text;
}

QString PacketTraceModel::flagsText(const PacketTraceEntry &entry)
{
    QStringList flags;
    if (entry.hasFlag(PacketTraceEntry::Dup))
        flags << tr("DUP");
    if (entry.hasFlag(PacketTraceEntry::Retain))
        flags << tr("RETAIN");
    if (entry.hasFlag(PacketTraceEntry::SessionPresent))
        flags << tr("Session present");
    if (entry.hasFlag(PacketTraceEntry::CleanStart))
        flags << tr("Clean start");
    return flags.join(QLatin1Char(' '));
}

QString PacketTraceModel::rttToolTip(const PacketTraceRecord &record) const
{
    QStringList lines;
    if (record.answersSeq >= 0) {
        const qsizetype row = m_trace.rowOf(record.answersSeq);
        const QString what =
            row >= 0 ? packetTypeName(m_trace.at(row).entry.type) : tr("a packet no longer listed");
        lines << tr("Answers %1 after %2").arg(what, durationText(record.stepRttUs));
    }
    if (record.flowRttUs >= 0)
        lines << tr("Whole exchange: %1").arg(durationText(record.flowRttUs));
    else if (record.flowSeq == qint64(record.seq))
        lines << tr("Waiting for the answer");
    return lines.join(QLatin1Char('\n'));
}

QVariant PacketTraceModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount)
        return {};
    const PacketTraceRecord &r = m_trace.at(index.row());
    const PacketTraceEntry &e = r.entry;
    const bool sent = e.direction == PacketDirection::Sent;
    switch (role) {
    case TypeRole:
        return int(e.type);
    case TopicMatchRole:
        return r.flowTopic.isEmpty() || r.flowTopic == e.topic
                   ? e.topic
                   : e.topic + QLatin1Char('\n') + r.flowTopic;
    case FailureRole:
        return e.isFailure();
    case SeqRole:
        return qulonglong(r.seq);
    case RttUsRole:
        return qlonglong(rttUs(r));
    case Qt::TextAlignmentRole:
        switch (index.column()) {
        case Time:
        case PacketId:
        case Size:
        case Rtt:
            return int(Qt::AlignRight | Qt::AlignVCenter);
        case Direction:
        case Qos:
            return int(Qt::AlignCenter);
        default:
            return int(Qt::AlignLeft | Qt::AlignVCenter);
        }
    case Qt::ToolTipRole:
        switch (index.column()) {
        case Direction:
            return sent ? tr("Sent to the server") : tr("Received from the server");
        case Reason:
            return reasonText(e);
        case Topic:
            if (!r.flowTopic.isEmpty() && e.topic.isEmpty())
                return tr("Belongs to the exchange about %1").arg(r.flowTopic);
            return e.topic;
        case Size:
            return e.payloadSize >= 0
                       ? tr("%1 bytes on the wire, %2 bytes of payload, %3 properties")
                             .arg(e.wireSize)
                             .arg(e.payloadSize)
                             .arg(e.propertyCount)
                       : tr("%1 bytes on the wire, %2 properties")
                             .arg(e.wireSize)
                             .arg(e.propertyCount);
        case Rtt:
            return rttToolTip(r);
        default:
            return {};
        }
    case Qt::AccessibleTextRole:
        if (index.column() == Direction)
            return sent ? tr("sent") : tr("received");
        break;
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case Time: {
        const qint64 origin = m_trace.originUs();
        const qint64 us = origin < 0 ? 0 : e.timestampUs() - origin;
        return QString::number(double(us) / 1e6, 'f', 6);
    }
    case Direction:
        return sent ? QStringLiteral("\u2192") : QStringLiteral("\u2190");
    case Type:
        return packetTypeName(e.type);
    case PacketId:
        return e.packetId != 0 ? QString::number(e.packetId) : QString();
    case Qos:
        return e.type == PacketType::Publish || e.type == PacketType::Subscribe
                   ? QString::number(int(e.qos))
                   : QString();
    case Flags:
        return flagsText(e);
    case Reason:
        return reasonText(e);
    case Topic:
        if (e.topic.isEmpty() && e.topicAlias != 0)
            return tr("(alias %1)").arg(e.topicAlias);
        if (e.type == PacketType::Connect || (e.type == PacketType::Connack && e.topic.isEmpty()))
            return e.clientId.isEmpty() ? QString() : tr("client %1").arg(e.clientId);
        return e.topic;
    case Size:
        return QString::number(e.wireSize);
    case Rtt:
        return durationText(rttUs(r));
    default:
        return {};
    }
}

QVariant PacketTraceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Time:
            return tr("Seconds since the first packet listed");
        case Direction:
            return tr("\u2192 sent to the server, \u2190 received from it");
        case Size:
            return tr("The whole packet on the wire, in bytes");
        case Rtt:
            return tr("Round-trip time: on an answer, since the packet it answers; on the first "
                      "packet of an exchange, the whole exchange");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time");
    case Direction:
        return tr("Dir");
    case Type:
        return tr("Type");
    case PacketId:
        return tr("Id");
    case Qos:
        return tr("QoS");
    case Flags:
        return tr("Flags");
    case Reason:
        return tr("Reason");
    case Topic:
        return tr("Topic");
    case Size:
        return tr("Size");
    case Rtt:
        return tr("RTT");
    default:
        return {};
    }
}

} // namespace mqttdesk
