#pragma once

#include "core/connection/connection.h"
#include "core/connection/connection_error.h"
#include "core/connection/connection_settings.h"
#include "core/connection/received_message.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace mqttdesk {

// One client connection of a broker capability test: a Connection on the caller's thread
// with a callback per request, each answered exactly once: by the server, or with an error
// when no answer came within the time limit or the connection ended first. Nothing blocks;
// every callback runs from the event loop, never inside the call that made the request.
class ProbeConnection : public QObject
{
    Q_OBJECT
public:
    struct Opened
    {
        bool accepted = false;
        ConnackInfo connack;                  // when accepted
        std::optional<ReasonCode> reasonCode; // the CONNACK's refusal, if it came to that
        QString error;                        // why not accepted (translated)
        // The server was never reached (no socket, TLS failed): no MQTT answer at all.
        bool unreachable = false;
    };
    using Messages = QList<ReceivedMessage>;
    using Matcher = std::function<bool(const ReceivedMessage &)>;

    // `timeoutMs`: how long a request may wait for its answer.
    ProbeConnection(ConnectionSettings settings, int timeoutMs, QObject *parent = nullptr);
    ~ProbeConnection() override;

    const ConnectionSettings &settings() const { return m_settings; }
    bool isConnected() const { return m_connected; }
    // How the last connection ended: the server's DISCONNECT reason code, if it sent one,
    // and the error text.
    std::optional<ReasonCode> endReason() const { return m_endReason; }
    QString endText() const { return m_endText; }

    void open(std::function<void(const Opened &)> done);
    void subscribe(const Subscription &subscription, std::optional<quint32> identifier,
                   std::function<void(const SubscribeResult &)> done);
    // Answered with the final outcome (Sent, Acknowledged, Completed or Failed).
    void publish(const PublishPacket &message, std::function<void(const PublishOutcome &)> done);
    void ping(std::function<void(const PingOutcome &)> done);
    // The next `count` messages `match` accepts (also those that arrived unclaimed before
    // the call); fewer when the time runs out or the connection ends.
    void expect(Matcher match, int count, std::function<void(const Messages &)> done);
    // A clean DISCONNECT; `done` once closed (or at once when not connected).
    void close(std::function<void()> done, ReasonCode reason = ReasonCode::NormalDisconnection,
               const Properties &properties = {});
    // Drops the transport without DISCONNECT (the server then publishes the will).
    void abort();
    // Drops every waiting callback: none of them is called any more.
    void forget();
    // Done with it: forget(), then a clean DISCONNECT when connected (with graceful) or
    // just the transport dropped, and deleted later.
    void discard(bool graceful = true);

private:
    template<typename Result>
    struct Waiting
    {
        std::function<void(const Result &)> done;
        QTimer *timer = nullptr;
    };
    struct Expectation
    {
        Matcher match;
        int count = 1;
        Messages got;
        std::function<void(const Messages &)> done;
        QTimer *timer = nullptr;
    };

    template<typename Result>
    void wait(std::map<quint64, Waiting<Result>> &waiting, quint64 token,
              std::function<void(const Result &)> done);
    template<typename Result>
    void settle(std::map<quint64, Waiting<Result>> &waiting, quint64 token, const Result &result);
    void onStateChanged(SessionState state);
    void onMessages(const MessageBatch &batch);
    void finishExpectation(Expectation *expectation);
    // Answers every waiting request with `error` (the connection ended, or timed out).
    void failAll(const SessionError &error);
    QTimer *armTimer(int ms, std::function<void()> onTimeout);
    SessionError timeoutError() const;
    SessionError endedError() const;
    // Runs `fn` from the event loop.
    void later(std::function<void()> fn);

    ConnectionSettings m_settings;
    int m_timeoutMs = 5000;
    std::unique_ptr<Connection> m_connection;
    bool m_connected = false;
    std::optional<ConnectionError> m_lastError;
    std::optional<ReasonCode> m_endReason;
    QString m_endText;

    std::function<void(const Opened &)> m_opening;
    QTimer *m_openTimer = nullptr;
    std::function<void()> m_closing;
    QTimer *m_closeTimer = nullptr;
    std::map<quint64, Waiting<SubscribeResult>> m_subscribes;
    std::map<quint64, Waiting<PublishOutcome>> m_publishes;
    std::map<quint64, Waiting<PingOutcome>> m_pings;
    std::vector<std::unique_ptr<Expectation>> m_expectations;
    Messages m_unclaimed;     // arrived while nothing expected them (the latest few)
    quint64 m_generation = 0; // counts forget() calls
};

} // namespace mqttdesk
