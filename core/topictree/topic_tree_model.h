#pragma once

#include "core/payload/payload_format.h"
#include "core/topictree/topic_tree.h"

#include <QAbstractItemModel>
#include <QElapsedTimer>
#include <QSet>
#include <QStringList>
#include <QTimer>

#include <functional>

namespace mqttdesk {

// The Topics view's model over a TopicTree (QtCore only, headless-testable). Updates come
// in batches (apply, at most ~10 a second from ConnectionServices): new levels are inserted
// per parent, and dataChanged goes only to rows whose parent is expanded (the view says which
// with setExpanded), so a flood on collapsed subtrees costs no signal storm. tick() moves the
// rate and age columns of the visible rows on without messages.
class TopicTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column
    {
        TopicColumn,
        MessagesColumn,
        RateColumn,
        LastActivityColumn,
        RetainedColumn,
        ValueColumn,
        ColumnCount
    };
    enum Role
    {
        TopicRole = Qt::UserRole + 1, // QString: the full topic (or level) of the node
        NodeIdRole,                   // int
        MessagesRole,                 // qint64: own and subtree
        OwnMessagesRole,              // qint64: this exact topic
        RateRole,                     // double: msg/s, subtree
        OwnRateRole,                  // double: msg/s, this exact topic
        LastActivityRole,             // qint64: µs since the epoch, subtree
        RetainedRole,                 // bool: the broker holds a retained message here
        IsTopicRole,                  // bool: a message arrived on this exact topic
        PreviewRole,                  // QByteArray: the last payload's first bytes
        SegmentRole,                  // QString: the node's own level ("" for an empty one)
    };
    Q_ENUM(Role)

    explicit TopicTreeModel(QObject *parent = nullptr);

    const TopicTree &tree() const { return m_tree; }
    int topicCount() const { return m_tree.topicCount(); }

    void apply(const TopicUpdates &updates, qint64 nowUs);
    // Shows what apply() changed at most once per `ms` (0, the default: at once). Each batch
    // of new rows under an open level makes a tree view lay out every row in sight again
    // (about 20 ms with 10,000 rows open), so a flood of new topics must not bring one per
    // apply. Until then, new levels are not rows yet (indexForTopic does not find them).
    void setUpdateInterval(int ms);
    // Shows what waits now.
    void flush();
    void tick(qint64 nowUs);
    void clear();
    void setExpanded(const QModelIndex &index, bool expanded);
    bool isExpanded(const QModelIndex &index) const;
    // The levels the view has open, each with its depth (0: a top-level row).
    QList<std::pair<QModelIndex, int>> expandedIndexes() const;

    QModelIndex indexForTopic(const QString &topic, int column = 0) const;
    QStringList retainedTopicsUnder(const QModelIndex &index) const;
    // The broker no longer holds these topics' retained messages.
    void markRetainedCleared(const QStringList &topics);

    // The text of an empty level (a topic such as "a//b" or "/a"), so it is never a blank row.
    static QString emptyLevelText();
    // "3 s", "5 min", "2 h", "4 d"
    static QString ageText(qint64 ageUs);
    // The last payload on one line: text as text, anything else as hex.
    static QString valueText(const QByteArray &preview, qint64 size);
    // The same with the format the stream shows the topic in (its subscription's "Display
    // as"): rendered by that decoder from the kept first bytes; Auto, or bytes the decoder
    // cannot read (a cut binary payload), as valueText above.
    static QString valueText(const QByteArray &preview, qint64 size, PayloadFormat format);

    // The format of a topic's messages, as the stream resolves it (null: Auto for all). The
    // Value column of the rows in sight is drawn again; call refreshValues() when the rules
    // behind it change.
    using FormatResolver = std::function<PayloadFormat(const QString &topic)>;
    void setFormatResolver(FormatResolver resolver);
    void refreshValues();
    PayloadFormat formatOf(const QString &topic) const
    {
        return m_formatOf ? m_formatOf(topic) : PayloadFormat::Auto;
    }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    int idOf(const QModelIndex &index) const;
    QModelIndex indexOf(int id, int column = 0) const;
    // One dataChanged per parent, over the rows of `ids` under an expanded parent.
    void notifyVisible(const QList<int> &ids, int firstColumn, int lastColumn);
    // One dataChanged per level in sight (the top level, expanded levels) over all its rows.
    void notifyInSight(int firstColumn, int lastColumn, const QList<int> &roles);

    QString valueOf(int id) const;
    void show(QList<int> created, const QList<int> &changed);

    TopicTree m_tree;
    FormatResolver m_formatOf;
    QSet<int> m_expanded;
    qint64 m_nowUs = 0;
    int m_updateIntervalMs = 0;
    QTimer m_flushTimer;
    QElapsedTimer m_lastFlush;
    QList<int> m_pendingCreated;
    QList<int> m_pendingChanged;
};

} // namespace mqttdesk
