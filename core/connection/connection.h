#pragma once

#include "core/connection/broker_address.h"
#include "core/connection/broker_failover.h"
#include "core/connection/connection_error.h"
#include "core/connection/connection_log_entry.h"
#include "core/connection/connection_settings.h"
#include "core/connection/message_sink.h"
#include "core/connection/received_message.h"
#include "core/connection/server_reference.h"
#include "core/protocol/packets.h"
#include "core/session/connack_info.h"
#include "core/session/session_action.h"
#include "core/session/session_event.h"
#include "core/session/session_state.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include <array>
#include <atomic>
#include <deque>
#include <memory>
#include <optional>
#include <vector>

namespace mqttdesk {

class Session;
class SrvResolver;
class Transport;

// One MQTT connection: the thin QObject shell around the sans-I/O Session. It owns the
// Transport and the QTimers, feeds the session its events (bytes, timer expiries,
// transport open/close, user requests) and carries out the actions it returns.
//
// Threading: a Connection is meant to live on its own worker thread (ConnectionThread
// sets that up). Every public method may be called from any thread: it only queues the
// request to the connection's thread, so signals about a request always come after the
// call has returned. Signals are emitted on the worker thread; receivers on other
// threads get them queued.
//
// Received messages are delivered in batches (messagesReceived), so a flood costs the
// receiver one queued call per batch; the MessageSinks see each batch first, on the worker
// thread.
class Connection : public QObject
{
    Q_OBJECT
public:
    explicit Connection(ConnectionSettings settings, QObject *parent = nullptr);
    ~Connection() override;

    // Thread-safe: the latest state the worker reported.
    SessionState state() const { return m_publicState.load(std::memory_order_acquire); }

    // New settings apply at the next connectToBroker() (e.g. a changed password).
    void setSettings(const ConnectionSettings &settings);
    // Adds a receive-side consumer: every batch goes to each sink in the order they were
    // added, on the connection's thread, before messagesReceived(). Storage, topic
    // statistics and live charts each take the same batches. The first sink that
    // reportsStored() is the durable one that store-before-acknowledging waits for.
    void addMessageSink(std::shared_ptr<MessageSink> sink);
    // Removes a sink added before; after the call has been carried out it gets nothing more.
    void removeMessageSink(std::shared_ptr<MessageSink> sink);
    // Debug log lines for every packet sent and received ("<- PUBLISH ..."). By default
    // they are on when something is connected to logMessage() at connectToBroker() time
    // (the GUI log view, tests), and off otherwise (mqttdesk-cli), because formatting a
    // line per packet costs more than handling the packet. Takes effect at once.
    void setPacketLogging(bool enabled);
    // The packet inspector's trace: packetsTraced() with every packet sent and received,
    // stamped with this connection's monotonic clock in microseconds (written / read).
    // Batched: at most one signal every ~16 ms however fast packets go. Off by default, and
    // then it costs nothing. Takes effect at once; switching it off drops what is pending.
    void setPacketTracing(bool enabled);
    // The session's queue of messages not sent yet (offline, or the Receive Maximum window
    // is full), as of the last packetsTraced(); kept only while packet tracing is on.
    int queuedCount() const { return m_queuedCount.load(std::memory_order_relaxed); }

    // Opens the transport and sends CONNECT; reconnects automatically after a loss when
    // the settings ask for it. Tries the settings' broker addresses (main, fallbacks, DNS
    // SRV targets) as BrokerFailover orders them.
    void connectToBroker();
    // Connects to the addresses of a server reference (serverReferenceReceived) instead of
    // the settings' own, on this and every reconnect until the next connectToBroker().
    // Ignored unless the connection is disconnected.
    void followServerReference(const QList<BrokerAddress> &addresses);
    // The DNS seam for settings with srvLookup (tests pass a fake); by default a
    // DnsSrvResolver. Applies from the next connection attempt.
    void setSrvResolver(std::shared_ptr<SrvResolver> resolver);
    // Sends DISCONNECT with `reason` (5.0: and properties), closes, and stops
    // auto-reconnect. 5.0 reason 0x04 makes the server publish the will.
    void disconnectFromBroker(ReasonCode reason = ReasonCode::NormalDisconnection,
                              const Properties &properties = {});
    // Drops the transport without DISCONNECT, as a crash or a lost network would (the
    // server then publishes the will). For tests and the "simulate loss" action.
    void abortConnection();

    // Each returns a token, unique for this Connection, allocated on the caller's thread;
    // the matching *Finished signal carries it.
    quint64 subscribe(const QList<Subscription> &subscriptions,
                      std::optional<quint32> subscriptionIdentifier = std::nullopt,
                      const QList<StringPair> &userProperties = {});
    quint64 unsubscribe(const QList<QString> &filters,
                        const QList<StringPair> &userProperties = {});
    // topic, payload, qos, retain and 5.0 properties of `message` are used.
    quint64 publish(PublishPacket message);
    // Publishes `messages` in order with one hand-off to the connection's thread, for senders
    // of many messages (timed jobs): message i gets token first + i, where first is returned.
    // Their outcomes come only through publishesFinished(), several at a time, never through
    // publishProgress()/publishFinished(): a view that follows single publishes is not woken
    // once per message of a flood.
    quint64 publishBatch(QList<PublishPacket> messages);
    // Tokens of publishBatch() have this bit set.
    static constexpr quint64 kBatchTokenBit = quint64(1) << 63;
    // Sends a PINGREQ now (after a keep alive PINGREQ still unanswered, if any): the
    // round-trip time to the server without any message. pingFinished() answers it, with
    // outcome.roundTripUs measured on the connection's thread from writing the PINGREQ to
    // reading the PINGRESP, or outcome.error (not connected, the connection ended).
    quint64 ping();
    // 5.0 enhanced authentication with a method the session does not handle itself:
    // answers authChallenge(), or starts a re-authentication (ReAuthenticate).
    void continueAuthentication(ReasonCode reason, const QByteArray &data,
                                const Properties &properties = {});

signals:
    void stateChanged(mqttdesk::SessionState state);
    // After a transient failure with auto-reconnect on: the next attempt, the attempt-th since
    // the last accepted connection or connectToBroker(), starts in delayMs. Emitted right
    // before stateChanged(ReconnectWaiting). A permanent failure (a certificate that fails
    // verification, an unreadable key file, bad credentials) schedules none: the state goes
    // to Disconnected after the error.
    void reconnectScheduled(qint64 delayMs, int attempt);
    void connected(const mqttdesk::ConnackInfo &info);
    void messagesReceived(const mqttdesk::MessageBatch &batch);
    // Non-final steps of a publish: Queued (offline or window full), Received (QoS 2 PUBREC).
    void publishProgress(quint64 token, const mqttdesk::PublishOutcome &outcome);
    // Final: Sent (QoS 0), Acknowledged, Completed, or Failed with outcome.error.
    void publishFinished(quint64 token, const mqttdesk::PublishOutcome &outcome);
    // The final outcomes of publishBatch() messages, in the order they became final.
    void publishesFinished(const QList<mqttdesk::PublishOutcome> &outcomes);
    // Also emitted for the session's own resubscribe after a reconnect (token 0,
    // result.resubscribe true).
    void subscribeFinished(quint64 token, const mqttdesk::SubscribeResult &result);
    void unsubscribeFinished(quint64 token, const mqttdesk::UnsubscribeResult &result);
    void pingFinished(quint64 token, const mqttdesk::PingOutcome &outcome);
    // setPacketTracing(true): the packets sent and received since the last one, in order.
    void packetsTraced(const QList<mqttdesk::PacketTraceEntry> &entries);
    void serverDisconnected(const mqttdesk::ServerDisconnected &info);
    void authChallenge(const mqttdesk::AuthChallenge &challenge);
    void errorOccurred(const mqttdesk::ConnectionError &error);
    // A problem that does not stop the connection (the TLS key log file cannot be
    // written); also logged as a warning.
    void warningOccurred(const QString &message);
    void logMessage(const mqttdesk::ConnectionLogEntry &entry);
    // A connection attempt starts at `address` (the main one, a fallback, a DNS SRV target
    // or a server reference's); the connection is at it once connected() follows.
    void brokerAddressChanged(const mqttdesk::BrokerAddress &address);
    // The server sent 0x9C "Use another server" or 0x9D "Server moved" with a Server
    // Reference (5.0 §4.11), in CONNACK or DISCONNECT; the connection has ended. Call
    // followServerReference() to go there.
    void serverReferenceReceived(const mqttdesk::ServerReference &reference);

private:
    void doConnect();
    void handle(const SessionEvent &event);
    void flushBatchOutcomes();
    void runSession(const SessionEvent &event);
    void execute(SessionActions &actions);
    void applySessionOptions();
    // Hands the sinks the messages of m_batch they have not seen yet.
    void feedSinks();
    // Back-pressure (MessageSink::wantsPause): reading from the transport stops while a sink
    // is full and starts again once every sink can take more (polled every kPressurePollMs).
    void pauseReading();
    void checkPressure();
    void stopPressure();
    // The sink whose commits acknowledgements wait for (the first durable one), listened to.
    void chooseDurableSink();
    void applyPacketLogging();
    void traced(PacketTraceEntry &&entry);
    void flushTrace();
    // OpenTransport from the session: starts a round of broker addresses.
    // Closes and forgets the current transport (if any) before the next one opens.
    void dropTransport();
    void beginAttempt();
    // Opens the transport to the round's current address.
    void openTransport();
    // The current address could not be reached (`reason`): opens the next one of the round
    // without telling the session; false when none is left (the session then hears it).
    bool tryNextAddress(const QString &reason);
    // Reports a server reference of 0x9C/0x9D (5.0 §4.11).
    void reportServerReference(ReasonCode reasonCode, const std::optional<QString> &text,
                               bool inConnack);
    void closeTransport();
    void startTimer(SessionTimer timer, qint64 durationMs);
    void stopTimer(SessionTimer timer);
    void onTransportConnected();
    void onTransportReadyRead();
    void onTransportDisconnected();
    void onTransportError(const TransportError &error);
    void deliver(DeliverMessage &&delivered);
    void flushBatch();
    void reportError(const ConnectionError &error, bool logIt = true);
    void log(LogLevel level, const QString &text);
    void setPublicState(SessionState state);
    qint64 nowMs() const { return m_clock.elapsed(); }
    template<typename Fn>
    void post(Fn &&fn);

    // An event that arrived while actions were being carried out; BytesReceived views
    // point into `bytes`.
    struct DeferredEvent
    {
        SessionEvent event;
        QByteArray bytes;
    };

    ConnectionSettings m_settings;
    std::unique_ptr<Session> m_session;
    // The session's actions for one event; reused, so a flood does not allocate (and
    // page-fault in) a fresh list of deliveries per received chunk.
    SessionActions m_actions;
    // Final outcomes of publishBatch() messages, emitted together when an event is handled.
    QList<PublishOutcome> m_batchOutcomes;
    bool m_inBatch = false; // handling the messages of one publishBatch()
    // Wall clock of the event being handled (microseconds since the epoch), taken at the
    // first message delivered from it: once per received chunk, not per message.
    qint64 m_receivedUs = 0;
    std::optional<bool> m_packetLogging; // unset: on iff logMessage() has a receiver
    bool m_packetTracing = false;
    qint64 m_eventUs = 0; // m_clock when the event being handled began (while tracing)
    QList<PacketTraceEntry> m_traceBatch;
    QTimer *m_traceTimer = nullptr;
    std::atomic<int> m_queuedCount{0};
    std::unique_ptr<Transport> m_transport;
    BrokerFailover m_failover;
    // The current transport reported connected(): its failures are the session's business.
    bool m_transportOpened = false;
    std::array<QTimer *, 4> m_timers{};
    QElapsedTimer m_clock;
    QTimer *m_batchTimer = nullptr;
    MessageBatch m_batch;
    qint64 m_batchBytes = 0; // payload bytes in m_batch
    std::vector<std::shared_ptr<MessageSink>> m_sinks;
    MessageSink *m_durableSink = nullptr; // one of m_sinks, listened to; or null
    qsizetype m_sinkFed = 0;              // the first m_sinkFed messages of m_batch went to m_sinks
    bool m_storeBeforeAck = false;        // acknowledgements wait for m_durableSink's commits
    static constexpr int kPressurePollMs = 10;
    bool m_readPaused = false; // a sink is full: the transport's bytes wait (see pauseReading)
    QTimer *m_pressureTimer = nullptr;
    // Set once a transport error was reported, so the session's own "transport closed"
    // error for the same loss is not reported twice.
    bool m_transportErrorReported = false;
    // The session was told about the current transport's end (once per transport).
    bool m_closeReported = false;
    bool m_handling = false;
    // When the latest PINGREQ was written (m_clock, ns): requested pings go out one at a
    // time, so the PingOutcome that follows answers that one.
    qint64 m_pingWrittenNs = -1;
    std::deque<DeferredEvent> m_deferred;
    std::atomic<quint64> m_nextToken{1};
    std::atomic<SessionState> m_publicState{SessionState::Disconnected};
};

} // namespace mqttdesk

Q_DECLARE_METATYPE(mqttdesk::SessionState)
Q_DECLARE_METATYPE(mqttdesk::ConnackInfo)
Q_DECLARE_METATYPE(mqttdesk::PublishOutcome)
Q_DECLARE_METATYPE(mqttdesk::SubscribeResult)
Q_DECLARE_METATYPE(mqttdesk::UnsubscribeResult)
Q_DECLARE_METATYPE(mqttdesk::PingOutcome)
Q_DECLARE_METATYPE(mqttdesk::PacketTraceEntry)
Q_DECLARE_METATYPE(mqttdesk::ServerDisconnected)
Q_DECLARE_METATYPE(mqttdesk::AuthChallenge)
