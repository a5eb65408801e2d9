#pragma once

#include "core/retained/retained_diff.h"

#include <QAbstractTableModel>

namespace mqttdesk {

// A retained comparison as a table: one row per differing topic (added, removed, changed),
// sorted by topic. Payload cells are short one-line previews; ValueRole gives the whole
// payload of a side as text (or base64 for binary) for a detail view.
class RetainedDiffModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        TopicColumn,
        ChangeColumn,
        BeforeColumn,
        AfterColumn,
        DetailsColumn,
        ColumnCount
    };
    enum Role
    {
        KindRole = Qt::UserRole + 1, // RetainedChange::Kind as int
        DetailsRole,                 // QStringList of the change's notes
        BeforeTextRole,              // the whole payload of A
        AfterTextRole,               // the whole payload of B
    };

    explicit RetainedDiffModel(QObject *parent = nullptr);

    void setDiff(const RetainedDiff &diff);
    const RetainedDiff &diff() const { return m_diff; }
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // "Added: 1, removed: 2, changed: 3; unchanged: 412."
    QString summary() const;
    static QString kindText(RetainedChange::Kind kind);
    // The payload as readable text, or "base64:…" when it is not UTF-8.
    static QString valueText(const std::optional<RetainedValue> &value);

private:
    RetainedDiff m_diff;
};

} // namespace mqttdesk
