#pragma once

#include "core/publish/publish_template.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace mqttdesk {

// Where a template sits: collection index, template index.
struct TemplateIndex
{
    qsizetype collection = -1;
    qsizetype item = -1;

    bool isValid() const { return collection >= 0 && item >= 0; }
    bool operator==(const TemplateIndex &) const = default;
};

// The user's template collections, in the order shown: finding, searching, duplicating and
// moving templates. A plain value (no I/O, no signals): TemplateLibraryJson reads and writes
// it, the GUI's model and the CLI hold one.
class TemplateLibrary
{
    Q_DECLARE_TR_FUNCTIONS(TemplateLibrary)

public:
    const QList<TemplateCollection> &collections() const { return m_collections; }
    QList<TemplateCollection> &collections() { return m_collections; }
    bool isEmpty() const { return m_collections.isEmpty(); }

    const PublishTemplate &at(TemplateIndex index) const
    {
        return m_collections.at(index.collection).templates.at(index.item);
    }
    PublishTemplate &at(TemplateIndex index)
    {
        return m_collections[index.collection].templates[index.item];
    }

    // Appends a collection (an id is made when it has none); its index.
    qsizetype addCollection(TemplateCollection collection);
    // Appends `item` to collection `collection` (an id is made when it has none).
    TemplateIndex addTemplate(qsizetype collection, PublishTemplate item);
    // A copy right after the original, named "name (copy)", with a new id and its counter
    // back at 1.
    TemplateIndex duplicate(TemplateIndex index);
    // Moves a template to `to` (its place after the move), also into another collection.
    TemplateIndex move(TemplateIndex from, TemplateIndex to);
    void remove(TemplateIndex index);

    // Whether collection `collection` is offered on the connection named `connection` (an
    // empty name: offered everywhere, as the CLI without --profile sees them).
    bool isOffered(qsizetype collection, const QString &connection) const;

    // A template by name: "Collection/Template", or "Template" when only one offered
    // collection has a template of that name. Names compare exactly. Nothing with `error`
    // saying why (not found, or which collections share the name).
    std::optional<TemplateIndex> find(const QString &reference, const QString &connection,
                                      QString *error = nullptr) const;

    // The offered templates whose name, topic or payload (or whose collection's name) holds
    // every word of `text`, case-insensitively; all offered ones for an empty text.
    QList<TemplateIndex> search(const QString &text, const QString &connection) const;

    // The user variables a template in collection `collection` sees: the collection's, then
    // the connection's (which win, so one collection can aim at several brokers).
    QHash<QString, QString> variables(qsizetype collection,
                                      const QList<StringPair> &connectionVariables) const;

    // Adds the collections of an imported library: one with the id of a collection already
    // here replaces it (a teammate's newer copy), the others are appended. How many were
    // added and replaced.
    struct ImportCount
    {
        int added = 0;
        int replaced = 0;
    };
    ImportCount import(const TemplateLibrary &other);

    bool operator==(const TemplateLibrary &) const = default;

private:
    QList<TemplateCollection> m_collections;
};

} // namespace mqttdesk
