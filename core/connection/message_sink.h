#pragma once

#include "core/connection/received_message.h"

namespace mqttdesk {

// A receive-side hook (e.g. the storage writer): sees every batch on the connection's
// worker thread, before messagesReceived() is emitted. Implementations must be
// thread-safe and must not block for long (queue the batch and return).
class MessageSink
{
public:
    virtual ~MessageSink() = default;
    virtual void consume(const MessageBatch &batch) = 0;
};

} // namespace mqttdesk
