#include "ui/connections/connection_list_model.h"

#include <QJsonObject>

namespace mqttdesk {

// Root rows: m_topLevel profiles, then m_folders. A row under folder f has internalId f + 1.

ConnectionListModel::ConnectionListModel(QObject *parent)
    : QAbstractItemModel(parent)
{}

void ConnectionListModel::setProfiles(const QList<StoredProfile> &profiles)
{
    beginResetModel();
    m_topLevel.clear();
    m_folders.clear();
    for (const StoredProfile &p : profiles) {
        if (p.folder.isEmpty()) {
            m_topLevel.append(p);
            continue;
        }
        auto it = std::find_if(m_folders.begin(), m_folders.end(),
                               [&](const Group &g) { return g.folder == p.folder; });
        if (it == m_folders.end()) {
            m_folders.append(Group{p.folder, {}});
            it = std::prev(m_folders.end());
        }
        it->profiles.append(p);
    }
    endResetModel();
}

QModelIndex ConnectionListModel::folderIndex(const QString &folder) const
{
    for (qsizetype f = 0; f < m_folders.size(); ++f)
        if (m_folders.at(f).folder == folder)
            return index(int(m_topLevel.size() + f), 0);
    return {};
}

void ConnectionListModel::retranslate()
{
    const int rows = rowCount();
    if (rows == 0)
        return;
    emit dataChanged(index(0, 0), index(rows - 1, 0));
    for (int r = int(m_topLevel.size()); r < rows; ++r) {
        const QModelIndex folder = index(r, 0);
        if (const int children = rowCount(folder); children > 0)
            emit dataChanged(index(0, 0, folder), index(children - 1, 0, folder));
    }
}

void ConnectionListModel::setStatus(qint64 profileId, Status status)
{
    if (m_status.value(profileId, Status::Disconnected) == status)
        return;
    m_status.insert(profileId, status);
    const QModelIndex idx = indexOf(profileId);
    if (idx.isValid())
        emit dataChanged(idx, idx, {StateRole, Qt::DecorationRole, Qt::ToolTipRole});
}

void ConnectionListModel::setStatusText(qint64 profileId, const QString &text)
{
    if (m_statusText.value(profileId) == text)
        return;
    m_statusText.insert(profileId, text);
    const QModelIndex idx = indexOf(profileId);
    if (idx.isValid())
        emit dataChanged(idx, idx, {Qt::ToolTipRole, Qt::AccessibleTextRole});
}

ConnectionListModel::Status ConnectionListModel::statusFor(SessionState state)
{
    switch (state) {
    case SessionState::Connected:
        return Status::Connected;
    case SessionState::Connecting:
    case SessionState::ReconnectWaiting:
        return Status::Connecting;
    case SessionState::Disconnecting:
    case SessionState::Disconnected:
        break;
    }
    return Status::Disconnected;
}

QString ConnectionListModel::statusText(Status status)
{
    switch (status) {
    case Status::Connected:
        return tr("Connected");
    case Status::Connecting:
        return tr("Connecting");
    case Status::Error:
        return tr("Failed");
    case Status::Disconnected:
        break;
    }
    return tr("Disconnected");
}

QString ConnectionListModel::failedText(const QString &reason)
{
    return tr("Failed: %1").arg(reason);
}

QModelIndex ConnectionListModel::indexOf(qint64 profileId) const
{
    for (int i = 0; i < m_topLevel.size(); ++i)
        if (m_topLevel.at(i).id == profileId)
            return createIndex(i, 0, kRoot);
    for (int f = 0; f < m_folders.size(); ++f) {
        const auto &list = m_folders.at(f).profiles;
        for (int i = 0; i < list.size(); ++i)
            if (list.at(i).id == profileId)
                return createIndex(i, 0, quintptr(f + 1));
    }
    return {};
}

const StoredProfile *ConnectionListModel::profileAt(const QModelIndex &index) const
{
    if (!index.isValid())
        return nullptr;
    if (index.internalId() == kRoot)
        return index.row() < m_topLevel.size() ? &m_topLevel.at(index.row()) : nullptr;
    const auto &list = m_folders.at(int(index.internalId() - 1)).profiles;
    return &list.at(index.row());
}

qint64 ConnectionListModel::profileIdAt(const QModelIndex &index) const
{
    const StoredProfile *p = profileAt(index);
    return p ? p->id : 0;
}

std::optional<StoredProfile> ConnectionListModel::profile(qint64 profileId) const
{
    const StoredProfile *p = profileAt(indexOf(profileId));
    if (!p)
        return std::nullopt;
    return *p;
}

QList<StoredProfile> ConnectionListModel::profiles() const
{
    QList<StoredProfile> out = m_topLevel;
    for (const Group &g : m_folders)
        out += g.profiles;
    return out;
}

QStringList ConnectionListModel::folders() const
{
    QStringList out;
    for (const Group &g : m_folders)
        out.append(g.folder);
    return out;
}

QModelIndex ConnectionListModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, kRoot);
    // Only folder nodes (root rows after the top-level profiles) have children.
    return createIndex(row, column, quintptr(parent.row() - m_topLevel.size() + 1));
}

QModelIndex ConnectionListModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kRoot)
        return {};
    return createIndex(m_topLevel.size() + int(child.internalId() - 1), 0, kRoot);
}

int ConnectionListModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_topLevel.size() + m_folders.size());
    if (parent.column() != 0 || parent.internalId() != kRoot || parent.row() < m_topLevel.size())
        return 0;
    return int(m_folders.at(parent.row() - m_topLevel.size()).profiles.size());
}

int ConnectionListModel::columnCount(const QModelIndex &) const
{
    return 1;
}

QVariant ConnectionListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const bool isFolder = index.internalId() == kRoot && index.row() >= m_topLevel.size();
    if (isFolder) {
        const Group &g = m_folders.at(index.row() - m_topLevel.size());
        switch (role) {
        case Qt::DisplayRole:
        case Qt::EditRole:
        case Qt::AccessibleTextRole:
        case FolderRole:
            return g.folder;
        case Qt::ToolTipRole:
            return tr("Folder %1 (%n connection(s))", nullptr, int(g.profiles.size()))
                .arg(g.folder);
        case IsFolderRole:
            return true;
        case ProfileIdRole:
            return qint64(0);
        default:
            return {};
        }
    }
    const StoredProfile *p = profileAt(index);
    const QJsonObject transport = p->data.value(QLatin1String("transport")).toObject();
    const QString hostPort = QStringLiteral("%1:%2").arg(
        transport.value(QLatin1String("host")).toString(),
        QString::number(transport.value(QLatin1String("port")).toInt()));
    const Status st = status(p->id);
    const QString text = m_statusText.value(p->id);
    const QString stateText = text.isEmpty() ? statusText(st) : text;
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return p->name;
    case Qt::ToolTipRole:
        return tr("%1 — %2 (%3)").arg(p->name, hostPort, stateText);
    case Qt::AccessibleTextRole:
        return tr("%1, %2, %3").arg(p->name, hostPort, stateText);
    case ProfileIdRole:
        return p->id;
    case IsFolderRole:
        return false;
    case HostPortRole:
        return hostPort;
    case StateRole:
        return int(st);
    case FolderRole:
        return p->folder;
    default:
        return {};
    }
}

Qt::ItemFlags ConnectionListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

} // namespace mqttdesk
