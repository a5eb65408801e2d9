#include "core/request/request_list_model.h"

#include "core/request/request_client.h"

#include <QDateTime>
#include <QLocale>

namespace mqttdesk {

namespace {

// The reply's payload as one short line.
constexpr qsizetype kReplyPreview = 120;

} // namespace

RequestListModel::RequestListModel(RequestClient *client, QObject *parent)
    : QAbstractTableModel(parent)
    , m_client(client)
{
    for (const RequestRecord &r : client->records())
        m_ids.prepend(r.id);
    connect(client, &RequestClient::requestAdded, this, &RequestListModel::onAdded);
    connect(client, &RequestClient::requestChanged, this, &RequestListModel::onChanged);
}

int RequestListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_ids.size());
}

int RequestListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const RequestRecord *RequestListModel::recordAt(int row) const
{
    if (!m_client || row < 0 || row >= m_ids.size())
        return nullptr;
    return m_client->record(m_ids.at(row));
}

int RequestListModel::rowOf(quint64 id) const
{
    return int(m_ids.indexOf(id));
}

QString RequestListModel::statusText(const RequestRecord &record)
{
    switch (record.status) {
    case RequestRecord::Status::Subscribing:
        return tr("Subscribing to the response topic…");
    case RequestRecord::Status::Waiting:
        return tr("Waiting for the reply…");
    case RequestRecord::Status::Replied:
        return tr("Replied");
    case RequestRecord::Status::TimedOut:
        return tr("Timed out");
    case RequestRecord::Status::Failed:
        return tr("Failed");
    }
    return {};
}

QVariant RequestListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role == IdRole)
        return m_ids.at(index.row());
    const RequestRecord *r = recordAt(index.row());
    if (!r)
        return {};
    if (role == Qt::ToolTipRole) {
        if (!r->error.isEmpty())
            return r->error;
        if (index.column() == ReplyColumn && r->reply)
            return QString::fromUtf8(r->reply->payload.left(4096));
        return {};
    }
    if (role == Qt::TextAlignmentRole && index.column() == RttColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case SentColumn:
        return QDateTime::fromMSecsSinceEpoch(r->sentAtMs).toString(QStringLiteral("HH:mm:ss.zzz"));
    case TemplateColumn:
        return r->name;
    case TopicColumn:
        return r->request.topic;
    case RttColumn:
        return r->rttMs ? tr("%1 ms").arg(QLocale().toString(*r->rttMs, 'f', 1)) : QString();
    case StatusColumn:
        return r->error.isEmpty() ? statusText(*r) : tr("%1: %2").arg(statusText(*r), r->error);
    case ReplyColumn:
        if (!r->reply)
            return QString();
        return QString::fromUtf8(r->reply->payload.left(kReplyPreview))
            .replace(QLatin1Char('\n'), QLatin1Char(' '));
    default:
        return {};
    }
}

QVariant RequestListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SentColumn:
        return tr("Sent");
    case TemplateColumn:
        return tr("Template");
    case TopicColumn:
        return tr("Topic");
    case RttColumn:
        return tr("Round trip");
    case StatusColumn:
        return tr("Status");
    case ReplyColumn:
        return tr("Reply");
    default:
        return {};
    }
}

void RequestListModel::onAdded(quint64 id)
{
    // The client may have dropped its oldest requests to keep its limit: they go first.
    for (int row = int(m_ids.size()) - 1; row >= 0; --row) {
        if (!m_client->record(m_ids.at(row))) {
            beginRemoveRows({}, row, row);
            m_ids.removeAt(row);
            endRemoveRows();
        }
    }
    beginInsertRows({}, 0, 0);
    m_ids.prepend(id);
    endInsertRows();
}

void RequestListModel::onChanged(quint64 id)
{
    const int row = rowOf(id);
    if (row >= 0)
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

} // namespace mqttdesk
