#pragma once

#include "core/publish/template_library.h"
#include "core/publish/template_library_store.h"

#include <QAbstractItemModel>
#include <QList>
#include <QPointer>
#include <QString>

#include <optional>

namespace mqttdesk {

// The template library as a tree for a view: collections at the top, their templates under
// them, over a TemplateLibraryStore (several models, one per connection view, share one store).
//
// Shows only the collections offered on its connection (setConnection; TemplateLibrary::
// isOffered) and, with a search text, only the templates TemplateLibrary::search finds, and
// only the collections holding one. Names are edited in place (a rename), and templates are
// dragged within and between collections (kMimeType: their ids, one per line).
//
// The store's structural edits, a new search text or connection change the tree as a layout
// change: persistent indexes (the view's selection, its expanded collections) follow their
// collection or template by id, and are dropped when it is gone or filtered out.
class TemplateLibraryModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Role
    {
        IdRole = Qt::UserRole + 1, // the collection's or the template's id
        IsCollectionRole,          // bool
        TopicRole,                 // a template's topic (with its variables)
    };
    static constexpr const char *kMimeType = "application/x-mqttdesk-template-ids";

    explicit TemplateLibraryModel(TemplateLibraryStore *store, QObject *parent = nullptr);

    TemplateLibraryStore *store() const { return m_store; }

    // The profile name whose collections are offered; empty: every collection.
    void setConnection(const QString &connection);
    QString connection() const { return m_connection; }
    // Words every shown template holds (in its name, topic, payload or collection's name).
    void setFilterText(const QString &text);
    QString filterText() const { return m_filter; }
    bool isFiltering() const { return !m_filter.trimmed().isEmpty(); }

    // What a row is in the store, and back.
    bool isCollection(const QModelIndex &index) const;
    // The collection's index in the store (a template's own collection); -1 for none.
    qsizetype collectionOf(const QModelIndex &index) const;
    std::optional<TemplateIndex> templateOf(const QModelIndex &index) const;
    QModelIndex indexOfCollection(qsizetype collection) const;
    QModelIndex indexOfTemplate(TemplateIndex index) const;
    QModelIndex indexOfId(const QString &id) const; // a collection or a template

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    Qt::DropActions supportedDragActions() const override { return Qt::MoveAction; }
    Qt::DropActions supportedDropActions() const override { return Qt::MoveAction; }
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;

private:
    struct Group
    {
        qsizetype collection = -1;
        QList<qsizetype> templates; // store indexes, in order
    };

    // What the tree shows for the store's library now.
    QList<Group> buildGroups() const;
    void beginRestructure();
    void endRestructure();
    void refilter();
    // The ids a persistent index stands for (collection id, template id or empty).
    QString idAt(const QModelIndex &index) const;
    // Where a drop lands in the store: collection and place, from a view's row and parent.
    std::optional<TemplateIndex> dropTarget(int row, const QModelIndex &parent) const;
    static QStringList idsFrom(const QMimeData *data);

    QPointer<TemplateLibraryStore> m_store;
    QString m_connection;
    QString m_filter;
    QList<Group> m_groups;
    // Between beginRestructure() and endRestructure(): the persistent indexes and their ids.
    QModelIndexList m_persistentBefore;
    QStringList m_persistentIds;
    bool m_restructuring = false;
};

} // namespace mqttdesk
