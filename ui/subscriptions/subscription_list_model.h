#pragma once

#include "core/protocol/subscription_trie.h"
#include "core/workspace/subscription_counter.h"
#include "core/workspace/subscription_entry.h"
#include "ui/stream/subscription_look.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QJsonArray>

namespace mqttdesk {

struct SubscribeResult;
struct UnsubscribeResult;

// The subscriptions of one connection. Routes topics to their subscription through a
// SubscriptionTrie (colour, alias and display format for the stream). Message counts are
// made on the connection's thread (SubscriptionCounter) and arrive here through setCounts,
// a few times a second at most, so a flood costs the view nothing.
class SubscriptionListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        FilterColumn, // decoration: colour; check state: enabled
        AliasColumn,  // editable
        QosColumn,
        FormatColumn,
        CountColumn,
        StatusColumn,
        ColumnCount
    };
    enum Role
    {
        UidRole = Qt::UserRole + 1,
        StateRole,
        ColourRole,
    };

    explicit SubscriptionListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    // Adds the entry (its uid and, when invalid, its colour are assigned); the row.
    int add(SubscriptionEntry entry);
    void removeAt(int row);
    const SubscriptionEntry &at(int row) const { return m_entries.at(row); }
    const QList<SubscriptionEntry> &entries() const { return m_entries; }
    int rowOfFilter(const QString &filter) const;
    int rowOfUid(quint64 uid) const;

    void setEnabled(int row, bool enabled);
    void setColour(int row, const QColor &colour);
    void setAlias(int row, const QString &alias);
    void setFormat(int row, PayloadFormat format);

    // The store's id of a row once it was saved (no signal: nothing visible changed).
    void setStoredId(int row, qint64 id);

    // Request bookkeeping, driven by the connection view.
    void markPending(int row, quint64 token);
    // The server kept the subscription in a resumed session: active with its earlier grant.
    void markActive(int row);
    void markInactive(); // all: the connection went away
    void markDisabled(int row);
    void markRefused(int row, const QString &reason);
    void applySubscribeResult(const SubscribeResult &result);

    // What SubscriptionCounter counts: every row's filter, keyed by its uid.
    QList<SubscriptionCounter::Filter> countedFilters() const;
    // The counts by uid (from the counter); rows whose count changed are updated.
    void setCounts(const QHash<quint64, qint64> &counts);
    // The language changed: headers and computed texts (status) are read again.
    void retranslate();
    // The look of the first enabled subscription matching the topic.
    SubscriptionLook lookFor(const QString &topic) const;

    // Saved form (colours, aliases, formats, options), for SubscriptionStore or the profile.
    QJsonArray toJson() const;
    void loadJson(const QJsonArray &array);
    // Replaces every row (saved subscriptions being restored); invalid colours are assigned.
    void loadEntries(const QList<SubscriptionEntry> &entries);
    // Puts saved subscriptions before the rows there are (added while they were loading),
    // which keep their state.
    void prependEntries(const QList<SubscriptionEntry> &entries);

    // The n-th colour of the automatic palette.
    static QColor paletteColour(int n);

signals:
    // The user switched a subscription (check box or setEnabled).
    void enabledChanged(int row, bool enabled);
    // Colour, alias or format changed: stream rows must be repainted.
    void looksChanged();
    // Something worth saving changed.
    void changed();

private:
    void rebuildTrie();
    // The entry as a fresh row: a uid, a colour when it has none, not subscribed.
    SubscriptionEntry prepared(SubscriptionEntry e);
    QString statusText(const SubscriptionEntry &entry) const;
    QString shortStatusText(const SubscriptionEntry &entry) const;

    QList<SubscriptionEntry> m_entries;
    SubscriptionTrie<quint64> m_trie;
    quint64 m_nextUid = 1;
    int m_coloursUsed = 0;
};

} // namespace mqttdesk
