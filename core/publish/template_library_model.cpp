#include "core/publish/template_library_model.h"

#include "core/publish/template_library_store.h"

#include <QMimeData>
#include <QSet>

namespace mqttdesk {

namespace {
// internalId of a collection row; a template row's is its group's row + 1.
constexpr quintptr kCollectionId = 0;
} // namespace

TemplateLibraryModel::TemplateLibraryModel(TemplateLibraryStore *store, QObject *parent)
    : QAbstractItemModel(parent)
    , m_store(store)
{
    connect(store, &TemplateLibraryStore::aboutToRestructure, this,
            &TemplateLibraryModel::beginRestructure);
    connect(store, &TemplateLibraryStore::restructured, this,
            &TemplateLibraryModel::endRestructure);
    connect(store, &TemplateLibraryStore::templateChanged, this, [this](const QString &id) {
        // Another name or topic may match the search, or no longer.
        if (isFiltering())
            return refilter();
        const QModelIndex at = indexOfId(id);
        if (at.isValid())
            emit dataChanged(at, at);
    });
    connect(store, &TemplateLibraryStore::collectionChanged, this, [this](const QString &id) {
        if (isFiltering())
            return refilter();
        const QModelIndex at = indexOfId(id);
        if (at.isValid())
            emit dataChanged(at, at);
    });
    connect(store, &QObject::destroyed, this, [this] {
        beginResetModel();
        m_groups.clear();
        endResetModel();
    });
    m_groups = buildGroups();
}

void TemplateLibraryModel::setConnection(const QString &connection)
{
    if (connection == m_connection)
        return;
    beginRestructure();
    m_connection = connection;
    endRestructure();
}

void TemplateLibraryModel::setFilterText(const QString &text)
{
    if (text == m_filter)
        return;
    beginRestructure();
    m_filter = text;
    endRestructure();
}

void TemplateLibraryModel::refilter()
{
    beginRestructure();
    endRestructure();
}

QList<TemplateLibraryModel::Group> TemplateLibraryModel::buildGroups() const
{
    QList<Group> groups;
    if (!m_store)
        return groups;
    const TemplateLibrary &library = m_store->library();
    if (isFiltering()) {
        for (const TemplateIndex &found : library.search(m_filter, m_connection)) {
            if (groups.isEmpty() || groups.last().collection != found.collection)
                groups.append(Group{found.collection, {}});
            groups.last().templates.append(found.item);
        }
        return groups;
    }
    for (qsizetype c = 0; c < library.collections().size(); ++c) {
        if (!library.isOffered(c, m_connection))
            continue;
        Group group{c, {}};
        for (qsizetype t = 0; t < library.collections().at(c).templates.size(); ++t)
            group.templates.append(t);
        groups.append(std::move(group));
    }
    return groups;
}

void TemplateLibraryModel::beginRestructure()
{
    if (m_restructuring)
        return;
    m_restructuring = true;
    emit layoutAboutToBeChanged();
    m_persistentBefore = persistentIndexList();
    m_persistentIds.clear();
    for (const QModelIndex &index : std::as_const(m_persistentBefore))
        m_persistentIds.append(idAt(index));
}

void TemplateLibraryModel::endRestructure()
{
    if (!m_restructuring)
        return;
    m_groups = buildGroups();
    QModelIndexList after;
    after.reserve(m_persistentBefore.size());
    for (qsizetype i = 0; i < m_persistentBefore.size(); ++i) {
        const QModelIndex now = indexOfId(m_persistentIds.at(i));
        const int column = m_persistentBefore.at(i).column();
        after.append(now.isValid() ? now.siblingAtColumn(column) : QModelIndex());
    }
    changePersistentIndexList(m_persistentBefore, after);
    m_persistentBefore.clear();
    m_persistentIds.clear();
    m_restructuring = false;
    emit layoutChanged();
}

QString TemplateLibraryModel::idAt(const QModelIndex &index) const
{
    if (!m_store || !index.isValid())
        return {};
    if (const auto t = templateOf(index))
        return m_store->library().at(*t).id;
    const qsizetype c = collectionOf(index);
    return c >= 0 ? m_store->collections().at(c).id : QString();
}

bool TemplateLibraryModel::isCollection(const QModelIndex &index) const
{
    return index.isValid() && index.model() == this && index.internalId() == kCollectionId;
}

qsizetype TemplateLibraryModel::collectionOf(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return -1;
    const qsizetype group =
        index.internalId() == kCollectionId ? index.row() : qsizetype(index.internalId() - 1);
    return group >= 0 && group < m_groups.size() ? m_groups.at(group).collection : -1;
}

std::optional<TemplateIndex> TemplateLibraryModel::templateOf(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this || index.internalId() == kCollectionId)
        return std::nullopt;
    const qsizetype group = qsizetype(index.internalId() - 1);
    if (group >= m_groups.size() || index.row() >= m_groups.at(group).templates.size())
        return std::nullopt;
    return TemplateIndex{m_groups.at(group).collection,
                         m_groups.at(group).templates.at(index.row())};
}

QModelIndex TemplateLibraryModel::indexOfCollection(qsizetype collection) const
{
    for (qsizetype g = 0; g < m_groups.size(); ++g) {
        if (m_groups.at(g).collection == collection)
            return createIndex(int(g), 0, kCollectionId);
    }
    return {};
}

QModelIndex TemplateLibraryModel::indexOfTemplate(TemplateIndex index) const
{
    for (qsizetype g = 0; g < m_groups.size(); ++g) {
        if (m_groups.at(g).collection != index.collection)
            continue;
        const qsizetype row = m_groups.at(g).templates.indexOf(index.item);
        return row >= 0 ? createIndex(int(row), 0, quintptr(g + 1)) : QModelIndex();
    }
    return {};
}

QModelIndex TemplateLibraryModel::indexOfId(const QString &id) const
{
    if (!m_store || id.isEmpty())
        return {};
    if (const auto t = m_store->indexOf(id))
        return indexOfTemplate(*t);
    const qsizetype c = m_store->collectionIndex(id);
    return c >= 0 ? indexOfCollection(c) : QModelIndex();
}

QModelIndex TemplateLibraryModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column != 0)
        return {};
    if (!parent.isValid())
        return row < m_groups.size() ? createIndex(row, 0, kCollectionId) : QModelIndex();
    if (!isCollection(parent) || parent.column() != 0 || parent.row() >= m_groups.size())
        return {};
    if (row >= m_groups.at(parent.row()).templates.size())
        return {};
    return createIndex(row, 0, quintptr(parent.row() + 1));
}

QModelIndex TemplateLibraryModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kCollectionId)
        return {};
    return createIndex(int(child.internalId() - 1), 0, kCollectionId);
}

int TemplateLibraryModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_groups.size());
    if (!isCollection(parent) || parent.column() != 0 || parent.row() >= m_groups.size())
        return 0;
    return int(m_groups.at(parent.row()).templates.size());
}

int TemplateLibraryModel::columnCount(const QModelIndex &) const
{
    return 1;
}

QVariant TemplateLibraryModel::data(const QModelIndex &index, int role) const
{
    if (!m_store || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (const auto t = templateOf(index)) {
        const PublishTemplate &item = m_store->library().at(*t);
        switch (role) {
        case Qt::DisplayRole:
        case Qt::EditRole:
            return item.name;
        case Qt::ToolTipRole:
            return item.topic.isEmpty() ? tr("No topic yet") : item.topic;
        case IdRole:
            return item.id;
        case IsCollectionRole:
            return false;
        case TopicRole:
            return item.topic;
        default:
            return {};
        }
    }
    const qsizetype c = collectionOf(index);
    if (c < 0)
        return {};
    const TemplateCollection &collection = m_store->collections().at(c);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return collection.name;
    case Qt::ToolTipRole: {
        const QString count = tr("%n template(s)", nullptr, int(collection.templates.size()));
        return collection.connection.isEmpty()
                   ? tr("%1, offered on every connection").arg(count)
                   : tr("%1, offered on “%2” only").arg(count, collection.connection);
    }
    case IdRole:
        return collection.id;
    case IsCollectionRole:
        return true;
    default:
        return {};
    }
}

bool TemplateLibraryModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!m_store || role != Qt::EditRole || !index.isValid() || index.model() != this)
        return false;
    const QString name = value.toString().trimmed();
    if (name.isEmpty())
        return false;
    if (const auto t = templateOf(index)) {
        m_store->renameTemplate(*t, name);
        return true;
    }
    const qsizetype c = collectionOf(index);
    if (c < 0)
        return false;
    TemplateCollection settings = m_store->collections().at(c);
    settings.name = name;
    m_store->updateCollection(c, settings);
    return true;
}

Qt::ItemFlags TemplateLibraryModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable;
    // Templates are dragged; they land in a collection, between its templates.
    f |= isCollection(index) ? Qt::ItemIsDropEnabled
                             : Qt::ItemIsDragEnabled | Qt::ItemNeverHasChildren;
    return f;
}

QStringList TemplateLibraryModel::mimeTypes() const
{
    return {QString::fromLatin1(kMimeType)};
}

QMimeData *TemplateLibraryModel::mimeData(const QModelIndexList &indexes) const
{
    QStringList ids;
    for (const QModelIndex &index : indexes) {
        if (templateOf(index) && !ids.contains(idAt(index)))
            ids.append(idAt(index));
    }
    if (ids.isEmpty())
        return nullptr;
    auto *data = new QMimeData;
    data->setData(QString::fromLatin1(kMimeType), ids.join(QLatin1Char('\n')).toUtf8());
    return data;
}

QStringList TemplateLibraryModel::idsFrom(const QMimeData *data)
{
    if (!data || !data->hasFormat(QString::fromLatin1(kMimeType)))
        return {};
    return QString::fromUtf8(data->data(QString::fromLatin1(kMimeType)))
        .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

std::optional<TemplateIndex> TemplateLibraryModel::dropTarget(int row,
                                                              const QModelIndex &parent) const
{
    if (!m_store)
        return std::nullopt;
    if (const auto t = templateOf(parent))
        return t; // on a template: before it
    if (!isCollection(parent))
        return std::nullopt; // between collections: nowhere
    const qsizetype c = collectionOf(parent);
    const Group &group = m_groups.at(parent.row());
    if (row >= 0 && row < group.templates.size())
        return TemplateIndex{c, group.templates.at(row)};
    // At the end of what is shown: after the last template shown (hidden ones stay put).
    if (!group.templates.isEmpty())
        return TemplateIndex{c, group.templates.last() + 1};
    return TemplateIndex{c, m_store->collections().at(c).templates.size()};
}

bool TemplateLibraryModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int row,
                                           int, const QModelIndex &parent) const
{
    return action == Qt::MoveAction && !idsFrom(data).isEmpty() && dropTarget(row, parent);
}

bool TemplateLibraryModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row,
                                        int column, const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    const QStringList ids = idsFrom(data);
    const TemplateIndex target = *dropTarget(row, parent);
    const QString collectionId = m_store->collections().at(target.collection).id;
    // Each template goes before the anchor, the first template at the place that is not moved
    // itself (none: the end of the collection); ids stay stable while the indexes move.
    const QSet<QString> moving(ids.cbegin(), ids.cend());
    QString anchor;
    const auto &templates = m_store->collections().at(target.collection).templates;
    for (qsizetype t = target.item; t < templates.size(); ++t) {
        if (!moving.contains(templates.at(t).id)) {
            anchor = templates.at(t).id;
            break;
        }
    }
    bool moved = false;
    for (const QString &id : ids) {
        const auto from = m_store->indexOf(id);
        const qsizetype c = m_store->collectionIndex(collectionId);
        if (!from || c < 0)
            continue;
        const bool same = from->collection == c;
        qsizetype place = 0;
        if (const auto a = m_store->indexOf(anchor))
            place = a->item - (same && from->item < a->item ? 1 : 0);
        else
            place = m_store->collections().at(c).templates.size() - (same ? 1 : 0);
        m_store->move(*from, {c, place});
        moved = true;
    }
    // The view must not remove the dragged rows itself: the move is done (removeRows is
    // not implemented, so its attempt is refused anyway).
    return moved;
}

} // namespace mqttdesk
