#pragma once

#include "core/connection/message_sink.h"
#include "core/protocol/protocol_version.h"

#include <QByteArray>
#include <QHash>
#include <QMetaObject>
#include <QMutex>
#include <QString>

#include <atomic>
#include <deque>
#include <functional>
#include <memory>
#include <optional>

namespace mqttdesk {

class MessageWriter;

// Hands every received batch to the storage writer on the connection's worker thread, so
// messages are stored even while the GUI is busy. The sink itself sends nothing to the GUI
// thread (its stored reports go to the connection's thread). The GUI thread still gets
// every batch through Connection::messagesReceived, which it only counts, and learns of
// stored rows from the writer's rowsAppended through MessageHistory; the stream then
// reads those rows on a HistoryReader thread.
//
// Store before acknowledging: the sink reports, per writer commit, through which
// delivery sequence everything it consumed is stored, and which messages the writer
// refused (queue full). The connection acknowledges QoS 1/2 only after that report.
//
// Redeliveries after a restart: a message the app stored but had not acknowledged when
// it was killed comes again from the resumed session, with DUP set and the same packet
// id. When the first batch after the sink was made holds such a message, the sink reads
// the profile's newest stored QoS 1/2 messages of the earlier run once; a DUP message
// whose packet id, topic and payload equal the newest stored one with that id is not
// stored again (it is reported stored, so it is acknowledged).
class StoringMessageSink : public MessageSink
{
public:
    StoringMessageSink(MessageWriter *writer, qint64 profileId, ProtocolVersion version);
    ~StoringMessageSink() override;

    void consume(const MessageBatch &batch) override;
    bool reportsStored() const override { return true; }
    void setStoredListener(StoredListener listener) override;
    // The writer's queue half full: pause; a quarter: resume. A read between two checks adds
    // at most the transport's read buffer (TcpTransport::kReadBufferLimit) of messages.
    bool wantsPause() const override;
    bool canResume() const override;
    static constexpr double kPauseFill = 0.5;
    static constexpr double kResumeFill = 0.25;

    qint64 dropped() const { return m_dropped.load(std::memory_order_relaxed); }
    // Redeliveries of messages stored by an earlier run, not stored again.
    qint64 redeliveriesSkipped() const { return m_skipped.load(std::memory_order_relaxed); }

    // How many of the newest stored QoS 1/2 messages are compared with redeliveries: a
    // broker keeps at most our Receive Maximum (65,535 at most) unacknowledged towards us.
    // Their payloads are read up to kRedeliveryBytes (hashed, not kept).
    static constexpr int kRedeliveryWindow = 65535;

    // Tests: runs on the connection's thread after a batch is enqueued and before it is
    // recorded as waiting for its commit, to make the writer commit in between.
    void setAfterEnqueueForTest(std::function<void()> hook) { m_afterEnqueue = std::move(hook); }
    static constexpr qint64 kRedeliveryBytes = 256LL * 1024 * 1024;

private:
    struct Shared;
    struct StoredKey
    {
        QString topic;
        qsizetype size = 0;
        size_t hash = 0;
    };
    void loadEarlierRun();
    bool isRedelivery(const ReceivedMessage &received) const;

    MessageWriter *m_writer; // outlives the sink (the owner orders it so)
    const qint64 m_profileId;
    const bool m_mqtt5;
    std::shared_ptr<Shared> m_shared;
    QMetaObject::Connection m_committed;
    std::atomic<qint64> m_dropped{0};
    std::atomic<qint64> m_skipped{0};
    // Connection thread only.
    bool m_firstBatchSeen = false;
    std::optional<QHash<quint16, StoredKey>> m_earlierRun;
    std::function<void()> m_afterEnqueue;
};

} // namespace mqttdesk
