#pragma once

#include "core/connection/message_sink.h"
#include "core/topictree/topic_update.h"

#include <QHash>
#include <QString>

#include <functional>
#include <mutex>

namespace mqttdesk {

// Folds every received batch into one TopicUpdate per topic, on the connection's thread (it
// is one of the connection's MessageSinks), so the topic tree costs the GUI thread one
// update per topic and tick, however many messages a topic gets. A message costs one hash
// lookup; its payload is shared, not copied.
//
// Thread-safe: consume on the connection's thread; take and clear from any thread.
class TopicActivity : public MessageSink
{
public:
    // `changed` is called (from the consuming thread) when updates wait and nobody was told
    // since the last take(): a flood costs one notification per reader's turn.
    explicit TopicActivity(std::function<void()> changed = {});

    void consume(const MessageBatch &batch) override;

    // The updates since the last call, in no particular order; re-arms the notification.
    TopicUpdates take();
    // Drops what waits (the history was cleared).
    void clear();

private:
    std::function<void()> m_changed;
    std::mutex m_lock;
    QHash<QString, TopicUpdate> m_pending;
    bool m_notified = false;
};

} // namespace mqttdesk
