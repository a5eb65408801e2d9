#include "core/workspace/storing_message_sink.h"

#include "core/protocol/codec.h"
#include "core/storage/database_connection.h"
#include "core/storage/message_query.h"
#include "core/storage/message_writer.h"

#include <QMutexLocker>

#include <algorithm>

namespace mqttdesk {

// What the writer thread and the connection thread share: the listener and the writer
// tickets still waiting for their commit.
struct StoringMessageSink::Shared
{
    struct Pending
    {
        quint64 ticket;   // the writer's ticket of the batch's last stored message
        quint64 sequence; // the delivery sequence of the batch's last message
    };

    QMutex mutex;
    StoredListener listener;
    std::deque<Pending> pending;
    quint64 storedThrough = 0;    // reported already
    quint64 committedThrough = 0; // the writer's newest commit report

    // Writer thread: a commit covered every ticket <= through.
    void committed(quint64 through)
    {
        QMutexLocker lock(&mutex);
        committedThrough = std::max(committedThrough, through);
        quint64 sequence = storedThrough;
        while (!pending.empty() && pending.front().ticket <= through) {
            sequence = pending.front().sequence;
            pending.pop_front();
        }
        if (sequence == storedThrough)
            return;
        storedThrough = sequence;
        if (listener)
            listener(sequence, {});
    }
};

StoringMessageSink::StoringMessageSink(MessageWriter *writer, qint64 profileId,
                                       ProtocolVersion version)
    : m_writer(writer)
    , m_profileId(profileId)
    , m_mqtt5(version == ProtocolVersion::V5)
    , m_shared(std::make_shared<Shared>())
{
    // Direct: runs on the writer thread right after COMMIT. The lambda holds the shared
    // part, so a commit racing with the sink's destruction touches nothing freed.
    m_committed = QObject::connect(
        writer, &MessageWriter::committed, writer,
        [shared = m_shared](quint64 through) { shared->committed(through); }, Qt::DirectConnection);
}

StoringMessageSink::~StoringMessageSink()
{
    QObject::disconnect(m_committed);
    QMutexLocker lock(&m_shared->mutex);
    m_shared->listener = nullptr;
}

void StoringMessageSink::setStoredListener(StoredListener listener)
{
    QMutexLocker lock(&m_shared->mutex);
    m_shared->listener = std::move(listener);
}

bool StoringMessageSink::wantsPause() const
{
    return m_writer->queueFill() >= kPauseFill;
}

bool StoringMessageSink::canResume() const
{
    return m_writer->queueFill() <= kResumeFill;
}

void StoringMessageSink::consume(const MessageBatch &batch)
{
    if (batch.isEmpty())
        return;
    if (!m_firstBatchSeen) {
        m_firstBatchSeen = true;
        // Only a resumed session starts with redeliveries; read the earlier run's newest
        // messages before anything of this run is stored.
        for (const ReceivedMessage &received : batch) {
            if (received.message.dup && received.message.qos != QoS::AtMostOnce) {
                loadEarlierRun();
                break;
            }
        }
    }
    QList<quint64> refused;
    quint64 lastTicket = 0;
    for (const ReceivedMessage &received : batch) {
        if (m_earlierRun && isRedelivery(received)) {
            m_skipped.fetch_add(1, std::memory_order_relaxed);
            continue;
        }
        StoredMessage m;
        m.profileId = m_profileId;
        m.direction = StoredMessage::Direction::Incoming;
        m.topic = received.message.topic;
        m.payload = received.message.payload;
        m.qos = quint8(received.message.qos);
        m.retain = received.message.retain;
        m.dup = received.message.dup;
        if (m_mqtt5 && !received.message.properties.isEmpty())
            m.properties = encodeProperties(received.message.properties);
        m.receivedUs = received.receivedUs;
        if (!received.subscriptionIdentifiers.isEmpty())
            m.subscriptionId = received.subscriptionIdentifiers.first();
        if (received.message.packetId != 0)
            m.packetId = received.message.packetId;
        quint64 ticket = 0;
        if (m_writer->enqueue(std::move(m), &ticket)) {
            lastTicket = ticket;
        } else {
            m_dropped.fetch_add(1, std::memory_order_relaxed);
            refused.append(received.sequence);
        }
    }
    if (m_afterEnqueue)
        m_afterEnqueue();
    const quint64 lastSequence = batch.constLast().sequence;
    QMutexLocker lock(&m_shared->mutex);
    if (!refused.isEmpty() && m_shared->listener)
        m_shared->listener(m_shared->storedThrough, refused);
    if (lastTicket == 0 && !m_shared->pending.empty())
        lastTicket = m_shared->pending.back().ticket; // settles with the batch before it
    // The writer may have committed the batch already, between enqueue() and here: its
    // report then found nothing pending, and waiting for the next one would hold the
    // acknowledgements until another message arrives, which, with the server's window full
    // of unacknowledged messages, is never.
    if (lastTicket != 0 && lastTicket > m_shared->committedThrough) {
        m_shared->pending.push_back({lastTicket, lastSequence});
    } else if (lastSequence > m_shared->storedThrough) {
        // Nothing of this batch waits for the writer (stored already, skipped as stored,
        // or refused).
        m_shared->storedThrough = lastSequence;
        if (m_shared->listener)
            m_shared->listener(lastSequence, {});
    }
}

void StoringMessageSink::loadEarlierRun()
{
    m_earlierRun.emplace();
    DatabaseConnection connection(m_writer->databasePath(), QStringLiteral("redelivery"),
                                  DatabaseConnection::Options{true, {}});
    if (!connection.isOpen())
        return; // nothing to compare with: redeliveries are stored (marked DUP)
    const MessageQuery query(connection);
    MessageFilter filter;
    filter.profileId = m_profileId;
    filter.direction = StoredMessage::Direction::Incoming;
    filter.qosMask = 0b110;
    PageRequest request = PageRequest::newest(4096);
    int rows = 0;
    qint64 bytes = 0;
    while (rows < kRedeliveryWindow && bytes < kRedeliveryBytes) {
        const MessagePage page = query.fetch(filter, request);
        // Newest first: the first row seen for an id is the newest with that id.
        for (const StoredMessage &m : page.messages) {
            ++rows;
            if (!m.packetId || m_earlierRun->contains(*m.packetId))
                continue;
            const QByteArray payload = m.payloadDeferred ? query.loadPayload(m.id) : m.payload;
            bytes += payload.size();
            m_earlierRun->insert(*m.packetId,
                                 StoredKey{m.topic, payload.size(), qHash(payload, 0x6d717474)});
        }
        if (!page.hasOlder || page.messages.isEmpty())
            break;
        request = PageRequest::olderThan(page.messages.constLast().id, 4096);
    }
}

bool StoringMessageSink::isRedelivery(const ReceivedMessage &received) const
{
    const PublishPacket &p = received.message;
    if (!p.dup || p.qos == QoS::AtMostOnce)
        return false;
    const auto it = m_earlierRun->constFind(p.packetId);
    return it != m_earlierRun->constEnd() && it->size == p.payload.size() && it->topic == p.topic &&
           it->hash == qHash(p.payload, 0x6d717474);
}

} // namespace mqttdesk
