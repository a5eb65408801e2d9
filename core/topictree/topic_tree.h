#pragma once

#include "core/topictree/topic_update.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace mqttdesk {

// The map of a connection's topics: a trie keyed by topic level. Each node counts the
// messages on its own topic and in its subtree, keeps the subtree's message rate over a
// sliding window of TopicUpdate::kRateSeconds seconds (per-second buckets advanced when
// touched or read: no timers), the time of the last message, its own last message's first
// bytes, and whether the broker holds a retained message for it.
//
// Levels are kept as they are: "a//b" has a middle level named "" and "/a" a root named "";
// `$` topics ($SYS/…) are roots of their own. Pure: no QObject, no clock; times are passed in.
//
// Node ids are stable indexes; 0 is the invisible root. A node's children keep the order they
// appeared in, so rows never move. New nodes are first "pending" (in the lookup, not yet in
// their parent's child list) until attach(), so that a model can announce them per parent.
class TopicTree
{
public:
    static constexpr int kRoot = 0;

    // Messages per second over a window of kRateSeconds one-second buckets.
    struct RateWindow
    {
        quint32 second = 0; // the newest bucket's epoch second
        quint16 counts[TopicUpdate::kRateSeconds] = {};
        void add(qint64 second, qint64 count);
        double rate(qint64 nowSecond) const;
    };

    struct Node
    {
        QString segment;
        QByteArray preview; // own last payload's first bytes
        qint64 ownMessages = 0;
        qint64 messages = 0;   // own and subtree
        qint64 lastUs = 0;     // own last message
        qint64 activityUs = 0; // last message anywhere in the subtree
        RateWindow rate;       // the subtree's
        int parent = -1;
        int row = -1; // in the parent's child list; -1 while pending
        quint32 lastSize = 0;
        quint8 lastQos = 0;
        bool lastRetain = false;
        bool retained = false; // the broker holds a retained message for this topic
        bool isTopic = false;  // a message arrived on this exact topic
        // Children, only for nodes that have some (most are leaves): every child in creation
        // order, the first `attached` of them placed as rows; a lookup by name once there
        // are many.
        struct Children
        {
            QList<int> ids;
            int attached = 0;
            QHash<QString, int> byName;
        };
        std::unique_ptr<Children> children;
    };

    // What apply() changed: nodes created (pending until attach()) and nodes whose numbers
    // changed (the topics and all their ancestors), each once.
    struct Changes
    {
        QList<int> created;
        QList<int> changed;
    };

    TopicTree();

    // Folds the updates in. New levels are created pending; call attach() to place them.
    Changes apply(const TopicUpdates &updates);
    // Places the pending nodes in their parents' child lists, parents first. `announce` is
    // called before each parent's group with (parent, first row, count), so a model can
    // begin an insertion; `done` after it.
    template<typename Announce, typename Done>
    void attach(const QList<int> &created, Announce announce, Done done);
    // The same without announcements (headless users).
    void attachAll(const QList<int> &created);

    const Node &node(int id) const { return m_chunks[size_t(id) >> kChunkBits][id & kChunkMask]; }
    int nodeCount() const { return m_count; }
    int topicCount() const { return m_topics; }
    int parent(int id) const { return node(id).parent; }
    int childCount(int id) const
    {
        const Node &n = node(id);
        return n.children ? n.children->attached : 0;
    }
    int child(int parent, int row) const { return node(parent).children->ids.at(row); }
    int row(int id) const { return node(id).row; }
    // The node of a topic (or of a level: "a/b"), -1 when absent.
    int find(const QString &topic) const;
    QString topicOf(int id) const;
    // Messages per second in the node's subtree, or on its own topic (`own`), at `nowUs`.
    double rate(int id, qint64 nowUs, bool own = false) const;
    // Every topic at or below the node whose retained message the broker holds.
    QStringList retainedTopics(int id) const;
    // The broker no longer holds these topics' retained messages (cleared by the user).
    // Returns the nodes that changed.
    QList<int> markRetainedCleared(const QStringList &topics);
    void clear();

    // Bytes held: nodes, names, child lists and the lookup; previews counted apart.
    qint64 memoryBytes() const;
    qint64 previewBytes() const;

    // Whether `topic` matches `filter`: an MQTT topic filter when it holds `+` or `#`
    // ([MQTT-4.7.1-2], [MQTT-4.7.1-3]; `#` and `+` at the first level do not match `$`
    // topics [MQTT-4.7.2-1]), else a piece of text the topic contains, in any case.
    static bool matches(const QString &topic, const QString &filter);

private:
    // Nodes live in fixed chunks: no reallocation (references stay valid while the tree
    // grows) and no doubling slack.
    static constexpr int kChunkBits = 10;
    static constexpr int kChunkMask = (1 << kChunkBits) - 1;
    // A child list is searched in place up to this size, then through its name lookup.
    static constexpr int kLinearChildren = 32;

    Node &mut(int id) { return m_chunks[size_t(id) >> kChunkBits][id & kChunkMask]; }
    int childOf(int parent, const QString &segment) const;
    int create(int parent, const QString &segment);

    std::vector<std::unique_ptr<Node[]>> m_chunks;
    int m_count = 0;
    int m_topics = 0;
};

template<typename Announce, typename Done>
void TopicTree::attach(const QList<int> &created, Announce announce, Done done)
{
    // Ids grow with creation, and a parent is always created before its children: in id
    // order every parent is placed before its own new children are announced.
    int i = 0;
    while (i < created.size()) {
        const int parentId = node(created[i]).parent;
        int end = i;
        while (end < created.size() && node(created[end]).parent == parentId)
            ++end;
        Node::Children &kids = *mut(parentId).children;
        const int first = kids.attached;
        announce(parentId, first, end - i);
        // A parent's new children are the next ones in its creation-ordered list.
        for (int k = i; k < end; ++k)
            mut(kids.ids.at(kids.attached)).row = kids.attached, ++kids.attached;
        done(parentId);
        i = end;
    }
}

} // namespace mqttdesk
