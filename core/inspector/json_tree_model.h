#pragma once

#include "core/inspector/json_index.h"

#include <QAbstractItemModel>
#include <QList>

#include <memory>

namespace mqttdesk {

// A JSON document as a tree: Key, Type and Value columns, a row per member or element, in
// the order (and with the duplicate keys) the document has, numbers with every digit. The
// rows are a JsonIndex's nodes: nothing is made per row, so a document of a million values
// costs its index, not a million items. Copy value / copy path work on any index; search
// (findNodes, pure, for a worker thread) walks the nodes in document order.
class JsonTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column
    {
        KeyColumn,
        TypeColumn,
        ValueColumn,
        ColumnCount
    };
    enum Role
    {
        PathRole = Qt::UserRole + 1, // "$.a.b[2]"
        CopyTextRole,                // a string's own text, anything else as sent
        KindRole,                    // a JsonIndex::Type
    };
    using Document = std::shared_ptr<const JsonIndex>;

    explicit JsonTreeModel(QObject *parent = nullptr);

    // A parsed document (valid or not: an invalid one shows no rows).
    void setDocument(Document document);
    // Parses `json` here: for small texts and tests; views parse on a worker.
    void setJson(const QByteArray &json);
    const Document &document() const { return m_document; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    QString path(const QModelIndex &index) const;
    QString copyText(const QModelIndex &index) const;
    // The index (column 0) of a node; invalid for the root and unknown ids.
    QModelIndex indexOfNode(quint32 node) const;

    // The nodes whose key or (scalar) value text contains `text` (case-insensitive), in
    // document order, at most `limit`.
    static QList<quint32> findNodes(const JsonIndex &document, const QString &text, int limit);
    // "string", "number", ... translated.
    static QString typeName(JsonIndex::Type type);
    // The Value column's text: a string unescaped, a container as "{3}" / "[5]".
    static QString valueText(const JsonIndex &document, quint32 node);

private:
    quint32 nodeOf(const QModelIndex &index) const
    {
        return index.isValid() ? quint32(index.internalId()) : 0;
    }
    bool hasRows() const { return m_document && m_document->isValid(); }

    Document m_document;
};

} // namespace mqttdesk
