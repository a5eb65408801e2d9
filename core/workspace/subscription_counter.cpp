#include "core/workspace/subscription_counter.h"

#include "core/protocol/topic.h"

#include <QDateTime>

#include <algorithm>

namespace mqttdesk {

SubscriptionCounter::SubscriptionCounter(std::function<void()> changed)
    : m_changed(std::move(changed))
{}

qint64 SubscriptionCounter::nowUs()
{
    // The same clock the connection stamps received messages with.
    return QDateTime::currentMSecsSinceEpoch() * 1000;
}

QList<SubscriptionCounter::StoredRequest>
SubscriptionCounter::setFilters(const QList<Filter> &filters)
{
    const qint64 now = nowUs();
    QList<StoredRequest> requests;
    std::unique_lock lock(m_lock);
    QHash<quint64, Counted> counted;
    SubscriptionTrie<QList<quint64>> trie;
    for (const Filter &f : filters) {
        Counted c;
        const auto old = m_counted.constFind(f.key);
        if (old != m_counted.constEnd() && old->filter == f.filter) {
            c = *old;
        } else {
            // A new filter (or a key whose filter changed) is counted afresh.
            c.filter = f.filter;
            c.liveSinceUs = now;
            requests.append(StoredRequest{f.key, f.filter, now});
        }
        counted.insert(f.key, c);
        QList<quint64> keys;
        if (const QList<quint64> *existing = trie.value(f.filter))
            keys = *existing;
        keys.append(f.key);
        trie.insert(f.filter, keys); // an invalid filter is not routed: it counts nothing
    }
    m_counted = std::move(counted);
    m_trie = std::move(trie);
    if (!requests.isEmpty())
        notifyLocked(lock);
    return requests;
}

void SubscriptionCounter::addStored(const QList<StoredRequest> &requests,
                                    const QList<MessageQuery::TopicCount> &perTopic)
{
    // Matched outside the lock: the topics can be many, and consume() must not wait.
    QList<QPair<quint64, qint64>> additions;
    for (const StoredRequest &request : requests) {
        if (Topic::validateFilter(request.filter))
            continue;
        qint64 sum = 0;
        for (const MessageQuery::TopicCount &t : perTopic) {
            if (Topic::matches(request.filter, t.topic))
                sum += t.messages;
        }
        additions.append({request.key, sum});
    }
    std::unique_lock lock(m_lock);
    bool changed = false;
    for (const auto &[key, sum] : additions) {
        auto it = m_counted.find(key);
        // Dropped, or re-set since the request (a newer request counts it then).
        if (it == m_counted.end() || sum == 0)
            continue;
        // Captured by copy under a name of its own: clang 14 (the sanitizer build) cannot
        // capture a structured binding.
        const auto request =
            std::find_if(requests.cbegin(), requests.cend(),
                         [wanted = key](const StoredRequest &r) { return r.key == wanted; });
        if (request->filter != it->filter || request->beforeUs != it->liveSinceUs)
            continue;
        it->count += sum;
        changed = true;
    }
    if (changed)
        notifyLocked(lock);
}

QHash<quint64, qint64> SubscriptionCounter::counts()
{
    std::lock_guard lock(m_lock);
    m_notified = false;
    QHash<quint64, qint64> result;
    result.reserve(m_counted.size());
    for (auto it = m_counted.cbegin(); it != m_counted.cend(); ++it)
        result.insert(it.key(), it->count);
    return result;
}

void SubscriptionCounter::clear()
{
    std::unique_lock lock(m_lock);
    for (Counted &c : m_counted)
        c.count = 0;
    notifyLocked(lock);
}

void SubscriptionCounter::consume(const MessageBatch &batch)
{
    std::unique_lock lock(m_lock);
    if (m_trie.isEmpty())
        return;
    bool changed = false;
    for (const ReceivedMessage &m : batch) {
        m_trie.forEachMatch(m.message.topic, [&](const QString &, const QList<quint64> &keys) {
            for (quint64 key : keys) {
                Counted &c = m_counted[key];
                // Received before the filter was set: its stored part counts it.
                if (m.receivedUs >= c.liveSinceUs) {
                    ++c.count;
                    changed = true;
                }
            }
        });
    }
    if (changed)
        notifyLocked(lock);
}

void SubscriptionCounter::notifyLocked(std::unique_lock<std::mutex> &lock)
{
    if (m_notified || !m_changed)
        return;
    m_notified = true;
    lock.unlock();
    m_changed();
}

} // namespace mqttdesk
