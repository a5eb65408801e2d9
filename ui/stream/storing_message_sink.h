#pragma once

#include "core/connection/message_sink.h"
#include "core/protocol/protocol_version.h"

#include <QPointer>

#include <atomic>

namespace mqttdesk {

class MessageWriter;

// Hands every received batch to storage on the connection's worker thread, so messages are
// stored even while the GUI is busy and nothing but a batch notice reaches the GUI thread.
class StoringMessageSink : public MessageSink
{
public:
    StoringMessageSink(MessageWriter *writer, qint64 profileId, ProtocolVersion version);
    void consume(const MessageBatch &batch) override;
    qint64 dropped() const { return m_dropped.load(std::memory_order_relaxed); }

private:
    MessageWriter *m_writer; // outlives the connection (the connection view orders it so)
    const qint64 m_profileId;
    const bool m_mqtt5;
    std::atomic<qint64> m_dropped{0};
};

} // namespace mqttdesk
