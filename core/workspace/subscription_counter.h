#pragma once

#include "core/connection/message_sink.h"
#include "core/protocol/subscription_trie.h"
#include "core/storage/message_query.h"

#include <QHash>
#include <QList>
#include <QString>

#include <functional>
#include <mutex>

namespace mqttdesk {

// Counts the messages each subscription of a connection matches, on the connection's
// thread (it is one of its MessageSinks), so a flood costs the GUI thread nothing. A count
// is what the history holds for the filter: the messages received before the filter was
// counted live (read from storage, see addStored) plus those counted since.
//
// The two parts never overlap: a filter is counted live from the moment it is set
// (liveSinceUs), by the messages' receive time, and the stored part is asked for with
// that time as its end.
//
// Thread-safe: setFilters, addStored, counts and clear from any thread; consume on the
// connection's thread.
class SubscriptionCounter : public MessageSink
{
public:
    struct Filter
    {
        quint64 key = 0; // the caller's key for the subscription
        QString filter;
    };
    // Keys whose stored part must still be read, with the time their live count started.
    struct StoredRequest
    {
        quint64 key = 0;
        QString filter;
        qint64 beforeUs = 0;
    };

    // `changed` is called (from the consuming thread, or the caller's) when counts changed
    // and nobody has read them since the last call: at most once per counts() call, so a
    // flood costs one notification per reader's turn.
    explicit SubscriptionCounter(std::function<void()> changed = {});

    // The subscriptions to count (all of them, enabled or not). New keys start counting
    // live now; returned: those whose stored part is to be read (addStored).
    QList<StoredRequest> setFilters(const QList<Filter> &filters);
    // Adds to each request's key the messages stored on matching topics before its time.
    // `perTopic` is MessageQuery::receivedPerTopic(profile, request.beforeUs); the matching
    // is done here, on the calling (worker) thread.
    void addStored(const QList<StoredRequest> &requests,
                   const QList<MessageQuery::TopicCount> &perTopic);
    // The current count of every key, and re-arms the change notification.
    QHash<quint64, qint64> counts();
    // The history was cleared: every count starts again from zero.
    void clear();

    void consume(const MessageBatch &batch) override;

    // The current wall clock in microseconds since the epoch, as messages are stamped.
    static qint64 nowUs();

private:
    void notifyLocked(std::unique_lock<std::mutex> &lock);

    struct Counted
    {
        QString filter;
        qint64 liveSinceUs = 0;
        qint64 count = 0;
    };

    std::function<void()> m_changed;
    std::mutex m_lock;
    QHash<quint64, Counted> m_counted;
    SubscriptionTrie<QList<quint64>> m_trie; // filter -> keys (two rows may share one)
    bool m_notified = false;                 // a notification is out and not read yet
};

} // namespace mqttdesk
