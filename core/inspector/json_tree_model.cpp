#include "core/inspector/json_tree_model.h"

#include <QCoreApplication>

namespace mqttdesk {

JsonTreeModel::JsonTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{}

void JsonTreeModel::setDocument(Document document)
{
    beginResetModel();
    m_document = std::move(document);
    endResetModel();
}

void JsonTreeModel::setJson(const QByteArray &json)
{
    setDocument(std::make_shared<const JsonIndex>(JsonIndex::parse(json)));
}

QModelIndex JsonTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasRows() || column < 0 || column >= ColumnCount || row < 0 || parent.column() > 0)
        return {};
    const quint32 node = nodeOf(parent);
    if (quint32(row) >= m_document->node(node).childCount)
        return {};
    return createIndex(row, column, quintptr(m_document->child(node, quint32(row))));
}

QModelIndex JsonTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || !hasRows())
        return {};
    return indexOfNode(m_document->node(nodeOf(child)).parent);
}

QModelIndex JsonTreeModel::indexOfNode(quint32 node) const
{
    if (!hasRows() || node == 0 || node >= m_document->nodeCount())
        return {};
    return createIndex(int(m_document->node(node).row), 0, quintptr(node));
}

int JsonTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!hasRows() || parent.column() > 0)
        return 0;
    return int(qMin<quint32>(m_document->node(nodeOf(parent)).childCount, INT_MAX));
}

int JsonTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool JsonTreeModel::hasChildren(const QModelIndex &parent) const
{
    return rowCount(parent) > 0;
}

QString JsonTreeModel::typeName(JsonIndex::Type type)
{
    switch (type) {
    case JsonIndex::Type::Null:
        return QCoreApplication::translate("JsonTreeModel", "null");
    case JsonIndex::Type::False:
    case JsonIndex::Type::True:
        return QCoreApplication::translate("JsonTreeModel", "boolean");
    case JsonIndex::Type::Number:
        return QCoreApplication::translate("JsonTreeModel", "number");
    case JsonIndex::Type::String:
        return QCoreApplication::translate("JsonTreeModel", "string");
    case JsonIndex::Type::Array:
        return QCoreApplication::translate("JsonTreeModel", "array");
    case JsonIndex::Type::Object:
        return QCoreApplication::translate("JsonTreeModel", "object");
    }
    return {};
}

QString JsonTreeModel::valueText(const JsonIndex &document, quint32 node)
{
    const JsonIndex::Node &n = document.node(node);
    switch (n.type) {
    case JsonIndex::Type::Object:
        return u'{' + QString::number(n.childCount) + u'}';
    case JsonIndex::Type::Array:
        return u'[' + QString::number(n.childCount) + u']';
    default:
        return document.valueText(node);
    }
}

QVariant JsonTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const quint32 node = nodeOf(index);
    const JsonIndex &document = *m_document;
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case KeyColumn:
            return document.hasKey(node) ? document.key(node)
                                         : u'[' + QString::number(index.row()) + u']';
        case TypeColumn:
            return typeName(document.node(node).type);
        case ValueColumn: {
            QString text = valueText(document, node);
            // One line in the tree; the whole text is what "copy value" gives.
            if (role == Qt::DisplayRole) {
                if (text.size() > 1000)
                    text = text.left(1000) + u'…';
                text.replace(u'\n', u'⏎');
            }
            return text;
        }
        }
        return {};
    case PathRole:
        return path(index);
    case CopyTextRole:
        return copyText(index);
    case KindRole:
        return int(document.node(node).type);
    default:
        return {};
    }
}

QVariant JsonTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KeyColumn:
        return QCoreApplication::translate("JsonTreeModel", "Key");
    case TypeColumn:
        return QCoreApplication::translate("JsonTreeModel", "Type");
    case ValueColumn:
        return QCoreApplication::translate("JsonTreeModel", "Value");
    }
    return {};
}

QString JsonTreeModel::path(const QModelIndex &index) const
{
    if (!hasRows())
        return {};
    return m_document->path(nodeOf(index));
}

QString JsonTreeModel::copyText(const QModelIndex &index) const
{
    if (!hasRows())
        return {};
    return m_document->valueText(nodeOf(index));
}

QList<quint32> JsonTreeModel::findNodes(const JsonIndex &document, const QString &text, int limit)
{
    QList<quint32> hits;
    if (text.isEmpty() || limit <= 0 || !document.isValid())
        return hits;
    // Node ids are in document order; the root itself is not a hit.
    for (quint32 node = 1; node < document.nodeCount() && hits.size() < limit; ++node) {
        const bool keyHit =
            document.hasKey(node) && document.key(node).contains(text, Qt::CaseInsensitive);
        if (keyHit || (!document.isContainer(node) &&
                       document.valueText(node).contains(text, Qt::CaseInsensitive)))
            hits.append(node);
    }
    return hits;
}

} // namespace mqttdesk
