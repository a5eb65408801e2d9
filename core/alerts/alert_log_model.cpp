#include "core/alerts/alert_log_model.h"

namespace mqttdesk {

AlertLogModel::AlertLogModel(QObject *parent, int capacity)
    : QAbstractTableModel(parent)
    , m_capacity(qMax(1, capacity))
{}

void AlertLogModel::append(qint64 profileId, const QString &connectionName,
                           const QList<AlertEvent> &events)
{
    if (events.isEmpty())
        return;
    // Of a batch larger than the log, only its newest rows would stay.
    const qsizetype first = qMax<qsizetype>(0, events.size() - m_capacity);
    const qsizetype adding = events.size() - first;
    const qsizetype drop = qMax<qsizetype>(0, m_entries.size() + adding - m_capacity);
    if (drop > 0) {
        beginRemoveRows({}, 0, int(drop) - 1);
        m_entries.remove(0, drop);
        endRemoveRows();
    }
    const int row = int(m_entries.size());
    beginInsertRows({}, row, row + int(adding) - 1);
    m_entries.reserve(m_entries.size() + adding);
    for (qsizetype i = first; i < events.size(); ++i) {
        Entry entry{profileId, connectionName, events.at(i)};
        entry.event.publish.reset(); // published already; not for the log
        m_entries.append(std::move(entry));
    }
    endInsertRows();
}

void AlertLogModel::clear()
{
    if (m_entries.isEmpty())
        return;
    beginResetModel();
    m_entries.clear();
    endResetModel();
}

int AlertLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int AlertLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AlertLogModel::eventText(const AlertEvent &event) const
{
    return event.type == AlertEvent::Type::Fired ? tr("Fired") : tr("Cleared");
}

QVariant AlertLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = m_entries.at(index.row());
    const AlertEvent &e = entry.event;
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case TimeColumn:
            return QDateTime::fromMSecsSinceEpoch(e.timeMs).toString(
                QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
        case ConnectionColumn:
            return entry.connectionName;
        case RuleColumn:
            return e.ruleName;
        case EventColumn:
            if (role == Qt::ToolTipRole && !e.actionError.isEmpty())
                return tr("%1 (its message was not published: %2)")
                    .arg(eventText(e), e.actionError);
            return eventText(e);
        case TopicColumn:
            // Silence, rate and connection rules have no message: their filter says what.
            return e.topic.isEmpty() ? e.filter : e.topic;
        case ValueColumn:
            return e.value;
        default:
            return {};
        }
    case ProfileIdRole:
        return entry.profileId;
    case StreamTimeRole:
        return e.messageTimeUs > 0 ? QDateTime::fromMSecsSinceEpoch(e.messageTimeUs / 1000, Qt::UTC)
                                   : QDateTime::fromMSecsSinceEpoch(e.timeMs, Qt::UTC);
    case FiredRole:
        return e.type == AlertEvent::Type::Fired;
    default:
        return {};
    }
}

QVariant AlertLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case ConnectionColumn:
        return tr("Connection");
    case RuleColumn:
        return tr("Rule");
    case EventColumn:
        return tr("Event");
    case TopicColumn:
        return tr("Topic");
    case ValueColumn:
        return tr("Value");
    default:
        return {};
    }
}

void AlertLogModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_entries.isEmpty())
        emit dataChanged(index(0, EventColumn), index(rowCount() - 1, EventColumn),
                         {Qt::DisplayRole, Qt::ToolTipRole});
}

} // namespace mqttdesk
