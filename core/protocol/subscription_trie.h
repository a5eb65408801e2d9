#pragma once

#include "core/protocol/topic.h"

#include <QList>
#include <QString>
#include <QStringView>

#include <map>
#include <memory>
#include <utility>

namespace mqttdesk {

// Routes a topic name to every topic filter that matches it: subscriptions, colours and
// decoders hang on it. One trie node per filter level, with separate '+' and '#' children,
// so a match walks only the branches the topic can reach. Each full filter holds one value;
// shared subscriptions ("$share/g/a/#") are routed by their inner filter ("a/#") but stay
// distinct entries, so "$share/g1/a" and "a" can both be present.
template<typename T>
class SubscriptionTrie
{
public:
    SubscriptionTrie() = default;
    SubscriptionTrie(const SubscriptionTrie &) = delete;
    SubscriptionTrie &operator=(const SubscriptionTrie &) = delete;
    SubscriptionTrie(SubscriptionTrie &&) = default;
    SubscriptionTrie &operator=(SubscriptionTrie &&) = default;

    // Adds the value for the filter, replacing the value it had. False (and nothing stored)
    // when the filter is not valid (see Topic::validateFilter).
    bool insert(QStringView filter, T value)
    {
        if (Topic::validateFilter(filter))
            return false;
        Node *node = &m_root;
        forEachLevel(Topic::matchingFilter(filter), [&node](QStringView level) {
            std::unique_ptr<Node> *slot = nullptr;
            if (level == u"+") {
                slot = &node->plus;
            } else if (level == u"#") {
                slot = &node->hash;
            } else {
                auto it = node->children.find(level);
                if (it == node->children.end())
                    it = node->children.emplace(level.toString(), nullptr).first;
                slot = &it->second;
            }
            if (!*slot)
                *slot = std::make_unique<Node>();
            node = slot->get();
        });
        for (Entry &entry : node->entries) {
            if (entry.filter == filter) {
                entry.value = std::move(value);
                return true;
            }
        }
        node->entries.append(Entry{filter.toString(), std::move(value)});
        ++m_size;
        return true;
    }

    // Removes the filter's value and prunes the branches left empty. False when absent.
    bool remove(QStringView filter)
    {
        if (Topic::validateFilter(filter))
            return false;
        const bool removed = removeFrom(m_root, Topic::matchingFilter(filter), 0, filter);
        if (removed)
            --m_size;
        return removed;
    }

    // The value stored for exactly this filter, or null.
    const T *value(QStringView filter) const
    {
        const Node *node = findNode(filter);
        if (!node)
            return nullptr;
        for (const Entry &entry : node->entries) {
            if (entry.filter == filter)
                return &entry.value;
        }
        return nullptr;
    }

    bool contains(QStringView filter) const { return value(filter) != nullptr; }

    // Calls visit(const QString &filter, const T &value) for every filter matching the topic
    // name, in no particular order. Allocates nothing.
    template<typename Visit>
    void forEachMatch(QStringView topic, Visit &&visit) const
    {
        if (topic.isEmpty())
            return;
        // [MQTT-4.7.2-1] a filter starting with a wildcard never matches a '$' topic.
        const bool dollar = topic.front() == u'$';
        walk(m_root, topic, 0, !dollar, visit);
    }

    // Every value whose filter matches the topic name.
    QList<T> match(QStringView topic) const
    {
        QList<T> values;
        forEachMatch(topic, [&values](const QString &, const T &value) { values.append(value); });
        return values;
    }

    qsizetype size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }

    void clear()
    {
        m_root = Node();
        m_size = 0;
    }

private:
    struct Entry
    {
        QString filter; // the full filter, "$share/..." included
        T value;
    };

    // Orders QString keys and finds them by QStringView, so lookups allocate nothing.
    struct LevelLess
    {
        using is_transparent = void;
        bool operator()(QStringView a, QStringView b) const { return a.compare(b) < 0; }
    };

    struct Node
    {
        std::map<QString, std::unique_ptr<Node>, LevelLess> children; // literal levels
        std::unique_ptr<Node> plus;
        std::unique_ptr<Node> hash; // '#' is always last, so this node only holds entries
        QList<Entry> entries;

        bool isEmpty() const { return children.empty() && !plus && !hash && entries.isEmpty(); }
    };

    template<typename F>
    static void forEachLevel(QStringView filter, F &&f)
    {
        qsizetype start = 0;
        for (;;) {
            const qsizetype slash = filter.indexOf(u'/', start);
            if (slash < 0) {
                f(filter.sliced(start));
                return;
            }
            f(filter.sliced(start, slash - start));
            start = slash + 1;
        }
    }

    static const Node *child(const Node &node, QStringView level)
    {
        if (level == u"+")
            return node.plus.get();
        if (level == u"#")
            return node.hash.get();
        const auto it = node.children.find(level);
        return it == node.children.end() ? nullptr : it->second.get();
    }

    const Node *findNode(QStringView filter) const
    {
        if (Topic::validateFilter(filter))
            return nullptr;
        const Node *node = &m_root;
        forEachLevel(Topic::matchingFilter(filter), [&node](QStringView level) {
            if (node)
                node = child(*node, level);
        });
        return node;
    }

    // `pos` is the start of the next level of the topic, or -1 once every level is consumed.
    template<typename Visit>
    static void walk(const Node &node, QStringView topic, qsizetype pos, bool wildcardsAllowed,
                     Visit &visit)
    {
        // '#' matches the parent level and any number of child levels [MQTT-4.7.1-1].
        if (node.hash && wildcardsAllowed) {
            for (const Entry &entry : node.hash->entries)
                visit(entry.filter, entry.value);
        }
        if (pos < 0) {
            for (const Entry &entry : node.entries)
                visit(entry.filter, entry.value);
            return;
        }
        const qsizetype slash = topic.indexOf(u'/', pos);
        const qsizetype end = slash < 0 ? topic.size() : slash;
        const qsizetype next = slash < 0 ? -1 : slash + 1;
        if (node.plus && wildcardsAllowed)
            walk(*node.plus, topic, next, true, visit);
        const auto it = node.children.find(topic.sliced(pos, end - pos));
        if (it != node.children.end())
            walk(*it->second, topic, next, true, visit);
    }

    // Removes the entry for `fullFilter` below `node`, following `levels` from `start`.
    static bool removeFrom(Node &node, QStringView levels, qsizetype start, QStringView fullFilter)
    {
        if (start < 0) {
            for (qsizetype i = 0; i < node.entries.size(); ++i) {
                if (node.entries[i].filter == fullFilter) {
                    node.entries.removeAt(i);
                    return true;
                }
            }
            return false;
        }
        const qsizetype slash = levels.indexOf(u'/', start);
        const qsizetype end = slash < 0 ? levels.size() : slash;
        const qsizetype next = slash < 0 ? -1 : slash + 1;
        const QStringView level = levels.sliced(start, end - start);

        std::unique_ptr<Node> *slot = nullptr;
        auto it = node.children.end();
        if (level == u"+") {
            slot = &node.plus;
        } else if (level == u"#") {
            slot = &node.hash;
        } else {
            it = node.children.find(level);
            if (it == node.children.end())
                return false;
            slot = &it->second;
        }
        if (!*slot || !removeFrom(**slot, levels, next, fullFilter))
            return false;
        if ((*slot)->isEmpty()) {
            if (it != node.children.end())
                node.children.erase(it);
            else
                slot->reset();
        }
        return true;
    }

    Node m_root;
    qsizetype m_size = 0;
};

} // namespace mqttdesk
