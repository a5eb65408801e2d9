#pragma once

#include "core/connection/received_message.h"

#include <QList>

#include <functional>

namespace mqttdesk {

// A receive-side hook (e.g. the storage writer): sees every batch on the connection's
// worker thread, before messagesReceived() is emitted. Implementations must be
// thread-safe and must not block for long (queue the batch and return).
//
// A sink that stores durably can also say when what it consumed is stored; the
// connection then acknowledges received QoS 1/2 messages only after that (store before
// acknowledging, SessionOptions::acknowledgeAfterStore).
class MessageSink
{
public:
    // From any thread: every message consumed with a sequence <= throughSequence is
    // stored, except the `refused` ones (dropped: never stored, so never acknowledged).
    using StoredListener =
        std::function<void(quint64 throughSequence, const QList<quint64> &refused)>;

    virtual ~MessageSink() = default;
    virtual void consume(const MessageBatch &batch) = 0;

    // true when the sink reports commits through the listener.
    virtual bool reportsStored() const { return false; }
    // Replaces the listener; an empty one stops the reports. After it returns, the old
    // listener is not called any more.
    virtual void setStoredListener(StoredListener listener) { Q_UNUSED(listener); }

    // Back-pressure, asked on the connection's thread after each batch: true when the sink
    // holds so much that the connection should stop reading from the network (the server's
    // TCP window then closes) rather than give it more it would have to drop. Once paused,
    // the connection reads again when canResume() says so (a lower mark: no flapping).
    virtual bool wantsPause() const { return false; }
    virtual bool canResume() const { return true; }
};

} // namespace mqttdesk
